"""Recognising a table's header row and the role of each column from its wording."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from followup.extract.page_content import Box, Fill
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.text_lines import TextLine, Word


@dataclass(frozen=True)
class HeaderVocabulary:
    columns: dict[str, tuple[str, ...]]  # role → normalised synonyms
    sections: dict[str, tuple[str, ...]]  # section → normalised headings
    min_roles: int
    fuzzy_threshold: float
    # Synonyms long enough to match fuzzily (short words such as "mål" and "tid" only match exactly),
    # flat and in the file's order, for rapidfuzz to compare a header key with all of them in one call.
    fuzzy_synonyms: tuple[str, ...] = ()
    fuzzy_roles: tuple[str, ...] = ()
    # The header repeats on every page: each wording is looked up once.
    known_roles: dict[str, str | None] = field(default_factory=dict, compare=False, hash=False, repr=False)
    # ... and every line of every page is tried as a header: each text is read once.
    roles_of_text: dict[str, str | None] = field(default_factory=dict, compare=False, hash=False, repr=False)


def header_key(text: str) -> str:
    """Normalise header wording: case, hyphens, spaces and punctuation do not matter."""
    return re.sub(r"[\s\-–­.:]+", "", text).casefold()


# Shorter synonyms ("mål", "tid") are whole words a header only names when it is that word.
_MIN_FUZZY_SYNONYM = 5


@lru_cache(maxsize=4)
def load_header_vocabulary(path: Path | None = None) -> HeaderVocabulary:
    """Read the header synonyms (the bundled file unless a path is given)."""
    if path is None:
        raw = tomllib.loads(resources.files("followup.extract").joinpath("data/headers.toml").read_text("utf-8"))
    else:
        raw = tomllib.loads(Path(path).read_text("utf-8"))
    columns = {role: tuple(header_key(s) for s in synonyms) for role, synonyms in raw["columns"].items()}
    sections = {name: tuple(header_key(s) for s in headings) for name, headings in raw["sections"].items()}
    recognition = raw.get("recognition", {})
    fuzzy = [(synonym, role) for role, synonyms in columns.items() for synonym in synonyms
             if len(synonym) >= _MIN_FUZZY_SYNONYM]
    return HeaderVocabulary(
        columns=columns,
        sections=sections,
        min_roles=int(recognition.get("min_roles", 4)),
        fuzzy_threshold=float(recognition.get("fuzzy_threshold", 88)),
        fuzzy_synonyms=tuple(synonym for synonym, _ in fuzzy),
        fuzzy_roles=tuple(role for _, role in fuzzy),
    )


def column_role(text: str, vocabulary: HeaderVocabulary) -> str | None:
    """The role a header cell's text names, or None when it names none."""
    if text not in vocabulary.roles_of_text:
        vocabulary.roles_of_text[text] = _role_of_text(text, vocabulary)
    return vocabulary.roles_of_text[text]


def _role_of_text(text: str, vocabulary: HeaderVocabulary) -> str | None:
    # A note in brackets does not change what a column is: "Tid (klart senast)" is Tid, and so is
    # "Ansvarig (funk-" with the rest of its one-word note on the header's next line.
    key = header_key(re.sub(r"\(.*?\)|\([^\s)]*$", "", text)) or header_key(text)
    if not key:
        return None
    if key not in vocabulary.known_roles:
        vocabulary.known_roles[key] = _role_of_key(key, vocabulary) or _role_of_parts(key, vocabulary)
    return vocabulary.known_roles[key]


def _role_of_parts(key: str, vocabulary: HeaderVocabulary) -> str | None:
    """A header of words joined by "/" ("Nuläge/kommentar", "Område/fokus") names the one role its
    parts name; parts naming two roles ("Kommentar/status") say nothing (the vocabulary decides)."""
    parts = [part for part in key.split("/") if part]
    if len(parts) < 2:
        return None
    roles = {_role_of_key(part, vocabulary) for part in parts} - {None}
    return roles.pop() if len(roles) == 1 else None


