"""A small table drawn inside one cell: read row by row, its cells separated by a space."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from followup.extract.cut_words import cut_line_ends, sketch_lines
from followup.extract.grid import cluster_positions
from followup.extract.page_content import Box, Char, Fill, Ruling
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.text_lines import TextLine, Word, cell_text, lines_text, split_by_columns, text_lines
from followup.schemas.raw import LineEnd


@dataclass(frozen=True, slots=True)
class NestedText:
    """A cell holding a nested table: its text, and the words its nested cells cut at their edges
    (line ends of kind "cut", the lines as they stand in `text`)."""

    text: str
    line_ends: tuple[LineEnd, ...] = ()


def nested_table_text(chars: Sequence[Char], rulings: Sequence[Ruling], box: Box,
                      settings: ExtractSettings = DEFAULT_SETTINGS) -> NestedText | None:
    """The cell's text with a nested table read cell by cell, or None when the cell holds no table.

    Reading a nested table line by line would interleave its cells' wrapped lines
    ("urologimottag- 45 %" / "ningen"); each nested cell is read whole instead. A nested cell is a
    ruled cell like any other: a word too long for it cut at its edge ("Ortopedicentru" / "m Väst")
    is noted as in the table's own cells (cut_words.cut_line_ends), for normalize to read.
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
    rows: list[str] = []
    ends: list[LineEnd] = []
    for row_top, row_bottom in zip(row_edges, row_edges[1:], strict=False):
        band = [c for c in chars if row_top <= c.y_mid < row_bottom]
        text, row_ends = _nested_row(split_by_columns(band, edges), edges, settings)
        if text:
            rows.append(text)
            ends += row_ends
    parts = [cell_text(before, settings), "\n".join(rows), cell_text(after, settings)]
    return NestedText("\n\n".join(part for part in parts if part), tuple(ends))


def _nested_row(columns: Sequence[Sequence[Char]], edges: Sequence[float],
                settings: ExtractSettings) -> tuple[str, list[LineEnd]]:
    """One row of a nested table: its cells' texts joined by a space (a cell's last line runs on
    with the next cell's first), and the cut words of its cells, their lines as the row's text
    shows them."""
    out: list[str] = []
    cuts: list[tuple[int, int]] = []  # (line of `out` a cell's cut piece ends, line its rest starts)
    for column, x0, x1 in zip(columns, edges, edges[1:], strict=False):
        lines = text_lines(column, settings)
        text = lines_text(lines, settings)
        if not text:
            continue
        pieces = text.split("\n")
        # Where each of the cell's lines lands in the row's text (a paragraph gap is an empty line).
        at = [i for i, piece in enumerate(pieces) if piece]
        offset = len(out) - 1 if out else 0
        if out:
            out[-1] = f"{out[-1]} {pieces[0]}"
            out += pieces[1:]
        else:
            out += pieces
        if len(at) == len(lines):
            cuts += [(offset + at[i], offset + at[i + 1])
                     for i in cut_line_ends(sketch_lines(lines, settings.word_gap), x0, x1, settings.cut_word_slack)]
    ends = [LineEnd(line=out[above], next=out[below], kind="cut", fits=0)
            for above, below in cuts if below == above + 1]
    return "\n".join(out), ends


