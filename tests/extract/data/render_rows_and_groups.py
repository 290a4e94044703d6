"""Render the fixtures of tests/extract/test_extract_group_rows.py, test_extract_row_breaks.py and
test_extract_rotated.py: one small report per layout quirk, made by the producers real reports
come from (needs LibreOffice, WeasyPrint, Chromium and pikepdf).

    python tests/extract/data/render_rows_and_groups.py [NAME ...]

- group-rows-word: Word grid without an Område column; areas are full-width, shaded, bold
  "Område: …" rows; the second group runs over a page break without being repeated.
- group-rows-word-open-sides: the same, the group rows' left and right borders removed.
- group-rows-web: the same table as a web system prints it (WeasyPrint, horizontal rules only),
  group rows as bare names ("Kompetensförsörjning").
- group-rows-unruled: printed by Chromium without any rules; group rows bold.
- group-at-page-end-unruled: Chromium, no rules, header printed once; group rows last on a page.
- split-unruled: the rule-less Chromium report on a page short enough to break a row.
- split-after-one-line, split-mid-word, split-only-comment-continues, split-only-dates-continue:
  a Word grid whose page height puts the page break where the name says.
- split-orphans-web: WeasyPrint breaks a row whose two-line cells orphan control moves whole.
- split-in-merged-area: a Word row broken inside a vertically merged Område cell.
- split-over-three-pages: a Word row whose comment runs over two page breaks.
- split-only-status-colour: a Word row whose comment ends in empty paragraphs, broken among them.
- whole-rows-moved: WeasyPrint, rows kept whole (break-inside: avoid): nothing to stitch.
- short-row-moved-word: Word rows that may not break; a row of short one-line cells opens page 2.
- rotated-landscape: a landscape Word report whose pages are then stored portrait with /Rotate 90.

Page heights (and a spacer above the table) are chosen so that each break falls where the name
says; the tests check that it did.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pikepdf
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))

from samples.browser_report import chromium  # noqa: E402
from samples.pdf_metadata import pin_metadata  # noqa: E402
from samples.word_report import (  # noqa: E402
    _enable_swedish_hyphenation,
    _mark_header_row,
    _set_cell_fill,
    _set_widths,
    _write,
)

EPOCH = 1_700_000_000
WORD_STATUS = {"done": "00B050", "in_progress": "FFC000", "delayed": "FF0000"}
WEB_STATUS = {"done": "#92D050", "in_progress": "#FFC000", "delayed": "#C00000"}
LEGEND = (("done", "KLART"), ("in_progress", "ARBETE PÅGÅR"), ("delayed", "FÖRSENAT"))
GROUP_FILL = "D9D9D9"
HEADER_FILL = "DCE6F2"


@dataclass(frozen=True)
class Row:
    goal: str
    action: str
    deadline: str
    responsible: str
    status: str
    follow_up: str
    new_deadline: str = ""
    area: str = ""


GROUPS: tuple[tuple[str, tuple[Row, ...]], ...] = (
    ("Patientsäkerhet", (
        Row("Minska antalet vårdrelaterade infektioner", "Punktprevalensmätning två gånger per år",
            "2024-06-30", "Vårdhygien", "done", "Mätningen i mars visade 4,1 % VRI.\nNästa mätning i oktober."),
        Row("Säker hantering av läkemedel", "Läkemedelsgenomgång för alla patienter över 75 år",
            "2024-09-30", "Chefläkare", "in_progress",
            "Genomgång görs vid inskrivning på två av tre avdelningar.\nRutinen ska spridas till avdelning 3.",
            "2024-12-31"),
        Row("Färre fall på avdelningarna", "Fallriskbedömning vid inskrivning",
            "2024-03-31", "Avdelningschef", "delayed", "Bedömningen saknas i var tredje journal.", "2024-10-31"),
    )),
    ("Tillgänglighet och väntetider", (
        Row("Kortare väntetid till första besök", "Öppna fler tider för nybesök på kvällar",
            "2024-05-31", "Verksamhetschef", "in_progress",
            "Kvällsmottagning två dagar i veckan sedan april.\nVäntetiden har minskat från 74 till 52 dagar.\n"
            "Målet är 30 dagar enligt vårdgarantin.", "2024-11-30"),
        Row("Bättre telefontillgänglighet", "Inför tidbokning via 1177 för återbesök",
            "2024-04-30", "Enhetschef", "done", "Införd i februari.\nAndelen samtal som besvaras samma dag är 96 %."),
        Row("Fler digitala vårdbesök", "Videobesök för uppföljning av stabila patienter",
            "2024-08-31", "Medicinskt ansvarig läkare", "in_progress",
            "Tre läkare har börjat.\nTekniken fungerar men bokningen är krånglig.", "2024-12-31"),
        Row("Kortare tid på akuten", "Snabbspår för patienter med lättare besvär",
            "2024-06-30", "Akutchef", "delayed", "Bemanningen räcker inte för ett eget spår på kvällar.",
            "2025-03-31"),
        Row("Samordnad vårdplanering", "Gemensam planering med kommunen före utskrivning",
            "2024-10-31", "Vårdsamordnare", "in_progress",
            "Planeringen görs digitalt i SAMSA.\nTvå kommuner deltar, en tredje ansluter i höst.", "2025-01-31"),
    )),
    ("Kompetensförsörjning", (
        Row("Behålla erfarna sjuksköterskor", "Karriärstege med tre nivåer",
            "2024-12-31", "HR-chef", "in_progress", "Nivåerna är beskrivna.\nLönesättningen förhandlas.",
            "2025-06-30"),
        Row("Introduktion för nyanställda", "Introduktionsprogram på fyra veckor",
            "2024-02-29", "Enhetschef", "done", "Programmet används sedan januari."),
        Row("Handledning av studenter", "Utbilda fler handledare",
            "2024-09-30", "Studierektor", "delayed", "Utbildningen blev inställd i våras.", "2025-02-28"),
    )),
)

WORD_COLUMNS = ("Mål", "Åtgärd", "Tid", "Ansvarig", "Status", "Uppföljning", "Ny tid")
WORD_WIDTHS_CM = (3.6, 4.0, 2.1, 3.0, 1.3, 9.0, 2.1)
AREA_COLUMNS = ("Område",) + WORD_COLUMNS
AREA_WIDTHS_CM = (2.8, 3.4, 3.6, 2.1, 2.8, 1.3, 8.0, 2.1)


# --- Word (python-docx → LibreOffice) -------------------------------------------------------------

def _word_document(page_height_cm: float, *, landscape: bool = True) -> Document:
    document = Document()
    _enable_swedish_hyphenation(document)
    # Widow and orphan control off, as many report templates have it: a row may break after one line.
    normal_pr = document.styles["Normal"].element.get_or_add_pPr()
    widow = OxmlElement("w:widowControl")
    widow.set(qn("w:val"), "0")
    normal_pr.append(widow)
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(page_height_cm)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(1.5)
    section.header_distance = section.footer_distance = Cm(0.6)
    section.header.paragraphs[0].add_run("Region Exempel – Uppföljning handlingsplan").font.size = Pt(7.5)
    title = document.add_paragraph()
    run = title.add_run("Uppföljning av handlingsplan 2024")
    run.bold = True
    run.font.size = Pt(16)
    document.add_paragraph("Uppföljningstillfälle 2024-05-15").runs[0].font.size = Pt(9)
    legend = document.add_table(rows=1, cols=2 * len(LEGEND))
    for index, (status, label) in enumerate(LEGEND):
        _set_cell_fill(legend.rows[0].cells[2 * index], WORD_STATUS[status])
        _write(legend.rows[0].cells[2 * index + 1], label, size=7.5)
    _set_widths(legend, (0.6, 3.0) * len(LEGEND))
    document.add_paragraph()  # tables with nothing between them would be joined into one
    return document


def _spacer(document: Document, height_pt: float) -> None:
    """Empty space above the table: moves the page break to the line the fixture is about."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(height_pt)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(" ").font.size = Pt(2)


