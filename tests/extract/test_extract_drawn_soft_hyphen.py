"""A soft hyphen (U+00AD) that the page draws is a hyphen, in every reader.

Typst draws the hyphens it adds and the author's with one glyph, and its ToUnicode map gives that glyph
the text of its first use: U+00AD when that was a hyphenation break. PDFium reads a drawn soft hyphen as
"-"; the pdfminer and pdfplumber readers do the same, so typed hyphens are kept and the readers agree.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from followup.extract.opening import open_report
from followup.extract.page_content import drawn_text
from followup.extract.readers import READERS, page_reader
from followup.pipeline import extract_document

TYPST = Path(__file__).resolve().parents[2] / "samples" / "corpus" / "pdf" / "vastkust-2024-06-typst.pdf"


def test_a_drawn_soft_hyphen_reads_as_a_hyphen():
    assert drawn_text("2024\u00ad12\u00ad31") == "2024-12-31"
    assert drawn_text("mottag") == "mottag"


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_typsts_hyphen_glyph_as_a_hyphen(reader: str):
    pdf = open_report(TYPST)
    try:
        first = next(iter(page_reader(reader)(pdf, 0)))
    finally:
        pdf.close()
    text = "".join(c.text for c in first.chars)
    assert "\u00ad" not in text and "2024-12-31" in text


def test_typed_hyphens_survive_in_a_typst_report():
    activities = extract_document(TYPST).activities
    assert activities[0].deadline.text == "2024-12-31"
    assert any("e-hälsoteamet" in (a.responsible.text or "") for a in activities)
