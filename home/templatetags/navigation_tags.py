from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Top-level pages marked "show in menus", looked up once per request."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_kok_menu_pages", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    pages = []
    if site is not None:
        pages = list(Page.objects.child_of(site.root_page).live().public().in_menu().order_by("path"))
    request._kok_menu_pages = pages
    return pages


@register.filter
def is_within(page, section) -> bool:
    """True when `page` is `section` or one of its descendants (for aria-current in the menu)."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))