def _word_table(document: Document, columns, widths):
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles["Table Grid"]
    for cell, name in zip(table.rows[0].cells, columns, strict=False):
        _set_cell_fill(cell, HEADER_FILL)
        _write(cell, name, bold=True, size=8.5)
    _mark_header_row(table)
    return table


def _word_row(table, row: Row, *, with_area: bool, keep_whole: bool = False, blank_lines: int = 0) -> None:
    added = table.add_row()
    if keep_whole:
        # Word's "Allow row to break across pages" switched off: the row moves to the next page whole.
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    cells = added.cells
    values = ((row.area,) if with_area else ()) + (row.goal, row.action, row.deadline, row.responsible)
    for cell, value in zip(cells, values, strict=False):
        _write(cell, value)
    offset = len(values)
    _set_cell_fill(cells[offset], WORD_STATUS[row.status])
    _write(cells[offset + 1], row.follow_up)
    _write(cells[offset + 2], row.new_deadline)
    for _ in range(blank_lines):
        # Empty paragraphs left at the end of the comment, as authors do: the row runs on below its text.
        cells[offset + 1].add_paragraph().paragraph_format.space_after = Pt(0)


def _word_group_row(table, name: str, *, open_sides: bool = False) -> None:
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    _set_cell_fill(merged, GROUP_FILL)
    _write(merged, name, bold=True, size=9)
    if open_sides:
        # The group row's left and right borders removed: a band of shading across the table.
        borders = OxmlElement("w:tcBorders")
        for side in ("left", "right"):
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:val"), "nil")
            borders.append(edge)
        merged._tc.get_or_add_tcPr().append(borders)


