"""Colours as extract/ reports them ("#RRGGBB"): parsing, distance, and which status hue they show.

Status cells are painted, not written, and every report paints them in its own shades, so a colour
is first compared with the document's legend and, failing that, judged by its hue.
"""
from __future__ import annotations

import colorsys
import math
import re
from collections.abc import Sequence
from typing import TypeVar

from followup.schemas.document import Status

RGB = tuple[int, int, int]

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")

# Lab distance (CIE76) below which a colour counts as the legend's colour. Two prints of one Word
# colour differ by a few units; green, amber and red are 60 and more apart.
LEGEND_DISTANCE = 25.0
# A report may paint its cells in a tint of its legend's colour (Office's "lighter 40 %" is 25–34
# away): up to this distance the nearest legend colour still counts when every legend colour of
# another status is at least LEGEND_MARGIN times as far.
LEGEND_DISTANCE_FAR = 50.0
LEGEND_MARGIN = 2.0

# Below this saturation a colour is white, grey or black: not a status. Pastel status fills (Excel's
# light green #C6EFCE has 0.17) stay above it; greys are 0.
MIN_SATURATION = 0.10
MIN_VALUE = 0.15

# Hue bands in degrees. Yellow and amber both mean work in progress; the red band wraps around 0.
_HUE_BANDS: tuple[tuple[float, float, Status], ...] = (
    (0.0, 18.0, "delayed"),
    (18.0, 72.0, "in_progress"),
    (72.0, 170.0, "done"),
    (335.0, 360.0, "delayed"),
)


def parse_hex(colour: str | None) -> RGB | None:
    """ "#92D050" → (146, 208, 80); None or anything not a hex colour → None."""
    if colour is None:
        return None
    match = _HEX.match(colour.strip())
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hsv(rgb: RGB) -> tuple[float, float, float]:
    """Hue in degrees [0, 360), saturation and value in [0, 1]."""
    hue, saturation, value = colorsys.rgb_to_hsv(*(channel / 255 for channel in rgb))
    return hue * 360, saturation, value


def to_lab(rgb: RGB) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour, the space where distance follows what eyes see."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def distance(a: RGB, b: RGB) -> float:
    """Perceptual distance of two colours (CIE76 ΔE)."""
    return math.dist(to_lab(a), to_lab(b))


T = TypeVar("T")


def nearest(rgb: RGB, candidates: Sequence[tuple[RGB, T]], limit: float = LEGEND_DISTANCE) -> T | None:
    """The value of the candidate colour closest to `rgb`, if it is closer than `limit`."""
    scored = [(distance(rgb, colour), value) for colour, value in candidates]
    if not scored:
        return None
    best_distance, best_value = min(scored, key=lambda pair: pair[0])
    return best_value if best_distance < limit else None


def nearest_clearly(rgb: RGB, candidates: Sequence[tuple[RGB, T]]) -> T | None:
    """The value of the nearest candidate colour, whatever the hue: when it is close (LEGEND_DISTANCE),
    or fairly close (LEGEND_DISTANCE_FAR) and clearly nearer than any candidate of another value."""
    scored = sorted(((distance(rgb, colour), value) for colour, value in candidates), key=lambda pair: pair[0])
    if not scored:
        return None
    best_distance, best_value = scored[0]
    if best_distance < LEGEND_DISTANCE:
        return best_value
    others = [d for d, value in scored if value != best_value]
    if best_distance < LEGEND_DISTANCE_FAR and all(d >= LEGEND_MARGIN * best_distance for d in others):
        return best_value
    return None


def is_neutral(rgb: RGB) -> bool:
    """White, grey or black: a colour that says no status."""
    _, saturation, value = to_hsv(rgb)
    return saturation < MIN_SATURATION or value < MIN_VALUE


def status_from_hue(rgb: RGB) -> Status | None:
    """Green → done, yellow or amber → in_progress, red → delayed; neutral or other hues → None."""
    if is_neutral(rgb):
        return None
    hue, _, _ = to_hsv(rgb)
    for low, high, status in _HUE_BANDS:
        if low <= hue < high:
            return status
    return None
