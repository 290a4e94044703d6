"""The activity tables as HTML, shared by the producers that print a web page (WeasyPrint, Chromium).

Each producer keeps its own look (stylesheet, column wording, status marker); the table's structure,
merged Område cells, group rows and nested follow-up tables are the same.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from samples.layout import Layout, area_runs, group_runs
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


def area_spans(activities: Sequence[Activity], layout: Layout) -> list[int]:
    """How many rows each row's area cell spans (0 for a row covered by the cell above)."""
    if layout.areas == "merged":
        return group_runs([a.area for a in activities])
    spans = [1] * len(activities)
    top = 0
    for index, activity in enumerate(activities):
        if activity.merge_area and layout.areas == "column":
            spans[top] += 1
            spans[index] = 0
        else:
            top = index
    return spans


def header_html(wording: str) -> str:
    """A header cell's text; a newline in the wording is a line break in the cell."""
    return "<br>".join(escape(line) for line in wording.split("\n"))


def _header_cell(key: str, wording: str, width: float, layout: Layout) -> str:
    if key in layout.rotated_headers:
        return (f'<th class="rotated" style="width: {width:g}%">'
                f"<div>{header_html(wording)}</div></th>")
    return f'<th style="width: {width:g}%">{header_html(wording)}</th>'


def _cell(activity: Activity, key: str, status_cell: Callable[[str], str]) -> str:
    if key == "status":
        return status_cell(activity.status)
    if key == "follow_up":
        return f"<td>{follow_up_html(activity)}</td>"
    return f"<td>{text_html(getattr(activity, key) or '')}</td>"


def _row_class(activity: Activity, index: int, layout: Layout) -> str:
    classes = []
    if activity.highlighted and layout.highlight:
        classes.append("highlighted")
    if layout.zebra and index % 2:
        classes.append("zebra")
    return f' class="{" ".join(classes)}"' if classes else ""


def _as_div(cell: str) -> str:
    """A <td> of the table markup as the <div> of a grid row."""
    return "<div" + cell.removeprefix("<td").removesuffix("</td>") + "</div>"


def _grid_html(activities: Sequence[Activity], columns: Sequence[tuple[str, str]],
               widths: Sequence[float], status_cell: Callable[[str], str], layout: Layout) -> str:
    """The activity table as a planning system's CSS grid: one grid per row (the header row's cells
    each filled), rows ruled underneath, a group row one cell over the whole width."""
    template = " ".join(f"minmax(0, {w:g}fr)" for w in widths)
    head = "".join(f'<div class="rotated"><div>{header_html(c)}</div></div>' if key in layout.rotated_headers
                   else f"<div>{header_html(c)}</div>" for key, c in columns)
    rows = [f'<div class="grid-head" style="grid-template-columns: {template}">{head}</div>']
    group = None
    for index, activity in enumerate(activities):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            label = layout.group_label.format(area=activity.area)
            rows.append(f'<div class="grid-group">{escape(label)}</div>')
        cells = "".join(_as_div(_cell(activity, key, status_cell)) if key != "area"
                        else f"<div>{text_html(activity.area)}</div>" for key, _ in columns)
        classes = _row_class(activity, index, layout).replace('class="', 'class="grid-row ')
        attribute = classes or ' class="grid-row"'
        rows.append(f'<div{attribute} style="grid-template-columns: {template}">{cells}</div>')
    return f'<div class="activities-grid">{"".join(rows)}</div>'


def activity_table_html(
    activities: Sequence[Activity], *, columns: Sequence[tuple[str, str]], widths: Sequence[float],
    status_cell: Callable[[str], str], layout: Layout = Layout(),
) -> str:
    """One activity table of (key, header wording) columns; group rows when the layout asks."""
    if layout.markup == "grid":
        return _grid_html(activities, columns, widths, status_cell, layout)
    head = "".join(_header_cell(key, wording, width, layout)
                   for (key, wording), width in zip(columns, widths, strict=False))
    body = []
    group = None
    for index, (activity, span) in enumerate(zip(activities, area_spans(activities, layout), strict=False)):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            label = layout.group_label.format(area=activity.area)
            body.append(f'<tr class="group"><td colspan="{len(columns)}">{escape(label)}</td></tr>')
        cells = []
        for key, _ in columns:
            if key == "area":
                if span:
                    cells.append(f'<td rowspan="{span}">{text_html(activity.area)}</td>')
                continue
            cells.append(_cell(activity, key, status_cell))
        body.append(f"<tr{_row_class(activity, index, layout)}>{''.join(cells)}</tr>")
    if not layout.repeat_header:
        # A header row in the body is printed once, above the table's first row only; kept whole
        # and with that row, as a browser keeps a <thead> row (html_page.LAYOUT_STYLE).
        return (f'<table class="activities"><tbody><tr class="head">{head}</tr>'
                f"{''.join(body)}</tbody></table>")
    return (f'<table class="activities"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def section_tables_html(activities: Sequence[Activity], layout: Layout,
                        table: Callable[[Sequence[Activity]], str]) -> str:
    """A section's table, or one table per area under a heading naming the area."""
    if layout.tables != "area":
        return table(activities)
    return "".join(f'<h3 class="area">{escape(run[0].area)}</h3>{table(run)}'
                   for run in area_runs(tuple(activities), layout))
