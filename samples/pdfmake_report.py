"""Render a report the way a web planning system exports it in JavaScript, with pdfmake.

Many web planning tools build their PDF export with pdfmake (in the browser or on a Node server): a
document definition with `pageSize`, `pageOrientation`, `pageMargins`, a `header` and a `footer`
function ("Sida N av M"), paragraphs as text nodes, and each table as
`table: {headerRows, widths, body, dontBreakRows}` with a `layout` of functions (`hLineWidth`,
`vLineWidth`, `hLineColor`, `fillColor`, paddings), `colSpan` group rows, `rowSpan` merged Område
cells, cell `fillColor` for a status, a word in a coloured cell (a badge), a `canvas` dot, a
coloured ● or, for a turned header, a small `svg` whose text is rotated. Fonts are TrueType files
(the system's DejaVu or Liberation fonts here), embedded as subsets by pdfkit.

Python writes the definition as JSON; `samples/pdfmake/render.js` (run by Node, pdfmake installed
with `npm ci` in that folder) turns its declarative layouts into pdfmake's functions and writes the
PDF. The creation date is the period's first day (pdfkit derives the file ID from the document's
info), then `pin_metadata` fixes the rest as for every producer: two renderings are byte-identical.

What pdfmake does that a reader meets: it never hyphenates; it breaks lines at the Unicode line
break opportunities (spaces, after a hyphen) and a word wider than its cell is cut where the line
is full; `dontBreakRows: false` lets a row run over a page break, its cells continuing on the next.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

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
    PDFMAKE_ACTIVE_HEADING,
    PDFMAKE_COLUMNS,
    PDFMAKE_DONE_HEADING,
    PDFMAKE_PALETTE,
    PLANNER_WIDTHS,
)
from samples.system_fonts import truetype_file

RENDERER = Path(__file__).resolve().parent / "pdfmake" / "render.js"
OWN_STATUS_STYLE = "label"
OWN_FONT = "Liberation Sans"
OWN_RULES = "horizontal"
FONT_PT = 8.0
LINE_HEIGHT = 1.1
PT_PER_MM = 72 / 25.4
# Margins in mm: top, right, bottom, left.
OWN_MARGINS_MM = (16.0, 12.0, 14.0, 12.0)
# Relative widths of the system's own columns (the completed table drops the last).
OWN_WIDTHS, DONE_WIDTHS = PLANNER_WIDTHS
HEADER_FILL = "EEF2F7"
HIGHLIGHT_FILL = "FFF3B0"
RULE_COLOUR = "#B8C2CC"
HEADER_RULE_COLOUR = "#334155"
TITLE_COLOUR = "#1E3A5F"
MILESTONE_FILL = "#DCEAF7"
# Cell padding in points, on every side; rules in points.
PADDING_PT = 3.0
RULE_PT = 0.5
HEADER_RULE_PT = 1.0
# The diameter of the canvas dot of the "dot" status style, in points.
DOT_PT = 7.0
GLYPH = "\u25cf"
# Width of the slack left at the table's right so that rounding never pushes it past the margin.
SLACK_PT = 1.0


def _hex(colour: str) -> str:
    return f"#{colour}"


def _font_key(family: str) -> str:
    """The name pdfmake knows a font family by (its key in the fonts dictionary)."""
    return family.replace(" ", "")


@cache
def _advance_widths(path: str) -> tuple[dict[int, int], int]:
    font = TTFont(path, lazy=True)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    return {code: metrics[name][0] for code, name in cmap.items()}, font["head"].unitsPerEm


def _text_width(text: str, family: str, size: float, *, bold: bool) -> float:
    """How wide a line of text prints, in points (the font's advance widths, no kerning)."""
    widths, units = _advance_widths(truetype_file(family, bold=bold))
    return sum(widths.get(ord(char), units // 2) for char in text) * size / units


def _text(text: str, size: float, **style) -> dict:
    """A cell's text: the author's paragraphs, a gap before those after a blank line."""
    stack = []
    for line, gap in paragraphs(text):
        node: dict = {"text": line, **style}
        if gap and stack:
            node["margin"] = [0, size * 0.6, 0, 0]
        stack.append(node)
    return {"stack": stack} if stack else {"text": ""}


def _header_cell(key: str, wording: str, layout: Layout, family: str, size: float) -> dict:
    """A header cell: bold, its lines as written, or a small SVG whose text is turned a quarter."""
    colour = _hex(HEADER_TEXT_COLOUR) if layout.header_fill else "#000000"
    if key not in layout.rotated_headers:
        return {"text": wording, "bold": True, "color": colour, "verticalAlignment": "bottom"}
    text = " ".join(wording.split())
    height = _text_width(text, family, size, bold=True) + 2
    width = size * 1.3
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2f}" height="{height:.2f}">'
           f'<text transform="translate({size:.2f} {height - 1:.2f}) rotate(-90)" '
           f'font-family="{_font_key(family)}" font-weight="bold" font-size="{size:g}" '
           f'fill="{colour}">{text}</text></svg>')
    return {"svg": svg, "width": width, "height": height, "verticalAlignment": "bottom"}


def _dot(colour: str | None) -> dict:
    """A canvas dot: a filled circle, or an empty grey ring for a status without a colour."""
    radius = DOT_PT / 2
    ellipse: dict = {"type": "ellipse", "x": radius + 1, "y": radius + 1, "r1": radius, "r2": radius}
    ellipse |= {"color": _hex(colour)} if colour else {"lineColor": "#808080", "lineWidth": 0.6}
    return {"canvas": [ellipse]}


def _status_cell(status: str, layout: Layout, size: float) -> dict:
    """The status cell: a fill, a word on a fill (the system's badge), a canvas dot, a ● or a word."""
    style = layout.status_style_or(OWN_STATUS_STYLE)
    colour = layout.palette_or(PDFMAKE_PALETTE).colour(status)
    word = layout.status_word(status)
    if style == "fill":
        return {"text": "", "fillColor": _hex(colour)} if colour else {"text": ""}
    if style == "label":
        if colour is None:
            return {"text": word}
        return {"text": word, "fillColor": _hex(colour), "color": _hex(contrast_text(colour)),
                "bold": True}
    if style == "dot":
        return _dot(colour)
    if style == "glyph":
        return {"text": GLYPH, "color": _hex(colour), "fontSize": size + 3} if colour else {"text": ""}
    return {"text": word}


def _follow_up(activity: Activity, size: float) -> dict:
    """The follow-up cell: its paragraphs, a small nested table and the text under it."""
    cell = _text(activity.follow_up, size)
    if not activity.follow_up_table:
        return cell
    columns = max(len(row) for row in activity.follow_up_table)
    nested = {
        "table": {"widths": ["auto"] * columns,
                  "body": [[{"text": text} for text in row] for row in activity.follow_up_table]},
        "layout": {"followup": {"rules": "grid", "ruleWidth": 0.4, "ruleColor": "#9AA5B1",
                                "headerRuleWidth": 0.4, "headerRuleColor": "#9AA5B1",
                                "headerRows": 0, "rowFills": {}, "padding": 1.5}},
        "fontSize": max(size - 0.6, 5.5), "margin": [0, 2, 0, 2],
    }
    stack = cell.get("stack", []) + [nested]
    stack += _text(activity.follow_up_after, size).get("stack", [])
    return {"stack": stack}


def _table_width(columns: int, available: float, rules: str) -> float:
    """The width left for the columns' content: the table less its paddings and vertical rules."""
    lines = (columns + 1) * RULE_PT if rules == "grid" else 0
    return available - columns * 2 * PADDING_PT - lines - SLACK_PT


def _activity_table(activities: tuple[Activity, ...], layout: Layout, family: str,
                    available: float, *, done: bool) -> dict:
    """One section's table: its body (header, group rows, activity rows) and its layout."""
    size = layout.font_pt or FONT_PT
    columns, shares = table_columns(layout, PDFMAKE_COLUMNS, OWN_WIDTHS, DONE_WIDTHS, done=done,
                                    padded=False)
    keys = [key for key, _ in columns]
    rules = layout.rules or OWN_RULES
    content = _table_width(len(keys), available, rules)
    widths = [round(content * share / sum(shares), 2) for share in shares]
    body: list[list[dict]] = [[_header_cell(key, wording, layout, family, size)
                               for key, wording in columns]]
    row_fills: dict[str, str] = {"0": _hex(layout.header_fill or HEADER_FILL)}
    spans = area_spans(activities, layout)
    group = None
    for index, activity in enumerate(activities):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            label = layout.group_label.format(area=activity.area)
            body.append([{"text": label, "bold": True, "colSpan": len(keys), "fillColor": _hex(GROUP_FILL)}]
                        + [{}] * (len(keys) - 1))
        row: list[dict] = []
        for key in keys:
            if key == "status":
                row.append(_status_cell(activity.status, layout, size))
            elif key == "follow_up":
                row.append(_follow_up(activity, size))
            elif key == "area" and spans[index] != 1:
                row.append({**_text(activity.area, size), "rowSpan": spans[index]}
                           if spans[index] else {})
            else:
                row.append(_text(getattr(activity, key) or "", size))
        if activity.highlighted and layout.highlight:
            row_fills[str(len(body))] = _hex(HIGHLIGHT_FILL)
        elif layout.zebra and index % 2:
            row_fills[str(len(body))] = _hex(ZEBRA_FILL)
        body.append(row)
    spec = {"rules": rules, "ruleWidth": RULE_PT, "ruleColor": RULE_COLOUR,
            "headerRuleWidth": HEADER_RULE_PT, "headerRuleColor": HEADER_RULE_COLOUR,
            "headerRows": 1, "rowFills": row_fills, "padding": PADDING_PT}
    return {"table": {"headerRows": 1 if layout.repeat_header else 0, "widths": widths, "body": body,
                      "dontBreakRows": layout.row_break == "avoid"},
            "layout": {"followup": spec}, "margin": [0, 0, 0, 8]}


def _section(activities: tuple[Activity, ...], layout: Layout, family: str, available: float, *,
             done: bool) -> list[dict]:
    """A section's table, or one table per area under the area's heading."""
    if layout.tables != "area":
        return [_activity_table(activities, layout, family, available, done=done)]
    nodes: list[dict] = []
    for run in area_runs(activities, layout):
        nodes += [{"text": run[0].area, "bold": True, "margin": [0, 6, 0, 3]},
                  _activity_table(run, layout, family, available, done=done)]
    return nodes


def _legend(layout: Layout) -> list[dict]:
    """STATUS, then a small table: one row per colour, a swatch (or the cells' marker) and its label."""
    style, palette = layout.status_style_or(OWN_STATUS_STYLE), layout.palette_or(PDFMAKE_PALETTE)
    if not layout.legend or style == "words":
        return []
    rows: list[list[dict]] = []
    for status in STATUS_ORDER:
        colour = palette.colour(status)
        if status not in dict(palette.labels) or colour is None:
            continue
        if style == "dot":
            marker = _dot(colour)
        elif style == "glyph":
            marker = {"text": GLYPH, "color": _hex(colour)}
        else:
            marker = {"text": "", "fillColor": _hex(colour)}
        rows.append([marker, {"text": palette.label(status)}])
    spec = {"rules": "none", "ruleWidth": 0, "ruleColor": RULE_COLOUR, "headerRuleWidth": 0,
            "headerRuleColor": RULE_COLOUR, "headerRows": 0, "rowFills": {}, "padding": 1.5}
    return [{"text": "STATUS", "bold": True, "margin": [0, 0, 0, 2]},
            {"table": {"widths": [22, 130], "body": rows}, "layout": {"followup": spec},
             "margin": [0, 0, 0, 6]}]


def _milestones(report: Report) -> list[dict]:
    """The timeline: one shaded box per milestone (a one-row table), its label over its date."""
    if not report.milestones:
        return []
    cells = [{"stack": [{"text": m.label, "bold": True}, {"text": m.date}], "fillColor": MILESTONE_FILL}
             for m in report.milestones]
    spec = {"rules": "none", "ruleWidth": 0, "ruleColor": RULE_COLOUR, "headerRuleWidth": 0,
            "headerRuleColor": RULE_COLOUR, "headerRows": 0, "rowFills": {}, "padding": 4}
    heading = [{"text": report.milestone_heading, "style": "heading"}] if report.milestone_heading else []
    return heading + [{"table": {"widths": [100] * len(cells), "body": [cells]},
                       "layout": {"followup": spec}, "margin": [0, 0, 0, 8]}]


def _page(layout: Layout) -> tuple[dict | str, str, float]:
    """pdfmake's pageSize and pageOrientation, and the page's width in points."""
    if layout.page_mm is not None:
        width, height = (v * PT_PER_MM for v in layout.page_mm)
        return {"width": round(width, 2), "height": round(height, 2)}, \
            "landscape" if width > height else "portrait", width
    portrait = layout.orientation == "portrait"
    return "A4", "portrait" if portrait else "landscape", (210 if portrait else 297) * PT_PER_MM


def document_definition(report: Report, layout: Layout, created: datetime) -> dict:
    """The report as a pdfmake document definition (JSON; render.js adds the functions)."""
    family = FONTS[layout.font] if layout.font else OWN_FONT
    key = _font_key(family)
    size = layout.font_pt or FONT_PT
    top, right, bottom, left = (v * PT_PER_MM for v in (layout.margins_mm or OWN_MARGINS_MM))
    page_size, orientation, page_width = _page(layout)
    available = page_width - left - right
    content: list[dict] = [
        {"text": report.title, "style": "title"},
        {"text": report.period_line, "fontSize": 9.5, "margin": [0, 0, 0, 6]},
        {**_text(report.intro, size), "margin": [0, 0, 0, 8]},
    ]
    content += _milestones(report) + _legend(layout)
    content += [{"text": PDFMAKE_ACTIVE_HEADING, "style": "heading"}]
    content += _section(report.active, layout, family, available, done=False)
    if report.done:
        content += [{"text": PDFMAKE_DONE_HEADING, "style": "heading"}]
        if report.done_intro.strip():
            content += [{**_text(report.done_intro, size), "margin": [0, 0, 0, 4]}]
        content += _section(report.done, layout, family, available, done=True)
    faces = {"normal": truetype_file(family, bold=False), "bold": truetype_file(family, bold=True)}
    return {
        "fonts": {key: {**faces, "italics": faces["normal"], "bolditalics": faces["bold"]}},
        "info": {"title": report.title, "author": "Planeringsverktyget", "creator": "Planeringsverktyget",
                 "creationDate": created.isoformat()},
        "pageSize": page_size,
        "pageOrientation": orientation,
        "pageMargins": [round(left, 2), round(top, 2), round(right, 2), round(bottom, 2)],
        "header": {"text": report.running_header, "fontSize": 7, "color": "#555555",
                   "margin": [round(left, 2), round(top / 2 - 4, 2), round(right, 2), 0]},
        "footer": {"pageNumbers": "Sida {page} av {pages}", "fontSize": 7, "color": "#555555",
                   "margin": [round(left, 2), round(bottom / 2 - 4, 2), round(right, 2), 0]},
        "defaultStyle": {"font": key, "fontSize": size, "lineHeight": LINE_HEIGHT},
        "styles": {"title": {"fontSize": 15, "bold": True, "color": TITLE_COLOUR, "margin": [0, 0, 0, 4]},
                   "heading": {"fontSize": 11, "bold": True, "color": TITLE_COLOUR, "margin": [0, 8, 0, 4]}},
        "content": content,
    }


def render_pdfmake(report: Report, pdf_path: Path, source_date_epoch: int,
                   layout: Layout = Layout()) -> None:
    """Write the report's PDF with pdfmake (Node), as the planning system's export does."""
    if not (RENDERER.parent / "node_modules" / "pdfmake").is_dir():
        raise RuntimeError(f"pdfmake is not installed: run `npm ci` in {RENDERER.parent}")
    created = datetime.fromtimestamp(source_date_epoch, tz=UTC)
    with tempfile.TemporaryDirectory(prefix="followup-pdfmake-") as work:
        definition = Path(work) / "report.json"
        definition.write_text(json.dumps(document_definition(report, layout, created), ensure_ascii=False),
                              encoding="utf-8")
        subprocess.run(["node", str(RENDERER), str(definition), str(pdf_path)], check=True)
    pin_metadata(pdf_path, source_date_epoch)
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
