"""One page's part of an activity table: columns, rows and cells, before page breaks are stitched.

Cells come from ruling lines when the table has them, and from the alignment of text under the
header when it has none. Every character of the table body lands in exactly one cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from extract.fills import cell_marker, cell_shading, fills_in_band, glyph_marker
from extract.grid import (
    Boundary,
    cluster_positions,
    horizontal_boundaries,
    vertical_edges_at,
    vertical_span_at,
)
from extract.headers import HeaderBand, HeaderVocabulary, column_role, header_bands, header_text
from extract.nested import nested_table_text
from extract.page_content import Box, PageContent
from extract.text_lines import CharIndex, TextLine, cell_text, split_by_columns, text_lines

# Below the last row boundary, text closer than this many line heights still belongs to the row
# (a row cut by the page end whose bottom border was not drawn); further text is the page footer.
TRAILING_GAP_LINES = 2.5
# Without rulings: a gap wider than this share of a line starts a new block of text in a column,
# blocks starting within this many points of each other are level, and a gap of this many lines
# ends the table.
BLOCK_GAP = 0.35
UNRULED_ALIGNMENT = 2.5
UNRULED_TABLE_GAP = 4.0


@dataclass
class Column:
    role: Optional[str]
    x0: float
    x1: float
    name: str = ""  # the header as printed (one line, hyphenation undone)

    @property
    def key(self) -> Optional[str]:
        """Where the column's cells go: its role, else its printed header (a column followup has no
        field for, kept as an extra cell); None for a column without a header."""
        return self.role or self.name or None


@dataclass
class SliceRow:
    """One table row as printed on one page."""

    top: float
    bottom: float
    texts: dict[str, str]  # by column key: the role, or the printed header of an extra column
    fills: dict[str, Optional[str]]
    markers: dict[str, Optional[str]]
    merged_above: set[str] = field(default_factory=set)  # keys whose cell continues the row above
    row_fill: Optional[str] = None


@dataclass
class TableSlice:
    page: int
    header_top: float
    columns: list[Column]
    rows: list[SliceRow]
    bottom: float  # where the table stops on this page

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(c.role for c in self.columns if c.role)


def find_table_slices(
    page: PageContent, lines: Sequence[TextLine], index: CharIndex, headers: Sequence[HeaderBand],
    vocabulary: HeaderVocabulary,
) -> list[TableSlice]:
    """Every table slice on the page, one per header, top to bottom."""
    slices = []
    for i, header in enumerate(headers):
        limit = headers[i + 1].box.top - 1 if i + 1 < len(headers) else page.height
        table = _table_under_header(page, lines, index, header, limit, vocabulary)
        if table is not None:
            slices.append(table)
    return slices


def _table_under_header(
    page: PageContent, lines: Sequence[TextLine], index: CharIndex, header: HeaderBand, limit: float,
    vocabulary: HeaderVocabulary,
) -> Optional[TableSlice]:
    header_middle = (header.box.top + header.box.bottom) / 2
    ruled_edges = vertical_edges_at(page.rulings, header_middle, header.box.x0 - 40, page.width)
    ruled = len(ruled_edges) >= 3
    edges = ruled_edges if ruled else _edges_from_header_words(page, header, vocabulary)
    boundaries = horizontal_boundaries(page.rulings, edges, header.box.top - 30, limit)
    header_bottom = _header_bottom(boundaries, header, lines, edges, limit)
    header_top = _header_top(boundaries, header, lines, edges)
    columns = _columns(index, edges, header_top, header_bottom, vocabulary)
    return _table_body(page, lines, index, columns, edges, header_bottom, limit, ruled=ruled, top=header.box.top)


def continue_table(
    page: PageContent, lines: Sequence[TextLine], index: CharIndex, previous: TableSlice, body_top: float,
    limit: float,
) -> Optional[TableSlice]:
    """The rest of the previous page's table on a page where its header is not repeated.

    The columns are the previous page's; rows start at body_top (below the running header). Only
    rows with at least two filled cells count, so prose after the table is not taken for rows.
    """
    edges = [c.x0 for c in previous.columns] + [previous.columns[-1].x1]
    inner = edges[1:-1]
    verticals = [r.position for r in page.rulings if r.orientation == "v" and r.start < limit]
    ruled = bool(inner) and sum(any(abs(x - v) <= 2.0 for v in verticals) for x in inner) >= len(inner) / 2
    if body_top >= limit:
        return None
    table = _table_body(page, lines, index, previous.columns, edges, body_top, limit, ruled=ruled, top=body_top)
    table.rows = [r for r in table.rows if sum(1 for t in r.texts.values() if t.strip()) >= 2]
    return table if table.rows else None


def _table_body(
    page: PageContent, lines: Sequence[TextLine], index: CharIndex, columns: list[Column], edges: Sequence[float],
    body_top: float, limit: float, *, ruled: bool, top: float,
) -> TableSlice:
    """Rows and cells below the header (or from the page's top, for a table continued without one)."""
    boundaries = horizontal_boundaries(page.rulings, edges, body_top, limit)
    body_bounds = [b for b in boundaries if b.y > body_top + 1 and b.y < limit]
    if body_bounds or ruled:
        rows_spans = _ruled_row_spans(page, lines, edges, body_top, body_bounds, limit, ruled)
    else:
        rows_spans = _unruled_row_spans(lines, index, edges, body_top, limit)
    rows = [_slice_row(page, index, columns, edges, a, b, merged) for a, b, merged in rows_spans]
    rows = [r for r in rows if any(r.texts.values()) or any(r.fills.values()) or any(r.markers.values())]
    table_bottom = rows_spans[-1][1] if rows_spans else body_top
    return TableSlice(page.number, top, columns, rows, table_bottom)


def _edges_from_header_words(page: PageContent, header: HeaderBand, vocabulary: HeaderVocabulary) -> list[float]:
    """Column edges of a table without vertical rulings: each column starts where its header text does
    (a column followup has no role for too, its header cell told apart by the gaps between words)."""
    cells = header.cells
    pad = 0.4 * header.size
    edges = [cell.x0 - pad for cell in cells]
    # The rules under the header show how far right the table reaches; else mirror the left margin.
    near = [r.end for r in page.rulings if r.orientation == "h"
            and header.box.top - 3 * header.size <= r.position <= header.box.bottom + 3 * header.size]
    right = max(near) if near else page.width - max(edges[0], 10.0)
    edges.append(max(right, max(cell.x1 for cell in cells) + pad))
    return edges


def _header_bottom(
    boundaries: Sequence[Boundary], header: HeaderBand, lines: Sequence[TextLine], edges: Sequence[float], limit: float
) -> float:
    """The header row ends at the first full-width rule below its first line, else after its wrapped lines."""
    for boundary in boundaries:
        if boundary.y > header.box.bottom - 1 and boundary.share >= 0.5:
            return boundary.y
    bottom = header.box.bottom
    height = max(header.line_height, 1.0)
    for line in lines:
        if line.box.top > bottom and line.box.top - bottom < 0.5 * height and line.box.top < limit:
            if _words_fit_columns(line, edges) and line.size <= header.size + 0.1:
                bottom = line.box.bottom
                continue
        if line.box.top > bottom:
            break
    return bottom + 0.5


def _header_top(boundaries: Sequence[Boundary], header: HeaderBand, lines: Sequence[TextLine], edges: Sequence[float]) -> float:
    """Header cells aligned to the bottom wrap upwards ("Sta-" above "tus"): take the lines just above."""
    height = max(header.line_height, 1.0)
    # A word processor may set the header text flush with the table's top rule, its glyphs' tops
    # even a little above it: a rule down to half a line into the header is still above it.
    above = [b.y for b in boundaries if header.box.top - 3 * height < b.y < header.box.top + 0.5 * height]
    if above:
        return max(above)
    top = header.box.top
    for line in reversed([line for line in lines if line.box.bottom <= header.box.top + 0.5]):
        if top - line.box.bottom < 0.5 * height and _words_fit_columns(line, edges) and line.size <= header.size + 0.1:
            top = line.box.top
        else:
            break
    return top - 1


def _columns(index: CharIndex, edges: Sequence[float], top: float, bottom: float, vocabulary: HeaderVocabulary) -> list[Column]:
    """Name each column by the header text above it (a header wrapped over lines is joined).

    A role named twice goes to the first column; the other keeps its header as an extra column. Two
    extra columns printed with the same header are told apart by a number: "Datum", "Datum (2)".
    """
    per_column = split_by_columns(index.band(top, bottom), edges)
    columns: list[Column] = []
    for (x0, x1), chars in zip(zip(edges, edges[1:]), per_column):
        name = header_text(cell_text(chars).split("\n"))
        role = column_role(name, vocabulary)
        if role in {c.role for c in columns}:
            role = None
        taken = {c.key for c in columns}
        if role is None and name in taken:
            name = next(f"{name} ({n})" for n in range(2, len(columns) + 3) if f"{name} ({n})" not in taken)
        columns.append(Column(role, x0, x1, name))
    return columns


def _ruled_row_spans(
    page: PageContent, lines: Sequence[TextLine], edges: Sequence[float], body_top: float,
    bounds: Sequence[Boundary], limit: float, ruled: bool,
) -> list[tuple[float, float, set[int]]]:
    """Rows between horizontal rules: (top, bottom, indexes of columns merged with the row above)."""
    row_bounds = [b for b in bounds if b.share >= 0.5]
    spans: list[tuple[float, float, set[int]]] = []
    top, top_bound = body_top, None
    for boundary in row_bounds:
        if boundary.y - top < 2:
            continue
        if _band_breaks_table(page, lines, edges, top, boundary.y, ruled):
            return spans
        merged = set() if top_bound is None else {i for i, c in enumerate(top_bound.crosses) if not c}
        spans.append((top, boundary.y, merged))
        top, top_bound = boundary.y, boundary
    trailing = _column_text_bottom(lines, edges, top, limit, TRAILING_GAP_LINES)
    if trailing is not None and not _band_breaks_table(page, lines, edges, top, trailing, False):
        merged = set() if top_bound is None else {i for i, c in enumerate(top_bound.crosses) if not c}
        spans.append((top, trailing + 0.5, merged))
    return spans


def _band_breaks_table(
    page: PageContent, lines: Sequence[TextLine], edges: Sequence[float], top: float, bottom: float, ruled: bool
) -> bool:
    """A band is no table row when the grid's vertical rules stop or its text ignores the columns."""
    if ruled and not vertical_span_at(page.rulings, edges, top, bottom):
        return True
    for line in lines:
        if line.box.top >= top and line.box.bottom <= bottom + 1 and not _words_fit_columns(line, edges):
            return True
    return False


def _words_fit_columns(line: TextLine, edges: Sequence[float]) -> bool:
    """No word of the line straddles a column edge, and the line starts inside the table."""
    if line.box.x0 < edges[0] - 2 or line.box.x1 > edges[-1] + 2:
        return False
    inner = edges[1:-1]
    for word in line.words:
        for x in inner:
            if word.box.x0 < x - 1 and word.box.x1 > x + 1:
                return False
    return True


def _column_text_bottom(
    lines: Sequence[TextLine], edges: Sequence[float], top: float, limit: float, max_gap_lines: float
) -> Optional[float]:
    """Bottom of the text from `top` on that keeps to the columns, up to a line that ignores them or
    a gap of more than `max_gap_lines` line heights; None when there is none."""
    bottom = None
    previous = top
    for line in lines:
        if line.box.top < top or line.box.top >= limit:
            continue
        height = max(line.box.height, 1.0)
        if line.box.top - previous > max_gap_lines * height or not _words_fit_columns(line, edges):
            break
        bottom = previous = line.box.bottom
    return bottom


def _unruled_row_spans(
    lines: Sequence[TextLine], index: CharIndex, edges: Sequence[float], body_top: float, limit: float
) -> list[tuple[float, float, set[int]]]:
    """Rows of a table with no rules at all.

    Cells are top-aligned, so a new row is where several columns start a block of text at the same
    height; a paragraph gap inside one cell starts a block in that column alone.
    """
    bottom = _column_text_bottom(lines, edges, body_top, limit, UNRULED_TABLE_GAP)
    if bottom is None:
        return []
    columns = [text_lines(chars) for chars in split_by_columns(index.band(body_top, bottom), edges)]
    leading = _line_leading(columns)
    starts: list[tuple[float, int]] = []
    for column, column_lines in enumerate(columns):
        previous = None
        for line in column_lines:
            height = max(line.box.height, 1.0)
            if previous is None or line.box.top - previous.box.bottom > leading + BLOCK_GAP * height:
                starts.append((line.box.top, column))
            previous = line
    row_tops: list[float] = []
    for y in cluster_positions((y for y, _ in starts), tolerance=UNRULED_ALIGNMENT):
        columns = {c for top, c in starts if abs(top - y) <= UNRULED_ALIGNMENT}
        if not row_tops or len(columns) >= 2:
            row_tops.append(y)
    cuts = [top - 0.5 for top in row_tops] + [bottom + 0.5]
    return [(a, b, set()) for a, b in zip(cuts, cuts[1:])]


def _line_leading(columns: Sequence[Sequence[TextLine]]) -> float:
    """The usual gap between two lines of one paragraph (producers set line height differently)."""
    gaps = sorted(
        b.box.top - a.box.bottom for lines in columns for a, b in zip(lines, lines[1:]) if b.box.top > a.box.bottom - 1
    )
    return max(gaps[len(gaps) // 4], 0.0) if gaps else 0.0


def _slice_row(
    page: PageContent, index: CharIndex, columns: Sequence[Column], edges: Sequence[float],
    top: float, bottom: float, merged: set[int],
) -> SliceRow:
    per_column = split_by_columns(index.band(top, bottom), edges)
    band_fills = fills_in_band(page.fills, top, bottom)
    band_rulings = [r for r in page.rulings if r.orientation == "v" and r.start >= top - 2 and r.end <= bottom + 2]
    if band_rulings:
        band_rulings += [r for r in page.rulings if r.orientation == "h" and top + 2 < r.position < bottom - 2]
    texts, fills, markers = {}, {}, {}
    merged_roles = set()
    for i, (column, chars) in enumerate(zip(columns, per_column)):
        key = column.key
        if key is None:
            continue
        box = Box(column.x0, top, column.x1, bottom)
        nested = nested_table_text(chars, band_rulings, box) if band_rulings else None
        texts[key] = nested if nested is not None else cell_text(chars)
        fills[key] = cell_shading(box, band_fills)
        markers[key] = cell_marker(box, band_fills) or glyph_marker(chars)
        if i in merged:
            merged_roles.add(key)
    return SliceRow(top, bottom, texts, fills, markers, merged_roles, _row_fill(fills))


def _row_fill(fills: dict[str, Optional[str]]) -> Optional[str]:
    """A colour shading (nearly) every cell but the status cell is the row's own shading."""
    cells = [colour for role, colour in fills.items() if role != "status"]
    if not cells:
        return None
    counts: dict[str, int] = {}
    for colour in cells:
        if colour:
            counts[colour] = counts.get(colour, 0) + 1
    if not counts:
        return None
    colour, count = max(sorted(counts.items()), key=lambda item: item[1])
    return colour if count >= 0.75 * len(cells) else None


def header_lines(lines: Sequence[TextLine], vocabulary: HeaderVocabulary) -> list[HeaderBand]:
    """The headers of the page's tables (each one line or a few wrapped lines), top to bottom."""
    return header_bands(lines, vocabulary)


