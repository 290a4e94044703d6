"""PDF colour values (gray, RGB or CMYK tuples) as "#RRGGBB" strings."""
from __future__ import annotations

from typing import Any


def colour_hex(value: Any) -> str | None:
    """Convert a pdfplumber colour (1, 3 or 4 components in 0..1) to "#RRGGBB"; patterns give None."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, (int, float)):
        value = (value,)
    try:
        components = [float(v) for v in value]
    except (TypeError, ValueError):
        return None
    if len(components) == 1:
        rgb = components * 3
    elif len(components) == 3:
        rgb = components
    elif len(components) == 4:
        c, m, y, k = components
        rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    else:
        return None
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in rgb)


def is_blank(colour: str | None, min_channel: int) -> bool:
    """White or near-white, every channel at least `min_channel` (ExtractSettings.blank_min_channel):
    a fill that carries no meaning (the page background)."""
    if colour is None:
        return True
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return min(r, g, b) >= min_channel


def is_neutral(colour: str | None, max_spread: int) -> bool:
    """Black, grey or white, its channels less than `max_spread` apart (ExtractSettings.neutral_max_spread):
    the colour of ordinary text, which says nothing about status."""
    if colour is None:
        return True
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return max(r, g, b) - min(r, g, b) < max_spread


def is_marker_glyph(text: str) -> bool:
    """A symbol printed as a status marker (●, ■, ⬤ …), as opposed to letters, digits and punctuation."""
    return len(text) == 1 and not text.isalnum() and not text.isspace() and text not in ".,;:!?-–—()[]/\\'\"%&*+=<>§"
