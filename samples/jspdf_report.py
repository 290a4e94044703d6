"""Render a report the way a web app exports its table to PDF in the browser: jsPDF + jspdf-autotable.

The most common way a web application turns a table into a PDF: `new jsPDF(...)`, a TrueType font
added to jsPDF's virtual file system so that å ä ö print (jsPDF's standard fonts are WinAnsi
Helvetica), the title and paragraphs with `text`, and each table with `autoTable` using its own
options: `theme` ("grid", "striped", "plain"), `headStyles` (the header's fill), `columnStyles`
widths, `showHead` ("everyPage" / "firstPage"), `rowPageBreak` ("auto" lets a row run over a page
break, "avoid" moves it whole), group rows as one cell with `colSpan`, merged Område cells with
`rowSpan`, and the hooks `didParseCell` (the status cell's colour, a highlighted row) and
`didDrawCell` (a status dot drawn with `circle`). Its running header and "Sida N av M" are written
on every page at the end, as such exports do once the page count is known.

Python writes the definition as JSON; `samples/jspdf/render.js` (run by Node, jspdf and
jspdf-autotable installed with `npm ci` in that folder) lays it out and writes the PDF. The creation
date and file ID are fixed, then `pin_metadata` fixes the rest: two renderings are byte-identical.

A turned header is drawn the way autotable's users do it: `didParseCell` empties the cell and makes
it as tall as the text is long, `didDrawCell` writes the text with `angle: 90`. What autotable
cannot draw is refused: a picture in the status cell, a word
processor's table style, the web producers' CSS grid. It has no nested table either: the small
table of a follow-up cell prints as its lines, cells separated by spaces, as a web app's text
field holds it.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

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
from samples.producer_look import (
    JSPDF_ACTIVE_HEADING,
    JSPDF_COLUMNS,
    JSPDF_DONE_HEADING,
    JSPDF_PALETTE,
    PLANNER_WIDTHS,
)
from samples.system_fonts import truetype_file

RENDERER = Path(__file__).resolve().parent / "jspdf" / "render.js"
OWN_STATUS_STYLE = "label"
OWN_FONT = "DejaVu Sans"
OWN_RULES = "horizontal"
FONT_PT = 7.5
LINE_HEIGHT = 1.15
# Margins in mm: top, right, bottom, left (autotable's default is about 14 mm).
OWN_MARGINS_MM = (16.0, 12.0, 14.0, 12.0)
OWN_WIDTHS, DONE_WIDTHS = PLANNER_WIDTHS
# autotable's own header blue (its default headStyles fill) and white bold text.
HEADER_FILL = "2980BA"
HIGHLIGHT_FILL = "FFF3B0"
RULE_COLOUR = "C8CDD2"
HEADER_RULE_COLOUR = "34495E"
TITLE_COLOUR = "1F3A5F"
MILESTONE_FILL = "DCEAF7"
# Cell padding, rules in mm.
PADDING_MM = 1.4
RULE_MM = 0.15
HEADER_RULE_MM = 0.35
GLYPH = "\u25cf"
# Status styles the export cannot draw: a picture.
REFUSED_STATUS = ("icon",)


def cell_text(text: str) -> str:
    """A cell's text as autotable takes it: the author's lines joined by newlines, a blank line kept."""
    lines: list[str] = []
    for line, gap in paragraphs(text):
        if gap and lines:
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


def _paragraph_nodes(text: str) -> list[dict]:
    return [{"text": line, "gap": gap} for line, gap in paragraphs(text)]


def _follow_up(activity: Activity) -> str:
    """The follow-up text; a small table prints as its lines, cells separated by spaces."""
    parts = [cell_text(activity.follow_up)]
    if activity.follow_up_table:
        parts.append("\n".join(" ".join(row) for row in activity.follow_up_table))
        parts.append(cell_text(activity.follow_up_after))
    return "\n".join(part for part in parts if part)


def _refuse(layout: Layout) -> None:
    """Raise for the layouts jspdf-autotable has no way to draw."""
    if layout.status_style in REFUSED_STATUS:
        raise ValueError("the jsPDF export shows no status pictures")
    if layout.markup == "grid":
        raise ValueError("a CSS grid of <div>s is a web page's; jsPDF draws an autotable")
    if layout.table_style is not None:
        raise ValueError("a table style is a word processor's; jsPDF draws an autotable")


def _table(activities: tuple[Activity, ...], layout: Layout, available_mm: float, *, done: bool) -> dict:
    """One autotable: its head, body, widths, fills by row and the status hook's data."""
    columns, shares = table_columns(layout, JSPDF_COLUMNS, OWN_WIDTHS, DONE_WIDTHS, done=done,
                                    padded=False)
    keys = [key for key, _ in columns]
    rules = layout.rules or OWN_RULES
    style = layout.status_style_or(OWN_STATUS_STYLE)
    palette = layout.palette_or(JSPDF_PALETTE)
    widths = [round(available_mm * share / sum(shares), 2) for share in shares]
    spans = area_spans(activities, layout)
    body: list[list] = []
    status_fills: dict[str, str | None] = {}
    status_text: dict[str, str] = {}
    row_fills: dict[str, str] = {}
    group = None
    for index, activity in enumerate(activities):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            body.append([{"content": layout.group_label.format(area=activity.area), "colSpan": len(keys),
                          "styles": {"fillColor": list(_rgb(GROUP_FILL)), "fontStyle": "bold"}}])
        row: list = []
        for key in keys:
            if key == "status":
                colour = palette.colour(activity.status)
                status_fills[str(len(body))] = colour
                if colour:
                    status_text[str(len(body))] = contrast_text(colour)
                if style in ("label", "words"):
                    row.append(layout.status_word(activity.status))
                elif style == "glyph" and colour:
                    row.append(GLYPH)
                else:
                    row.append("")
            elif key == "follow_up":
                row.append(_follow_up(activity))
            elif key == "area" and spans[index] != 1:
                if spans[index]:
                    row.append({"content": cell_text(activity.area), "rowSpan": spans[index]})
            else:
                row.append(cell_text(getattr(activity, key) or ""))
        if activity.highlighted and layout.highlight:
            row_fills[str(len(body))] = HIGHLIGHT_FILL
        body.append(row)
    if rules == "grid":
        theme = "grid"
    elif layout.zebra:
        theme = "striped"
    else:
        theme = "plain"
    status_column = keys.index("status") if "status" in keys else -1
    return {
        "type": "table", "theme": theme, "rules": rules, "head": [wording for _, wording in columns],
        "body": body, "widths": widths, "padding": PADDING_MM, "ruleWidth": RULE_MM,
        "ruleColour": RULE_COLOUR, "headRuleWidth": HEADER_RULE_MM, "headRuleColour": HEADER_RULE_COLOUR,
        "headFill": layout.header_fill or HEADER_FILL, "headText": HEADER_TEXT_COLOUR,
        "repeatHead": layout.repeat_header,
        "rowPageBreak": "avoid" if layout.row_break == "avoid" else "auto",
        "rotatedColumns": [i for i, key in enumerate(keys) if key in layout.rotated_headers],
        "statusColumn": status_column, "statusStyle": style, "statusFills": status_fills,
        "statusText": status_text, "rowFills": row_fills,
        "alternateFill": ZEBRA_FILL if layout.zebra else None,
    }


