"""Render a report the way a server-side planning system writes it: ReportLab's platypus.

What real ReportLab code in such a system does: a `SimpleDocTemplate` with a page callback for the
running header and the page number, `Paragraph`s for the title, period line and intro, a `Table`
per section with `repeatRows=1` (the header on every page), a `TableStyle` for the rules (GRID,
INNERGRID + BOX, or LINEBELOW only), the header's and status cells' BACKGROUND, ROWBACKGROUNDS for
zebra rows and SPAN for group rows and merged Område cells, `Paragraph` cells so text wraps, and
`splitInRow` so a tall row splits over a page break (ReportLab 4). The system's own font is the
standard Helvetica (not embedded); a layout's font is a TrueType font from the system, embedded as
a subset. Swedish hyphenation through pyphen (`hyphenationLang`) when the system's options ask for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

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
    LIBRARY_WIDTHS,
    PDFLIB_ACTIVE_HEADING,
    PDFLIB_COLUMNS,
    PDFLIB_DONE_HEADING,
    PDFLIB_PALETTE,
)
from samples.system_fonts import truetype_file

OWN_STATUS_STYLE = "fill"
OWN_FONT = "Helvetica"
FONT_PT = 8.0
LEADING = 1.2
OWN_MARGINS_MM = (18.0, 14.0, 16.0, 14.0)
# Per cent of the table width, the system's own columns (the completed table drops the last).
OWN_WIDTHS, DONE_WIDTHS = LIBRARY_WIDTHS
HEADER_FILL = "DCE6F1"
HIGHLIGHT_FILL = "FFF2A0"
RULE_COLOUR = "808080"
# Cell padding in points (TableStyle's LEFT/RIGHT/TOP/BOTTOMPADDING).
PADDING_PT = 3.0
# The coloured dot of the "dot" status style: its diameter in points.
DOT_PT = 7.0
# The least height in points either part of a row split over a page break may have.
SPLIT_IN_ROW = 1
BOLD_SUFFIX = "-Bold"
# The padding of SimpleDocTemplate's frame (platypus Frame's default), in points.
FRAME_PADDING_PT = 6.0


@dataclass(frozen=True)
class PdfLibOptions:
    """What the planning system's PDF export varies beyond the shared layout options."""

    # Swedish hyphenation by pyphen (ParagraphStyle.hyphenationLang and embeddedHyphenation). With it
    # on, ReportLab breaks a web address too long for a line at a "/" and then prints the rest
    # whole, past the cell's edge when it is still too long (seen at 7.5 pt in a 34 % column): a
    # layout hyphenating must leave its addresses room.
    hyphenate: bool = False
    # ParagraphStyle.uriWasteReduce: a web address is broken at a "/" rather than moved to the next
    # line when it would leave more than this share of the line empty (0: off).
    uri_waste_reduce: float = 0.0


def _font(layout: Layout) -> str:
    """The registered font name of the report's text; bold is the same name + BOLD_SUFFIX."""
    if layout.font is None:
        return OWN_FONT
    family = FONTS[layout.font]
    name = family.replace(" ", "")
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, truetype_file(family, bold=False)))
        pdfmetrics.registerFont(TTFont(name + BOLD_SUFFIX, truetype_file(family, bold=True)))
    return name


def _colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(f"#{hex_colour}")


@dataclass(frozen=True)
class _Styles:
    """The paragraph styles of one report."""

    body: ParagraphStyle
    bold: ParagraphStyle
    header: ParagraphStyle
    status: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    period: ParagraphStyle
    small: ParagraphStyle


def _styles(layout: Layout, options: PdfLibOptions) -> _Styles:
    font = _font(layout)
    size = layout.font_pt or FONT_PT
    hyphenation = {"hyphenationLang": "sv_SE" if options.hyphenate else "",
                   "embeddedHyphenation": 1 if options.hyphenate else 0,
                   "uriWasteReduce": options.uri_waste_reduce}
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * LEADING,
                          splitLongWords=1, **hyphenation)
    header_colour = _colour(HEADER_TEXT_COLOUR) if layout.header_fill else colors.black
    return _Styles(
        body=body,
        bold=ParagraphStyle("bold", parent=body, fontName=font + BOLD_SUFFIX
                            if font != OWN_FONT else "Helvetica-Bold"),
        header=ParagraphStyle("header", parent=body, fontName=font + BOLD_SUFFIX
                              if font != OWN_FONT else "Helvetica-Bold",
                              textColor=header_colour, hyphenationLang=""),
        status=ParagraphStyle("status", parent=body, alignment=1, hyphenationLang=""),
        title=ParagraphStyle("title", parent=body, fontName=font + BOLD_SUFFIX
                             if font != OWN_FONT else "Helvetica-Bold", fontSize=15, leading=19,
                             textColor=_colour("1F3864"), spaceAfter=4, hyphenationLang=""),
        heading=ParagraphStyle("heading", parent=body, fontName=font + BOLD_SUFFIX
                               if font != OWN_FONT else "Helvetica-Bold", fontSize=11, leading=14,
                               textColor=_colour("1F3864"), spaceBefore=10, spaceAfter=5,
                               hyphenationLang=""),
        period=ParagraphStyle("period", parent=body, fontSize=9.5, leading=12, spaceAfter=6,
                              hyphenationLang=""),
        small=ParagraphStyle("small", parent=body, fontSize=max(size - 0.6, 5.5),
                             leading=max(size - 0.6, 5.5) * LEADING),
    )


