"""Validators for Croatian identifiers: the OIB and other numeric registry numbers.

Only the ASCII digits 0–9 count as digits. `str.isdigit()` would also accept Arabic-Indic,
superscript and other Unicode digits, which `int()` either folds into ASCII ones (so "٠١٢…"
would duplicate an existing OIB) or rejects with an exception.
"""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

_ASCII_DIGITS = re.compile(r"[0-9]+", flags=re.ASCII)


def is_ascii_digits(value) -> bool:
    """True when `value` is a non-empty string of the ASCII digits 0–9 and nothing else."""
    return isinstance(value, str) and _ASCII_DIGITS.fullmatch(value) is not None


def oib_check_digit(first_ten: str) -> int:
    """The check digit of a Croatian OIB (ISO 7064, MOD 11,10) for its first ten digits."""
    if not is_ascii_digits(first_ten):
        raise ValueError("An OIB consists of the ASCII digits 0-9 only.")
    remainder = 10
    for char in first_ten:
        remainder = (remainder + int(char)) % 10
        if remainder == 0:
            remainder = 10
        remainder = (remainder * 2) % 11
    check = 11 - remainder
    return 0 if check == 10 else check


def is_valid_oib(value: str) -> bool:
    if not is_ascii_digits(value) or len(value) != 11:
        return False
    return oib_check_digit(value[:10]) == int(value[10])


def validate_oib(value: str) -> None:
    if not is_ascii_digits(value) or len(value) != 11:
        raise ValidationError(_("An OIB has exactly 11 digits."), code="oib_format")
    if not is_valid_oib(value):
        raise ValidationError(
            _("This OIB is not valid: its check digit does not match. Please check the number."),
            code="oib_checksum",
        )


def validate_registry_number(value: str) -> None:
    """A number in the register of associations (RNO or register number): ASCII digits only."""
    if value and not is_ascii_digits(value):
        raise ValidationError(_("A registry number consists of the digits 0–9 only."), code="registry_number_format")


def validate_founding_year(value: int) -> None:
    if value < 1800 or value > timezone.localdate().year:
        raise ValidationError(_("The founding year must be between 1800 and this year."), code="founding_year")


_PHONE = re.compile(r"\+?[0-9 /().-]+", flags=re.ASCII)


def validate_phone_number(value: str) -> None:
    """A phone number as people write it ("091 555 0101", "+385 1 234-5678"): ASCII digits, spaces and
    ``+ / ( ) . -`` only, with 6 to 15 digits. Other Unicode digits and invisible characters are refused."""
    if not value:
        return
    digits = sum(char in "0123456789" for char in value)
    if not _PHONE.fullmatch(value) or not 6 <= digits <= 15:
        raise ValidationError(
            _("Enter a phone number with the digits 0–9 (spaces, +, /, - and brackets are allowed)."),
            code="phone_format",
        )
