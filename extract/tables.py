"""One page's part of an activity table: columns, rows and cells, before page breaks are stitched.

Cells come from ruling lines when the table has them, and from the alignment of text under the
header when it has none. Every character of the table body lands in exactly one cell.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from extract.fills import cell_marker, cell_shading, fills_in_band, glyph_marker
from extract.grid import (
    SNAP,
    Boundary,
    cluster_positions,
    horizontal_boundaries,
    vertical_edges_at,
    vertical_span_at,
)
from extract.headers import HeaderBand, HeaderVocabulary, column_role, header_bands, header_text, section_of_heading
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
# Without rules, a paragraph gap inside a cell is about a line; a line with text in one column
# alone (or a short line) further down than this many lines is no cell's text but a page footer
# ("Sida 2 av 7") or a note.
UNRULED_LONE_LINE_GAP = 2.0
# A row's first line spans most of the table; a line narrower than this share of it is short.
SHORT_LINE_SHARE = 1 / 3
# A group row ("Område: Tillgänglighet" over the whole table) holds a name, not a paragraph: at most
# this many lines, starting within this many line heights of its band's top rule.
GROUP_MAX_LINES = 3
GROUP_TOP_PAD_LINES = 1.5
# A line whose middle is within this share of the table's width from the table's middle is centred.
GROUP_CENTRING = 0.05
# Text in a table drawn inside a cell may reach this many line heights past its right rule.
NESTED_OVERHANG = 0.5
# Glyphs of one word are set edge to edge (kerning aside); two cells' texts that touch leave a sliver
# of at least this many font sizes between them.
TOUCH_GAP = 0.06
# Words of one text are set at most this many font sizes apart (a space is about a third); the
# text of neighbouring cells is kept further apart by their padding.
PHRASE_GAP = 0.5
# A fill covering this share of the table's width behind a band shades the whole row.
GROUP_FILL_SHARE = 0.9


@dataclass
class Column:
    role: str | None
    x0: float
    x1: float
    name: str = ""  # the header as printed (one line, hyphenation undone)

    @property
    def key(self) -> str | None:
        """Where the column's cells go: its role, else its printed header (a column followup has no
        field for, kept as an extra cell); None for a column without a header."""
        return self.role or self.name or None


@dataclass
class SliceRow:
    """One table row as printed on one page."""

    top: float
    bottom: float
    texts: dict[str, str]  # by column key: the role, or the printed header of an extra column
    fills: dict[str, str | None]
    markers: dict[str, str | None]
    merged_above: set[str] = field(default_factory=set)  # keys whose cell continues the row above
    row_fill: str | None = None
    group: str | None = None  # the text of a full-width group row ("Område: …"); such a row has no cells
    ruled_below: bool | None = None  # a rule closes the row on this page (None: no rules in the table)


@dataclass(frozen=True)
class RowTail:
    """How a page's last table row ends: evidence for whether the row runs on to the next page.

    free_lines: per column role with text, the empty lines between its last line and the row's
    bottom (a column whose text ended well above the bottom did not run over the page break).
    """

    free_lines: dict[str, float]
    ruled_below: bool | None


class RowSpan(NamedTuple):
    """Where one row lies on the page, the columns merged with the row above, and whether it is a
    full-width group row."""

    top: float
    bottom: float
    merged: frozenset[int] = frozenset()
    group: bool = False
    ruled_below: bool | None = None  # the span ends on a rule (None: the table has no rules)


@dataclass
class TableSlice:
    page: int
    header_top: float
    columns: list[Column]
    rows: list[SliceRow]
    bottom: float  # where the table stops on this page
    tail: RowTail | None = None  # how the last row ends (None when the last row is a group row)
    # A table without rules may end its page with a group row whose rows follow on the next page;
    # whether it is one is known only when the table goes on there (see stitching).
    trailing_group: TextLine | None = None

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(c.role for c in self.columns if c.role)


def find_table_slices(
    page: PageContent, lines: Sequence[TextLine], index: CharIndex, headers: Sequence[HeaderBand],
    vocabulary: HeaderVocabulary,
) -> list[TableSlice]:
    """Every table slice on the page, one per header, top to bottom."""
    slices = []
    headings = [line.box.top for line in lines if section_of_heading(line.text, vocabulary)]
    for i, header in enumerate(headers):
        limit = headers[i + 1].box.top - 1 if i + 1 < len(headers) else page.height
        # A section heading ("Klara aktiviteter") under a table ends it, however close it stands.
        limit = min([limit, *(top - 1 for top in headings if top > header.box.bottom)])
        table = _table_under_header(page, lines, index, header, limit, vocabulary)
        if table is not None:
            slices.append(table)
    return slices


def _table_under_header(
    page: PageContent, lines: Sequence[TextLine], index: CharIndex, header: HeaderBand, limit: float,
    vocabulary: HeaderVocabulary,
) -> TableSlice | None:
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
) -> TableSlice | None:
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
    table.rows = [r for r in table.rows if r.group or sum(1 for t in r.texts.values() if t.strip()) >= 2]
    table.tail = _row_tail(index, previous.columns, table.rows[-1]) if table.rows else None
    return table if table.rows else None


def _table_body(
    page: PageContent, lines: Sequence[TextLine], index: CharIndex, columns: list[Column], edges: Sequence[float],
    body_top: float, limit: float, *, ruled: bool, top: float,
) -> TableSlice:
    """Rows and cells below the header (or from the page's top, for a table continued without one)."""
    boundaries = horizontal_boundaries(page.rulings, edges, body_top, limit)
    body_bounds = [b for b in boundaries if b.y > body_top + 1 and b.y < limit]
    trailing = None
    if body_bounds or ruled:
        rows_spans = _ruled_row_spans(page, lines, edges, body_top, body_bounds, limit, ruled)
    else:
        trailing = _end_group_line(lines, edges, body_top, limit)
        body_limit = trailing.box.top - 0.5 if trailing is not None else limit
        rows_spans = _unruled_row_spans(lines, index, edges, body_top, body_limit)
    rows = []
    for span in rows_spans:
        row = (_group_row(index, edges, span) if span.group
               else _slice_row(page, index, columns, edges, span.top, span.bottom, set(span.merged)))
        row.ruled_below = span.ruled_below
        if row.group or any(row.texts.values()) or any(row.fills.values()) or any(row.markers.values()):
            rows.append(row)
    if not (body_bounds or ruled):
        _continue_empty_area_cells(rows)
    table_bottom = rows_spans[-1].bottom if rows_spans else body_top
    tail = _row_tail(index, columns, rows[-1]) if rows else None
    return TableSlice(page.number, top, columns, rows, table_bottom, tail,
                      trailing_group=trailing if rows else None)


def _row_tail(index: CharIndex, columns: Sequence[Column], row: SliceRow) -> RowTail | None:
    """Where each column's text ends in the row, in lines above the row's bottom."""
    if row.group is not None:
        return None
    edges = [c.x0 for c in columns] + [columns[-1].x1]
    free: dict[str, float] = {}
    for column, chars in zip(columns, split_by_columns(index.band(row.top, row.bottom), edges), strict=False):
        visible = [c for c in chars if not c.text.isspace()]
        if column.role is None or not visible:
            continue
        height = max(max(c.bottom - c.top for c in visible), 1.0)
        free[column.role] = max(row.bottom - max(c.bottom for c in visible), 0.0) / height
    return RowTail(free, row.ruled_below)


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
        if (line.box.top > bottom and line.box.top - bottom < 0.5 * height and line.box.top < limit
                and _words_fit_columns(line, edges) and line.size <= header.size + 0.1):
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
    for (x0, x1), chars in zip(zip(edges, edges[1:], strict=False), per_column, strict=False):
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
) -> list[RowSpan]:
    """Rows between horizontal rules, full-width group rows among them; the table ends at a band
    that is neither."""
    row_bounds = [b for b in bounds if b.share >= 0.5]
    spans: list[RowSpan] = []
    top, top_bound = body_top, None
    for boundary in row_bounds:
        if boundary.y - top < 2:
            continue
        if _is_group_band(page, lines, edges, top, boundary.y, ruled):
            spans.append(RowSpan(top, boundary.y, group=True, ruled_below=True))
        elif _band_breaks_table(page, lines, edges, top, boundary.y, ruled):
            return spans
        else:
            spans.append(RowSpan(top, boundary.y, _merged_columns(top_bound), ruled_below=True))
        top, top_bound = boundary.y, boundary
    trailing = _column_text_bottom(lines, edges, top, limit, TRAILING_GAP_LINES)
    if trailing is not None and not _band_breaks_table(page, lines, edges, top, trailing, False):
        spans.append(RowSpan(top, trailing + 0.5, _merged_columns(top_bound), ruled_below=False))
    return spans


