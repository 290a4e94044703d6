"""Page readers: each turns the pages of a PDF opened by pdfplumber into PageContent, one at a time.

All readers must give the same PageContent (tests/extract/test_readers.py); they differ in speed.
pdfplumber still opens the file (password, errors), whichever reader then reads the pages.

- "pdfplumber": pdfplumber's `page.objects`, the reference.
- "pdfminer": a lean pdfminer.six device; same parser, no layout objects, no dict layer.
- "pdfium": pypdfium2 (PDFium, C++), reconciled with pdfplumber's conventions.
"""
from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # `followup --help` lists the readers' names without loading pdfplumber or pydantic
    import pdfplumber

    from followup.extract.page_content import PageContent
    from followup.extract.settings import ExtractSettings

# Reader name → module with `read_pages(pdf, start=0, settings=DEFAULT_SETTINGS) -> Iterator[PageContent]` (pages
# from index `start` on, read with the settings' tolerances for telling rulings from fills).
READER_MODULES = {
    "pdfminer": "followup.extract.readers.pdfminer_reader",
    "pdfium": "followup.extract.readers.pdfium_reader",
    "pdfplumber": "followup.extract.readers.pdfplumber_reader",
}
READERS = tuple(READER_MODULES)
# The reader whose pages equal pdfplumber's object for object on every PDF of the repository, so its output
# is byte-identical everywhere. The pdfium reader is faster since issue 14 (README "Page readers") and gives
# the same JSON on every sample and corpus variant, but places the objects of some Chromium pages
# differently (beyond 0.1 pt), which the output does not show.
DEFAULT_READER = "pdfminer"


class PageReader(Protocol):
    """A reader's `read_pages`: the pages of a PDF opened by pdfplumber from index `start` on."""

    def __call__(self, pdf: pdfplumber.PDF, start: int = ..., settings: ExtractSettings = ...) -> Iterator[PageContent]:
        ...


def page_reader(name: str) -> PageReader:
    """The `read_pages` function of the named reader; ValueError for an unknown name."""
    if name not in READER_MODULES:
        raise ValueError(f"unknown page reader {name!r} (one of {', '.join(READERS)})")
    return import_module(READER_MODULES[name]).read_pages
