"""People's names as others see them: on the public certificate verification page, in PDFs, in exports.

A name is normalised to NFC (``c`` + combining caron becomes ``č``), loses every control and format
character (Unicode categories Cc and Cf: NUL, escape sequences, zero-width spaces and joiners, the
byte-order mark, right-to-left overrides and isolates), has its runs of white space collapsed, and
must contain at least one letter. Every form field for a person's name uses :class:`PersonNameField`;
model fields carry :func:`validate_person_name`; code that copies a name somewhere else (certificate
issuing) passes it through :func:`clean_person_name`.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVISIBLE_CATEGORIES = {"Cc", "Cf"}

NO_LETTER_MESSAGE = _("A name must contain at least one letter.")


def clean_person_name(value: str) -> str:
    """NFC, without control and format characters, single spaces, no spaces at either end."""
    normalised = unicodedata.normalize("NFC", value or "")
    kept = []
    for char in normalised:
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) not in INVISIBLE_CATEGORIES:
            kept.append(char)
    return " ".join("".join(kept).split())


def validate_person_name(value: str) -> None:
    """Refuses names with invisible characters or without a single letter."""
    if any(unicodedata.category(char) in INVISIBLE_CATEGORIES for char in value):
        raise ValidationError(_("A name must not contain control or invisible characters."), code="invisible")
    if not any(unicodedata.category(char).startswith("L") for char in value):
        raise ValidationError(NO_LETTER_MESSAGE, code="no_letter")


class PersonNameField(forms.CharField):
    """A name field that cleans what was typed (see the module) and requires a visible letter.

    A value made only of invisible characters is an error, not an empty (optional) name.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 150)
        super().__init__(**kwargs)
        self.validators.append(validate_person_name)

    def clean(self, value):
        typed = value if isinstance(value, str) else ""
        cleaned = clean_person_name(typed)
        if typed.strip() and not cleaned:
            raise ValidationError(NO_LETTER_MESSAGE, code="no_letter")
        return super().clean(cleaned)


class CleanNamesMixin:
    """For models with names typed in the admin or copied by a service: every field listed in
    ``name_fields`` is cleaned with :func:`clean_person_name` before validation (``full_clean()``, every
    ModelForm and the Wagtail admin's forms and inline panels); the fields also carry
    :func:`validate_person_name`, so a name without a letter is refused with a message."""

    name_fields: tuple[str, ...] = ("name",)

    def clean_fields(self, exclude=None):
        for field in self.name_fields:
            value = getattr(self, field)
            if isinstance(value, str):
                setattr(self, field, clean_person_name(value))
        super().clean_fields(exclude=exclude)
