"""Discovery for the project-wide input-bound tests (issue 13, findings 9 and 11): our apps' models,
their front-end forms (``<app>/forms.py``) and every form of the Wagtail admin that edits them.

Nothing is listed by hand, so a new app's model, form, page type, snippet, setting or viewset is
checked as soon as it exists.
"""

import importlib
import inspect

from django import forms
from django.urls import get_resolver

OUR_APPS = [
    "accounts",
    "organisations",
    "certificates",
    "events",
    "courses",
    "mentoring",
    "volunteering",
    "reports",
    "home",
]


def our_models():
    from django.apps import apps

    return [model for app in OUR_APPS for model in apps.get_app_config(app).get_models()]


def own_fields(model):
    """Concrete fields the model (or an abstract base of ours) defines: not Wagtail's ``Page`` fields."""
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False) and field.model._meta.app_label in OUR_APPS
    ]


def front_end_forms():
    """(label, form class) for every form class defined in ``<app>/forms.py``."""
    found = []
    for app in OUR_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for name, cls in vars(module).items():
            if inspect.isclass(cls) and issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append((f"{app}.forms.{name}", cls))
    return found


def form_fields(cls) -> dict:
    """The fields of an instance when the form needs no arguments, else the declared ones (a form built
    with ``BoundedFormMixin`` bounds the rest in its ``__init__``; the checks take that into account)."""
    try:
        return cls().fields
    except TypeError:
        return cls.base_fields


def admin_forms():
    """(label, model, form class) for every admin form of our models: page types, settings, viewsets and
    snippets, and the inline formsets (InlinePanel) inside them."""
    from wagtail.admin.panels import get_edit_handler
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.models import get_page_models

    _ = get_resolver().url_patterns  # registers the admin's viewsets
    found = []
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet) and viewset.model._meta.app_label in OUR_APPS:
            found.append((f"viewset {viewset.name}", viewset.model, viewset.get_form_class(for_update=True)))
    for model in get_page_models():
        if model._meta.app_label in OUR_APPS:
            found.append((f"page {model._meta.label}", model, model.get_edit_handler().get_form_class()))
    for model in settings_registry:
        if model._meta.app_label in OUR_APPS:
            found.append((f"setting {model._meta.label}", model, get_edit_handler(model).get_form_class()))
    with_inlines = []
    for label, model, form_class in found:
        with_inlines.append((label, model, form_class))
        for name, formset in (getattr(form_class, "formsets", None) or {}).items():
            with_inlines.append((f"{label} inline {name}", formset.model, formset.form))
    return with_inlines
