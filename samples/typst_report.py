"""Render a report typeset with Typst (the `typst` Python package, which bundles the compiler).

What a team writing its follow-up in Typst does: `set page` for the paper, margins, a running
header and "Sida N av M" in the footer; `set text(lang: "sv", hyphenate: true)` so that Typst
hyphenates Swedish itself (its own patterns, a plain "-" at the break) and `set par(justify: …)`;
the activity list as a `#table` with `table.header(repeat: …)` (the header on every page), `stroke`
for the rules (a full grid, a rule under each row, or none), `fill` for the header, a status cell
and zebra rows (`fill: (x, y) => …`), `table.cell(colspan: …)` for group rows and
`table.cell(rowspan: …)` for merged Område cells. Typst breaks a row over a page when it does not
fit (`set table.cell(breakable: false)` keeps rows whole). Typst writes the PDF itself and embeds
a subset of the font it finds among the system's fonts.
"""
from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import typst

from samples.html_table import area_spans
from samples.layout import (
    FONTS,
    GROUP_FILL,
    HEADER_TEXT_COLOUR,
    STATUS_ORDER,
    ZEBRA_FILL,
    Layout,
    area_runs,
    contrast_text,
    table_columns,
)
from samples.model import Activity, Report, paragraphs
from samples.page_rotation import rotate_to_portrait
from samples.pdf_metadata import pin_metadata
from samples.producer_look import LIBRARY_WIDTHS, TYPST_COLUMNS, TYPST_PALETTE

OWN_STATUS_STYLE = "fill"
OWN_FONT = "DejaVu Sans"
FONT_PT = 8.0
OWN_MARGINS_MM = (18.0, 14.0, 16.0, 14.0)
# Fractions of the table width, the report's own columns (the completed table drops the last).
OWN_WIDTHS, DONE_WIDTHS = LIBRARY_WIDTHS
HEADER_FILL = "DCE6F1"
HIGHLIGHT_FILL = "FFF2A0"
RULE = "0.5pt + rgb(\"808080\")"
# Cell inset in points (Typst's default is 5pt; a report this dense sets less).
INSET_PT = 3.0


