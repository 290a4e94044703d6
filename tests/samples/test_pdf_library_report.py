"""The planning system's ReportLab export: the committed PDFs it gave, and (where ReportLab is
installed, the `samples` extra) rendering them again."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from samples.corpus import load_variants
from samples.corpus.stats import variant_stats
from samples.producer_look import PDFLIB_COLUMNS

PDFLIB = [v for v in load_variants() if v.producer == "pdflib"]


def _variant(name: str):
    return next(v for v in PDFLIB if v.name == name)


def _page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_the_corpus_has_five_and_more_reportlab_layouts_and_new_content():
    assert len(PDFLIB) >= 5
    assert any(v.content == "bergslagen-2025-09" for v in PDFLIB)
    for variant in PDFLIB:
        with pikepdf.open(variant.pdf) as pdf:
            assert "ReportLab" in str(pdf.docinfo.get("/Producer")), variant.name


def test_the_header_row_repeats_on_every_page_unless_the_layout_prints_it_once():
    repeated = _variant("bergslagen-2025-09-pdflib")
    once = _variant("bergslagen-2025-09-pdflib-glyph-norules-once")
    status_header = PDFLIB_COLUMNS[5]
    texts = _page_texts(repeated.pdf)
    active_pages = [t for t in texts if "Avslutade aktiviteter" not in t]
    assert len(active_pages) >= 2 and all(PDFLIB_COLUMNS[6] in t for t in active_pages)
    assert sum(status_header in t for t in _page_texts(once.pdf)) == 2  # each table's first page only


def test_rows_split_over_page_breaks_where_the_layout_lets_them():
    split = [v for v in PDFLIB if v.layout.row_break == "split"]
    assert sum(len(variant_stats(v).split_keys) for v in split) >= 5
    assert all(not variant_stats(v).split_keys for v in PDFLIB if v.layout.row_break == "avoid")


def test_standard_helvetica_and_embedded_truetype_fonts():
    def fonts(name: str) -> set[str]:
        with pikepdf.open(_variant(name).pdf) as pdf:
            return {str(f.get("/BaseFont")) for page in pdf.pages for f in page.Resources.Font.values()}

    assert {"/Helvetica", "/Helvetica-Bold"} <= fonts("bergslagen-2025-09-pdflib")
    assert any("DejaVuSans" in font for font in fonts("bergslagen-2025-09-pdflib-dejavu-hyphens"))


def test_swedish_hyphenation_by_pyphen_where_the_layout_asks_for_it():
    text = "\n".join(_page_texts(_variant("bergslagen-2025-09-pdflib-dejavu-hyphens").pdf))
    plain = "\n".join(_page_texts(_variant("bergslagen-2025-09-pdflib").pdf))
    hyphenated = sum(line.endswith("-") and line[-2].isalpha() for line in text.splitlines())
    assert hyphenated > sum(line.endswith("-") and line[-2].isalpha() for line in plain.splitlines())


@pytest.mark.parametrize("name", ["bergslagen-2025-09-pdflib-merged-dots-a4", "sjostad-2025-02-pdflib-avoid-fill"])
def test_rendering_again_gives_the_committed_bytes(name: str, tmp_path: Path):
    pytest.importorskip("reportlab")
    from samples.corpus.generate import render

    variant = _variant(name)
    target = tmp_path / variant.pdf.name
    render(variant, target)
    assert target.read_bytes() == variant.pdf.read_bytes()


def test_a_web_address_cut_in_a_table_without_any_rules_is_read_whole():
    # ReportLab's splitLongWords fills the line with the address's start, after other words, and
    # cuts it there: "…rapport https://intra.re" + "gionexempel.se/…". With no rules, the column's
    # edge is where its full lines end (cut_words.text_bounds).
    from followup.pipeline import extract_document

    once = _variant("bergslagen-2025-09-pdflib-glyph-norules-once")
    texts = [a.follow_up or "" for a in extract_document(once.pdf).activities]
    assert any("https://intra.regionexempel.se/bergslagen/ortopedi/" in text for text in texts)
    assert not any("intra.re gionexempel" in text for text in texts)
