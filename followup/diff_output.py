"""Renderings of a Diff: JSON (the contract), CSV (one row per activity) and Markdown (for a meeting)."""
from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from statistics import median
from typing import Any

from followup.compare.changes import collapse_whitespace
from followup.compare.summary import completed, moved_later, slipped, status_transition, turned_delayed
from followup.output import CsvDialect, activities_csv
from followup.schemas import Activity, DateValue
from followup.schemas.diff import ActivityChange, Diff

# `deadline` and `new_deadline` (Tid and Ny tid) are those of the activity as it stands, as before;
# the old version's are beside them, and each side's id.
DIFF_CSV_COLUMNS = [
    "change", "old_id", "new_id", "area", "goal", "old_status", "new_status", "section",
    "old_deadline", "deadline", "old_new_deadline", "new_deadline", "fields", "score", "slip_days",
]
# Unchanged words kept on each side of a change in a follow-up word diff; longer runs become "…".
CONTEXT_WORDS = 6
GOAL_CHARS = 90


def diff_json(diff: Diff) -> str:
    """The diff as JSON text; the same diff always gives the same bytes."""
    return json.dumps(diff.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def current(change: ActivityChange) -> Activity:
    """The activity as it stands: the new version, or the old one of a removed activity."""
    activity = change.new if change.new is not None else change.old
    if activity is None:
        raise ValueError("an activity change without either version")
    return activity


def _old(change: ActivityChange) -> Activity:
    """The old version of a removed, changed, completed or slipped activity (they all have one)."""
    if change.old is None:
        raise ValueError(f"an activity change ({change.change}) without its old version")
    return change.old


def _new(change: ActivityChange) -> Activity:
    """The new version of an added, changed, completed or slipped activity (they all have one)."""
    if change.new is None:
        raise ValueError(f"an activity change ({change.change}) without its new version")
    return change.new


def change_csv_row(change: ActivityChange) -> dict[str, str]:
    """One CSV row; area, goal, section and dates are those of the activity as it stands, old ones beside."""
    activity = current(change)
    old = change.old
    return {
        "change": change.change,
        "old_id": old.id if old else "",
        "new_id": change.new.id if change.new else "",
        "area": activity.area or "",
        "goal": activity.goal or "",
        "old_status": (change.old.status or "") if change.old else "",
        "new_status": (change.new.status or "") if change.new else "",
        "section": activity.section,
        "old_deadline": old.deadline.text if old and old.deadline else "",
        "deadline": activity.deadline.text if activity.deadline else "",
        "old_new_deadline": old.new_deadline.text if old and old.new_deadline else "",
        "new_deadline": activity.new_deadline.text if activity.new_deadline else "",
        "fields": " ".join(change.fields),
        "score": "" if change.score is None else f"{change.score:.3f}",
        "slip_days": "" if change.slip_days is None else str(change.slip_days),
    }


def diff_csv(diff: Diff, dialect: CsvDialect = "rfc4180") -> str:
    """The diff as CSV, one row per activity in the diff's order."""
    return activities_csv((change_csv_row(c) for c in diff.activities), DIFF_CSV_COLUMNS, dialect)


def diff_jsonl(diff: Diff) -> str:
    """The diff as JSON Lines: one activity change (as in the JSON's `activities`) per line."""
    return "".join(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in diff.activities)


def diff_sheets(diff: Diff) -> list:
    """`diff --format xlsx`: a changes sheet (the CSV's columns, typed; statuses in Swedish and coloured)
    and a summary sheet of the counts."""
    from followup.workbook import Sheet, activity_rows

    rows = activity_rows((change_csv_row(c) for c in diff.activities), DIFF_CSV_COLUMNS, legend=())
    summary = diff.summary
    measures: list[list[object]] = [
        ["old", f"{diff.old.file} ({diff.old.period})" if diff.old.period else diff.old.file],
        ["new", f"{diff.new.file} ({diff.new.period})" if diff.new.period else diff.new.file],
        *([name, getattr(summary, name)] for name in
          ("added", "removed", "changed", "unchanged", "completed", "deadline_slips", "turned_delayed")),
        *([f"status {transition}", count] for transition, count in summary.status_transitions.items()),
    ]
    return [Sheet("changes", DIFF_CSV_COLUMNS, rows), Sheet("summary", ["measure", "value"], measures)]


def escape_markdown(text: str) -> str:
    """Text safe inside Markdown prose: emphasis and link characters taken literally."""
    return re.sub(r"([\\`*_~\[\]<>|#])", r"\\\1", text)


def word_diff(old: str | None, new: str | None, context: int = CONTEXT_WORDS) -> str:
    """What the new text added (**bold**) and removed (~~struck~~), word by word, in Markdown.

    Long unchanged stretches are shortened to "…" around `context` words of each change.
    """
    before, after = collapse_whitespace(old).split(), collapse_whitespace(new).split()
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for position, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            parts.append(_shortened(before[i1:i2], context, first=position == 0, last=position == len(opcodes) - 1))
            continue
        if i2 > i1:
            parts.append(f"~~{escape_markdown(' '.join(before[i1:i2]))}~~")
        if j2 > j1:
            parts.append(f"**{escape_markdown(' '.join(after[j1:j2]))}**")
    return " ".join(p for p in parts if p)


def _shortened(words: list[str], context: int, *, first: bool, last: bool) -> str:
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if len(words) <= keep_head + keep_tail + 1:
        return escape_markdown(" ".join(words))
    head = escape_markdown(" ".join(words[:keep_head]))
    tail = escape_markdown(" ".join(words[len(words) - keep_tail:]))
    return " ".join(p for p in (head, "…", tail) if p)


@dataclass(frozen=True)
class Words:
    """The words of the meeting summary in one language (followup/data/summary.toml)."""

    lang: str
    phrases: dict[str, Any]

    def __call__(self, key: str, **values: object) -> str:
        return str(self.phrases[key]).format(**values)

    def table(self, name: str, key: str) -> str:
        return str(self.phrases[name].get(key, key))

    def status(self, status: str | None) -> str:
        return self.table("statuses", status) if status else self("unknown_status")

    def month(self, number: int) -> str:
        return self.phrases["months"]["names"][number - 1]


LANGUAGES = ("sv", "en")


@cache
def words(lang: str = "sv") -> Words:
    """The summary's words in `lang` (sv or en); ValueError for a language the data file lacks."""
    data = tomllib.loads((Path(__file__).parent / "data" / "summary.toml").read_text(encoding="utf-8"))
    if lang not in data:
        raise ValueError(f"no meeting summary words for language {lang!r} (have: {', '.join(sorted(data))})")
    return Words(lang=lang, phrases=data[lang])


def period_words(period: str | None, w: Words) -> str | None:
    """A report period YYYY-MM in words: "mars 2024" / "March 2024"."""
    if not period:
        return None
    year, month = period.split("-")
    return w("month_form", month=w.month(int(month)), year=year)


def span_words(value: DateValue, w: Words) -> str:
    """The stretch a printed date covers, in words: a day, a month or a year (else as printed)."""
    span = value.span
    if span is None:
        return escape_markdown(value.text)
    first, last = span
    if first == last:
        return w("day_form", day=first.day, month=w.month(first.month), year=first.year)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year)
    if first.day == 1 and last == _month_end(first):
        return w("month_form", month=w.month(first.month), year=first.year)
    return escape_markdown(value.text)


