"""Words cut at a cell's edge without a hyphen: a word too long for its cell, broken where the cell ends.

A spreadsheet (LibreOffice Calc, Excel) and a word processor without hyphenation wrap text at
spaces; a word (or a web address) that cannot fit on a whole line of its cell is cut where the
line is full, with no hyphen: "Kompetensförsörjn" + "ing", "…/hamnstad/me" + "dicin/…". Read
line by line, such a word would come out as two. What a line end must show to be such a cut:

- the line is full: the room left before the cell's right edge (the column's right rule less the
  cell's padding, which the column's text shows on its left side) is less than the first character
  of the next line — a word wrapper would have put that character on the line;
- the word could not have been wrapped whole: the line's last word joined to the next line's first
  word is wider than the cell's text width (a wrapper moves a word that fits to the next line);
- the line ends in a letter or digit and the next line starts with one, with closing punctuation or
  with a web address's separator (no hyphen);
- the cut piece may start its line (a wrapper that moves a word too long for a line to a line of
  its own and cuts it there: Calc, Writer) or follow other words on it (one that fills the line
  first: ReportLab's `splitLongWords`, "Riktlinjen finns på https://…se/v" + "ardriktlinjer/…").
  A line full of words that merely ended at the edge (justified text) looks the same; normalize
  asks more of the words there (normalize/cut_words.py).

A row running over a page break may have its word cut at the break: the cell's last line on one
page and its first on the next are measured the same way (`cut_over_break`, when stitching joins
the row). A cell's edges are what the page shows: a ruled table's rules give them (a nested
table's cells too, by their own rules: nested.py); in a table without vertical rules each header
cell shaded on its own gives its column's edges (a PDF library such as fpdf2 fills every heading
cell as a rectangle of the cell's width; header_cell_edges); a table without either (rules between
its rows at most, or none at all) shows them by its text: a column's text ends where several of its
lines end together, pooled from every slice of the table (`text_bounds`). The geometry cannot
tell a cut word from a long word that happened to fill its line, so each such line end is only
noted (a LineEnd of kind "cut"); normalize/cut_words.py reads the words on both sides.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from followup.extract.page_content import Box, Char, Fill
from followup.extract.settings import ExtractSettings
from followup.extract.text_lines import TextLine
from followup.schemas.raw import LineEnd

CLOSING = ".,;:!?)]"
# Characters a web address runs on with after a cut ("…/kunskapsstod" + "/senior-alert").
ADDRESS = "/_=&?#%~"


def _width(chars: Sequence[Char]) -> float:
    return sum(c.x1 - c.x0 for c in chars)


def _last_word(line: TextLine) -> tuple[Char, ...]:
    chars = list(line.chars)
    while chars and chars[-1].text.isspace():
        chars.pop()
    word: list[Char] = []
    for char in reversed(chars):
        if char.text.isspace():
            break
        word.append(char)
    return tuple(word[::-1])


def _first_word(line: TextLine) -> tuple[Char, ...]:
    word: list[Char] = []
    for char in line.chars:
        if char.text.isspace():
            if word:
                break
            continue
        word.append(char)
    return tuple(word)


@dataclass(frozen=True, slots=True)
class LineSketch:
    """What measuring a cut word asks of one line of a cell: its text, box and type size, and the
    widths and edge glyphs of its first and last word. A table without column edges is measured
    only once every page is read (note_cut_words_by_text_edges): its lines are kept this way, not
    with their characters, so a long report's pages are not all held at once."""

    text: str
    box: Box
    size: float
    first_glyph: str  # "" for a line of white space
    first_glyph_width: float
    first_word_width: float
    last_glyph: str
    last_word_width: float
    one_word: bool  # the line is its first word alone


def sketch_line(line: TextLine, word_gap: float) -> LineSketch:
    """The line as cut-word measuring sees it; `word_gap` as for its text (TextLine.text_with)."""
    first, last = _first_word(line), _last_word(line)
    return LineSketch(line.text_with(word_gap), line.box, line.size,
                      first[0].text if first else "", first[0].x1 - first[0].x0 if first else 0.0, _width(first),
                      last[-1].text if last else "", _width(last), len(first) == len(line.chars))


def sketch_lines(lines: Sequence[TextLine], word_gap: float) -> list[LineSketch]:
    return [sketch_line(line, word_gap) for line in lines]


def _continues(text: str) -> bool:
    """A line may continue a cut word with this character: a letter, a digit, closing punctuation
    (a wrapper never starts a line with "." after a space) or a web address's separator."""
    return text.isalnum() or text in CLOSING or text in ADDRESS


@dataclass(frozen=True, slots=True)
class CellEdge:
    """A cell's first and last line on one page and where its text may run to: what a word cut at
    the cell's edge is measured with when the row runs over a page break (stitching joins the two)."""

    first: LineSketch
    last: LineSketch
    right: float  # the cell's right edge less its padding
    width: float  # the cell's text width
    padding: float = 0.0  # what its text shows on its left side


def cell_edge(lines: Sequence[LineSketch], x0: float, x1: float) -> CellEdge | None:
    """The cell's edge (its column from x0 to x1); the padding is what its text shows on its left
    side. None for an empty cell, or text left of the cell's edge."""
    if not lines:
        return None
    padding = min(line.box.x0 for line in lines) - x0
    if padding < 0:
        return None
    right = x1 - padding
    return CellEdge(lines[0], lines[-1], right, right - (x0 + padding), padding)


