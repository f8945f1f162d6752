from dataclasses import dataclass

from django import template
from wagtail.models import Page, Site

from kok_learn.caching.content_cache import remember

register = template.Library()


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str  # the page's tree path, to tell whether the current page is within it


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Top-level pages marked "show in menus", from the content cache (no query once it is filled)."""
    request = context.get("request")
    if request is None:
        return []
    site = Site.find_for_request(request)
    if not site:
        return []

    def items():
        pages = Page.objects.child_of(site.root_page).live().public().in_menu().order_by("path")
        return [MenuItem(title=page.title, url=page.get_url(request), path=page.path) for page in pages]

    return remember("menu", items, request=request)


@register.filter
def is_within(page, section) -> bool:
    """True when `page` is `section` or one of its descendants (for aria-current in the menu)."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))


@register.filter
def menu_section(page) -> str:
    """The tree path of the top-level section `page` is in ("" outside the page tree).

    The main menu marks that section as current, so this is all the menu depends on.
    """
    path = getattr(page, "path", "")
    return path[: 3 * Page.steplen] if len(path) >= 3 * Page.steplen else path


@register.simple_tag(takes_context=True)
def index_page_url(context, model_label: str) -> str:
    """The URL of the live page of a single-instance page type, e.g. "courses.CourseIndexPage" (the
    catalogue), wherever the site's editors put it; "" when there is none. Templates link to sections
    with this instead of writing their paths."""
    from django.apps import apps

    model = apps.get_model(model_label)
    page = model.objects.live().only("id", "url_path").order_by("path").first()
    return page.get_url(context.get("request")) if page else ""
