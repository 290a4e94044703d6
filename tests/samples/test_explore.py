"""The layout explorer draws only combinations a real report could print, and scores as the corpus does."""
from __future__ import annotations

import random

import pytest

from samples.corpus import content_path
from samples.corpus.explore import CONTENTS, MIN_COLUMN_EM, Unrealistic, draw_layout, score
from samples.corpus.fields import FIELDS


@pytest.mark.parametrize("producer", ["word", "web", "browser", "fpdf", "pdflib", "typst"])
def test_every_drawn_layout_leaves_its_columns_room_for_their_font(producer: str) -> None:
    rng = random.Random(7)
    drawn = 0
    for _ in range(200):
        try:
            layout = draw_layout(rng, producer)
        except Unrealistic:
            continue
        drawn += 1
        margins = layout.margins_mm or (15, 15, 15, 15)
        usable = layout.page_mm[0] - margins[1] - margins[3]
        assert usable / len(layout.columns) >= MIN_COLUMN_EM * (layout.font_pt or 9)
        assert layout.legend or layout.palette != "theme"
        if producer in ("fpdf", "pdflib", "typst"):
            assert layout.status_style != "icon"
    assert drawn > 50


def test_the_same_seed_draws_the_same_combinations() -> None:
    def drawn(seed: int) -> list:
        rng = random.Random(seed)
        layouts = []
        for _ in range(30):
            try:
                layouts.append(draw_layout(rng, "web"))
            except Unrealistic:
                layouts.append(None)
        return layouts
    assert drawn(3) == drawn(3) != drawn(4)


def test_every_content_drawn_from_exists() -> None:
    for content in CONTENTS:
        assert content_path(content).is_file()


def _gold(action: str, goal: str) -> dict:
    return {"section": "active", "area": "Digitala tjänster", "goal": goal, "action": action,
            "deadline_raw": "2025-06", "deadline": None, "responsible": "Verksamhetschef", "status": "done",
            "follow_up": None, "new_deadline_raw": None, "highlighted": False, "extra": {}}


def _read(gold: dict, **changed: str) -> dict:
    read = {**gold, "deadline": {"text": gold["deadline_raw"], "date": None},
            "responsible": {"text": gold["responsible"]}, "new_deadline": None}
    return {**read, **changed}


def test_a_missed_field_and_an_extra_row_both_cost() -> None:
    gold = [_gold("Införa webbtidbokning för återbesök", "Ökad tillgänglighet"),
            _gold("Ny rutin för avvikelser", "Ökad patientsäkerhet")]
    extracted = [_read(gold[0]), _read(gold[1], goal="Ökad patientsäker het"),
                 _read(gold[1], action="Ny rutin för avvikelser i vården", goal="")]
    right, total, wrong = score(gold, extracted)
    assert wrong == ((1, "goal"),)
    assert total == 3 * len(FIELDS)
    assert right == 2 * len(FIELDS) - 1
