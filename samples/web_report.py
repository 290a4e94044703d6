"""Render a report the way a web-based follow-up system exports it: HTML printed by WeasyPrint,
portrait A4, Swedish hyphenation by CSS, horizontal rules only and the status as a coloured dot."""
from __future__ import annotations

import os
from html import escape
from pathlib import Path

from samples.html_table import activity_table_html, text_html
from samples.model import Activity, Report
from samples.pdf_metadata import pin_metadata

# The web system's own shades; its legend shows the same ones.
STATUS_COLOUR = {"done": "#92D050", "in_progress": "#FFC000", "delayed": "#C00000"}
LEGEND = (("done", "KLART"), ("in_progress", "ARBETE PÅGÅR"), ("delayed", "FÖRSENAT"))
ACTIVE_COLUMNS = ("Område", "Mål", "Aktivitet", "Tidplan", "Ansvarig", "Status", "Kommentar",
                  "Ny tidplan")
# Per cent of the table width; narrow, so long compounds break.
ACTIVE_WIDTHS = (10, 12, 13, 8, 12, 5, 30, 10)
DONE_WIDTHS = (11, 14, 14, 8, 13, 5, 35)

STYLE = """
@page { size: A4 portrait; margin: 18mm 12mm 16mm 12mm;
        @top-left { content: "%(header)s"; font-size: 7pt; color: #555; }
        @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-size: 7pt; } }
@page { font-family: "DejaVu Sans", sans-serif; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 7.4pt; line-height: 1.25; color: #222; }
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
"""



def _dot(status: str) -> str:
    return f'<span class="dot" style="background: {STATUS_COLOUR[status]}"></span>'




def _table(activities: tuple[Activity, ...], *, done: bool) -> str:
    return activity_table_html(
        activities, columns=ACTIVE_COLUMNS[:-1] if done else ACTIVE_COLUMNS,
        widths=DONE_WIDTHS if done else ACTIVE_WIDTHS, done=done, status_marker=_dot)

def _legend() -> str:
    rows = "".join(f"<tr><td>{_dot(status)}</td><td>{label}</td></tr>" for status, label in LEGEND)
    return f'<p class="legend-title">STATUS</p><table class="legend">{rows}</table>'


def build_html(report: Report) -> str:
    """The report as the web system's print view."""
    parts = [
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="period">{escape(report.period_line)}</p>',
        text_html(report.intro),
        _legend(),
        "<h2>Aktiviteter</h2>",
        _table(report.active, done=False),
    ]
    if report.done:
        parts += ["<h2>Klara aktiviteter</h2>", text_html(report.done_intro),
                  _table(report.done, done=True)]
    style = STYLE % {"header": report.running_header.replace('"', "'")}
    return (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
            f"<title>{escape(report.title)}</title><style>{style}</style></head>"
            f"<body>{''.join(parts)}</body></html>")


def render_web(report: Report, pdf_path: Path, source_date_epoch: int) -> None:
    """Print the report's HTML to PDF with WeasyPrint."""
    from weasyprint import HTML

    # fontTools stamps each font subset with the clock time unless SOURCE_DATE_EPOCH is set.
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    try:
        HTML(string=build_html(report)).write_pdf(pdf_path)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    pin_metadata(pdf_path, source_date_epoch)
