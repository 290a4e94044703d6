"""The hand-checked sample pairs: diff_documents on two expected documents gives the expected diff.

samples/expected/OLD__NEW.diff.json lists, for each activity, its change, its index in the old and
the new expected document (null when added or removed) and the fields that changed.
"""
import json
from pathlib import Path

import pytest
from compare_factory import gold_document

from followup.compare import diff_documents

EXPECTED = Path(__file__).resolve().parents[2] / "samples" / "expected"
PAIRS = sorted(EXPECTED.glob("*__*.diff.json"))


def index_of(activities, activity):
    return next(i for i, a in enumerate(activities) if a is activity)


def outcome(change, old_doc, new_doc):
    return (change.change,
            None if change.old is None else index_of(old_doc.activities, change.old),
            None if change.new is None else index_of(new_doc.activities, change.new),
            tuple(sorted(change.fields)))


def test_there_are_sample_pairs():
    assert len(PAIRS) >= 2


@pytest.mark.parametrize("expected_file", PAIRS, ids=lambda p: p.name)
def test_sample_pair_is_diffed_as_hand_checked(expected_file):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    old_doc, new_doc = (gold_document(json.loads((EXPECTED / Path(expected[side]).with_suffix(".json").name)
                                                 .read_text(encoding="utf-8"))) for side in ("old", "new"))
    result = diff_documents(old_doc, new_doc, old_file=expected["old"], new_file=expected["new"])
    # diff_documents keeps the Activity objects it was given, so they point back to their indices.
    got = {outcome(c, old_doc, new_doc) for c in result.activities}
    want = {(c["change"], c["old_index"], c["new_index"], tuple(sorted(c["fields"]))) for c in expected["changes"]}

    got_pairs = {(o, n) for _, o, n, _ in got if o is not None and n is not None}
    want_pairs = {(o, n) for _, o, n, _ in want if o is not None and n is not None}
    assert got_pairs == want_pairs, "pairing precision and recall must both be 1.0"
    assert sorted(got, key=repr) == sorted(want, key=repr)
