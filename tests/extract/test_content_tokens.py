"""The fast content-stream reader against pdfminer's PDFContentParser: the same objects, or a refusal.

extract/readers/content_tokens.py must give the interpreter exactly what pdfminer's parser gives
(same values, same types: 1, 1.0 and True are different operands), on every content stream of every
PDF of the repository and on the token grammar's corners; where it cannot, it raises Unsupported
and the pdfminer reader falls back to pdfminer's parser.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1, stream_value
from pdfminer.psparser import PSEOF

from followup.extract.readers.content_tokens import Unsupported, content_objects

REPO = Path(__file__).resolve().parents[2]
REPOSITORY_PDFS = sorted(p for folder in ("samples", "tests", "eval") for p in (REPO / folder).rglob("*.pdf"))


def _pdfminer_objects(streams: list[PDFStream]) -> list[Any]:
    """What PDFPageInterpreter.execute receives from pdfminer's own parser, in order."""
    try:
        parser = PDFContentParser(streams)
    except PSEOF:
        return []
    found = []
    while True:
        try:
            _, obj = parser.nextobject()
        except PSEOF:
            return found
        found.append(obj)


def _typed(value: Any) -> Any:
    """A value with the type of every part spelled out, so that 1 == 1.0 == True do not pass for each other."""
    if isinstance(value, list):
        return ["list", [_typed(v) for v in value]]
    if isinstance(value, dict):
        return ["dict", sorted((k, _typed(v)) for k, v in value.items())]
    return [type(value).__name__, value]


def _content_streams(pdf: Path) -> list[list[PDFStream]]:
    """Every page's content streams and every Form XObject a page names directly."""
    found = []
    with pdf.open("rb") as handle:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(handle))):
            found.append([stream_value(s) for s in page.contents])
            xobjects = resolve1((resolve1(page.resources) or {}).get("XObject")) or {}
            for xobject in xobjects.values():
                xobject = stream_value(xobject)
                if getattr(resolve1(xobject.get("Subtype")), "name", None) == "Form":
                    found.append([xobject])
        for streams in found:  # decoded while the file is open
            for stream in streams:
                stream.get_data()
    return found


def test_there_are_pdfs_to_read():
    assert len(REPOSITORY_PDFS) >= 100


@pytest.mark.parametrize("pdf", REPOSITORY_PDFS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_content_stream_of_the_repository_reads_as_pdfminer_reads_it(pdf: Path):
    for streams in _content_streams(pdf):
        # None of them needs pdfminer's parser: the fast path covers what the producers here write.
        got = content_objects([s.get_data() for s in streams])
        assert _typed(got) == _typed(_pdfminer_objects(streams))


def _streams(*datas: bytes) -> list[PDFStream]:
    return [PDFStream({}, data) for data in datas]


# Corners of the grammar the fast path must read exactly as pdfminer does.
SAME = [
    (b"1 -2 +3 .5 -.5 5. 1.2.3 --5 - + . +. 12abc 007",),
    (b"/Name /a/b / /x\x00y /\xc3\xa5 /\xff q",),
    (b"(plain) (a(b)c) (\\n\\t\\r\\b\\f\\(\\)\\\\) (\\053\\0538\\5x) (\\q) (line\\\ncontinued) ()",),
    (b"<41 42> <414> <4 1\n4> <> <<>> << /A 1 /B [1 (x)] >> <</C <</D true>> >> BDC",),
    (b"true false truex T* ' \" d0 BT ET q\x00 Q",),
    (b"% a comment\r1 0 0 1 0 0 cm %another\n[1 [2 3] /x (y) foo] TJ",),
    (b") ` \x80 #",),
    (b"1 2", b"3 re"),  # each stream ends a number
    (b"/Na", b"me"),  # pdfminer ends a token at a stream's end
    (b"BT /F1 12 Tf", b"", b"(x) Tj ET"),
    (b"<< /A <41>>> 5",),
]
# Where pdfminer's result depends on its buffers or streams, or it fails or special-cases: refused.
REFUSED = [
    (b"(open",),
    (b"(a", b"b)"),
    (b"<41",),
    (b"1 >",),
    (b"/",),
    (b"/Name#20x",),
    (b"/Na#20me",),
    (b"(a(b(c)d)e)",),
    (b"(\\777)",),
    (b"(a\\\r\nb)",),
    (b"BI /W 1 /H 1 ID \x00 EI",),
    (b"{ 1 }",),
    (b"[1 2",),
    (b"1 2]",),
    (b"<< /A >>",),
    (b"[1 >>",),
]


@pytest.mark.parametrize("datas", SAME, ids=repr)
def test_corners_of_the_grammar_read_as_pdfminer_reads_them(datas: tuple[bytes, ...]):
    assert _typed(content_objects(list(datas))) == _typed(_pdfminer_objects(_streams(*datas)))


@pytest.mark.parametrize("datas", REFUSED, ids=repr)
def test_what_depends_on_pdfminer_itself_is_left_to_pdfminer(datas: tuple[bytes, ...]):
    with pytest.raises(Unsupported):
        content_objects(list(datas))


def test_the_pdfminer_reader_falls_back_to_pdfminer_parser_on_what_the_fast_path_refuses(tmp_path: Path):
    """A page with an inline image reads the same through the fallback as through pdfplumber."""
    import pikepdf

    from followup.extract.opening import open_report
    from followup.extract.readers import page_reader

    source = pikepdf.open(REPO / "samples" / "pdf" / "ystad-2024-03.pdf")
    page = source.pages[0]
    page.contents_add(source.make_stream(b"q 10 0 0 10 20 20 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q"))
    target = tmp_path / "inline.pdf"
    source.save(target)
    pages = {}
    for reader in ("pdfminer", "pdfplumber"):
        pdf = open_report(target)
        try:
            pages[reader] = list(page_reader(reader)(pdf, 0))
        finally:
            pdf.close()
    assert pages["pdfminer"] == pages["pdfplumber"]
    assert pages["pdfminer"][0].chars
