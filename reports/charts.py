"""Horizontal bar charts as inline SVG (no JavaScript; the same markup works in WeasyPrint PDFs)."""

from decimal import Decimal

BAR_HEIGHT = 22
GAP = 10
LABEL_WIDTH = 260
BAR_AREA = 300


def bar_chart(*, bars: list[dict], width: int = LABEL_WIDTH + BAR_AREA + 80) -> dict | None:
    """Bars of ``{"label", "value", "max", "text"}``: coordinates for ``reports/includes/bar_chart.svg``."""
    if not bars:
        return None
    rows = []
    for index, bar in enumerate(bars):
        maximum = float(bar.get("max") or 0) or max(float(b["value"]) for b in bars) or 1.0
        share = min(1.0, float(bar["value"]) / maximum) if maximum else 0.0
        y = index * (BAR_HEIGHT + GAP)
        rows.append(
            {
                "label": bar["label"][:48],
                "text": bar.get("text") or str(bar["value"]),
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "width": round(BAR_AREA * share, 1),
                "track": BAR_AREA,
            }
        )
    return {
        "width": width,
        "height": len(bars) * (BAR_HEIGHT + GAP),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "value_x": LABEL_WIDTH + BAR_AREA + 8,
        "rows": rows,
    }


def as_number(value) -> float:
    return float(value) if isinstance(value, (int, float, Decimal)) else 0.0
