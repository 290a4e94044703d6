"""A reader on pypdfium2 (PDFium, in C++): several times faster than pdfminer at reading a page.

PDFium's text page is a text extractor of its own (it reorders, makes up spaces and line breaks,
splits ligatures); this reader takes from it only the glyphs the PDF shows, and reconciles them
with pdfplumber's (pdfminer's) conventions so that extract sees the same page:

- Order: characters come in paint order, text object by text object as the page (and its Form
  XObjects) paints them, as pdfminer reports them; PDFium's own line order is not used.
- Character boxes: PDFium's boxes follow the glyph outline or the font's ascent; pdfminer's box
  runs from the origin to origin + advance and from the font's descent to descent + font size.
  This reader builds pdfminer's box from PDFium's origin, the glyph's advance and the font's
  descent at the object's font size, under the text object's matrix.
- Made-up characters: the spaces and line breaks PDFium generates are not in the PDF; dropped.
- Ink-less text objects: PDFium leaves out a text object without width; Chromium prints many
  spaces as such objects, and pdfminer reports them, so each one is a space again at the
  object's origin, with the space glyph's advance.
- Ligatures: a glyph that stands for several letters ("fi", "tt") comes back as one character per
  letter, all at the glyph's origin; they are joined into one character again, its advance the
  glyph's loose box (the advance box for these glyphs).
- Line-end hyphens: PDFium reports a hyphen that ends a line as U+0002; it is a "-" again. PDFium
  also deletes spaces between such a hyphen and the line's end; those are not put back.
- Paths: bounds come from the path's points (PDFium's object bounds include half the stroke
  width), and paths are split and classified into lines, rects and curves as pdfminer does.
- Colours: PDFium gives 8-bit RGB; gray and RGB colours convert to the same "#RRGGBB" either way
  (CMYK only approximately: PDFium's conversion is not the naive one colour_hex makes).
- Images: bounds are the image's unit square under its matrix, as pdfminer's; the colour is decoded by
  the same code from the same image XObject (readers/pictures.py), found among the page's resources
  by the bytes PDFium reports the image stored as, since PDFium does not give the soft mask.
- Damaged files: one that PDFium cannot open, or counts other pages in, is read by the pdfminer
  reader instead.

Coordinates come through PDFium's single precision and its glyph widths in whole thousandths of
an em, so they differ from pdfplumber's slightly (COORDINATE_TOLERANCE in tests/extract/test_readers.py).
"""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.utils import apply_matrix_pt

from followup.extract.page_content import (
    Char,
    PageContent,
    PlacedImage,
    ReadPage,
    Shape,
    char_size,
    is_bold,
    opening_run,
    page_content,
    text_colour,
    text_direction,
)
from followup.extract.readers import pdfminer_reader
from followup.extract.readers.pdfminer_reader import PageFrame, page_ctm, painted_subpaths, placed_image, plumber_shape
from followup.extract.readers.pictures import PictureColours, page_images, raw_data
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings

# PDFium's code for a hyphen it found at a line end, and for the characters it makes up itself.
_LINE_END_HYPHEN = 0x02
_SPACE = 0x20
_HYPHEN = 0x2D
# What PDFium's page text holds for a character whose code is not text (its line-end hyphens).
_NOT_IN_TEXT = 0xFFFE
# The only characters PDFium makes up: spaces between words without one, and line breaks.
_MADE_UP = frozenset({_SPACE, 0x0D, 0x0A})
# A text object narrower than this (points) has no ink: PDFium leaves it out of the page's text.
_NO_WIDTH = 0.01
_FONT_NAME_BYTES = 512
# Form XObjects nested deeper than this are not searched for fonts (PDFium's descent is used there).
_FORM_DEPTH = 4


