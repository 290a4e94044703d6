"""Render a report the way a Java hospital planning system writes its PDF: iText 2.1.7.

Old Java business systems commonly print their reports with iText 2.1.7 (`com.lowagie.text`, the
last free release; Debian's `libitext-java`). The system's report definition (what this module
decides from the content and the layout: texts, column widths, fills, border masks, group rows,
markers) is written as a line-based file and rendered by `samples/itext/ItextReport.java`, one
small Java program that makes the iText calls such a system makes: a `Document` with a page event
for the running header and "Sida N", `Paragraph`s, a `PdfPTable` per section with `setWidths`,
`setHeaderRows(1)` (the header repeated on every page), `setSplitRows(true)` and
`setSplitLate(false)` (a row split at a page's foot), `PdfPCell`s with `setBackgroundColor`,
`setBorder` masks (`Rectangle.BOTTOM` for rules under rows only), `setColspan` group rows,
`setRowspan` merged Område cells, `setRotation(90)` turned headers, a `PdfPCellEvent` drawing a
status dot, a nested `PdfPTable` in the follow-up cell and DejaVu/Liberation TrueType fonts
embedded with `BaseFont.IDENTITY_H`.

Needs a JDK and `apt-get install libitext-java` (/usr/share/java/itext.jar); the class is compiled
into build/itext/ (not committed) when the source is newer.
"""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pikepdf

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
from samples.model import Activity, Report, plain_cell_text
from samples.pdf_metadata import pin_metadata
from samples.producer_look import (
    ITEXT_ACTIVE_HEADING,
    ITEXT_COLUMNS,
    ITEXT_DONE_HEADING,
    ITEXT_PALETTE,
    LIBRARY_WIDTHS,
)
from samples.system_fonts import truetype_file

SOURCE = Path(__file__).resolve().parent / "itext" / "ItextReport.java"
BUILD = Path(__file__).resolve().parent.parent / "build" / "itext"
ITEXT_JAR = Path(os.environ.get("FOLLOWUP_ITEXT_JAR", "/usr/share/java/itext.jar"))
MM = 72 / 25.4
OWN_STATUS_STYLE = "fill"
OWN_FONT = "DejaVu Sans"
OWN_RULES = "horizontal"
FONT_PT = 8.0
OWN_MARGINS_MM = (16.0, 12.0, 16.0, 12.0)
# Per cent of the table width, the system's own columns (the completed table drops the last).
OWN_WIDTHS, DONE_WIDTHS = LIBRARY_WIDTHS
HEADER_FILL = "D6DCE4"
HEADER_RULE = "44546A"
HIGHLIGHT_FILL = "FFF2A0"
RULE_COLOUR = "808080"
PADDING_PT = 3.0
DOT_PT = 7.0
# The page furniture's type size and the gap under a heading, in points.
TITLE_PT = 15.0
HEADING_PT = 11.0
TITLE_COLOUR = "1F3864"
SUBSET_PREFIX = re.compile(r"^/?([A-Z]{6})\+(.*)$")


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _command(name: str, **options: object) -> str:
    """One line of the report definition: the command and its key=value fields."""
    fields = [name]
    for key, value in options.items():
        if value is None or value is False:
            continue
        text = "1" if value is True else f"{value:g}" if isinstance(value, float) else str(value)
        fields.append(f"{key}={_escape(text)}")
    return "\t".join(fields)


def _rule_borders(layout: Layout) -> tuple[str, float]:
    """The border mask of a body cell and its width: the layout's rules, else the system's own."""
    rules = layout.rules or OWN_RULES
    if rules == "grid":
        return "tblr", 0.5
    if rules == "horizontal":
        return "b", 0.4
    return "", 0.0


