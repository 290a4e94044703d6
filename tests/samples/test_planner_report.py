"""The fpdf2 producer (samples/planner_report.py): a web planning system writing its PDF export
itself. Checked on the committed variants and on documents built here (fpdf2 is fast); building
needs fpdf2 (the `samples` extra), which `make install` does not install, so those tests say so and
are skipped without it."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from samples.corpus import load_variants, variant_report
from samples.layout import Layout
from samples.planner_report import PlannerOptions, build_pdf, render_planner

PLANNER = [v for v in load_variants() if v.producer == "fpdf"]
CREATED = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def _variant(name: str):
    return next(v for v in PLANNER if v.name == name)


def test_the_corpus_has_fpdf_variants_drawn_both_ways():
    assert len(PLANNER) >= 5
    drawings = {PlannerOptions(**dict(v.fpdf)).drawing for v in PLANNER}
    assert drawings == {"table", "cells"}, "fpdf2's pdf.table() and a table laid out by hand"


def test_the_export_embeds_a_truetype_font_and_numbers_its_pages():
    variant = _variant("alvstad-2025-03-fpdf")
    with pikepdf.open(variant.pdf) as pdf:
        fonts = {str(font.get("/BaseFont")) for page in pdf.pages
                 for font in page.Resources.Font.values()}
        assert any("DejaVuSans" in name for name in fonts)
        assert pdf.docinfo["/CreationDate"] == "D:20250301090000Z"
    with pdfplumber.open(variant.pdf) as pdf:
        pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text()
            assert f"Sida {number} av {pages}" in text
            assert text.startswith("Älvstads länssjukhus · Ortopedkliniken")


def test_rendering_twice_gives_the_same_bytes(tmp_path: Path):
    pytest.importorskip("fpdf", reason="fpdf2 (the samples extra) renders the planning system's PDF")
    variant = _variant("alvstad-2025-03-fpdf-groups-grid-zebra")
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (first, second):
        render_planner(variant_report(variant), path, int(CREATED.timestamp()), variant.layout)
    assert first.read_bytes() == second.read_bytes()


def test_a_word_wider_than_its_column_is_cut_without_a_hyphen():
    # fpdf2 never hyphenates: the long compound in the narrow Område column breaks where the line
    # is full, which is what extract/cut_words.py and normalize/cut_words.py read back.
    with pdfplumber.open(_variant("alvstad-2025-03-fpdf").pdf) as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
    assert "Kompetensförsörj" in words and "ning" in words
    assert not any(w.startswith("Kompetensförsörj") and w.endswith("-") for w in words)


def test_the_status_is_a_fill_of_the_status_cell_in_the_table():
    variant = _variant("alvstad-2025-03-fpdf-groups-grid-zebra")
    with pdfplumber.open(variant.pdf) as pdf:
        colours = {tuple(round(c, 3) for c in rect["non_stroking_color"])
                   for page in pdf.pages for rect in page.rects if rect["non_stroking_color"]}
    theme_blue = (round(0x44 / 255, 3), round(0x72 / 255, 3), round(0xC4 / 255, 3))
    assert theme_blue in colours


def test_a_layout_the_library_cannot_draw_is_refused():
    pytest.importorskip("fpdf", reason="fpdf2 (the samples extra) renders the planning system's PDF")
    report = variant_report(_variant("alvstad-2025-03-fpdf"))
    with pytest.raises(ValueError, match="dot"):
        build_pdf(report, CREATED, Layout(status_style="dot"))
    with pytest.raises(ValueError, match="merged"):
        build_pdf(report, CREATED, Layout(areas="merged"), PlannerOptions(drawing="cells"))
    with pytest.raises(ValueError):
        PlannerOptions(drawing="html")