def _paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """The author's paragraphs; a blank line in the content adds space before the next one."""
    flowables: list[Flowable] = []
    for line, gap in paragraphs(text):
        own = ParagraphStyle(f"{style.name}-gap", parent=style, spaceBefore=style.fontSize * 0.7) \
            if gap else style
        flowables.append(Paragraph(escape(line), own))
    return flowables


class _Dot(Flowable):
    """A filled circle (a status dot), or an empty grey ring for a status without a colour."""

    def __init__(self, colour: str | None, diameter: float = DOT_PT) -> None:
        super().__init__()
        self.colour = colour
        self.width = self.height = diameter

    def draw(self) -> None:
        radius = self.width / 2
        if self.colour is None:
            self.canv.setStrokeColor(colors.grey)
            self.canv.setLineWidth(0.6)
            self.canv.circle(radius, radius, radius - 0.3, stroke=1, fill=0)
            return
        self.canv.setFillColor(_colour(self.colour))
        self.canv.circle(radius, radius, radius, stroke=0, fill=1)


class _TurnedText(Flowable):
    """A header turned a quarter, reading bottom to top (canvas.rotate(90)): what ReportLab users
    write for a narrow column's header, as platypus has no rotated paragraph."""

    def __init__(self, text: str, font: str, size: float, colour: colors.Color) -> None:
        super().__init__()
        self.text, self.font, self.size, self.colour = text, font, size, colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self.size * LEADING
        self.height = pdfmetrics.stringWidth(self.text, self.font, self.size)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFont(self.font, self.size)
        self.canv.setFillColor(self.colour)
        self.canv.rotate(90)
        # Turned, the baseline runs up the cell one font size from its left edge.
        self.canv.drawString(0, -self.size, self.text)
        self.canv.restoreState()


def _header_cell(key: str, wording: str, layout: Layout, styles: _Styles) -> Flowable:
    """A header cell: the wording as a paragraph (a newline breaks it), or turned a quarter."""
    if key in layout.rotated_headers:
        return _TurnedText(" ".join(wording.split()), styles.header.fontName, styles.header.fontSize,
                           styles.header.textColor)
    return Paragraph("<br/>".join(escape(line) for line in wording.split("\n")), styles.header)


def _status_content(status: str, layout: Layout, styles: _Styles) -> list[Flowable] | str:
    """What the status cell holds (its fill, for the fill style, is a TableStyle command)."""
    style, colour = layout.status_style_or(OWN_STATUS_STYLE), layout.palette_or(PDFLIB_PALETTE).colour(status)
    word = escape(layout.status_word(status))
    if style == "fill":
        return ""
    if style == "dot":
        return [_Dot(colour)]
    if style == "glyph":
        if styles.body.fontName == OWN_FONT:
            raise ValueError("Helvetica has no \u25cf: a glyph status needs a layout font")
        return [Paragraph(f'<font color="#{colour}" size="{styles.body.fontSize + 3:g}">\u25cf</font>'
                          if colour else "", styles.status)]
    if style == "label":
        if colour is None:
            return [Paragraph(word, styles.status)]
        return [Paragraph(f'<font backColor="#{colour}" color="#{contrast_text(colour)}">'
                          f"&nbsp;{word}&nbsp;</font>", styles.status)]
    return [Paragraph(word, styles.status)]


def _follow_up(activity: Activity, styles: _Styles, width: float) -> list[Flowable]:
    """The follow-up cell: its paragraphs, a small nested table and the text under it."""
    cell = _paragraphs(activity.follow_up, styles.body)
    if activity.follow_up_table:
        rows = [[Paragraph(escape(text), styles.small) for text in row]
                for row in activity.follow_up_table]
        columns = max(len(row) for row in rows)
        nested = Table(rows, colWidths=[width * 0.8 / columns] * columns, hAlign="LEFT")
        nested.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, _colour("9AA5B1")),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        cell += [Spacer(1, 2), nested, Spacer(1, 2)]
        cell += _paragraphs(activity.follow_up_after, styles.body)
    return cell


