"""A small table drawn inside one cell: read row by row, its cells separated by a space."""
from __future__ import annotations

from collections.abc import Sequence

from extract.grid import SNAP, cluster_positions
from extract.page_content import Box, Char, Ruling
from extract.text_lines import cell_text, split_by_columns


def nested_table_text(chars: Sequence[Char], rulings: Sequence[Ruling], box: Box) -> str | None:
    """The cell's text with a nested table read cell by cell, or None when the cell holds no table.

    Reading a nested table line by line would interleave its cells' wrapped lines
    ("urologimottag- 45 %" / "ningen"); each nested cell is read whole instead.
    """
    inner = [r for r in rulings if r.orientation == "v" and box.x0 + SNAP < r.position < box.x1 - SNAP
             and r.start >= box.top - SNAP and r.end <= box.bottom + SNAP]
    if not inner:
        return None
    top, bottom = min(r.start for r in inner), max(r.end for r in inner)
    across = [r for r in rulings if r.orientation == "h" and top - SNAP <= r.position <= bottom + SNAP
              and r.start >= box.x0 - SNAP and r.end <= box.x1 + SNAP]
    left = min([r.start for r in across] + [box.x0])
    right = max([r.end for r in across] + [box.x0])
    if right <= left + SNAP:
        right = box.x1
    edges = [left, *cluster_positions(r.position for r in inner), right]
    row_edges = [top, *[y for y in cluster_positions(r.position for r in across) if top + SNAP < y < bottom - SNAP], bottom]

    before = [c for c in chars if c.y_mid < top]
    after = [c for c in chars if c.y_mid > bottom]
    rows = []
    for row_top, row_bottom in zip(row_edges, row_edges[1:], strict=False):
        band = [c for c in chars if row_top <= c.y_mid < row_bottom]
        cells = [cell_text(column) for column in split_by_columns(band, edges)]
        text = " ".join(cell for cell in cells if cell)
        if text:
            rows.append(text)
    parts = [cell_text(before), "\n".join(rows), cell_text(after)]
    return "\n\n".join(part for part in parts if part)
