"""The web planning system's pdfmake export: the committed PDFs it gave, and (where Node and the
renderer's packages are installed: `npm ci` in samples/pdfmake) rendering them again."""
from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from followup.extract.document import read_raw_document
from samples.corpus import load_variants, variant_report
from samples.corpus.stats import variant_stats
from samples.generate import source_date_epoch
from samples.producer_look import PDFMAKE_COLUMNS

PDFMAKE = [v for v in load_variants() if v.producer == "pdfmake"]
RENDERER = Path(__file__).resolve().parents[2] / "samples" / "pdfmake"


def _variant(name: str):
    return next(v for v in PDFMAKE if v.name == name)


def _page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_the_corpus_has_five_and_more_pdfmake_layouts():
    assert len(PDFMAKE) >= 5
    assert len({v.layout.status_style for v in PDFMAKE}) >= 5
    for variant in PDFMAKE:
        with pikepdf.open(variant.pdf) as pdf:
            assert str(pdf.docinfo.get("/Producer")) == "pdfmake", variant.name


def test_the_header_row_repeats_on_every_page_unless_the_layout_prints_it_once():
    repeated = _variant("alvstad-2025-03-pdfmake")
    once = _variant("hamnstad-2025-05-pdfmake-groups-fill-zebra")
    assert all(PDFMAKE_COLUMNS[6] in text for text in _page_texts(repeated.pdf))
    texts = _page_texts(once.pdf)
    assert len(texts) >= 2 and sum(PDFMAKE_COLUMNS[6] in text for text in texts) == 2  # each table once


def test_rows_split_over_page_breaks_unless_the_layout_keeps_them_whole():
    split = [v for v in PDFMAKE if v.layout.row_break == "split"]
    assert sum(len(variant_stats(v).split_keys) for v in split) >= 3
    assert all(not variant_stats(v).split_keys for v in PDFMAKE if v.layout.row_break == "avoid")


def test_truetype_fonts_from_the_system_are_embedded():
    def fonts(name: str) -> set[str]:
        with pikepdf.open(_variant(name).pdf) as pdf:
            return {str(f.get("/BaseFont")) for page in pdf.pages for f in page.Resources.Font.values()}

    assert any("LiberationSans" in font for font in fonts("alvstad-2025-03-pdfmake"))
    assert any("DejaVuSans" in font for font in fonts("hamnstad-2025-05-pdfmake-groups-fill-zebra"))


def test_a_word_cut_at_a_page_break_is_noted_where_the_row_is_joined():
    # pdfmake cuts "Specialistmödravård" at the cell's edge on the last line page 1 has room for.
    raw = read_raw_document(_variant("osteras-2025-06-pdfmake-glyph-turned-letter").pdf)
    row = next(r for t in raw.tables for r in t.rows if r.pages == [1, 2])
    assert ("Specialistmödr", "avård och", "cut") in {(e.line, e.next, e.kind) for e in row.cells["area"].line_ends}


def test_the_document_definition_is_json_with_the_layouts_named():
    from samples.pdfmake_report import document_definition

    variant = _variant("hamnstad-2025-05-pdfmake-groups-fill-zebra")
    created = datetime.fromtimestamp(source_date_epoch(variant_report(variant)), tz=UTC)
    definition = json.loads(json.dumps(document_definition(variant_report(variant), variant.layout, created)))
    tables = [node for node in definition["content"] if "table" in node and node["table"].get("headerRows") is not None]
    assert tables and all(t["layout"]["followup"]["rules"] == "grid" for t in tables)
    assert all(t["table"]["headerRows"] == 0 for t in tables)  # the layout prints its header once
    group_rows = [row for t in tables for row in t["table"]["body"] if row[0].get("colSpan")]
    assert group_rows and all(row[0]["text"].startswith("Område: ") for row in group_rows)


@pytest.mark.parametrize("name", ["norrmark-2024-10-pdfmake-dots-merged-rotated",
                                  "osteras-2025-06-pdfmake-glyph-turned-letter"])
def test_rendering_again_gives_the_committed_bytes(name: str, tmp_path: Path):
    if shutil.which("node") is None or not (RENDERER / "node_modules" / "pdfmake").is_dir():
        pytest.skip("pdfmake is not installed (npm ci in samples/pdfmake)")
    from samples.corpus.generate import render

    variant = _variant(name)
    target = tmp_path / variant.pdf.name
    render(variant, target)
    assert target.read_bytes() == variant.pdf.read_bytes()
