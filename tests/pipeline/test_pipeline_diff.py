"""End to end: `followup diff` of two extracted sample PDFs pairs every activity as hand-checked; so
does a diff of two periods of the corpus's group-row reports (areas only in full-width group rows)."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup.cli import main
from followup.compare import diff_documents
from followup.pipeline import extract_document

REPO = Path(__file__).resolve().parents[2]
EXPECTED = REPO / "samples" / "expected"
CORPUS = REPO / "samples" / "corpus"
PAIRS = [(path, REPO / "samples" / "pdf") for path in sorted(EXPECTED.glob("*__*.diff.json"))]
PAIRS += [(path, CORPUS / "pdf") for path in sorted((CORPUS / "expected").glob("*__*.diff.json"))]


def outcome(change, old_doc, new_doc):
    def index(activities, activity):
        return None if activity is None else next(i for i, a in enumerate(activities) if a is activity)

    return (change.change, index(old_doc.activities, change.old), index(new_doc.activities, change.new),
            tuple(sorted(change.fields)))


@pytest.mark.parametrize(("expected_file", "pdfs"), PAIRS, ids=[p.name.split("__")[0] for p, _ in PAIRS])
def test_extracted_pair_is_diffed_as_hand_checked(expected_file, pdfs):
    expected = json.loads(expected_file.read_text("utf-8"))
    old_doc = extract_document(pdfs / expected["old"])
    new_doc = extract_document(pdfs / expected["new"])
    result = diff_documents(old_doc, new_doc, old_file=expected["old"], new_file=expected["new"])
    got = sorted((outcome(c, old_doc, new_doc) for c in result.activities), key=repr)
    want = sorted(((c["change"], c["old_index"], c["new_index"], tuple(sorted(c["fields"])))
                   for c in expected["changes"]), key=repr)
    got_pairs = {(o, n) for _, o, n, _ in got if o is not None and n is not None}
    want_pairs = {(o, n) for _, o, n, _ in want if o is not None and n is not None}
    assert got_pairs == want_pairs, "pairing precision and recall are both 1.0"
    assert got == want, "every changed-field list is right"


def test_diff_command_reads_pdfs_and_writes_a_meeting_summary(tmp_path):
    out = tmp_path / "diff.md"
    result = CliRunner().invoke(main, ["diff", str(REPO / "samples/pdf/ystad-2024-03.pdf"),
                                       str(REPO / "samples/pdf/ystad-2024-09.pdf"), "--format", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "(mars 2024)" in text and "(september 2024)" in text
    assert "## Tillagda" in text and "## Borttagna" in text
