"""Page readers against the pdfplumber reader: the same PageContent, the same JSON.

The contract of extract/readers: the pdfminer reader (the default) may be faster, never different:
every page of every PDF of the repository (samples, test fixtures, the layout-variation corpus and
the line-break evaluation's PDFs) equals pdfplumber's object for object, exactly, so every output
is byte-identical; the JSON of every sample and every corpus variant is compared too. The pdfium
reader is held to that on the samples and the evaluation PDFs page by page, within a stated
tolerance, and to byte-identical JSON on every corpus variant; on some Chromium pages its objects
still differ beyond the tolerance (README), which the JSON does not show.
"""
from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import pytest

from bench.reader_agreement import equal_within, read_pages
from followup.extract.document import read_raw_document
from followup.extract.errors import InputRejected
from followup.extract.page_content import PageContent
from followup.extract.readers import DEFAULT_READER, READERS, page_reader
from followup.output import document_json
from followup.pipeline import extract_document

REPO = Path(__file__).resolve().parents[2]
REFERENCE = "pdfplumber"
FAST_READERS = [name for name in READERS if name != REFERENCE]

# Coordinates a reader may differ from pdfplumber's by, in points, per reader. pdfminer runs the
# same arithmetic as pdfplumber, so it must be exact. PDFium keeps coordinates in single precision
# and glyph widths in whole thousandths of an em, so a line of Chromium's fractional widths drifts
# (0.08 pt measured at the end of the longest sample line); a tenth of a point is far below any
# gap extract tells apart.
COORDINATE_TOLERANCE = {"pdfminer": 0.0, "pdfium": 0.1}
# Characters a reader may leave out, per reader: PDFium deletes the spaces between a hyphen that
# ends a line and the line's end (they carry nothing; the line is broken there anyway).
MAY_LEAVE_OUT = {"pdfminer": None, "pdfium": "space after a hyphen"}


def report_pdfs() -> list[Path]:
    """Every report PDF of the repository: samples, test fixtures and, once it lands, the variation corpus."""
    found = sorted((REPO / "samples" / "pdf").glob("*.pdf"))
    found += sorted((REPO / "tests").rglob("*.pdf"))
    found += sorted((REPO / "samples" / "corpus" / "pdf").glob("*.pdf"))
    return found


PDFS = report_pdfs()
SAMPLE_PDFS = sorted((REPO / "samples" / "pdf").glob("*.pdf"))
# Pages read object for object also on the line-break evaluation's real PDFs (narrow columns from
# LibreOffice and WeasyPrint, other fonts and sizes); they hold no report, so no JSON to compare.
EVAL_PDFS = sorted((REPO / "eval" / "linebreaks" / "pdf").glob("*.pdf"))
# What each reader is held to, page by page.
PAGE_CASES = ([(pdf, "pdfminer") for pdf in PDFS + EVAL_PDFS]
              + [(pdf, "pdfium") for pdf in SAMPLE_PDFS + EVAL_PDFS])


def _label(path: Path) -> str:
    return str(path.relative_to(REPO))


@cache
def _json(path: Path, reader: str) -> str:
    """The output document as JSON, or the rejection when the input is not a report (some fixtures are not)."""
    try:
        return document_json(extract_document(path, reader=reader))
    except InputRejected as rejected:
        return f"rejected: {rejected.code}: {rejected.reason}"


@lru_cache(maxsize=2)
def _pages(path: Path, reader: str) -> list[PageContent]:
    return read_pages(path, reader)


def test_there_are_report_pdfs_to_compare():
    assert len(PDFS) >= 7
    assert all(not _json(path, REFERENCE).startswith("rejected") for path in SAMPLE_PDFS)


@pytest.mark.parametrize("reader", FAST_READERS)
@pytest.mark.parametrize("pdf", SAMPLE_PDFS, ids=_label)
def test_every_reader_gives_byte_identical_json(pdf: Path, reader: str):
    assert _json(pdf, reader) == _json(pdf, REFERENCE)


