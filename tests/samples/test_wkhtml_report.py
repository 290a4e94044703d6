"""The server-side export printed by wkhtmltopdf (Debian's build, Qt WebKit on unpatched Qt): the
committed PDFs it gave, how followup reads what Qt WebKit does at a page break, and (where
wkhtmltopdf is installed) rendering them again."""
from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from followup.pipeline import extract_document
from samples.corpus import load_variants, variant_report
from samples.layout import Layout

WKHTML = [v for v in load_variants() if v.producer == "wkhtml"]


def _variant(name: str):
    return next(v for v in WKHTML if v.name == name)


def test_the_corpus_has_five_wkhtmltopdf_layouts_printed_by_qt():
    assert len(WKHTML) >= 5
    assert len({v.layout.status_style for v in WKHTML}) >= 4
    for variant in WKHTML:
        with pikepdf.open(variant.pdf) as pdf:
            assert str(pdf.docinfo.get("/Creator")).startswith("wkhtmltopdf"), variant.name


def test_debian_s_build_prints_the_header_row_once_and_no_running_header():
    variant = _variant("alvstad-2025-03-wkhtml")
    with pdfplumber.open(variant.pdf) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    assert len(texts) == 2
    assert variant_report(variant).running_header not in "".join(texts)
    assert texts[1].count("Kommentar") == 1  # the completed table's own header, not the first one's again


@pytest.mark.parametrize(("name", "goal"), [
    # The status ● at page 1's foot is painted again, clipped, above page 2's first line.
    ("alvstad-2025-03-wkhtml", "Fullständig registrering i Svenska frakturregistret och Ledprotesregistret"),
    # The row's rule is drawn below page 1's last line, in the bottom margin, clipped away.
    ("bergslagen-2025-09-wkhtml-merged-dots-rotated",
     "Patienter som väntar på protesoperation ska erbjudas prehabilitering med fysioterapeut"),
])
def test_a_row_qt_webkit_paints_over_a_page_break_is_one_activity(name: str, goal: str):
    activities = extract_document(_variant(name).pdf).activities
    broken = next(a for a in activities if a.goal == goal)
    assert broken.pages == [1, 2]
    assert len(activities) == len(variant_report(_variant(name)).active) + len(variant_report(_variant(name)).done)


def test_the_grid_markup_is_refused():
    from samples.wkhtml_report import render_wkhtml

    with pytest.raises(ValueError, match="CSS grid"):
        render_wkhtml(variant_report(WKHTML[0]), Path("unused.pdf"), 0, Layout(markup="grid"))


@pytest.mark.parametrize("name", ["alvstad-2025-03-wkhtml", "bergslagen-2025-09-wkhtml-merged-dots-rotated"])
def test_rendering_again_gives_the_committed_bytes(name: str, tmp_path: Path):
    if shutil.which("wkhtmltopdf") is None:
        pytest.skip("wkhtmltopdf is not installed (apt-get install wkhtmltopdf)")
    from samples.corpus.generate import render

    variant = _variant(name)
    target = tmp_path / variant.pdf.name
    render(variant, target)
    assert target.read_bytes() == variant.pdf.read_bytes()