def _rgb(colour: str) -> tuple[int, int, int]:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def _section(activities: tuple[Activity, ...], layout: Layout, available_mm: float, *,
             done: bool) -> list[dict]:
    """A section's table, or one table per area under the area's heading."""
    if layout.tables != "area":
        return [_table(activities, layout, available_mm, done=done)]
    nodes: list[dict] = []
    for run in area_runs(activities, layout):
        nodes += [{"type": "subheading", "text": run[0].area}, _table(run, layout, available_mm, done=done)]
    return nodes


def _legend(layout: Layout) -> list[dict]:
    """STATUS and one swatch (or the cells' dot or ●) and label per colour, on one line."""
    style, palette = layout.status_style_or(OWN_STATUS_STYLE), layout.palette_or(JSPDF_PALETTE)
    if not layout.legend or style == "words":
        return []
    marker = style if style in ("dot", "glyph") else "fill"
    entries = [{"marker": marker, "colour": palette.colour(status), "label": palette.label(status)}
               for status in STATUS_ORDER
               if status in dict(palette.labels) and palette.colour(status) is not None]
    return [{"type": "legend", "entries": entries}]


def _page(layout: Layout) -> tuple[str | list[float], str, float]:
    """jsPDF's format and orientation, and the page's width in mm."""
    if layout.page_mm is not None:
        width, height = layout.page_mm
        return [min(width, height), max(width, height)], "landscape" if width > height else "portrait", width
    portrait = layout.orientation == "portrait"
    return "a4", "portrait" if portrait else "landscape", 210.0 if portrait else 297.0


