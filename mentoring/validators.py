"""Validators for mentoring data. The OIB validator lives in `organisations.validators`."""

from organisations.validators import is_valid_oib, oib_check_digit, validate_oib

__all__ = ["is_valid_oib", "oib_check_digit", "validate_oib"]
