from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "kok_learn.caching"
    label = "kok_caching"
    verbose_name = "Caching"

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_migrate

        from . import frontend, generation
        from .checks import check_shared_cache

        checks.register(check_shared_cache, checks.Tags.caches)
        generation.purge_on_page_changes()
        frontend.purge_on_privacy_changes()
        # A deploy runs `migrate`: pages and fragments rendered by the previous release are not served.
        post_migrate.connect(generation.on_migrate, dispatch_uid="kok_cache_new_generation_on_migrate")
