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

from followup.extract.page_content import (
    Char,
    PageContent,
    ReadPage,
    Shape,
    char_size,
    is_bold,
    page_content,
    text_colour,
    text_direction,
)
from followup.extract.readers import pdfminer_reader
from followup.extract.readers.pdfminer_reader import PageFrame, page_ctm, painted_subpaths, plumber_shape
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
        for index, page in enumerate(pdf.pages[start:], start=start):
            pdfium_page = document[index]
            try:
                # Font handles are only good while their page is open (PDFium may free a font with its
                # last page and put another at the same address), so what is known of them is per page.
                yield _read_page(page, pdfium_page, _Fonts(_pdfminer_descents(page)), settings)
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


class _Fonts:
    """Per-page caches of what PDFium tells about fonts (names, descents, glyph advances), by font handle."""

    def __init__(self, descents: dict[str, float | None] | None = None) -> None:
        self.descents = descents or {}
        self.names: dict[int, str] = {}
        self.bold: dict[int, bool] = {}
        self.descent: dict[tuple[int, float], float] = {}
        self.advance: dict[tuple[int, int, float], float] = {}
        self._value = ctypes.c_float()
        self._name = ctypes.create_string_buffer(_FONT_NAME_BYTES)

    def name_of(self, font: Any, key: int) -> str:
        name = self.names.get(key)
        if name is None:
            length = raw.FPDFFont_GetBaseFontName(font, self._name, _FONT_NAME_BYTES)
            name = self.names[key] = self._name.raw[: max(0, length - 1)].decode("latin-1") if length else ""
        return name

    def is_bold(self, font: Any, key: int) -> bool:
        bold = self.bold.get(key)
        if bold is None:
            bold = self.bold[key] = is_bold(self.name_of(font, key))
        return bold

    def descent_at(self, font: Any, font_key: int, size: float) -> float:
        key = (font_key, size)
        descent = self.descent.get(key)
        if descent is None:
            per_size = self.descents.get(_without_subset_tag(self.name_of(font, font_key)))
            if per_size is not None:
                descent = per_size * size  # pdfminer's own figure (FontDescriptor, or the standard fonts' metrics)
            else:
                ok = raw.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(self._value))
                descent = self._value.value if ok else 0.0
            self.descent[key] = descent
        return descent

    def advance_of(self, font: Any, font_key: int, code: int, size: float) -> float:
        key = (font_key, code, size)
        advance = self.advance.get(key)
        if advance is None:
            ok = raw.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(size), ctypes.byref(self._value))
            advance = self.advance[key] = self._value.value if ok else 0.0
        return advance


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


# FPDFText_GetTextObject answering the object's address as a plain int: cheaper than casting each handle.
_text_object_address = ctypes.cast(
    raw.FPDFText_GetTextObject, ctypes.CFUNCTYPE(ctypes.c_void_p, raw.FPDF_TEXTPAGE, ctypes.c_int))


class _TextObject:
    """What all characters of one PDFium text object share."""

    __slots__ = ("font", "font_key", "size", "matrix", "bold", "colour")

    # Out-parameters, reused: one text object is read at a time.
    _size = ctypes.c_float()
    _rgba = tuple(ctypes.c_uint() for _ in range(4))

    def __init__(self, obj: Any, parent: tuple, fonts: _Fonts) -> None:
        self.font = raw.FPDFTextObj_GetFont(obj)
        self.font_key = _address(self.font)
        raw.FPDFTextObj_GetFontSize(obj, self._size)
        self.size = self._size.value
        self.matrix = _concat(_matrix_of(obj), parent)
        self.bold = fonts.is_bold(self.font, self.font_key)
        r, g, b, a = self._rgba
        self.colour = _rgb_colour(r.value, g.value, b.value) if raw.FPDFPageObj_GetFillColor(obj, r, g, b, a) else None


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
    """One page being read: PDFium's text page, what is known of the page's fonts, and its geometry."""

    __slots__ = ("textpage", "fonts", "geometry")

    def __init__(self, textpage: Any, fonts: _Fonts, geometry: _PageGeometry) -> None:
        self.textpage, self.fonts, self.geometry = textpage, fonts, geometry


