"""What the meeting report says about one series, read from the history database (no HTML here)."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

from followup.history.queries import Series, status_counts

# The longest-delayed list and chart stop here: the meeting discusses the worst, the CSV has them all.
LONGEST_DELAYED_SHOWN = 10
# Responsibles listed in the deadline-move table and chart; the rest are summed as "övriga".
RESPONSIBLES_SHOWN = 12


@dataclass(frozen=True)
class ActivityRef:
    """An activity as the report names it."""

    identity: str
    area: str | None
    goal: str | None
    action: str | None
    status: str | None
    section: str

    @property
    def label(self) -> str:
        """Area, then goal (or action): what people call the activity at the meeting."""
        what = self.goal or self.action or ""
        return f"{self.area}: {what}" if self.area else what


@dataclass(frozen=True)
class DeadlineMove:
    activity: ActivityRef
    from_period: str
    to_period: str
    from_deadline: str
    to_deadline: str
    days: int
    responsible: str


@dataclass(frozen=True)
class Delayed:
    activity: ActivityRef
    first_deadline: str
    current_deadline: str | None
    days: int
    done_at: str | None
    responsible: str


@dataclass(frozen=True)
class ResponsibleMoves:
    responsible: str
    moves: int
    activities: int
    total_days: int
    median_days: float


@dataclass
class SeriesReport:
    """Everything the report shows for one series."""

    series: Series
    counts: list[dict[str, object]]
    previous_period: str | None
    latest_period: str
    # status → colour of the report's own legend (its latest period that has one); empty: none printed
    legend_colours: dict[str, str] = field(default_factory=dict)
    transitions: list[tuple[str | None, str | None, int]] = field(default_factory=list)
    completed: list[ActivityRef] = field(default_factory=list)
    added: list[ActivityRef] = field(default_factory=list)
    removed: list[ActivityRef] = field(default_factory=list)
    moves: list[DeadlineMove] = field(default_factory=list)
    moves_by_responsible: list[ResponsibleMoves] = field(default_factory=list)
    longest_delayed: list[Delayed] = field(default_factory=list)
    # identity → period → (status, section, slip_days); rows in the order of the latest period, then the rest
    timeline_rows: list[ActivityRef] = field(default_factory=list)
    timeline: dict[str, dict[str, tuple[str | None, str, int | None]]] = field(default_factory=dict)

    @property
    def latest_moves(self) -> list[DeadlineMove]:
        return [m for m in self.moves if m.to_period == self.latest_period]


def _ref(row: sqlite3.Row) -> ActivityRef:
    return ActivityRef(row["identity"], row["area"], row["goal"], row["action"], row["status"], row["section"])


def is_done(status: str | None, section: str) -> bool:
    """Done as compare counts it: a done status, or a row of the completed table."""
    return status == "done" or section == "done"


def lead_responsible(roles_json: str | None, text: str | None) -> str:
    """Who answers for an activity: its lead roles with their units, else the printed text."""
    roles = [r for r in json.loads(roles_json or "[]") if r.get("relation") == "lead"]
    if roles:
        return ", ".join(f"{r['role']} {r['unit']}" if r.get("unit") else r["role"] for r in roles)
    return " ".join((text or "okänd").split())


def series_report(connection: sqlite3.Connection, series: Series) -> SeriesReport:
    """Gather the report's content for one series."""
    periods = series.periods
    report = SeriesReport(series=series, counts=status_counts(connection, series.series_id),
                          previous_period=periods[-2] if len(periods) > 1 else None, latest_period=periods[-1])
    rows = connection.execute(
        "SELECT i.key AS identity, p.period, a.area, a.goal, a.action, a.status, a.section, a.slip_days,"
        " a.responsible_text, a.responsible_roles_json, a.position"
        " FROM activities a JOIN periods p ON p.period_id = a.period_id JOIN identities i ON i.identity_id = a.identity_id"
        " WHERE p.series_id = ? ORDER BY p.period, a.position", (series.series_id,)).fetchall()
    by_period: dict[str, dict[str, sqlite3.Row]] = defaultdict(dict)
    for row in rows:
        by_period[row["period"]][row["identity"]] = row
    _timeline(report, by_period)
    if report.previous_period is not None:
        _since_last_time(report, by_period[report.previous_period], by_period[report.latest_period])
    _moves(connection, report, by_period)
    _longest_delayed(connection, report, by_period)
    report.legend_colours = legend_colours(connection, series.series_id)
    return report


