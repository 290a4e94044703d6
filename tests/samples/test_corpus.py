"""The layout-variation corpus: every variant read field by field, and the corpus's own coverage.

Each variant is extracted with followup.pipeline.extract_document and compared with its gold file
(written from the content, never from an extraction), activity by activity in order.
"""
from __future__ import annotations

import json
from functools import cache

import pdfplumber
import pytest

from followup.pipeline import extract_document
from samples.corpus import EXPECTED, load_diff_pairs, load_variants
from samples.corpus.fields import FIELDS, differences
from samples.corpus.stats import variant_stats
from samples.layout import (
    AREA_MODES,
    ICON_SETS,
    MARKUPS,
    ORIENTATIONS,
    PALETTES,
    ROW_BREAKS,
    RULES,
    STATUS_STYLES,
    STATUS_WORDS,
    TABLE_SPLITS,
)

VARIANTS = load_variants()
PRODUCERS = ("word", "web", "browser", "sheet", "fpdf", "pdflib", "typst", "pdfmake", "itext", "wkhtml", "jspdf")
# The corpus must break at least this many rows over a page break (issue 9).
MIN_SPLIT_ROWS = 60


def _gold(variant) -> list[dict]:
    return json.loads(variant.expected.read_text(encoding="utf-8"))["activities"]


# Share of all fields of the corpus that must come out exactly, hyphenation included (measured:
# 25,620 of 25,620, every variant exact; README).
MIN_EXACT_FIELDS = 1.0


@cache
def _extracted(variant) -> tuple[dict, ...]:
    return tuple(a.model_dump(mode="json") for a in extract_document(variant.pdf).activities)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_variant_is_read_field_by_field(variant):
    """Every activity, in order, every field; a line-end hyphen the author may have written is the
    line-break repair's question and is compared on its own below."""
    gold = _gold(variant)
    extracted = _extracted(variant)
    problems = []
    if len(extracted) != len(gold):
        problems.append(f"{len(extracted)} activities extracted, {len(gold)} expected")
    for index, (want, got) in enumerate(zip(gold, extracted, strict=False)):
        for name, wanted, found in differences(want, got, hyphenation_aside=True):
            problems.append(f"#{index} {name}: want {str(wanted)[:90]!r} got {str(found)[:90]!r}")
    assert not problems, f"{variant.name}: {len(problems)} differences\n" + "\n".join(problems[:25])


def test_the_corpus_comes_out_exactly_hyphens_and_all():
    right = total = 0
    for variant in VARIANTS:
        for want, got in zip(_gold(variant), _extracted(variant), strict=True):
            total += len(FIELDS)
            right += len(FIELDS) - len(differences(want, got))
    assert right / total >= MIN_EXACT_FIELDS, f"{right} of {total} fields exact"


def test_every_variant_has_its_pdf_and_gold():
    assert len(VARIANTS) >= 10
    for variant in VARIANTS:
        assert variant.pdf.is_file(), variant.name
        document = json.loads(variant.expected.read_text(encoding="utf-8"))
        assert document["file"] == variant.pdf.name
        for activity in document["activities"]:
            assert isinstance(activity["extra"], dict)
    for pair in load_diff_pairs():
        assert (EXPECTED / f"{pair.old}__{pair.new}.diff.json").is_file()


def test_the_corpus_splits_enough_rows_over_page_breaks():
    split = sum(len(variant_stats(v).split_keys) for v in VARIANTS)
    assert split >= MIN_SPLIT_ROWS


def _values(option: str) -> set:
    return {getattr(v.layout, option) for v in VARIANTS}


def test_every_layout_option_is_covered():
    assert {v.producer for v in VARIANTS} == set(PRODUCERS)
    assert set(AREA_MODES) <= _values("areas")
    assert set(STATUS_STYLES) <= _values("status_style")
    assert set(PALETTES) <= _values("palette")
    assert set(ORIENTATIONS) <= _values("orientation")
    assert set(ROW_BREAKS) <= _values("row_break")
    assert {True, False} <= _values("legend") and {True, False} <= _values("zebra")
    assert {True, False} <= _values("highlight")
    assert set(RULES) <= _values("rules") and set(TABLE_SPLITS) <= _values("tables")
    assert set(STATUS_WORDS) <= _values("status_words")
    assert {True, False} <= _values("repeat_header"), "a header printed on its table's first page only"
    assert {"serif", "narrow"} <= _values("font")
    assert any(v.layout.header_fill for v in VARIANTS), "a dark header row"
    assert any("\n" in wording for v in VARIANTS for _, wording in v.layout.headers), \
        "a header on two lines"
    assert any(v.layout.page_mm for v in VARIANTS) and any(v.layout.font_pt for v in VARIANTS)
    assert any(v.layout.group_label.startswith("Område:") for v in VARIANTS
               if v.layout.areas == "groups")
    extras = {k for v in VARIANTS for k in (v.layout.columns or ()) if k in
              ("nr", "start", "priority", "cost", "indicator")}
    assert extras == {"nr", "start", "priority", "cost", "indicator"}
    assert {v.producer for v in VARIANTS if v.layout.rotated_headers} == set(PRODUCERS), \
        "headers turned a quarter in narrow columns, by every producer"
    assert set(MARKUPS) <= _values("markup")
    assert {v.producer for v in VARIANTS if v.layout.markup == "grid"} == {"web", "browser"}, \
        "a CSS grid of <div>s printed by both browsers"
    icons = [v for v in VARIANTS if v.layout.status_style == "icon"]
    assert {v.producer for v in icons} >= {"word", "web", "browser"}, "a status icon from every document producer"
    assert set(ICON_SETS) <= {v.layout.icons for v in icons}
    assert any(v.layout.legend and v.layout.palette == "theme" for v in icons), "an icon legend the hue disagrees with"
    styled = [v for v in VARIANTS if v.layout.table_style]
    assert len({v.layout.table_style for v in styled}) >= 2 and any(v.layout.areas == "groups" for v in styled), \
        "Word's own table styles, one banding its group rows too"
    for producer in PRODUCERS:
        styles = {v.layout.status_style for v in VARIANTS if v.producer == producer}
        assert len(styles) >= 3, f"{producer} prints the status in several ways"


def test_some_rows_are_not_started_and_have_no_status():
    statuses = [a["status"] for v in VARIANTS for a in _gold(v)]
    assert None in statuses


@pytest.mark.parametrize("pair", load_diff_pairs(), ids=lambda p: f"{p.old}__{p.new}")
def test_each_corpus_pair_changes_every_way(pair):
    diff = json.loads((EXPECTED / f"{pair.old}__{pair.new}.diff.json").read_text(encoding="utf-8"))
    kinds = {change["change"] for change in diff["changes"]}
    assert {"added", "removed", "changed", "unchanged"} <= kinds
    fields = [set(change["fields"]) for change in diff["changes"]]
    assert any({"section", "status"} <= f for f in fields), "an activity moves to the done table"
    assert any("follow_up" in f for f in fields)


def test_rotated_variants_are_portrait_pages_turned_for_display():
    rotated = [v for v in VARIANTS if v.layout.orientation == "rotated"]
    assert rotated
    for variant in rotated:
        with pdfplumber.open(variant.pdf) as pdf:
            for page in pdf.pages:
                assert page.rotation == 90, variant.name
                media = page.page_obj.mediabox
                assert media[2] - media[0] < media[3] - media[1], "stored portrait"
