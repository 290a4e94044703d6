"""The content of one sample report, read from a TOML file in samples/content/.

Text fields are written the way the report's author typed them: every line is its own paragraph
in the rendered cell, and a blank line adds space before the next paragraph.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# "not_started" has no status colour of its own (grey or none): its expected status is null.
STATUSES = ("done", "in_progress", "delayed", "not_started")
# Columns followup has no field for; a layout prints them with its own header wording.
EXTRA_FIELDS = ("nr", "start", "priority", "cost", "indicator")
# fpdf: a web planning system writing its PDF export itself with fpdf2 (samples/planner_report.py);
# pdflib: a server-side planning system writing it with ReportLab (samples/pdf_library_report.py).
# typst: a report typeset with Typst (samples/typst_report.py).
# pdfmake: a web planning system exporting its PDF in JavaScript with pdfmake (samples/pdfmake_report.py).
# itext: a Java hospital planning system writing it with iText 2.1.7 (samples/itext_report.py).
# wkhtml: a server-side report export printing its HTML with wkhtmltopdf (samples/wkhtml_report.py).
# jspdf: a web app exporting its table with jsPDF + jspdf-autotable (samples/jspdf_report.py).
PRODUCERS = ("word", "web", "browser", "sheet", "fpdf", "pdflib", "typst", "pdfmake", "itext", "wkhtml",
             "jspdf")


@dataclass(frozen=True)
class Milestone:
    """A box on the report's timeline: a short label and the date printed under it."""

    label: str
    date: str


@dataclass(frozen=True)
class Activity:
    """One row of the activity table or of the completed table."""

    key: str
    area: str
    goal: str
    action: str
    deadline: str
    responsible: str
    status: str
    follow_up: str
    new_deadline: str | None = None
    # A small table inside the follow-up cell, then text printed below it.
    follow_up_table: tuple[tuple[str, ...], ...] = ()
    follow_up_after: str = ""
    highlighted: bool = False
    # The Område cell is vertically merged with the row above (completed table only).
    merge_area: bool = False
    # Values of the extra columns (EXTRA_FIELDS), printed only by layouts that have them.
    nr: str = ""
    start: str = ""
    priority: str = ""
    cost: str = ""
    indicator: str = ""


@dataclass(frozen=True)
class Report:
    """One period of one follow-up report, as its author wrote it."""

    name: str
    producer: str
    title: str
    period: str
    period_line: str
    running_header: str
    intro: str
    milestone_heading: str = ""
    milestones: tuple[Milestone, ...] = ()
    done_intro: str = ""
    previous: str | None = None
    active: tuple[Activity, ...] = field(default_factory=tuple)
    done: tuple[Activity, ...] = field(default_factory=tuple)

    @property
    def pdf_name(self) -> str:
        """The file name of the rendered report."""
        return f"{self.name}.pdf"


def _activity(raw: dict) -> Activity:
    table = tuple(tuple(str(cell) for cell in row) for row in raw.pop("follow_up_table", ()))
    activity = Activity(follow_up_table=table, **raw)
    if activity.status not in STATUSES:
        raise ValueError(f"{activity.key}: unknown status {activity.status!r}")
    return activity


def load_report(path: Path, producer: str | None = None) -> Report:
    """Read one content file; the report's name is the file's stem.

    `producer` is for content written for any producer (the corpus), which names none itself.
    """
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    if producer is not None:
        raw["producer"] = producer
    milestones = tuple(Milestone(**m) for m in raw.pop("milestones", ()))
    active = tuple(_activity(a) for a in raw.pop("active", ()))
    done = tuple(_activity(a) for a in raw.pop("done", ()))
    report = Report(name=path.stem, milestones=milestones, active=active, done=done, **raw)
    _check(report)
    return report


def _check(report: Report) -> None:
    """Refuse content that the renderers or the expected outputs would get wrong silently."""
    if report.producer not in PRODUCERS:
        raise ValueError(f"{report.name}: unknown producer {report.producer!r}")
    keys = [a.key for a in report.active + report.done]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise ValueError(f"{report.name}: duplicate keys {sorted(duplicates)}")
    if any(a.merge_area for a in report.active):
        raise ValueError(f"{report.name}: merged Område cells are only drawn in the completed table")
    for above, row in zip(report.done, report.done[1:], strict=False):
        if row.merge_area and row.area != above.area:
            raise ValueError(f"{report.name}: {row.key} merges its Område with a different area")
    if report.done and report.done[0].merge_area:
        raise ValueError(f"{report.name}: the first completed row has nothing to merge with")


def paragraphs(text: str) -> list[tuple[str, bool]]:
    """Split a cell's text into (paragraph, space_before) pairs; a blank line gives space before."""
    result: list[tuple[str, bool]] = []
    gap = False
    for line in text.strip().splitlines():
        if not line.strip():
            gap = True
            continue
        result.append((line.strip(), gap and bool(result)))
        gap = False
    return result


def plain_cell_text(text: str) -> str:
    """A text field as a system that keeps plain text per cell stores it (a spreadsheet cell, a
    planning system's field): a line per paragraph, a blank line where the author left one."""
    lines: list[str] = []
    for line, space_before in paragraphs(text):
        if space_before:
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


def plain_follow_up_text(activity: Activity) -> str:
    """The follow-up cell as plain text: the notes, a small table typed as lines (cells two spaces
    apart), the text under it."""
    parts = [plain_cell_text(activity.follow_up)]
    parts += ["  ".join(cell.strip() for cell in row) for row in activity.follow_up_table]
    if activity.follow_up_after:
        parts.append(plain_cell_text(activity.follow_up_after))
    return "\n".join(part for part in parts if part)