def _read_page(page: pdfplumber.page.Page, pdfium_page: pdfium.PdfPage, fonts: _Fonts,
               settings: ExtractSettings) -> PageContent:
    geometry = _PageGeometry(page)
    textpage = pdfium_page.get_textpage()
    try:
        reading = _PageReading(textpage.raw, fonts, geometry)
        glyphs = _glyphs_by_object(textpage.raw)
        chars: list[Char] = []
        rects: list[Shape] = []
        curves: list[Shape] = []
        lines: list[Shape] = []
        kinds = {"line": lines, "rect": rects, "curve": curves}
        for obj, kind, matrix in _page_objects(pdfium_page.raw):
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                chars += _object_chars(obj, matrix, glyphs.get(_address(obj)), reading)
            elif kind == raw.FPDF_PAGEOBJ_PATH:
                painted = _path(obj, matrix)
                if painted is None:
                    continue
                path, stroke, fill, colour = painted
                for shape_kind, pts in painted_subpaths(path, geometry.ctm):
                    kinds[shape_kind].append(plumber_shape(pts, geometry.frame, stroke, fill, colour))
    finally:
        textpage.close()
    return page_content(ReadPage(page.page_number, float(page.width), float(geometry.height), chars, rects, curves,
                                 lines), settings)


def _glyphs_by_object(textpage: Any) -> dict[int, list[tuple[int, int, float, float]]]:
    """PDFium's characters (index, code, origin) grouped by their text object; its made-up ones left out."""
    count = raw.FPDFText_CountChars(textpage)
    codes = _page_text(textpage, count)
    by_object: dict[int, list[tuple[int, int, float, float]]] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    x_out, y_out = ctypes.byref(x), ctypes.byref(y)
    for index in range(count):
        code = codes[index] if codes is not None else raw.FPDFText_GetUnicode(textpage, index)
        if code == _NOT_IN_TEXT:
            code = raw.FPDFText_GetUnicode(textpage, index)  # a line-end hyphen, or a glyph without Unicode
        # PDFium makes up spaces and line breaks only; no other character needs asking.
        if code in _MADE_UP and raw.FPDFText_IsGenerated(textpage, index):
            continue
        raw.FPDFText_GetCharOrigin(textpage, index, x_out, y_out)
        glyphs = by_object.get(handle := _text_object_address(textpage, index) or 0)
        if glyphs is None:
            glyphs = by_object[handle] = []
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


def _object_chars(obj: Any, parent: tuple, glyphs: list | None, reading: _PageReading) -> list[Char]:
    """One text object's characters in pdfminer's terms (see the module docstring)."""
    textpage, fonts, geometry = reading.textpage, reading.fonts, reading.geometry
    text_object = _TextObject(obj, parent, fonts)
    if glyphs is None:
        return _blank_object(obj, text_object, reading)
    a, b, c, d = text_object.matrix[:4]
    ca, cb, cc, cd, ce, cf = geometry.ctm
    if not (b == 0 and c == 0 and cb == 0 and cc == 0 and a > 0 and d > 0):
        # Turned, skewed or mirrored text, or a turned page: page_content decides what reads.
        return _turned_object_chars(glyphs, text_object, reading)
    # Unturned text on a page turned by 0 or 180 (nearly always): each box is its origin plus constants.
    direction = 0 if ca > 0 else 180
    low = fonts.descent_at(text_object.font, text_object.font_key, text_object.size)
    high = low + text_object.size
    height, mb_x0, mb_top = geometry.height, geometry.mb_x0, geometry.mb_top
    font, font_key, size = text_object.font, text_object.font_key, text_object.size
    bold, colour = text_object.bold, text_object.colour
    advance_of = fonts.advance_of
    chars: list[Char] = []
    previous_origin: tuple[float, float] | None = None
    loose = raw.FS_RECTF()
    for position, (_index, code, origin_x, origin_y) in enumerate(glyphs):
        if code == _LINE_END_HYPHEN:
            text, code = "-", _HYPHEN
        else:
            text = chr(code)
        if (origin_x, origin_y) == previous_origin and chars:
            text = chars.pop().text + text
            advance = _ligature_advance(glyphs, position, textpage, loose) / a
        else:
            advance = advance_of(font, font_key, code, size)
        left, right = ca * origin_x + ce, ca * (origin_x + a * advance) + ce
        lower, upper = cd * (origin_y + d * low) + cf, cd * (origin_y + d * high) + cf
        x0, x1 = (left, right) if left <= right else (right, left)
        y0, y1 = (lower, upper) if lower <= upper else (upper, lower)
        chars.append(Char(text, x0 + mb_x0, (height - y1) + mb_top, x1 + mb_x0, (height - y0) + mb_top,
                          char_size(y1 - y0), bold, colour, direction))
        previous_origin = (origin_x, origin_y)
    return chars