def _role_of_key(key: str, vocabulary: HeaderVocabulary) -> str | None:
    for role, synonyms in vocabulary.columns.items():
        if key in synonyms:
            return role
    # Below the cutoff rapidfuzz skips the pair; of equal scores the first synonym in the file wins.
    best = process.extractOne(key, vocabulary.fuzzy_synonyms, scorer=fuzz.ratio,
                              score_cutoff=vocabulary.fuzzy_threshold)
    return vocabulary.fuzzy_roles[best[2]] if best is not None else None


# The tolerances of reading a header (settings.ExtractSettings): words of one header cell sit a
# space apart, a gap wider than `column_gap` font sizes means the next column (cell padding on both
# sides is wider than a word space); words that name no column belong to the header cell before them
# ("Beräknad kostnad", "Ansvarig (funktion)") only within `word_space`; a header wrapped over lines
# continues less than `band_gap` line heights below (lines of cells aligned to the middle even
# overlap), in the same type size (± `size_tolerance` pt), over at most `max_header_lines` lines.
# A line-end hyphen in a header is the word's hyphenation ("Start-" / "datum" is "Startdatum").
_LINE_END_HYPHENS = ("-", "\u2010", "\u00ad")
_DETACHED_HYPHEN = re.compile("\\s+([-\u2010\u00ad])$")


@dataclass(frozen=True)
class HeaderCell:
    """One column's header: its words (over one or more lines), the role it names, its printed text."""

    role: str | None
    words: tuple[Word, ...]
    name: str = ""

    @property
    def x0(self) -> float:
        return min(w.box.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.box.x1 for w in self.words)


@dataclass(frozen=True)
class HeaderBand:
    """A table header: one text line or a few close lines, split into column cells left to right."""

    lines: tuple[TextLine, ...]
    cells: tuple[HeaderCell, ...]

    @property
    def box(self) -> Box:
        return Box(min(line.box.x0 for line in self.lines), min(line.box.top for line in self.lines),
                   max(line.box.x1 for line in self.lines), max(line.box.bottom for line in self.lines))

    @property
    def size(self) -> float:
        return max(line.size for line in self.lines)

    @property
    def line_height(self) -> float:
        """The height of one of its lines (the band may be several lines high)."""
        return max(line.box.height for line in self.lines)

    @property
    def roles(self) -> set[str]:
        return {cell.role for cell in self.cells if cell.role}


def header_text(lines: Sequence[str]) -> str:
    """A header cell's printed text in one line: hyphenation undone, whitespace collapsed.

    "Start-" / "datum" → "Startdatum", "Kommentar/" / "uppföljning" → "Kommentar/uppföljning",
    "Ansvarig" / "(funktion)" → "Ansvarig (funktion)".
    """
    text = ""
    # A browser may print a hyphenation hyphen a space apart from its syllable ("Sta ‐").
    for piece in (_DETACHED_HYPHEN.sub(r"\1", " ".join(line.split())) for line in lines):
        if not piece:
            continue
        if text.endswith(_LINE_END_HYPHENS) and piece[0].islower():
            text = text[:-1] + piece
        elif text.endswith("/") or not text:
            text += piece
        else:
            text += " " + piece
    return text


def header_band(
    lines: Sequence[TextLine], vocabulary: HeaderVocabulary, line_cells: Sequence[list[list[Word]]] | None = None,
    settings: ExtractSettings = DEFAULT_SETTINGS,
) -> HeaderBand:
    """Split header lines into column cells: each line into cells (`line_cells`, when already
    known), then cells one above the other joined (a cell's words overlap horizontally with the
    part of the cell on the line above)."""
    if line_cells is None:
        line_cells = [_line_cells(line.words_with(settings.word_gap), vocabulary, settings) for line in lines]
    columns: list[list[list[Word]]] = []  # per column: its word runs, line by line
    for runs in line_cells:
        for run in runs:
            x0, x1 = run[0].box.x0, run[-1].box.x1
            overlaps = [(min(x1, _right(c)) - max(x0, _left(c)), i) for i, c in enumerate(columns)]
            best = max(overlaps, default=(0.0, -1))
            if best[0] > 0:
                columns[best[1]].append(run)
            else:
                columns.append([run])
    columns.sort(key=_left)
    cells = []
    for runs in columns:
        name = header_text([" ".join(w.text for w in run) for run in runs])
        words = tuple(w for run in runs for w in run)
        cells.append(HeaderCell(column_role(name, vocabulary), words, name))
    return HeaderBand(tuple(lines), tuple(cells))


