"""Render a report the way a hospital writes it: a Word document (python-docx) exported to PDF by
LibreOffice, landscape A4, Swedish automatic hyphenation, a full grid activity table."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from samples.layout import (
    FONTS,
    GROUP_FILL,
    HEADER_TEXT_COLOUR,
    ZEBRA_FILL,
    Layout,
    area_runs,
    contrast_text,
    group_runs,
    table_columns,
)
from samples.model import Activity, Report, paragraphs
from samples.page_rotation import rotate_to_portrait
from samples.pdf_metadata import pin_metadata
from samples.producer_look import WORD_COLUMNS, WORD_PALETTE
from samples.status_icons import icon_png, icon_shape

FONT = "Liberation Sans"
OWN_PALETTE = WORD_PALETTE
OWN_STATUS_STYLE = "fill"
# Word draws no dots in a table cell: the corpus gives Word the other styles.
STATUS_STYLES = ("fill", "glyph", "label", "words", "icon")
# A status icon is inserted as a picture this wide and high, in the cell and in the legend.
ICON_CM = 0.34
CELL_FONT_PT = 8.5
GLYPH_FONT_PT = 12
# The legend's glyphs sit in a 7.5 pt list, a little smaller than in the table.
LEGEND_GLYPH_FONT_PT = 9.6
# Keeps a table computed from per cent widths inside the text area.
WIDTH_SLACK_CM = 0.2
# Word's default left plus right cell margin (0.19 cm each), which a column's text cannot use.
CELL_PADDING_CM = 0.38
HIGHLIGHT_FILL = "FFFF00"
HEADER_FILL = "DCE6F2"
# A header row with text turned a quarter is at least this tall (twips, 1/1440 inch): about 2.3 cm.
TURNED_HEADER_HEIGHT_TWIPS = 1300
MILESTONE_FILL = "2F5597"
HEADING_COLOUR = RGBColor(0x1F, 0x3A, 0x6E)

ACTIVE_COLUMNS = WORD_COLUMNS
# Narrow columns, as in the real reports: long compounds must break.
ACTIVE_WIDTHS_CM = (2.6, 3.1, 3.4, 2.05, 2.8, 1.1, 8.3, 2.1)
DONE_WIDTHS_CM = (2.7, 4.0, 3.8, 2.0, 2.9, 1.1, 8.9)
# The page as displayed (cm) and its margins: top, right, bottom, left.
PAGE_CM = (29.7, 21.0)
MARGINS_CM = (1.8, 2.0, 1.6, 2.0)


def _set_cell_fill(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _set_cell_borders(cell: _Cell, value: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), value)
        borders.append(edge)
    tc_pr.append(borders)


# Table borders (w:tblBorders) per rules: the sides and inner lines drawn.
RULE_EDGES = {"grid": ("top", "left", "bottom", "right", "insideH", "insideV"),
              "horizontal": ("top", "bottom", "insideH"), "none": ()}


def _set_table_rules(table: Table, rules: str) -> None:
    """Draw only the table's rules the layout asks for (over the Table Grid style's full grid)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        drawn = side in RULE_EDGES[rules]
        edge.set(qn("w:val"), "single" if drawn else "nil")
        if drawn:
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "808080")
        borders.append(edge)
    tbl_pr.append(borders)


def _mark_header_row(table: Table) -> None:
    """Repeat the first row at the top of every page the table continues on."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _turn_text(cell: _Cell) -> None:
    """Text direction "bottom to top" (w:textDirection btLr): the header turned to fit a narrow column,
    the row as tall as its longest turned header."""
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)


def _at_least_tall(row, twips: int) -> None:
    """A row at least this tall (w:trHeight, rule atLeast): room for a turned header's text."""
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(twips))
    height.set(qn("w:hRule"), "atLeast")
    row._tr.get_or_add_trPr().append(height)


