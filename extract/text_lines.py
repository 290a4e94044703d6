"""Characters → lines of text → words, by position alone."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from followup.extract.page_content import Box, Char, stored_directly
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.schemas.raw import HyphenDrawing, LineEnd

# Field getters for min and max over characters (map with these runs in C, a generator in Python).
_X0, _TOP, _X1, _BOTTOM, _SIZE, _BOLD = (attrgetter(name) for name in ("x0", "top", "x1", "bottom", "size", "bold"))
# Typographic ligatures some fonts print as one glyph ("ﬁ" in "speciﬁk") are their letters.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st"})


@stored_directly
@dataclass(frozen=True, slots=True)
class Word:
    text: str
    box: Box
    size: float
    bold: bool


@dataclass(frozen=True, slots=True)
class TextLine:
    chars: tuple[Char, ...]
    box: Box
    # The text and the words at a word gap, each computed on first use: the steps read every line's
    # text several times (always at the same gap, settings.word_gap).
    _texts: dict[float, str] = field(default_factory=dict, compare=False, repr=False)
    _words: dict[float, tuple[Word, ...]] = field(default_factory=dict, compare=False, repr=False)

    def text_with(self, word_gap: float) -> str:
        """The line's text (line_text), a gap wider than `word_gap` font sizes read as a space."""
        text = self._texts.get(word_gap)
        if text is None:
            text = self._texts[word_gap] = line_text(self.chars, word_gap)
        return text

    @property
    def size(self) -> float:
        return max(map(_SIZE, self.chars), default=0.0)

    def words_with(self, word_gap: float) -> list[Word]:
        """The line's words (words_of) at `word_gap`: a new list each time (callers may change it) of words
        computed once."""
        words = self._words.get(word_gap)
        if words is None:
            words = self._words[word_gap] = tuple(words_of(self.chars, word_gap))
        return list(words)


class InReadingOrder(list[Char]):
    """Characters known to be in reading order (_reading_order): a CharIndex's band or box, or the columns
    split_by_columns makes of one. text_lines takes them in this order instead of sorting them again (a
    stable sort of characters in order leaves them as they are)."""


