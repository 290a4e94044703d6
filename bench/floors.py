"""The floors a page reader is measured against: how fast each parser alone can read the pages.

Each floor reads what followup needs (characters with boxes and fill colours; painted paths with
bounds and colours) and nothing more; none of them does anything with it. No reader built on
that parser can read a page faster.
"""
from __future__ import annotations

import ctypes
from collections.abc import Callable
from pathlib import Path
from typing import Any


def pdfplumber_objects(pdf: Path) -> int:
    """pdfplumber's `page.objects` on every page (what the pdfplumber reader starts from)."""
    import pdfplumber

    objects = 0
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            objects += sum(len(found) for found in page.objects.values())
            page.close()
    return objects


def pdfminer_null_device(pdf: Path) -> int:
    """pdfminer.six interpreting every page into a device that keeps nothing (the parse alone)."""
    from pdfminer.pdfdevice import PDFDevice
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    pages = 0
    with Path(pdf).open("rb") as handle:
        manager = PDFResourceManager()
        interpreter = PDFPageInterpreter(manager, PDFDevice(manager))
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
            pages += 1
    return pages


def pypdfium2_raw(pdf: Path) -> int:
    """PDFium: every character's box and fill colour, every path object's bounds and colours (Form XObjects opened)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    bounds = [ctypes.c_float() for _ in range(4)]
    colour = [ctypes.c_uint() for _ in range(4)]
    found = 0

    def paths(container: Any, count: Callable[[Any], int], get: Callable[[Any, int], Any]) -> int:
        seen = 0
        for index in range(count(container)):
            obj = get(container, index)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                raw.FPDFPageObj_GetBounds(obj, *bounds)
                raw.FPDFPageObj_GetFillColor(obj, *colour)
                raw.FPDFPageObj_GetStrokeColor(obj, *colour)
                seen += 1
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                seen += paths(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject)
        return seen

    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            textpage = page.get_textpage()
            for index in range(raw.FPDFText_CountChars(textpage.raw)):
                raw.FPDFText_GetUnicode(textpage.raw, index)
                raw.FPDFText_GetCharBox(textpage.raw, index, left, right, bottom, top)
                raw.FPDFText_GetFillColor(textpage.raw, index, *colour)
                found += 1
            found += paths(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject)
            textpage.close()
            page.close()
    finally:
        document.close()
    return found


FLOORS: dict[str, Callable[[Path], int]] = {
    "floor: pdfplumber page.objects": pdfplumber_objects,
    "floor: pdfminer null device": pdfminer_null_device,
    "floor: pypdfium2 raw": pypdfium2_raw,
}
