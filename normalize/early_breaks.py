"""Whether a report's line breaker breaks each line at the last hyphenation point that fits.

A first-fit line breaker (LibreOffice, Word, WeasyPrint, Chromium, ReportLab) fills a line and
breaks the word that does not fit at the last of its hyphenation points that still fits. Where a
later point of the word would have fitted in the room the line left, the hyphen there is therefore
the author's: the room at a hyphenated line end (RawCell.line_ends' `fits`) is the first evidence
of the line-break repair (normalize/linebreaks.py, `resolve_line_end_hyphen`).

A whole-paragraph line breaker (Knuth–Plass: Typst, TeX) chooses a paragraph's breaks together and
often breaks a word earlier than it had to, to even out the spacing of the paragraph's lines (in a
narrow cell, "medicinav-" + "delningar" with room for "del"). There the room says nothing about who
typed a hyphen. Which kind a report's breaker is, is learned from the report itself: a certain
hyphenation break (one only hyphenation explains, `hyphen_drawing.is_certain_break`: "samtli-" +
"ga") with room for a later point of its word is a break the layout made early, which a first-fit
breaker never makes. `MIN_EARLY_BREAKS` of them and the room is no evidence in that report.
A whole-paragraph breaker that shows no such break cannot be told from a first-fit one.
"""
from __future__ import annotations

from collections.abc import Iterable

from followup.normalize.hyphen_drawing import is_certain_break
from followup.normalize.linebreaks import SwedishLexicon, later_point_fits, swedish_lexicon
from followup.schemas import LineEnd

# Certain hyphenation breaks made early before the room is disbelieved. One is enough: the other 118
# reports of the corpus and the samples (115 from first-fit producers, Typst's three on A4) hold
# 1,896 certain breaks and not one made early (the room is measured from the column's widest line,
# so it errs small); the Typst reports that break early hold 1 to 3.
MIN_EARLY_BREAKS = 1


def room_tells_hyphenation(ends: Iterable[LineEnd], lexicon: SwedishLexicon | None = None) -> bool:
    """True unless the report's layout breaks words earlier than the last point that fits (see the
    module docstring): then the room at its line ends is no evidence of a typed hyphen."""
    lexicon = lexicon or swedish_lexicon()
    early = 0
    for end in ends:
        if end.kind != "hyphen" or not end.fits or not is_certain_break(end.line, end.next, lexicon):
            continue
        if later_point_fits(end.line, end.next, end.fits):
            early += 1
            if early >= MIN_EARLY_BREAKS:
                return False
    return True