def _merged_columns(top_bound: Boundary | None) -> frozenset[int]:
    """Columns whose cell runs on through the rule above the row (that rule does not cross them)."""
    return frozenset() if top_bound is None else frozenset(i for i, c in enumerate(top_bound.crosses) if not c)


def _band_breaks_table(
    page: PageContent, lines: Sequence[TextLine], edges: Sequence[float], top: float, bottom: float, ruled: bool
) -> bool:
    """A band is no table row when the grid's vertical rules stop or its text ignores the columns
    (a small table drawn inside a cell may reach a little over the cell's edge: its words are let be)."""
    if ruled and not vertical_span_at(page.rulings, edges, top, bottom):
        return True
    nested = _nested_tables(page, top, bottom)
    return any(not _fits_columns(line, edges, nested)
               for line in lines if line.box.top >= top and line.box.bottom <= bottom + 1)


def _nested_tables(page: PageContent, top: float, bottom: float) -> list[Box]:
    """Boxes of small tables drawn inside the band's cells: vertical rules that start and end inside it."""
    inner = [r for r in page.rulings if r.orientation == "v" and r.start > top + SNAP and r.end < bottom - SNAP]
    boxes: list[Box] = []
    for rule in sorted(inner, key=lambda r: (r.start, r.position)):
        for i, box in enumerate(boxes):
            if abs(box.top - rule.start) <= SNAP and abs(box.bottom - rule.end) <= SNAP:
                boxes[i] = Box(min(box.x0, rule.position), box.top, max(box.x1, rule.position), box.bottom)
                break
        else:
            boxes.append(Box(rule.position, rule.start, rule.position, rule.end))
    return [box for box in boxes if box.width > 0]