def _status_cell(status: str, layout: Layout, size: float) -> dict[str, object]:
    """The status cell's fields: its fill, dot, glyph or word."""
    style = layout.status_style_or(OWN_STATUS_STYLE, ("fill", "dot", "glyph", "label", "words"), "iText")
    colour = layout.palette_or(ITEXT_PALETTE).colour(status)
    word = layout.status_word(status)
    if style == "fill":
        return {"text": "", "fill": colour}
    if style == "dot":
        return {"text": "", "dot": colour or "", "dot_size": DOT_PT}
    if style == "glyph":
        return {"text": "\u25cf" if colour else "", "color": colour, "size": size + 3, "align": "center"}
    if style == "label":
        return {"text": word, "fill": colour, "color": contrast_text(colour) if colour else None,
                "align": "center"}
    return {"text": word, "align": "center"}


def _header_row(columns: list[tuple[str, str]], layout: Layout, size: float) -> list[str]:
    fill = layout.header_fill or HEADER_FILL
    colour = HEADER_TEXT_COLOUR if layout.header_fill else None
    rules = layout.rules or OWN_RULES
    borders = {"grid": "tblr", "horizontal": "b", "none": ""}[rules]
    lines = []
    for key, wording in columns:
        turned = key in layout.rotated_headers
        lines.append(_command(
            "CELL", text=" ".join(wording.split()) if turned else wording, bold=True, size=size,
            color=colour, fill=fill, border=borders, border_width=0.5, border_color=RULE_COLOUR,
            bottom_width=1.0 if rules == "horizontal" else None,
            bottom_color=HEADER_RULE if rules == "horizontal" else None,
            rotate=90 if turned else None, valign="bottom", padding=PADDING_PT))
    return lines


def _follow_up(activity: Activity) -> dict[str, object]:
    fields: dict[str, object] = {"text": plain_cell_text(activity.follow_up)}
    if activity.follow_up_table:
        fields["table"] = "\n".join("\t".join(cell.strip() for cell in row)
                                    for row in activity.follow_up_table)
        fields["after"] = plain_cell_text(activity.follow_up_after)
    return fields


def _activity_table(activities: tuple[Activity, ...], layout: Layout, *, done: bool) -> list[str]:
    """One section's PdfPTable: header row, group rows, activity rows."""
    columns, shares = table_columns(layout, ITEXT_COLUMNS, OWN_WIDTHS, DONE_WIDTHS, done=done,
                                    padded=False)
    keys = [key for key, _ in columns]
    size = layout.font_pt or FONT_PT
    borders, width = _rule_borders(layout)
    lines = [_command("TABLE", widths=",".join(f"{share:g}" for share in shares),
                      header_rows=1 if layout.repeat_header else 0,
                      split_early=layout.row_break == "split", before=4.0, after=6.0)]
    lines += _header_row(columns, layout, size)
    spans = area_spans(activities, layout)
    group = None
    for index, activity in enumerate(activities):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            lines.append(_command("CELL", text=layout.group_label.format(area=activity.area), bold=True,
                                  size=size, fill=GROUP_FILL, colspan=len(keys), border=borders,
                                  border_width=width, border_color=RULE_COLOUR, padding=PADDING_PT))
        if activity.highlighted and layout.highlight:
            row_fill: str | None = HIGHLIGHT_FILL
        elif layout.zebra and index % 2:
            row_fill = ZEBRA_FILL
        else:
            row_fill = None
        for key in keys:
            cell: dict[str, object] = {"size": size, "fill": row_fill, "border": borders,
                                       "border_width": width, "border_color": RULE_COLOUR,
                                       "padding": PADDING_PT}
            if key == "status":
                marker = _status_cell(activity.status, layout, size)
                # The status fill lies on top of the row's highlight or stripe.
                status_fill = marker.pop("fill", None)
                cell.update(marker)
                cell["fill"] = status_fill or row_fill
            elif key == "follow_up":
                cell.update(_follow_up(activity))
            elif key == "area" and layout.areas in ("merged", "column") and spans[index] != 1:
                if not spans[index]:
                    continue  # covered by the rowspan cell above: iText takes no cell here
                cell["text"] = plain_cell_text(activity.area)
                cell["rowspan"] = spans[index]
            else:
                cell["text"] = plain_cell_text(getattr(activity, key) or "")
            lines.append(_command("CELL", **cell))
    lines.append(_command("END_TABLE"))
    return lines


