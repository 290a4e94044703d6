"""What a report shows of how its producer breaks lines, learned once per report from its own cases.

The line-break repair of every cell is given one `LineBreakHabits`; each habit is decided where its
evidence is understood:

- `marked`: no plain line-end hyphen joins. The producer prints its own hyphens as U+2010 or U+00AD
  (WeasyPrint; `linebreaks.document_marks_hyphenation`), or hyphenates nothing
  (`hyphen_drawing.hyphenates_nothing`).
- `drawn`: how a hyphen was drawn tells the producer's from the author's
  (`hyphen_drawing.drawing_tells_hyphenation`; LibreOffice).
- `cuts_long`: the producer cuts a word too long for its cell at the cell's edge rather than
  hyphenating it (`cut_words.cuts_long_words`; spreadsheets, PDF libraries).
- `greedy`: the producer breaks each line at the last hyphenation point that fits, so the room left
  at a line end is evidence of a typed hyphen (`early_breaks.room_tells_hyphenation`). A typesetter
  that breaks a whole paragraph at once (Typst, TeX) may break earlier to even out its lines.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from followup.normalize.cut_words import cuts_long_words
from followup.normalize.early_breaks import room_tells_hyphenation
from followup.normalize.hyphen_drawing import drawing_tells_hyphenation, hyphenates_nothing
from followup.normalize.linebreaks import SwedishLexicon, document_marks_hyphenation, swedish_lexicon
from followup.schemas import LineEnd


@dataclass(frozen=True)
class LineBreakHabits:
    """How one report's producer breaks lines (see the module docstring); the defaults assume nothing."""

    marked: bool = False
    drawn: bool = False
    cuts_long: bool = False
    greedy: bool = True


# A text on its own (a milestone, a test): nothing known of its producer.
NO_HABITS = LineBreakHabits()


def line_break_habits(cell_texts: Sequence[str], ends: Sequence[LineEnd],
                      lexicon: SwedishLexicon | None = None) -> LineBreakHabits:
    """The habits a report shows in its cells' texts and their line ends (RawCell.line_ends)."""
    lexicon = lexicon or swedish_lexicon()
    return LineBreakHabits(
        marked=document_marks_hyphenation(cell_texts) or hyphenates_nothing(ends, lexicon),
        drawn=drawing_tells_hyphenation(ends, lexicon),
        cuts_long=cuts_long_words(ends, lexicon),
        greedy=room_tells_hyphenation(ends, lexicon),
    )
