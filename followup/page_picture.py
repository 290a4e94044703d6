"""A picture of what extract found on one page (`followup debug`), drawn over the page itself.

Like pdfplumber's `debug_tablefinder`, but for followup's own reading: the header band and the role
each column got, the column edges, every row span (group rows apart), the status each status cell's
colour or word gave, and where a row runs over a page break. A user can see why a report was misread
and attach the picture to a bug report.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from PIL import Image, ImageDraw, ImageFont

from followup.extract.document import PageFindings
from followup.extract.tables import Cell, TableSlice
from followup.normalize.status import status_of_cell
from followup.normalize.vocabulary import Vocabulary
from followup.schemas import LegendEntry


@dataclass(frozen=True)
class Palette:
    """The colours of the picture, RGBA; translucent fills keep the page readable under them."""

    header: tuple[int, int, int, int] = (30, 90, 200, 60)
    header_text: tuple[int, int, int, int] = (20, 60, 160, 255)
    column_edge: tuple[int, int, int, int] = (240, 130, 0, 255)
    row: tuple[int, int, int, int] = (0, 150, 60, 255)
    group: tuple[int, int, int, int] = (150, 40, 180, 70)
    group_text: tuple[int, int, int, int] = (120, 20, 150, 255)
    status_text: tuple[int, int, int, int] = (200, 0, 0, 255)
    break_mark: tuple[int, int, int, int] = (220, 0, 0, 255)


PALETTE = Palette()
# Pixels per PDF point at the default resolution (pdfplumber renders at 72 dpi × this).
DEFAULT_RESOLUTION = 110
LABEL_POINTS = 6.0


def draw_page_findings(
    pdf_path: Path,
    findings: PageFindings,
    vocabulary: Vocabulary,
    output: Path,
    *,
    password: str | None = None,
    resolution: int = DEFAULT_RESOLUTION,
    palette: Palette = PALETTE,
) -> None:
    """Render page `findings.page` of the PDF and draw the findings over it into the PNG `output`."""
    with pdfplumber.open(pdf_path, password=password or "") as pdf:
        page = pdf.pages[findings.page - 1]
        image = page.to_image(resolution=resolution)
        offset = (float(page.bbox[0]), float(page.bbox[1]))
        canvas = image.annotated.convert("RGBA")
    overlay = _Overlay(canvas.size, image.scale, offset)
    for band in findings.headers:
        box = band.box
        overlay.rect((box.x0, box.top, box.x1, box.bottom), fill=palette.header)
    for table in findings.slices:
        _draw_table(overlay, table, findings.legend, vocabulary, palette)
    if findings.slices and findings.continued_from_previous:
        first = findings.slices[0]
        top = first.rows[0].top if first.rows else first.header_top
        overlay.label((first.columns[0].x0, top), f"continues the row of page {findings.page - 1}", palette.break_mark)
    if findings.slices and findings.continues_on_next:
        last = findings.slices[-1]
        overlay.label((last.columns[0].x0, last.bottom), f"runs on to page {findings.page + 1}", palette.break_mark,
                      above=True)
    canvas.alpha_composite(overlay.layer)
    canvas.convert("RGB").save(output, format="PNG")


def _draw_table(overlay: _Overlay, table: TableSlice, legend: Sequence[LegendEntry], vocabulary: Vocabulary,
                palette: Palette) -> None:
    left, right = table.columns[0].x0, table.columns[-1].x1
    for column in table.columns:
        overlay.line((column.x0, table.header_top, column.x0, table.bottom), palette.column_edge)
        name = column.role or (f"extra: {column.name}" if column.name else "(no header)")
        overlay.label((column.x0 + 1, table.header_top), name, palette.header_text, above=True)
    overlay.line((right, table.header_top, right, table.bottom), palette.column_edge)
    status_column = next((c for c in table.columns if c.role == "status"), None)
    for row in table.rows:
        if row.group is not None:
            overlay.rect((left, row.top, right, row.bottom), fill=palette.group)
            overlay.label((left + 1, row.top), f"group: {row.group}", palette.group_text)
            continue
        overlay.rect((left, row.top, right, row.bottom), outline=palette.row)
        if status_column is not None:
            said = status_label(row.cells.get("status"), legend, vocabulary)
            overlay.label((status_column.x0 + 1, row.top), said, palette.status_text)


def status_label(cell: Cell | None, legend: Sequence[LegendEntry], vocabulary: Vocabulary) -> str:
    """What the picture says of a status cell: the status normalize gives it and from what, read as
    normalize reads it (the word, else the marker's colour — dot, glyph, icon — else the shading)."""
    if cell is None:
        return "no status"
    status, source = status_of_cell(cell.text, cell.marker or cell.fill, legend, vocabulary)
    return f"{status or 'no status'} ({source})" if source else "no status"


class _Overlay:
    """A transparent layer in the page image's pixels, drawn in PDF points."""

    def __init__(self, size: tuple[int, int], scale: float, offset: tuple[float, float]) -> None:
        self.layer = Image.new("RGBA", size, (0, 0, 0, 0))
        self._draw = ImageDraw.Draw(self.layer)
        self._scale = scale
        self._offset = offset
        self._font_size = max(8, round(LABEL_POINTS * scale))
        self._font = ImageFont.load_default(size=self._font_size)

    def _at(self, x: float, y: float) -> tuple[float, float]:
        return (x - self._offset[0]) * self._scale, (y - self._offset[1]) * self._scale

    def rect(self, box: tuple[float, float, float, float], *, fill: tuple[int, ...] | None = None,
             outline: tuple[int, ...] | None = None) -> None:
        self._draw.rectangle((*self._at(box[0], box[1]), *self._at(box[2], box[3])), fill=fill, outline=outline,
                             width=2 if outline else 0)

    def line(self, points: tuple[float, float, float, float], colour: tuple[int, ...]) -> None:
        self._draw.line((*self._at(points[0], points[1]), *self._at(points[2], points[3])), fill=colour, width=2)

    def label(self, at: tuple[float, float], text: str, colour: tuple[int, ...], *, above: bool = False) -> None:
        x, y = self._at(*at)
        height = self._font_size + 2
        y = y - height if above else y + 1
        box = self._draw.textbbox((x, y), text, font=self._font)
        self._draw.rectangle(box, fill=(255, 255, 255, 210))
        self._draw.text((x, y), text, fill=colour, font=self._font)


def describe_page_findings(findings: PageFindings) -> str:
    """The findings in words, one line a table and a row: what `followup debug` prints."""
    lines = [f"page {findings.page} ({findings.width:.0f} × {findings.height:.0f} pt): "
             f"{len(findings.headers)} header band(s), {len(findings.slices)} table slice(s)"]
    if findings.continued_from_previous:
        lines.append(f"  its first row continues the last row of page {findings.page - 1}")
    for number, table in enumerate(findings.slices, start=1):
        columns = ", ".join(c.role or f"extra:{c.name or '?'}" for c in table.columns)
        lines.append(f"  table {number}: top {table.header_top:.1f}, bottom {table.bottom:.1f}; columns: {columns}")
        for row in table.rows:
            if row.group is not None:
                lines.append(f"    group row {row.top:.1f}–{row.bottom:.1f}: {row.group}")
            else:
                first = next((c.text for c in row.cells.values() if c.text.strip()), "")
                lines.append(f"    row {row.top:.1f}–{row.bottom:.1f}: {' '.join(first.split())[:60]}")
    if findings.continues_on_next:
        lines.append(f"  its last row runs on to page {findings.page + 1}")
    return "\n".join(lines)
