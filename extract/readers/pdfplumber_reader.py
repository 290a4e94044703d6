"""The reference reader: pdfplumber's `page.objects` (pdfminer's layout objects turned into dicts).

Slowest of the readers, but it is what the others are measured against: their PageContent must
equal this one's, object for object.
"""
from __future__ import annotations

from collections.abc import Iterator

import pdfplumber

from followup.extract.page_content import (
    Char,
    PageContent,
    ReadPage,
    Shape,
    char_size,
    is_bold,
    page_content,
    text_colour,
    text_direction,
)
from followup.extract.readers.winansi import unmapped_bullet, winansi_fonts
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings


def read_pages(pdf: pdfplumber.PDF, start: int = 0, settings: ExtractSettings = DEFAULT_SETTINGS) -> Iterator[PageContent]:
    """The pages of an open pdfplumber PDF from index `start` on; each page's caches are released after it."""
    for page in pdf.pages[start:]:
        try:
            yield read_page(page, settings)
        finally:
            page.close()  # release pdfplumber's caches: memory stays flat on long reports


def read_page(page: pdfplumber.page.Page, settings: ExtractSettings = DEFAULT_SETTINGS) -> PageContent:
    """Read a pdfplumber page into a PageContent, in one pass over its objects."""
    objects = page.objects
    fonts = winansi_fonts(page.page_obj.resources)
    chars = [_char(c, fonts) for c in objects.get("char", [])]
    return page_content(ReadPage(
        page.page_number, float(page.width), float(page.height), chars,
        rects=[_shape(r) for r in objects.get("rect", [])],
        curves=[_shape(c) for c in objects.get("curve", [])],
        lines=[_shape(line) for line in objects.get("line", [])],
    ), settings)


def _char(c: dict, fonts: frozenset[str]) -> Char:
    a, b, c_, d = c["matrix"][:4]
    return Char(
        text=unmapped_bullet(c["text"], c.get("fontname") or "", fonts),
        x0=float(c["x0"]),
        top=float(c["top"]),
        x1=float(c["x1"]),
        bottom=float(c["bottom"]),
        size=char_size(c.get("size")),
        bold=is_bold(c.get("fontname") or ""),
        colour=text_colour(c.get("non_stroking_color")),
        direction=text_direction(a, b, c_, d),
        upright=bool(c.get("upright", True)),
    )


def _shape(obj: dict) -> Shape:
    return Shape(obj["x0"], obj["top"], obj["x1"], obj["bottom"],
                 bool(obj.get("fill")), bool(obj.get("stroke")), obj.get("non_stroking_color"))
