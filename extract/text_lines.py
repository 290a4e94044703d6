"""Characters → lines of text → words, by position alone."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from followup.extract.page_content import Box, Char
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings

# Typographic ligatures some fonts print as one glyph ("ﬁ" in "speciﬁk") are their letters.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st"})


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
        return max((c.size for c in self.chars), default=0.0)

    def words_with(self, word_gap: float) -> list[Word]:
        """The line's words (words_of) at `word_gap`: a new list each time (callers may change it) of words
        computed once."""
        words = self._words.get(word_gap)
        if words is None:
            words = self._words[word_gap] = tuple(words_of(self.chars, word_gap))
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


def text_lines(chars: Iterable[Char], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[TextLine]:
    """Group characters into lines (top to bottom), each line's characters left to right: a character
    joins the line when its vertical centre is within `line_tolerance` font sizes of the line's first."""
    ordered = sorted(chars, key=_reading_order)
    groups: list[list[Char]] = []
    current_mid = None
    share, min_size = settings.line_tolerance, settings.min_font_size
    for char in ordered:
        if not groups and char.text.isspace():
            continue
        mid = (char.top + char.bottom) / 2  # y_mid, computed here: this loop runs for every character
        size = char.size
        tolerance = (size if size > min_size else min_size) * share
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


def line_text(chars: Sequence[Char], word_gap: float) -> str:
    """The text of one line: explicit spaces kept, gaps wider than `word_gap` font sizes turned into spaces."""
    parts: list[str] = []
    previous: Char | None = None
    for char in chars:
        if (previous is not None and not char.text.isspace() and not previous.text.isspace()
                and char.x0 - previous.x1 > word_gap * max(char.size, previous.size)):
            parts.append(" ")
        parts.append(char.text)
        previous = char
    return " ".join("".join(parts).translate(LIGATURES).split())


def words_of(chars: Sequence[Char], word_gap: float) -> list[Word]:
    """Split one line's characters into words at spaces and at gaps wider than `word_gap` font sizes."""
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
        if current and char.x0 - current[-1].x1 > word_gap * max(char.size, current[-1].size):
            close()
        current.append(char)
    close()
    return words


def cell_text(chars: Sequence[Char], settings: ExtractSettings = DEFAULT_SETTINGS) -> str:
    """A cell's text: its lines joined by "\\n", a blank line where a paragraph gap is (`paragraph_gap`)."""
    lines = text_lines(chars, settings)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i:
            previous = lines[i - 1]
            height = max(previous.box.height, settings.min_line_height)
            gap = line.box.top - previous.box.bottom
            out.append("\n\n" if gap > settings.paragraph_gap * height else "\n")
        out.append(line.text_with(settings.word_gap))
    return "".join(out)
