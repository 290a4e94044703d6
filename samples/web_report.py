"""Render a report the way a web-based follow-up system exports it: HTML printed by WeasyPrint,
portrait A4, Swedish hyphenation by CSS, horizontal rules only and the status as a coloured dot."""
from __future__ import annotations

import os
from html import escape
from pathlib import Path

from samples.html_page import layout_style, legend_entries, page_margin, page_size, status_cell_html
from samples.html_table import activity_table_html, section_tables_html, text_html
from samples.layout import Layout, table_columns
from samples.model import Activity, Report
from samples.page_rotation import rotate_to_portrait
from samples.pdf_metadata import pin_metadata
from samples.producer_look import WEB_COLUMNS, WEB_PALETTE

OWN_PALETTE = WEB_PALETTE
OWN_STATUS_STYLE = "dot"
PAGE_SIZE = "A4 portrait"
PAGE_MARGIN = "18mm 12mm 16mm 12mm"
FONT_SIZE = "7.4pt"
ACTIVE_COLUMNS = WEB_COLUMNS
# Per cent of the table width; narrow, so long compounds break.
ACTIVE_WIDTHS = (10, 12, 13, 8, 12, 5, 30, 10)
DONE_WIDTHS = (11, 14, 14, 8, 13, 5, 35)

STYLE = """
@page { size: %(size)s; margin: %(margin)s;
        @top-left { content: "%(header)s"; font-size: 7pt; color: #555; }
        @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-size: 7pt; } }
@page { font-family: "DejaVu Sans", sans-serif; }
body { font-family: "DejaVu Sans", sans-serif; font-size: %(font)s; line-height: 1.25; color: #222; }
h1 { font-size: 15pt; color: #004b87; margin: 0 0 2mm 0; }
h2 { font-size: 10.5pt; color: #004b87; margin: 6mm 0 2mm 0; }
.period { font-size: 9pt; margin: 0 0 3mm 0; }
p { margin: 0; }
p.gap { margin-top: 1.6mm; }
td, th { hyphens: auto; }
table.activities { width: 100%%; border-collapse: collapse; table-layout: fixed; }
table.activities th { text-align: left; font-weight: bold; border-bottom: 1.2pt solid #004b87;
                      padding: 1.2mm 1mm; vertical-align: bottom; }
table.activities td { border-bottom: 0.5pt solid #9aa5b1; padding: 1.2mm 1mm; vertical-align: top; }
tr.highlighted td { background: #FFFF66; }
td.status { text-align: center; }
.dot { display: inline-block; width: 3.2mm; height: 3.2mm; border-radius: 50%%; margin-top: 0.3mm; }
table.nested { border-collapse: collapse; margin: 1mm 0; }
table.nested td { border: 0.4pt solid #9aa5b1; padding: 0.4mm 1mm; font-size: 6.8pt; hyphens: manual; }
table.legend td { padding: 0.4mm 1.5mm 0.4mm 0; font-size: 7pt; }
.legend-title { font-weight: bold; font-size: 7pt; margin-top: 2mm; }
%(layout)s"""



def _table(activities: tuple[Activity, ...], layout: Layout, *, done: bool) -> str:
    style = layout.status_style_or(OWN_STATUS_STYLE)
    colours = layout.palette_or(OWN_PALETTE)
    columns, widths = table_columns(layout, ACTIVE_COLUMNS, ACTIVE_WIDTHS, DONE_WIDTHS, done=done)
    return section_tables_html(activities, layout, lambda run: activity_table_html(
        run, columns=columns, widths=widths, layout=layout,
        status_cell=lambda status: status_cell_html(layout, style, colours, status)))


def _legend(layout: Layout) -> str:
    entries = legend_entries(layout, layout.status_style_or(OWN_STATUS_STYLE),
                             layout.palette_or(OWN_PALETTE))
    if not entries:
        return ""
    rows = "".join(f"<tr><td>{marker}</td><td>{label}</td></tr>" for marker, label in entries)
    return f'<p class="legend-title">STATUS</p><table class="legend">{rows}</table>'


def build_html(report: Report, layout: Layout = Layout()) -> str:
    """The report as the web system's print view."""
    parts = [
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="period">{escape(report.period_line)}</p>',
        text_html(report.intro),
        _legend(layout),
        "<h2>Aktiviteter</h2>",
        _table(report.active, layout, done=False),
    ]
    if report.done:
        parts += ["<h2>Klara aktiviteter</h2>", text_html(report.done_intro),
                  _table(report.done, layout, done=True)]
    style = STYLE % {"header": report.running_header.replace('"', "'"),
                     "size": page_size(layout, PAGE_SIZE),
                     "margin": page_margin(layout, PAGE_MARGIN),
                     "font": f"{layout.font_pt:g}pt" if layout.font_pt else FONT_SIZE,
                     "layout": layout_style(layout)}
    return (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
            f"<title>{escape(report.title)}</title><style>{style}</style></head>"
            f"<body>{''.join(parts)}</body></html>")


def render_web(report: Report, pdf_path: Path, source_date_epoch: int,
               layout: Layout = Layout()) -> None:
    """Print the report's HTML to PDF with WeasyPrint."""
    from weasyprint import HTML

    # fontTools stamps each font subset with the clock time unless SOURCE_DATE_EPOCH is set.
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    try:
        HTML(string=build_html(report, layout)).write_pdf(pdf_path)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    pin_metadata(pdf_path, source_date_epoch)
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
