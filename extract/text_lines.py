"""Characters → lines of text → words, by position alone."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from followup.extract.page_content import Box, Char
from followup.schemas.raw import LineEnd

# A gap wider than this fraction of the font size between two glyphs is a word space.
WORD_GAP = 0.22
# Typographic ligatures some fonts print as one glyph ("ﬁ" in "speciﬁk") are their letters.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st"})
# A vertical gap wider than this many line heights separates paragraphs.
PARAGRAPH_GAP = 0.55


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
    # The text and words, each computed on first use: the steps read every line's text several times.
    _memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def text(self) -> str:
        text = self._memo.get("text")
        if not isinstance(text, str):  # None until the first use
            text = self._memo["text"] = line_text(self.chars)
        return text

    @property
    def size(self) -> float:
        return max((c.size for c in self.chars), default=0.0)

    @property
    def words(self) -> list[Word]:
        """A new list each time (callers may change it) of words computed once."""
        words = self._memo.get("words")
        if not isinstance(words, tuple):  # None until the first use
            words = self._memo["words"] = tuple(words_of(self.chars))
        return list(words)


class CharIndex:
    """Characters sorted by vertical centre, so a horizontal band is found by bisection."""

    def __init__(self, chars: Iterable[Char]) -> None:
        self._chars = sorted(chars, key=_reading_order)
        self._keys = [(c.top + c.bottom) / 2 for c in self._chars]

    def __len__(self) -> int:
        return len(self._chars)

    def band(self, top: float, bottom: float) -> list[Char]:
        """Characters whose vertical centre lies in [top, bottom)."""
        return self._chars[bisect_left(self._keys, top) : bisect_left(self._keys, bottom)]

    def in_box(self, box: Box) -> list[Char]:
        return [c for c in self.band(box.top, box.bottom) if box.x0 <= c.x_mid < box.x1]


def _reading_order(char: Char) -> tuple[float, float]:
    """Top to bottom by vertical centre, then left to right."""
    return (char.top + char.bottom) / 2, char.x0


def split_by_columns(chars: Iterable[Char], edges: Sequence[float]) -> list[list[Char]]:
    """Distribute characters to the columns between consecutive x edges, by their centre.

    Every character lands in exactly one column; those outside the outer edges are dropped.
    """
    columns: list[list[Char]] = [[] for _ in range(len(edges) - 1)]
    for char in chars:
        i = bisect_right(edges, (char.x0 + char.x1) / 2) - 1  # its x_mid, without the property call
        if 0 <= i < len(columns):
            columns[i].append(char)
    return columns


def text_lines(chars: Iterable[Char]) -> list[TextLine]:
    """Group characters into lines (top to bottom), each line's characters left to right."""
    ordered = sorted(chars, key=_reading_order)
    groups: list[list[Char]] = []
    current_mid = None
    for char in ordered:
        if not groups and char.text.isspace():
            continue
        mid = (char.top + char.bottom) / 2  # y_mid, computed here: this loop runs for every character
        size = char.size
        tolerance = (size if size > 1.0 else 1.0) * 0.45
        if current_mid is not None and abs(mid - current_mid) <= tolerance:
            groups[-1].append(char)
        else:
            groups.append([char])
            current_mid = mid
    lines = []
    for group in groups:
        group.sort(key=lambda c: c.x0)
        visible = [c for c in group if not c.text.isspace()]
        if not visible:
            continue
        box = Box(
            min(c.x0 for c in visible),
            min(c.top for c in visible),
            max(c.x1 for c in visible),
            max(c.bottom for c in visible),
        )
        lines.append(TextLine(tuple(group), box))
    return lines


def line_text(chars: Sequence[Char]) -> str:
    """The text of one line: explicit spaces kept, wide gaps turned into spaces."""
    parts: list[str] = []
    previous: Char | None = None
    for char in chars:
        if (previous is not None and not char.text.isspace() and not previous.text.isspace()
                and char.x0 - previous.x1 > WORD_GAP * max(char.size, previous.size)):
            parts.append(" ")
        parts.append(char.text)
        previous = char
    return " ".join("".join(parts).translate(LIGATURES).split())


def words_of(chars: Sequence[Char]) -> list[Word]:
    """Split one line's characters into words at spaces and wide gaps."""
    words: list[Word] = []
    current: list[Char] = []

    def close() -> None:
        if current:
            words.append(
                Word(
                    "".join(c.text for c in current),
                    Box(current[0].x0, min(c.top for c in current), current[-1].x1, max(c.bottom for c in current)),
                    max(c.size for c in current),
                    all(c.bold for c in current),
                )
            )
            current.clear()

    for char in chars:
        if char.text.isspace():
            close()
            continue
        if current and char.x0 - current[-1].x1 > WORD_GAP * max(char.size, current[-1].size):
            close()
        current.append(char)
    close()
    return words


def cell_text(chars: Sequence[Char]) -> str:
    """A cell's text: its lines joined by "\\n", a blank line where a paragraph gap is."""
    return lines_text(text_lines(chars))


def lines_text(lines: Sequence[TextLine]) -> str:
    """The text of a cell's lines (`cell_text`)."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if i:
            previous = lines[i - 1]
            height = max(previous.box.height, 1.0)
            gap = line.box.top - previous.box.bottom
            out.append("\n\n" if gap > PARAGRAPH_GAP * height else "\n")
        out.append(line.text)
    return "".join(out)


# Hyphens a line may end in; a soft hyphen (U+00AD) is hyphenation whatever the room.
_LINE_END_HYPHENS = ("-", "\u2010")


def text_right_edge(lines: Sequence[TextLine]) -> float | None:
    """Where a text's lines end at most: its widest line with more than one word (a single word may
    stick out of its column); None without such a line."""
    return max((line.box.x1 for line in lines if " " in line.text), default=None)


def line_end_room(lines: Sequence[TextLine], slack: float, edge: float | None = None) -> list[LineEnd]:
    """How much of the next line would still have fitted at each hyphenated line end of a text.

    `edge`: the right edge of the text's column (`text_right_edge` of all the column's lines); by
    default that of these lines (a justified text leaves no room anywhere). At a line ending in a
    hyphen the room left is that edge less the line's own, less `slack` font sizes; the answer is
    how many characters of the next line's first word, at their own widths, fit in it. Only line
    ends with room for a character or more are listed. Automatic hyphenators break at the last
    hyphenation point that fits, so normalize reads a later point that would have fitted as a
    hyphen the author typed ("Tand-" + "vårdsenheten" with room for "vårds").
    """
    edge = text_right_edge(lines) if edge is None else edge
    if edge is None:
        return []
    ends: list[LineEnd] = []
    for line, below in zip(lines, lines[1:], strict=False):
        if not line.text.endswith(_LINE_END_HYPHENS):
            continue
        room = edge - line.box.x1 - slack * line.size
        fits = 0
        for char in below.chars:
            if not char.text.isalnum():
                break
            room -= char.x1 - char.x0
            if room < 0:
                break
            fits += len(char.text.translate(LIGATURES))
        if fits:
            ends.append(LineEnd(line=line.text, next=below.text, fits=fits))
    return ends