def _lines_in_band(lines: Sequence[TextLine], top: float, bottom: float) -> list[TextLine]:
    """Lines whose middle lies in the band (a line's box may reach over a rule drawn close to it)."""
    return [line for line in lines if top <= (line.box.top + line.box.bottom) / 2 <= bottom]


def _is_group_band(
    page: PageContent, lines: Sequence[TextLine], edges: Sequence[float], top: float, bottom: float, ruled: bool
) -> bool:
    """True when the band between two rules is one cell over the whole table: a group row.

    In a full grid the inner vertical rules stop while the outer ones run on ("Område: Tillgänglighet"
    in a cell merged over every column), or all stop around a bold or shaded name. With horizontal
    rules only, its text starts in the first
    column (or is centred) and either runs over the column edges or stands alone in its band, bold or
    shaded over the whole width ("Patientsäkerhet"). It is a name, not a paragraph: a few lines just
    below the rule.
    """
    band = _lines_in_band(lines, top, bottom)
    if not band or len(band) > GROUP_MAX_LINES:
        return False
    if band[0].box.top - top > GROUP_TOP_PAD_LINES * max(band[0].box.height, 1.0):
        return False
    if ruled:
        if vertical_span_at(page.rulings, edges, top, bottom):
            return False
        if _outer_rules_through(page, edges, top, bottom):
            return True
        # No rules at the sides either (the group row's side borders removed): a bold or shaded
        # name is still a group row; anything else there ends the table.
        return (all(_placed_as_group(line, edges) for line in band)
                and (_emphasised(band) or _shaded_across(page, edges, top, bottom)))
    if not all(_placed_as_group(line, edges) for line in band):
        return False
    if any(_row_line(line, edges) for line in band):
        return False
    if not all(_fits_columns(line, edges) and _filled_columns(line, edges) == 1 for line in band):
        return True
    # Text in one column alone: a group name is set apart by weight or by shading over the whole
    # row; a shaded (zebra) row whose cut text alone ran on to this page starts in lower case.
    return _emphasised(band) or (_shaded_across(page, edges, top, bottom) and band[0].text[:1].isupper())


