"""Renderings of a Diff: JSON (the contract), CSV (one row per activity) and Markdown (for a meeting)."""
from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from statistics import median

from compare.changes import collapse_whitespace
from compare.summary import completed, slipped, status_transition, turned_delayed
from followup.output import CsvDialect, activities_csv
from schemas import Activity
from schemas.diff import ActivityChange, Diff

DIFF_CSV_COLUMNS = [
    "change", "area", "goal", "old_status", "new_status", "section",
    "deadline", "new_deadline", "fields", "score", "slip_days",
]
# Unchanged words kept on each side of a change in a follow-up word diff; longer runs become "…".
CONTEXT_WORDS = 6
GOAL_CHARS = 90


def diff_json(diff: Diff) -> str:
    """The diff as JSON text; the same diff always gives the same bytes."""
    return json.dumps(diff.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def current(change: ActivityChange) -> Activity:
    """The activity as it stands: the new version, or the old one of a removed activity."""
    return change.new if change.new is not None else change.old  # type: ignore[return-value]


def change_csv_row(change: ActivityChange) -> dict[str, str]:
    """One CSV row; area, goal, section and dates are those of the activity as it stands."""
    activity = current(change)
    return {
        "change": change.change,
        "area": activity.area or "",
        "goal": activity.goal or "",
        "old_status": (change.old.status or "") if change.old else "",
        "new_status": (change.new.status or "") if change.new else "",
        "section": activity.section,
        "deadline": activity.deadline.text if activity.deadline else "",
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


def label(activity: Activity) -> str:
    """"**Area** — goal" for a list line, the goal cut to GOAL_CHARS."""
    goal = collapse_whitespace(activity.goal)
    if len(goal) > GOAL_CHARS:
        goal = goal[:GOAL_CHARS].rstrip() + "…"
    area = escape_markdown(collapse_whitespace(activity.area) or "(no area)")
    return f"**{area}** — {escape_markdown(goal)}" if goal else f"**{area}**"


def _text(activity: Activity, field: str) -> str | None:
    value = getattr(activity, field)
    return value.text if hasattr(value, "text") else value


def _date_text(activity: Activity, field: str) -> str:
    value = getattr(activity, field)
    return escape_markdown(value.text) if value is not None and value.text else "–"


def slip_note(change: ActivityChange) -> str:
    """How a slipped activity slipped: its effective deadline move and/or its status turning red."""
    notes = []
    if change.slip_days is not None:
        old, new = change.old, change.new
        old_field = "new_deadline" if old.new_deadline and old.new_deadline.text else "deadline"
        new_field = "new_deadline" if new.new_deadline and new.new_deadline.text else "deadline"
        notes.append(f"{_date_text(old, old_field)} → {_date_text(new, new_field)} (+{change.slip_days} days)")
    if turned_delayed(change):
        notes.append(f"status {change.old.status or 'unknown'} → delayed")
    return "; ".join(notes)


def _section(title: str, changes: list[ActivityChange], line: Callable[[ActivityChange], str]) -> list[str]:
    out = [f"## {title} ({len(changes)})", ""]
    out += [f"- {line(c)}" for c in changes] or ["None."]
    return out + [""]


def _headline(diff: Diff) -> list[str]:
    s = diff.summary
    lines = [
        f"- Added {s.added}, removed {s.removed}, changed {s.changed}, unchanged {s.unchanged}.",
        f"- Completed since last time: {s.completed}.",
    ]
    if s.status_transitions:
        lines.append("- Status changes: " + ", ".join(f"{k}: {v}" for k, v in s.status_transitions.items()) + ".")
    slip = f"- Slipped: {s.deadline_slips}"
    if s.deadline_slip_days:
        days = s.deadline_slip_days
        slip += (f" ({len(days)} with a later deadline, by {min(days)}–{max(days)} days,"
                 f" median {median(days):g}; {s.turned_delayed} turned delayed)")
    elif s.turned_delayed:
        slip += f" ({s.turned_delayed} turned delayed)"
    return lines + [slip + "."]


def _details(change: ActivityChange) -> list[str]:
    old, new = change.old, change.new
    out = [f"### {label(new)}", "", f"- Changed: {', '.join(change.fields)} (match {change.score:.2f})"]
    for field in change.fields:
        if field in ("section", "status", "highlighted"):
            out.append(f"- {field}: {getattr(old, field)} → {getattr(new, field)}")
        elif field in ("deadline", "new_deadline"):
            out.append(f"- {field}: {_date_text(old, field)} → {_date_text(new, field)}")
        else:
            out.append(f"- {field}: {word_diff(_text(old, field), _text(new, field))}")
    return out + [""]


def diff_markdown(diff: Diff) -> str:
    """A readable summary of a diff for a follow-up meeting: counts, then the lists, then details."""
    def side(s) -> str:
        return f"{escape_markdown(s.file)} ({s.period})" if s.period else escape_markdown(s.file)

    changes = diff.activities
    by_kind = {kind: [c for c in changes if c.change == kind] for kind in ("added", "removed", "changed")}
    lines = [f"# What changed: {side(diff.old)} → {side(diff.new)}", ""] + _headline(diff) + [""]
    lines += _section("Completed since last time", [c for c in changes if completed(c)], lambda c: label(c.new))
    lines += _section("Slipped", [c for c in changes if slipped(c)], lambda c: f"{label(c.new)}: {slip_note(c)}")
    lines += _section("Status changes", [c for c in changes if status_transition(c)],
                      lambda c: f"{label(c.new)}: {status_transition(c)}")
    lines += _section("Added", by_kind["added"], lambda c: f"{label(c.new)} ({c.new.section}, {c.new.status or 'no status'})")
    lines += _section("Removed", by_kind["removed"], lambda c: f"{label(c.old)} ({c.old.section}, {c.old.status or 'no status'})")
    if by_kind["changed"]:
        lines += ["## Details", ""]
        for change in by_kind["changed"]:
            lines += _details(change)
    return "\n".join(lines).rstrip("\n") + "\n"