def _string(text: str) -> str:
    """A Typst string literal: no markup character in the text is read as markup."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(text: str) -> str:
    """A cell's text as Typst content: the author's paragraphs, a gap before those after a blank line."""
    parts: list[str] = []
    for line, gap in paragraphs(text):
        if parts:
            parts.append("parbreak()")
        if gap:
            parts.append("v(0.4em)")
        parts.append(_string(line))
    return "{" + "; ".join(parts) + "}" if parts else "[]"


def _colour(hex_colour: str) -> str:
    return f'rgb("#{hex_colour}")'


def _status_cell(status: str, layout: Layout) -> str:
    """The status cell: its fill, a word (on the fill or alone), a dot or a ● glyph."""
    style, colour = layout.status_style_or(OWN_STATUS_STYLE), layout.palette_or(TYPST_PALETTE).colour(status)
    word = _string(layout.status_word(status))
    fill = f"fill: {_colour(colour)}, " if colour and style in ("fill", "label") else ""
    if style == "fill":
        body = "[]"
    elif style == "label":
        body = f"text(fill: {_colour(contrast_text(colour))}, {word})" if colour else word
    elif style == "dot":
        body = f"circle(radius: 3pt, fill: {_colour(colour)})" if colour else \
            "circle(radius: 3pt, stroke: 0.6pt + gray)"
    elif style == "glyph":
        body = f'text(fill: {_colour(colour)}, size: 1.4em, "\u25cf")' if colour else "[]"
    else:
        body = word
    return f"table.cell({fill}{body})"


def _follow_up(activity: Activity) -> str:
    """The follow-up cell: its paragraphs, a small nested table and the text under it."""
    if not activity.follow_up_table:
        return _text(activity.follow_up)
    columns = max(len(row) for row in activity.follow_up_table)
    cells = ", ".join(_string(cell) for row in activity.follow_up_table for cell in row)
    nested = (f"text(size: 0.92em, table(columns: {columns}, inset: 2pt, "
              f"stroke: 0.4pt + rgb(\"#9AA5B1\"), {cells}))")
    parts = [_text(activity.follow_up), "v(2pt)", nested]
    if activity.follow_up_after:
        parts += ["v(2pt)", _text(activity.follow_up_after)]
    return "{" + "; ".join(parts) + "}"


def _header_cell(key: str, wording: str, layout: Layout) -> str:
    """A header cell: bold, its lines as written, or turned a quarter reading bottom to top."""
    lines = ", linebreak(), ".join(_string(line) for line in wording.split("\n"))
    colour = _colour(HEADER_TEXT_COLOUR) if layout.header_fill else "black"
    body = f"text(weight: \"bold\", fill: {colour}, {{{lines}}})"
    if key in layout.rotated_headers:
        body = f"rotate(-90deg, reflow: true, {body})"
    return body


def _stroke(layout: Layout) -> str:
    """The table's rules: a grid (the report's own), a rule under each row, or none."""
    if layout.rules == "horizontal":
        return f"(x, y) => (bottom: {RULE}, top: if y == 0 {{ {RULE} }})"
    if layout.rules == "none":
        return "none"
    return RULE


def _activity_table(activities: tuple[Activity, ...], layout: Layout, *, done: bool) -> str:
    """One section's table: header, group rows, activity rows; fills by row, status cells on top."""
    columns, shares = table_columns(layout, TYPST_COLUMNS, OWN_WIDTHS, DONE_WIDTHS, done=done,
                                    padded=False)
    keys = [key for key, _ in columns]
    header = ", ".join(_header_cell(key, wording, layout) for key, wording in columns)
    cells: list[str] = []
    row_fills: dict[int, str] = {0: layout.header_fill or HEADER_FILL}
    spans = area_spans(activities, layout)
    group = None
    row = 1
    for index, activity in enumerate(activities):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            label = _string(layout.group_label.format(area=activity.area))
            cells.append(f"table.cell(colspan: {len(keys)}, text(weight: \"bold\", {label}))")
            row_fills[row] = GROUP_FILL
            row += 1
        for key in keys:
            if key == "status":
                cells.append(_status_cell(activity.status, layout))
            elif key == "follow_up":
                cells.append(_follow_up(activity))
            elif key == "area" and spans[index] != 1:
                if spans[index]:
                    cells.append(f"table.cell(rowspan: {spans[index]}, {_text(activity.area)})")
            else:
                cells.append(_text(getattr(activity, key) or ""))
        if activity.highlighted and layout.highlight:
            row_fills[row] = HIGHLIGHT_FILL
        elif layout.zebra and index % 2:
            row_fills[row] = ZEBRA_FILL
        row += 1
    fills = ", ".join(f"\"{y}\": {_colour(fill)}" for y, fill in row_fills.items())
    widths = ", ".join(f"{share:g}fr" for share in shares)
    body = ",\n  ".join(cells)
    return (f"#table(columns: ({widths}), inset: {INSET_PT}pt,\n"
            "  align: (x, y) => if y == 0 { left + bottom } else { left + top },\n"
            f"  stroke: {_stroke(layout)},\n"
            f"  fill: (x, y) => ({fills}).at(str(y), default: none),\n"
            f"  table.header(repeat: {'true' if layout.repeat_header else 'false'}, {header}),\n"
            f"  {body},\n)\n")


def _section(activities: tuple[Activity, ...], layout: Layout, *, done: bool) -> str:
    """A section's table, or one table per area under the area's heading."""
    if layout.tables != "area":
        return _activity_table(activities, layout, done=done)
    return "".join(f"#v(6pt)\n#text(weight: \"bold\", {_string(run[0].area)})\n#v(3pt)\n"
                   + _activity_table(run, layout, done=done)
                   for run in area_runs(activities, layout))


def _legend(layout: Layout) -> str:
    """STATUS, then one line per colour: a swatch (or the marker the cells use) and its label."""
    style, palette = layout.status_style_or(OWN_STATUS_STYLE), layout.palette_or(TYPST_PALETTE)
    if not layout.legend or style == "words":
        return ""
    cells: list[str] = []
    for status in STATUS_ORDER:
        colour = palette.colour(status)
        if status not in dict(palette.labels) or colour is None:
            continue
        if style == "dot":
            marker = f"circle(radius: 3pt, fill: {_colour(colour)})"
        elif style == "glyph":
            marker = f'text(fill: {_colour(colour)}, "\u25cf")'
        else:
            marker = f"rect(width: 8mm, height: 3.2mm, fill: {_colour(colour)})"
        cells += [marker, _string(palette.label(status))]
    return ("#text(weight: \"bold\", \"STATUS\")\n#v(2pt)\n"
            f"#grid(columns: (10mm, 50mm), row-gutter: 3pt, align: horizon, {', '.join(cells)})\n")


