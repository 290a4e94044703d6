"""A small table drawn inside one cell: read row by row, its cells separated by a space."""
from __future__ import annotations

from collections.abc import Sequence

from followup.extract.grid import cluster_positions
from followup.extract.page_content import Box, Char, Ruling
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.text_lines import cell_text, split_by_columns


def nested_table_text(chars: Sequence[Char], rulings: Sequence[Ruling], box: Box,
                      settings: ExtractSettings = DEFAULT_SETTINGS) -> str | None:
    """The cell's text with a nested table read cell by cell, or None when the cell holds no table.

    Reading a nested table line by line would interleave its cells' wrapped lines
    ("urologimottag- 45 %" / "ningen"); each nested cell is read whole instead.
    """
    snap = settings.snap
    inner = [r for r in rulings if r.orientation == "v" and box.x0 + snap < r.position < box.x1 - snap
             and r.start >= box.top - snap and r.end <= box.bottom + snap]
    if not inner:
        return None
    top, bottom = min(r.start for r in inner), max(r.end for r in inner)
    across = [r for r in rulings if r.orientation == "h" and top - snap <= r.position <= bottom + snap
              and r.start >= box.x0 - snap and r.end <= box.x1 + snap]
    left = min([r.start for r in across] + [box.x0])
    right = max([r.end for r in across] + [box.x0])
    if right <= left + snap:
        right = box.x1
    edges = [left, *cluster_positions((r.position for r in inner), snap), right]
    row_rules = cluster_positions((r.position for r in across), snap)
    row_edges = [top, *[y for y in row_rules if top + snap < y < bottom - snap], bottom]

    before = [c for c in chars if c.y_mid < top]
    after = [c for c in chars if c.y_mid > bottom]
    rows = []
    for row_top, row_bottom in zip(row_edges, row_edges[1:], strict=False):
        band = [c for c in chars if row_top <= c.y_mid < row_bottom]
        cells = [cell_text(column, settings) for column in split_by_columns(band, edges)]
        text = " ".join(cell for cell in cells if cell)
        if text:
            rows.append(text)
    parts = [cell_text(before, settings), "\n".join(rows), cell_text(after, settings)]
    return "\n\n".join(part for part in parts if part)
