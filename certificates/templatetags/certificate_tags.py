from django import template

from ..selectors import certificate_list_for_user

register = template.Library()


@register.inclusion_tag("certificates/includes/learner_certificates.html", takes_context=True)
def learner_certificates(context, user):
    """The user's certificates (title, date, download and verification links), or an empty-state sentence."""
    certificates = certificate_list_for_user(user=user) if getattr(user, "is_authenticated", False) else []
    return {"certificates": certificates, "request": context.get("request")}