def _export_word(document: Document, pdf: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as work:
        docx_path = Path(work) / f"{pdf.stem}.docx"
        document.save(docx_path)
        profile = Path(work, "profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", work, str(docx_path)], check=True, capture_output=True, timeout=300,
                       env=dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH)))
        shutil.copyfile(Path(work) / f"{pdf.stem}.pdf", pdf)
    pin_metadata(pdf, EPOCH)


def group_rows_word(pdf: Path, *, open_sides: bool = False) -> None:
    document = _word_document(12.5)
    _spacer(document, SPACERS["group-rows-word"])
    table = _word_table(document, WORD_COLUMNS, WORD_WIDTHS_CM)
    for name, rows in GROUPS:
        _word_group_row(table, f"Område: {name}", open_sides=open_sides)
        for row in rows:
            _word_row(table, row, with_area=False)
    _set_widths(table, WORD_WIDTHS_CM)
    _export_word(document, pdf)


LONG = Row(
    "Stärkt informationssäkerhet i vården",
    "Utbilda all personal i informationssäkerhet och behörighetsstyrning",
    "2024-09-30", "Informationssäkerhetssamordnare", "in_progress",
    "Utbildningen är genomförd på fyra av sex enheter.\n"
    "Loggkontroller görs varje månad och avvikelser rapporteras till ledningsgruppen.\n"
    "Behörigheterna i journalsystemet ses över inför årsskiftet.\n"
    "Arbetet med Informationssäkerhet har försenats av sjukskrivningar.\n"
    "Enheterna på Lasarettet följer upp i september.",
    "2024-12-31", area="Informationssäkerhet",
)
DATES = Row(
    "Samverkan med primärvården", "Gemensamma rutiner vid remiss",
    "Etapp 1\n2024-03-31\nEtapp 2\n2024-06-30\nEtapp 3\n2024-09-30\nEtapp 4\n2024-12-31",
    "Verksamhetschef", "in_progress", "Etapp 1 klar.",
    "Etapp 2\n2024-08-31\nEtapp 3\n2024-10-31\nEtapp 4\n2025-01-31", area="Samverkan",
)


def _split_report(pdf: Path, rows: tuple[Row, ...], page_height_cm: float, spacer_pt: float,
                  keep_whole: bool = False) -> None:
    document = _word_document(page_height_cm)
    _spacer(document, spacer_pt)
    table = _word_table(document, AREA_COLUMNS, AREA_WIDTHS_CM)
    for row in rows:
        _word_row(table, row, with_area=True, keep_whole=keep_whole)
    _set_widths(table, AREA_WIDTHS_CM)
    _export_word(document, pdf)


FIRST = Row("Färre fall på avdelningarna", "Fallriskbedömning vid inskrivning", "2024-03-31",
            "Avdelningschef", "delayed", "Bedömningen saknas i var tredje journal.", "2024-10-31",
            area="Patientsäkerhet")