def read_pages(pdf: pdfplumber.PDF, start: int = 0, settings: ExtractSettings = DEFAULT_SETTINGS) -> Iterator[PageContent]:
    """The pages of a PDF opened by pdfplumber from index `start` on, read again by PDFium; each PDFium
    page is closed after it.

    A damaged file that pdfminer could open may look different to PDFium (another page count, or
    not open at all); such a file is read by the pdfminer reader instead, so that every reader
    accepts the same files and reads them the same.
    """
    source = pdf.path if pdf.path is not None else _bytes_of(pdf.stream)
    try:
        document = pdfium.PdfDocument(source, password=pdf.password or None)
    except pdfium.PdfiumError:
        yield from pdfminer_reader.read_pages(pdf, start, settings)
        return
    try:
        if len(document) != len(pdf.pages):
            yield from pdfminer_reader.read_pages(pdf, start, settings)
            return
        pictures = PictureColours(settings)  # the document's images, each decoded once
        for index, page in enumerate(pdf.pages[start:], start=start):
            pdfium_page = document[index]
            try:
                # Font handles are only good while their page is open (PDFium may free a font with its
                # last page and put another at the same address), so what is known of them is per page.
                yield _read_page(page, pdfium_page, _Fonts(_pdfminer_descents(page)), settings, pictures)
            finally:
                pdfium_page.close()
    finally:
        document.close()


def _pdfminer_descents(page: pdfplumber.page.Page) -> dict[str, float | None]:
    """pdfminer's descent per unit of font size for each font the page (and its forms) names, by font name
    (without its subset tag).

    PDFium's descent falls back on the font program when the FontDescriptor says 0 (as LibreOffice
    writes it); pdfminer's does not, and its boxes are the reference. The fonts come from the
    resource manager pdfminer interprets pages with (cached there). None: two fonts of one name
    that disagree, where PDFium's own figure is used.
    """
    descents: dict[str, float | None] = {}
    _collect_descents(page.pdf.rsrcmgr, page.page_obj.resources, descents, _FORM_DEPTH)
    return descents


def _collect_descents(manager: Any, resources: Any, descents: dict[str, float | None], depth: int) -> None:
    resources = resolve1(resources)
    if not isinstance(resources, dict) or depth < 0:
        return
    fonts = resolve1(resources.get("Font"))
    for reference in (fonts.values() if isinstance(fonts, dict) else ()):
        spec = resolve1(reference)
        if not isinstance(spec, dict):
            continue
        font = manager.get_font(reference.objid if isinstance(reference, PDFObjRef) else None, spec)
        name = _without_subset_tag(font.fontname if isinstance(font.fontname, str) else str(font.fontname))
        descent = font.get_descent()
        descents[name] = descent if descents.get(name, descent) == descent else None
    xobjects = resolve1(resources.get("XObject"))
    for reference in (xobjects.values() if isinstance(xobjects, dict) else ()):
        xobject = resolve1(reference)
        if isinstance(xobject, PDFStream) and xobject.get("Resources") is not None:
            _collect_descents(manager, xobject.get("Resources"), descents, depth - 1)


def _without_subset_tag(name: str) -> str:
    """"BAAAAA+LiberationSans" → "LiberationSans": PDFium leaves the tag out for some fonts, pdfminer never."""
    return name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name


def _bytes_of(stream: Any) -> bytes:
    stream.seek(0)
    return stream.read()


