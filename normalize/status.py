"""An activity's status: a status word first, then the status cell's colour through the report's
legend, then (for a colour the legend does not cover) its hue; the follow-up note last."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from followup.normalize import colours
from followup.normalize.vocabulary import NOT_STARTED, LabelStatus, Vocabulary
from followup.schemas.document import Status, StatusSource
from followup.schemas.raw import LegendEntry

# What may stand before a status label at the start of a note: a date ("22-10-03 KLART"), bullets.
_LEADING_DATE = re.compile(r"^[\s\-–•*:.,]*(?:\d{2,4}-\d{1,2}(?:-\d{1,2})?)?[\s\-–:.,]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

# A decision: the status (None for "not started" or unknown) and where it was read (None: nowhere).
Decision = tuple[Status | None, StatusSource | None]


def status_of_cell(
    text: str | None, colour: str | None, legend: Sequence[LegendEntry], vocabulary: Vocabulary
) -> Decision:
    """The status a status cell shows: its word decides, then its colour.

    A word ("Klar", "Pågår", "Ej påbörjad") decides even when the cell or its label is coloured
    otherwise; "Ej påbörjad" says the work has not started, which is no status. Without a word the
    colour is read through the legend, or by its hue (`colour_status`).
    """
    # A status cell holds one label, wrapped in a narrow column ("Ej" / "påbörjad"): read it as one
    # line; hyphenated in it ("FÖRSE-" / "NAD"), read with the hyphenation undone.
    for reading in (" ".join(text.split()) if text else text, _unhyphenated(text)):
        said = label_in_text(reading, vocabulary)
        if said is not None:
            return _as_status(said), "text"
    return colour_status(colour, legend, vocabulary)


_LINE_END_HYPHEN = re.compile(r"(?<=\w)[-\u2010\u00ad][ \t]*\n\s*(?=\w)")


def _unhyphenated(text: str | None) -> str | None:
    """A status cell's text with each line-end hyphen joined to the next line's start."""
    if not text or not _LINE_END_HYPHEN.search(text):
        return None
    return " ".join(_LINE_END_HYPHEN.sub("", text).split())


def colour_status(colour: str | None, legend: Sequence[LegendEntry], vocabulary: Vocabulary) -> Decision:
    """The status a colour shows, and whether the legend ("colour") or the hue ("hue") said so.

    The report's own legend decides whatever its palette (blue done, green in progress): the nearest
    legend colour, when it is close enough (a tint of it too, when no other status's colour is
    near). A colour near none of them is read by its hue (green done, yellow or amber in progress,
    red delayed) only when the legend does not cover that status, since a legend that paints "done"
    blue says that green is not "done". White, grey, black, no colour, or another hue → (None,
    None).
    """
    rgb = colours.parse_hex(colour)
    if rgb is None or colours.is_neutral(rgb):
        return None, None
    readable = legend_statuses(legend, vocabulary)
    by_legend = colours.nearest_clearly(rgb, readable)
    if by_legend is not None:
        return _as_status(by_legend), "colour"
    by_hue = colours.status_from_hue(rgb)
    if by_hue is None or by_hue in {status for _, status in readable}:
        return None, None
    return by_hue, "hue"


def status_from_colour(
    colour: str | None, legend: Sequence[LegendEntry], vocabulary: Vocabulary
) -> Status | None:
    """The status a status cell's colour shows (legend, else hue), without saying which decided."""
    return colour_status(colour, legend, vocabulary)[0]


def legend_statuses(
    legend: Sequence[LegendEntry], vocabulary: Vocabulary
) -> list[tuple[colours.RGB, LabelStatus]]:
    """The legend's colours with what their labels say; unreadable entries are left out."""
    readable = []
    for entry in legend:
        rgb = colours.parse_hex(entry.colour)
        said = status_of_label(entry.label, vocabulary)
        if rgb is not None and said is not None:
            readable.append((rgb, said))
    return readable


def status_of_label(label: str, vocabulary: Vocabulary) -> LabelStatus | None:
    """What a label starts with ("ARBETE PÅGÅR" → in_progress, "Ej påbörjad" → not_started),
    longest label first."""
    text = label.strip()
    for known in _labels_longest_first(vocabulary):
        if re.match(rf"{re.escape(known.text)}(?!\w)", text, re.IGNORECASE):
            return known.status
    return None


def label_in_text(text: str | None, vocabulary: Vocabulary) -> LabelStatus | None:
    """The status word a cell or note states, if any.

    Only a sentence or line that starts with a status label counts (after an optional date, as in
    "22-10-03 KLART"), the first such sentence deciding: "Arbete pågår, bedöms röra sig långsamt"
    is in progress, "… Blev inte av! Fortsatt röd" delayed, while "Utbildning pågår." is a remark
    about a part of the work and says nothing.
    """
    if not text:
        return None
    for sentence in _sentences(text):
        said = status_of_label(_LEADING_DATE.sub("", sentence, count=1), vocabulary)
        if said is not None:
            return said
    return None


def status_from_text(text: str | None, vocabulary: Vocabulary) -> Status | None:
    """The status a status cell or follow-up note states in words (None also for "not started")."""
    said = label_in_text(text, vocabulary)
    return None if said is None else _as_status(said)


def _as_status(said: LabelStatus) -> Status | None:
    return None if said == NOT_STARTED else said


def _sentences(text: str) -> Iterator[str]:
    for piece in _SENTENCE_END.split(text):
        if piece.strip():
            yield piece.strip()


def _labels_longest_first(vocabulary: Vocabulary):
    return sorted(vocabulary.status_labels, key=lambda label: len(label.text), reverse=True)