def _ligature_advance(glyphs: list, position: int, textpage: Any, loose: Any) -> float:
    """A ligature glyph's advance (in page units along the line): PDFium knows its width only as the loose box.

    The loose box also covers ink beyond the advance ("ff" overhangs): when the ink reaches its right
    edge and the next glyph of the object starts sooner on the same line, that is the advance.
    """
    index, _, origin_x, origin_y = glyphs[position]
    raw.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(loose))
    advance = loose.right - origin_x
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    raw.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
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
    textpage, fonts = reading.textpage, reading.fonts
    chars: list[Char] = []
    previous_origin: tuple[float, float] | None = None
    loose = raw.FS_RECTF()
    for index, code, origin_x, origin_y in glyphs:
        if code == _LINE_END_HYPHEN:
            text, code = "-", _HYPHEN
        else:
            text = chr(code)
        if (origin_x, origin_y) == previous_origin and chars:
            raw.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(loose))
            advance = _turned_ligature_advance(text_object.matrix, origin_x, origin_y, loose)
            text = chars.pop().text + text
        else:
            advance = fonts.advance_of(text_object.font, text_object.font_key, code, text_object.size)
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


def _blank_object(obj: Any, text_object: _TextObject, reading: _PageReading) -> list[Char]:
    """A text object PDFium left out of its text: one that only shows a space (no ink, so no width).

    Chromium prints many spaces so; pdfminer reports the space glyph, so it is put back, at the
    object's origin with the space's advance.
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or right.value - left.value > _NO_WIDTH:
        return []
    origin_x, origin_y = text_object.matrix[4], text_object.matrix[5]
    advance = reading.fonts.advance_of(text_object.font, text_object.font_key, _SPACE, text_object.size)
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
    low = fonts.descent_at(text_object.font, text_object.font_key, size)
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


# PDFium's path segment types.
_LINETO, _BEZIERTO, _MOVETO = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _page_objects(container: Any, matrix: tuple = _IDENTITY, in_form: bool = False) -> Iterator[tuple]:
    """Every text and path object of the page in paint order, Form XObjects opened: (object, type, form matrix)."""
    count = raw.FPDFFormObj_CountObjects(container) if in_form else raw.FPDFPage_CountObjects(container)
    for index in range(count):
        obj = raw.FPDFFormObj_GetObject(container, index) if in_form else raw.FPDFPage_GetObject(container, index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            yield from _page_objects(obj, _concat(_matrix_of(obj), matrix), in_form=True)
        elif kind in (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH):
            yield obj, kind, matrix


def _matrix_of(obj: Any) -> tuple:
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _concat(m1: tuple, m0: tuple) -> tuple:
    """m1 then m0 (pdfminer's mult_matrix order)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _path(obj: Any, parent: tuple) -> tuple | None:
    """One path object as (segments in page space, stroke, fill, fill colour); None when it paints nothing."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return None
    if not fill_mode.value and not stroke.value:
        return None
    a, b, c, d, e, f = _concat(_matrix_of(obj), parent)
    x, y = ctypes.c_float(), ctypes.c_float()
    segments: list[tuple] = []
    bezier: list[float] = []
    for index in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == _MOVETO:
            segments.append(("m", px, py))
        elif kind == _LINETO:
            segments.append(("l", px, py))
        elif kind == _BEZIERTO:
            bezier += [px, py]
            if len(bezier) == 6:
                segments.append(("c", *bezier))
                bezier = []
        if raw.FPDFPathSegment_GetClose(segment):
            segments.append(("h",))
    r, g, b_, alpha = (ctypes.c_uint() for _ in range(4))
    colour = (r.value / 255, g.value / 255, b_.value / 255) if raw.FPDFPageObj_GetFillColor(obj, r, g, b_, alpha) else None
    return segments, bool(stroke.value), bool(fill_mode.value), colour
