"""Geometry of the radar chart, drawn as inline SVG on the server (no JavaScript, works in PDFs)."""

import math

# Distinguishable by colour (WCAG contrast ≥ 3:1 on white) and by line style.
SERIES_STYLES = [
    {"stroke": "#4a524e", "fill": "rgba(74,82,78,0.12)", "dash": "6 4"},
    {"stroke": "#0b5394", "fill": "rgba(11,83,148,0.12)", "dash": "2 3"},
    {"stroke": "#1d5e3a", "fill": "rgba(29,94,58,0.22)", "dash": ""},
]


def _point(cx, cy, radius, index, count):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def radar_chart(*, areas: list[dict], series: list[dict], size: int = 420, max_value: int = 5) -> dict | None:
    """Coordinates for a radar chart: one axis per area, one polygon per series (values 1–5)."""
    count = len(areas)
    if count < 3:
        return None
    margin = 110
    width = size + 2 * margin
    height = size + 60
    cx, cy, radius = width / 2, size / 2 + 30, size / 2 - 10
    rings = []
    for level in range(1, max_value + 1):
        points = [_point(cx, cy, radius * level / max_value, i, count) for i in range(count)]
        rings.append(
            {
                "level": level,
                "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
                "label_x": f"{cx + 4:.1f}",
                "label_y": f"{cy - radius * level / max_value - 2:.1f}",
            }
        )
    axes = []
    for i, area in enumerate(areas):
        x, y = _point(cx, cy, radius, i, count)
        lx, ly = _point(cx, cy, radius + 16, i, count)
        if abs(lx - cx) < 5:
            anchor = "middle"
        elif lx > cx:
            anchor = "start"
        else:
            anchor = "end"
        words = area["name"].split()
        lines, current = [], ""
        for word in words:
            if current and len(current) + len(word) > 16:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        lines.append(current)
        if ly < cy - 5:
            ly -= 14 * (len(lines) - 1)
        axes.append(
            {
                "x": f"{x:.1f}",
                "y": f"{y:.1f}",
                "label_x": f"{lx:.1f}",
                "label_y": f"{ly + 5:.1f}",
                "anchor": anchor,
                "lines": lines,
            }
        )
    polygons = []
    for index, item in enumerate(series):
        style = SERIES_STYLES[min(index, len(SERIES_STYLES) - 1)] if len(series) <= 3 else SERIES_STYLES[index % 3]
        points = []
        for i, value in enumerate(item["values"]):
            value = value or 0
            points.append(_point(cx, cy, radius * value / max_value, i, count))
        polygons.append(
            {
                "label": item["label"],
                "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
                "dots": [{"x": f"{x:.1f}", "y": f"{y:.1f}"} for x, y in points],
                **style,
            }
        )
    return {
        "width": width,
        "height": height,
        "cx": f"{cx:.1f}",
        "cy": f"{cy:.1f}",
        "rings": rings,
        "axes": axes,
        "polygons": polygons,
    }
