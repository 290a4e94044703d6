"""Render the layout-quirk fixtures of tests/extract/test_extract_columns.py and
tests/normalize/test_status_and_highlighting.py, each made the way a real report is made.

| fixture | producer | quirk |
|---|---|---|
| status-first-two-line-header.pdf | WeasyPrint | Status first; Ansvarig (funktion), Klart senast, Kommentar/uppföljning, Sta-tus wrapped over two lines (header aligned to the bottom); no Område, no Mål; the completed table follows without a heading |
| status-first-two-line-header-chromium.pdf | Chromium | the same page, no rules, header cells aligned to the middle |
| status-first-two-line-header-word.pdf | python-docx → LibreOffice | the same tables in a full grid, header cells aligned to the top, Swedish automatic hyphenation |
| extra-columns-numbered.pdf | Chromium | Nr, Startdatum, Slutdatum, Prioritet, Beräknad kostnad: columns followup has no field for; no Mål, Område, Ny tid |
| extra-columns-numbered-grid.pdf | WeasyPrint | the same tables in a full grid |
| status-word-labels.pdf | Chromium | the status as a coloured label with a word (the word and the label's hue disagree on purpose), zebra rows, shaded header, no legend |
| theme-legend.pdf | python-docx → LibreOffice | legend of shaded cells with the label inside: blue Klart, green Pågår, orange Försenat; a yellow row in the done table |
| no-legend-hue.pdf | WeasyPrint | shaded status cells in green, amber and red, no legend anywhere |
| zebra-and-header-shading.pdf | python-docx → LibreOffice | dark header, every other row light blue, one yellow row in the done table |
| status-icons-png.pdf | python-docx → LibreOffice | the status as a PNG icon in the cell (theme colours: a blue check, a green triangle with a black "!", an orange cross), the legend one line of the same icons with their labels; LibreOffice stores each icon as a JPEG with an inverted soft mask |
| status-icons-png-web.pdf | WeasyPrint | the status as a PNG icon (<img>) in traffic-light colours, no legend; stored as Flate samples with a PNG predictor and a soft mask |

    PYTHONPATH=. python tests/extract/data/render_layout_quirks.py [FIXTURE.pdf ...]   (needs WeasyPrint, chromium, soffice)
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

import weasyprint
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt, RGBColor

from samples.browser_report import chromium
from samples.pdf_metadata import pin_metadata
from samples.status_icons import icon_data_uri, icon_png, icon_shape
from samples.word_report import _enable_swedish_hyphenation, _set_cell_fill, _set_widths

HERE = Path(__file__).parent
EPOCH = 1_700_000_000

# Rows: the printed cells by column header; "status" is what the status cell shows.
ACTIVE = [
    {"Område": "Tillgänglighet", "Mål": "Kortare väntetid till nybesök", "Åtgärd": "Inför webbtidbok för nybesök",
     "Ansvarig": "Enhetschef", "Tid": "2024-06-30", "Kommentar": "Webbtidboken är beställd och testas i maj tillsammans med två mottagningar innan den öppnas för alla patienter.",
     "Ny tid": "", "status": "in_progress", "Nr": "1", "Startdatum": "2024-01-15", "Prioritet": "Hög",
     "Kostnad": "120"},
    {"Område": "Patientsäkerhet", "Mål": "Färre fallskador", "Åtgärd": "Fallriskbedömning vid inskrivning",
     "Ansvarig": "Vårdenhetschef", "Tid": "2024-03-31", "Kommentar": "Rutinen är inte införd på avdelning 4, där bemanningen under vintern inte räckte till utbildningen.",
     "Ny tid": "2024-09-30", "status": "delayed", "Nr": "2", "Startdatum": "2023-11-01", "Prioritet": "Medel",
     "Kostnad": "40"},
    {"Område": "Digitalisering", "Mål": "Fler ärenden via 1177", "Åtgärd": "Basutbud i 1177 för alla mottagningar",
     "Ansvarig": "IT-samordnare", "Tid": "2024-12-31", "Kommentar": "Två av fem mottagningar är klara. Övriga tre följer under hösten enligt den reviderade planen.",
     "Ny tid": "", "status": "in_progress", "Nr": "3", "Startdatum": "2024-02-01", "Prioritet": "Låg",
     "Kostnad": "15"},
    {"Område": "Kompetens", "Mål": "Säkrad introduktion", "Åtgärd": "Introduktionsprogram för nya sjuksköterskor",
     "Ansvarig": "Enhetschef", "Tid": "2024-05-31", "Kommentar": "Programmet startade i mars med sex nya sjuksköterskor och utvärderas efter sommaren.",
     "Ny tid": "", "status": "done", "Nr": "4", "Startdatum": "2024-01-08", "Prioritet": "Hög",
     "Kostnad": "80"},
]
DONE = [
    {"Område": "Arbetsmiljö", "Mål": "Minskad sjukfrånvaro", "Åtgärd": "Hälsosamtal med alla medarbetare",
     "Ansvarig": "Enhetschef", "Tid": "2023-12-31", "Kommentar": "Samtalen är genomförda med samtliga medarbetare och sammanställningen är redovisad på APT.", "status": "done",
     "Nr": "5", "Startdatum": "2023-09-01", "Prioritet": "Medel", "Kostnad": "0"},
    {"Område": "Tillgänglighet", "Mål": "Telefontider som hålls", "Åtgärd": "Tidsbokning via telefon med återuppringning",
     "Ansvarig": "Vårdadministratör", "Tid": "2024-02-29", "Kommentar": "Infört i februari. Väntetiden i telefon har halverats sedan införandet enligt mätningen i mars.", "status": "done",
     "Nr": "6", "Startdatum": "2023-10-01", "Prioritet": "Hög", "Kostnad": "60"},
]
STATUS_DOT = {"done": "#00B050", "in_progress": "#FFC000", "delayed": "#E03C31"}

HTML_PAGE = """<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><style>
@page {{ size: A4 landscape; margin: 15mm; }}
body {{ font-family: "Liberation Sans", sans-serif; font-size: 8.5pt; line-height: 1.3; color: #222; }}
h1 {{ font-size: 15pt; margin: 0 0 3mm 0; }} h2 {{ font-size: 11pt; margin: 5mm 0 2mm 0; }}
p {{ margin: 0; }}
table {{ border-collapse: collapse; table-layout: fixed; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: 1.5mm 2mm 2.5mm 0; hyphens: auto; }}
.dot {{ display: inline-block; width: 3mm; height: 3mm; border-radius: 50%; }}
.glyph {{ font-size: 12pt; line-height: 1; }}
.legend span {{ margin-right: 6mm; }}
{style}
</style></head><body><h1>{title}</h1><p>Uppföljning 2024-04-15</p>{body}</body></html>"""


def html_table(columns: list[tuple[str, str, float]], rows: list[dict], cell, *, row_class=None) -> str:
    """A table of columns (header as printed in HTML, row key, width in per cent)."""
    head = "".join(f'<th style="width:{w}%">{h}</th>' for h, _, w in columns)
    body = []
    for i, row in enumerate(rows):
        css = f' class="{row_class(i, row)}"' if row_class and row_class(i, row) else ""
        body.append(f"<tr{css}>" + "".join(f"<td>{cell(key, row)}</td>" for _, key, _ in columns) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def plain_cell(marker):
    def cell(key: str, row: dict) -> str:
        return marker(row["status"]) if key == "status" else escape(row.get(key, ""))
    return cell


def dot(status: str) -> str:
    return f'<span class="dot" style="background:{STATUS_DOT[status]}"></span>'


def glyph(status: str) -> str:
    return f'<span class="glyph" style="color:{STATUS_DOT[status]}">\u25cf</span>'


def weasyprint_pdf(html: str, name: str) -> None:
    os.environ["SOURCE_DATE_EPOCH"] = str(EPOCH)
    weasyprint.HTML(string=html, base_url=str(HERE)).write_pdf(HERE / name)


def chromium_pdf(html: str, name: str) -> None:
    with tempfile.TemporaryDirectory(prefix="followup-chromium-") as work:
        page = Path(work) / "page.html"
        page.write_text(html, encoding="utf-8")
        out = Path(work) / "out.pdf"
        command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={Path(work) / 'profile'}", "--no-pdf-header-footer",
                   f"--print-to-pdf={out}", page.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=120,
                       env=dict(os.environ, TZ="UTC", LANG="C.UTF-8"))
        shutil.copyfile(out, HERE / name)
    pin_metadata(HERE / name, EPOCH)


def libreoffice_pdf(document, name: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as work:
        docx_path = Path(work) / f"{Path(name).stem}.docx"
        document.save(docx_path)
        subprocess.run([soffice, f"-env:UserInstallation={Path(work, 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", work, str(docx_path)],
                       check=True, capture_output=True, timeout=300, env=dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH)))
        shutil.copyfile(Path(work) / f"{Path(name).stem}.pdf", HERE / name)
    pin_metadata(HERE / name, EPOCH)


# ------------------------------------------------------------------ the HTML fixtures

# Narrow tables: the headers of the narrow columns wrap. WeasyPrint hyphenates ("Kommentar/uppfölj-"
# "ning"); Chromium has no hyphenation here, so its Kommentar column is wider.
STATUS_FIRST = {
    "weasyprint": ("130mm", [("Status", "status", 6), ("Åtgärd", "Åtgärd", 34), ("Ansvarig (funktion)", "Ansvarig", 17),
                             ("Klart senast", "Tid", 11), ("Kommentar/uppföljning", "Kommentar", 22),
                             ("Ny tid", "Ny tid", 10)]),
    "chromium": ("150mm", [("Status", "status", 6), ("Åtgärd", "Åtgärd", 28), ("Ansvarig (funktion)", "Ansvarig", 15),
                           ("Klart senast", "Tid", 10), ("Kommentar/uppföljning", "Kommentar", 30),
                           ("Ny tid", "Ny tid", 11)]),
}


def status_first(producer: str, *, vertical: str, rules: bool) -> str:
    width, columns = STATUS_FIRST[producer]
    style = (f"table {{ width: {width}; }} th {{ vertical-align: {vertical}; font-weight: bold; }}"
             + (" th { border-bottom: 1pt solid #333; } td { border-bottom: 0.5pt solid #999; }" if rules else ""))
    # The status column is too narrow for "Status": the browser breaks it where the author allowed.
    columns = [("Sta\u00adtus" if h == "Status" else h, k, w) for h, k, w in columns]
    legend = ('<p class="legend">' + "".join(f"<span>{dot(s)} {label}</span>" for s, label in
              (("done", "Klart"), ("in_progress", "Pågår"), ("delayed", "Försenat"))) + "</p>")
    body = (f"<h2>Aktiviteter</h2>{legend}" + html_table(columns, ACTIVE, plain_cell(dot))
            + '<p style="margin-top:6mm">&nbsp;</p>'
            + html_table(columns[:-1], DONE, plain_cell(dot)))
    return HTML_PAGE.format(style=style, title="Handlingsplan vårdavdelning 4", body=body)


EXTRA_COLUMNS = [("Nr", "Nr", 4), ("Åtgärd", "Åtgärd", 22), ("Ansvarig", "Ansvarig", 12),
                 ("Startdatum", "Startdatum", 9), ("Slutdatum", "Tid", 9), ("Prioritet", "Prioritet", 8),
                 ("Beräknad kostnad (tkr)", "Kostnad", 9), ("Status", "status", 6), ("Kommentar", "Kommentar", 21)]


def extra_columns(*, grid: bool = False) -> str:
    style = ("th { font-weight: bold; } td, th { border: 0.5pt solid #444; padding: 1mm; box-sizing: border-box; }"
             if grid
             else "th { font-weight: bold; } td, th { padding: 0 3mm 3mm 0; }")
    body = ("<h2>Aktiviteter</h2>" + html_table(EXTRA_COLUMNS, ACTIVE, plain_cell(glyph))
            + "<h2>Genomförda aktiviteter</h2>" + html_table(EXTRA_COLUMNS, DONE, plain_cell(glyph)))
    return HTML_PAGE.format(style=style, title="Verksamhetsplan, handlingsplan", body=body)


# A label's colour is the house style, not the status: green means "on track" here.
WORD_LABELS = [("Klar", "#2E7D32"), ("Enligt plan", "#2E7D32"), ("Försenad", "#F0A020"), ("Ej påbörjad", "#B0B0B0")]
LABEL_COLUMNS = [("Område", "Område", 12), ("Aktivitet", "Åtgärd", 24), ("Ansvarig", "Ansvarig", 13),
                 ("Tidplan", "Tid", 9), ("Status", "status", 11), ("Kommentar", "Kommentar", 31)]


def status_word_labels() -> str:
    rows = [dict(row, label=WORD_LABELS[i % len(WORD_LABELS)]) for i, row in enumerate(ACTIVE + DONE + ACTIVE)]

    def cell(key: str, row: dict) -> str:
        if key == "status":
            word, colour = row["label"]
            return f'<span class="label" style="background:{colour}">{word}</span>'
        return escape(row.get(key, ""))

    style = ("th { background: #1F4E79; color: white; font-weight: bold; padding: 1.5mm 2mm; }"
             " td { padding: 1.5mm 2mm; } tbody tr:nth-child(even) td { background: #D6E9F8; }"
             " .label { color: white; font-weight: bold; padding: 0.5mm 1.5mm; border-radius: 1mm; }")
    body = "<h2>Aktiviteter</h2>" + html_table(LABEL_COLUMNS, rows, cell)
    return HTML_PAGE.format(style=style, title="Uppföljning av handlingsplan", body=body)


HUE_COLUMNS = [("Område", "Område", 11), ("Mål", "Mål", 14), ("Åtgärd", "Åtgärd", 18), ("Tid", "Tid", 8),
               ("Ansvarig", "Ansvarig", 11), ("Status", "status", 6), ("Uppföljning", "Kommentar", 24),
               ("Ny tid", "Ny tid", 8)]


def no_legend_hue() -> str:
    def cell(key: str, row: dict) -> str:
        return "" if key == "status" else escape(row.get(key, ""))

    cells = "".join(f"tbody tr:nth-child({i + 1}) td:nth-child(6) {{ background: {STATUS_DOT[row['status']]}; }} "
                    for i, row in enumerate(ACTIVE))
    style = "th, td { border: 0.5pt solid #555; padding: 1mm; } th { font-weight: bold; } " + cells
    body = "<h2>Aktiviteter</h2>" + html_table(HUE_COLUMNS, ACTIVE, cell)
    return HTML_PAGE.format(style=style, title="Handlingsplan", body=body)


# ------------------------------------------------------------------ the Word fixtures

THEME = {"done": "4472C4", "in_progress": "70AD47", "delayed": "ED7D31"}
WORD_COLUMNS = ["Område", "Mål", "Aktivitet", "Slutdatum", "Ansvarig", "Status", "Kommentar", "Ny tid"]
WORD_KEYS = ["Område", "Mål", "Åtgärd", "Tid", "Ansvarig", "status", "Kommentar", "Ny tid"]
WORD_WIDTHS = (2.6, 3.4, 4.2, 2.2, 2.8, 1.4, 6.8, 2.0)


def word_document(title: str):
    document = Document()
    _enable_swedish_hyphenation(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.8)
    run = document.add_paragraph().add_run(title)
    run.bold, run.font.size = True, Pt(16)
    document.add_paragraph("Uppföljning 2024-04-15")
    return document


def write(cell, text: str, *, bold=False, colour=None) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    run.font.size = Pt(8.5)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)


def word_table(document, rows: list[dict], *, done: bool, status_fill, row_fill, header_fill: str,
               header_colour=None) -> None:
    columns = WORD_COLUMNS[:-1] if done else WORD_COLUMNS
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles["Table Grid"]
    for cell, name in zip(table.rows[0].cells, columns, strict=False):
        _set_cell_fill(cell, header_fill)
        write(cell, name, bold=True, colour=header_colour)
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        shade = row_fill(i, row)
        for cell, key in zip(cells, WORD_KEYS, strict=False):
            if key == "status":
                _set_cell_fill(cell, status_fill(row))
                continue
            if shade:
                _set_cell_fill(cell, shade)
            write(cell, row.get(key, ""))
    _set_widths(table, WORD_WIDTHS[: len(columns)])


def theme_legend():
    document = word_document("Handlingsplan medicinkliniken")
    document.add_paragraph("Statusförklaring")
    legend = document.add_table(rows=1, cols=3)
    for cell, (status, label) in zip(legend.rows[0].cells,
                                     (("done", "Klart"), ("in_progress", "Pågår"), ("delayed", "Försenat")), strict=False):
        _set_cell_fill(cell, THEME[status])
        write(cell, label, bold=True, colour="FFFFFF")
    _set_widths(legend, (2.5, 2.5, 2.5))
    document.add_paragraph("Aktiviteter")
    word_table(document, ACTIVE, done=False, status_fill=lambda r: THEME[r["status"]], row_fill=lambda i, r: None,
               header_fill="D9D9D9")
    document.add_paragraph("Klara aktiviteter")
    done = DONE + [dict(row, status="done") for row in ACTIVE[:3]]
    word_table(document, done, done=True, status_fill=lambda r: THEME[r["status"]],
               row_fill=lambda i, r: "FFFF00" if i == 1 else None, header_fill="D9D9D9")
    return document


def status_first_word():
    """The status-first tables as a Word document: narrow columns, so the header cells wrap."""
    document = word_document("Handlingsplan vårdavdelning 4")
    document.add_paragraph("Aktiviteter")
    headers = ["Status", "Åtgärd", "Ansvarig (funktion)", "Klart senast", "Kommentar/uppföljning", "Ny tid"]
    keys = ["status", "Åtgärd", "Ansvarig", "Tid", "Kommentar", "Ny tid"]
    widths = (1.1, 5.0, 2.2, 1.6, 8.0, 1.8)
    for rows, count in ((ACTIVE, 6), (DONE, 5)):
        table = document.add_table(rows=1, cols=count)
        table.style = document.styles["Table Grid"]
        for cell, name in zip(table.rows[0].cells, headers, strict=False):
            write(cell, name, bold=True)
        for row in rows:
            for cell, key in zip(table.add_row().cells, keys, strict=False):
                if key == "status":
                    _set_cell_fill(cell, STATUS_DOT[row["status"]].lstrip("#"))
                else:
                    write(cell, row.get(key, ""))
        _set_widths(table, widths[:count])
        document.add_paragraph()
    return document


ZEBRA = "D9E2F3"


def zebra_and_header_shading():
    document = word_document("Handlingsplan kirurgkliniken")
    document.add_paragraph("Aktiviteter")
    hue = {"done": "00B050", "in_progress": "FFC000", "delayed": "FF0000"}
    word_table(document, ACTIVE + ACTIVE, done=False, status_fill=lambda r: hue[r["status"]],
               row_fill=lambda i, r: ZEBRA if i % 2 else None, header_fill="1F3864", header_colour="FFFFFF")
    document.add_paragraph("Klara aktiviteter")
    done = [dict(row, status="done") for row in DONE + ACTIVE + DONE]
    word_table(document, done, done=True, status_fill=lambda r: hue[r["status"]],
               row_fill=lambda i, r: "FFFF00" if i == 2 else (ZEBRA if i % 2 else None),
               header_fill="1F3864", header_colour="FFFFFF")
    return document


ICON_CM = 0.34


def icon_run(paragraph, status: str, colour: str) -> None:
    """The status's icon (samples/status_icons.py) as an inline picture (Insert > Picture)."""
    paragraph.add_run().add_picture(io.BytesIO(icon_png(icon_shape(status, "symbols"), colour)),
                                    width=Cm(ICON_CM), height=Cm(ICON_CM))


def status_icons_word():
    """Theme colours, so only the legend tells that blue is done; the legend is one line of icons and labels."""
    document = word_document("Handlingsplan medicinkliniken")
    legend = document.add_paragraph()
    legend.add_run("Status: ").font.size = Pt(8.5)
    for status, label in (("done", "Klart"), ("in_progress", "Pågår"), ("delayed", "Försenat")):
        icon_run(legend, status, THEME[status])
        legend.add_run(f" {label}\t").font.size = Pt(8.5)
    document.add_paragraph("Aktiviteter")
    columns = WORD_COLUMNS
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles["Table Grid"]
    for cell, name in zip(table.rows[0].cells, columns, strict=False):
        _set_cell_fill(cell, "D9D9D9")
        write(cell, name, bold=True)
    for row in ACTIVE:
        for cell, key in zip(table.add_row().cells, WORD_KEYS, strict=False):
            if key == "status":
                icon_run(cell.paragraphs[0], row["status"], THEME[row["status"]])
            else:
                write(cell, row.get(key, ""))
    _set_widths(table, WORD_WIDTHS)
    return document


def status_icons_web() -> str:
    def cell(key: str, row: dict) -> str:
        if key != "status":
            return escape(row.get(key, ""))
        uri = icon_data_uri(icon_shape(row["status"], "symbols"), STATUS_DOT[row["status"]].lstrip("#"))
        return f'<img alt="" style="width:3.4mm;height:3.4mm" src="{uri}">'

    style = "th, td { border-bottom: 0.5pt solid #555; padding: 1mm; } th { font-weight: bold; }"
    body = "<h2>Aktiviteter</h2>" + html_table(HUE_COLUMNS, ACTIVE, cell)
    return HTML_PAGE.format(style=style, title="Handlingsplan", body=body)


def main(names: list[str]) -> None:
    """Render the fixtures named (all of them without names)."""
    fixtures = {
        "status-first-two-line-header.pdf": lambda name: weasyprint_pdf(
            status_first("weasyprint", vertical="bottom", rules=True), name),
        "status-first-two-line-header-chromium.pdf": lambda name: chromium_pdf(
            status_first("chromium", vertical="middle", rules=False), name),
        "status-first-two-line-header-word.pdf": lambda name: libreoffice_pdf(status_first_word(), name),
        "extra-columns-numbered.pdf": lambda name: chromium_pdf(extra_columns(), name),
        "extra-columns-numbered-grid.pdf": lambda name: weasyprint_pdf(extra_columns(grid=True), name),
        "status-word-labels.pdf": lambda name: chromium_pdf(status_word_labels(), name),
        "no-legend-hue.pdf": lambda name: weasyprint_pdf(no_legend_hue(), name),
        "theme-legend.pdf": lambda name: libreoffice_pdf(theme_legend(), name),
        "zebra-and-header-shading.pdf": lambda name: libreoffice_pdf(zebra_and_header_shading(), name),
        "status-icons-png.pdf": lambda name: libreoffice_pdf(status_icons_word(), name),
        "status-icons-png-web.pdf": lambda name: weasyprint_pdf(status_icons_web(), name),
    }
    for name in names or fixtures:
        fixtures[name](name)


if __name__ == "__main__":
    main(sys.argv[1:])
