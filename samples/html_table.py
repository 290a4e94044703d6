"""The activity tables as HTML, shared by the producers that print a web page (WeasyPrint, Chromium).

Each producer keeps its own look (stylesheet, column wording, status marker); the table's structure,
merged Område cells and nested follow-up tables are the same.
"""
from __future__ import annotations

from html import escape
from typing import Callable, Sequence

from samples.model import Activity, paragraphs


def text_html(text: str) -> str:
    """The author's paragraphs as HTML; a blank line in the content becomes space before."""
    return "".join(
        f'<p class="gap">{escape(line)}</p>' if gap else f"<p>{escape(line)}</p>"
        for line, gap in paragraphs(text)
    )


def follow_up_html(activity: Activity) -> str:
    """The follow-up cell: its text, and a small nested table with text under it when there is one."""
    html = text_html(activity.follow_up)
    if activity.follow_up_table:
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
            for row in activity.follow_up_table
        )
        html += f'<table class="nested">{rows}</table>' + text_html(activity.follow_up_after)
    return html


def area_spans(activities: Sequence[Activity]) -> list[int]:
    """How many rows each row's area cell spans (0 for a row covered by the cell above)."""
    spans = [1] * len(activities)
    top = 0
    for index, activity in enumerate(activities):
        if activity.merge_area:
            spans[top] += 1
            spans[index] = 0
        else:
            top = index
    return spans


def activity_table_html(
    activities: Sequence[Activity], *, columns: Sequence[str], widths: Sequence[int], done: bool,
    status_marker: Callable[[str], str],
) -> str:
    """One activity table; the completed table (`done`) has no new-deadline column."""
    head = "".join(f'<th style="width: {w}%">{escape(c)}</th>' for c, w in zip(columns, widths))
    body = []
    for activity, span in zip(activities, area_spans(activities)):
        cells = []
        if span:
            cells.append(f'<td rowspan="{span}">{text_html(activity.area)}</td>')
        cells += [
            f"<td>{text_html(activity.goal)}</td>",
            f"<td>{text_html(activity.action)}</td>",
            f"<td>{text_html(activity.deadline)}</td>",
            f"<td>{text_html(activity.responsible)}</td>",
            f'<td class="status">{status_marker(activity.status)}</td>',
            f"<td>{follow_up_html(activity)}</td>",
        ]
        if not done:
            cells.append(f"<td>{text_html(activity.new_deadline or '')}</td>")
        row_class = ' class="highlighted"' if activity.highlighted else ""
        body.append(f"<tr{row_class}>{''.join(cells)}</tr>")
    return (f'<table class="activities"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")
