"""Matching large periods: only candidate pairs are scored, and the pairs found are those of the full comparison."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from compare_factory import activity, gold_document

from bench import periods
from followup.compare import candidates
from followup.compare.candidates import candidate_pairs
from followup.compare.matching import MatchTexts, match_activities, similar_pairs

EXPECTED = Path(__file__).resolve().parents[2] / "samples" / "expected"


@pytest.fixture(scope="module")
def large_periods():
    """Two periods of a 600-activity report: far over the size where every pair is scored."""
    documents = [gold_document(json.loads(p.read_text("utf-8"))) for p in sorted(EXPECTED.glob("*-[0-9][0-9].json"))]
    old = periods.large_report(documents, 600)
    new = periods.next_period(old, added=periods.fresh_activities(documents, 600))
    # Every id changes (a small edit to every area), so nothing pairs by id and all is matched by text.
    new_activities = [a.model_copy(update={"id": f"{a.id}-rev", "area": f"{a.area} (rev)"}) for a in new.activities]
    assert not candidates.all_pairs_are_cheap(len(old.activities), len(new_activities))
    return old.activities, new_activities


def test_candidates_give_the_pairs_and_scores_of_the_full_comparison(large_periods, monkeypatch):
    old, new = large_periods
    blocked = [(p.old_index, p.new_index, p.score) for p in match_activities(old, new)]
    monkeypatch.setattr(candidates, "EXHAUSTIVE_PAIRS", 10**9)
    full = [(p.old_index, p.new_index, p.score) for p in match_activities(old, new)]
    assert len(full) > 500
    assert blocked == full


def test_every_pair_over_the_bar_that_shares_a_rare_word_is_scored_as_in_full(large_periods, monkeypatch):
    old, new = (MatchTexts.of(side) for side in large_periods)
    rows, cols, scores = similar_pairs(old, new, 70.0)
    monkeypatch.setattr(candidates, "EXHAUSTIVE_PAIRS", 10**9)
    full_rows, full_cols, full_scores = similar_pairs(old, new, 70.0)
    full = dict(zip(zip(full_rows.tolist(), full_cols.tolist(), strict=False), full_scores.tolist(), strict=False))
    found = dict(zip(zip(rows.tolist(), cols.tolist(), strict=False), scores.tolist(), strict=False))
    assert found.items() <= full.items(), "a candidate is scored exactly as in the full comparison"
    # What blocking leaves out are look-alikes that share only common words, never a row's own match.
    assert len(found) > 0.75 * len(full)


def test_common_words_do_not_make_candidates_but_rare_ones_do():
    filler = [{"och", "för", "patienter", f"ord{i}"} for i in range(200)]
    left = [{"och", "för", "taligenkänning", "mottagningen"}, *filler]
    right = [{"för", "taligenkänning", "mottagningen", "införd"}, {"och", "för", "patienter", "chatt"}, *filler]
    rows, cols = candidate_pairs(left, right)
    pairs = set(zip(rows.tolist(), cols.tolist(), strict=False))
    assert (0, 0) in pairs
    assert (0, 1) not in pairs, "sharing 'och' and 'för' says nothing"
    assert list(rows) == sorted(rows)


def test_a_row_without_informative_words_meets_every_row_of_the_other_side():
    left = [set(), {"elab"}]
    right = [{"elab"}, {"chatt"}, set()]
    rows, cols = candidate_pairs(left, right)
    assert set(zip(rows.tolist(), cols.tolist(), strict=False)) == {(0, 0), (0, 1), (0, 2), (1, 0), (1, 2)}


def test_small_reports_score_every_pair():
    rows = [activity("Bredda användandet av digitalt möte"), activity("Elab för samtliga enheter", area="Elab")]
    found_rows, found_cols, scores = similar_pairs(MatchTexts.of(rows), MatchTexts.of(rows), 0.0)
    assert len(found_rows) == 4 and np.all(scores >= 0)
