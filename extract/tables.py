"""One page's part of an activity table: columns, rows and cells, before page breaks are stitched.

Cells come from ruling lines when the table has them, and from the alignment of text under the
header when it has none. Every character of the table body lands in exactly one cell.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from followup.extract.cut_words import (
    CellEdge,
    LineSketch,
    cut_line_ends,
    header_cell_edges,
    note_cut_words,
    sketch_lines,
    text_bounds,
)
from followup.extract.fills import cell_marker, cell_shading, fills_in_band, glyph_marker
from followup.extract.grid import (
    Boundary,
    cluster_positions,
    covered_length,
    horizontal_boundaries,
    vertical_edges_at,
    vertical_span_at,
)
from followup.extract.headers import (
    HeaderBand,
    HeaderCell,
    HeaderVocabulary,
    column_role,
    header_bands,
    header_text,
    joined_by_shading,
    section_of_heading,
)
from followup.extract.nested import aligned_table_text, drawn_cell_edges, nested_table_text
from followup.extract.page_content import Box, PageContent, picture_fills
from followup.extract.page_furniture import caption_above, top_of_caption
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.text_lines import (
    CharIndex,
    InReadingOrder,
    TextLine,
    cell_text,
    line_end_room,
    lines_text,
    split_by_columns,
    split_keeping_words,
    text_lines,
    text_right_edge,
)
from followup.schemas.raw import LineEnd


@dataclass(frozen=True)
class PageContext:
    """One page as the table readers see it: its content, lines and character index, the header
    vocabulary and the tolerances (settings.ExtractSettings) to read it with."""

    page: PageContent
    lines: Sequence[TextLine]
    index: CharIndex
    vocabulary: HeaderVocabulary
    settings: ExtractSettings = DEFAULT_SETTINGS


class Body(NamedTuple):
    """Where a table's rows are looked for on its page."""

    top: float  # where the table starts (its header's top, or body_top for a table without one)
    body_top: float  # where its rows start
    limit: float  # where it must stop (the next header or heading, or the page's end)
    ruled: bool  # the table has vertical rules


