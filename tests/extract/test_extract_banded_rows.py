"""Rows told apart by their shading alone, in a table ruled round its columns (Word's table styles).

Word's "Medium Shading 1" draws the table's outline and bands its rows with shading, with no rule
between them; LibreOffice applies the style cell by cell. Such a table's rows are where the text
says, as in a table without rules, once its shading shows bands inside what the rules leave as one
row (extract/tables.py `_shading_bands_rows`).
"""
import json
from pathlib import Path

from followup.pipeline import extract_document

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus" / "pdf"
EXPECTED = CORPUS.parent / "expected"
BANDED = CORPUS / "vastkust-2024-06-word-table-style-shading.pdf"


def test_rows_banded_by_a_table_style_without_rules_between_them_are_told_apart():
    gold = json.loads((EXPECTED / "vastkust-2024-06-word-table-style-shading.json").read_text(encoding="utf-8"))
    document = extract_document(BANDED)
    assert [(a.action, a.highlighted) for a in document.activities] == \
           [(a["action"], a["highlighted"]) for a in gold["activities"]]
    assert [a.pages for a in document.activities][:4] == [[1], [1], [1, 2], [2]]


def test_a_ruled_table_with_one_row_on_a_page_stays_one_row():
    # The same fallback must not split a real row: the last page of fpdf2's ruled table holds one
    # row (cells of several paragraphs, an area merged over rows), which stays one activity.
    document = extract_document(CORPUS / "norrmark-2024-10-fpdf-merged-middle.pdf")
    gold = json.loads((EXPECTED / "norrmark-2024-10-fpdf-merged-middle.json").read_text(encoding="utf-8"))
    assert len(document.activities) == len(gold["activities"]) == 15