def _month_end(day: date) -> date:
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def label(activity: Activity, w: Words | None = None) -> str:
    """"**Area** — goal" for a list line, the goal cut to GOAL_CHARS."""
    w = w or words()
    goal = collapse_whitespace(activity.goal)
    if len(goal) > GOAL_CHARS:
        goal = goal[:GOAL_CHARS].rstrip() + "…"
    area = escape_markdown(collapse_whitespace(activity.area) or w("no_area"))
    return f"**{area}** — {escape_markdown(goal)}" if goal else f"**{area}**"


def _text(activity: Activity, field: str) -> str | None:
    value = getattr(activity, field)
    return value.text if hasattr(value, "text") else value


def _date_text(value: DateValue | None) -> str:
    return escape_markdown(value.text) if value is not None and value.text else "–"


def slip_note(change: ActivityChange, w: Words | None = None) -> str:
    """How a slipped activity slipped: its effective deadline's move and/or its status turning red.

    In days only between two whole days; a move into a coarser date says the period it moved into.
    """
    w = w or words()
    notes = []
    move = moved_later(change)
    if move is not None:
        how = w("slip_days", days=move.days) if move.days is not None else w("slip_moved", period=span_words(move.after, w))
        notes.append(f"{_date_text(move.before)} → {_date_text(move.after)} ({how})")
    if turned_delayed(change):
        notes.append(w("status_turned", old=w.status(_old(change).status), new=w.status("delayed")))
    return "; ".join(notes)