def _rule_commands(layout: Layout, rows: int) -> list[tuple]:
    """The table's rules: the layout's, else the system's own (INNERGRID and a heavier BOX)."""
    rule = _colour(RULE_COLOUR)
    if layout.rules == "grid":
        return [("GRID", (0, 0), (-1, -1), 0.5, rule)]
    if layout.rules == "horizontal":
        return [("LINEBELOW", (0, 0), (-1, 0), 1.0, _colour("1F3864")),
                ("LINEBELOW", (0, 1), (-1, rows - 1), 0.4, rule)]
    if layout.rules == "none":
        return []
    return [("INNERGRID", (0, 0), (-1, -1), 0.25, rule), ("BOX", (0, 0), (-1, -1), 0.8, rule)]


def _activity_table(activities: tuple[Activity, ...], layout: Layout, styles: _Styles,
                    width: float, *, done: bool) -> Table:
    """One section's table: header row, group rows, activity rows, and its TableStyle."""
    columns, shares = table_columns(layout, PDFLIB_COLUMNS, OWN_WIDTHS, DONE_WIDTHS, done=done,
                                    padded=False)
    widths = [width * share / sum(shares) for share in shares]
    keys = [key for key, _ in columns]
    data: list[list] = [[_header_cell(key, wording, layout, styles) for key, wording in columns]]
    base: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING_PT), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING_PT),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING_PT), ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING_PT),
        ("BACKGROUND", (0, 0), (-1, 0), _colour(layout.header_fill or HEADER_FILL)),
    ]
    commands: list[tuple] = []
    spans = area_spans(activities, layout)
    status_style, palette = layout.status_style_or(OWN_STATUS_STYLE), layout.palette_or(PDFLIB_PALETTE)
    zebra_rows: list[int] = []
    highlighted_rows: list[int] = []
    group = None
    for index, activity in enumerate(activities):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            row = len(data)
            data.append([Paragraph(escape(layout.group_label.format(area=activity.area)),
                                   styles.bold)] + [""] * (len(keys) - 1))
            commands += [("SPAN", (0, row), (-1, row)),
                         ("BACKGROUND", (0, row), (-1, row), _colour(GROUP_FILL))]
        row = len(data)
        cells: list = []
        for column, key in enumerate(keys):
            if key == "status":
                cells.append(_status_content(activity.status, layout, styles))
                colour = palette.colour(activity.status)
                if status_style == "fill" and colour:
                    commands.append(("BACKGROUND", (column, row), (column, row), _colour(colour)))
            elif key == "follow_up":
                cells.append(_follow_up(activity, styles, widths[column]))
            elif key == "area" and layout.areas in ("merged", "column") and spans[index] != 1:
                cells.append(_paragraphs(activity.area, styles.body) if spans[index] else "")
                if spans[index] > 1:
                    commands.append(("SPAN", (column, row), (column, row + spans[index] - 1)))
            else:
                cells.append(_paragraphs(getattr(activity, key) or "", styles.body))
        data.append(cells)
        if activity.highlighted and layout.highlight:
            highlighted_rows.append(row)
        elif layout.zebra and index % 2:
            zebra_rows.append(row)
    # Striped and highlighted rows are painted first, so a status cell's fill stays on top of them.
    row_fills = [("BACKGROUND", (0, row), (-1, row), _colour(ZEBRA_FILL)) for row in zebra_rows]
    row_fills += [("BACKGROUND", (0, row), (-1, row), _colour(HIGHLIGHT_FILL)) for row in highlighted_rows]
    commands = base + row_fills + commands + _rule_commands(layout, len(data))
    split = SPLIT_IN_ROW if layout.row_break == "split" else 0
    table = Table(data, colWidths=widths, repeatRows=1 if layout.repeat_header else 0,
                  splitInRow=split, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _section(activities: tuple[Activity, ...], layout: Layout, styles: _Styles, width: float, *,
             done: bool) -> list[Flowable]:
    """A section's table, or one table per area under the area's heading."""
    runs = area_runs(activities, layout)
    if len(runs) == 1 and layout.tables != "area":
        return [_activity_table(runs[0], layout, styles, width, done=done)]
    flowables: list[Flowable] = []
    for run in runs:
        heading = Paragraph(escape(run[0].area), styles.bold)
        flowables += [Spacer(1, 6), heading, Spacer(1, 3),
                      _activity_table(run, layout, styles, width, done=done)]
    return flowables


def _legend(layout: Layout, styles: _Styles) -> list[Flowable]:
    """STATUS, then one row per colour: a swatch (or the marker the cells use) and its label."""
    style, palette = layout.status_style_or(OWN_STATUS_STYLE), layout.palette_or(PDFLIB_PALETTE)
    if not layout.legend or style == "words":
        return []
    rows, commands = [], []
    for status in STATUS_ORDER:
        colour = palette.colour(status)
        if status not in dict(palette.labels) or colour is None:
            continue
        if style == "dot":
            marker: object = _Dot(colour)
        elif style == "glyph":
            marker = Paragraph(f'<font color="#{colour}">\u25cf</font>', styles.body)
        else:
            marker = ""
            commands.append(("BACKGROUND", (0, len(rows)), (0, len(rows)), _colour(colour)))
        rows.append([marker, Paragraph(escape(palette.label(status)), styles.body)])
    legend = Table(rows, colWidths=[8 * mm, 45 * mm], hAlign="LEFT",
                   style=TableStyle(commands + [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return [Paragraph("STATUS", styles.bold), Spacer(1, 2), legend]


def _milestones(report: Report, styles: _Styles) -> list[Flowable]:
    """The timeline: one shaded box per milestone, its label over its date."""
    if not report.milestones:
        return []
    cells = [[Paragraph(escape(m.label), styles.bold), Paragraph(escape(m.date), styles.body)]
             for m in report.milestones]
    boxes = Table([cells], colWidths=[38 * mm] * len(cells), hAlign="LEFT",
                  style=TableStyle([("BACKGROUND", (0, 0), (-1, -1), _colour("DDEBF7")),
                                    ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    heading = [Paragraph(escape(report.milestone_heading), styles.heading)] \
        if report.milestone_heading else []
    return heading + [boxes, Spacer(1, 6)]


def _page_size(layout: Layout) -> tuple[float, float]:
    if layout.page_mm is not None:
        return layout.page_mm[0] * mm, layout.page_mm[1] * mm
    return portrait(A4) if layout.orientation == "portrait" else landscape(A4)


def build_story(report: Report, layout: Layout, options: PdfLibOptions,
                width: float) -> list[Flowable]:
    """The report's flowables, top to bottom."""
    styles = _styles(layout, options)
    story: list[Flowable] = [Paragraph(escape(report.title), styles.title),
                             Paragraph(escape(report.period_line), styles.period)]
    story += _paragraphs(report.intro, styles.body)
    story += [Spacer(1, 6)] + _milestones(report, styles) + _legend(layout, styles)
    story += [Paragraph(PDFLIB_ACTIVE_HEADING, styles.heading)]
    story += _section(report.active, layout, styles, width, done=False)
    if report.done:
        # The heading and the note stay with the completed table's first rows.
        opening = [Paragraph(PDFLIB_DONE_HEADING, styles.heading)]
        opening += _paragraphs(report.done_intro, styles.body) + [Spacer(1, 4)]
        story += [KeepTogether(opening)]
        story += _section(report.done, layout, styles, width, done=True)
    return story


def render_pdflib(report: Report, pdf_path: Path, source_date_epoch: int,
                  layout: Layout = Layout(), options: PdfLibOptions = PdfLibOptions()) -> None:
    """Write the report's PDF with ReportLab, as the planning system's export does."""
    rl_config.invariant = 1
    page = _page_size(layout)
    top, right, bottom, left = layout.margins_mm or OWN_MARGINS_MM
    document = SimpleDocTemplate(
        str(pdf_path), pagesize=page, topMargin=top * mm, rightMargin=right * mm,
        bottomMargin=bottom * mm, leftMargin=left * mm, title=report.title,
        author="Planeringssystemet", creator="Planeringssystemet", invariant=1)
    styles = _styles(layout, options)

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(styles.body.fontName, 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(left * mm, page[1] - top * mm / 2, report.running_header)
        canvas.drawRightString(page[0] - right * mm, bottom * mm / 2, f"Sida {doc.page}")
        canvas.restoreState()

    # SimpleDocTemplate's frame keeps FRAME_PADDING_PT inside the margins on each side; a table
    # wider than what is left is shifted left on the pages it continues on.
    width = document.width - 2 * FRAME_PADDING_PT
    document.build(build_story(report, layout, options, width),
                   onFirstPage=furniture, onLaterPages=furniture)
    pin_metadata(pdf_path, source_date_epoch)
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
