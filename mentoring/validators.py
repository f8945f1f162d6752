"""Validators for mentoring data."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def oib_check_digit(first_ten: str) -> int:
    """The check digit of a Croatian OIB (ISO 7064, MOD 11,10) for its first ten digits."""
    remainder = 10
    for char in first_ten:
        remainder = (remainder + int(char)) % 10
        if remainder == 0:
            remainder = 10
        remainder = (remainder * 2) % 11
    check = 11 - remainder
    return 0 if check == 10 else check


def is_valid_oib(value: str) -> bool:
    if not isinstance(value, str) or len(value) != 11 or not value.isdigit():
        return False
    return oib_check_digit(value[:10]) == int(value[10])


def validate_oib(value: str) -> None:
    if not isinstance(value, str) or len(value) != 11 or not value.isdigit():
        raise ValidationError(_("An OIB has exactly 11 digits."), code="oib_format")
    if not is_valid_oib(value):
        raise ValidationError(
            _("This OIB is not valid: its check digit does not match. Please check the number."),
            code="oib_checksum",
        )
