"""The HTTP cache in front (``wagtail.contrib.frontend_cache``) hears of privacy changes too.

Wagtail purges a page's URL there when it is published or unpublished. A view restriction added,
changed or removed changes who may see the page *and every page below it*, so the page and its
descendants are purged as well, once the change is committed.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)


def purge_page_and_descendants(page_id: int) -> None:
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    batch = PurgeBatch()
    batch.add_pages(Page.objects.descendant_of(page, inclusive=True).live().specific(defer=True))
    try:
        batch.purge()
    except Exception:  # the proxy being down must not fail the editor's save
        logger.exception("Frontend cache: could not purge page %s and its descendants", page_id)


def _on_restriction_change(sender, instance, **kwargs) -> None:
    page_id = instance.page_id
    transaction.on_commit(lambda: purge_page_and_descendants(page_id), robust=True)


def purge_on_privacy_changes() -> None:
    from wagtail.models import PageViewRestriction

    uid = "kok_frontend_cache_privacy"
    post_save.connect(_on_restriction_change, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(_on_restriction_change, sender=PageViewRestriction, dispatch_uid=uid)