def _keep_row_whole(row) -> None:
    """Move the whole row to the next page rather than splitting it."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _set_widths(table: Table, widths_cm: tuple[float, ...]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths_cm, strict=False):
        grid_col.w = Cm(width)


def _write(cell: _Cell, text: str, *, bold: bool = False, size: float = 8.5,
           colour: RGBColor | None = None, align: int | None = None) -> None:
    """Fill a cell with the author's paragraphs (the cell's first, empty paragraph is reused)."""
    first = cell.paragraphs[0]
    for index, (line, space_before) in enumerate(paragraphs(text)):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(5 if space_before else 0)
        paragraph.paragraph_format.space_after = Pt(0)
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run(line)
        run.bold = bold
        run.font.size = Pt(size)
        if colour is not None:
            run.font.color.rgb = colour


def _enable_swedish_hyphenation(document: Document, font: str = FONT) -> None:
    """Swedish on the Normal style and automatic hyphenation for the document, as Word sets them."""
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(9.5)
    r_pr = normal.element.get_or_add_rPr()
    r_fonts = r_pr.find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        r_fonts.set(qn(attribute), font)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "sv-SE")
    lang.set(qn("w:eastAsia"), "sv-SE")
    lang.set(qn("w:bidi"), "ar-SA")
    r_pr.append(lang)
    settings = document.settings.element
    auto = OxmlElement("w:autoHyphenation")
    settings.insert(0, auto)
    # The default 0.25" hyphenation zone; Word writes it next to the switch.
    zone = OxmlElement("w:hyphenationZone")
    zone.set(qn("w:val"), "357")
    settings.insert(1, zone)


def _page_cm(layout: Layout) -> tuple[float, float]:
    """The page as displayed, width and height in cm."""
    if layout.page_mm is not None:
        return layout.page_mm[0] / 10, layout.page_mm[1] / 10
    if layout.orientation == "portrait":
        return PAGE_CM[1], PAGE_CM[0]
    return PAGE_CM


def _margins_cm(layout: Layout) -> tuple[float, float, float, float]:
    if layout.margins_mm is None:
        return MARGINS_CM
    top, right, bottom, left = (m / 10 for m in layout.margins_mm)
    return top, right, bottom, left


def _text_width_cm(layout: Layout) -> float:
    _, right, _, left = _margins_cm(layout)
    return _page_cm(layout)[0] - right - left - WIDTH_SLACK_CM


def _widths_cm(percents: tuple[float, ...], layout: Layout) -> tuple[float, ...]:
    """Column widths in cm from shares of the text width; every cell keeps its padding whole."""
    room = _text_width_cm(layout) - CELL_PADDING_CM * len(percents)
    return tuple(CELL_PADDING_CM + share / sum(percents) * room for share in percents)


def _page_setup(document: Document, report: Report, layout: Layout) -> None:
    section = document.sections[0]
    width, height = _page_cm(layout)
    section.orientation = WD_ORIENT.LANDSCAPE if width > height else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(width), Cm(height)
    top, right, bottom, left = _margins_cm(layout)
    section.left_margin = Cm(left)
    section.right_margin = Cm(right)
    section.top_margin = Cm(top)
    section.bottom_margin = Cm(bottom)
    section.header_distance = Cm(0.8)
    section.footer_distance = Cm(0.8)
    header = section.header.paragraphs[0]
    run = header.add_run(report.running_header)
    run.font.size = Pt(7.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)


def _heading(document: Document, text: str, size: float) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(10)
    paragraph.paragraph_format.space_after = Pt(4)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    run.font.color.rgb = HEADING_COLOUR


def _timeline(document: Document, report: Report) -> None:
    """A row of blue boxes, label over date, with blank gaps between them."""
    _heading(document, report.milestone_heading, 11)
    count = len(report.milestones)
    table = document.add_table(rows=1, cols=2 * count - 1)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    widths = []
    for index, cell in enumerate(table.rows[0].cells):
        if index % 2:
            _set_cell_borders(cell, "nil")
            widths.append(1.0)
            continue
        milestone = report.milestones[index // 2]
        _set_cell_borders(cell, "nil")
        _set_cell_fill(cell, MILESTONE_FILL)
        white = RGBColor(0xFF, 0xFF, 0xFF)
        _write(cell, f"{milestone.label} {milestone.date}", bold=True, size=9,
               colour=white, align=WD_ALIGN_PARAGRAPH.CENTER)
        widths.append(4.2)
    _set_widths(table, tuple(widths))


def _legend(document: Document, layout: Layout) -> None:
    style, palette = layout.status_style_or(OWN_STATUS_STYLE, STATUS_STYLES, "Word"), layout.palette_or(OWN_PALETTE)
    if not layout.legend or style == "words":
        return
    entries = [(status, label) for status, label in palette.labels
               if palette.colour(status) is not None]
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run("STATUS")
    run.bold = True
    run.font.size = Pt(7.5)
    table = document.add_table(rows=len(entries), cols=2)
    for row, (status, label) in zip(table.rows, entries, strict=False):
        swatch, text = row.cells
        _set_cell_borders(swatch, "nil")
        _set_cell_borders(text, "nil")
        if style == "glyph":
            _write(swatch, "\u25cf", size=LEGEND_GLYPH_FONT_PT, colour=_rgb(palette.colour(status)),
                   align=WD_ALIGN_PARAGRAPH.CENTER)
        elif style == "icon":
            _picture(swatch, status, palette.colour(status), layout)
        else:
            _set_cell_fill(swatch, palette.colour(status))
        _write(text, label, size=7.5)
    _set_widths(table, (0.7, 3.5))


def _picture(cell: _Cell, status: str, colour: str | None, layout: Layout) -> None:
    """The status icon as an inline picture, centred in the cell's first paragraph (Insert > Picture)."""
    if colour is None:
        return
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    png = io.BytesIO(icon_png(icon_shape(status, layout.icons), colour))
    paragraph.add_run().add_picture(png, width=Cm(ICON_CM), height=Cm(ICON_CM))


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour)


