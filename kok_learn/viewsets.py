"""Wagtail's admin viewsets with the project's safety rules built in; every app's ``wagtail_hooks.py``
uses these instead of Wagtail's own (docs/security.md):

- the listing's CSV export neutralises formulas (``kok_learn.exports``);
- a snippet's chooser and its JSON endpoints (results, chosen) let in only people who may open the
  snippet's listing: Wagtail's choosers check nothing beyond admin access, so the certificate
  register's codes and holders were readable by every editor through the chooser.

``tests/test_exports.py`` and ``tests/test_admin_choosers.py`` find every registered viewset and fail
on one that does not have these.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic.models import IndexView as GenericIndexView
from wagtail.admin.viewsets.model import ModelViewSet as WagtailModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

from .exports import SafeSpreadsheetExportMixin

# The permissions any of which opens a Wagtail listing (IndexView.any_permission_required).
LISTING_ACTIONS = ("add", "change", "delete", "view")


def may_open_listing(user, model) -> bool:
    policy = policy_registry.get_by_type(model) or ModelPermissionPolicy(model)
    return policy.user_has_any_permission(user, LISTING_ACTIONS)


class ListingPermissionChooserMixin:
    """A chooser view answers 403 to whoever may not open the model's listing."""

    def dispatch(self, request, *args, **kwargs):
        if not may_open_listing(request.user, self.model_class):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ListingPermissionChooserMixin, snippet_chooser.ChooseView):
    pass


class ChooseResultsView(ListingPermissionChooserMixin, snippet_chooser.ChooseResultsView):
    pass


class ChosenView(ListingPermissionChooserMixin, snippet_chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ListingPermissionChooserMixin, snippet_chooser.SnippetChosenMultipleView):
    pass


class CreateView(ListingPermissionChooserMixin, snippet_chooser.SnippetCreateView):
    pass


class SnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class SafeExportIndexView(SafeSpreadsheetExportMixin, GenericIndexView):
    pass


class SafeExportSnippetIndexView(SafeSpreadsheetExportMixin, SnippetIndexView):
    pass


class ModelViewSet(WagtailModelViewSet):
    """Wagtail's ModelViewSet whose listing exports safe CSV."""

    index_view_class = SafeExportIndexView


class SnippetViewSet(WagtailSnippetViewSet):
    """Wagtail's SnippetViewSet: safe CSV export, chooser only for those who may open the listing."""

    index_view_class = SafeExportSnippetIndexView
    chooser_viewset_class = SnippetChooserViewSet