CORPUS_PDFS = sorted((REPO / "samples" / "corpus" / "pdf").glob("*.pdf"))


@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=_label)
@pytest.mark.parametrize("reader", FAST_READERS)
def test_every_reader_gives_byte_identical_json_on_every_layout_variant(pdf: Path, reader: str):
    # Turned pages included: PDFium's ligatures on them once came out without their advance.
    assert _json(pdf, reader) == _json(pdf, REFERENCE)


def _without_spaces_after_hyphens(chars: list) -> list:
    return [c for i, c in enumerate(chars) if not (c.text == " " and i and chars[i - 1].text.endswith("-"))]


@pytest.mark.parametrize(("pdf", "reader"), PAGE_CASES, ids=lambda v: _label(v) if isinstance(v, Path) else v)
def test_every_reader_reads_each_page_object_for_object(pdf: Path, reader: str):
    tolerance = COORDINATE_TOLERANCE[reader]
    reference = _pages(pdf, REFERENCE)
    mine = _pages(pdf, reader)
    assert [(p.number, p.width, p.height, p.turn, p.unread_text) for p in mine] == \
           [(p.number, p.width, p.height, p.turn, p.unread_text) for p in reference]
    for got, want in zip(mine, reference, strict=False):
        for kind in ("chars", "fills", "rulings", "pictures"):
            got_objects, want_objects = getattr(got, kind), getattr(want, kind)
            if kind == "chars" and MAY_LEAVE_OUT[reader]:
                got_objects = _without_spaces_after_hyphens(got_objects)
                want_objects = _without_spaces_after_hyphens(want_objects)
            assert len(got_objects) == len(want_objects), (got.number, kind)
            for index, (a, b) in enumerate(zip(got_objects, want_objects, strict=False)):
                assert equal_within(a, b, tolerance), (got.number, kind, index, a, b)


def test_the_pdfminer_reader_is_exact_not_close():
    page = _pages(REPO / "samples" / "pdf" / "ystad-2024-03.pdf", "pdfminer")[0]
    reference = _pages(REPO / "samples" / "pdf" / "ystad-2024-03.pdf", REFERENCE)[0]
    assert page == reference
    assert page.chars and page.fills and page.rulings


def test_an_unknown_reader_is_refused_before_the_file_is_read():
    with pytest.raises(ValueError, match="unknown page reader"):
        read_raw_document(REPO / "no-such-file.pdf", reader="pdfbox")
    with pytest.raises(ValueError):
        page_reader("")


def test_the_default_reader_is_one_of_the_readers():
    assert DEFAULT_READER in READERS


def test_the_pdfium_reader_puts_back_what_pdfium_changes():
    """Ligatures as one character, line-end hyphens as "-", Chromium's ink-less space objects as spaces."""
    web = _pages(REPO / "samples" / "pdf" / "medicin-web-2024-05.pdf", "pdfium")
    browser = _pages(REPO / "samples" / "pdf" / "psykiatri-2024-10.pdf", "pdfium")
    word = _pages(REPO / "samples" / "pdf" / "ystad-2024-03.pdf", "pdfium")
    texts = {c.text for page in web for c in page.chars}
    assert texts & {"fi", "fl"}, "WeasyPrint's ligature glyphs stay one character each"
    assert "\x02" not in {c.text for page in web + word for c in page.chars}
    reference = _pages(REPO / "samples" / "pdf" / "psykiatri-2024-10.pdf", REFERENCE)
    assert [c.text for c in browser[0].chars].count(" ") == [c.text for c in reference[0].chars].count(" ")