LAST = Row("Handledning av studenter", "Utbilda fler handledare", "2024-09-30", "Studierektor", "done",
           "Tolv nya handledare.", area="Kompetens")


def split_after_one_line(pdf: Path) -> None:
    _split_report(pdf, (FIRST, LONG, LAST), 12.0, SPACERS["split-after-one-line"])


def split_mid_word(pdf: Path) -> None:
    _split_report(pdf, (FIRST, LONG, LAST), 12.0, SPACERS["split-mid-word"])


def split_only_comment_continues(pdf: Path) -> None:
    _split_report(pdf, (FIRST, LONG, LAST), 12.0, SPACERS["split-only-comment-continues"])


def split_only_dates_continue(pdf: Path) -> None:
    _split_report(pdf, (FIRST, DATES, LAST), 12.0, SPACERS["split-only-dates-continue"])


def split_only_status_colour(pdf: Path) -> None:
    """The comment of the middle row ends in empty paragraphs; the break falls among them, so only
    the row's cell borders and its status colour run on to page 2."""
    document = _word_document(12.0)
    _spacer(document, SPACERS["split-only-status-colour"])
    table = _word_table(document, AREA_COLUMNS, AREA_WIDTHS_CM)
    _word_row(table, FIRST, with_area=True)
    _word_row(table, LONG, with_area=True, blank_lines=4)
    _word_row(table, LAST, with_area=True)
    _set_widths(table, AREA_WIDTHS_CM)
    _export_word(document, pdf)


def split_over_three_pages(pdf: Path) -> None:
    """A row whose comment is long enough to run over two page breaks."""
    very_long = Row(**{**LONG.__dict__, "follow_up": "\n".join([LONG.follow_up] * 7)})
    _split_report(pdf, (FIRST, very_long, LAST), 12.0, SPACERS["split-over-three-pages"])


def split_in_merged_area(pdf: Path) -> None:
    """Three rows share one vertically merged Område cell; the second breaks over the page, and the
    merged cell runs on to page 2 without its text being printed again."""
    document = _word_document(12.0)
    _spacer(document, SPACERS["split-in-merged-area"])
    table = _word_table(document, AREA_COLUMNS, AREA_WIDTHS_CM)
    rows = (FIRST, LONG, LAST)
    for index, row in enumerate(rows):
        _word_row(table, Row(**{**row.__dict__, "area": "Patientsäkerhet och informationssäkerhet" if index == 0 else ""}),
                  with_area=True)
    table.cell(1, 0).merge(table.cell(len(rows), 0))
    _set_widths(table, AREA_WIDTHS_CM)
    _export_word(document, pdf)


SHORT = Row("Wifi", "Nya accesspunkter", "2024-06-30", "IT-chef", "done", "Klart.", area="IT")


def short_row_moved_word(pdf: Path) -> None:
    """Rows that may not break (Word's cantSplit): a one-line row opens page 2 after a full page."""
    _split_report(pdf, (FIRST, LONG, LAST, SHORT, FIRST), 12.0, SPACERS["short-row-moved-word"], keep_whole=True)


# Space above the table (pt) that puts each break where the fixture's name says.
SPACERS = {
    "split-after-one-line": 105.0,
    "split-mid-word": 95.0,
    "split-only-comment-continues": 50.0,
    "split-only-dates-continue": 100.0,
    "short-row-moved-word": 20.0,
    "split-only-status-colour": 25.0,
    "split-over-three-pages": 0.0,
    "split-in-merged-area": 105.0,
    "group-rows-word": 10.0,
}


def rotated_landscape(pdf: Path) -> None:
    """A landscape report, then each page stored portrait and turned by /Rotate 90 for display."""
    document = _word_document(15.0)
    table = _word_table(document, AREA_COLUMNS, AREA_WIDTHS_CM)
    for name, rows in GROUPS:
        for row in rows:
            _word_row(table, Row(**{**row.__dict__, "area": name}), with_area=True)
    _set_widths(table, AREA_WIDTHS_CM)
    _export_word(document, pdf)
    store_portrait_rotated(pdf)


