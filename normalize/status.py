"""An activity's status: from its status cell's colour (through the legend), else from its text."""
from __future__ import annotations

import re
from typing import Iterator, Optional, Sequence

from normalize import colours
from normalize.vocabulary import Vocabulary
from schemas.document import Status
from schemas.raw import LegendEntry

# What may stand before a status label at the start of a note: a date ("22-10-03 KLART"), bullets.
_LEADING_DATE = re.compile(r"^[\s\-–•*:.,]*(?:\d{2,4}-\d{1,2}(?:-\d{1,2})?)?[\s\-–:.,]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def status_from_colour(
    colour: Optional[str], legend: Sequence[LegendEntry], vocabulary: Vocabulary
) -> Optional[Status]:
    """The status a status cell's colour shows.

    The colour of the document's own legend closest to it decides when one is close enough (its
    label read through the status labels); otherwise the hue does: green done, yellow or amber in
    progress, red delayed. White, grey, black, no colour, or another hue → None.
    """
    rgb = colours.parse_hex(colour)
    if rgb is None or colours.is_neutral(rgb):
        return None
    by_legend = colours.nearest(rgb, legend_statuses(legend, vocabulary))
    return by_legend if by_legend is not None else colours.status_from_hue(rgb)


def legend_statuses(
    legend: Sequence[LegendEntry], vocabulary: Vocabulary
) -> list[tuple[colours.RGB, Status]]:
    """The legend's colours with the status their labels name; unreadable entries are left out."""
    readable = []
    for entry in legend:
        rgb = colours.parse_hex(entry.colour)
        status = status_of_label(entry.label, vocabulary)
        if rgb is not None and status is not None:
            readable.append((rgb, status))
    return readable


def status_of_label(label: str, vocabulary: Vocabulary) -> Optional[Status]:
    """The status a label starts with ("ARBETE PÅGÅR" → in_progress), longest label first."""
    text = label.strip()
    for known in _labels_longest_first(vocabulary):
        if re.match(rf"{re.escape(known.text)}(?!\w)", text, re.IGNORECASE):
            return known.status
    return None


def status_from_text(text: Optional[str], vocabulary: Vocabulary) -> Optional[Status]:
    """The status a status cell or follow-up note states in words, if any.

    Only a sentence or line that starts with a status label counts (after an optional date, as in
    "22-10-03 KLART"), the first such sentence deciding: "Arbete pågår, bedöms röra sig långsamt"
    is in progress, "… Blev inte av! Fortsatt röd" delayed, while "Utbildning pågår." is a remark
    about a part of the work and says nothing.
    """
    if not text:
        return None
    for sentence in _sentences(text):
        status = status_of_label(_LEADING_DATE.sub("", sentence, count=1), vocabulary)
        if status is not None:
            return status
    return None


def _sentences(text: str) -> Iterator[str]:
    for piece in _SENTENCE_END.split(text):
        if piece.strip():
            yield piece.strip()


def _labels_longest_first(vocabulary: Vocabulary):
    return sorted(vocabulary.status_labels, key=lambda label: len(label.text), reverse=True)
