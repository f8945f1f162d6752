from django import template

from ..selectors import small_cell as _small_cell

register = template.Library()


@register.filter
def small_cell(value, publication=True):
    """In a report for publication, 1–4 people are shown as "< 5"; otherwise the exact count."""
    if not publication:
        return value
    return _small_cell(int(value or 0))


@register.filter
def cells(row, sexes):
    return row.cell_list(sexes)
