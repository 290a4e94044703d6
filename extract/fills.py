"""Colours inside a cell: its shading, and a filled marker (a dot or square) drawn in it."""
from __future__ import annotations

from collections.abc import Sequence

from followup.extract.colours import is_marker_glyph, is_neutral
from followup.extract.page_content import Box, Char, Fill
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings


def cell_shading(box: Box, fills: Sequence[Fill], settings: ExtractSettings = DEFAULT_SETTINGS) -> str | None:
    """The colour shading most of the cell, or None.

    What a reader sees: `fills` come in painting order, and a fill painted later hides what it
    covers of the ones before (a status cell's BACKGROUND over its zebra row's ROWBACKGROUNDS, as
    ReportLab paints them). The cell's colour is the one left showing over the largest part of it,
    so a row's stripe that reaches past a status fill narrower than the cell's box (a column's edges
    taken from its header words) does not win by its margins.
    """
    if box.area <= 0:
        return None
    shown = _visible_areas(box, fills)
    if not shown:
        return None
    colour, area = max(shown.items(), key=lambda item: item[1])
    return colour if area >= settings.shading_share * box.area else None


def _visible_areas(box: Box, fills: Sequence[Fill]) -> dict[str, float]:
    """Each colour's area left showing inside `box` once `fills` are painted in order (later on top):
    the box cut into the rectangles between the fills' edges, each taking the colour of the last fill
    covering it."""
    inside = [f for f in fills if f.box.overlap(box) > 0]
    xs = sorted({box.x0, box.x1, *(min(max(x, box.x0), box.x1) for f in inside for x in (f.box.x0, f.box.x1))})
    ys = sorted({box.top, box.bottom, *(min(max(y, box.top), box.bottom) for f in inside
                                        for y in (f.box.top, f.box.bottom))})
    shown: dict[str, float] = {}
    for left, right in zip(xs, xs[1:], strict=False):
        for top, bottom in zip(ys, ys[1:], strict=False):
            x, y = (left + right) / 2, (top + bottom) / 2
            last = next((f for f in reversed(inside) if f.box.contains_point(x, y)), None)
            if last is not None:
                shown[last.colour] = shown.get(last.colour, 0.0) + (right - left) * (bottom - top)
    return shown


def cell_marker(box: Box, fills: Sequence[Fill], settings: ExtractSettings = DEFAULT_SETTINGS) -> str | None:
    """The colour of the largest filled shape drawn in the cell (a status dot), or None.

    A dot set on the text's baseline may stick out above the first line, where a table without
    rules starts its row: the shape counts when its centre and most of it lie in the cell.
    """
    best: Fill | None = None
    for fill in fills:
        inner = fill.box
        centre_inside = box.contains_point((inner.x0 + inner.x1) / 2, (inner.top + inner.bottom) / 2)
        if (centre_inside and inner.overlap(box) >= settings.marker_inside * inner.area
                and inner.area < settings.marker_share * box.area and (best is None or inner.area > best.box.area)):
            best = fill
    return best.colour if best else None


def glyph_marker(chars: Sequence[Char], settings: ExtractSettings = DEFAULT_SETTINGS) -> str | None:
    """The colour of a coloured symbol printed in the cell (a "●" in green), or None."""
    for char in chars:
        if char.colour and is_marker_glyph(char.text) and not is_neutral(char.colour, settings.neutral_max_spread):
            return char.colour
    return None


def fills_in_band(fills: Sequence[Fill], top: float, bottom: float) -> list[Fill]:
    """The fills that reach into a horizontal band (a cheap pre-filter before per-cell checks)."""
    return [f for f in fills if f.box.bottom > top and f.box.top < bottom]