def definition(report: Report, layout: Layout, created: datetime) -> dict:
    """The report as render.js's definition (JSON)."""
    _refuse(layout)
    family = FONTS[layout.font] if layout.font else OWN_FONT
    top, right, bottom, left = layout.margins_mm or OWN_MARGINS_MM
    page_format, orientation, page_width = _page(layout)
    available = page_width - left - right
    blocks: list[dict] = [
        {"type": "title", "text": report.title},
        {"type": "text", "paragraphs": [{"text": report.period_line, "gap": False}], "size": 9.5, "after": 2},
        {"type": "text", "paragraphs": _paragraph_nodes(report.intro), "after": 3},
    ]
    if report.milestones:
        if report.milestone_heading:
            blocks.append({"type": "subheading", "text": report.milestone_heading})
        blocks.append({"type": "milestones", "fill": MILESTONE_FILL,
                       "items": [{"label": m.label, "date": m.date} for m in report.milestones]})
    blocks += _legend(layout)
    blocks.append({"type": "heading", "text": JSPDF_ACTIVE_HEADING})
    blocks += _section(report.active, layout, available, done=False)
    if report.done:
        blocks.append({"type": "heading", "text": JSPDF_DONE_HEADING})
        if report.done_intro.strip():
            blocks.append({"type": "text", "paragraphs": _paragraph_nodes(report.done_intro), "after": 2})
        blocks += _section(report.done, layout, available, done=True)
    return {
        "format": page_format, "orientation": orientation,
        "margins": {"top": top, "right": right, "bottom": bottom, "left": left},
        "font": family.replace(" ", ""),
        "fontFiles": {"normal": truetype_file(family, bold=False), "bold": truetype_file(family, bold=True)},
        "fontSize": layout.font_pt or FONT_PT, "lineHeight": LINE_HEIGHT, "titleColour": TITLE_COLOUR,
        "runningHeader": report.running_header, "footer": "Sida {page} av {pages}",
        "title": report.title, "creator": "Verksamhetsportalen",
        "creationDate": created.isoformat(),
        "fileId": hashlib.md5(report.name.encode("utf-8")).hexdigest().upper(),  # noqa: S324 — an ID, not a secret
        "blocks": blocks,
    }


def render_jspdf(report: Report, pdf_path: Path, source_date_epoch: int, layout: Layout = Layout()) -> None:
    """Write the report's PDF with jsPDF and jspdf-autotable (Node), as the web app's export does."""
    if not (RENDERER.parent / "node_modules" / "jspdf-autotable").is_dir():
        raise RuntimeError(f"jsPDF is not installed: run `npm ci` in {RENDERER.parent}")
    created = datetime.fromtimestamp(source_date_epoch, tz=UTC)
    spec = definition(report, layout, created)
    with tempfile.TemporaryDirectory(prefix="followup-jspdf-") as work:
        source = Path(work) / "report.json"
        source.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        subprocess.run(["node", str(RENDERER), str(source), str(pdf_path)], check=True)
    pin_metadata(pdf_path, source_date_epoch)
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
