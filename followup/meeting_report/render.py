"""The meeting report: one self-contained HTML file in Swedish, charts inline, nothing fetched when opened."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from html import escape
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from string import Template

from followup.history.queries import STATUSES, find_series
from followup.meeting_report.charts import delayed_chart, moves_chart, status_chart
from followup.meeting_report.content import ActivityRef, SeriesReport, series_report
from followup.meeting_report.labels import Labels, labels, with_colours

# Status columns of the per-activity timeline: beside the activity's text, about a dozen fit the width
# of an A4 page (three or four years of reports); older periods are in `history show --activity`.
TIMELINE_PERIODS_SHOWN = 12


def _template(name: str) -> str:
    return resources.files("followup.meeting_report").joinpath(f"templates/{name}").read_text(encoding="utf-8")


def _followup_version() -> str:
    try:
        return version("followup")
    except PackageNotFoundError:
        return "okänd version"


def render_report(connection: sqlite3.Connection, series: str | None = None, source: str = "historikdatabasen") -> str:
    """The whole report for every series of the database (or the one named), as HTML text; `source` names
    the files it was made from in the footer."""
    words = labels()
    reports = [series_report(connection, s) for s in find_series(connection, series) if s.periods]
    css = _template("report.css") + _status_variables(words)
    periods = sorted({p for r in reports for p in r.series.periods})
    span = f"{periods[0]} – {periods[-1]}" if periods else "inga uppföljningar"
    subtitle = f"{len(reports)} {'rapport' if len(reports) == 1 else 'rapporter'}, uppföljningar {span}"
    title = reports[0].series.title if len(reports) == 1 and reports[0].series.title else "Uppföljning av handlingsplaner"
    return Template(_template("report.html")).substitute(
        title=escape(title), subtitle=escape(subtitle), css=css, legend=_legend(words),
        sections="\n".join(_series_section(r, words) for r in reports),
        version=escape(_followup_version()), source=escape(source))


def _status_variables(words: Labels) -> str:
    lines = [f"  --{key}: {style.colour}; --{key}-text: {style.text_colour};" for key, style in words.statuses.items()]
    return ":root {\n" + "\n".join(lines) + "\n}\n"


def status_badge(status: str | None, words: Labels, extra: str = "") -> str:
    """A status as a coloured, patterned letter with its name for screen readers and on hover."""
    style = words.status(status)
    key = status or "unknown"
    return (f'<span class="status status-{key}" title="{escape(style.label)}" aria-label="{escape(style.label)}">'
            f"{escape(style.letter)}</span>{extra}")


def _legend(words: Labels) -> str:
    return " ".join(f"{status_badge(None if k == 'unknown' else k, words)} {escape(s.label)}"
                    for k, s in words.statuses.items())


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int] = (),
           css_class: str = "", first_column_class: str = "", cell_class: str = "") -> str:
    """An HTML table; cells are already HTML."""
    numeric = set(numeric)

    def klass(index: int) -> str:
        names = ["num"] if index in numeric else []
        names += [first_column_class] if index == 0 and first_column_class else []
        names += [cell_class] if index > 0 and cell_class else []
        return ' class="' + " ".join(names) + '"' if names else ""

    head = "".join(f'<th scope="col"{klass(i)}>{escape(h)}</th>' for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td{klass(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows)
    table_class = f' class="{css_class}"' if css_class else ""
    return f"<table{table_class}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _activity_list(activities: Sequence[ActivityRef], words: Labels, empty: str) -> str:
    if not activities:
        return f'<p class="note">{escape(empty)}</p>'
    items = "".join(f"<li>{status_badge(a.status, words)} {escape(a.label)}</li>" for a in activities)
    return f'<ul class="activities">{items}</ul>'


def _series_section(report: SeriesReport, words: Labels) -> str:
    """One series, its statuses painted in the colours of its own legend where it printed one."""
    series = report.series
    words = with_colours(words, report.legend_colours)
    own = "".join(f"--{key}: {words.statuses[key].colour}; --{key}-text: {words.statuses[key].text_colour}; "
                  for key in report.legend_colours if key in words.statuses)
    style = f' style="{escape(own.strip())}"' if own else ""
    parts = [f'<section class="series" id="{escape(series.key)}"{style}>',
             f"<h2>{escape(series.title or series.key)}</h2>",
             f'<p class="meta">Serie <code>{escape(series.key)}</code> · {len(series.periods)} '
             f"uppföljningar: {escape(', '.join(series.periods))}</p>",
             _status_part(report, words), _since_last_time_part(report, words), _moves_part(report),
             _delayed_part(report, words), _timeline_part(report, words), "</section>"]
    return "\n".join(parts)


def _status_part(report: SeriesReport, words: Labels) -> str:
    title = "Status per uppföljning"
    chart = status_chart(report.counts, words.statuses, f"{title}: antal aktiviteter per status")
    columns = [*STATUSES, "unknown"]
    rows = [[escape(str(c["period"])), str(c["activities"]), *(str(c[s]) for s in columns),
             "" if c["added"] is None else str(c["added"]), "" if c["removed"] is None else str(c["removed"])]
            for c in report.counts]
    table = _table(["Uppföljning", "Aktiviteter", *(words.status(s if s != "unknown" else None).label for s in columns),
                    "Nya", "Borttagna"], rows, numeric=range(1, 8))
    return (f'<h3>{title}</h3><figure class="chart" data-chart="status">{chart}'
            f"<figcaption>Antal aktiviteter per status vid varje uppföljning.</figcaption></figure>{table}")


def _since_last_time_part(report: SeriesReport, words: Labels) -> str:
    if report.previous_period is None:
        return (f'<h3>Sedan förra uppföljningen</h3><p class="note">Bara en uppföljning ({escape(report.latest_period)}) '
                "finns i historiken: ingenting att jämföra med.</p>")
    span = f"{report.previous_period} → {report.latest_period}"
    transitions = _table(["Från", "Till", "Antal"],
                         ([status_badge(a, words, " " + escape(words.status(a).label)),
                           status_badge(b, words, " " + escape(words.status(b).label)), str(n)]
                          for a, b, n in report.transitions), numeric=[2]) if report.transitions else \
        '<p class="note">Ingen aktivitet har bytt status.</p>'
    return "\n".join([
        f"<h3>Sedan förra uppföljningen ({escape(span)})</h3>",
        "<h4>Statusändringar</h4>", transitions,
        f"<h4>Klara sedan sist ({len(report.completed)})</h4>",
        _activity_list(report.completed, words, "Ingen aktivitet har blivit klar."),
        f"<h4>Nya aktiviteter ({len(report.added)})</h4>",
        _activity_list(report.added, words, "Inga nya aktiviteter."),
        f"<h4>Borttagna aktiviteter ({len(report.removed)})</h4>",
        _activity_list(report.removed, words, "Inga aktiviteter har tagits bort."),
    ])


def _moves_part(report: SeriesReport) -> str:
    title = "Flyttade tidsgränser"
    if not report.moves:
        return f'<h3>{title}</h3><p class="note">Ingen tidsgräns har flyttats.</p>'
    later = sum(1 for m in report.moves if m.days > 0)
    summary = (f"<p>{len(report.moves)} flyttar av tidsgränser under perioden "
               f"({later} senare, {len(report.moves) - later} tidigare), varav {len(report.latest_moves)} "
               f"sedan förra uppföljningen. Antal flyttar per ansvarig:</p>")
    chart = moves_chart(report.moves_by_responsible, f"{title}: antal flyttar per ansvarig")
    per_responsible = _table(["Ansvarig", "Flyttar", "Aktiviteter", "Dagar totalt", "Median, dagar"],
                             ([escape(r.responsible), str(r.moves), str(r.activities), f"{r.total_days:+d}",
                               f"{r.median_days:+.0f}"] for r in report.moves_by_responsible), numeric=[1, 2, 3, 4])
    latest = _table(["Aktivitet", "Från", "Till", "Dagar", "Ansvarig"],
                    ([escape(m.activity.label), escape(m.from_deadline), escape(m.to_deadline), f"{m.days:+d}",
                      escape(m.responsible)] for m in report.latest_moves), numeric=[1, 2, 3],
                    css_class="named") if report.latest_moves else \
        '<p class="note">Inga flyttar sedan förra uppföljningen.</p>'
    return (f"<h3>{title}</h3>{summary}<figure class=\"chart\" data-chart=\"moves\">{chart}"
            f"<figcaption>Antal flyttade tidsgränser per ansvarig (summa dagar).</figcaption></figure>"
            f"{per_responsible}<h4>Flyttade sedan förra uppföljningen</h4>{latest}")


def _delayed_part(report: SeriesReport, words: Labels) -> str:
    title = "Längst försenade"
    if not report.longest_delayed:
        return f'<h3>{title}</h3><p class="note">Ingen aktivitet är försenad mot sin första tidsgräns.</p>'
    chart = delayed_chart(report.longest_delayed, words.statuses, f"{title}: dagar efter första tidsgränsen")
    table = _table(["Aktivitet", "Status", "Första tid", "Gällande tid", "Dagar", "Ansvarig"],
                   ([escape(d.activity.label), status_badge(d.activity.status, words),
                     escape(d.first_deadline), escape(d.current_deadline or "–"), str(d.days), escape(d.responsible)]
                    for d in report.longest_delayed), numeric=[2, 3, 4], css_class="named")
    note = ('<p class="note">Dagar från aktivitetens första tidsgräns (Tid vid första uppföljningen) till den '
            "uppföljning där den först redovisades klar, eller till den senaste uppföljningen.</p>")
    return (f'<h3>{title}</h3>{note}<figure class="chart" data-chart="delayed">{chart}'
            f"<figcaption>De {len(report.longest_delayed)} aktiviteter som ligger längst efter sin första tidsgräns."
            f"</figcaption></figure>{table}")


def _timeline_part(report: SeriesReport, words: Labels) -> str:
    periods = report.series.periods[-TIMELINE_PERIODS_SHOWN:]
    rows = []
    for activity in report.timeline_rows:
        if not any(period in report.timeline[activity.identity] for period in periods):
            continue
        cells = []
        for period in periods:
            entry = report.timeline[activity.identity].get(period)
            if entry is None:
                cells.append('<span class="note" title="saknas">–</span>')
                continue
            status, _section, slip = entry
            extra = f'<span class="slip" title="tidsgränsen flyttad {slip} dagar">+{slip} d</span>' if slip else ""
            cells.append(status_badge(status, words, extra))
        rows.append([escape(activity.label), *cells])
    table = _table(["Aktivitet", *periods], rows, css_class="timeline", first_column_class="what", cell_class="cell")
    shown = (f"de senaste {len(periods)} av {len(report.series.periods)} uppföljningarna (alla: "
             "<code>followup history show --activity</code>)" if len(periods) < len(report.series.periods)
             else "varje uppföljning")
    return (f"<h3>Tidslinje per aktivitet</h3><p class=\"note\">Status vid {shown}; "
            f"+N d: tidsgränsen flyttad N dagar senare sedan uppföljningen före.</p>"
            f'<div class="wide">{table}</div>')
