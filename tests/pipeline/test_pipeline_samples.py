"""End to end: every committed sample PDF extracts to exactly its hand-checked expected output,
and the shared example reaches the score the product promises."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup.gold import mismatches
from followup.output import document_json
from followup.pipeline import extract_document

REPO = Path(__file__).resolve().parents[2]
SAMPLE_PDFS = sorted((REPO / "samples" / "pdf").glob("*.pdf"))
SHARED = REPO.parent / "shared"
EXAMPLE_PDF = SHARED / "examples" / "lil-2023-11.pdf"
EXAMPLE_GOLD = SHARED / "examples" / "lil-2023-11.gold.json"
SCORER = SHARED / "checks" / "score_extract.py"


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


def test_example_report_scores_at_least_099(tmp_path):
    out = tmp_path / "example.json"
    out.write_text(document_json(extract_document(EXAMPLE_PDF)), encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(EXAMPLE_GOLD), str(out), "--min", "0.99"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