def _status_cell(cell: _Cell, status: str, layout: Layout, size: float) -> None:
    """The status the layout's way: shading, a coloured ● glyph, a coloured label, a word or an icon."""
    style, colour = layout.status_style_or(OWN_STATUS_STYLE, STATUS_STYLES, "Word"), layout.palette_or(OWN_PALETTE).colour(status)
    if style == "icon":
        _picture(cell, status, colour, layout)
        return
    if style in ("fill", "label") and colour is not None:
        _set_cell_fill(cell, colour)
    if style == "glyph" and colour is not None:
        _write(cell, "\u25cf", size=GLYPH_FONT_PT, colour=_rgb(colour), align=WD_ALIGN_PARAGRAPH.CENTER)
    elif style == "label":
        text_colour = _rgb(contrast_text(colour)) if colour else None
        _write(cell, layout.status_word(status), bold=True, size=size, colour=text_colour)
    elif style == "words":
        _write(cell, layout.status_word(status), size=size)


def _group_row(table: Table, text: str, size: float) -> None:
    """A full-width shaded bold row naming the area of the rows below it."""
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    _set_cell_fill(merged, GROUP_FILL)
    _write(merged, text, bold=True, size=size)


def _area_spans(activities: tuple[Activity, ...], layout: Layout) -> list[int]:
    if layout.areas == "merged":
        return group_runs([a.area for a in activities])
    return [0 if a.merge_area and layout.areas == "column" else 1 for a in activities]


def _activity_table(document: Document, activities: tuple[Activity, ...], layout: Layout, *,
                    done: bool) -> None:
    columns, percents = table_columns(layout, ACTIVE_COLUMNS, ACTIVE_WIDTHS_CM, DONE_WIDTHS_CM,
                                      done=done, padded=False)
    # The producer's own widths only where they fit the page; a smaller page scales them to its text width.
    fits = sum(percents) <= _text_width_cm(layout)
    widths = percents if layout.keeps_producer_widths and fits else _widths_cm(percents, layout)
    size = layout.font_pt or CELL_FONT_PT
    keys = [key for key, _ in columns]
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles[layout.table_style or "Table Grid"]
    if layout.rules is not None:
        _set_table_rules(table, layout.rules)
    for cell, (key, name) in zip(table.rows[0].cells, columns, strict=False):
        if layout.table_style is None:
            _set_cell_fill(cell, layout.header_fill or HEADER_FILL)
        text_colour = _rgb(HEADER_TEXT_COLOUR) if layout.header_fill else None
        _write(cell, name, bold=layout.table_style is None, size=size, colour=text_colour)
        if key in layout.rotated_headers:
            _turn_text(cell)
    if layout.rotated_headers:
        _at_least_tall(table.rows[0], TURNED_HEADER_HEIGHT_TWIPS)
    if layout.repeat_header:
        _mark_header_row(table)
    area_cell: _Cell | None = None
    group = None
    for index, (activity, span) in enumerate(zip(activities, _area_spans(activities, layout), strict=False)):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            _group_row(table, layout.group_label.format(area=activity.area), size)
        row = table.add_row()
        if layout.row_break == "avoid":
            _keep_row_whole(row)
        cells = row.cells
        for cell, key in zip(cells, keys, strict=False):
            if key == "area":
                if span == 0 and area_cell is not None:
                    area_cell = area_cell.merge(cell)
                else:
                    area_cell = cell
                    _write(cell, activity.area, size=size)
            elif key == "status":
                _status_cell(cell, activity.status, layout, size)
            elif key == "follow_up":
                _follow_up(cell, activity, size, width_cm=widths[keys.index("follow_up")])
            else:
                _write(cell, getattr(activity, key) or "", size=size)
        highlighted = activity.highlighted and layout.highlight
        # A table style bands the rows itself.
        zebra = layout.zebra and index % 2 and not highlighted and layout.table_style is None
        if highlighted or zebra:
            # The status cell keeps its colour; a merged Område cell belongs to several rows.
            for key, cell in zip(keys, cells, strict=False):
                if key == "status" or (key == "area" and span == 0):
                    continue
                _set_cell_fill(cell, HIGHLIGHT_FILL if highlighted else ZEBRA_FILL)
    _set_widths(table, widths)


