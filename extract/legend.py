"""The status legend: coloured markers (swatches, dots, shaded cells), each with its label printed
to the right or inside, whatever the colours; which label means which status is normalize's part."""
from __future__ import annotations

from collections.abc import Sequence

from followup.extract.colours import is_marker_glyph, is_neutral
from followup.extract.page_content import Char, Fill
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.text_lines import TextLine, line_text
from followup.schemas import LegendEntry


def find_legend(fills: Sequence[Fill], lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS,
                ) -> list[LegendEntry]:
    """Legend entries (label, colour) from markers outside the tables, top to bottom.

    A marker is a small swatch or dot with its label to its right, or a shaded cell with a short
    label inside ("KLART" on blue; a longer text in a box is a note, not a key), or an empty shaded
    cell of a grid with its label in the next cell, against its right edge (a spreadsheet's legend
    block: the swatch is as wide as its column).
    """
    entries: list[LegendEntry] = []
    for fill in sorted(fills, key=lambda f: (round(f.box.top), f.box.x0)):
        box = fill.box
        if not (settings.min_marker_size <= box.width <= settings.max_label_cell_width
                and settings.min_marker_size <= box.height <= settings.max_marker_height):
            continue
        label = _label_inside(fill, lines, settings)
        if not label and box.width <= settings.max_marker_width:
            label = _label_right_of(fill, lines, settings)
        elif not label and not _has_text_inside(fill, lines, settings):
            label = _label_right_of(fill, lines, settings, reach=settings.adjacent_label_distance)
        if label and all(e.label != label for e in entries):
            entries.append(LegendEntry(label=label, colour=fill.colour))
    return entries


def find_glyph_legend(lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[LegendEntry]:
    """Legend entries printed as coloured symbols ("● KLART"), top to bottom."""
    entries: list[LegendEntry] = []
    for line in lines:
        chars = line.chars
        for i, char in enumerate(chars):
            if not (char.colour and is_marker_glyph(char.text) and not is_neutral(char.colour, settings.neutral_max_spread)):
                continue
            label = _glyph_label(chars[i + 1 :], settings)
            if label and all(e.label != label for e in entries):
                entries.append(LegendEntry(label=label, colour=char.colour))
    return entries


def _glyph_label(chars: Sequence[Char], settings: ExtractSettings) -> str:
    """The words after a marker glyph, up to a wide gap or the next marker."""
    taken: list[Char] = []
    for char in chars:
        if char.colour and is_marker_glyph(char.text) and not is_neutral(char.colour, settings.neutral_max_spread):
            break
        if taken and not char.text.isspace() and char.x0 - taken[-1].x1 > settings.label_gap * char.size:
            break
        taken.append(char)
    return line_text(taken, settings.word_gap).strip()


def _label_inside(fill: Fill, lines: Sequence[TextLine], settings: ExtractSettings) -> str:
    """The short text printed on a shaded legend cell, or "" (none, or too long for a label)."""
    box, slack = fill.box, settings.label_slack
    words = [w for line in lines if box.top - slack <= (line.box.top + line.box.bottom) / 2 <= box.bottom + slack
             for w in line.words_with(settings.word_gap) if box.x0 - slack <= w.box.x0 and w.box.x1 <= box.x1 + slack]
    if not words or len(words) > settings.max_label_words:
        return ""
    return " ".join(w.text for w in words)


def _has_text_inside(fill: Fill, lines: Sequence[TextLine], settings: ExtractSettings) -> bool:
    box, slack = fill.box, settings.label_slack
    return any(box.top - slack <= (line.box.top + line.box.bottom) / 2 <= box.bottom + slack
               and any(box.x0 + slack < w.box.x1 and w.box.x0 < box.x1 - slack for w in line.words_with(settings.word_gap))
               for line in lines)


def _label_right_of(fill: Fill, lines: Sequence[TextLine], settings: ExtractSettings,
                    reach: float | None = None) -> str:
    """The words just right of a marker (at most `reach` pt away, by default max_label_distance), on
    the first line level with it (a swatch as tall as its table row holds its label at the row's top)."""
    for line in lines:
        line_middle = (line.box.top + line.box.bottom) / 2
        if not fill.box.top - settings.label_level <= line_middle <= fill.box.bottom + settings.label_level:
            continue
        words = [w for w in line.words_with(settings.word_gap) if w.box.x0 >= fill.box.x1 - settings.label_slack]
        if not words or words[0].box.x0 - fill.box.x1 > (settings.max_label_distance if reach is None else reach):
            continue
        label = [words[0]]
        for word in words[1:]:
            if word.box.x0 - label[-1].box.x1 > settings.label_gap * word.size:
                break  # the next legend entry on the same line
            label.append(word)
        return " ".join(w.text for w in label)
    return ""