def legend_colours(connection: sqlite3.Connection, series_id: int) -> dict[str, str]:
    """Status → colour as the series' own legend paints it; a later period's legend wins."""
    colours: dict[str, str] = {}
    for row in connection.execute(
            "SELECT l.status, l.colour FROM legend l JOIN periods p ON p.period_id = l.period_id"
            " WHERE p.series_id = ? AND l.status IS NOT NULL ORDER BY p.period, l.position DESC", (series_id,)):
        colours[row["status"]] = row["colour"]
    return colours


def _timeline(report: SeriesReport, by_period: dict[str, dict[str, sqlite3.Row]]) -> None:
    order: dict[str, ActivityRef] = {}
    for period in reversed(report.series.periods):
        for identity, row in by_period[period].items():
            order.setdefault(identity, _ref(row))
            report.timeline.setdefault(identity, {})[period] = (row["status"], row["section"], row["slip_days"])
    report.timeline_rows = list(order.values())


def _since_last_time(report: SeriesReport, before: dict[str, sqlite3.Row], now: dict[str, sqlite3.Row]) -> None:
    transitions: Counter[tuple[str | None, str | None]] = Counter()
    for identity, row in now.items():
        old = before.get(identity)
        if old is None:
            report.added.append(_ref(row))
            continue
        if old["status"] != row["status"]:
            transitions[(old["status"], row["status"])] += 1
        if is_done(row["status"], row["section"]) and not is_done(old["status"], old["section"]):
            report.completed.append(_ref(row))
    report.removed = [_ref(row) for identity, row in before.items() if identity not in now]
    report.transitions = sorted(((a, b, n) for (a, b), n in transitions.items()),
                                key=lambda t: (-t[2], str(t[0]), str(t[1])))


def _moves(connection: sqlite3.Connection, report: SeriesReport, by_period: dict[str, dict[str, sqlite3.Row]]) -> None:
    for move in connection.execute("SELECT * FROM deadline_moves WHERE series = ? ORDER BY to_period, days DESC",
                                   (report.series.key,)):
        row = by_period[move["to_period"]][move["activity"]]
        report.moves.append(DeadlineMove(
            activity=_ref(row), from_period=move["from_period"], to_period=move["to_period"],
            from_deadline=move["from_deadline"], to_deadline=move["to_deadline"], days=move["days"],
            responsible=lead_responsible(row["responsible_roles_json"], row["responsible_text"])))
    grouped: dict[str, list[DeadlineMove]] = defaultdict(list)
    for move in report.moves:
        grouped[move.responsible].append(move)
    summary = [ResponsibleMoves(responsible=name, moves=len(moves), activities=len({m.activity.identity for m in moves}),
                                total_days=sum(m.days for m in moves), median_days=median(m.days for m in moves))
               for name, moves in grouped.items()]
    summary.sort(key=lambda r: (-r.moves, -r.total_days, r.responsible))
    report.moves_by_responsible = summary[:RESPONSIBLES_SHOWN]


def _longest_delayed(connection: sqlite3.Connection, report: SeriesReport,
                     by_period: dict[str, dict[str, sqlite3.Row]]) -> None:
    rows = connection.execute(
        "SELECT * FROM days_delayed WHERE series = ? AND days_delayed > 0 ORDER BY days_delayed DESC, activity LIMIT ?",
        (report.series.key, LONGEST_DELAYED_SHOWN)).fetchall()
    for row in rows:
        latest = by_period[row["last_period"]][row["activity"]]
        report.longest_delayed.append(Delayed(
            activity=_ref(latest), first_deadline=row["first_deadline"], current_deadline=row["current_deadline"],
            days=row["days_delayed"], done_at=row["done_at"],
            responsible=lead_responsible(latest["responsible_roles_json"], latest["responsible_text"])))