def store_portrait_rotated(pdf: Path) -> None:
    """Rewrite each landscape page as a portrait page whose content is turned a quarter anticlockwise
    and which carries /Rotate 90, so a viewer shows it exactly as before."""
    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        for page in document.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            width, height = x1 - x0, y1 - y0
            # /Rotate 90 shows the page turned a quarter clockwise, so the content is stored turned a
            # quarter anticlockwise: (x, y) → (height - (y - y0), x - x0) in a height × width box.
            turn = f"q 0 1 -1 0 {height + y0} {-x0} cm\n".encode()
            page.contents_add(pikepdf.Stream(document, turn), prepend=True)
            page.contents_add(pikepdf.Stream(document, b"\nQ\n"))
            page.mediabox = [0, 0, height, width]
            if "/CropBox" in page.obj:
                del page.obj["/CropBox"]
            page.obj["/Rotate"] = 90
        document.save(pdf, deterministic_id=True)


# --- Web (HTML → WeasyPrint / Chromium) -----------------------------------------------------------

WEB_STYLE = """
@page { size: 210mm %(height)s; margin: 14mm 12mm 14mm 12mm;
        @top-left { content: "Region Exempel – Uppföljning"; font-size: 7pt; color: #555; }
        @bottom-center { content: "Sida " counter(page); font-size: 7pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 7.4pt; line-height: 1.25; color: #222; }
h1 { font-size: 14pt; margin: 0 0 2mm 0; }
p { margin: 0; }
table.activities { width: 100%%; border-collapse: collapse; table-layout: fixed; }
table.activities th { text-align: left; border-bottom: 1.2pt solid #004b87; padding: 1.2mm 1mm; }
table.activities td { border-bottom: 0.5pt solid #9aa5b1; padding: 1.2mm 1mm; vertical-align: top;
                      hyphens: auto; }
tr.group td { background: #E6E6E6; font-weight: bold; font-size: 8pt; }
.dot { display: inline-block; width: 3mm; height: 3mm; border-radius: 50%%; }
%(extra)s
"""
WEB_COLUMNS = ("Mål", "Aktivitet", "Tidplan", "Ansvarig", "Status", "Kommentar", "Ny tidplan")
WEB_WIDTHS = (15, 20, 10, 13, 6, 26, 10)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())


def _html_report(rows_html: str, *, height: str, extra_style: str = "", marker=None) -> str:
    head = "".join(f'<th style="width: {w}%">{escape(c)}</th>' for c, w in zip(WEB_COLUMNS, WEB_WIDTHS, strict=False))
    legend = " ".join(f"{marker(status)} {label}" for status, label in LEGEND)
    style = WEB_STYLE % {"height": height, "extra": extra_style}
    return (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><style>{style}</style></head><body>'
            f"<h1>Uppföljning av handlingsplan 2024</h1><p>Uppföljningstillfälle 2024-05-15</p>"
            f"<p>STATUS {legend}</p><br>"
            f'<table class="activities"><thead><tr>{head}</tr></thead><tbody>{rows_html}</tbody></table>'
            f"</body></html>")


def _html_row(row: Row, marker) -> str:
    cells = [row.goal, row.action, row.deadline, row.responsible]
    html = "".join(f"<td>{_paragraphs(c)}</td>" for c in cells)
    html += f"<td>{marker(row.status)}</td><td>{_paragraphs(row.follow_up)}</td><td>{_paragraphs(row.new_deadline)}</td>"
    return f"<tr>{html}</tr>"


def _dot(status: str) -> str:
    return f'<span class="dot" style="background: {WEB_STATUS[status]}"></span>'


def _glyph(status: str) -> str:
    return f'<span style="color: {WEB_STATUS[status]}; font-size: 12pt">\u25cf</span>'


def _grouped_rows_html(marker, label: str) -> str:
    out = []
    for name, rows in GROUPS:
        out.append(f'<tr class="group"><td colspan="{len(WEB_COLUMNS)}">{escape(label + name)}</td></tr>')
        out += [_html_row(row, marker) for row in rows]
    return "".join(out)


def _weasyprint(html: str, pdf: Path) -> None:
    import weasyprint

    os.environ["SOURCE_DATE_EPOCH"] = str(EPOCH)
    weasyprint.HTML(string=html).write_pdf(pdf)
    pin_metadata(pdf, EPOCH)