def joined_by_shading(band: HeaderBand, fills: Sequence[Fill], vocabulary: HeaderVocabulary) -> HeaderBand:
    """The band with header cells that one cell's shading holds joined into one cell.

    A justified header cell spreads the words of every line but its last to the cell's edges
    (Typst justifies every paragraph, table cells too): "Ny tid-" over "plan" in a narrow column
    prints "Ny" at the cell's left and "tid-" at its right, further apart than two columns stand,
    and read as two cells. A header shaded cell by cell shows where each cell ends: cells whose
    words all lie in one fill are one cell. A fill holding every cell (a header shaded as one band
    over the whole row) shows no cell, and cells naming two roles stay apart (two columns under one
    shading, as a spreadsheet may paint a range).
    """
    cells = band.cells
    if len(cells) < 2:
        return band
    band_box = band.box
    shading = [f.box for f in fills if f.box.top < band_box.bottom and f.box.bottom > band_box.top]
    joined: list[HeaderCell] = []
    i = 0
    while i < len(cells):
        held = next((box for box in shading if _holds(box, cells[i])), None)
        j = i
        while held is not None and j + 1 < len(cells) and _holds(held, cells[j + 1]):
            j += 1
        group = cells[i : j + 1]
        if len(group) > 1 and len(group) < len(cells) and sum(1 for c in group if c.role) <= 1:
            joined.append(_joined_cell(band, group, vocabulary))
        else:
            joined.extend(group)
        i = j + 1
    return band if len(joined) == len(cells) else HeaderBand(band.lines, tuple(joined))


def _holds(box: Box, cell: HeaderCell) -> bool:
    """Every word of the header cell lies inside the box (its middle height, for glyphs reaching past a fill)."""
    return all(box.x0 <= w.box.x0 and w.box.x1 <= box.x1 and box.top <= (w.box.top + w.box.bottom) / 2 <= box.bottom
               for w in cell.words)


def _joined_cell(band: HeaderBand, group: Sequence[HeaderCell], vocabulary: HeaderVocabulary) -> HeaderCell:
    """One header cell of several, its text read line by line across them."""
    words = [w for cell in group for w in cell.words]
    lines = []
    for line in band.lines:
        on_line = sorted((w for w in words if line.box.top <= (w.box.top + w.box.bottom) / 2 <= line.box.bottom),
                         key=lambda w: w.box.x0)
        if on_line:
            lines.append(on_line)
    name = header_text([" ".join(w.text for w in line) for line in lines])
    return HeaderCell(column_role(name, vocabulary), tuple(w for line in lines for w in line), name)


def _left(runs: Sequence[Sequence[Word]]) -> float:
    return min(run[0].box.x0 for run in runs)


def _right(runs: Sequence[Sequence[Word]]) -> float:
    return max(run[-1].box.x1 for run in runs)


def _line_cells(words: Sequence[Word], vocabulary: HeaderVocabulary, settings: ExtractSettings) -> list[list[Word]]:
    """One header line split into cells: greedily the longest run of words naming a role; words
    naming none join the cell before them while they sit a word space apart and no role starts
    among them ("Ansvarig (funk-", "Beräknad kostnad")."""
    cells: list[list[Word]] = []
    spans: dict[int, int] = {}  # the role span from each word on, asked for at most once

    def span_at(i: int) -> int:
        span = spans.get(i)
        if span is None:
            span = spans[i] = _role_span(words, i, vocabulary, settings)
        return span

    i = 0
    while i < len(words):
        span = span_at(i) or 1
        run = list(words[i : i + span])
        i += span
        while (i < len(words)
               and words[i].box.x0 - run[-1].box.x1 <= settings.word_space * max(run[-1].size, words[i].size)
               and not span_at(i)):
            run.append(words[i])
            i += 1
        cells.append(run)
    return cells


def _role_span(words: Sequence[Word], i: int, vocabulary: HeaderVocabulary, settings: ExtractSettings) -> int:
    """How many words from i on name a column role (3, 2 or 1), or 0 when none do."""
    for span in (3, 2, 1):
        run = words[i : i + span]
        if len(run) < span or (span > 1 and (_has_column_gap(run, settings) or _words_name_several_roles(run, vocabulary))):
            continue
        if column_role(" ".join([w.text for w in run]), vocabulary) is not None:
            return span
    return 0