# The nested table's columns (label, number) where the follow-up cell has room for them.
NESTED_WIDTHS_CM = (4.0, 1.6)


def _follow_up(cell: _Cell, activity: Activity, size: float = CELL_FONT_PT,
               width_cm: float | None = None) -> None:
    _write(cell, activity.follow_up, size=size)
    if not activity.follow_up_table:
        return
    rows = activity.follow_up_table
    nested = cell.add_table(rows=len(rows), cols=len(rows[0]))
    nested.style = "Table Grid"
    for row_index, (row, values) in enumerate(zip(nested.rows, rows, strict=False)):
        for col_index, (inner, value) in enumerate(zip(row.cells, values, strict=False)):
            align = WD_ALIGN_PARAGRAPH.RIGHT if col_index else None
            _write(inner, value, bold=row_index == 0, size=7.5, align=align)
    # A nested table never wider than its cell (as Word would fit it): scaled down in a narrow column.
    room = width_cm - CELL_PADDING_CM if width_cm is not None else sum(NESTED_WIDTHS_CM)
    scale = min(1.0, room / sum(NESTED_WIDTHS_CM))
    _set_widths(nested, tuple(width * scale for width in NESTED_WIDTHS_CM))
    after = cell.paragraphs[-1]
    for index, (line, _) in enumerate(paragraphs(activity.follow_up_after)):
        paragraph = after if index == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).font.size = Pt(size)


def _section_tables(document: Document, activities: tuple[Activity, ...], layout: Layout, *,
                    done: bool) -> None:
    """A section's table, or one table per area under a heading naming the area."""
    for run in area_runs(activities, layout):
        if layout.tables == "area":
            _heading(document, run[0].area, 10)
        _activity_table(document, run, layout, done=done)


def build_docx(report: Report, path: Path, layout: Layout = Layout()) -> None:
    """Write the report as a Word document."""
    document = Document()
    _enable_swedish_hyphenation(document, FONTS[layout.font] if layout.font else FONT)
    _page_setup(document, report, layout)
    document.core_properties.author = "python-docx"
    document.core_properties.title = report.title

    title = document.add_paragraph()
    run = title.add_run(report.title)
    run.bold = True
    run.font.size = Pt(18)
    run.font.color.rgb = HEADING_COLOUR
    subtitle = document.add_paragraph()
    subtitle.add_run(report.period_line).font.size = Pt(9)
    for line, _ in paragraphs(report.intro):
        document.add_paragraph(line)
    if report.milestones:
        _timeline(document, report)
    _heading(document, "Aktiviteter", 12)
    _legend(document, layout)
    document.add_paragraph()
    _section_tables(document, report.active, layout, done=False)
    if report.done:
        _heading(document, "Klara aktiviteter", 12)
        document.add_paragraph(report.done_intro)
        _section_tables(document, report.done, layout, done=True)
    document.save(path)


def render_word(report: Report, pdf_path: Path, source_date_epoch: int,
                layout: Layout = Layout()) -> None:
    """Write the report's PDF through LibreOffice headless, as a user exporting from Word would."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is needed: apt-get install libreoffice-writer-nogui hyphen-sv")
    with tempfile.TemporaryDirectory() as work:
        docx_path = Path(work) / f"{report.name}.docx"
        build_docx(report, docx_path, layout)
        # A private profile, so a running LibreOffice or another generator cannot interfere.
        profile = Path(work, "profile").as_uri()
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch))
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless",
             "--convert-to", "pdf", "--outdir", work, str(docx_path)],
            check=True, capture_output=True, env=env, timeout=300,
        )
        shutil.copyfile(Path(work) / f"{report.name}.pdf", pdf_path)
    pin_metadata(pdf_path, source_date_epoch)
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
