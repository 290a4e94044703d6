"""The committed sample files agree with each other: expected documents, diffs and PDFs."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EXPECTED = SAMPLES / "expected"
PDF = SAMPLES / "pdf"

DOCUMENT_KEYS = {"file", "period", "title", "milestones", "activities"}
ACTIVITY_KEYS = {"section", "area", "goal", "action", "deadline_raw", "deadline", "responsible",
                 "status", "follow_up", "new_deadline_raw", "highlighted"}
DIFF_FIELDS = {"section", "area", "goal", "action", "deadline", "responsible", "status",
               "follow_up", "new_deadline", "highlighted"}
TEXT_FIELDS = ("area", "goal", "action", "deadline_raw", "responsible", "follow_up")

DOCUMENTS = sorted(p for p in EXPECTED.glob("*.json") if not p.name.endswith(".diff.json"))
DIFFS = sorted(EXPECTED.glob("*.diff.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_samples_and_pairs():
    assert len(DOCUMENTS) >= 3
    assert len(DIFFS) >= 1


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_expected_document_has_the_gold_shape(path: Path):
    document = _load(path)
    assert set(document) == DOCUMENT_KEYS
    assert document["file"] == f"{path.stem}.pdf"
    assert (PDF / document["file"]).is_file(), "every expected file has its committed PDF"
    assert re.fullmatch(r"\d{4}-\d{2}", document["period"])
    for milestone in document["milestones"]:
        assert set(milestone) == {"label", "date"} and milestone["label"] and milestone["date"]
    activities = document["activities"]
    assert 10 <= len(activities) <= 40
    sections = [a["section"] for a in activities]
    assert sections == sorted(sections, key=["active", "done"].index), "active rows come first"
    for activity in activities:
        assert set(activity) == ACTIVITY_KEYS
        assert activity["status"] in {"done", "in_progress", "delayed"}
        assert isinstance(activity["highlighted"], bool)
        for name in TEXT_FIELDS:
            value = activity[name]
            assert value and value == " ".join(value.split()), f"{name} is collapsed text"
        if activity["section"] == "done":
            assert activity["new_deadline_raw"] is None
        else:
            assert not activity["highlighted"], "only completed rows are highlighted"


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_iso_deadline_only_for_a_whole_valid_day(path: Path):
    for activity in _load(path)["activities"]:
        raw, iso = activity["deadline_raw"], activity["deadline"]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            try:
                date.fromisoformat(raw)
            except ValueError:
                assert iso is None, f"{raw} is not a day"
            else:
                assert iso == raw
        else:
            assert iso is None, f"{raw!r} names no whole day"


@pytest.mark.parametrize("path", DIFFS, ids=lambda p: p.stem)
def test_expected_diff_points_into_its_documents(path: Path):
    diff = _load(path)
    assert path.name == f"{Path(diff['old']).stem}__{Path(diff['new']).stem}.diff.json"
    old = _load(EXPECTED / f"{Path(diff['old']).stem}.json")["activities"]
    new = _load(EXPECTED / f"{Path(diff['new']).stem}.json")["activities"]
    seen_old, seen_new = set(), set()
    for change in diff["changes"]:
        kind, i, j = change["change"], change["old_index"], change["new_index"]
        assert set(change["fields"]) <= DIFF_FIELDS
        assert (i is None) == (kind == "added") and (j is None) == (kind == "removed")
        if i is not None:
            assert 0 <= i < len(old) and i not in seen_old
            seen_old.add(i)
        if j is not None:
            assert 0 <= j < len(new) and j not in seen_new
            seen_new.add(j)
        if kind == "unchanged":
            assert change["fields"] == [] and old[i]["follow_up"] == new[j]["follow_up"]
        if kind == "changed":
            assert change["fields"]
            for field in change["fields"]:
                name = {"deadline": "deadline_raw", "new_deadline": "new_deadline_raw"}.get(field, field)
                assert old[i][name] != new[j][name], f"{field} is listed but equal"
    assert seen_old == set(range(len(old))) and seen_new == set(range(len(new)))


@pytest.mark.parametrize("path", DIFFS, ids=lambda p: p.stem)
def test_each_pair_exercises_every_kind_of_change(path: Path):
    changes = _load(path)["changes"]
    kinds = {c["change"] for c in changes}
    assert {"added", "removed", "changed", "unchanged"} <= kinds
    assert any({"section", "status", "new_deadline"} <= set(c["fields"]) for c in changes), \
        "an activity moves to the completed table"
    matched = [c for c in changes if c["old_index"] is not None and c["new_index"] is not None]
    order = [c["old_index"] for c in sorted(matched, key=lambda c: c["new_index"])]
    assert order != sorted(order), "an activity is reordered"
