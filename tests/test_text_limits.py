"""Issue 13, finding 11 (unbounded text), project-wide: every free-text field of every model of our apps
has a limit in the model (``max_length``, which forms and the admin render and check, and a
``MaxLengthValidator``, which ``full_clean()`` checks — Django checks a TextField's ``max_length`` only
in forms), and every text field of every front-end form has a ``max_length``.

The probe sent 1 MB of meeting notes; the models and forms are discovered (tests/bounds.py), so a new
app's fields are checked without touching this file.
"""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import translation

from kok_learn.validators import BoundedFormMixin

from .bounds import form_fields, front_end_forms, our_models, own_fields

# Fields that are not free text typed into a form, each with its reason.
NOT_TYPED_TEXT = {
    # Editors' page content in the Wagtail admin: rich text and StreamField blocks, written only by staff
    # with page permissions; the blocks bound their own parts (CharBlock max_length), and the whole is
    # the page itself.
    "RichTextField": "editors' rich text (Wagtail admin, staff only)",
    "StreamField": "editors' StreamField content (Wagtail admin, staff only)",
    # Stored by our code, never typed: quiz answers/results (ids checked against the quiz), audit
    # snapshots of hour entries, chosen competences (keys from a fixed list).
    "JSONField": "machine-written structured data",
}
MACHINE_WRITTEN = {
    # The signed Open Badges credential, written by certificates/credentials, not editable.
    "certificates.Certificate.credential_json": "signed credential document, written by the signer",
}


def _label(model, field) -> str:
    return f"{model._meta.label}.{field.name}"


def _is_free_text(field) -> bool:
    return isinstance(field, models.TextField | models.CharField) and not (
        field.choices or isinstance(field, models.EmailField | models.URLField | models.SlugField)
    )


def _text_fields():
    for model in our_models():
        for field in own_fields(model):
            if type(field).__name__ in NOT_TYPED_TEXT or _label(model, field) in MACHINE_WRITTEN:
                continue
            if _is_free_text(field):
                yield model, field


def test_the_walk_sees_the_new_apps():
    labels = {_label(model, field) for model, field in _text_fields()}
    for expected in (
        "mentoring.Meeting.notes",
        "events.Place.accessibility_notes",
        "volunteering.HourEntry.note",
        "organisations.Organisation.description",
        "home.ContactSettings.address",
    ):
        assert expected in labels


def test_every_free_text_field_of_every_model_has_a_limit_in_the_model():
    unbounded = [
        _label(model, field)
        for model, field in _text_fields()
        if not (field.max_length and any(isinstance(v, MaxLengthValidator) for v in field.validators))
    ]
    assert unbounded == [], "give these max_length and text_limit_validators() (kok_learn/validators.py)"


def test_every_text_field_of_every_front_end_form_has_a_max_length():
    # Not stored (a password checked against its hash) or not free text (a hidden UUID).
    skipped = {"password", "password1", "password2", "username", "submission"}
    unbounded = [
        f"{label}.{name}"
        for label, cls in front_end_forms()
        if not issubclass(cls, BoundedFormMixin)  # bounds every CharField without a limit in __init__
        for name, field in form_fields(cls).items()
        if isinstance(field, forms.CharField) and field.max_length is None and name not in skipped
    ]
    assert unbounded == []


@pytest.mark.parametrize(
    ("label", "limit"),
    [
        ("organisations.Organisation.description", 5000),
        ("home.ContactSettings.address", 2000),
        ("home.FundingNotice.disclaimer", 2000),
        ("certificates.Certificate.revoked_reason", 2000),
        ("certificates.CertificateTemplate.body", 2000),
        ("events.EventPage.summary", 400),
        ("volunteering.VolunteeringIndexPage.intro", 600),
    ],
)
def test_a_text_over_the_limit_gets_a_croatian_message(label, limit):
    from django.apps import apps

    app_label, model_name, field_name = label.split(".")
    field = apps.get_model(app_label, model_name)._meta.get_field(field_name)
    with translation.override("hr"):
        with pytest.raises(ValidationError) as error:
            field.run_validators("x" * (limit + 1))
        assert f"Ovaj tekst može imati najviše {limit} znakova" in " ".join(error.value.messages)
    field.run_validators("x" * limit)
    form_field = field.formfield()
    assert form_field.max_length == limit
    assert form_field.widget.attrs.get("maxlength") == str(limit)
