"""Opening a PDF: every way it can fail is one clear reason, never a traceback."""
from pathlib import Path

import pikepdf
import pytest

from followup.extract.document import read_raw_document
from followup.extract.errors import InputRejected

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "pdf" / "ystad-2024-03.pdf"


def rejection(path: Path, **kwargs) -> InputRejected:
    with pytest.raises(InputRejected) as caught:
        read_raw_document(path, **kwargs)
    return caught.value


def test_an_empty_file_is_rejected_as_empty(tmp_path):
    path = tmp_path / "tom.pdf"
    path.write_bytes(b"")
    assert rejection(path).code == "empty"


def test_a_text_file_named_pdf_is_not_a_pdf(tmp_path):
    path = tmp_path / "anteckning.pdf"
    path.write_text("Uppföljning av digitaliseringsstrategin", encoding="utf-8")
    assert rejection(path).code == "not_pdf"


def test_a_truncated_pdf_is_damaged(tmp_path):
    path = tmp_path / "avklippt.pdf"
    path.write_bytes(SAMPLE.read_bytes()[:2000])
    assert rejection(path).code == "damaged"


def test_an_encrypted_pdf_asks_for_its_password_and_opens_with_it(tmp_path):
    path = tmp_path / "krypterad.pdf"
    with pikepdf.open(SAMPLE) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="hemligt", owner="ägare"))
    assert rejection(path).code == "encrypted"
    assert "password" in rejection(path, password="fel").reason
    assert read_raw_document(path, password="hemligt").tables


def test_an_owner_password_only_pdf_opens_without_one(tmp_path):
    path = tmp_path / "agarlast.pdf"
    with pikepdf.open(SAMPLE) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="", owner="ägare"))
    assert read_raw_document(path).tables


def test_a_pdf_without_an_activity_table_says_so(tmp_path):
    path = tmp_path / "utan-tabell.pdf"
    with pikepdf.open(SAMPLE) as source:
        # A real page of a report, its text replaced by a line of prose: fonts and drawings stay.
        pdf = pikepdf.new()
        pdf.pages.append(source.pages[0])
        pdf.pages[0].Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Inledning) Tj ET")
        pdf.pages[0].Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)))
        pdf.save(path)
    assert rejection(path).code == "no_table"


def test_a_pdf_without_text_is_a_scan(tmp_path):
    path = tmp_path / "skannad.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(path)
    assert rejection(path).code == "no_text"