# Page geometry the samples do not have, made from a real page the way other tools make it: a page
# turned by /Rotate (a viewer's or scanner's "rotate page"), page boxes with their origin away
# from 0,0 (a cropped or imposed page), and the page placed as a Form XObject on a new page
# (imposition, "print to PDF" of a PDF).
def _variant(kind: str, folder: Path) -> Path:
    import pikepdf

    source = pikepdf.open(REPO / "samples" / "pdf" / "ystad-2024-03.pdf")
    target = folder / f"{kind}.pdf"
    page = source.pages[1]
    x0, y0, x1, y1 = (float(v) for v in page.mediabox)
    if kind.startswith("rotate"):
        page.Rotate = int(kind.removeprefix("rotate"))
    elif kind == "boxes":
        page.MediaBox = pikepdf.Array([x0 - 15, y0 - 25, x1 + 5, y1 + 10])
        page.CropBox = pikepdf.Array([x0 + 20, y0 + 30, x1 - 20, y1 - 30])
    elif kind == "form":
        form = page.as_form_xobject()
        placed = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=page.mediabox,
                                    Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(P=form)))
        placed.Contents = source.make_stream(b"q 0.9 0 0 0.9 30 40 cm /P Do Q")
        source.pages.append(pikepdf.Page(placed))
        page = source.pages[-1]
    single = pikepdf.new()
    single.pages.append(page)
    single.save(target)
    return target


@pytest.mark.parametrize("reader", FAST_READERS)
@pytest.mark.parametrize("kind", ["rotate90", "rotate180", "rotate270", "boxes", "form"])
def test_every_reader_follows_pdfplumber_through_rotation_page_boxes_and_forms(kind: str, reader: str, tmp_path: Path):
    pdf = _variant(kind, tmp_path)
    reference = _pages(pdf, REFERENCE)[0]
    mine = _pages(pdf, reader)[0]
    # A page turned by /Rotate alone is read the way its text runs: as the untouched page.
    upright = _pages(REPO / "samples" / "pdf" / "ystad-2024-03.pdf", REFERENCE)[1]
    assert reference.rulings and [c.text for c in reference.chars] == [c.text for c in upright.chars]
    assert (mine.width, mine.height, mine.turn, mine.unread_text) == \
           (reference.width, reference.height, reference.turn, reference.unread_text)
    tolerance = COORDINATE_TOLERANCE[reader]
    for kind_of_object in ("chars", "fills", "rulings", "pictures"):
        got, want = getattr(mine, kind_of_object), getattr(reference, kind_of_object)
        if kind_of_object == "chars" and MAY_LEAVE_OUT[reader]:
            got, want = _without_spaces_after_hyphens(got), _without_spaces_after_hyphens(want)
        assert len(got) == len(want), kind_of_object
        assert all(equal_within(a, b, tolerance) for a, b in zip(got, want, strict=False)), kind_of_object


def _winansi_page(target: Path) -> Path:
    """One line in Helvetica, WinAnsiEncoding, with the bullet printed as code 127 (octal 177), as
    ReportLab prints "•" in the standard fonts."""
    import pikepdf

    pdf = pikepdf.new()
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding)
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 300, 200],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
    page.Contents = pdf.make_stream(b"BT /F1 10 Tf 20 150 Td (\\177 uppf\\366ljning) Tj ET")
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(target)
    return target


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_shows_an_unused_winansi_code_as_the_bullet(reader: str, tmp_path: Path):
    pdf = _winansi_page(tmp_path / "winansi-bullet.pdf")
    assert "".join(c.text for c in _pages(pdf, reader)[0].chars).startswith("• uppföljning")


def test_only_an_unused_code_of_a_winansi_table_is_the_bullet():
    from pdfminer.encodingdb import EncodingDB

    from followup.extract.readers.winansi import bullet_in_table

    assert bullet_in_table(EncodingDB.get_encoding("WinAnsiEncoding"), 0o177)
    assert not bullet_in_table(EncodingDB.get_encoding("WinAnsiEncoding"), 0x41)  # "A" is used
    assert not bullet_in_table(EncodingDB.get_encoding("StandardEncoding"), 0o177)
    assert not bullet_in_table(EncodingDB.get_encoding("PDFDocEncoding"), 0o177)
