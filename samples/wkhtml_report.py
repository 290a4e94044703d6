"""Render a report the way many server-side report exports print their HTML: with wkhtmltopdf.

wkhtmltopdf prints a page with Qt WebKit. Debian's package (`apt-get install wkhtmltopdf`,
0.12.6) is built on Debian's own, unpatched Qt: it has no running header or footer
(`--header-*` / `--footer-*` are ignored with a warning), does not repeat a table's `<thead>`
on the pages the table continues on, and scales the page down to fit ("smart shrinking", its
default, so the printed type is smaller than the stylesheet's). The page is the intranet page the
browser producer prints (samples/browser_report.py); its size and margins come from the command
line, as such exports pass them, not from CSS `@page`, which Qt WebKit does not read.

Qt WebKit has no CSS grid layout, so the "grid" markup is refused. Regenerating needs the Debian
package `wkhtmltopdf`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from samples.browser_report import build_html
from samples.itext_report import pin_subset_prefixes
from samples.layout import Layout
from samples.model import Report
from samples.page_rotation import rotate_to_portrait
from samples.pdf_metadata import pin_metadata

# The export's own page: A4 landscape with the browser page's margins (mm: top, right, bottom, left).
OWN_MARGINS_MM = (15.0, 14.0, 14.0, 14.0)


def wkhtmltopdf() -> str:
    """The wkhtmltopdf executable (Debian's package `wkhtmltopdf`)."""
    path = shutil.which("wkhtmltopdf")
    if path is None:
        raise RuntimeError("wkhtmltopdf samples need wkhtmltopdf: apt-get install wkhtmltopdf")
    return path


def page_options(layout: Layout) -> list[str]:
    """wkhtmltopdf's page size, orientation and margins for a layout."""
    if layout.page_mm is not None:
        width, height = layout.page_mm
        size = ["--page-width", f"{width:g}mm", "--page-height", f"{height:g}mm"]
    else:
        portrait = layout.orientation == "portrait"
        size = ["--page-size", "A4", "--orientation", "Portrait" if portrait else "Landscape"]
    top, right, bottom, left = layout.margins_mm or OWN_MARGINS_MM
    return size + ["--margin-top", f"{top:g}mm", "--margin-right", f"{right:g}mm",
                   "--margin-bottom", f"{bottom:g}mm", "--margin-left", f"{left:g}mm"]


def render_wkhtml(report: Report, pdf_path: Path, source_date_epoch: int,
                  layout: Layout = Layout()) -> None:
    """Print the report's HTML to PDF with wkhtmltopdf, then pin the metadata."""
    if layout.markup == "grid":
        raise ValueError("wkhtmltopdf (Qt WebKit) has no CSS grid layout: it cannot print the grid markup")
    if layout.table_style is not None:
        raise ValueError("a table style is a word processor's: wkhtmltopdf prints HTML")
    with tempfile.TemporaryDirectory(prefix="followup-wkhtmltopdf-") as work:
        page = Path(work) / f"{report.name}.html"
        page.write_text(build_html(report, layout), encoding="utf-8")
        out = Path(work) / "out.pdf"
        command = [wkhtmltopdf(), "--quiet", "--encoding", "utf-8", "--title", report.title,
                   *page_options(layout), str(page), str(out)]
        env = dict(os.environ, TZ="UTC", LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen",
                   XDG_RUNTIME_DIR=work)
        subprocess.run(command, check=True, capture_output=True, timeout=120, env=env)
        if not out.is_file():
            raise RuntimeError("wkhtmltopdf printed no PDF")
        shutil.copyfile(out, pdf_path)
    # Qt tags each font subset with a prefix of its own choosing ("QSAAAA+"), differing run to run.
    pin_subset_prefixes(pdf_path)
    pin_metadata(pdf_path, source_date_epoch)
    if layout.orientation == "rotated":
        rotate_to_portrait(pdf_path)
