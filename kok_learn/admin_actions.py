"""Buttons on a row of a Wagtail listing that POST to a per-row view (approve, decline).

One column and one template for every app: the buttons are forms (no JavaScript), shown only on the
rows ``show(instance)`` accepts and only to people holding ``permission``. The views they post to are
decorated with ``row_action``: POST only (405 otherwise) and the same permission checked again, with
a 403 page giving the reason (Wagtail's admin would turn a raised PermissionDenied into a redirect).
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column

from .errors import permission_denied


@dataclass(frozen=True)
class RowAction:
    label: str
    url_name: str  # a URL name taking the row's pk
    reason_label: str = ""  # when set, a required "reason" field comes before the button
    reason_max_length: int = 300
    secondary: bool = False


class RowActionsColumn(Column):
    cell_template_name = "kok_learn/admin/row_actions_cell.html"

    def __init__(self, name, *, actions: list[RowAction], show: Callable, permission: str, **kwargs):
        super().__init__(name, **kwargs)
        self.actions, self.show, self.permission = actions, show, permission

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = context["request"]
        visible = self.show(instance) and request.user.has_perm(self.permission)
        context["actions"] = (
            [{"action": action, "url": reverse(action.url_name, args=[instance.pk])} for action in self.actions]
            if visible
            else []
        )
        context["row_id"] = instance.pk
        context["csrf_token"] = get_token(request) if visible else ""
        return context


def row_action(*, permission: str, denied: str):
    """Decorate the view a row button posts to: POST only; without ``permission``, 403 saying ``denied``."""

    def decorate(view):
        @require_POST
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return permission_denied(request, PermissionDenied(str(denied)))
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
