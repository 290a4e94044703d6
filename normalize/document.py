"""Raw tables → the normalized Document: repaired text, dates, statuses, responsibles, warnings."""
from __future__ import annotations

import hashlib
import re
from typing import TypedDict

from followup.normalize.cut_words import join_cut_words
from followup.normalize.dates import parse_date
from followup.normalize.early_breaks import room_tells_hyphenation
from followup.normalize.groups import area_of_group
from followup.normalize.highlighting import highlighted_rows
from followup.normalize.hyphen_drawing import drawing_tells_hyphenation
from followup.normalize.linebreaks import DocumentWords, document_marks_hyphenation, document_words, repair_text
from followup.normalize.period import period_of_document
from followup.normalize.responsibles import parse_responsible, units_named
from followup.normalize.status import Decision, label_in_text, status_from_text, status_of_cell, status_of_label
from followup.normalize.vocabulary import NOT_STARTED, Vocabulary
from followup.normalize.warnings import deadline_warning, done_but_red, responsible_warnings, status_colour_unknown
from followup.schemas import (
    Activity,
    Document,
    LegendColour,
    LegendEntry,
    Milestone,
    RawCell,
    RawDocument,
    RawRow,
    Source,
    Warning,
)

TEXT_ROLES = ("area", "goal", "action", "responsible", "follow_up")
# A milestone box ends with its date: "Elab – infört inom samtliga enheter 2023-12-01".
_TRAILING_DATE = re.compile(r"^(?P<label>.*?)[\s,:–-]*(?P<date>\d{4}-\d{2}(?:-\d{2})?|\d{2}-\d{2}-\d{2})\s*$", re.S)


def build_document(raw: RawDocument, vocabulary: Vocabulary, *, period: str | None = None) -> Document:
    """Turn an extracted RawDocument into the output Document."""
    activities: list[Activity] = []  # built in reading order: active table first, then done
    warnings: list[Warning] = list(raw.warnings)
    seen_ids: dict[str, int] = {}
    cell_texts = [cell.text for table in raw.tables for row in table.rows
                  for cell in (*row.cells.values(), *row.extra.values())]
    marked = document_marks_hyphenation(cell_texts)
    ends = [end for table in raw.tables for row in table.rows
            for cell in (*row.cells.values(), *row.extra.values()) for end in cell.line_ends]
    drawn = drawing_tells_hyphenation(ends)
    room = room_tells_hyphenation(ends)
    # How the report spells its compounds mid-line decides the same compounds at line ends.
    # The prose around the tables counts too: an address printed whole in the intro decides the same
    # address broken inside a narrow cell.
    words = document_words(cell_texts + list(raw.milestones) + ["\n".join(raw.preamble)])
    for table in raw.tables:
        groups = [row.group for row in table.rows]
        group_starts = [group is not None and (i == 0 or group != groups[i - 1]) for i, group in enumerate(groups)]
        highlights = highlighted_rows([row.row_fill for row in table.rows], group_starts)
        for row, highlighted in zip(table.rows, highlights, strict=True):
            activity, unmatched = build_activity(row, table.section, raw.legend, vocabulary, highlighted=highlighted,
                                                 marked_hyphenation=marked, words=words, hyphens_drawn=drawn,
                                                 room_evidence=room)
            activity.id = _unique(activity.id, seen_ids)
            activities.append(activity)
            warnings.extend(activity_warnings(activity, row, unmatched, vocabulary))
    return Document(
        source=Source(file=raw.file, sha256=raw.sha256, pages=raw.pages),
        title=_clean(raw.title),
        period=period or period_of_document(raw.preamble, raw.file),
        milestones=[build_milestone(text, marked_hyphenation=marked, words=words) for text in raw.milestones],
        legend=[legend_colour(entry, vocabulary) for entry in raw.legend],
        activities=activities,
        warnings=warnings,
    )


def build_activity(
    row: RawRow,
    section: str,
    legend: list[LegendEntry],
    vocabulary: Vocabulary,
    *,
    highlighted: bool = False,
    marked_hyphenation: bool = False,
    words: DocumentWords | None = None,
    hyphens_drawn: bool = False,
    room_evidence: bool = True,
) -> tuple[Activity, list[str]]:
    """One raw row → an Activity (id not yet made unique), and the responsible names not recognised.

    Whether the row is highlighted depends on its whole table (normalize/highlighting.py);
    `words`: the report's mid-line spelling (`document_words`), for the line-break repair;
    `hyphens_drawn`: the report's producer draws its own hyphens apart from their words
    (normalize/hyphen_drawing.py); `room_evidence`: its line breaker breaks at the last hyphenation
    point that fits, so the room at a line end is evidence (normalize/early_breaks.py).
    """
    def cell(role: str) -> str | None:
        return _repaired(row.cells[role], marked_hyphenation, words, hyphens_drawn, room_evidence) if role in row.cells else None

    texts = {role: cell(role) for role in TEXT_ROLES}
    # An Område column with text wins over the group row the activity sits under.
    texts["area"] = texts["area"] or area_of_group(row.group, vocabulary, marked_hyphenation=marked_hyphenation,
                                                      words=words)
    deadline = parse_date(cell("deadline"))
    new_deadline = parse_date(cell("new_deadline"))
    status, source = _status(row, texts["follow_up"], legend, vocabulary)
    responsible, unmatched = parse_responsible(texts["responsible"], vocabulary)
    activity = Activity(
        id=activity_id(texts["area"], texts["goal"], texts["action"]),
        section=section,
        area=texts["area"],
        goal=texts["goal"],
        action=texts["action"],
        deadline=deadline,
        responsible=responsible,
        units=units_named([t for t in texts.values() if t], vocabulary),
        status=status,
        status_source=source,
        follow_up=texts["follow_up"],
        new_deadline=new_deadline,
        highlighted=highlighted,
        pages=row.pages,
        extra={name: _repaired(cell, marked_hyphenation, words, hyphens_drawn, room_evidence) or ""
               for name, cell in row.extra.items()},
    )
    return activity, unmatched


