"""Whether a report's producer tells its own line-end hyphens from the author's by how it draws them.

A layout engine that hyphenates adds a hyphen the text does not contain. LibreOffice draws it by a
text-showing operator of its own, apart from the word ("vård" then "-"), while a hyphen the author
typed is drawn with its word ("Verksamhets-" in one operator). Other producers draw every hyphen the
same way (WeasyPrint with the word, Chromium apart), so the drawing says nothing there. Which is
which is learned from the report itself (extract gives each hyphenated line end's `LineEnd.drawn`):

- the hyphens drawn apart include at least `MIN_CERTAIN_BREAKS` certain hyphenation breaks (a
  fragment that is no word and no compound's first part, whose joined form is a word: "samtli-" +
  "ga") and no certain typed hyphen (after an acronym, a digit or a single letter: "IT-" + "stöd");
- the hyphens drawn with their word include none of those certain breaks.

Then a hyphen drawn apart is the layout's and joins, and one drawn with its word is the author's and
stays, also where the lexicon would accept the joined word ("Verksamhets-" + "chef" stays
"Verksamhets-chef"; "vardriktlin-" + "jer" in a web address joins).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from followup.normalize.linebreaks import SwedishLexicon, is_acronym, last_part, last_token, swedish_lexicon
from followup.schemas import LineEnd

# Certain hyphenation breaks among the hyphens drawn apart before the drawing is believed: one could
# be a typed hyphen in a changed font; two of a kind and none of the other is a habit of the producer.
MIN_CERTAIN_BREAKS = 2
# Line-end hyphens without one certain hyphenation break among them before a report is taken not to
# hyphenate at all: a hyphenating report breaks about every second word at a point only hyphenation
# explains (25-135 in each of the corpus's), so five in a row that are all typed-looking are chance
# in fewer than one in twenty.
MIN_UNBROKEN_HYPHENS = 5

# Hyphens a producer may print at a break: WeasyPrint's U+2010, a drawn soft hyphen.
_BREAK_HYPHENS = str.maketrans({"\u2010": "-", "\u00ad": "-"})
_FRAGMENT = re.compile(r"([^\W\d_]+)-$")
_TAIL_WORD = re.compile(r"[^\W\d_]+")


def drawing_tells_hyphenation(ends: Iterable[LineEnd], lexicon: SwedishLexicon | None = None) -> bool:
    """True when the document's hyphens drawn apart are its layout's and those drawn with their words
    the author's (see the module docstring)."""
    lexicon = lexicon or swedish_lexicon()
    breaks = {"apart": 0, "with_word": 0}
    typed_apart = 0
    with_word = 0
    for end in ends:
        if end.kind != "hyphen" or end.drawn is None:
            continue
        with_word += end.drawn == "with_word"
        if is_certain_break(end.line, end.next, lexicon):
            breaks[end.drawn] += 1
        elif end.drawn == "apart" and is_certain_typed(end.line, end.next):
            typed_apart += 1
    return with_word > 0 and breaks["with_word"] == 0 and typed_apart == 0 and breaks["apart"] >= MIN_CERTAIN_BREAKS


def hyphenates_nothing(ends: Iterable[LineEnd], lexicon: SwedishLexicon | None = None) -> bool:
    """True when the report's producer does not hyphenate: at least `MIN_UNBROKEN_HYPHENS` line ends
    in a hyphen, and not one of them a certain hyphenation break ("samtli-" + "ga"). Every line-end
    hyphen is then the author's ("Verksamhets-" + "chef" printed by a browser without hyphenation
    stays "Verksamhets-chef")."""
    lexicon = lexicon or swedish_lexicon()
    hyphens = [end for end in ends if end.kind == "hyphen"]
    return len(hyphens) >= MIN_UNBROKEN_HYPHENS and not any(
        is_certain_break(end.line, end.next, lexicon) for end in hyphens)


def is_certain_break(line: str, below: str, lexicon: SwedishLexicon) -> bool:
    """The line ends in a piece of a word that only hyphenation explains: the piece is no word and no
    compound's first part, and with the next line's first word it makes a word ("samtli-" + "ga",
    also with the producer's own hyphen: WeasyPrint's "samtli‐")."""
    return only_a_break_explains(_fragment(line), _tail_word(below), lexicon)


def only_a_break_explains(piece: str, tail: str, lexicon: SwedishLexicon) -> bool:
    """`piece` is no word and no compound's first part, and with `tail` it makes a word: the two are
    one word broken by the layout ("samtli" + "ga", "Informationssäkerhetskl" + "assningen")."""
    if len(piece) < 2 or not tail:
        return False
    piece = piece.lower()
    if lexicon.is_word(piece) or any(r.begin or r.middle for r in lexicon.readings(piece)):
        return False
    return lexicon.is_word(piece + tail.lower())


def is_certain_typed(line: str, below: str) -> bool:
    """The hyphen follows what no hyphenator breaks after: an acronym, a digit or a single letter
    ("IT-" + "stöd", "2024-" + "06-01", "e-" + "tjänster").

    Capitals going on in capitals on the next line are no acronym but a word set in capitals, which a
    hyphenator breaks like any other ("FÖRSE-" + "NAD", "EJ PÅ-" + "BÖRJAD" in a status label).
    """
    part = last_part(last_token(line).removesuffix("-"))
    if not part:
        return False
    tail = _tail_word(below)
    return part[-1].isdigit() or len(part) == 1 or (is_acronym(part) and bool(tail) and not tail.isupper())


def _fragment(line: str) -> str:
    match = _FRAGMENT.search(last_token(line.translate(_BREAK_HYPHENS)))
    return match.group(1) if match else ""


def _tail_word(below: str) -> str:
    match = _TAIL_WORD.match(below.strip())
    return match.group(0) if match else ""
