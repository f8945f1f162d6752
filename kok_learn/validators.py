"""Bounds for what people type: dates within a sensible window, free text within a length limit.

One place for every app (issue 13, findings 9 and 11): a model field gets the validators from
``bounded_date_validators`` / ``text_limit_validators`` (checked by ``full_clean()`` in services and
by every ModelForm, the Wagtail admin's included), and a plain form gets the same through
``BoundedFormMixin``. Every message is translated; the bounds are relative to today, so a record
dated 0001-01-01 or 9999-12-31 is refused with a message instead of overflowing a datetime
conversion somewhere (a 500, a broken ``.ics``).
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import formats, timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# Nothing this platform records happened before the project's predecessors existed.
EARLIEST_DATE = datetime.date(2000, 1, 1)
YEARS_AHEAD = 2

# Sensible limits for free text, in characters.
SHORT_TEXT = 2000
LONG_TEXT = 10000


def _as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            try:
                return timezone.localtime(value).date()
            except OverflowError:
                return value.date()
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def latest_date(years_ahead: int = YEARS_AHEAD, *, today: datetime.date | None = None) -> datetime.date:
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + years_ahead)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years_ahead, day=28)


@deconstructible
class DateBoundsValidator:
    """The date (or the local date of a datetime) is not before ``earliest`` nor more than
    ``years_ahead`` years after today (0: not after today). ``message``, when given, replaces both
    messages (e.g. "Enter a real date of birth.")."""

    def __init__(self, *, earliest: datetime.date = EARLIEST_DATE, years_ahead: int = YEARS_AHEAD, message=None):
        self.earliest = earliest
        self.years_ahead = years_ahead
        self.message = message

    def __call__(self, value):
        day = _as_date(value)
        if day is None:
            return
        if self.message and not (self.earliest <= day <= latest_date(self.years_ahead)):
            raise ValidationError(self.message, code="date_out_of_bounds")
        if day < self.earliest:
            raise ValidationError(
                _("The date cannot be before %(earliest)s."),
                code="date_too_early",
                params={"earliest": formats.date_format(self.earliest, "SHORT_DATE_FORMAT")},
            )
        if day > latest_date(self.years_ahead):
            raise ValidationError(
                ngettext_lazy(
                    "The date cannot be more than %(years)d year from today.",
                    "The date cannot be more than %(years)d years from today.",
                    "years",
                ),
                code="date_too_late",
                params={"years": self.years_ahead},
            )

    def __eq__(self, other):
        return (
            isinstance(other, DateBoundsValidator)
            and self.earliest == other.earliest
            and self.years_ahead == other.years_ahead
            and self.message == other.message
        )


def bounded_date_validators(
    *, earliest: datetime.date = EARLIEST_DATE, years_ahead: int = YEARS_AHEAD, message=None
) -> list:
    """Validators for a DateField/DateTimeField of a model or a form."""
    if message is None:
        return [DateBoundsValidator(earliest=earliest, years_ahead=years_ahead)]
    return [DateBoundsValidator(earliest=earliest, years_ahead=years_ahead, message=message)]


def text_limit_validators(limit: int) -> list:
    """Validators for a model TextField (Django checks ``max_length`` of a TextField only in forms)."""
    return [
        MaxLengthValidator(
            limit,
            message=ngettext_lazy(
                "This text can have at most %(limit_value)d character (it has %(show_value)d).",
                "This text can have at most %(limit_value)d characters (it has %(show_value)d).",
                "limit_value",
            ),
        )
    ]


class BoundedFormMixin:
    """Gives every date field of a form the date bounds and every text field a length limit.

    ``date_bounds`` maps a field name to ``(earliest, years_ahead)`` for fields that need other
    bounds than the defaults; ``text_limit`` is the limit of a CharField that has no max_length.
    """

    date_bounds: dict = {}
    text_limit: int = LONG_TEXT

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField | forms.DateTimeField | forms.SplitDateTimeField):
                earliest, years_ahead = self.date_bounds.get(name, (EARLIEST_DATE, YEARS_AHEAD))
                bound_date_field(field, earliest=earliest, years_ahead=years_ahead)
            elif (
                isinstance(field, forms.CharField)
                and not isinstance(field, forms.UUIDField | forms.JSONField)  # they clean to no string
                and field.max_length is None
            ):
                field.max_length = self.text_limit
                field.validators.append(MaxLengthValidator(self.text_limit))
                field.widget.attrs.setdefault("maxlength", str(self.text_limit))


def bound_date_field(
    field, *, earliest: datetime.date = EARLIEST_DATE, years_ahead: int = YEARS_AHEAD, message=None
) -> None:
    field.validators = [v for v in field.validators if not isinstance(v, DateBoundsValidator)]
    field.validators += bounded_date_validators(earliest=earliest, years_ahead=years_ahead, message=message)
    if isinstance(field, forms.DateField) and getattr(field.widget, "input_type", "") == "date":
        field.widget.attrs["min"] = earliest.isoformat()
        field.widget.attrs["max"] = latest_date(years_ahead).isoformat()