def _cut_between(line: LineSketch, below: LineSketch, edge: CellEdge, slack: float, runs_on: bool = False) -> bool:
    """`line` ends in a word cut at the cell's edge whose rest starts `below`; `runs_on`: `below` is
    that word alone, cut again at its own end, so the word is wider than any line whatever its pieces
    measure."""
    if not line.last_glyph.isalnum() or not below.first_glyph or not _continues(below.first_glyph):
        return False
    tolerance = slack * line.size
    room = edge.right - line.box.x1
    # A line may end in the right padding (jspdf-autotable wraps to the text width plus a point),
    # never past the cell's own edge: such text is not the cell's.
    if not -(edge.padding + tolerance) <= room < below.first_glyph_width + tolerance:
        return False
    return runs_on or line.last_word_width + below.first_word_width > edge.width


def cut_line_ends(lines: Sequence[LineSketch], x0: float, x1: float, slack: float) -> list[int]:
    """Indices of the lines of one cell (its column from x0 to x1) that end in a word cut at the
    cell's edge; `slack` (font sizes) absorbs the producer's rounding of glyph widths.

    Read from the bottom up: a word cut over three lines ("regionala l" / "äkemedelsförsörj" /
    "ningen", ReportLab filling each line) is judged whole, not by its first two pieces, which
    together may be narrower than the cell.
    """
    edge = cell_edge(lines, x0, x1)
    if len(lines) < 2 or edge is None:
        return []
    cuts: list[int] = []
    for index in range(len(lines) - 2, -1, -1):
        below = lines[index + 1]
        runs_on = index + 1 in cuts and below.one_word
        if _cut_between(lines[index], below, edge, slack, runs_on):
            cuts.append(index)
    return cuts[::-1]


def cut_over_break(above: CellEdge, below: CellEdge, slack: float) -> bool:
    """The cell's last line on one page ends in a word cut at the cell's edge whose rest starts the
    cell's first line on the next page (a row running over a page break: "Specialistmödr" |
    "avård och …"), measured against the edge of the page above."""
    return _cut_between(above.last, below.first, above, slack)


def header_cell_edges(fills: Sequence[Fill], columns: Sequence[tuple[str, float, float]], top: float,
                      bottom: float) -> dict[str, tuple[float, float]]:
    """Each column's cell edges from its header cell's own shading, in a table without vertical rules.

    `columns`: (key, x0, x1) of each column as its header words place it; `top`/`bottom`: the
    header band. A column's shading is the one fill in the band whose centre lies in the column and
    that reaches into neither neighbour's column beyond its header words; a header shaded as one
    band over the whole row gives no column an edge. Columns without one are left out. A fill counts
    when it lies behind the band's middle: the band may reach a little into the first row's shading
    (a highlighted row's cells, a status fill) below the header's own."""
    middle = (top + bottom) / 2
    band = [f for f in fills if f.box.top < middle < f.box.bottom]
    edges: dict[str, tuple[float, float]] = {}
    for index, (key, x0, x1) in enumerate(columns):
        # The outer columns' shading may reach past their header words into the page's margin.
        left = columns[index - 1][1] if index else float("-inf")
        right = columns[index + 1][2] if index + 1 < len(columns) else float("inf")
        own = [f for f in band if x0 <= (f.box.x0 + f.box.x1) / 2 <= x1 and left <= f.box.x0 and f.box.x1 <= right]
        if len(own) == 1:
            edges[key] = (own[0].box.x0, own[0].box.x1)
    return edges


def text_bounds(cell_lines: Sequence[tuple[Any, Mapping[str, Sequence[LineSketch]]]],
                settings: ExtractSettings) -> dict[str, tuple[float, float]]:
    """Each column's text edges in a table without vertical rules: where its lines start, and where
    its full lines end (a wrapper fills lines up to the cell's text width, so several lines end
    within a glyph of it; a line alone past them, a web address too long for the cell, is no edge)."""
    starts: dict[str, float] = {}
    ends: dict[str, list[tuple[float, float]]] = {}
    for _, lines in cell_lines:
        for key, cell in lines.items():
            for line in cell:
                starts[key] = min(starts.get(key, line.box.x0), line.box.x0)
                ends.setdefault(key, []).append((line.box.x1, line.size))
    edges: dict[str, tuple[float, float]] = {}
    for key, found in ends.items():
        found.sort(reverse=True)
        for (x1, size), (below, _) in zip(found, found[1:], strict=False):
            if x1 - below <= settings.full_line_cluster * size:
                edges[key] = (starts[key], x1)
                break
    return edges


def note_cut_words(cell_lines: Sequence[tuple[Any, Mapping[str, Sequence[LineSketch]]]],
                   bounds: Mapping[str, tuple[float, float]], settings: ExtractSettings) -> None:
    """Note each possible cut word of the rows' cells as a line end of kind "cut"
    for normalize, which reads the word (normalize/cut_words.py), and keep each cell's edge for a row
    running over a page break (stitching); `bounds`: each column's left and right rule, by cell key;
    `settings.cut_word_slack` absorbs the producer's rounding."""
    for row, lines in cell_lines:
        for key, cell in lines.items():
            if key not in bounds or key not in row.cells:
                continue
            cuts = cut_line_ends(cell, *bounds[key], settings.cut_word_slack)
            ends = tuple(LineEnd(line=cell[i].text, next=cell[i + 1].text, kind="cut", fits=0) for i in cuts)
            row.cells[key] = replace(row.cells[key], line_ends=row.cells[key].line_ends + ends,
                                     edge=cell_edge(cell, *bounds[key]))
