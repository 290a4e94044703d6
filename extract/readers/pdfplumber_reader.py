"""The reference reader: pdfplumber's `page.objects` (pdfminer's layout objects turned into dicts).

Slowest of the readers, but it is what the others are measured against: their PageContent must
equal this one's, object for object.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pdfplumber
from pdfminer.layout import LTChar, LTComponent, LTContainer, LTPage
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdevice import PDFTextSeq
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFTextState
from pdfplumber.page import PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException

from followup.extract.page_content import (
    Char,
    PageContent,
    PlacedImage,
    ReadPage,
    Shape,
    char_size,
    drawn_text,
    is_bold,
    page_content,
    text_colour,
    text_direction,
)
from followup.extract.readers.font_programs import font_is_bold
from followup.extract.readers.pictures import PictureColours
from followup.extract.readers.winansi import unmapped_bullet, winansi_fonts
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings


def read_pages(pdf: pdfplumber.PDF, start: int = 0, settings: ExtractSettings = DEFAULT_SETTINGS) -> Iterator[PageContent]:
    """The pages of an open pdfplumber PDF from index `start` on; each page's caches are released after it."""
    pictures = PictureColours(settings)  # the document's images, each decoded once
    for page in pdf.pages[start:]:
        try:
            yield read_page(page, settings, pictures)
        finally:
            page.close()  # release pdfplumber's caches: memory stays flat on long reports


def read_page(page: pdfplumber.page.Page, settings: ExtractSettings = DEFAULT_SETTINGS,
              pictures: PictureColours | None = None) -> PageContent:
    """Read a pdfplumber page into a PageContent, in one pass over its objects."""
    openings = _run_openings(_layout_noting_runs(page))
    objects = page.objects  # built from the layout just made
    pictures = pictures or PictureColours(settings)
    fonts = winansi_fonts(page.page_obj.resources)
    plumber_chars = objects.get("char", [])
    if len(openings) != len(plumber_chars):
        # not one flag per char: say nothing of the runs, and bold only as the names say it
        openings = [(False, False)] * len(plumber_chars)
    chars = [_char(c, fonts, opens, bold) for c, (opens, bold) in zip(plumber_chars, openings, strict=True)]
    return page_content(ReadPage(
        page.page_number, float(page.width), float(page.height), chars,
        rects=[_shape(r) for r in objects.get("rect", [])],
        curves=[_shape(c) for c in objects.get("curve", [])],
        lines=[_shape(line) for line in objects.get("line", [])],
        images=[_image(i, pictures) for i in objects.get("image", [])],
    ), settings)


class _RunNotingAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's own device, noting on the first glyph of each text-showing operator that it opens
    it (pdfplumber's chars do not say which operator drew them; Char.opens_run), and on each glyph
    whether its font is bold (a name may not say it, the embedded program does; pdfplumber's chars
    keep only the name)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bold: dict[int, bool] = {}

    def render_string(self, textstate: PDFTextState, seq: PDFTextSeq, ncs: PDFColorSpace,
                      graphicstate: PDFGraphicState) -> None:
        drawn = self.cur_item._objs
        first = len(drawn)
        super().render_string(textstate, seq, ncs, graphicstate)
        if len(drawn) > first:
            drawn[first].opens_run = True  # type: ignore[attr-defined]
            font = textstate.font
            bold = self._bold.get(id(font))
            if bold is None and font is not None:
                name = font.fontname if isinstance(font.fontname, str) else fix_fontname_bytes(font.fontname)
                bold = self._bold[id(font)] = font_is_bold(font, name or "")
            for glyph in drawn[first:]:
                glyph.bold = bool(bold)  # type: ignore[attr-defined]


def _layout_noting_runs(page: pdfplumber.page.Page) -> LTPage:
    """The page's layout as pdfplumber makes it (`Page.layout`), made by _RunNotingAggregator and left
    in pdfplumber's cache, so that `page.objects` is built from it: the page is interpreted once."""
    device = _RunNotingAggregator(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    try:
        PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as error:  # as Page.layout reports it
        raise PdfminerException(error) from error
    page._layout = device.get_result()
    return page._layout


def _run_openings(layout: LTPage) -> list[tuple[bool, bool]]:
    """For each char of the layout, in the order pdfplumber lists them (figures opened in place),
    whether it opens its text-showing operator and whether its font is bold."""
    openings: list[tuple[bool, bool]] = []

    def walk(objects: Iterable[LTComponent]) -> None:
        for obj in objects:
            if isinstance(obj, LTContainer):
                walk(obj)
            elif isinstance(obj, LTChar):
                openings.append((getattr(obj, "opens_run", False), getattr(obj, "bold", False)))

    walk(layout)
    return openings


def _char(c: dict, fonts: frozenset[str], opens_run: bool = False, bold: bool = False) -> Char:
    a, b, c_, d = c["matrix"][:4]
    return Char(
        text=drawn_text(unmapped_bullet(c["text"], c.get("fontname") or "", fonts)),
        x0=float(c["x0"]),
        top=float(c["top"]),
        x1=float(c["x1"]),
        bottom=float(c["bottom"]),
        size=char_size(c.get("size")),
        bold=bold or is_bold(c.get("fontname") or ""),
        colour=text_colour(c.get("non_stroking_color")),
        direction=text_direction(a, b, c_, d),
        upright=bool(c.get("upright", True)),
        opens_run=opens_run,
    )


def _shape(obj: dict) -> Shape:
    return Shape(obj["x0"], obj["top"], obj["x1"], obj["bottom"],
                 bool(obj.get("fill")), bool(obj.get("stroke")), obj.get("non_stroking_color"))


def _image(obj: dict, pictures: PictureColours) -> PlacedImage:
    x0, top, x1, bottom = obj["x0"], obj["top"], obj["x1"], obj["bottom"]
    return PlacedImage(x0, top, x1, bottom, pictures.colour(obj.get("stream"), x1 - x0, bottom - top))