def aligned_table_text(lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS) -> str | None:
    """The cell's text with a small table drawn without rules read row by row, or None when line by
    line reads it the same (no such table, or none of its cells wrapped).

    A table in a comment on a page whose stylesheet rules nothing: its columns start where words of
    several lines start after a wide gap (`aligned_column_gap`, on `aligned_table_rows` lines or
    more). A line with text in the first column only continues the row above, whose first cell
    wrapped ("Kirurgi- och" beside "45 %", then "urologimottagningen"): read line by line, the cell's
    second line would follow the row's later cells. Each row is its first cell, then the others.
    """
    gap = settings.word_gap
    words = [line.words_with(gap) for line in lines]
    starts = cluster_positions((w.box.x0 for line in words for w in _after_wide_gaps(line, settings)), settings.snap)
    columns = [x for x in starts
               if sum(any(abs(w.box.x0 - x) <= settings.snap for w in _after_wide_gaps(line, settings))
                      for line in words) >= settings.aligned_table_rows]
    if not columns:
        return None
    in_table = [i for i, line in enumerate(words) if any(abs(w.box.x0 - x) <= settings.snap
                                                         for w in _after_wide_gaps(line, settings) for x in columns)]
    first, last = in_table[0], in_table[-1]
    left = min(lines[i].box.x0 for i in in_table)
    rows: list[list[list[str]]] = []
    wrapped = False
    for line in words[first:last + 1]:
        cells: list[list[str]] = [[] for _ in range(len(columns) + 1)]
        for word in line:
            cells[sum(word.box.x0 >= x - settings.snap for x in columns)].append(word.text)
        if rows and cells[0] and not any(cells[1:]) and line[0].box.x0 <= left + settings.snap:
            wrapped = wrapped or any(rows[-1][1:])
            rows[-1][0].append(" ".join(cells[0]))
        elif rows and not cells[0]:
            for row_cell, cell in zip(rows[-1][1:], cells[1:], strict=True):
                if cell:
                    row_cell.append(" ".join(cell))
        else:
            rows.append([[" ".join(cell)] if cell else [] for cell in cells])
    if not wrapped:
        return None
    table = "\n".join(" ".join("\n".join(cell) for cell in row if cell) for row in rows)
    parts = [lines_text(lines[:first], settings), table, lines_text(lines[last + 1:], settings)]
    return "\n\n".join(part for part in parts if part)


def _after_wide_gaps(words: Sequence[Word], settings: ExtractSettings) -> list[Word]:
    """The words of a line that follow a gap of `aligned_column_gap` font sizes or more, and at least
    `aligned_gap_ratio` times the line's narrowest gap: justified text (Typst, Word) widens every gap
    of a line alike, a table only the one between its columns. A line of one gap shows neither."""
    gaps = [word.box.x0 - before.box.x1 for before, word in zip(words, words[1:], strict=False)]
    if len(gaps) < 2:
        return []
    narrowest = max(min(gaps), 0.0)
    return [word for before, word, gap in zip(words, words[1:], gaps, strict=False)
            if gap >= settings.aligned_column_gap * max(word.size, before.size)
            and gap >= settings.aligned_gap_ratio * narrowest]


def drawn_cell_edges(rulings: Sequence[Ruling], fills: Sequence[Fill], top: float, bottom: float,
                     settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Ruling]:
    """The cells of a table drawn inside a row's cell without vertical rules, as rulings, from the
    cells' own drawing: a column edge (vertical) where one cell's rule or shading ends and the next
    cell's begins on `nested_edge_rows` of its rows or more, and the top and bottom (horizontal) of
    each shaded cell there, which bound its rows where no rule does.

    A browser draws a small table's rules between rows cell by cell ("Ortopedicentrum" / "Väst" |
    "64" over a border that ends and starts again between the two cells), and shades it cell by cell.
    Without the edge the table is read line by line and a wrapped cell's second line follows the
    row's later cells ("Ortopedicentrum 64" / "Väst"). Only drawing strictly inside the row's band
    counts: the table's own cells, drawn the same way, meet on its column edges.
    """
    snap = settings.snap
    # (x, top, bottom, the shading's box or None for rules) where two cells' drawing meets.
    meetings: list[tuple[float, float, float, Box | None]] = []
    inside = [r for r in rulings if r.orientation == "h" and top + snap < r.position < bottom - snap]
    for left in inside:
        meetings += [(left.end, left.position, left.position, None) for right in inside
                     if abs(right.position - left.position) <= snap and abs(right.start - left.end) <= snap]
    shades = [f.box for f in fills if f.box.top > top + snap and f.box.bottom < bottom - snap]
    for shade in shades:
        meetings += [(shade.x1, shade.top, shade.bottom, box) for beside in shades
                     if abs(beside.x0 - shade.x1) <= snap and abs(beside.top - shade.top) <= snap
                     and abs(beside.bottom - shade.bottom) <= snap for box in (shade, beside)]
    drawn: list[Ruling] = []
    for x in cluster_positions((m[0] for m in meetings), snap):
        at = [m for m in meetings if abs(m[0] - x) <= snap]
        if len(cluster_positions((m[1] for m in at), snap)) < settings.nested_edge_rows:
            continue
        drawn.append(Ruling("v", x, min(m[1] for m in at), max(m[2] for m in at)))
        drawn += [Ruling("h", y, box.x0, box.x1) for *_, box in at if box is not None for y in (box.top, box.bottom)]
    return drawn