class CharIndex:
    """Characters sorted by vertical centre, so a horizontal band is found by bisection."""

    def __init__(self, chars: Iterable[Char]) -> None:
        self._chars = sorted(chars, key=_reading_order)
        self._keys = [(c.top + c.bottom) / 2 for c in self._chars]

    def __len__(self) -> int:
        return len(self._chars)

    def text_lines(self, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[TextLine]:
        """text_lines of all the characters, from the order they are kept in (no second sort)."""
        return _grouped_lines(self._chars, self._keys, settings)

    def band(self, top: float, bottom: float) -> list[Char]:
        """Characters whose vertical centre lies in [top, bottom)."""
        return InReadingOrder(self._chars[bisect_left(self._keys, top) : bisect_left(self._keys, bottom)])

    def in_box(self, box: Box) -> list[Char]:
        return InReadingOrder(c for c in self.band(box.top, box.bottom) if box.x0 <= c.x_mid < box.x1)


def _reading_order(char: Char) -> tuple[float, float]:
    """Top to bottom by vertical centre, then left to right."""
    return (char.top + char.bottom) / 2, char.x0


def split_by_columns(chars: Iterable[Char], edges: Sequence[float]) -> list[list[Char]]:
    """Distribute characters to the columns between consecutive x edges, by their centre.

    Every character lands in exactly one column; those outside the outer edges are dropped. Characters
    in reading order give columns in reading order.
    """
    make = InReadingOrder if isinstance(chars, InReadingOrder) else list
    columns: list[list[Char]] = [make() for _ in range(len(edges) - 1)]
    for char in chars:
        i = bisect_right(edges, (char.x0 + char.x1) / 2) - 1  # its x_mid, without the property call
        if 0 <= i < len(columns):
            columns[i].append(char)
    return columns


def split_keeping_words(chars: Iterable[Char], edges: Sequence[float],
                        settings: ExtractSettings = DEFAULT_SETTINGS) -> list[list[Char]]:
    """split_by_columns, but a word that runs on past its column's right edge stays in the column it
    starts in, even past the last edge.

    A word a cell cannot break (a date in a narrow column, an e-mail address) runs on over the
    cell's edge, into the next cell or past the table and the page: split by their centres its
    last glyphs would start the next cell's text ("2024-12-3" | "1Verksam-") or be dropped. A glyph
    continues the word when it follows the word's last glyph on its baseline edge to edge (closer
    than `touch_gap` font sizes) and is not drawn by a text operator of its own: the next cell's
    text, however close, is (Char.opens_run), or stands a sliver apart.
    """
    make = InReadingOrder if isinstance(chars, InReadingOrder) else list
    columns: list[list[Char]] = [make() for _ in range(len(edges) - 1)]
    last: dict[float, tuple[Char, int]] = {}  # each baseline's last glyph so far and its column
    touch = settings.touch_gap
    for char in chars:
        i = bisect_right(edges, (char.x0 + char.x1) / 2) - 1
        key = round(char.bottom, 1)
        before = last.get(key)
        if before is not None and not (0 <= i <= before[1]):
            glyph = before[0]
            if (not char.opens_run and not char.text.isspace() and not glyph.text.isspace()
                    and glyph.x0 < char.x0 and char.x0 - glyph.x1 < touch * max(char.size, glyph.size)):
                i = before[1]
        if 0 <= i < len(columns):
            columns[i].append(char)
        last[key] = (char, i)
    return columns


def text_lines(chars: Iterable[Char], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[TextLine]:
    """Group characters into lines (top to bottom), each line's characters left to right: a character
    joins the line when its vertical centre is within `line_tolerance` font sizes of the line's first."""
    ordered = chars if isinstance(chars, InReadingOrder) else sorted(chars, key=_reading_order)
    return _grouped_lines(ordered, [(c.top + c.bottom) / 2 for c in ordered], settings)


def _grouped_lines(ordered: Sequence[Char], mids: Sequence[float], settings: ExtractSettings) -> list[TextLine]:
    """text_lines of characters in reading order (_reading_order), given their vertical centres."""
    groups: list[list[Char]] = []
    current_mid = None
    share, min_size = settings.line_tolerance, settings.min_font_size
    for char, mid in zip(ordered, mids, strict=True):
        if not groups and char.text.isspace():
            continue
        size = char.size
        tolerance = (size if size > min_size else min_size) * share
        if current_mid is not None and abs(mid - current_mid) <= tolerance:
            groups[-1].append(char)
        else:
            groups.append([char])
            current_mid = mid
    lines = []
    for group in groups:
        group.sort(key=_X0)
        visible = [c for c in group if not c.text.isspace()]
        if not visible:
            continue
        # Sorted by x0, the first visible character has the least.
        box = Box(visible[0].x0, min(map(_TOP, visible)), max(map(_X1, visible)), max(map(_BOTTOM, visible)))
        lines.append(TextLine(tuple(group), box))
    return lines


def line_text(chars: Sequence[Char], word_gap: float) -> str:
    """The text of one line: explicit spaces kept, gaps wider than `word_gap` font sizes turned into spaces."""
    parts: list[str] = []
    previous_blank, previous_x1, previous_size = True, 0.0, 0.0  # True: no character before
    for char in chars:
        text, size = char.text, char.size
        blank = text.isspace()
        # max(size, previous_size), written out: this runs for every character.
        if not blank and not previous_blank and \
                char.x0 - previous_x1 > word_gap * (previous_size if previous_size > size else size):
            parts.append(" ")
        parts.append(text)
        previous_blank, previous_x1, previous_size = blank, char.x1, size
    return " ".join("".join(parts).translate(LIGATURES).split())


def words_of(chars: Sequence[Char], word_gap: float) -> list[Word]:
    """Split one line's characters into words at spaces and at gaps wider than `word_gap` font sizes."""
    words: list[Word] = []
    current: list[Char] = []

    def close() -> None:
        if current:
            words.append(
                Word(
                    "".join([c.text for c in current]),
                    Box(current[0].x0, min(map(_TOP, current)), current[-1].x1, max(map(_BOTTOM, current))),
                    max(map(_SIZE, current)),
                    all(map(_BOLD, current)),
                )
            )
            current.clear()

    for char in chars:
        if char.text.isspace():
            close()
            continue
        if current:
            last, size = current[-1], char.size
            # max(size, last.size), written out: this runs for every character.
            if char.x0 - last.x1 > word_gap * (last.size if last.size > size else size):
                close()
        current.append(char)
    close()
    return words


def cell_text(chars: Sequence[Char], settings: ExtractSettings = DEFAULT_SETTINGS) -> str:
    """A cell's text: its lines joined by "\\n", a blank line where a paragraph gap is (`paragraph_gap`)."""
    return lines_text(text_lines(chars, settings), settings)


def lines_text(lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS) -> str:
    """The text of a cell's lines (`cell_text`)."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if i:
            previous = lines[i - 1]
            height = max(previous.box.height, settings.min_line_height)
            gap = line.box.top - previous.box.bottom
            out.append("\n\n" if gap > settings.paragraph_gap * height else "\n")
        out.append(line.text_with(settings.word_gap))
    return "".join(out)


# Hyphens a line may end in; a soft hyphen (U+00AD) is hyphenation whatever the room.
_LINE_END_HYPHENS = ("-", "\u2010")


def text_right_edge(lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS,
                    limit: float | None = None) -> float | None:
    """Where a text's lines end at most: its widest line with more than one word (a single word may
    stick out of its column); None without such a line. `limit`: the column's right edge; a line
    ending past it ran on with a word its cell could not break (an e-mail address) and shows no
    edge."""
    return max((line.box.x1 for line in lines if " " in line.text_with(settings.word_gap)
                and (limit is None or line.box.x1 <= limit)), default=None)


def line_end_room(lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS,
                  edge: float | None = None) -> list[LineEnd]:
    """How much of the next line would still have fitted at each hyphenated line end of a text.

    `edge`: the right edge of the text's column (`text_right_edge` of all the column's lines); by
    default that of these lines (a justified text leaves no room anywhere). At a line ending in a
    hyphen the room left is that edge less the line's own, less `hyphen_room_slack` font sizes; the
    answer is how many characters of the next line's first word, at their own widths, fit in it.
    Every hyphenated line end is listed, with `hyphen_drawing`'s answer. Automatic hyphenators break at the
    last hyphenation point that fits, so normalize reads a later point that would have fitted as a
    hyphen the author typed ("Tand-" + "vårdsenheten" with room for "vårds").
    """
    edge = text_right_edge(lines, settings) if edge is None else edge
    if edge is None:
        return []
    ends: list[LineEnd] = []
    for line, below in zip(lines, lines[1:], strict=False):
        text = line.text_with(settings.word_gap)
        if not text.endswith(_LINE_END_HYPHENS):
            continue
        room = edge - line.box.x1 - settings.hyphen_room_slack * line.size
        fits = 0
        for char in below.chars:
            if not char.text.isalnum():
                break
            room -= char.x1 - char.x0
            if room < 0:
                break
            fits += len(char.text.translate(LIGATURES))
        drawn = hyphen_drawing(line.chars)
        if fits or drawn is not None:
            ends.append(LineEnd(line=text, next=below.text_with(settings.word_gap), fits=fits, drawn=drawn))
    return ends


def hyphen_drawing(chars: Sequence[Char]) -> HyphenDrawing | None:
    """How the hyphen ending these characters (a line) was drawn after its word: "apart", by a
    text-showing operator of its own ("vård" then "-"), or "with_word" ("Verksamhets-" in one);
    None when no hyphen follows a letter or digit there."""
    inked = list(chars)
    while inked and inked[-1].text.isspace():
        inked.pop()
    if len(inked) < 2 or not inked[-1].text.endswith(_LINE_END_HYPHENS) or not inked[-2].text[-1:].isalnum():
        return None
    return "apart" if inked[-1].opens_run else "with_word"