def _placed_as_group(line: TextLine, edges: Sequence[float]) -> bool:
    """A group row's text starts in the first column or is centred on the table."""
    width = edges[-1] - edges[0]
    centre = (line.box.x0 + line.box.x1) / 2
    return edges[0] - SNAP <= line.box.x0 < edges[1] or abs(centre - (edges[0] + edges[-1]) / 2) <= GROUP_CENTRING * width


def _outer_rules_through(page: PageContent, edges: Sequence[float], top: float, bottom: float) -> bool:
    """The table's left and right borders run through the band: it is still inside the table."""
    middle = (top + bottom) / 2
    return all(
        any(r.orientation == "v" and abs(r.position - x) <= SNAP and r.start - SNAP <= middle <= r.end + SNAP
            for r in page.rulings)
        for x in (edges[0], edges[-1])
    )


def _one_phrase(line: TextLine) -> bool:
    """The line's words follow each other at word spacing: one text, not cells side by side (cells
    are kept apart by their padding)."""
    words = line.words
    return len(words) > 1 and all(b.box.x0 - a.box.x1 <= PHRASE_GAP * max(a.size, b.size)
                                  for a, b in zip(words, words[1:], strict=False))


def _filled_columns(line: TextLine, edges: Sequence[float]) -> int:
    return sum(1 for chars in split_by_columns(line.chars, edges) if any(not c.text.isspace() for c in chars))


def _emphasised(band: Sequence[TextLine]) -> bool:
    return all(word.bold for line in band for word in line.words)


def _shaded_across(page: PageContent, edges: Sequence[float], top: float, bottom: float) -> bool:
    width = edges[-1] - edges[0]
    return any(f.box.x1 - f.box.x0 >= GROUP_FILL_SHARE * width and f.box.top >= top - SNAP and f.box.bottom <= bottom + SNAP
               for f in fills_in_band(page.fills, top, bottom))


def _group_row(index: CharIndex, edges: Sequence[float], span: RowSpan) -> SliceRow:
    """A group row: its text read as one cell over the whole table."""
    chars = [c for c in index.band(span.top, span.bottom) if edges[0] <= c.x_mid < edges[-1]]
    return SliceRow(span.top, span.bottom, {}, {}, {}, group=cell_text(chars))


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


def _fits_columns(line: TextLine, edges: Sequence[float], nested: Sequence[Box] = ()) -> bool:
    """Like _words_fit_columns, but two cells' texts that touch across an edge (a date running to
    its cell's border: "2025-12-31" | "Sjukhusdirektör") are no word over the edge: glyphs of one
    word are set edge to edge, while the touching texts leave a sliver and the right one starts at
    its own cell."""
    if line.box.x0 < edges[0] - 2 or line.box.x1 > edges[-1] + 2:
        return False
    inner = edges[1:-1]
    for word in line.words:
        if any(_within_nested(word.box, box) for box in nested):
            continue
        for x in inner:
            if word.box.x0 < x - 1 and word.box.x1 > x + 1 and not _touching_seam(line, word.box, x):
                return False
    return True