def legend_colour(entry: LegendEntry, vocabulary: Vocabulary) -> LegendColour:
    """A legend entry of the report with the status its label names ("ARBETE PÅGÅR" → in_progress)."""
    said = status_of_label(" ".join(entry.label.split()), vocabulary)
    return LegendColour(label=_clean(entry.label) or entry.label, colour=entry.colour,
                        status=None if said in (None, NOT_STARTED) else said)


def build_milestone(
    text: str, *, marked_hyphenation: bool = False, words: DocumentWords | None = None
) -> Milestone:
    """A milestone box's text → its label and date."""
    repaired = _repaired(text, marked_hyphenation, words) or ""
    match = _TRAILING_DATE.match(repaired.replace("\n", " "))
    if match and match.group("label").strip():
        return Milestone(label=_clean(match.group("label")), date=parse_date(match.group("date")))
    return Milestone(label=_clean(repaired) or "", date=None)


def activity_id(area: str | None, goal: str | None, action: str | None) -> str:
    """Stable across periods while area, goal and action read the same (case and spacing aside)."""
    key = "\x1f".join(" ".join((t or "").split()).casefold() for t in (area, goal, action))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


class _Where(TypedDict):
    """Where a warning points: the activity's first page and its id."""

    page: int | None
    activity_id: str | None


def activity_warnings(activity: Activity, row: RawRow, unmatched: list[str], vocabulary: Vocabulary) -> list[Warning]:
    """What a reader must see about one activity: contradictions and values that could not be read."""
    where: _Where = {"page": activity.pages[0] if activity.pages else None, "activity_id": activity.id}
    area = activity.area
    found: list[Warning | None] = []
    if activity.section == "done":
        found.append(done_but_red(area, activity.status, **where))
    if activity.deadline is not None:
        found.append(deadline_warning(area, activity.deadline.text, **where))
    if activity.new_deadline is not None:
        found.append(deadline_warning(area, activity.new_deadline.text, field="new deadline", **where))
    status_cell = row.cells.get("status")
    cell_said = status_cell is not None and label_in_text(status_cell.text, vocabulary) is not None
    if status_cell is not None and not cell_said and activity.status_source not in ("colour", "hue"):
        found.append(status_colour_unknown(area, status_cell.marker or status_cell.fill, **where))
    found.extend(responsible_warnings(area, activity.responsible, unmatched, vocabulary, **where))
    return [w for w in found if w is not None]


def _status(row: RawRow, follow_up: str | None, legend: list[LegendEntry], vocabulary: Vocabulary) -> Decision:
    """The status cell's word, else its colour (legend, else hue); failing both, the follow-up note."""
    cell = row.cells.get("status")
    if cell is not None:
        # A status word cut at a narrow cell's edge ("Försena" / "d") is read whole.
        cuts = [(end.line, end.next) for end in cell.line_ends if end.kind == "cut"]
        text = join_cut_words(cell.text, cuts)[0] if cuts and cell.text else cell.text
        status, source = status_of_cell(text, cell.marker or cell.fill, legend, vocabulary)
        if source is not None:
            return status, source
    status = status_from_text(follow_up, vocabulary)
    return (status, "text") if status is not None else (None, None)


def _repaired(
    text: str | RawCell | None, marked_hyphenation: bool = False, words: DocumentWords | None = None,
    hyphens_drawn: bool = False, room_evidence: bool = True,
) -> str | None:
    """A cell's (or a milestone's) text with its line breaks repaired; a cell's room at its line ends
    (RawCell.line_ends, measured by extract) is the first evidence at a hyphen, and a full line end
    (no room) may be a word cut without a hyphen (normalize/cut_words.py). With `hyphens_drawn`,
    how each hyphen was drawn decides before the words do (normalize/hyphen_drawing.py); without
    `room_evidence` (a whole-paragraph line breaker, normalize/early_breaks.py) the room is not asked."""
    if text is None:
        return None
    line_ends = drawn = None
    if isinstance(text, RawCell):
        cuts = [(end.line, end.next) for end in text.line_ends if end.kind == "cut"]
        joined, renamed = join_cut_words(text.text, cuts, words=words) if cuts else (text.text, {})
        hyphens = [((renamed.get(_clean(end.line) or "", end.line), end.next), end)
                   for end in text.line_ends if end.kind == "hyphen"]
        line_ends = {key: end.fits for key, end in hyphens if end.fits} if room_evidence else None
        if hyphens_drawn:
            drawn = {key: end.drawn for key, end in hyphens if end.drawn is not None}
        text = joined
    repaired = repair_text(text, marked_hyphenation=marked_hyphenation, document=words, line_ends=line_ends,
                           drawn=drawn).strip()
    return repaired or None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.split()) or None


def _unique(identifier: str, seen: dict[str, int]) -> str:
    seen[identifier] = seen.get(identifier, 0) + 1
    return identifier if seen[identifier] == 1 else f"{identifier}-{seen[identifier]}"


