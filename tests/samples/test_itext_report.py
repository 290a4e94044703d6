"""The Java hospital planning system's iText 2.1.7 export: the committed PDFs it gave, and (where a
JDK and Debian's libitext-java are installed) rendering them again."""
from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from samples.corpus import load_variants
from samples.corpus.stats import variant_stats
from samples.itext_report import ITEXT_JAR, SUBSET_PREFIX
from samples.producer_look import ITEXT_COLUMNS

ITEXT = [v for v in load_variants() if v.producer == "itext"]


def _variant(name: str):
    return next(v for v in ITEXT if v.name == name)


def _page_lines(path: Path) -> list[list[str]]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines: dict[int, list[str]] = defaultdict(list)
            for word in page.extract_words():
                lines[round(word["top"])].append(word["text"])
            pages.append([" ".join(words) for _, words in sorted(lines.items())])
    return pages


def test_the_corpus_has_five_itext_layouts_written_by_itext_2_1_7():
    assert len(ITEXT) >= 5
    assert len({v.content for v in ITEXT}) == len(ITEXT), "each on its own content"
    for variant in ITEXT:
        with pikepdf.open(variant.pdf) as pdf:
            assert str(pdf.docinfo.get("/Producer")).startswith("iText 2.1.7"), variant.name


def test_fonts_are_embedded_subsets_with_tags_derived_from_their_bytes():
    for variant in ITEXT:
        with pikepdf.open(variant.pdf) as pdf:
            names = {str(f.get("/BaseFont")) for page in pdf.pages for f in page.Resources.Font.values()}
        assert names and all(SUBSET_PREFIX.match(name) for name in names), variant.name


def test_the_header_row_repeats_on_every_page_unless_the_layout_prints_it_once():
    repeated = _variant("vastkust-2024-06-itext")
    once = _variant("sjostad-2025-02-itext-merged-glyph-once")
    comment = ITEXT_COLUMNS[6]
    pages = _page_lines(repeated.pdf)
    assert len(pages) >= 3 and all(any(comment in line for line in page) for page in pages)
    assert sum(any(comment in line for line in page) for page in _page_lines(once.pdf)) == 2


def test_rows_split_over_page_breaks_without_a_line_printed_twice():
    """iText 2.1.7 may print the last line above a row's break again at the top of the next page
    (its split and its drawing disagree, README): no committed rendering does."""
    split = [v for v in ITEXT if v.layout.row_break == "split"]
    assert sum(len(variant_stats(v).split_keys) for v in split) >= 3
    for variant in ITEXT:
        pages = _page_lines(variant.pdf)
        for above, below in zip(pages, pages[1:], strict=False):
            tail = {line for line in above[-8:] if len(line) > 12 and not line.startswith("Sida")}
            assert not tail & set(below[:8]), variant.name


def test_landscape_by_page_size_rotate_is_stored_portrait_with_rotate_90():
    variant = _variant("norrmark-2024-04-itext-rotated-label")
    with pikepdf.open(variant.pdf) as pdf:
        for page in pdf.pages:
            box = [float(v) for v in page.MediaBox]
            assert int(page.get("/Rotate", 0)) == 90 and box[2] < box[3]


@pytest.mark.parametrize("name", ["sjostad-2025-02-itext-merged-glyph-once", "bergslagen-2025-09-itext-groups-dots"])
def test_rendering_again_gives_the_committed_bytes(name: str, tmp_path: Path):
    if shutil.which("javac") is None or not ITEXT_JAR.is_file():
        pytest.skip("needs a JDK and Debian's libitext-java (samples/README.md)")
    from samples.corpus.generate import render

    variant = _variant(name)
    target = tmp_path / variant.pdf.name
    render(variant, target)
    assert target.read_bytes() == variant.pdf.read_bytes()


def test_a_word_cut_in_a_nested_tables_cell_is_read_whole():
    # A small ruled table inside a comment cell; iText cuts "Ortopedicentrum" at its nested cell's
    # edge without a hyphen, as in any ruled cell (nested.nested_table_text, cut_words).
    from followup.pipeline import extract_document

    variant = _variant("bergslagen-2025-09-itext-groups-dots")
    texts = [a.follow_up or "" for a in extract_document(variant.pdf).activities]
    assert any("Ortopedicentrum Väst 64" in text for text in texts)
