"""System check: production keeps its caches where every process sees them."""

from django.conf import settings
from django.core import checks

PER_PROCESS_BACKENDS = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


def check_shared_cache(app_configs=None, **kwargs):
    if not getattr(settings, "KOK_PRODUCTION", False):
        return []
    warnings = []
    for alias, config in settings.CACHES.items():
        if config.get("BACKEND") in PER_PROCESS_BACKENDS:
            warnings.append(
                checks.Warning(
                    f"The {alias!r} cache is {config['BACKEND'].rsplit('.', 1)[-1]}: each gunicorn worker "
                    "would keep its own copy, so a publish or a privacy change would not reach the others.",
                    hint="Leave CACHES to the production settings: the file cache in KOK_CACHE_DIR, or Redis "
                    "with REDIS_URL (docs/caching.md).",
                    id="kok_learn.W001",
                )
            )
    return warnings
