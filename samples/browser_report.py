"""Render a report the way an intranet page is printed from a web browser: HTML printed to PDF by
headless Chromium, landscape A4, Liberation Sans, tables without any rules (rows kept apart by white
space only) and the status as a coloured "●" text glyph.

Chromium prints without hyphenation dictionaries here, so lines break at spaces and at the real
hyphens in the text. Regenerating needs the Debian package `chromium`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

from samples.html_page import layout_style, legend_entries, page_margin, page_size, status_cell_html
from samples.html_table import activity_table_html, section_tables_html, text_html
from samples.layout import Layout, table_columns
from samples.model import Activity, Report
from samples.page_rotation import rotate_to_portrait
from samples.pdf_metadata import pin_metadata
from samples.producer_look import BROWSER_ACTIVE_HEADING, BROWSER_COLUMNS, BROWSER_DONE_HEADING, BROWSER_PALETTE

OWN_PALETTE = BROWSER_PALETTE
OWN_STATUS_STYLE = "glyph"
PAGE_SIZE = "A4 landscape"
PAGE_MARGIN = "15mm 14mm 14mm 14mm"
FONT_SIZE = "8.2pt"
ACTIVE_COLUMNS = BROWSER_COLUMNS
# Per cent of the table width.
ACTIVE_WIDTHS = (12, 15, 15, 7, 13, 5, 25, 8)
DONE_WIDTHS = (12, 16, 16, 8, 14, 5, 29)
ACTIVE_HEADING = BROWSER_ACTIVE_HEADING
DONE_HEADING = BROWSER_DONE_HEADING
HIGHLIGHT = "#FFF6B3"

STYLE = """
@page { size: %(size)s; margin: %(margin)s;
        @top-left { content: "%(header)s"; font-family: "Liberation Sans", sans-serif;
                    font-size: 7.5pt; color: #666; }
        @bottom-right { content: "Sida " counter(page) " (" counter(pages) ")";
                        font-family: "Liberation Sans", sans-serif; font-size: 7.5pt; color: #666; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Liberation Sans", sans-serif; font-size: %(font)s; line-height: 1.3;
       color: #1a1a1a; }
h1 { font-size: 17pt; font-weight: bold; margin: 0 0 1.5mm 0; color: #2b2b6b; }
h2 { font-size: 11.5pt; font-weight: bold; margin: 5mm 0 2.5mm 0; color: #2b2b6b; }
h3 { font-size: 9pt; font-weight: bold; margin: 4mm 0 1.5mm 0; }
.period { font-size: 10pt; margin: 0 0 3mm 0; color: #333; }
p { margin: 0; }
p.gap { margin-top: 1.3mm; }
.intro { max-width: 210mm; }
.milestones { display: flex; gap: 5mm; }
.milestone { background: #E8EEF7; padding: 2mm 3mm; width: 52mm; }
.milestone .label { font-weight: bold; }
.legend { margin-top: 4mm; font-size: 8pt; }
.legend .title { font-weight: bold; margin-right: 3mm; }
.legend .item { margin-right: 6mm; }
.done-section { break-inside: avoid-page; }
.glyph { font-size: 13pt; line-height: 1; }
table.activities { width: 100%%; border-collapse: separate; border-spacing: 0; table-layout: fixed;
                   border: none; }
table.activities th, table.activities td { border: none; text-align: left; vertical-align: top;
                                           padding: 0 2.2mm 3.4mm 0; }
table.activities th { font-weight: bold; }
table.activities td.status { text-align: center; }
tr.highlighted td { background: %(highlight)s; }
tr.highlighted td:first-child { padding-left: 1mm; }
table.nested { border-collapse: separate; border-spacing: 0; margin: 1mm 0; }
table.nested td { border: none; padding: 0 3mm 0.5mm 0; }
%(layout)s"""



def _table(activities: tuple[Activity, ...], layout: Layout, *, done: bool) -> str:
    style = layout.status_style_or(OWN_STATUS_STYLE)
    colours = layout.palette_or(OWN_PALETTE)
    columns, widths = table_columns(layout, ACTIVE_COLUMNS, ACTIVE_WIDTHS, DONE_WIDTHS, done=done)
    return section_tables_html(activities, layout, lambda run: activity_table_html(
        run, columns=columns, widths=widths, layout=layout,
        status_cell=lambda status: status_cell_html(layout, style, colours, status)))


def _milestones(report: Report) -> str:
    if not report.milestones:
        return ""
    boxes = "".join(
        f'<div class="milestone"><p class="label">{escape(m.label)}</p><p>{escape(m.date)}</p></div>'
        for m in report.milestones
    )
    return f"<h3>{escape(report.milestone_heading)}</h3><div class=\"milestones\">{boxes}</div>"


def _legend(layout: Layout) -> str:
    entries = legend_entries(layout, layout.status_style_or(OWN_STATUS_STYLE),
                             layout.palette_or(OWN_PALETTE))
    if not entries:
        return ""
    items = "".join(f'<span class="item">{marker} {label}</span>' for marker, label in entries)
    return f'<p class="legend"><span class="title">STATUS</span>{items}</p>'


def build_html(report: Report, layout: Layout = Layout()) -> str:
    """The report as the intranet page that is printed."""
    parts = [
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="period">{escape(report.period_line)}</p>',
        f'<div class="intro">{text_html(report.intro)}</div>',
        _milestones(report),
        _legend(layout),
        f"<h2>{ACTIVE_HEADING}</h2>",
        _table(report.active, layout, done=False),
    ]
    if report.done:
        # Heading, note and the short completed table stay together on one page.
        parts += ['<div class="done-section">', f"<h2>{DONE_HEADING}</h2>",
                  text_html(report.done_intro), '<div style="height: 2.5mm"></div>',
                  _table(report.done, layout, done=True), "</div>"]
    style = STYLE % {"header": report.running_header.replace('"', "'"), "highlight": HIGHLIGHT,
                     "size": page_size(layout, PAGE_SIZE),
                     "margin": page_margin(layout, PAGE_MARGIN),
                     "font": f"{layout.font_pt:g}pt" if layout.font_pt else FONT_SIZE,
                     "layout": layout_style(layout, hyphenates=False)}
    return (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
            f"<title>{escape(report.title)}</title><style>{style}</style></head>"
            f"<body>{''.join(parts)}</body></html>")


def chromium() -> str:
    """The Chromium executable (Debian's package `chromium`)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError("browser samples need Chromium: apt-get install chromium")


def render_browser(report: Report, pdf_path: Path, source_date_epoch: int,
                   layout: Layout = Layout()) -> None:
    """Print the report's HTML to PDF with headless Chromium, then pin the metadata."""
    with tempfile.TemporaryDirectory(prefix="followup-chromium-") as work:
        page = Path(work) / f"{report.name}.html"
        page.write_text(build_html(report, layout), encoding="utf-8")
        profile = Path(work) / "profile"
        out = Path(work) / "out.pdf"
        command = [
            chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        env = dict(os.environ, TZ="UTC", LANG="C.UTF-8")
        subprocess.run(command, check=True, capture_output=True, timeout=120, env=env)
        if not out.is_file():
            raise RuntimeError("Chromium printed no PDF")
        shutil.copyfile(out, pdf_path)
    pin_metadata(pdf_path, source_date_epoch)
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