def _section(activities: tuple[Activity, ...], layout: Layout, *, done: bool) -> list[str]:
    """A section's table, or one table per area under the area's name."""
    runs = area_runs(activities, layout)
    if len(runs) == 1 and layout.tables != "area":
        return _activity_table(runs[0], layout, done=done)
    lines: list[str] = []
    for run in runs:
        lines.append(_command("PARAGRAPH", text=run[0].area, bold=True, size=layout.font_pt or FONT_PT,
                              before=6.0, after=0.0))
        lines += _activity_table(run, layout, done=done)
    return lines


def _legend(layout: Layout) -> list[str]:
    """STATUS, then a small borderless table: a swatch (or the marker the cells use) and its label."""
    style = layout.status_style_or(OWN_STATUS_STYLE, ("fill", "dot", "glyph", "label", "words"), "iText")
    palette = layout.palette_or(ITEXT_PALETTE)
    if not layout.legend or style == "words":
        return []
    size = layout.font_pt or FONT_PT
    lines = [_command("PARAGRAPH", text="STATUS", bold=True, size=size, before=4.0, after=0.0),
             _command("TABLE", widths="8,45", percent=25.0, before=2.0, after=6.0)]
    for status in STATUS_ORDER:
        colour = palette.colour(status)
        if status not in dict(palette.labels) or colour is None:
            continue
        if style == "dot":
            marker: dict[str, object] = {"text": "", "dot": colour, "dot_size": DOT_PT}
        elif style == "glyph":
            marker = {"text": "\u25cf", "color": colour, "size": size + 2, "align": "center"}
        else:
            marker = {"text": "", "fill": colour}
        lines.append(_command("CELL", padding=1.5, **{"size": size, **marker}))
        lines.append(_command("CELL", text=palette.label(status), size=size, padding=1.5))
    lines.append(_command("END_TABLE"))
    return lines


def _milestones(report: Report, layout: Layout) -> list[str]:
    """The timeline: one shaded box per milestone, its label bold over its date."""
    if not report.milestones:
        return []
    size = layout.font_pt or FONT_PT
    lines = []
    if report.milestone_heading:
        lines.append(_command("PARAGRAPH", text=report.milestone_heading, bold=True, size=HEADING_PT,
                              color=TITLE_COLOUR, before=8.0, after=4.0))
    count = len(report.milestones)
    lines.append(_command("TABLE", widths=",".join(["1"] * count), percent=float(min(100, 20 * count)),
                          after=6.0))
    for milestone in report.milestones:
        lines.append(_command("CELL", text=f"{milestone.label}\n{milestone.date}", first_bold=True,
                              size=size, fill="DDEBF7", border="tblr", border_width=1.5,
                              border_color="FFFFFF", padding=4.0))
    lines.append(_command("END_TABLE"))
    return lines


def _page(layout: Layout) -> tuple[float, float, bool]:
    """The page as displayed (width, height) in points, and whether it is stored turned."""
    if layout.page_mm is not None:
        width, height = layout.page_mm[0] * MM, layout.page_mm[1] * MM
    elif layout.orientation == "portrait":
        width, height = 595.0, 842.0
    else:
        width, height = 842.0, 595.0
    return width, height, layout.orientation == "rotated"


