"""extract/ on real PDFs: the tables, rows, cells and colours a reader sees on the pages.

The expectations come from the hand-checked samples (samples/expected) and from looking at the
rendered pages; the extractor's output was never copied into them.
"""
import json
from pathlib import Path

import pytest

from followup.extract.document import read_raw_document

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
WORD = SAMPLES / "pdf" / "ystad-2024-03.pdf"
WEB = SAMPLES / "pdf" / "medicin-web-2024-05.pdf"


def expected(pdf: Path) -> dict:
    return json.loads((SAMPLES / "expected" / f"{pdf.stem}.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def word():
    return read_raw_document(WORD)


@pytest.fixture(scope="module")
def web():
    return read_raw_document(WEB)


@pytest.mark.parametrize("pdf", [WORD, WEB], ids=["word", "web"])
def test_every_activity_of_each_section_becomes_one_row(pdf):
    raw = read_raw_document(pdf)
    gold = expected(pdf)["activities"]
    for section in ("active", "done"):
        rows = sum(len(t.rows) for t in raw.tables if t.section == section)
        assert rows == sum(1 for a in gold if a["section"] == section), section


def test_word_tables_have_the_eight_and_seven_columns(word):
    active, done = word.tables
    assert active.columns == ["area", "goal", "action", "deadline", "responsible", "status", "follow_up", "new_deadline"]
    assert done.columns == active.columns[:-1]
    assert (active.section, done.section) == ("active", "done")


def test_web_header_wording_maps_to_the_same_roles(web):
    assert "action" in web.tables[0].columns and "follow_up" in web.tables[0].columns
    assert "new_deadline" in web.tables[0].columns


def test_rows_broken_over_a_page_are_stitched_into_one(word):
    split = [row for table in word.tables for row in table.rows if len(row.pages) > 1]
    assert len(split) >= 2
    for row in split:
        assert row.pages == sorted(row.pages) and row.pages[1] == row.pages[0] + 1


def test_vertically_merged_area_is_given_to_every_row_it_spans(word):
    gold = [a for a in expected(WORD)["activities"] if a["section"] == "done"]
    rows = word.tables[1].rows
    areas = [" ".join(r.cells["area"].text.replace("-\n", "").split()) for r in rows]
    # A merged Område cell: consecutive gold rows share one area, and so must ours.
    shared = [i for i in range(1, len(gold)) if gold[i]["area"] == gold[i - 1]["area"]]
    assert shared, "the sample has merged Område cells"
    for i in shared:
        assert areas[i] == areas[i - 1] != ""


def test_nested_table_is_read_row_by_row_inside_its_cell(word):
    texts = [r.cells["follow_up"].text for t in word.tables for r in t.rows]
    nested = [t for t in texts if "Mottagning Andel" in t]
    assert len(nested) == 1
    # The wrapped nested cell is joined before its neighbour, not after it.
    assert "urologimottag-\nningen 45 %" in nested[0]


def test_status_comes_as_cell_shading_in_word_and_as_a_dot_in_web(word, web):
    word_status = [r.cells["status"] for r in word.tables[0].rows]
    assert all(c.fill for c in word_status)
    web_status = [r.cells["status"] for r in web.tables[0].rows]
    assert all(c.marker for c in web_status)


def test_highlighted_rows_carry_the_row_shading(word, web):
    for raw, pdf in ((word, WORD), (web, WEB)):
        gold = [a["highlighted"] for a in expected(pdf)["activities"]]
        got = [r.row_fill is not None for t in raw.tables for r in t.rows]
        assert got == gold


def test_legend_colours_are_read_from_the_document(word, web):
    assert [(e.label, e.colour) for e in word.legend] == [
        ("KLART", "#00B050"), ("ARBETE PÅGÅR", "#FFC000"), ("FÖRSENAT", "#FF0000")]
    assert [e.colour for e in web.legend] == ["#92D050", "#FFC000", "#C00000"]


def test_title_preamble_and_milestones_of_a_word_report(word):
    gold = expected(WORD)
    assert word.title == gold["title"]
    assert any("uppföljningstillfälle 2024-03-18" in line for line in word.preamble)
    assert len(word.milestones) == len(gold["milestones"]) == 4
    assert word.milestones[0].startswith(gold["milestones"][0]["label"].split()[0])


BROWSER = SAMPLES / "pdf" / "psykiatri-2024-10.pdf"


@pytest.fixture(scope="module")
def browser():
    return read_raw_document(BROWSER)


def test_a_table_without_any_rules_is_cut_into_rows_by_text_alignment(browser):
    import pdfplumber

    with pdfplumber.open(BROWSER) as pdf:
        assert not any(page.lines for page in pdf.pages), "the sample really has no rules"
    gold = expected(BROWSER)["activities"]
    assert [len(t.rows) for t in browser.tables] == [
        sum(1 for a in gold if a["section"] == "active"), sum(1 for a in gold if a["section"] == "done")]
    assert [t.section for t in browser.tables] == ["active", "done"]


def test_status_and_legend_printed_as_coloured_glyphs_are_read(browser):
    assert [(e.label, e.colour) for e in browser.legend] == [
        ("KLART", "#00A651"), ("PÅGÅR", "#F7B500"), ("FÖRSENAT", "#E03C31")]
    markers = [r.cells["status"].marker for t in browser.tables for r in t.rows]
    assert all(markers) and set(markers) <= {"#00A651", "#F7B500", "#E03C31"}