def _milestones(report: Report) -> str:
    """The timeline: one shaded box per milestone, its label over its date."""
    if not report.milestones:
        return ""
    boxes = ", ".join(
        f"box(width: 38mm, fill: rgb(\"#DDEBF7\"), inset: 4pt, {{text(weight: \"bold\", "
        f"{_string(m.label)}); linebreak(); {_string(m.date)}}})" for m in report.milestones)
    heading = f"#heading(level: 2, {_string(report.milestone_heading)})\n" \
        if report.milestone_heading else ""
    return f"{heading}#stack(dir: ltr, spacing: 4pt, {boxes})\n#v(6pt)\n"


def _page(layout: Layout) -> str:
    top, right, bottom, left = layout.margins_mm or OWN_MARGINS_MM
    if layout.page_mm is not None:
        size = f"width: {layout.page_mm[0]}mm, height: {layout.page_mm[1]}mm"
    else:
        size = f"paper: \"a4\", flipped: {'false' if layout.orientation == 'portrait' else 'true'}"
    return f"{size}, margin: (top: {top}mm, right: {right}mm, bottom: {bottom}mm, left: {left}mm)"


def typst_source(report: Report, layout: Layout, date: datetime) -> str:
    """The report as a Typst document."""
    font = FONTS[layout.font] if layout.font else OWN_FONT
    size = layout.font_pt or FONT_PT
    avoid = "#set table.cell(breakable: false)\n" if layout.row_break == "avoid" else ""
    source = (
        f"#set document(title: {_string(report.title)}, author: \"Verksamhetsutveckling\", "
        f"date: datetime(year: {date.year}, month: {date.month}, day: {date.day}, "
        "hour: 0, minute: 0, second: 0))\n"
        f"#set page({_page(layout)},\n"
        f"  header: text(size: 7pt, fill: rgb(\"#555555\"), {_string(report.running_header)}),\n"
        "  footer: context align(right, text(size: 7pt, fill: rgb(\"#555555\"), "
        "\"Sida \" + counter(page).display() + \" av \" + str(counter(page).final().first()))))\n"
        f"#set text(font: {_string(font)}, size: {size}pt, lang: \"sv\", hyphenate: true)\n"
        "#set par(justify: true, leading: 0.5em, spacing: 0.6em)\n"
        "#show heading: set text(size: 11pt, fill: rgb(\"#1F3864\"))\n"
        f"{avoid}"
        f"#text(size: 15pt, weight: \"bold\", fill: rgb(\"#1F3864\"), {_string(report.title)})\n\n"
        f"#text(size: 9.5pt, {_string(report.period_line)})\n\n"
        f"#{_text(report.intro)}\n\n#v(6pt)\n"
        + _milestones(report) + _legend(layout)
        + "#heading(level: 2, \"Aktiviteter\")\n"
        + _section(report.active, layout, done=False))
    if report.done:
        source += "#heading(level: 2, \"Klara aktiviteter\")\n"
        if report.done_intro.strip():
            source += f"#{_text(report.done_intro)}\n#v(4pt)\n"
        source += _section(report.done, layout, done=True)
    return source


def render_typst(report: Report, pdf_path: Path, source_date_epoch: int,
                 layout: Layout = Layout()) -> None:
    """Write the report's PDF with the Typst compiler."""
    date = datetime.fromtimestamp(source_date_epoch, tz=UTC)
    with tempfile.TemporaryDirectory(prefix="followup-typst-") as work:
        source = Path(work) / "report.typ"
        source.write_text(typst_source(report, layout, date), encoding="utf-8")
        pdf_path.write_bytes(typst.compile(str(source), root=work))
    pin_metadata(pdf_path, source_date_epoch)
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