# PDFium's functions as called here, per object and per character: handles and out-parameters are passed as
# plain addresses (ints), which ctypes converts several times faster than pypdfium2's typed pointers.
_HANDLE, _INT, _FLOAT = ctypes.c_void_p, ctypes.c_int, ctypes.c_float


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _lean(function: Any, restype: Any, *argtypes: Any) -> Any:
    """The PDFium function behind a pypdfium2 binding, taking `argtypes` (addresses as c_void_p)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(function))


_count_objects = _lean(raw.FPDFPage_CountObjects, _INT, _HANDLE)
_get_object = _lean(raw.FPDFPage_GetObject, _HANDLE, _HANDLE, _INT)
_form_count_objects = _lean(raw.FPDFFormObj_CountObjects, _INT, _HANDLE)
_form_get_object = _lean(raw.FPDFFormObj_GetObject, _HANDLE, _HANDLE, ctypes.c_ulong)
_object_type = _lean(raw.FPDFPageObj_GetType, _INT, _HANDLE)
_object_matrix = _lean(raw.FPDFPageObj_GetMatrix, _INT, _HANDLE, _HANDLE)
_object_bounds = _lean(raw.FPDFPageObj_GetBounds, _INT, _HANDLE, _HANDLE, _HANDLE, _HANDLE, _HANDLE)
_fill_colour = _lean(raw.FPDFPageObj_GetFillColor, _INT, _HANDLE, _HANDLE, _HANDLE, _HANDLE, _HANDLE)
_text_font = _lean(raw.FPDFTextObj_GetFont, _HANDLE, _HANDLE)
_font_size = _lean(raw.FPDFTextObj_GetFontSize, _INT, _HANDLE, _HANDLE)
_font_name = _lean(raw.FPDFFont_GetBaseFontName, ctypes.c_size_t, _HANDLE, _HANDLE, ctypes.c_size_t)
_font_is_embedded = _lean(raw.FPDFFont_GetIsEmbedded, _INT, _HANDLE)
_font_data = _lean(raw.FPDFFont_GetFontData, _INT, _HANDLE, _HANDLE, ctypes.c_size_t, _HANDLE)
_font_descent = _lean(raw.FPDFFont_GetDescent, _INT, _HANDLE, _FLOAT, _HANDLE)
_glyph_width = _lean(raw.FPDFFont_GetGlyphWidth, _INT, _HANDLE, ctypes.c_uint32, _FLOAT, _HANDLE)
_char_origin = _lean(raw.FPDFText_GetCharOrigin, _INT, _HANDLE, _INT, _HANDLE, _HANDLE)
_text_object_of = _lean(raw.FPDFText_GetTextObject, _HANDLE, _HANDLE, _INT)
_unicode_of = _lean(raw.FPDFText_GetUnicode, ctypes.c_uint, _HANDLE, _INT)
_is_generated = _lean(raw.FPDFText_IsGenerated, _INT, _HANDLE, _INT)
_draw_mode = _lean(raw.FPDFPath_GetDrawMode, _INT, _HANDLE, _HANDLE, _HANDLE)
_count_segments = _lean(raw.FPDFPath_CountSegments, _INT, _HANDLE)
_path_segment = _lean(raw.FPDFPath_GetPathSegment, _HANDLE, _HANDLE, _INT)
_segment_point = _lean(raw.FPDFPathSegment_GetPoint, _INT, _HANDLE, _HANDLE, _HANDLE)
_segment_type = _lean(raw.FPDFPathSegment_GetType, _INT, _HANDLE)
_segment_closes = _lean(raw.FPDFPathSegment_GetClose, _INT, _HANDLE)
_image_data_raw = _lean(raw.FPDFImageObj_GetImageDataRaw, ctypes.c_ulong, _HANDLE, _HANDLE, ctypes.c_ulong)


class _Out:
    """The out-parameters of those calls, one set per page read, with their addresses."""

    def __init__(self) -> None:
        self.value = ctypes.c_float()
        self.matrix = raw.FS_MATRIX()
        self.rgba = tuple(ctypes.c_uint() for _ in range(4))
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.bounds = tuple(ctypes.c_float() for _ in range(4))
        self.point = (ctypes.c_float(), ctypes.c_float())
        self.modes = (ctypes.c_int(), ctypes.c_int())
        self.name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
        self.value_at, self.matrix_at = ctypes.addressof(self.value), ctypes.addressof(self.matrix)
        self.rgba_at = tuple(ctypes.addressof(v) for v in self.rgba)
        self.x_at, self.y_at = ctypes.addressof(self.x), ctypes.addressof(self.y)
        self.bounds_at = tuple(ctypes.addressof(v) for v in self.bounds)
        self.point_at = tuple(ctypes.addressof(v) for v in self.point)
        self.modes_at = tuple(ctypes.addressof(v) for v in self.modes)
        self.name_at = ctypes.addressof(self.name)


class _Fonts:
    """Per-page caches of what PDFium tells about fonts (names, descents, glyph advances), by font handle
    (the font's address)."""

    def __init__(self, descents: dict[str, float | None] | None = None) -> None:
        self.descents = descents or {}
        self.names: dict[int, str] = {}
        self.bold: dict[int, bool] = {}
        self.descent: dict[tuple[int, float], float] = {}
        # Glyph advances by character code, per font and size (one dictionary looked up per character).
        self.advances: dict[tuple[int, float], dict[int, float]] = {}
        self.out = _Out()

    def name_of(self, font: int) -> str:
        name = self.names.get(font)
        if name is None:
            length = _font_name(font, self.out.name_at, _FONT_NAME_BYTES)
            name = self.names[font] = self.out.name.raw[: max(0, length - 1)].decode("latin-1") if length else ""
        return name

    def is_bold(self, font: int) -> bool:
        bold = self.bold.get(font)
        if bold is None:
            name = self.name_of(font)
            bold = self.bold[font] = is_bold(name, None if "bold" in name.lower() else _embedded_program(font))
        return bold

    def descent_at(self, font: int, size: float) -> float:
        key = (font, size)
        descent = self.descent.get(key)
        if descent is None:
            per_size = self.descents.get(_without_subset_tag(self.name_of(font)))
            if per_size is not None:
                descent = per_size * size  # pdfminer's own figure (FontDescriptor, or the standard fonts' metrics)
            else:
                ok = _font_descent(font, size, self.out.value_at)
                descent = self.out.value.value if ok else 0.0
            self.descent[key] = descent
        return descent

    def advances_of(self, font: int, size: float) -> dict[int, float]:
        """The advances known so far of the font at the size, by code (advance_of fills it)."""
        advances = self.advances.get((font, size))
        if advances is None:
            advances = self.advances[(font, size)] = {}
        return advances

    def advance_of(self, font: int, code: int, size: float) -> float:
        advances = self.advances_of(font, size)
        advance = advances.get(code)
        if advance is None:
            ok = _glyph_width(font, code, size, self.out.value_at)
            advance = advances[code] = self.out.value.value if ok else 0.0
        return advance


class _TextObject:
    """What all characters of one PDFium text object share."""

    __slots__ = ("font", "size", "matrix", "bold", "colour")

    def __init__(self, obj: int, parent: tuple, fonts: _Fonts) -> None:
        out = fonts.out
        self.font = _text_font(obj) or 0
        _font_size(obj, out.value_at)
        self.size = out.value.value
        self.matrix = _concat(_matrix_of(obj, out), parent)
        self.bold = fonts.is_bold(self.font)
        r, g, b, _ = out.rgba
        self.colour = _rgb_colour(r.value, g.value, b.value) if _fill_colour(obj, *out.rgba_at) else None


@lru_cache(maxsize=1024)
def _rgb_colour(r: int, g: int, b: int) -> str | None:
    """A text colour from PDFium's 8-bit RGB, as text_colour reports it (None for black)."""
    return text_colour((r / 255, g / 255, b / 255))


class _PageGeometry:
    """pdfminer's page matrix and pdfplumber's flip, for turning PDFium's points into pdfplumber's."""

    __slots__ = ("ctm", "height", "mb_x0", "mb_top", "frame")

    def __init__(self, page: pdfplumber.page.Page) -> None:
        self.ctm = page_ctm(page.page_obj.mediabox, page.page_obj.rotate)
        self.height = page.height
        self.mb_x0, self.mb_top = page.mediabox[0], page.mediabox[1]
        self.frame = PageFrame(self.height, self.mb_x0, self.mb_top)


class _PageReading:
    """One page being read: PDFium's text page (its handle and address), what is known of the page's fonts,
    and its geometry."""

    __slots__ = ("textpage", "textpage_at", "fonts", "geometry")

    def __init__(self, textpage: Any, fonts: _Fonts, geometry: _PageGeometry) -> None:
        self.textpage, self.textpage_at = textpage, _address(textpage)
        self.fonts, self.geometry = fonts, geometry


def _read_page(page: pdfplumber.page.Page, pdfium_page: pdfium.PdfPage, fonts: _Fonts,
               settings: ExtractSettings, pictures: PictureColours) -> PageContent:
    geometry = _PageGeometry(page)
    textpage = pdfium_page.get_textpage()
    try:
        reading = _PageReading(textpage.raw, fonts, geometry)
        glyphs = _glyphs_by_object(reading)
        chars: list[Char] = []
        rects: list[Shape] = []
        curves: list[Shape] = []
        lines: list[Shape] = []
        images: list[PlacedImage] = []
        streams = _ImageStreams(page, pictures)
        kinds = {"line": lines, "rect": rects, "curve": curves}
        for obj, kind, matrix in _page_objects(_address(pdfium_page.raw), fonts.out):
            if kind == _TEXT:
                drawn = _object_chars(obj, matrix, glyphs.get(obj), reading)
                if drawn:
                    # A text object is what one text-showing operator drew (Char.opens_run).
                    drawn[0] = opening_run(drawn[0])
                chars += drawn
            elif kind == _PATH:
                painted = _path(obj, matrix, fonts.out)
                if painted is None:
                    continue
                path, stroke, fill, colour = painted
                for shape_kind, pts in painted_subpaths(path, geometry.ctm):
                    kinds[shape_kind].append(plumber_shape(pts, geometry.frame, stroke, fill, colour))
            elif kind == _IMAGE:
                images.append(_image(obj, matrix, geometry, streams, fonts.out))
    finally:
        textpage.close()
    return page_content(ReadPage(page.page_number, float(page.width), float(geometry.height), chars, rects, curves,
                                 lines, images), settings)


class _ImageStreams:
    """The page's image XObjects (pdfminer's objects) by the bytes they are stored as, looked up on first use,
    and the document's decoded colours."""

    def __init__(self, page: pdfplumber.page.Page, pictures: PictureColours) -> None:
        self.page, self.pictures = page, pictures
        self._by_data: dict[bytes, PDFStream] | None = None

    def stream_of(self, data: bytes) -> PDFStream | None:
        if self._by_data is None:
            self._by_data = {}
            for stream in page_images(self.page.page_obj.resources, self.pictures.settings):
                stored = raw_data(stream)
                if stored is not None:
                    self._by_data.setdefault(stored, stream)
        return self._by_data.get(data)


def _image(obj: int, parent: tuple, geometry: _PageGeometry, streams: _ImageStreams, out: _Out) -> PlacedImage:
    """One image object: its unit square under its matrix on the page, its colour decoded from its XObject."""
    a, b, c, d, e, f = _concat(_matrix_of(obj, out), parent)
    corners = [apply_matrix_pt(geometry.ctm, (a * x + c * y + e, b * x + d * y + f))
               for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
    x0, top, x1, bottom = plumber_shape(corners, geometry.frame, False, False, None)[:4]
    largest = streams.pictures.settings.picture_max_side
    small = 0 < x1 - x0 <= largest and 0 < bottom - top <= largest
    stream = streams.stream_of(_stored_bytes(obj)) if small else None
    if stream is None:
        return PlacedImage(x0, top, x1, bottom, None)
    return placed_image(corners, geometry.frame, stream, streams.pictures)


def _stored_bytes(obj: int) -> bytes:
    """The image's data as stored in the PDF (its filters not undone)."""
    size = _image_data_raw(obj, None, 0)
    if not size:
        return b""
    buffer = ctypes.create_string_buffer(size)
    _image_data_raw(obj, ctypes.addressof(buffer), size)
    return buffer.raw[:size]


def _glyphs_by_object(reading: _PageReading) -> dict[int, list[tuple[int, int, float, float]]]:
    """PDFium's characters (index, code, origin) grouped by their text object's address; its made-up ones left out."""
    textpage = reading.textpage_at
    count = raw.FPDFText_CountChars(reading.textpage)
    codes = _page_text(reading.textpage, count)
    by_object: dict[int, list[tuple[int, int, float, float]]] = {}
    out = reading.fonts.out
    x, y, x_at, y_at = out.x, out.y, out.x_at, out.y_at
    origin_of, object_of, unicode_of = _char_origin, _text_object_of, _unicode_of
    made_up, not_in_text = _MADE_UP, _NOT_IN_TEXT
    # An object's characters mostly follow each other: the list is looked up when the object changes.
    last_handle = -1
    glyphs: list[tuple[int, int, float, float]] = []
    for index, code in enumerate(codes) if codes is not None else ((i, unicode_of(textpage, i)) for i in range(count)):
        if code == not_in_text:
            code = unicode_of(textpage, index)  # a line-end hyphen, or a glyph without Unicode
        # PDFium makes up spaces and line breaks only; no other character needs asking.
        if code in made_up and _is_generated(textpage, index):
            continue
        origin_of(textpage, index, x_at, y_at)
        handle = object_of(textpage, index) or 0
        if handle != last_handle:
            found = by_object.get(handle)
            if found is None:
                found = by_object[handle] = []
            glyphs, last_handle = found, handle
        glyphs.append((index, code, x.value, y.value))
    return by_object


def _page_text(textpage: Any, count: int) -> list[int] | None:
    """Every character's code in one call; None when that text does not map one to one (characters beyond U+FFFF)."""
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    codes = list(buffer[: max(0, written - 1)])
    if len(codes) != count or any(0xD800 <= code <= 0xDFFF for code in codes):
        return None
    return codes


def _object_chars(obj: int, parent: tuple, glyphs: list | None, reading: _PageReading) -> list[Char]:
    """One text object's characters in pdfminer's terms (see the module docstring)."""
    fonts, geometry = reading.fonts, reading.geometry
    text_object = _TextObject(obj, parent, fonts)
    if glyphs is None:
        return _blank_object(obj, text_object, reading)
    a, b, c, d = text_object.matrix[:4]
    ca, cb, cc, cd, ce, cf = geometry.ctm
    if not (b == 0 and c == 0 and cb == 0 and cc == 0 and a > 0 and d > 0):
        # Turned, skewed or mirrored text, or a turned page: page_content decides what reads.
        return _turned_object_chars(glyphs, text_object, reading)
    # Unturned text on a page turned by 0 or 180 (nearly always): each box is its origin plus constants,
    # its top, bottom and size those of the glyph before it when it stands on the same baseline.
    direction = 0 if ca > 0 else 180
    font, size = text_object.font, text_object.size
    low = fonts.descent_at(font, size)
    high = low + size
    height, mb_x0, mb_top = geometry.height, geometry.mb_x0, geometry.mb_top
    bold, colour = text_object.bold, text_object.colour
    advances = fonts.advances_of(font, size)
    chars: list[Char] = []
    previous_x: float | None = None
    previous_y: float | None = None
    baseline: float | None = None
    top = bottom = glyph_size = 0.0
    for position, (_index, code, origin_x, origin_y) in enumerate(glyphs):
        if code == _LINE_END_HYPHEN:
            text, code = "-", _HYPHEN
        else:
            text = chr(code)
        if origin_x == previous_x and origin_y == previous_y and chars:
            text = chars.pop().text + text
            advance = _ligature_advance(glyphs, position, reading) / a
        else:
            advance = advances.get(code)
            if advance is None:
                advance = fonts.advance_of(font, code, size)
        if origin_y != baseline:
            lower, upper = cd * (origin_y + d * low) + cf, cd * (origin_y + d * high) + cf
            y0, y1 = (lower, upper) if lower <= upper else (upper, lower)
            top, bottom, glyph_size = (height - y1) + mb_top, (height - y0) + mb_top, char_size(y1 - y0)
            baseline = origin_y
        left, right = ca * origin_x + ce, ca * (origin_x + a * advance) + ce
        x0, x1 = (left, right) if left <= right else (right, left)
        chars.append(Char(text, x0 + mb_x0, top, x1 + mb_x0, bottom, glyph_size, bold, colour, direction))
        previous_x, previous_y = origin_x, origin_y
    return chars


def _ligature_advance(glyphs: list, position: int, reading: _PageReading) -> float:
    """A ligature glyph's advance (in page units along the line): PDFium knows its width only as the loose box.

    The loose box also covers ink beyond the advance ("ff" overhangs): when the ink reaches its right
    edge and the next glyph of the object starts sooner on the same line, that is the advance.
    """
    index, _, origin_x, origin_y = glyphs[position]
    loose = raw.FS_RECTF()
    raw.FPDFText_GetLooseCharBox(reading.textpage, index, ctypes.byref(loose))
    advance = loose.right - origin_x
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    raw.FPDFText_GetCharBox(reading.textpage, index, left, right, bottom, top)
    if right.value < loose.right - _NO_WIDTH:
        return advance  # the ink ends before the loose box: its right edge is the advance
    for _, _, next_x, next_y in glyphs[position + 1:]:
        if next_x != origin_x or next_y != origin_y:
            if next_y == origin_y and 0 < next_x - origin_x < advance:
                advance = next_x - origin_x
            break
    return advance


def _turned_object_chars(glyphs: list, text_object: _TextObject, reading: _PageReading) -> list[Char]:
    """Characters of rotated or skewed text, or on a rotated page: each box from its four corners."""
    fonts = reading.fonts
    chars: list[Char] = []
    previous_origin: tuple[float, float] | None = None
    loose = raw.FS_RECTF()
    for index, code, origin_x, origin_y in glyphs:
        if code == _LINE_END_HYPHEN:
            text, code = "-", _HYPHEN
        else:
            text = chr(code)
        if (origin_x, origin_y) == previous_origin and chars:
            raw.FPDFText_GetLooseCharBox(reading.textpage, index, ctypes.byref(loose))
            advance = _turned_ligature_advance(text_object.matrix, origin_x, origin_y, loose)
            text = chars.pop().text + text
        else:
            advance = fonts.advance_of(text_object.font, code, text_object.size)
        chars.append(_char(text, (origin_x, origin_y), advance, text_object, reading))
        previous_origin = (origin_x, origin_y)
    return chars


def _turned_ligature_advance(matrix: tuple, origin_x: float, origin_y: float, loose: Any) -> float:
    """A ligature glyph's advance in text space: from its origin to the far edge of PDFium's loose box
    (in user space) along the axis its baseline runs on, divided by the matrix's scale along it."""
    a, b = matrix[0], matrix[1]
    if abs(a) >= abs(b):
        edge = loose.right if a > 0 else loose.left
        return (edge - origin_x) / a if a else 0.0
    edge = loose.top if b > 0 else loose.bottom
    return (edge - origin_y) / b


def _blank_object(obj: int, text_object: _TextObject, reading: _PageReading) -> list[Char]:
    """A text object PDFium left out of its text: one that only shows a space (no ink, so no width).

    Chromium prints many spaces so; pdfminer reports the space glyph, so it is put back, at the
    object's origin with the space's advance.
    """
    out = reading.fonts.out
    left, _, right, _ = out.bounds
    if not _object_bounds(obj, *out.bounds_at) or right.value - left.value > _NO_WIDTH:
        return []
    origin_x, origin_y = text_object.matrix[4], text_object.matrix[5]
    advance = reading.fonts.advance_of(text_object.font, _SPACE, text_object.size)
    return [_char(" ", (origin_x, origin_y), advance, text_object, reading)]


def _char(text: str, origin: tuple[float, float], advance: float, text_object: _TextObject,
          reading: _PageReading) -> Char:
    """pdfminer's LTChar box (origin … origin + advance, descent … descent + size) in pdfplumber's coordinates,
    with its direction and pdfminer's upright."""
    origin_x, origin_y = origin
    fonts, geometry = reading.fonts, reading.geometry
    a, b, c, d = text_object.matrix[:4]
    ca, cb, cc, cd, ce, cf = geometry.ctm
    # The text matrix with the page's turn (/Rotate) applied, as pdfminer places the glyph.
    pa, pb, pc, pd = a * ca + b * cc, a * cb + b * cd, c * ca + d * cc, c * cb + d * cd
    upright = pa * pd > 0 and pb * pc <= 0
    size = text_object.size
    low = fonts.descent_at(text_object.font, size)
    high = low + size
    if b == 0 and c == 0 and cb == 0 and cc == 0:
        # Unrotated text on an unrotated page (nearly always): the box's corners are known.
        xs = (ca * origin_x + ce, ca * (origin_x + a * advance) + ce)
        ys = (cd * (origin_y + d * low) + cf, cd * (origin_y + d * high) + cf)
        x0, x1 = (xs[0], xs[1]) if xs[0] <= xs[1] else (xs[1], xs[0])
        y0, y1 = (ys[0], ys[1]) if ys[0] <= ys[1] else (ys[1], ys[0])
    else:
        corners = [(origin_x + a * u + c * v, origin_y + b * u + d * v) for u, v in
                   ((0.0, low), (advance, low), (advance, high), (0.0, high))]
        points = [(ca * px + cc * py + ce, cb * px + cd * py + cf) for px, py in corners]
        x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
        y0, y1 = min(p[1] for p in points), max(p[1] for p in points)
    height, mb_x0, mb_top = geometry.height, geometry.mb_x0, geometry.mb_top
    if mb_x0 != 0:
        x0, x1 = x0 + mb_x0, x1 + mb_x0
    return Char(text, x0, (height - y1) + mb_top, x1, (height - y0) + mb_top, char_size(y1 - y0),
                text_object.bold, text_object.colour, text_direction(pa, pb, pc, pd), upright)


# PDFium's page object types read here.
_TEXT, _PATH, _FORM, _IMAGE = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_IMAGE
# PDFium's path segment types.
_LINETO, _BEZIERTO, _MOVETO = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _page_objects(container: int, out: _Out, matrix: tuple = _IDENTITY,
                  in_form: bool = False) -> Iterator[tuple[int, int, tuple]]:
    """Every text, path and image object of the page in paint order, Form XObjects opened: (object's address,
    type, form matrix)."""
    count, get = (_form_count_objects, _form_get_object) if in_form else (_count_objects, _get_object)
    for index in range(count(container)):
        obj = get(container, index) or 0
        kind = _object_type(obj)
        if kind == _FORM:
            yield from _page_objects(obj, out, _concat(_matrix_of(obj, out), matrix), in_form=True)
        elif kind in (_TEXT, _PATH, _IMAGE):
            yield obj, kind, matrix


def _matrix_of(obj: int, out: _Out) -> tuple:
    """The object's matrix (zeros when PDFium has none for it)."""
    if not _object_matrix(obj, out.matrix_at):
        return (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    m = out.matrix
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _concat(m1: tuple, m0: tuple) -> tuple:
    """m1 then m0 (pdfminer's mult_matrix order)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _path(obj: int, parent: tuple, out: _Out) -> tuple | None:
    """One path object as (segments in page space, stroke, fill, fill colour); None when it paints nothing."""
    fill_mode, stroke = out.modes
    if not _draw_mode(obj, *out.modes_at):
        return None
    if not fill_mode.value and not stroke.value:
        return None
    a, b, c, d, e, f = _concat(_matrix_of(obj, out), parent)
    x, y = out.point
    x_at, y_at = out.point_at
    segments: list[tuple] = []
    bezier: list[float] = []
    for index in range(_count_segments(obj)):
        segment = _path_segment(obj, index)
        _segment_point(segment, x_at, y_at)
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        kind = _segment_type(segment)
        if kind == _MOVETO:
            segments.append(("m", px, py))
        elif kind == _LINETO:
            segments.append(("l", px, py))
        elif kind == _BEZIERTO:
            bezier += [px, py]
            if len(bezier) == 6:
                segments.append(("c", *bezier))
                bezier = []
        if _segment_closes(segment):
            segments.append(("h",))
    r, g, b_, _ = out.rgba
    colour = (r.value / 255, g.value / 255, b_.value / 255) if _fill_colour(obj, *out.rgba_at) else None
    return segments, bool(stroke.value), bool(fill_mode.value), colour


def _embedded_program(font: int) -> bytes | None:
    """The decoded bytes of the font program the PDF embeds for a font, or None when it embeds none
    (PDFium would give the program of the font it substitutes)."""
    if _font_is_embedded(font) != 1:
        return None
    size = ctypes.c_size_t(0)
    if not _font_data(font, None, 0, ctypes.byref(size)) or not size.value:
        return None
    buffer = (ctypes.c_uint8 * size.value)()
    if not _font_data(font, buffer, size.value, ctypes.byref(size)):
        return None
    return bytes(buffer)