def _within_nested(word: Box, table: Box) -> bool:
    """A word of a nested table: inside its height, from its left rule to a little past its right."""
    middle = (word.top + word.bottom) / 2
    return (table.top - SNAP <= middle <= table.bottom + SNAP and word.x0 >= table.x0 - SNAP
            and word.x1 <= table.x1 + NESTED_OVERHANG * max(word.bottom - word.top, 1.0))


def _touching_seam(line: TextLine, word: Box, x: float) -> bool:
    """Two glyphs of the word with a sliver between them, the right one starting within an em of
    the edge."""
    glyphs = [c for c in line.chars if not c.text.isspace() and word.x0 - 0.1 <= c.x0 and c.x1 <= word.x1 + 0.1]
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        size = max(a.size, b.size, 1.0)
        if abs(b.x0 - x) <= size and b.x0 - a.x1 >= TOUCH_GAP * size:
            return True
    return False


def _column_text_bottom(
    lines: Sequence[TextLine], edges: Sequence[float], top: float, limit: float, max_gap_lines: float,
    passable: Collection[TextLine] = (), lone_gap_lines: float | None = None,
) -> float | None:
    """Bottom of the text from `top` on that keeps to the columns, up to a line that ignores them or
    a gap of more than `max_gap_lines` line heights; None when there is none. `passable` lines
    (group rows) ignore the columns without ending the table. With `lone_gap_lines`, a line with
    text in one column only or a short one after a gap of more than that many line heights ends the
    table too."""
    bottom = None
    previous = top
    for line in lines:
        if line.box.top < top or line.box.top >= limit:
            continue
        height = max(line.box.height, 1.0)
        gap = line.box.top - previous
        if gap > max_gap_lines * height:
            break
        if line not in passable:
            if not _fits_columns(line, edges):
                break
            if (bottom is not None and lone_gap_lines is not None and gap > lone_gap_lines * height
                    and _stands_apart(line, edges)):
                break
        bottom = previous = line.box.bottom
    return bottom


def _stands_apart(line: TextLine, edges: Sequence[float]) -> bool:
    """Text in one column only, or a short line ("Sida 6 av 7"), unlike the first line of a row."""
    return _filled_columns(line, edges) == 1 or line.box.width < SHORT_LINE_SHARE * (edges[-1] - edges[0])


def _continue_empty_area_cells(rows: Sequence[SliceRow]) -> None:
    """Without rules nothing shows where a vertically merged Område cell ends, and a browser prints a
    merged cell's text once, in its first row; a report leaves the Område empty only under such a
    cell, so an empty one continues the row above (a group row ends it)."""
    for above, row in zip(rows, rows[1:], strict=False):
        if above.group is None and row.group is None and "area" in row.texts and not row.texts["area"].strip():
            row.merged_above.add("area")


def _unruled_row_spans(
    lines: Sequence[TextLine], index: CharIndex, edges: Sequence[float], body_top: float, limit: float
) -> list[RowSpan]:
    """Rows of a table with no rules at all.

    Cells are top-aligned, so a new row is where several columns start a block of text at the same
    height; a paragraph gap inside one cell starts a block in that column alone. A group row is a
    line of its own over the columns (see _unruled_group_lines).
    """
    groups = _unruled_group_lines(lines, edges, body_top, limit)
    bottom = _column_text_bottom(lines, edges, body_top, limit, UNRULED_TABLE_GAP, passable=groups,
                                 lone_gap_lines=UNRULED_LONE_LINE_GAP)
    if bottom is None:
        return []
    group_chars = {c for line in groups for c in line.chars}
    band = [c for c in index.band(body_top, bottom) if c not in group_chars]
    columns = [text_lines(chars) for chars in split_by_columns(band, edges)]
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
        columns_starting = {c for top, c in starts if abs(top - y) <= UNRULED_ALIGNMENT}
        if not row_tops or len(columns_starting) >= 2:
            row_tops.append(y)
    # A group row reaches from its line down to the next row: the shading and padding around its
    # name belong to it, not to an empty row of their own.
    group_tops = [g.box.top - 0.5 for g in groups if g.box.bottom <= bottom]
    cuts = sorted([top - 0.5 for top in row_tops] + group_tops + [bottom + 0.5])
    return [RowSpan(a, b, group=a in group_tops) for a, b in zip(cuts, cuts[1:], strict=False) if b - a > 0.5]


