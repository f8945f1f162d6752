"""Site-wide Wagtail hooks."""

from wagtail import hooks

from kok_learn.caching import page_cache

# Pages whose class carries `page_cache` may be kept in the page cache for anonymous visitors.
hooks.register("before_serve_page", page_cache.allow_page)
