"""Render a report the way a web-based planning system writes its PDF export itself, with fpdf2.

Many planning systems (a Python web application behind the hospital's intranet) build the export
with fpdf2 rather than printing a web page: an embedded TrueType font (DejaVu Sans, so that "å ä ö"
print), a running header and "Sida N av M" in the page's header() and footer(), the title, period
line and introduction as `multi_cell` paragraphs, and the activity list either as fpdf2's own
`pdf.table()` (TableSpan/colspan group rows, rowspan merged areas, `repeat_headings`,
`borders_layout`, `cell_fill_mode` stripes, a per-cell `FontFace(fill_color=...)` status) or laid
out by hand, cell by cell, with `set_xy` and `multi_cell` (the older exports and many in-house ones).

What fpdf2 does that a reader meets: it never hyphenates, it breaks lines at spaces only, and a
word wider than its cell is cut where the line is full ("Kompetensförsörj" / "ningen"); a table
row that does not fit moves whole to the next page (so does a hand-laid row here).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from samples.layout import (
    FONTS,
    GROUP_FILL,
    HEADER_TEXT_COLOUR,
    STATUS_ORDER,
    ZEBRA_FILL,
    Layout,
    Palette,
    contrast_text,
    group_runs,
    table_columns,
)
from samples.model import Activity, Milestone, Report, paragraphs, plain_cell_text, plain_follow_up_text
from samples.page_rotation import rotate_to_portrait
from samples.producer_look import PLANNER_COLUMNS, PLANNER_PALETTE, PLANNER_WIDTHS
from samples.system_fonts import truetype_file

OWN_STATUS_STYLE = "label"
# The planning system's own A4 landscape page and margins (mm): top, right, bottom, left.
OWN_PAGE_MM = (297.0, 210.0)
OWN_MARGINS_MM = (16.0, 12.0, 15.0, 12.0)
FONT_PT = 8.0
TITLE_PT = 15.0
TITLE_COLOUR = "1F4E79"
HEADER_FILL = "DDE4EE"
HIGHLIGHT_FILL = "FFF2A8"
RULE_COLOUR = "8A96A3"
MILESTONE_FILL = "DEEAF6"
# Relative widths of the system's own columns (active table, completed table without Ny tid).
OWN_WIDTHS, DONE_WIDTHS = PLANNER_WIDTHS
# A line is this many times the font size; a cell has this padding all round (mm).
LINE_FACTOR = 1.25
CELL_PADDING_MM = 1.0
PT_TO_MM = 25.4 / 72
# Space a header turned a quarter needs above its text (mm), and the glyph of the glyph style.
TURNED_HEADER_MM = 24.0
GLYPH = "\u25cf"
# How fpdf2 draws the table's rules for each layout rule style; the system's own: one rule under
# the header.
BORDERS = {"grid": "ALL", "horizontal": "HORIZONTAL_LINES", "none": "NONE", None: "SINGLE_TOP_LINE"}
DRAWINGS = ("table", "cells")
ALIGNS = ("LEFT", "JUSTIFY")
V_ALIGNS = ("TOP", "MIDDLE")
# The font files a family is embedded from, found with fontconfig (Debian's fonts-dejavu,
# fonts-liberation).
OWN_FONT = "DejaVu Sans"


@dataclass(frozen=True)
class PlannerOptions:
    """What an fpdf2 export varies beyond the shared layout options (`[variant.fpdf]`)."""

    # "table": fpdf2's pdf.table(); "cells": laid out by hand with set_xy and multi_cell.
    drawing: str = "table"
    # fpdf2's tables justify text unless told otherwise; many systems keep that.
    text_align: str = "LEFT"
    # fpdf2 centres a table cell's text vertically unless told otherwise.
    v_align: str = "TOP"

    def __post_init__(self) -> None:
        for value, allowed in ((self.drawing, DRAWINGS), (self.text_align, ALIGNS),
                               (self.v_align, V_ALIGNS)):
            if value not in allowed:
                raise ValueError(f"{value!r} is not one of {allowed}")


def _rgb(colour: str) -> tuple[int, int, int]:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def _make_pdf(report: Report, layout: Layout, family: str):
    """An FPDF whose header() prints the running header and footer() the page numbers."""
    from fpdf import FPDF

    class PlannerPDF(FPDF):
        def header(self) -> None:
            self.set_font(family, size=7)
            self.set_text_color(90, 90, 90)
            self.set_xy(self.l_margin, 7)
            self.cell(0, 4, report.running_header)
            self.set_text_color(0, 0, 0)
            self.set_xy(self.l_margin, self.t_margin)

        def footer(self) -> None:
            self.set_y(-10)
            self.set_font(family, size=7)
            self.set_text_color(90, 90, 90)
            self.cell(0, 4, f"Sida {self.page_no()} av {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    width, height = layout.page_mm or (OWN_PAGE_MM if layout.orientation != "portrait"
                                       else OWN_PAGE_MM[::-1])
    pdf = PlannerPDF(orientation="P", unit="mm", format=(width, height))
    top, right, bottom, left = layout.margins_mm or OWN_MARGINS_MM
    pdf.set_margins(left, top, right)
    pdf.set_auto_page_break(True, bottom)
    pdf.add_font(family, "", truetype_file(family, bold=False))
    pdf.add_font(family, "B", truetype_file(family, bold=True))
    pdf.set_title(report.title)
    pdf.set_author(report.running_header)
    pdf.set_creator("Uppföljningsmodulen")
    pdf.set_lang("sv-SE")
    return pdf


class _Writer:
    """Writes the report top to bottom onto one FPDF."""

    def __init__(self, pdf, report: Report, layout: Layout, options: PlannerOptions, family: str):
        self.pdf = pdf
        self.report = report
        self.layout = layout
        self.options = options
        self.family = family
        self.size = layout.font_pt or FONT_PT
        self.line = self.size * PT_TO_MM * LINE_FACTOR
        self.palette: Palette = layout.palette_or(PLANNER_PALETTE)
        self.style = layout.status_style_or(OWN_STATUS_STYLE)

    # ----- the text above the tables -----
    def paragraph(self, text: str, *, size: float | None = None, bold: bool = False,
                  colour: str | None = None, after: float = 1.5) -> None:
        pdf = self.pdf
        pdf.set_font(self.family, "B" if bold else "", size or self.size + 1)
        if colour:
            pdf.set_text_color(*_rgb(colour))
        pdf.set_x(pdf.l_margin)
        pdf.multi_cell(0, (size or self.size + 1) * PT_TO_MM * LINE_FACTOR, text,
                       new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(after)

    def heading(self, text: str) -> None:
        self.pdf.ln(2)
        self.paragraph(text, size=11, bold=True, colour=TITLE_COLOUR)

    def milestones(self, milestones: tuple[Milestone, ...], heading: str) -> None:
        """A row of light boxes, the label over its date."""
        if not milestones:
            return
        pdf = self.pdf
        if heading:
            self.heading(heading)
        gap = 4.0
        width = min(50.0, (pdf.epw - gap * (len(milestones) - 1)) / len(milestones))
        top = pdf.get_y()
        for index, milestone in enumerate(milestones):
            x = pdf.l_margin + index * (width + gap)
            pdf.set_fill_color(*_rgb(MILESTONE_FILL))
            pdf.rect(x, top, width, 12, style="F")
            pdf.set_xy(x + 1.5, top + 1.5)
            pdf.set_font(self.family, "B", self.size)
            pdf.multi_cell(width - 3, self.line, milestone.label, new_x="LEFT", new_y="NEXT",
                           align="L")
            pdf.set_font(self.family, "", self.size)
            pdf.set_x(x + 1.5)
            pdf.multi_cell(width - 3, self.line, milestone.date)
        pdf.set_xy(pdf.l_margin, top + 15)

    def legend(self) -> None:
        """STATUS and one marker per status colour with the legend's wording beside it."""
        if not self.layout.legend or self.style == "words":
            return
        pdf = self.pdf
        pdf.set_font(self.family, "B", self.size)
        pdf.cell(0, self.line + 1, "STATUS", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(self.family, "", self.size)
        for status in STATUS_ORDER:
            colour = self.palette.colour(status)
            if status not in dict(self.palette.labels) or colour is None:
                continue
            y = pdf.get_y()
            x = pdf.l_margin
            pdf.set_fill_color(*_rgb(colour))
            if self.style == "dot":
                pdf.circle(x + 2, y + self.line / 2, 1.5, style="F")
            elif self.style == "glyph":
                pdf.set_text_color(*_rgb(colour))
                pdf.set_xy(x, y)
                pdf.cell(5, self.line, GLYPH)
                pdf.set_text_color(0, 0, 0)
            else:
                pdf.rect(x, y + 0.4, 5, self.line - 0.8, style="F")
            pdf.set_xy(x + 7, y)
            pdf.cell(0, self.line + 0.6, self.palette.label(status), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    # ----- the activity tables -----
    def columns(self, done: bool) -> tuple[list[tuple[str, str]], tuple[float, ...]]:
        return table_columns(self.layout, PLANNER_COLUMNS, OWN_WIDTHS, DONE_WIDTHS, done=done,
                             padded=False)

    def status_text(self, status: str) -> str:
        if self.style in ("label", "words"):
            return self.layout.status_word(status)
        if self.style == "glyph" and self.palette.colour(status):
            return GLYPH
        return ""

    def row_fill(self, activity: Activity, index: int) -> str | None:
        if activity.highlighted and self.layout.highlight:
            return HIGHLIGHT_FILL
        if self.layout.zebra and index % 2 and self.options.drawing == "cells":
            return ZEBRA_FILL
        return None

    def value(self, activity: Activity, key: str, done: bool) -> str:
        if key == "follow_up":
            return plain_follow_up_text(activity)
        if key == "new_deadline" and done:
            return ""
        return plain_cell_text(getattr(activity, key) or "")

    def table(self, activities: tuple[Activity, ...], done: bool) -> None:
        if self.options.drawing == "cells":
            _CellTable(self, done).draw(activities)
        else:
            self.fpdf_table(activities, done)

    def fpdf_table(self, activities: tuple[Activity, ...], done: bool) -> None:
        """The activity list as fpdf2's pdf.table()."""
        from fpdf.fonts import FontFace

        if self.style == "dot":
            raise ValueError("fpdf2's table cells hold text or an image, not a drawn dot")
        if self.layout.rotated_headers:
            raise ValueError("fpdf2's table headings do not turn; use drawing = 'cells'")
        pdf, layout = self.pdf, self.layout
        columns, widths = self.columns(done)
        keys = [key for key, _ in columns]
        header_fill = layout.header_fill or HEADER_FILL
        heading_style = FontFace(family=self.family, emphasis="BOLD", size_pt=self.size,
                                 color=_rgb(HEADER_TEXT_COLOUR) if layout.header_fill else (0, 0, 0),
                                 fill_color=_rgb(header_fill))
        pdf.set_font(self.family, "", self.size)
        # A table takes the document's current fill colour for every cell unless it is the default
        # (black, meaning none): the legend's last swatch would shade the whole table.
        pdf.set_fill_color(0)
        pdf.set_draw_color(*_rgb(RULE_COLOUR))
        pdf.set_line_width(0.2)
        spans = group_runs([a.area for a in activities]) if layout.areas == "merged" else []
        with pdf.table(
            col_widths=widths, width=pdf.epw, borders_layout=BORDERS[layout.rules],
            cell_fill_color=_rgb(ZEBRA_FILL) if layout.zebra else None,
            cell_fill_mode="ROWS" if layout.zebra else "NONE",
            headings_style=heading_style, line_height=self.line,
            text_align=self.options.text_align, v_align=self.options.v_align,
            padding=CELL_PADDING_MM, repeat_headings=1 if layout.repeat_header else 0,
            first_row_as_headings=True,
        ) as table:
            heading = table.row()
            for _, name in columns:
                heading.cell(name)
            group = None
            for index, activity in enumerate(activities):
                if layout.areas == "groups" and activity.area != group:
                    group = activity.area
                    table.row().cell(layout.group_label.format(area=activity.area),
                                     colspan=len(keys),
                                     style=FontFace(emphasis="BOLD", fill_color=_rgb(GROUP_FILL)))
                fill = self.row_fill(activity, index)
                plain = FontFace(fill_color=_rgb(fill)) if fill else None
                row = table.row()
                for key in keys:
                    if key == "area" and spans:
                        if spans[index]:
                            row.cell(plain_cell_text(activity.area), rowspan=spans[index], style=plain)
                        continue
                    if key == "status":
                        self.status_cell(row, activity.status, fill)
                    else:
                        row.cell(self.value(activity, key, done), style=plain)

    def status_cell(self, row, status: str, row_fill: str | None) -> None:
        from fpdf.fonts import FontFace

        colour = self.palette.colour(status)
        text = self.status_text(status)
        if self.style in ("fill", "label") and colour:
            text_colour = _rgb(contrast_text(colour)) if self.style == "label" else None
            row.cell(text, align="C", style=FontFace(
                emphasis="BOLD" if self.style == "label" else None, color=text_colour,
                fill_color=_rgb(colour)))
        elif self.style == "glyph" and colour:
            row.cell(text, align="C", style=FontFace(
                color=_rgb(colour), size_pt=self.size + 3,
                fill_color=_rgb(row_fill) if row_fill else None))
        else:
            row.cell(text, align="C",
                     style=FontFace(fill_color=_rgb(row_fill)) if row_fill else None)


class _CellTable:
    """A table laid out by hand: each cell a multi_cell at set_xy, rows moved whole to a new page."""

    def __init__(self, writer: _Writer, done: bool) -> None:
        self.w = writer
        self.pdf = writer.pdf
        self.done = done
        columns, shares = writer.columns(done)
        self.columns = columns
        total = sum(shares)
        self.widths = [self.pdf.epw * share / total for share in shares]
        self.xs = [self.pdf.l_margin + sum(self.widths[:i]) for i in range(len(self.widths))]

    def lines(self, text: str, width: float, bold: bool = False) -> int:
        """How many lines multi_cell will print the text on (fpdf2's own wrapping, dry run; the
        cell's own margin, c_margin, pads the text left and right)."""
        if not text:
            return 1
        self.pdf.set_font(self.w.family, "B" if bold else "", self.w.size)
        return len(self.pdf.multi_cell(width, self.w.line, text, dry_run=True, output="LINES"))

    def header_height(self) -> float:
        plain = max(self.lines(name, width, bold=True)
                    for (key, name), width in zip(self.columns, self.widths, strict=True)
                    if key not in self.w.layout.rotated_headers)
        height = plain * self.w.line + 2 * CELL_PADDING_MM
        if any(key in self.w.layout.rotated_headers for key, _ in self.columns):
            height = max(height, TURNED_HEADER_MM)
        return height

    def header(self) -> None:
        pdf, layout = self.pdf, self.w.layout
        top, height = pdf.get_y(), self.header_height()
        fill = layout.header_fill or HEADER_FILL
        text_colour = HEADER_TEXT_COLOUR if layout.header_fill else "000000"
        pdf.set_font(self.w.family, "B", self.w.size)
        for (key, name), x, width in zip(self.columns, self.xs, self.widths, strict=True):
            # Each heading is its own filled box, as wide as its column.
            pdf.set_fill_color(*_rgb(fill))
            pdf.rect(x, top, width, height, style="F")
            pdf.set_text_color(*_rgb(text_colour))
            if key in layout.rotated_headers:
                base_x, base_y = x + CELL_PADDING_MM + self.w.line * 0.8, top + height - CELL_PADDING_MM
                with pdf.rotation(90, base_x, base_y):
                    pdf.text(base_x, base_y, name.replace("\n", " "))
            else:
                pdf.set_xy(x, top + CELL_PADDING_MM)
                pdf.multi_cell(width, self.w.line, name, align="L")
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(pdf.l_margin, top + height)

    def room(self, height: float) -> None:
        """A row that does not fit starts a new page, under the header again if it repeats."""
        pdf = self.pdf
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
            if self.w.layout.repeat_header:
                self.header()

    def rule(self, y: float) -> None:
        rules = self.w.layout.rules
        if rules in (None, "horizontal", "grid"):
            self.pdf.set_draw_color(*_rgb(RULE_COLOUR))
            self.pdf.set_line_width(0.2)
            self.pdf.line(self.pdf.l_margin, y, self.pdf.l_margin + self.pdf.epw, y)

    def group_row(self, label: str) -> None:
        pdf = self.pdf
        height = self.w.line + 2 * CELL_PADDING_MM
        self.room(height + self.w.line * 3)
        top = pdf.get_y()
        pdf.set_fill_color(*_rgb(GROUP_FILL))
        pdf.rect(pdf.l_margin, top, pdf.epw, height, style="F")
        pdf.set_font(self.w.family, "B", self.w.size)
        pdf.set_xy(pdf.l_margin + CELL_PADDING_MM, top + CELL_PADDING_MM)
        pdf.cell(pdf.epw - 2 * CELL_PADDING_MM, self.w.line, label)
        pdf.set_xy(pdf.l_margin, top + height)

    def status(self, status: str, x: float, top: float, width: float, height: float) -> None:
        pdf, style = self.pdf, self.w.style
        colour = self.w.palette.colour(status)
        centre = x + width / 2
        if style == "fill" and colour:
            pdf.set_fill_color(*_rgb(colour))
            pdf.rect(x, top, width, height, style="F")
        elif style == "dot":
            if colour:
                pdf.set_fill_color(*_rgb(colour))
                pdf.circle(centre, top + CELL_PADDING_MM + self.w.line / 2, 1.6, style="F")
            else:
                pdf.set_draw_color(128, 128, 128)
                pdf.circle(centre, top + CELL_PADDING_MM + self.w.line / 2, 1.6, style="D")
        elif style == "glyph" and colour:
            pdf.set_text_color(*_rgb(colour))
            pdf.set_font(self.w.family, "", self.w.size + 3)
            pdf.set_xy(x, top + CELL_PADDING_MM)
            pdf.cell(width, self.w.line, GLYPH, align="C")
        elif style in ("label", "words"):
            word = self.w.layout.status_word(status)
            bold = style == "label"
            pdf.set_font(self.w.family, "B" if bold else "", self.w.size)
            if style == "label" and colour:
                label_width = min(width - 1, pdf.get_string_width(word) + 2.4)
                pdf.set_fill_color(*_rgb(colour))
                pdf.rect(centre - label_width / 2, top + CELL_PADDING_MM - 0.4, label_width,
                         self.w.line + 0.8, style="F", round_corners=True, corner_radius=1)
                pdf.set_text_color(*_rgb(contrast_text(colour)))
            pdf.set_xy(x, top + CELL_PADDING_MM)
            pdf.multi_cell(width, self.w.line, word, align="C")
        pdf.set_text_color(0, 0, 0)

    def row(self, activity: Activity, index: int) -> None:
        """One activity row, moved whole to a new page when it does not fit; a row taller than a
        whole page is split after the last line that fits, the rest on the next page (under the
        header again), the status shown in its first part."""
        pdf, w = self.pdf, self.w
        texts = [w.value(activity, key, self.done) if key != "status" else ""
                 for key, _ in self.columns]
        lines = [self.wrapped(text, width) for text, width in zip(texts, self.widths, strict=True)]
        count = max(len(column) for column in lines)
        self.room(count * w.line + 2 * CELL_PADDING_MM)
        first = 0
        while True:
            room = (pdf.page_break_trigger - pdf.get_y() - 2 * CELL_PADDING_MM) / w.line
            part = min(count - first, max(1, int(room + 1e-6)))
            whole = first == 0 and part == count
            shown = texts if whole else ["\n".join(column[first:first + part]) for column in lines]
            self.part(activity, index, shown, part, status=first == 0)
            first += part
            if first >= count:
                return
            pdf.add_page()
            if w.layout.repeat_header:
                self.header()

    def wrapped(self, text: str, width: float) -> list[str]:
        """The lines multi_cell prints the text on (fpdf2's own wrapping, dry run)."""
        if not text:
            return [""]
        self.pdf.set_font(self.w.family, "", self.w.size)
        return self.pdf.multi_cell(width, self.w.line, text, dry_run=True, output="LINES")

    def part(self, activity: Activity, index: int, texts: list[str], count: int, *, status: bool) -> None:
        """A row's cells, or the part of them on one page, `count` lines high."""
        pdf, w = self.pdf, self.w
        height = count * w.line + 2 * CELL_PADDING_MM
        top = pdf.get_y()
        fill = w.row_fill(activity, index)
        if fill:
            pdf.set_fill_color(*_rgb(fill))
            pdf.rect(pdf.l_margin, top, pdf.epw, height, style="F")
        for (key, _), text, x, width in zip(self.columns, texts, self.xs, self.widths, strict=True):
            if key == "status":
                if status or w.style == "fill":  # a shaded cell is shaded on both pages
                    self.status(activity.status, x, top, width, height)
                continue
            pdf.set_font(w.family, "", w.size)
            pdf.set_xy(x, top + CELL_PADDING_MM)
            pdf.multi_cell(width, w.line, text, align=w.options.text_align[0])
        if w.layout.rules == "grid":
            pdf.set_draw_color(*_rgb(RULE_COLOUR))
            for x, width in zip(self.xs, self.widths, strict=True):
                pdf.rect(x, top, width, height)
        else:
            self.rule(top + height)
        pdf.set_xy(pdf.l_margin, top + height)

    def draw(self, activities: tuple[Activity, ...]) -> None:
        self.room(self.header_height() + 3 * self.w.line)
        self.header()
        group = None
        for index, activity in enumerate(activities):
            if self.w.layout.areas == "groups" and activity.area != group:
                group = activity.area
                self.group_row(self.w.layout.group_label.format(area=activity.area))
            self.row(activity, index)


def build_pdf(report: Report, created: datetime, layout: Layout = Layout(),
              options: PlannerOptions = PlannerOptions()):
    """The report as the planning system's fpdf2 document (not yet written out)."""
    if layout.tables == "area" or layout.markup == "grid":
        raise ValueError("the planning system prints one table per section")
    if layout.areas == "merged" and options.drawing == "cells":
        raise ValueError("the hand-laid table has no merged cells")
    family = FONTS[layout.font] if layout.font else OWN_FONT
    pdf = _make_pdf(report, layout, family)
    # A fixed creation date, so two exports of the same content are byte for byte the same.
    pdf.set_creation_date(created)
    pdf.add_page()
    writer = _Writer(pdf, report, layout, options, family)
    writer.paragraph(report.title, size=TITLE_PT, bold=True, colour=TITLE_COLOUR, after=1)
    writer.paragraph(report.period_line, size=writer.size + 2, after=3)
    for text, _ in paragraphs(report.intro):
        writer.paragraph(text)
    writer.milestones(report.milestones, report.milestone_heading)
    writer.legend()
    writer.heading("Aktiviteter")
    writer.table(report.active, done=False)
    if report.done:
        writer.heading("Klara aktiviteter")
        if report.done_intro:
            writer.paragraph(plain_cell_text(report.done_intro))
        writer.table(report.done, done=True)
    return pdf


def render_planner(report: Report, pdf_path: Path, source_date_epoch: int,
                   layout: Layout = Layout(), options: PlannerOptions = PlannerOptions()) -> None:
    """Write the report's PDF as the planning system exports it (fpdf2)."""
    created = datetime.fromtimestamp(source_date_epoch, tz=UTC)
    pdf = build_pdf(report, created, layout, options)
    pdf.output(str(pdf_path))
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
