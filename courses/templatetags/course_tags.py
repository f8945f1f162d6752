import uuid

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key` for dictionaries in templates (quiz state by block id)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag
def submission_token() -> str:
    """A fresh token per rendered quiz form; posting the same form twice is recognised by it."""
    return str(uuid.uuid4())