class _TextStop(NamedTuple):
    """What ends a run of text under a table (see _column_text_bottom)."""

    max_gap_lines: float
    passable: Collection[TextLine] = ()
    lone_gap_lines: float | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a row as printed: its text, the colour shading it and the colour of a marker (a
    dot, a coloured ●) drawn or printed in it."""

    text: str
    fill: str | None = None
    marker: str | None = None
    # The room left at its hyphenated line ends (text_lines.line_end_room), for the line-break repair.
    line_ends: tuple[LineEnd, ...] = ()
    # Its first and last line and its text's edges, when the page shows them (cut_words.note_cut_words):
    # a word cut at the cell's edge over a page break is measured with them when the row is joined.
    edge: CellEdge | None = None


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
    cells: dict[str, Cell]  # by column key: the role, or the printed header of an extra column
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
    # Each column's cell edges, by key, where a table without vertical rules shows them by its
    # shaded header cells (cut_words.header_cell_edges); a page it continues on without its header
    # keeps them.
    cell_edges: dict[str, tuple[float, float]] = field(default_factory=dict)
    # The rows' lines by cell, in a table whose columns show no edges (no vertical rules, no header
    # cells shaded on their own): their cut words are noted once every slice of the table is read
    # (note_cut_words_by_text_edges).
    unbounded_lines: list[tuple[SliceRow, dict[str, list[LineSketch]]]] = field(default_factory=list)
    # The heading set right above the header (page_furniture.caption_above), a section heading
    # ("Klara aktiviteter") aside: it names the rows below when tables of the same columns follow
    # each other under headings of their own (see stitching).
    caption: TextLine | None = None

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(c.role for c in self.columns if c.role)


def find_table_slices(ctx: PageContext, headers: Sequence[HeaderBand]) -> list[TableSlice]:
    """Every table slice on the page, one per header, top to bottom."""
    clearance = ctx.settings.limit_clearance
    slices = []
    headings = [line.box.top for line in ctx.lines if section_of_heading(line.text_with(ctx.settings.word_gap), ctx.vocabulary)]
    for i, header in enumerate(headers):
        below = headers[i + 1] if i + 1 < len(headers) else None
        limit = (top_of_caption(below, below.size, ctx.lines, ctx.settings) - clearance if below is not None
                 else ctx.page.height)
        # A section heading ("Klara aktiviteter") under a table ends it, however close it stands.
        limit = min([limit, *(top - clearance for top in headings if top > header.box.bottom)])
        table = _table_under_header(ctx, header, limit)
        if table is not None:
            table.caption = _caption(ctx, header)
            slices.append(table)
    return slices


def _caption(ctx: PageContext, header: HeaderBand) -> TextLine | None:
    """The heading right above a header, unless it is a section heading (those place the table)."""
    caption = caption_above(header, header.size, ctx.lines, ctx.settings)
    if caption is None or section_of_heading(caption.text_with(ctx.settings.word_gap), ctx.vocabulary):
        return None
    return caption


def _table_under_header(ctx: PageContext, header: HeaderBand, limit: float) -> TableSlice | None:
    page, settings = ctx.page, ctx.settings
    header = joined_by_shading(header, page.fills, ctx.vocabulary)
    header_middle = (header.box.top + header.box.bottom) / 2
    ruled_edges = vertical_edges_at(page.rulings, header_middle, header.box.x0 - settings.ruled_edges_reach, page.width,
                                    settings)
    ruled = len(ruled_edges) >= settings.min_ruled_edges
    edges = ruled_edges if ruled else _edges_from_header_words(ctx, header)
    boundaries = horizontal_boundaries(page.rulings, edges, header.box.top - settings.rules_above_header, limit, settings)
    header_bottom = _header_bottom(ctx, boundaries, header, edges, limit)
    header_top = _header_top(ctx, boundaries, header, edges)
    columns = _columns(ctx, edges, header_top, header_bottom, ruled)
    return _table_body(ctx, columns, edges, Body(header.box.top, header_bottom, limit, ruled))


def continue_table(ctx: PageContext, previous: TableSlice, body_top: float, limit: float) -> TableSlice | None:
    """The rest of the previous page's table on a page where its header is not repeated.

    The columns are the previous page's; rows start at body_top (below the running header). Only
    rows with at least two filled cells count, so prose after the table is not taken for rows.
    """
    settings = ctx.settings
    edges = [c.x0 for c in previous.columns] + [previous.columns[-1].x1]
    inner = edges[1:-1]
    verticals = [r.position for r in ctx.page.rulings if r.orientation == "v" and r.start < limit]
    ruled = bool(inner) and (sum(any(abs(x - v) <= settings.snap for v in verticals) for x in inner)
                             >= settings.ruled_edges_share * len(inner))
    if body_top >= limit:
        return None
    table = _table_body(ctx, previous.columns, edges, Body(body_top, body_top, limit, ruled), previous.cell_edges)
    table.rows = [r for i, r in enumerate(table.rows)
                  if r.group or sum(1 for c in r.cells.values() if c.text.strip()) >= settings.row_columns
                  or (i == 0 and _runs_on_in_its_columns(ctx, edges, r))]
    table.tail = _row_tail(ctx, previous.columns, table.rows[-1]) if table.rows else None
    return table if table.rows else None


def top_of_same_grid(ctx: PageContext, columns: Sequence[Column]) -> float | None:
    """Where a grid starts on the page whose vertical rules stand at exactly these columns' edges (a
    rule at every edge, none between them): a table printed without its header on a page of its own
    (a row taller than a page, moved whole past a page break) that a header on another page names.
    None when the page has no such grid."""
    settings = ctx.settings
    snap = settings.snap
    edges = [c.x0 for c in columns] + [columns[-1].x1]
    if len(edges) < settings.min_ruled_edges:
        return None
    verticals = [r for r in ctx.page.rulings if r.orientation == "v"
                 and edges[0] - snap <= r.position <= edges[-1] + snap]
    at_edges = [[r for r in verticals if abs(r.position - x) <= snap] for x in edges]
    if not all(at_edges):
        return None
    top = max(min(r.start for r in rules) for rules in at_edges)
    bottom = min(max(r.end for r in rules) for rules in at_edges)
    if bottom - top < settings.min_row_height:
        return None
    # A rule between the edges from the grid's top is a column of another table (a small table inside
    # a cell has rules of its own lower down).
    between = [r for r in verticals if all(abs(r.position - x) > snap for x in edges) and abs(r.start - top) <= snap]
    return None if between else top


def _runs_on_in_its_columns(ctx: PageContext, edges: Sequence[float], row: SliceRow) -> bool:
    """The first row of a continued table with text in one column only is the last page's row running
    on (only its comment goes on) when every line of it stays inside the columns: prose after a table
    runs across them."""
    lines = _lines_in_band(ctx.lines, row.top, row.bottom)
    return bool(lines) and all(_words_fit_columns(line, edges, ctx.settings) for line in lines)


def _table_body(ctx: PageContext, columns: list[Column], edges: Sequence[float], body: Body,
                cell_edges: dict[str, tuple[float, float]] | None = None) -> TableSlice:
    """Rows and cells below the header (or from the page's top, for a table continued without one);
    `cell_edges`: the columns' cell edges shown on the page the table started on."""
    settings = ctx.settings
    boundaries = horizontal_boundaries(ctx.page.rulings, edges, body.body_top, body.limit, settings)
    body_bounds = [b for b in boundaries if b.y > body.body_top + settings.rule_clearance and b.y < body.limit]
    trailing = None
    # Rules inside one cell (a small table in a comment) do not make a table without rules a ruled one.
    row_rules = [b.y for b in body_bounds if b.share >= settings.row_rule_share]
    ruled_rows = body.ruled or bool(row_rules)
    if not ruled_rows:
        rows_spans, trailing = _unruled_rows(ctx, edges, body.body_top, body.limit)
    else:
        rows_spans = _ruled_row_spans(ctx, edges, body, body_bounds)
        limit = row_rules[0] if row_rules else body.limit
        if len(rows_spans) <= 1 and len(row_rules) <= 1 and _shading_bands_rows(ctx, edges, body.body_top, limit):
            # Columns ruled, at most the table's bottom border across them, and the rows told apart
            # by their shading alone (a Word table style banding its rows): rows are where the
            # text says, as in a table without rules.
            banded, banded_trailing = _unruled_rows(ctx, edges, body.body_top, limit)
            if len(banded) > len(rows_spans):
                rows_spans, trailing, ruled_rows = banded, banded_trailing, False
    rows = []
    cell_lines: list[tuple[SliceRow, dict[str, list[TextLine]]]] = []
    unbounded: list[tuple[SliceRow, dict[str, list[LineSketch]]]] = []
    for span in rows_spans:
        lines: dict[str, list[TextLine]] = {}
        row = _group_row(ctx, edges, span) if span.group else _slice_row(ctx, columns, edges, span, lines)
        row.ruled_below = span.ruled_below
        if row.group or any(c.text or c.fill or c.marker for c in row.cells.values()):
            rows.append(row)
            cell_lines.append((row, lines))
    _measure_line_ends(cell_lines, columns, settings)
    sketched = [(row, {key: sketch_lines(cell, settings.word_gap) for key, cell in lines.items()})
                for row, lines in cell_lines]
    if body.ruled:
        note_cut_words(sketched, {c.key: (c.x0, c.x1) for c in columns if c.key}, settings)
    else:
        if body.body_top > body.top:
            spans = [(c.key, c.x0, c.x1) for c in columns if c.key]
            cell_edges = header_cell_edges(ctx.page.fills, spans, body.top, body.body_top)
        if cell_edges:
            note_cut_words(sketched, cell_edges, settings)
        else:
            # No column shows its edges (rules between the rows at most, or no rules at all): the
            # columns' text edges are where their full lines end, in every slice of the table
            # (note_cut_words_by_text_edges, once all pages are read).
            unbounded = sketched
    if not ruled_rows:
        _continue_empty_area_cells(rows)
    table_bottom = rows_spans[-1].bottom if rows_spans else body.body_top
    tail = _row_tail(ctx, columns, rows[-1]) if rows else None
    return TableSlice(ctx.page.number, body.top, columns, rows, table_bottom, tail,
                      trailing_group=trailing, cell_edges=dict(cell_edges or {}),
                      unbounded_lines=unbounded)


def _row_tail(ctx: PageContext, columns: Sequence[Column], row: SliceRow) -> RowTail | None:
    """Where each column's text ends in the row, in lines above the row's bottom, or above its lowest
    text when every column ended higher: a row cut by the page break may have its box drawn on past
    the page's last line (Qt WebKit paints the whole row and clips it to the page's body, its rule
    left in the bottom margin), and space that no column used says nothing about any one of them."""
    if row.group is not None:
        return None
    edges = [c.x0 for c in columns] + [columns[-1].x1]
    ends: dict[str, tuple[float, float]] = {}
    for column, chars in zip(columns, split_by_columns(ctx.index.band(row.top, row.bottom), edges), strict=False):
        visible = [c for c in chars if not c.text.isspace()]
        if column.role is None or not visible:
            continue
        height = max(max(c.bottom - c.top for c in visible), ctx.settings.min_line_height)
        ends[column.role] = (max(c.bottom for c in visible), height)
    bottom = min(row.bottom, max((end for end, _ in ends.values()), default=row.bottom))
    free = {role: max(bottom - end, 0.0) / height for role, (end, height) in ends.items()}
    return RowTail(free, row.ruled_below)


def _edges_from_header_words(ctx: PageContext, header: HeaderBand) -> list[float]:
    """Column edges of a table without vertical rulings: each column starts where its header text does
    (a column followup has no role for too, its header cell told apart by the gaps between words)."""
    page, settings = ctx.page, ctx.settings
    cells = header.cells
    pad = settings.header_pad * header.size
    edges = [cell.x0 - pad for cell in cells]
    # A header turned a quarter is one glyph wide and stands wherever its cell's alignment puts it
    # (centred, by a PDF library), so its text tells nothing of where the cell starts; a header cell
    # shaded on its own does.
    turned = {str(i): (cell.x0, cell.x1) for i, cell in enumerate(cells) if i and _is_turned(header, cell)}
    if turned:
        spans = [(str(i), cell.x0, cell.x1) for i, cell in enumerate(cells)]
        for key, (x0, _) in header_cell_edges(page.fills, spans, header.box.top, header.box.bottom).items():
            if key in turned:
                edges[int(key)] = x0
    # The rules under the header show how far right the table reaches; else mirror the left margin.
    reach = settings.header_rule_reach * header.size
    near = [r.end for r in page.rulings if r.orientation == "h"
            and header.box.top - reach <= r.position <= header.box.bottom + reach]
    right = max(near) if near else page.width - max(edges[0], settings.min_page_margin)
    right = max(right, max(cell.x1 for cell in cells) + pad)
    # A word the last column cannot break ("2025-06-30" in a narrow Ny tid column) runs on into the
    # page's margin: the table reaches as far as the words that start in its last column.
    overflow = [word.box.x1 for line in ctx.lines if line.box.top > header.box.bottom
                for word in line.words_with(settings.word_gap) if edges[-1] <= word.box.x0 < right < word.box.x1]
    edges.append(max([right, *overflow]))
    return edges


def _is_turned(header: HeaderBand, cell: HeaderCell) -> bool:
    """True when a header cell's text was printed turned a quarter (laid flat by page_content)."""
    chars = [c for line in header.lines for c in line.chars
             if not c.text.isspace() and cell.x0 <= (c.x0 + c.x1) / 2 <= cell.x1]
    return bool(chars) and not any(c.upright for c in chars)


def _header_bottom(
    ctx: PageContext, boundaries: Sequence[Boundary], header: HeaderBand, edges: Sequence[float], limit: float
) -> float:
    """The header row ends at the first full-width rule below its first line, else after its wrapped lines.

    A rule with text between it and the header that is no wrapped header line (a group row, the first
    row of a table that rules only under its rows) is a row's, not the header's: the header ends after
    its own lines.
    """
    settings = ctx.settings
    bottom = header.box.bottom
    height = max(header.line_height, settings.min_line_height)
    first_other = None
    names = [cell.name for cell in header.cells]
    for line in ctx.lines:
        wrapped = None
        if (line.box.top > bottom and line.box.top - bottom < settings.band_gap * height and line.box.top < limit
                and _words_fit_columns(line, edges, settings) and line.size <= header.size + settings.header_size_slack
                and _same_weight(header, line, settings)):
            wrapped = _names_wrapped_down(header, line, names, ctx)
        if wrapped is not None:
            bottom, names = line.box.bottom, wrapped
            continue
        if line.box.top > bottom:
            first_other = line.box.top
            break
    for boundary in boundaries:
        if boundary.y > header.box.bottom - settings.rule_clearance and boundary.share >= settings.row_rule_share:
            if first_other is None or boundary.y <= first_other + settings.rule_clearance:
                return boundary.y
            break
    return bottom + settings.cut_margin


def _header_top(ctx: PageContext, boundaries: Sequence[Boundary], header: HeaderBand, edges: Sequence[float]) -> float:
    """Header cells aligned to the bottom wrap upwards ("Sta-" above "tus"): take the lines just above."""
    settings = ctx.settings
    height = max(header.line_height, settings.min_line_height)
    # A word processor may set the header text flush with the table's top rule, its glyphs' tops
    # even a little above it: a rule down to half a line into the header is still above it.
    above = [b.y for b in boundaries if header.box.top - settings.rule_above_header_lines * height < b.y
             < header.box.top + settings.rule_into_header_lines * height]
    # A rule with a heading between it and the header is the last table's, not this header's top.
    above = [y for y in above if all(_keeps_header_roles(header, line, ctx.vocabulary, settings)
                                     for line in _lines_in_band(ctx.lines, y, header.box.top))]
    if above:
        return max(above)
    top = header.box.top
    for line in reversed([line for line in ctx.lines if line.box.bottom <= header.box.top + settings.touching_slack]):
        if (top - line.box.bottom < settings.band_gap * height and _words_fit_columns(line, edges, settings)
                and line.size <= header.size + settings.header_size_slack and _same_weight(header, line, settings)
                and _keeps_header_roles(header, line, ctx.vocabulary, settings)):
            top = line.box.top
        else:
            break
    return top - settings.limit_clearance


def _names_wrapped_down(header: HeaderBand, line: TextLine, names: Sequence[str], ctx: PageContext) -> list[str] | None:
    """The header cells' texts with a line below them read as their wrapped part ("Ansvarig" /
    "(funktion)"), or None when a cell naming a column would stop naming it: a bold group row right
    under the header ("Område: Vårdrelaterade infektioner" under "Nr | Mål") is the table's first row."""
    wrapped = list(names)
    for index, cell in enumerate(header.cells):
        over = [word.text for word in line.words_with(ctx.settings.word_gap) if word.box.x1 > cell.x0 and word.box.x0 < cell.x1]
        if not over:
            continue
        wrapped[index] = header_text([names[index], " ".join(over)])
        if cell.role is not None and column_role(wrapped[index], ctx.vocabulary) is None:
            return None
    return wrapped


def _same_weight(header: HeaderBand, line: TextLine, settings: ExtractSettings) -> bool:
    """A header cell wrapped onto another line keeps the header's type: under a bold header a line
    in regular type is the first row, however close it follows (a table without rules or padding)."""
    return not _emphasised(header.lines, settings) or _emphasised([line], settings)


def _keeps_header_roles(header: HeaderBand, line: TextLine, vocabulary: HeaderVocabulary,
                        settings: ExtractSettings) -> bool:
    """A line above a header is a header cell wrapped upwards ("Sta-" over "tus") only when no cell
    it lands on stops naming its column: a heading set just above the table ("Somatisk hälsa" over
    "Insatsområde") would turn a column the header names into an unknown one."""
    for cell in header.cells:
        if cell.role is None:
            continue
        over = [word.text for word in line.words_with(settings.word_gap) if word.box.x1 > cell.x0 and word.box.x0 < cell.x1]
        if over and column_role(header_text([" ".join(over), cell.name]), vocabulary) is None:
            return False
    return True


def _columns(ctx: PageContext, edges: Sequence[float], top: float, bottom: float, ruled: bool = False) -> list[Column]:
    """Name each column by the header text above it (a header wrapped over lines is joined).

    A role named twice goes to the first column; the other keeps its header as an extra column. Two
    extra columns printed with the same header are told apart by a number: "Datum", "Datum (2)".
    """
    per_column = split_by_columns(ctx.index.band(top, bottom), edges)
    bounds = list(zip(edges, edges[1:], strict=False))
    # The header cells' own edges: the rules of a ruled table, else each header cell's own shading.
    if ruled:
        cells: dict[int, tuple[float, float]] = dict(enumerate(bounds))
    else:
        spans = [(str(i), x0, x1) for i, (x0, x1) in enumerate(bounds)]
        cells = {int(k): v for k, v in header_cell_edges(ctx.page.fills, spans, top, bottom).items()}
    columns: list[Column] = []
    for index, ((x0, x1), chars) in enumerate(zip(bounds, per_column, strict=False)):
        name = _header_name(text_lines(chars, ctx.settings), cells.get(index), ctx)
        role = column_role(name, ctx.vocabulary)
        if role in {c.role for c in columns}:
            role = None
        taken = {c.key for c in columns}
        if role is None and name in taken:
            name = next(f"{name} ({n})" for n in range(2, len(columns) + 3) if f"{name} ({n})" not in taken)
        columns.append(Column(role, x0, x1, name))
    return columns


def _header_name(lines: list[TextLine], cell: tuple[float, float] | None, ctx: PageContext) -> str:
    """A header cell's text (header_text), with a word cut at the cell's edge without a hyphen
    ("Priorit" / "et" in a narrow column, cut_words.cut_line_ends) read whole, unless the lines as
    printed name a column role ("Klart" / "senast")."""
    texts = [line.text_with(ctx.settings.word_gap) for line in lines]
    name = header_text(texts)
    if cell is None or len(lines) < 2 or column_role(name, ctx.vocabulary) is not None:
        return name
    cuts = set(cut_line_ends(sketch_lines(lines, ctx.settings.word_gap), *cell, ctx.settings.cut_word_slack))
    joined: list[str] = []
    for index, text in enumerate(texts):
        if joined and index - 1 in cuts:
            joined[-1] = joined[-1].rstrip() + text.lstrip()
        else:
            joined.append(text)
    return header_text(joined)


def _unruled_rows(ctx: PageContext, edges: Sequence[float], top: float,
                  limit: float) -> tuple[list[RowSpan], TextLine | None]:
    """The rows of a table read without rules, down to `limit` or to a group line ending the table
    (returned too: it opens what follows)."""
    trailing = _end_group_line(ctx, edges, top, limit)
    body_limit = trailing.box.top - ctx.settings.cut_margin if trailing is not None else limit
    return _unruled_row_spans(ctx, edges, top, body_limit), trailing


def _shading_bands_rows(ctx: PageContext, edges: Sequence[float], top: float, bottom: float) -> bool:
    """A band of the table shaded across its width begins or ends inside [top, bottom], clear of
    both ends by a row's height: rows banded by their shading, with no rule between them."""
    settings = ctx.settings
    low, high = top + settings.min_row_height, bottom - settings.min_row_height
    # The shading may be one rectangle per cell (LibreOffice applies a table style cell by cell).
    ends = [(y, fill.box.x0, fill.box.x1) for fill in ctx.page.fills for y in (fill.box.top, fill.box.bottom)
            if low < y < high]
    for y in cluster_positions((y for y, _, _ in ends), settings.snap):
        segments = [(x0, x1) for at, x0, x1 in ends if abs(at - y) <= settings.snap]
        if covered_length(segments, edges[0], edges[-1]) >= settings.row_rule_share * (edges[-1] - edges[0]):
            return True
    return False


def _ruled_row_spans(ctx: PageContext, edges: Sequence[float], body: Body, bounds: Sequence[Boundary]) -> list[RowSpan]:
    """Rows between horizontal rules, full-width group rows among them; the table ends at a band
    that is neither."""
    settings = ctx.settings
    row_bounds = [b for b in bounds if b.share >= settings.row_rule_share]
    spans: list[RowSpan] = []
    top, top_bound = body.body_top, None
    for boundary in row_bounds:
        if boundary.y - top < settings.min_row_height:
            continue
        if _is_group_band(ctx, edges, top, boundary.y, body.ruled):
            spans.append(RowSpan(top, boundary.y, group=True, ruled_below=True))
        elif (group_end := _leading_group_end(ctx, edges, top, boundary.y, body.ruled)) is not None:
            spans.append(RowSpan(top, group_end, group=True, ruled_below=False))
            spans.append(RowSpan(group_end, boundary.y, ruled_below=True))
        elif _band_breaks_table(ctx, edges, top, boundary.y, body.ruled):
            return spans
        else:
            spans.append(RowSpan(top, boundary.y, _merged_columns(top_bound), ruled_below=True))
        top, top_bound = boundary.y, boundary
    # A group row after the last rule (a shaded bar with no rule of its own) does not end the table,
    # nor does one that ends the page, its rows on the next.
    groups = _unruled_group_lines(ctx, edges, top, body.limit)
    if (last_group := _end_group_line(ctx, edges, top, body.limit)) is not None:
        groups.append(last_group)
    trailing = _column_text_bottom(ctx, edges, top, body.limit, _TextStop(settings.trailing_gap_lines, groups))
    if trailing is None:
        return spans
    bottom = trailing + settings.cut_margin
    if _names_what_follows(ctx, edges, body.body_top, top, trailing):
        spans.append(RowSpan(top, bottom, group=True, ruled_below=False))
    # A group row and the first lines of its first row, cut by the page's end: read as a band between
    # two rules is (a full-width bar over the columns, then a row that keeps to them).
    elif (group_end := _leading_group_end(ctx, edges, top, bottom, False)) is not None:
        spans.append(RowSpan(top, group_end, group=True, ruled_below=False))
        spans.append(RowSpan(group_end, bottom, ruled_below=False))
    elif not _band_breaks_table(ctx, edges, top, trailing, False):
        spans.append(RowSpan(top, bottom, _merged_columns(top_bound), ruled_below=False))
    return spans


def _leading_group_end(ctx: PageContext, edges: Sequence[float], top: float, bottom: float, ruled: bool) -> float | None:
    """Where a group row at the top of a band between two row rules ends, when the table rules under
    its activity rows only (a planning system's grid of <div>s: the group row a shaded bar with no rule
    of its own): the band is a group row and, below it, a row that keeps to the columns. None otherwise."""
    band = _lines_in_band(ctx.lines, top, bottom)
    for count in range(1, min(ctx.settings.group_max_lines, len(band) - 1) + 1):
        split = (band[count - 1].box.bottom + band[count].box.top) / 2
        if _is_group_band(ctx, edges, top, split, ruled) and not _band_breaks_table(ctx, edges, split, bottom, ruled):
            return split
    return None


def _names_what_follows(ctx: PageContext, edges: Sequence[float], body_top: float, top: float, bottom: float) -> bool:
    """Text after a ruled table's last rule that is a name, not the start of a row: a line or two in
    bold, starting in the first column (alone there, or running over the column edges as a group row
    does), under rows set in regular type — a group row, or the heading of
    the next table, left at the foot of the page. It names the area of the rows that follow."""
    settings = ctx.settings
    band = _lines_in_band(ctx.lines, top, bottom + settings.cut_margin)
    rows_above = _lines_in_band(ctx.lines, body_top, top)
    return (bool(band) and len(band) <= settings.group_max_lines and _emphasised(band, settings)
            and not _emphasised(rows_above, settings)
            and all(((_fits_columns(line, edges, (), settings) and _filled_columns(line, edges) == 1)
                     or _reads_as_group_line(line, band, edges, settings))
                    and edges[0] - settings.snap <= line.box.x0 < edges[1] for line in band))


def _merged_columns(top_bound: Boundary | None) -> frozenset[int]:
    """Columns whose cell runs on through the rule above the row (that rule does not cross them)."""
    return frozenset() if top_bound is None else frozenset(i for i, c in enumerate(top_bound.crosses) if not c)


def _band_breaks_table(ctx: PageContext, edges: Sequence[float], top: float, bottom: float, ruled: bool) -> bool:
    """A band is no table row when the grid's vertical rules stop or its text ignores the columns
    (a small table drawn inside a cell may reach a little over the cell's edge: its words are let be)."""
    settings = ctx.settings
    if ruled and not vertical_span_at(ctx.page.rulings, edges, top, bottom, settings):
        return True
    nested = _nested_tables(ctx.page, top, bottom, settings)
    return any(not _fits_columns(line, edges, nested, settings)
               for line in ctx.lines if line.box.top >= top and line.box.bottom <= bottom + settings.band_slack)


def _nested_tables(page: PageContent, top: float, bottom: float, settings: ExtractSettings) -> list[Box]:
    """Boxes of small tables drawn inside the band's cells: vertical rules that start and end inside it."""
    snap = settings.snap
    inner = [r for r in page.rulings if r.orientation == "v" and r.start > top + snap and r.end < bottom - snap]
    boxes: list[Box] = []
    for rule in sorted(inner, key=lambda r: (r.start, r.position)):
        for i, box in enumerate(boxes):
            if abs(box.top - rule.start) <= snap and abs(box.bottom - rule.end) <= snap:
                boxes[i] = Box(min(box.x0, rule.position), box.top, max(box.x1, rule.position), box.bottom)
                break
        else:
            boxes.append(Box(rule.position, rule.start, rule.position, rule.end))
    return [box for box in boxes if box.width > 0]


def _lines_in_band(lines: Sequence[TextLine], top: float, bottom: float) -> list[TextLine]:
    """Lines whose middle lies in the band (a line's box may reach over a rule drawn close to it)."""
    return [line for line in lines if top <= (line.box.top + line.box.bottom) / 2 <= bottom]


def _is_group_band(ctx: PageContext, edges: Sequence[float], top: float, bottom: float, ruled: bool) -> bool:
    """True when the band between two rules is one cell over the whole table: a group row.

    In a full grid the inner vertical rules stop while the outer ones run on ("Område: Tillgänglighet"
    in a cell merged over every column), or all stop around a bold or shaded name. With horizontal
    rules only, its text starts in the first
    column (or is centred) and either runs over the column edges or stands alone in its band, bold or
    shaded over the whole width ("Patientsäkerhet"). It is a name, not a paragraph: a few lines just
    below the rule.
    """
    page, settings = ctx.page, ctx.settings
    band = _lines_in_band(ctx.lines, top, bottom)
    if not band or len(band) > settings.group_max_lines:
        return False
    if band[0].box.top - _bar_top(page, edges, top, band[0].box.top, settings) \
            > settings.group_top_pad_lines * max(band[0].box.height, settings.min_line_height):
        return False
    if ruled:
        if vertical_span_at(page.rulings, edges, top, bottom, settings):
            return False
        if _outer_rules_through(page, edges, top, bottom, settings):
            return True
        # No rules at the sides either (the group row's side borders removed): a bold or shaded
        # name is still a group row; anything else there ends the table.
        return (all(_placed_as_group(line, edges, settings) for line in band)
                and (_emphasised(band, settings) or _shaded_across(page, edges, top, bottom, settings)))
    if not all(_placed_as_group(line, edges, settings) for line in band):
        return False
    if any(_row_line(line, edges, settings) for line in band):
        return False
    if not all(_fits_columns(line, edges, (), settings) and _filled_columns(line, edges) == 1 for line in band):
        return True
    # Text in one column alone: a group name is set apart by weight or by shading over the whole
    # row; a shaded (zebra) row whose cut text alone ran on to this page starts in lower case, and
    # one whose text wraps at the column's edge is a cell of that column (a name in a cell over the
    # whole width would have gone on along its line).
    return _emphasised(band, settings) or (_shaded_across(page, edges, top, bottom, settings)
                                           and band[0].text_with(settings.word_gap)[:1].isupper()
                                           and len(band) == 1)


def _placed_as_group(line: TextLine, edges: Sequence[float], settings: ExtractSettings) -> bool:
    """A group row's text starts in the first column or is centred on the table."""
    width = edges[-1] - edges[0]
    centre = (line.box.x0 + line.box.x1) / 2
    return (edges[0] - settings.snap <= line.box.x0 < edges[1]
            or abs(centre - (edges[0] + edges[-1]) / 2) <= settings.group_centring * width)


def _outer_rules_through(page: PageContent, edges: Sequence[float], top: float, bottom: float,
                         settings: ExtractSettings) -> bool:
    """The table's left and right borders run through the band: it is still inside the table."""
    middle = (top + bottom) / 2
    snap = settings.snap
    return all(
        any(r.orientation == "v" and abs(r.position - x) <= snap and r.start - snap <= middle <= r.end + snap
            for r in page.rulings)
        for x in (edges[0], edges[-1])
    )


def _one_phrase(line: TextLine, settings: ExtractSettings) -> bool:
    """The line's words follow each other at word spacing: one text, not cells side by side (cells
    are kept apart by their padding)."""
    words = line.words_with(settings.word_gap)
    return len(words) > 1 and all(b.box.x0 - a.box.x1 <= settings.phrase_gap * max(a.size, b.size)
                                  for a, b in zip(words, words[1:], strict=False))


def _filled_columns(line: TextLine, edges: Sequence[float]) -> int:
    return sum(1 for chars in split_by_columns(line.chars, edges) if any(not c.text.isspace() for c in chars))


def _emphasised(band: Sequence[TextLine], settings: ExtractSettings) -> bool:
    return all(word.bold for line in band for word in line.words_with(settings.word_gap))


def _bar_top(page: PageContent, edges: Sequence[float], top: float, text_top: float, settings: ExtractSettings) -> float:
    """Where a band's row begins: the top of a bar shaded across the table that starts between the
    band's top and its first line (a gap between a CSS grid's rows, or the header's padding, lies
    above it), else the band's top."""
    width = edges[-1] - edges[0]
    return max((f.box.top for f in page.fills
                if f.box.x1 - f.box.x0 >= settings.group_fill_share * width and top - settings.snap <= f.box.top <= text_top),
               default=top)


def _shaded_across(page: PageContent, edges: Sequence[float], top: float, bottom: float, settings: ExtractSettings) -> bool:
    width = edges[-1] - edges[0]
    snap = settings.snap
    return any(f.box.x1 - f.box.x0 >= settings.group_fill_share * width and f.box.top >= top - snap
               and f.box.bottom <= bottom + snap
               for f in fills_in_band(page.fills, top, bottom))


def _group_row(ctx: PageContext, edges: Sequence[float], span: RowSpan) -> SliceRow:
    """A group row: its text read as one cell over the whole table."""
    chars = InReadingOrder(c for c in ctx.index.band(span.top, span.bottom) if edges[0] <= c.x_mid < edges[-1])
    return SliceRow(span.top, span.bottom, {}, group=cell_text(chars, ctx.settings))


def _words_fit_columns(line: TextLine, edges: Sequence[float], settings: ExtractSettings) -> bool:
    """No word of the line straddles a column edge, and the line starts inside the table."""
    slack, straddle = settings.table_edge_slack, settings.edge_straddle
    if line.box.x0 < edges[0] - slack or line.box.x1 > edges[-1] + slack:
        return False
    inner = edges[1:-1]
    for word in line.words_with(settings.word_gap):
        for x in inner:
            if word.box.x0 < x - straddle and word.box.x1 > x + straddle:
                return False
    return True


def _fits_columns(line: TextLine, edges: Sequence[float], nested: Sequence[Box] = (),
                  settings: ExtractSettings = DEFAULT_SETTINGS) -> bool:
    """Like _words_fit_columns, but two cells' texts that touch across an edge (a date running to
    its cell's border: "2025-12-31" | "Sjukhusdirektör") are no word over the edge: glyphs of one
    word are set edge to edge, while the touching texts leave a sliver and the right one starts at
    its own cell."""
    slack, straddle = settings.table_edge_slack, settings.edge_straddle
    words = line.words_with(settings.word_gap)
    # The line's last word may run on past its cell, over the cells to its right and past the
    # table's edge (a word its cell cannot break: an e-mail address), the rest keeping to the
    # columns; but not on a line that reads as a group row's name (one phrase, in the first column
    # or centred), which runs over the columns.
    overflow = (words[-1] if len(words) > 1 and edges[0] <= words[-1].box.x0 < edges[-1]
                and not (_one_phrase(line, settings) and _placed_as_group(line, edges, settings)) else None)
    right = words[-2].box.x1 if overflow is not None else line.box.x1
    if line.box.x0 < edges[0] - slack or right > edges[-1] + slack:
        return False
    inner = edges[1:-1]
    for word in words:
        if word is overflow or any(_within_nested(word.box, box, settings) for box in nested):
            continue
        for x in inner:
            if word.box.x0 < x - straddle and word.box.x1 > x + straddle and not _touching_seam(line, word.box, x, settings):
                return False
    return True


def _within_nested(word: Box, table: Box, settings: ExtractSettings) -> bool:
    """A word of a nested table: inside its height, from its left rule to a little past its right."""
    middle = (word.top + word.bottom) / 2
    snap = settings.snap
    return (table.top - snap <= middle <= table.bottom + snap and word.x0 >= table.x0 - snap
            and word.x1 <= table.x1 + settings.nested_overhang * max(word.bottom - word.top, settings.min_line_height))


def _touching_seam(line: TextLine, word: Box, x: float, settings: ExtractSettings) -> bool:
    """Two glyphs of the word that are two texts, the right one starting within an em of the edge:
    a sliver between them, or the right one opening a text operator of its own where the left one
    ends inside one (Typst draws each cell's text apart; a date too wide for its cell runs on up
    to the next cell's text). A producer drawing glyph by glyph (Chromium) opens one at every glyph,
    which tells nothing."""
    slack = settings.glyph_slack
    glyphs = [c for c in line.chars if not c.text.isspace() and word.x0 - slack <= c.x0 and c.x1 <= word.x1 + slack]
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        size = max(a.size, b.size, settings.min_font_size)
        if abs(b.x0 - x) <= settings.seam_reach * size and (
                b.x0 - a.x1 >= settings.touch_gap * size or (b.opens_run and not a.opens_run and b.x0 >= a.x1 - slack)):
            return True
    return False


def _column_text_bottom(ctx: PageContext, edges: Sequence[float], top: float, limit: float, stop: _TextStop) -> float | None:
    """Bottom of the text from `top` on that keeps to the columns, up to a line that ignores them or
    a gap of more than `stop.max_gap_lines` line heights; None when there is none. `stop.passable`
    lines (group rows) ignore the columns without ending the table. With `stop.lone_gap_lines`, a
    line with text in one column only or a short one after a gap of more than that many line
    heights ends the table too."""
    settings = ctx.settings
    bottom = None
    previous = top
    for line in ctx.lines:
        if line.box.top < top or line.box.top >= limit:
            continue
        height = max(line.box.height, settings.min_line_height)
        gap = line.box.top - previous
        if gap > stop.max_gap_lines * height:
            break
        if line not in stop.passable:
            if not _fits_columns(line, edges, (), settings):
                break
            if (bottom is not None and stop.lone_gap_lines is not None and gap > stop.lone_gap_lines * height
                    and _stands_apart(line, edges, settings)):
                break
        bottom = previous = line.box.bottom
    return bottom


def _stands_apart(line: TextLine, edges: Sequence[float], settings: ExtractSettings) -> bool:
    """Text in one column only, or a short line ("Sida 6 av 7"), unlike the first line of a row."""
    return _filled_columns(line, edges) == 1 or line.box.width < settings.short_line_share * (edges[-1] - edges[0])


def _continue_empty_area_cells(rows: Sequence[SliceRow]) -> None:
    """Without rules nothing shows where a vertically merged Område cell ends, and a browser prints a
    merged cell's text once, in its first row; a report leaves the Område empty only under such a
    cell, so an empty one continues the row above (a group row ends it)."""
    for above, row in zip(rows, rows[1:], strict=False):
        if above.group is None and row.group is None and "area" in row.cells and not row.cells["area"].text.strip():
            row.merged_above.add("area")


def _unruled_row_spans(ctx: PageContext, edges: Sequence[float], body_top: float, limit: float) -> list[RowSpan]:
    """Rows of a table with no rules at all.

    Cells are top-aligned, so a new row is where several columns start a block of text at the same
    height; a paragraph gap inside one cell starts a block in that column alone. A group row is a
    line of its own over the columns (see _unruled_group_lines).
    """
    settings = ctx.settings
    groups = _unruled_group_lines(ctx, edges, body_top, limit)
    bottom = _column_text_bottom(ctx, edges, body_top, limit,
                                 _TextStop(settings.unruled_table_gap, groups, settings.unruled_lone_line_gap))
    if bottom is None:
        return []
    group_chars = {c for line in groups for c in line.chars}
    band = InReadingOrder(c for c in ctx.index.band(body_top, bottom) if c not in group_chars)
    columns = [text_lines(chars, settings) for chars in split_by_columns(band, edges)]
    leading = _line_leading(columns, settings)
    starts: list[tuple[float, int]] = []
    for column, column_lines in enumerate(columns):
        previous = None
        for line in column_lines:
            height = max(line.box.height, settings.min_line_height)
            if previous is None or line.box.top - previous.box.bottom > leading + settings.block_gap * height:
                starts.append((line.box.top, column))
            previous = line
    row_tops: list[float] = []
    for y in cluster_positions((y for y, _ in starts), settings.unruled_alignment):
        columns_starting = {c for top, c in starts if abs(top - y) <= settings.unruled_alignment}
        if not row_tops or len(columns_starting) >= settings.row_columns:
            row_tops.append(y)
    # A group row reaches from its line down to the next row: the shading and padding around its
    # name belong to it, not to an empty row of their own.
    margin = settings.cut_margin
    group_tops = [g.box.top - margin for g in groups if g.box.bottom <= bottom]
    cuts = sorted([top - margin for top in row_tops] + group_tops + [bottom + margin])
    return [RowSpan(a, b, group=a in group_tops) for a, b in zip(cuts, cuts[1:], strict=False) if b - a > margin]


def _end_group_line(ctx: PageContext, edges: Sequence[float], top: float, limit: float) -> TextLine | None:
    """A line that reads as a group row after a rule-less table's last row on the page, with no
    table row after it: the group's rows are on the next page. It starts in the first column (a
    centred or right-aligned line there is the page number) and follows the table's text closely,
    or the header itself when the group row is all the page holds of the table (its first row did
    not fit under it)."""
    settings = ctx.settings
    inside = [line for line in ctx.lines if top <= line.box.top < limit]
    for i, line in enumerate(inside):
        above = inside[i - 1].box.bottom if i > 0 else top
        if (i == 0 and len(inside) > 1) or (line.box.top - above
                                            > settings.unruled_table_gap * max(line.box.height, settings.min_line_height)):
            continue
        if (not edges[0] - settings.snap <= line.box.x0 < edges[1]
                or not _reads_as_group_line(line, inside, edges, settings)):
            continue
        if not any(_row_line(o, edges, settings) for o in inside[i + 1:]):
            return line
    return None


def _row_line(line: TextLine, edges: Sequence[float], settings: ExtractSettings) -> bool:
    """A line that keeps to the columns with text in two or more of them, not one phrase running on."""
    return (_fits_columns(line, edges, (), settings) and _filled_columns(line, edges) >= settings.row_columns
            and not _one_phrase(line, settings))


def _unruled_group_lines(ctx: PageContext, edges: Sequence[float], body_top: float, limit: float) -> list[TextLine]:
    """Group rows of a table without rules: lines that read as group rows (_reads_as_group_line) with
    a table row (text level in two columns or more) right below them.

        Område: Tillgänglighet och väntetider        ← group row
        Kortare väntetid  Öppna fler tider  2024-05-31 ...
    """
    settings = ctx.settings
    inside = [line for line in ctx.lines if body_top <= line.box.top < limit]
    groups = []
    for i, line in enumerate(inside[:-1]):
        if not _reads_as_group_line(line, inside, edges, settings):
            continue
        below = inside[i + 1]
        first_line = [o for o in inside[i + 1:] if o.box.top < below.box.bottom]
        if (all(_fits_columns(o, edges, (), settings) and not _one_phrase(o, settings) for o in first_line)
                and sum(_filled_columns(o, edges) for o in first_line) >= settings.row_columns
                and below.box.top - line.box.bottom
                <= settings.unruled_table_gap * max(line.box.height, settings.min_line_height)):
            groups.append(line)
    return groups


def _reads_as_group_line(line: TextLine, others: Sequence[TextLine], edges: Sequence[float],
                         settings: ExtractSettings) -> bool:
    """A line alone at its height, starting in the first column (or centred), that runs over the
    column edges (also between two words: "Fall och | trycksår"), or is bold text in one column."""
    if not _placed_as_group(line, edges, settings):
        return False
    filled = _filled_columns(line, edges)
    if _fits_columns(line, edges, (), settings) and not (filled > 1 and _one_phrase(line, settings)) \
            and not (_emphasised([line], settings) and filled == 1):
        return False
    return not any(o is not line and o.box.top < line.box.bottom and o.box.bottom > line.box.top for o in others)


def _line_leading(columns: Sequence[Sequence[TextLine]], settings: ExtractSettings) -> float:
    """The usual gap between two lines of one paragraph (producers set line height differently): the
    lower quartile of the gaps between lines that do not overlap."""
    gaps = sorted(
        b.box.top - a.box.bottom for lines in columns for a, b in zip(lines, lines[1:], strict=False)
        if b.box.top > a.box.bottom - settings.leading_overlap
    )
    return max(gaps[len(gaps) // 4], 0.0) if gaps else 0.0


def _measure_line_ends(cell_lines: Sequence[tuple[SliceRow, dict[str, list[TextLine]]]],
                       columns: Sequence[Column], settings: ExtractSettings) -> None:
    """The room at every hyphenated line end of the slice's cells (text_lines.line_end_room), measured
    from the right edge of the column's text in all its rows on the page: the widest line with more
    than one word that ends inside the column. The cells of one column share their width, so the
    column shows it best."""
    limits = {c.key: c.x1 + settings.table_edge_slack for c in columns if c.key}
    right: dict[str, float] = {}
    for _, lines in cell_lines:
        for key, cell in lines.items():
            edge = text_right_edge(cell, settings, limits.get(key))
            if edge is not None:
                right[key] = max(edge, right.get(key, edge))
    for row, lines in cell_lines:
        for key, cell in lines.items():
            if key in right:
                ends = line_end_room(cell, settings, right[key])
                if ends:
                    row.cells[key] = replace(row.cells[key], line_ends=tuple(ends))


def _slice_row(ctx: PageContext, columns: Sequence[Column], edges: Sequence[float], span: RowSpan,
               lines_out: dict[str, list[TextLine]] | None = None) -> SliceRow:
    """One row's cells: text (a nested table read cell by cell), shading and marker, by column key;
    `lines_out` receives the text lines of each cell that is no nested table."""
    page, settings, top, bottom = ctx.page, ctx.settings, span.top, span.bottom
    per_column = split_keeping_words(ctx.index.band(top, bottom), edges, settings)
    band_fills = fills_in_band(page.fills, top, bottom)
    # Status icons: a picture in the cell says what a dot of its colour would (readers/pictures.py).
    band_icons = fills_in_band(picture_fills(page.pictures), top, bottom) if page.pictures else []
    snap = settings.snap
    band_rulings = [r for r in page.rulings if r.orientation == "v" and r.start >= top - snap and r.end <= bottom + snap]
    rules_across = [r for r in page.rulings if r.orientation == "h" and top + snap < r.position < bottom - snap]
    # A table in a cell drawn without vertical rules may show its cells by their own rules and shadings.
    drawn = drawn_cell_edges(rules_across, band_fills, top, bottom, settings)
    if band_rulings or drawn:
        band_rulings += rules_across
    band_rulings += drawn
    cells: dict[str, Cell] = {}
    merged_roles = set()
    for i, (column, chars) in enumerate(zip(columns, per_column, strict=False)):
        key = column.key
        if key is None:
            continue
        box = Box(column.x0, top, column.x1, bottom)
        nested = nested_table_text(chars, band_rulings, box, settings) if band_rulings else None
        if nested is None:
            lines = text_lines(chars, settings)
            aligned = aligned_table_text(lines, settings)
            text = lines_text(lines, settings) if aligned is None else aligned
            if lines_out is not None and aligned is None:
                lines_out[key] = lines
        else:
            text = nested.text
        cells[key] = Cell(text, cell_shading(box, band_fills, settings),
                          cell_marker(box, band_fills, settings) or cell_marker(box, band_icons, settings)
                          or glyph_marker(chars, settings), line_ends=nested.line_ends if nested else ())
        if i in span.merged:
            merged_roles.add(key)
    return SliceRow(top, bottom, cells, merged_roles, _row_fill(cells, settings))


def _row_fill(cells: dict[str, Cell], settings: ExtractSettings) -> str | None:
    """A colour shading (nearly) every cell but the status cell is the row's own shading."""
    fills = [cell.fill for role, cell in cells.items() if role != "status"]
    if not fills:
        return None
    counts: dict[str, int] = {}
    for colour in fills:
        if colour:
            counts[colour] = counts.get(colour, 0) + 1
    if not counts:
        return None
    colour, count = max(sorted(counts.items()), key=lambda item: item[1])
    return colour if count >= settings.row_fill_share * len(fills) else None


def header_lines(lines: Sequence[TextLine], vocabulary: HeaderVocabulary,
                 settings: ExtractSettings = DEFAULT_SETTINGS) -> list[HeaderBand]:
    """The headers of the page's tables (each one line or a few wrapped lines), top to bottom."""
    return header_bands(lines, vocabulary, settings)


def note_cut_words_by_text_edges(slices: Sequence[TableSlice], settings: ExtractSettings) -> None:
    """Note the cut words of the slices whose columns show no edges, each column's text edge found
    from the full lines of every slice with the same columns (cut_words.text_bounds).

    A table keeps its columns over its pages, and a planning system may print a row or two per
    slice (ReportLab moves a row that does not fit into a table of its own under a repeated
    header): one slice may hold a single full line per column, too few to show where lines end.
    Rules between the rows tell nothing of where a column ends, so a table without any rules is
    measured the same way: where several lines of a column end together, its text ends ("…rapport
    https://intra.re" / "gionexempel.se/…" in a ReportLab table drawn without rules).
    """
    groups: dict[tuple[int, ...], list[TableSlice]] = {}
    for table in slices:
        if table.unbounded_lines:
            key = tuple(round(x / settings.snap) for c in table.columns for x in (c.x0, c.x1))
            groups.setdefault(key, []).append(table)
    for group in groups.values():
        cell_lines = [lines for table in group for lines in table.unbounded_lines]
        note_cut_words(cell_lines, text_bounds(cell_lines, settings), settings)

