"""End to end: every committed sample PDF extracts to exactly its hand-checked expected output."""
import json
from pathlib import Path

import pytest

from followup.pipeline import extract_document
from samples.gold import mismatches

REPO = Path(__file__).resolve().parents[2]
SAMPLE_PDFS = sorted((REPO / "samples" / "pdf").glob("*.pdf"))


@pytest.mark.parametrize("pdf", SAMPLE_PDFS, ids=lambda p: p.stem)
def test_sample_matches_its_expected_output_in_every_field(pdf):
    gold = json.loads((REPO / "samples" / "expected" / f"{pdf.stem}.json").read_text("utf-8"))
    document = extract_document(pdf)
    wrong = mismatches(document, gold)
    assert not wrong, "\n".join(f"#{m.index} {m.field}: want {m.expected!r} got {m.got!r}" for m in wrong[:10])
    assert document.title == gold["title"]
    assert document.period == gold["period"]
    assert [m.label for m in document.milestones] == [m["label"] for m in gold["milestones"]]
    assert [m.date.date if m.date else None for m in document.milestones] == [m["date"] for m in gold["milestones"]]