def report_definition(report: Report, layout: Layout, out: Path) -> list[str]:
    """The report as the Java program reads it, top to bottom."""
    family = FONTS[layout.font] if layout.font else OWN_FONT
    width, height, turned = _page(layout)
    top, right, bottom, left = layout.margins_mm or OWN_MARGINS_MM
    size = layout.font_pt or FONT_PT
    lines = [_command("DOCUMENT", out=out, width=width, height=height, rotate=turned,
                      top=top * MM, right=right * MM, bottom=bottom * MM, left=left * MM,
                      font=truetype_file(family, bold=False), bold_font=truetype_file(family, bold=True),
                      header=report.running_header, title=report.title, author="Vårdplaneringssystemet",
                      creator="Vårdplaneringssystemet (iText)"),
             _command("PARAGRAPH", text=report.title, bold=True, size=TITLE_PT, color=TITLE_COLOUR,
                      after=4.0),
             _command("PARAGRAPH", text=report.period_line, size=9.5, after=6.0),
             _command("PARAGRAPH", text=plain_cell_text(report.intro), size=size, after=6.0)]
    lines += _milestones(report, layout) + _legend(layout)
    lines.append(_command("PARAGRAPH", text=ITEXT_ACTIVE_HEADING, bold=True, size=HEADING_PT,
                          color=TITLE_COLOUR, before=8.0, after=2.0))
    lines += _section(report.active, layout, done=False)
    if report.done:
        lines.append(_command("PARAGRAPH", text=ITEXT_DONE_HEADING, bold=True, size=HEADING_PT,
                              color=TITLE_COLOUR, before=10.0, after=2.0))
        if report.done_intro.strip():
            lines.append(_command("PARAGRAPH", text=plain_cell_text(report.done_intro), size=size,
                                  after=2.0))
        lines += _section(report.done, layout, done=True)
    return lines


def compiled_class() -> Path:
    """The folder holding ItextReport.class, compiled with javac when the source is newer."""
    target = BUILD / "ItextReport.class"
    if not target.is_file() or target.stat().st_mtime < SOURCE.stat().st_mtime:
        if not ITEXT_JAR.is_file():
            raise RuntimeError(f"no {ITEXT_JAR}: apt-get install default-jdk-headless libitext-java")
        BUILD.mkdir(parents=True, exist_ok=True)
        subprocess.run(["javac", "-nowarn", "-encoding", "UTF-8", "-cp", str(ITEXT_JAR), "-d", str(BUILD),
                        str(SOURCE)], check=True)
    return BUILD


def pin_subset_prefixes(path: Path) -> None:
    """Replace iText's random font subset tags ("QWERTY+DejaVuSans", Math.random()) with tags
    derived from each embedded font file, so that two renderings are byte-identical."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for font in pdf.objects:
            if not isinstance(font, pikepdf.Dictionary) or font.get("/Subtype") != "/Type0":
                continue
            descendant = font.DescendantFonts[0]
            descriptor = descendant.FontDescriptor
            digest = hashlib.sha256(descriptor.FontFile2.read_raw_bytes()).digest()
            tag = "".join(chr(ord("A") + byte % 26) for byte in digest[:6])
            for owner, key in ((font, "/BaseFont"), (descendant, "/BaseFont"), (descriptor, "/FontName")):
                match = SUBSET_PREFIX.match(str(owner[key]))
                if match:
                    owner[key] = pikepdf.Name(f"/{tag}+{match.group(2)}")
        pdf.save(path)


def render_itext(report: Report, pdf_path: Path, source_date_epoch: int, layout: Layout = Layout()) -> None:
    """Write the report's PDF with iText 2.1.7, as the planning system's export does."""
    classes = compiled_class()
    with tempfile.TemporaryDirectory(prefix="followup-itext-") as work:
        definition = Path(work) / "report.txt"
        definition.write_text("\n".join(report_definition(report, layout, pdf_path)) + "\n", encoding="utf-8")
        subprocess.run(["java", "-Djava.awt.headless=true", "-cp", f"{ITEXT_JAR}{os.pathsep}{classes}",
                        "ItextReport", str(definition)], check=True)
    pin_subset_prefixes(pdf_path)
    pin_metadata(pdf_path, source_date_epoch)
