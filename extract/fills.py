"""Colours inside a cell: its shading, and a filled marker (a dot or square) drawn in it."""
from __future__ import annotations

from collections.abc import Sequence

from followup.extract.colours import is_marker_glyph, is_neutral
from followup.extract.page_content import Box, Char, Fill
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings


def cell_shading(box: Box, fills: Sequence[Fill], settings: ExtractSettings = DEFAULT_SETTINGS) -> str | None:
    """The colour shading most of the cell, or None.

    Fills covering the cell alike (a striped row's fill under the status cell's own, as ReportLab
    paints a TableStyle's ROWBACKGROUNDS and a cell's BACKGROUND) show the one painted last, as a
    reader sees it: `fills` come in painting order.
    """
    if box.area <= 0:
        return None
    best: tuple[float, str] | None = None
    tie = settings.shading_tie * box.area
    for fill in fills:
        shared = fill.box.overlap(box)
        if shared > 0 and (best is None or shared >= best[0] - tie):
            best = (max(shared, best[0]) if best else shared, fill.colour)
    if best is None:
        return None
    shared, colour = best
    return colour if shared >= settings.shading_share * box.area else None


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