def group_rows_word_open_sides(pdf: Path) -> None:
    group_rows_word(pdf, open_sides=True)


def group_rows_web(pdf: Path) -> None:
    _weasyprint(_html_report(_grouped_rows_html(_dot, ""), height="150mm", marker=_dot), pdf)


def split_orphans_web(pdf: Path) -> None:
    """The page breaks inside "Fler digitala vårdbesök": WeasyPrint's orphan control moves its
    two-line goal, action and responsible to page 2 whole; dates, status and one comment line stay."""
    _weasyprint(_html_report(_grouped_rows_html(_dot, ""), height="140mm", marker=_dot), pdf)


def whole_rows_moved(pdf: Path) -> None:
    rows = "".join(_html_row(row, _dot) for _, group in GROUPS for row in group)
    html = _html_report(rows, height="150mm", extra_style="tr { break-inside: avoid; }", marker=_dot)
    _weasyprint(html, pdf)


UNRULED_STYLE = """
table.activities th, table.activities td { border: none; padding: 0 2mm 3.4mm 0; }
tr.group td { background: none; padding-top: 2mm; }
"""


def group_rows_unruled(pdf: Path) -> None:
    _chromium(_unruled_html("160mm"), pdf)


def group_at_page_end_unruled(pdf: Path) -> None:
    """Chromium, no rules, the header an ordinary first row (printed once); two group rows fall
    last on their page, their activities on the next."""
    html = _unruled_html("120mm").replace("<thead>", "").replace("</thead><tbody>", "")
    _chromium(html, pdf)


def split_unruled(pdf: Path) -> None:
    """A rule-less Chromium report whose long middle row breaks over the page."""
    rows = "".join(_html_row(row, _glyph) for row in (FIRST, LONG_WEB, LAST))
    _chromium(_html_report(rows, height=UNRULED_SPLIT_HEIGHT, extra_style=UNRULED_STYLE, marker=_glyph), pdf)


def _unruled_html(height: str) -> str:
    return _html_report(_grouped_rows_html(_glyph, "Område: "), height=height, extra_style=UNRULED_STYLE,
                        marker=_glyph)


def _chromium(html: str, pdf: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="followup-chromium-") as work:
        page = Path(work) / "report.html"
        page.write_text(html, encoding="utf-8")
        out = Path(work) / "out.pdf"
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={Path(work) / 'profile'}", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", page.as_uri()],
                       check=True, capture_output=True, timeout=120, env=dict(os.environ, TZ="UTC", LANG="C.UTF-8"))
        shutil.copyfile(out, pdf)
    pin_metadata(pdf, EPOCH)


UNRULED_SPLIT_HEIGHT = "90mm"
# A row too tall to be moved whole: browsers break it. Chromium does not hyphenate, so its words are
# short enough for the narrow columns.
LONG_WEB = Row("Stärkt säkerhet för information i vården", "Utbilda all personal i säkerhet och behörigheter",
               LONG.deadline, "Säkerhetschef", LONG.status, LONG.follow_up + "\n" + LONG.follow_up,
               LONG.new_deadline)


FIXTURES = {
    "group-rows-word": group_rows_word,
    "group-rows-word-open-sides": group_rows_word_open_sides,
    "group-rows-web": group_rows_web,
    "group-rows-unruled": group_rows_unruled,
    "split-unruled": split_unruled,
    "group-at-page-end-unruled": group_at_page_end_unruled,
    "split-after-one-line": split_after_one_line,
    "split-mid-word": split_mid_word,
    "split-only-comment-continues": split_only_comment_continues,
    "split-only-dates-continue": split_only_dates_continue,
    "split-only-status-colour": split_only_status_colour,
    "split-over-three-pages": split_over_three_pages,
    "split-in-merged-area": split_in_merged_area,
    "whole-rows-moved": whole_rows_moved,
    "split-orphans-web": split_orphans_web,
    "short-row-moved-word": short_row_moved_word,
    "rotated-landscape": rotated_landscape,
}


def main(names: list[str]) -> None:
    for name in names or FIXTURES:
        FIXTURES[name](HERE / f"{name}.pdf")


if __name__ == "__main__":
    main(sys.argv[1:])