def _end_group_line(
    lines: Sequence[TextLine], edges: Sequence[float], top: float, limit: float
) -> TextLine | None:
    """A line that reads as a group row after a rule-less table's last row on the page, with no
    table row after it: the group's rows are on the next page. It starts in the first column (a
    centred or right-aligned line there is the page number) and follows the table's text closely."""
    inside = [line for line in lines if top <= line.box.top < limit]
    for i, line in enumerate(inside):
        if i == 0 or line.box.top - inside[i - 1].box.bottom > UNRULED_TABLE_GAP * max(line.box.height, 1.0):
            continue
        if not edges[0] - SNAP <= line.box.x0 < edges[1] or not _reads_as_group_line(line, inside, edges):
            continue
        if not any(_row_line(o, edges) for o in inside[i + 1:]):
            return line
    return None


def _row_line(line: TextLine, edges: Sequence[float]) -> bool:
    """A line that keeps to the columns with text in two or more of them, not one phrase running on."""
    return _fits_columns(line, edges) and _filled_columns(line, edges) >= 2 and not _one_phrase(line)


def _unruled_group_lines(
    lines: Sequence[TextLine], edges: Sequence[float], body_top: float, limit: float
) -> list[TextLine]:
    """Group rows of a table without rules: lines that read as group rows (_reads_as_group_line) with
    a table row (text level in two columns or more) right below them.

        Område: Tillgänglighet och väntetider        ← group row
        Kortare väntetid  Öppna fler tider  2024-05-31 ...
    """
    inside = [line for line in lines if body_top <= line.box.top < limit]
    groups = []
    for i, line in enumerate(inside[:-1]):
        if not _reads_as_group_line(line, inside, edges):
            continue
        below = inside[i + 1]
        first_line = [o for o in inside[i + 1:] if o.box.top < below.box.bottom]
        if (all(_fits_columns(o, edges) and not _one_phrase(o) for o in first_line)
                and sum(_filled_columns(o, edges) for o in first_line) >= 2
                and below.box.top - line.box.bottom <= UNRULED_TABLE_GAP * max(line.box.height, 1.0)):
            groups.append(line)
    return groups


def _reads_as_group_line(line: TextLine, others: Sequence[TextLine], edges: Sequence[float]) -> bool:
    """A line alone at its height, starting in the first column (or centred), that runs over the
    column edges (also between two words: "Fall och | trycksår"), or is bold text in one column."""
    if not _placed_as_group(line, edges):
        return False
    filled = _filled_columns(line, edges)
    if _fits_columns(line, edges) and not (filled > 1 and _one_phrase(line)) \
            and not (_emphasised([line]) and filled == 1):
        return False
    return not any(o is not line and o.box.top < line.box.bottom and o.box.bottom > line.box.top for o in others)


def _line_leading(columns: Sequence[Sequence[TextLine]]) -> float:
    """The usual gap between two lines of one paragraph (producers set line height differently)."""
    gaps = sorted(
        b.box.top - a.box.bottom for lines in columns for a, b in zip(lines, lines[1:], strict=False)
        if b.box.top > a.box.bottom - 1
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
    for i, (column, chars) in enumerate(zip(columns, per_column, strict=False)):
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


def _row_fill(fills: dict[str, str | None]) -> str | None:
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


