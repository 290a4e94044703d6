"""Bold text whose font's name does not say it: jsPDF names the regular and the bold face of a
family alike ("DejaVuSans" twice), and only the embedded font program's OS/2 weight class tells them
apart. Every reader reads the same bold from it (a group row "Område: …" in one column of a table
without rules is a group row because it is bold)."""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from bench.reader_agreement import read_pages
from followup.extract.page_content import is_bold, program_weight
from followup.extract.readers import READERS

JSPDF = Path(__file__).resolve().parents[2] / "samples" / "corpus" / "pdf" / "vastkust-2024-06-jspdf.pdf"


def _programs() -> dict[str, bytes]:
    """The embedded font programs by their own full name (the PDF names both faces alike)."""
    with pikepdf.open(JSPDF) as pdf:
        descriptors = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"]
        assert {str(d.FontName) for d in descriptors} == {"/DejaVuSans"} and len(descriptors) == 2
        return {f"face{i}": d.FontFile2.read_bytes() for i, d in enumerate(descriptors)}


def test_the_font_program_says_which_face_is_bold_when_the_name_does_not():
    weights = sorted(program_weight(program) for program in _programs().values())
    assert weights == [400, 700]
    assert [is_bold("DejaVuSans", program) for program in sorted(_programs().values(), key=program_weight)] == [False, True]
    assert is_bold("LiberationSans-Bold") and not is_bold("DejaVuSans")
    assert program_weight(b"%!PS-AdobeFont-1.0") is None  # a Type 1 program has no OS/2 table


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_the_header_bold_and_the_cells_not(reader: str):
    page = read_pages(JSPDF, reader)[0]
    words = {}
    for char in page.chars:
        words.setdefault(char.bold, []).append(char.text)
    bold, regular = "".join(words.get(True, [])), "".join(words.get(False, []))
    assert "Handlingsplan" in bold and "Klartsenast" in bold.replace(" ", "")
    assert "Vårdcentralerna" in regular.replace(" ", "") or len(regular) > 10 * len(bold)