def _section(title: str, changes: list[ActivityChange], line: Callable[[ActivityChange], str], w: Words) -> list[str]:
    out = [f"## {title} ({len(changes)})", ""]
    out += [f"- {line(c)}" for c in changes] or [w("none")]
    return out + [""]


def transition_words(transition: str, w: Words) -> str:
    """"in_progress → done" in the summary's words: "Pågår → Klart"."""
    old, new = transition.split(" → ")
    return f"{w.status(None if old == 'unknown' else old)} → {w.status(None if new == 'unknown' else new)}"


def _headline(diff: Diff, w: Words) -> list[str]:
    s = diff.summary
    lines = [
        "- " + w("counts", added=s.added, removed=s.removed, changed=s.changed, unchanged=s.unchanged),
        "- " + w("completed_count", count=s.completed),
    ]
    if s.status_transitions:
        listed = ", ".join(f"{transition_words(k, w)}: {v}" for k, v in s.status_transitions.items())
        lines.append("- " + w("transitions", list=listed))
    moves = [m for m in map(moved_later, diff.activities) if m is not None]
    details = []
    if s.deadline_slip_days:
        days = s.deadline_slip_days
        spread = f"{min(days)}" if min(days) == max(days) else f"{min(days)}–{max(days)}"
        details.append(w("slip_days_detail", count=len(days), range=spread, median=f"{median(days):g}"))
    if coarse := sum(1 for m in moves if m.days is None):
        details.append(w("slip_moved_detail", count=coarse))
    if s.turned_delayed:
        details.append(w("turned_delayed_detail", count=s.turned_delayed))
    slip = "- " + w("slipped_count", count=s.deadline_slips)
    return lines + [slip + (f" ({'; '.join(details)})" if details else "") + "."]


def _field_value(activity: Activity, field: str, w: Words) -> str:
    if field == "status":
        return w.status(activity.status)
    if field == "section":
        return w.table("sections", activity.section)
    return w.table("values", str(getattr(activity, field)).lower())


def _details(change: ActivityChange, w: Words) -> list[str]:
    old, new = _old(change), _new(change)
    fields = ", ".join(w.table("fields", f) for f in change.fields)
    out = [f"### {label(new, w)}", "", "- " + w("changed_line", fields=fields, score=f"{change.score:.2f}")]
    for field in change.fields:
        name = w.table("fields", field)
        if field in ("section", "status", "highlighted"):
            out.append(f"- {name}: {_field_value(old, field, w)} → {_field_value(new, field, w)}")
        elif field in ("deadline", "new_deadline"):
            out.append(f"- {name}: {_date_text(getattr(old, field))} → {_date_text(getattr(new, field))}")
        else:
            out.append(f"- {name}: {word_diff(_text(old, field), _text(new, field))}")
    return out + [""]


def _listed(activity: Activity, w: Words) -> str:
    status = w.status(activity.status) if activity.status else w("no_status")
    return f"{label(activity, w)} ({w.table('sections', activity.section)}, {status})"


def diff_markdown(diff: Diff, lang: str = "sv") -> str:
    """A readable summary of a diff for a follow-up meeting: counts, then the lists, then details.

    In Swedish by default (`lang="en"` for English); the words are in followup/data/summary.toml.
    """
    w = words(lang)

    def side(s) -> str:
        period = period_words(s.period, w)
        return f"{escape_markdown(s.file)} ({period})" if period else escape_markdown(s.file)

    changes = diff.activities
    headings = w.phrases["headings"]
    by_kind = {kind: [c for c in changes if c.change == kind] for kind in ("added", "removed", "changed")}
    lines = [f"# {w('title', old=side(diff.old), new=side(diff.new))}", ""] + _headline(diff, w) + [""]
    lines += _section(headings["completed"], [c for c in changes if completed(c)], lambda c: label(_new(c), w), w)
    lines += _section(headings["slipped"], [c for c in changes if slipped(c)],
                      lambda c: f"{label(_new(c), w)}: {slip_note(c, w)}", w)
    lines += _section(headings["transitions"], [c for c in changes if status_transition(c)],
                      lambda c: f"{label(_new(c), w)}: {transition_words(status_transition(c) or '', w)}", w)
    lines += _section(headings["added"], by_kind["added"], lambda c: _listed(_new(c), w), w)
    lines += _section(headings["removed"], by_kind["removed"], lambda c: _listed(_old(c), w), w)
    if by_kind["changed"]:
        lines += [f"## {headings['details']}", ""]
        for change in by_kind["changed"]:
            lines += _details(change, w)
    return "\n".join(lines).rstrip("\n") + "\n"
