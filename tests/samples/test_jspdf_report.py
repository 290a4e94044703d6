"""The web app's table export with jsPDF + jspdf-autotable: the committed PDFs it gave, its
definition, and (where Node and the renderer's packages are installed: `npm ci` in samples/jspdf)
rendering them again."""
from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest

from samples.corpus import load_variants, variant_report
from samples.corpus.stats import variant_stats
from samples.generate import source_date_epoch
from samples.layout import Layout

JSPDF = [v for v in load_variants() if v.producer == "jspdf"]
RENDERER = Path(__file__).resolve().parents[2] / "samples" / "jspdf"


def _variant(name: str):
    return next(v for v in JSPDF if v.name == name)


def _definition(name: str) -> dict:
    from samples.jspdf_report import definition

    variant = _variant(name)
    created = datetime.fromtimestamp(source_date_epoch(variant_report(variant)), tz=UTC)
    return json.loads(json.dumps(definition(variant_report(variant), variant.layout, created)))


def _tables(spec: dict) -> list[dict]:
    return [block for block in spec["blocks"] if block["type"] == "table"]


def test_the_corpus_has_five_jspdf_layouts_with_dejavu_or_the_layout_s_font_embedded():
    assert len(JSPDF) >= 5
    assert len({v.layout.status_style for v in JSPDF}) >= 5
    for variant in JSPDF:
        with pikepdf.open(variant.pdf) as pdf:
            assert "jsPDF" in str(pdf.docinfo.get("/Producer")), variant.name
            fonts = {str(f.get("/BaseFont")) for page in pdf.pages for f in page.Resources.Font.values()}
        assert variant.layout.font or any("DejaVuSans" in font for font in fonts), variant.name


def test_autotable_s_own_options_carry_the_layout():
    grid = _tables(_definition("hamnstad-2025-05-jspdf-groups-grid-fill"))
    assert {t["theme"] for t in grid} == {"grid"} and not any(t["repeatHead"] for t in grid)
    group_rows = [row for t in grid for row in t["body"] if isinstance(row[0], dict) and row[0].get("colSpan")]
    assert group_rows and all(row[0]["content"].startswith("Område: ") for row in group_rows)
    striped = _tables(_definition("norrmark-2024-04-jspdf-merged-dots-zebra"))
    assert {t["theme"] for t in striped} == {"striped"}
    assert any(isinstance(cell, dict) and cell.get("rowSpan", 1) > 1 for t in striped for row in t["body"] for cell in row)
    avoid = _tables(_definition("sjostad-2025-02-jspdf-glyph-turned-avoid"))
    assert {t["rowPageBreak"] for t in avoid} == {"avoid"} and all(t["rotatedColumns"] for t in avoid)


def test_rows_split_over_page_breaks_unless_the_layout_keeps_them_whole():
    split = [v for v in JSPDF if v.layout.row_break == "split"]
    assert sum(len(variant_stats(v).split_keys) for v in split) >= 2
    assert all(not variant_stats(v).split_keys for v in JSPDF if v.layout.row_break == "avoid")


def test_a_status_picture_is_refused():
    from samples.jspdf_report import definition

    with pytest.raises(ValueError, match="status pictures"):
        definition(variant_report(JSPDF[0]), Layout(status_style="icon"), datetime(2025, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("name", ["vastkust-2024-06-jspdf", "sjostad-2025-02-jspdf-glyph-turned-avoid"])
def test_rendering_again_gives_the_committed_bytes(name: str, tmp_path: Path):
    if shutil.which("node") is None or not (RENDERER / "node_modules" / "jspdf-autotable").is_dir():
        pytest.skip("jsPDF is not installed (npm ci in samples/jspdf)")
    from samples.corpus.generate import render

    variant = _variant(name)
    target = tmp_path / variant.pdf.name
    render(variant, target)
    assert target.read_bytes() == variant.pdf.read_bytes()
