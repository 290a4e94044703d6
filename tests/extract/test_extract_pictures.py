"""Status given as a small raster icon: images read as pictures with a colour, by every reader.

Fixtures (tests/extract/data/render_layout_quirks.py): status-icons-png.pdf is a Word document
exported by LibreOffice (each PNG icon stored as a JPEG with an inverted soft mask), theme
colours and a legend line of the same icons; status-icons-png-web.pdf is WeasyPrint (Flate
samples with a PNG predictor and a soft mask), traffic-light colours, no legend.
"""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import LIT

from bench.reader_agreement import equal_within, read_pages
from followup.extract.document import read_raw_document
from followup.extract.opening import open_report
from followup.extract.readers import READERS, page_reader
from followup.extract.readers.pictures import image_colour
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"
WORD = DATA / "status-icons-png.pdf"
WEB = DATA / "status-icons-png-web.pdf"
# The colours the icons were drawn in (THEME and STATUS_DOT of the render script).
THEME = {"done": (0x44, 0x72, 0xC4), "in_progress": (0x70, 0xAD, 0x47), "delayed": (0xED, 0x7D, 0x31)}
# A JPEG's colours come back a few steps off.
JPEG_STEPS = 12


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _near(colour: str, want: tuple[int, int, int], steps: int) -> bool:
    return all(abs(a - b) <= steps for a, b in zip(_rgb(colour), want, strict=True))


@pytest.mark.parametrize("reader", READERS)
def test_every_icon_is_a_picture_with_the_colour_it_was_drawn_in(reader: str):
    page = read_pages(WORD, reader)[0]
    # Three legend icons, then the four status cells' icons, in paint order.
    colours = [p.colour for p in page.pictures]
    assert len(colours) == 7
    legend, cells = colours[:3], colours[3:]
    assert [_near(c, THEME[s], JPEG_STEPS) for c, s in zip(legend, ("done", "in_progress", "delayed"), strict=True)] \
        == [True] * 3
    # The same icon is the same colour wherever it is drawn.
    assert cells == [legend[1], legend[2], legend[1], legend[0]]
    assert all(8 < p.box.width < 11 and 8 < p.box.height < 11 for p in page.pictures)


@pytest.mark.parametrize("reader", [r for r in READERS if r != "pdfplumber"])
@pytest.mark.parametrize("pdf", [WORD, WEB], ids=lambda p: p.name)
def test_every_reader_reads_the_same_pictures(pdf: Path, reader: str):
    tolerance = {"pdfminer": 0.0, "pdfium": 0.1}[reader]
    mine, reference = read_pages(pdf, reader), read_pages(pdf, "pdfplumber")
    assert [len(p.pictures) for p in mine] == [len(p.pictures) for p in reference] != [0]
    for got, want in zip(mine, reference, strict=True):
        assert all(equal_within(a, b, tolerance) for a, b in zip(got.pictures, want.pictures, strict=True))


def test_a_legend_of_icons_decides_what_each_icon_means():
    """Theme colours: the blue check is done and the green triangle in progress, as the legend says."""
    document = extract_document(WORD)
    assert [(a.status, a.status_source) for a in document.activities] == [
        ("in_progress", "colour"), ("delayed", "colour"), ("in_progress", "colour"), ("done", "colour")]
    raw = read_raw_document(WORD)
    assert [entry.label for entry in raw.legend] == ["Klart", "Pågår", "Försenat"]


def test_without_a_legend_the_icons_hue_decides():
    document = extract_document(WEB)
    assert [(a.status, a.status_source) for a in document.activities] == [
        ("in_progress", "hue"), ("delayed", "hue"), ("in_progress", "hue"), ("done", "hue")]
    assert not [w for w in document.warnings if w.code == "status_colour_unknown"]


@pytest.mark.parametrize("reader", READERS)
def test_an_image_drawn_larger_than_an_icon_is_left_undecoded(reader: str):
    settings = ExtractSettings(picture_max_side=5.0)
    pdf = open_report(WORD)
    try:
        pages = list(page_reader(reader)(pdf, 0, settings))
    finally:
        pdf.close()
    assert pages[0].pictures == []


def _stream(samples: bytes, width: int, height: int, mask: bytes | None = None, **extra) -> PDFStream:
    attrs = {"Subtype": LIT("Image"), "Width": width, "Height": height, "BitsPerComponent": 8,
             "ColorSpace": LIT("DeviceRGB"), "Filter": LIT("FlateDecode"), **extra}
    if mask is not None:
        attrs["SMask"] = PDFStream({"Width": width, "Height": height, "BitsPerComponent": 8,
                                    "ColorSpace": LIT("DeviceGray")}, mask)
    stream = PDFStream(attrs, zlib.compress(samples))
    stream.set_objid(7, 0)
    return stream


RED, WHITE, BLACK, GREY = bytes((220, 20, 20)), bytes((255, 255, 255)), bytes((0, 0, 0)), bytes((128, 128, 128))


def test_only_opaque_coloured_pixels_make_the_colour():
    # Red, white, black, grey, and a transparent green pixel: only red counts.
    samples = RED + WHITE + BLACK + GREY + bytes((0, 200, 0))
    assert image_colour(_stream(samples, 5, 1, mask=b"\xff" * 4 + b"\x00"), DEFAULT_SETTINGS) == "#DC1414"


def test_an_inverted_soft_mask_is_read_through_its_decode_array():
    # LibreOffice writes alpha inverted with /Decode [1 0]: sample 0 is opaque.
    green = bytes((0, 176, 80))
    mask = PDFStream({"Width": 2, "Height": 1, "BitsPerComponent": 8, "ColorSpace": LIT("DeviceGray"),
                      "Decode": [1, 0]}, b"\x00\xff")
    stream = _stream(green + RED, 2, 1)
    stream.attrs["SMask"] = mask
    assert image_colour(stream, DEFAULT_SETTINGS) == "#00B050"


def test_a_picture_without_enough_coloured_pixels_has_no_colour():
    assert image_colour(_stream(WHITE * 3 + BLACK, 4, 1), DEFAULT_SETTINGS) is None
    assert image_colour(_stream(RED * 3 + WHITE * 97, 100, 1), ExtractSettings(picture_min_share=0.05)) is None
    assert image_colour(_stream(RED * 3 + WHITE * 97, 100, 1), DEFAULT_SETTINGS) == "#DC1414"


def test_a_stencil_mask_or_an_oversized_image_is_not_decoded():
    assert image_colour(_stream(RED, 1, 1, ImageMask=True), DEFAULT_SETTINGS) is None
    assert image_colour(_stream(RED * 4, 2, 2), ExtractSettings(picture_max_pixels=3)) is None