def _words_name_several_roles(run: Sequence[Word], vocabulary: HeaderVocabulary) -> bool:
    """Two words that each name a column are two columns, however close ("Status" "Kommentar" over a
    narrow status column), although the pair may also read as one heading ("Status/kommentar")."""
    roles = {column_role(w.text, vocabulary) for w in run} - {None}
    return len(roles) >= 2


def _has_column_gap(run: Sequence[Word], settings: ExtractSettings) -> bool:
    """Words of one header cell sit a space apart; a wider gap means the next column."""
    for left, right in zip(run, run[1:], strict=False):
        if right.box.x0 - left.box.x1 > settings.column_gap * max(left.size, right.size):
            return True
    return False


def header_bands(lines: Sequence[TextLine], vocabulary: HeaderVocabulary,
                 settings: ExtractSettings = DEFAULT_SETTINGS) -> list[HeaderBand]:
    """The table headers among a page's lines, top to bottom.

    A header names at least `min_roles` distinct column roles over one to `max_header_lines` close
    lines (a cell wrapped over two lines names its role only when its lines are read together).
    Of the bands starting at a line, the one naming most roles wins (the fewest lines on a tie), and
    a band gives way to one starting at its second line that names more (a line just above the
    header is not part of it).
    """
    cells = [_line_cells(line.words_with(settings.word_gap), vocabulary, settings) for line in lines]
    # Only a band with a line naming a role on its own can be a header: most lines are not tried.
    naming = [any(column_role(" ".join(w.text for w in run), vocabulary) for run in runs) for runs in cells]
    best = [_best_band(lines, cells, i, vocabulary, settings) if any(naming[i : i + settings.max_header_lines]) else None
            for i in range(len(lines))]
    bands = []
    i = 0
    while i < len(lines):
        band = best[i]
        following = best[i + 1] if i + 1 < len(lines) else None
        if band is None or (len(band.lines) > 1 and following is not None and len(following.roles) > len(band.roles)):
            i += 1
            continue
        bands.append(band)
        i += len(band.lines)
    return bands


def _best_band(
    lines: Sequence[TextLine], line_cells: Sequence[list[list[Word]]], i: int, vocabulary: HeaderVocabulary,
    settings: ExtractSettings,
) -> HeaderBand | None:
    """The band of one to `max_header_lines` lines from line i naming most roles, or None."""
    best: HeaderBand | None = None
    for n in range(1, settings.max_header_lines + 1):
        group = lines[i : i + n]
        if len(group) < n or (n > 1 and not _continues_band(group[-2], group[-1], settings)):
            break
        if sum(len(runs) for runs in line_cells[i : i + n]) < vocabulary.min_roles:
            continue
        band = header_band(group, vocabulary, line_cells[i : i + n], settings)
        if len(band.roles) >= vocabulary.min_roles and (best is None or len(band.roles) > len(best.roles)):
            best = band
    return best


def _continues_band(above: TextLine, below: TextLine, settings: ExtractSettings) -> bool:
    """The next line of a wrapped header: close below and in the same type size."""
    height = max(above.box.height, settings.min_line_height)
    if not any(c.upright for c in below.chars):
        # Header text turned a quarter (page_content.laid_flat) stands at its cell's foot, however far
        # below the header's other lines, set at the cell's top, it is.
        return below.box.top - above.box.bottom < settings.turned_header_reach * height
    return (below.box.top - above.box.bottom < settings.band_gap * height
            and abs(below.size - above.size) <= settings.size_tolerance)


def section_of_heading(text: str, vocabulary: HeaderVocabulary) -> str | None:
    """"done" or "active" when a line is a section heading ("Klara aktiviteter"), else None.

    A heading starts with a capital and does not end a sentence, which tells it from the same
    words wrapped onto a line of running text.
    """
    text = text.strip()
    if not text or not text[0].isupper() or text.endswith((".", ",", ":")):
        return None
    key = header_key(text)
    for section in ("done", "active"):
        if key in vocabulary.sections.get(section, ()):
            return section
    return None
