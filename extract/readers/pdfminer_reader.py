"""A lean reader straight on pdfminer.six: a PDFDevice that keeps only what extract reads.

pdfplumber runs the same pdfminer interpreter, builds a layout object (LTChar, LTRect …) for
everything painted, and then turns each into a dict of some twenty attributes. This device skips
both layers: it computes each character's box with LTChar's own arithmetic (advance, font descent,
text matrix; the same float operations in the same order) and each painted path's bounds the way
PDFLayoutAnalyzer.paint_path classifies them, then applies pdfplumber's coordinate conventions
(top = page height − y1 shifted by the MediaBox origin, x shifted by the MediaBox's x0). The
result equals pdfplumber_reader's PageContent exactly; tests/extract/test_readers.py holds it to
that.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from enum import Enum
from typing import Any, Final, Literal, NamedTuple, cast

import pdfplumber
from pdfminer import settings
from pdfminer.layout import LTChar
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdevice import PDFTextDevice, PDFTextSeq
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import (
    PDFContentParser,
    PDFGraphicState,
    PDFInterpreterError,
    PDFPageInterpreter,
    PDFResourceManager,
    PDFTextState,
)
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import PSEOF, PSKeyword, keyword_name
from pdfminer.utils import Matrix, PathSegment, Point, apply_matrix_pt, get_bound, mult_matrix
from pdfplumber.page import fix_fontname_bytes
from pdfplumber.utils import resolve_all

from followup.extract.page_content import (
    Char,
    PageContent,
    PlacedImage,
    ReadPage,
    Shape,
    char_size,
    drawn_text,
    opening_run,
    page_content,
    text_colour,
    text_direction,
)
from followup.extract.readers.content_tokens import Unsupported, content_objects
from followup.extract.readers.font_programs import font_is_bold
from followup.extract.readers.pictures import PictureColours
from followup.extract.readers.winansi import BULLET, bullet_in_table
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings

_log = logging.getLogger("pdfminer.pdfinterp")


class _Sentinel(Enum):
    UNSEEN = 0


_UNSEEN: Final = _Sentinel.UNSEEN  # an operator not looked up yet (None: looked up, unknown)
UnicodeForm = Literal["NFC", "NFD", "NFKC", "NFKD"]

# PDFLayoutAnalyzer.paint_path splits a path with several subpaths at each "m" with this pattern.
_SUBPATH = re.compile(r"m[^m]+")



def read_pages(pdf: pdfplumber.PDF, start: int = 0, settings: ExtractSettings = DEFAULT_SETTINGS) -> Iterator[PageContent]:
    """The pages of a PDF opened by pdfplumber from index `start` on, read by the lean device; nothing
    is kept between pages."""
    device = ContentDevice(pdf.rsrcmgr, unicode_norm=pdf.unicode_norm, settings=settings)
    for page in pdf.pages[start:]:
        yield read_page(page, device)


def read_page(page: pdfplumber.page.Page, device: ContentDevice | None = None,
              settings: ExtractSettings = DEFAULT_SETTINGS) -> PageContent:
    """One page through pdfminer's interpreter into the lean device (a new one with `settings` when none is given)."""
    device = device or ContentDevice(page.pdf.rsrcmgr, unicode_norm=page.pdf.unicode_norm, settings=settings)
    device.start_page(page)
    try:
        LeanInterpreter(device.rsrcmgr, device).process_page(page.page_obj)
        return device.page_content()
    finally:
        device.forget_page()


class LeanInterpreter(PDFPageInterpreter):
    """PDFPageInterpreter whose operator dispatch is looked up once per operator, not once per use.

    pdfminer's `execute` builds each operator's method name, asks hasattr and getattr and logs
    every operator at debug level; this one does the same work from a table filled on first use.
    Everything else (the operators themselves, circular-reference checks) is pdfminer's.
    """

    def execute(self, streams: Sequence[object]) -> None:
        valid_streams: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                _log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                _log.warning("Refusing to execute circular reference to content stream %d", stream.objid)
            else:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        try:
            objects = content_objects([stream.get_data() for stream in valid_streams])
        except Unsupported:
            self._execute_parsed(valid_streams)
            return
        self._dispatch(objects)

    def _execute_parsed(self, valid_streams: list[PDFStream]) -> None:
        """The same dispatch over pdfminer's own content parser, for content the fast reader leaves to it."""
        try:
            parser = PDFContentParser(valid_streams)
        except PSEOF:
            return
        self._dispatch(_parsed_objects(parser))

    def _dispatch(self, objects: Iterable[Any]) -> None:
        """Operands pushed, operators run with as many of them as they take (PDFPageInterpreter.execute)."""
        operators: dict[PSKeyword, tuple[Any, int] | None] = {}
        push, pop = self.push, self.pop
        for obj in objects:
            if type(obj) is not PSKeyword:
                push(obj)
                continue
            operator = operators.get(obj, _UNSEEN)
            if operator is _UNSEEN:
                operator = operators[obj] = self._operator(obj)
            if operator is None:
                if settings.STRICT:
                    raise PDFInterpreterError(f"Unknown operator: {keyword_name(obj)!r}")
                continue
            func, nargs = operator
            if nargs:
                args = pop(nargs)
                if len(args) == nargs:
                    func(*args)
            else:
                func()

    def _operator(self, keyword: PSKeyword) -> tuple[Any, int] | None:
        """The bound method for an operator and how many operands it takes (pdfminer's naming); None if unknown."""
        name = keyword_name(keyword)
        method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
        if not hasattr(self, method):
            return None
        func = getattr(self, method)
        return func, func.__code__.co_argcount - 1


class PageFrame(NamedTuple):
    """What turns a point of pdfminer's page space into pdfplumber's coordinates: the page's height
    (top = height - y) and the MediaBox's origin (both shifts)."""

    height: float
    mb_x0: float
    mb_top: float


class ContentDevice(PDFTextDevice):
    """Collects characters and painted shapes of one page at a time, in pdfplumber's coordinates."""

    def __init__(self, rsrcmgr: PDFResourceManager, unicode_norm: UnicodeForm | None = None,
                 settings: ExtractSettings = DEFAULT_SETTINGS) -> None:
        super().__init__(rsrcmgr)
        self.unicode_norm = unicode_norm
        self.settings = settings
        self._glyphs: dict[PDFFont, dict[int, tuple[str, float]]] = {}
        self._bold: dict[PDFFont, bool] = {}
        self.pictures = PictureColours(settings)  # the document's images, each decoded once
        self.forget_page()

    # Page geometry, as pdfplumber's Page computes it (rotation and MediaBox origin included).
    def start_page(self, page: pdfplumber.page.Page) -> None:
        self.forget_page()
        self.number = page.page_number
        self.width = float(page.width)
        self.height = page.height
        self.mb_x0 = page.mediabox[0]
        self.mb_top = page.mediabox[1]

    def forget_page(self) -> None:
        self.number, self.width, self.height, self.mb_x0, self.mb_top = 0, 0.0, 0, 0, 0
        self.chars: list[Char] = []
        self.rects: list[Shape] = []
        self.curves: list[Shape] = []
        self.lines: list[Shape] = []
        self.images: list[PlacedImage] = []

    def page_content(self) -> PageContent:
        return page_content(ReadPage(self.number, self.width, float(self.height), self.chars,
                                     self.rects, self.curves, self.lines, self.images), self.settings)

    # Text ------------------------------------------------------------------------------------
    def render_string(self, textstate: PDFTextState, seq: PDFTextSeq, ncs: PDFColorSpace,
                      graphicstate: PDFGraphicState) -> None:
        font = textstate.font
        assert font is not None
        first = len(self.chars)
        if font.is_vertical():
            # Rare; LTChar itself computes the vertical box (render_char below).
            PDFTextDevice.render_string(self, textstate, seq, ncs, graphicstate)
        else:
            textstate.linematrix = self._render_horizontal(textstate, font, seq, graphicstate)
        if len(self.chars) > first:
            self.chars[first] = opening_run(self.chars[first])

    def _render_horizontal(self, textstate: PDFTextState, font: PDFFont, seq: PDFTextSeq,
                           graphicstate: PDFGraphicState) -> tuple[float, float]:
        """PDFTextDevice.render_string_horizontal with LTChar's box arithmetic inlined."""
        assert self.ctm is not None
        matrix = mult_matrix(textstate.matrix, self.ctm)
        a, b, c, d, e, f = matrix
        scaling = textstate.scaling * 0.01
        upright = a * d * scaling > 0 and b * c <= 0
        if upright and b == 0 and c == 0:
            return self._render_straight(textstate, font, seq, graphicstate, matrix)
        fontsize = textstate.fontsize
        charspace = textstate.charspace * scaling
        wordspace = 0 if font.is_multibyte() else textstate.wordspace * scaling
        rise = textstate.rise
        dxscale = 0.001 * fontsize * scaling
        direction = text_direction(a, b, c, d)
        descent = font.get_descent() * fontsize
        low = descent + rise
        high = descent + rise + fontsize
        glyphs = self._glyphs_of(font)
        bold = self._bold_of(font)
        colour = _char_colour(graphicstate)
        height, mb_x0, mb_top, chars = self.height, self.mb_x0, self.mb_top, self.chars
        zero = 0
        x, y = textstate.linematrix
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get(cid)
                    if glyph is None:
                        glyph = glyphs[cid] = self._glyph(font, cid)
                    adv = glyph[1] * fontsize * scaling
                    # translate_matrix then apply_matrix_rect on (0, low, adv, high), as LTChar does.
                    e1 = x * a + y * c + e
                    f1 = x * b + y * d + f
                    left1, bottom1 = a * zero + c * low + e1, b * zero + d * low + f1
                    right1, bottom2 = a * adv + c * low + e1, b * adv + d * low + f1
                    right2, top1 = a * adv + c * high + e1, b * adv + d * high + f1
                    left2, top2 = a * zero + c * high + e1, b * zero + d * high + f1
                    x0 = min(left1, left2, right1, right2)
                    y0 = min(bottom1, bottom2, top1, top2)
                    x1 = max(left1, left2, right1, right2)
                    y1 = max(bottom1, bottom2, top1, top2)
                    if mb_x0 != 0:
                        x0, x1 = x0 + mb_x0, x1 + mb_x0
                    chars.append(Char(glyph[0], float(x0), float((height - y1) + mb_top), float(x1),
                                      float((height - y0) + mb_top), char_size(y1 - y0), bold, colour,
                                      direction, upright))
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        return x, y

    def _render_straight(self, textstate: PDFTextState, font: PDFFont, seq: PDFTextSeq,
                         graphicstate: PDFGraphicState, matrix: Matrix) -> tuple[float, float]:
        """_render_horizontal for upright text neither turned nor skewed (`matrix`, the text matrix
        times the CTM, has b and c 0): the same floats with the zero terms left out (adding a zero
        changes no float), and the string's glyphs sharing one top, bottom and size, computed once.
        Upright, but turned half a turn when a and d are both negative (a page under /Rotate 180): the
        direction says so."""
        a, b, c, d, e, f = matrix
        direction = text_direction(a, b, c, d)
        bold, colour = self._bold_of(font), _char_colour(graphicstate)
        x, y = textstate.linematrix
        fontsize = textstate.fontsize
        rise = textstate.rise
        descent = font.get_descent() * fontsize
        low = descent + rise
        high = descent + rise + fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = 0 if font.is_multibyte() else textstate.wordspace * scaling
        dxscale = 0.001 * fontsize * scaling
        mb_x0, chars, glyphs = self.mb_x0, self.chars, self._glyphs_of(font)
        f1 = y * d + f
        y0, y1 = sorted((d * low + f1, d * high + f1))
        top, bottom = float((self.height - y1) + self.mb_top), float((self.height - y0) + self.mb_top)
        size = char_size(y1 - y0)
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get(cid)
                    if glyph is None:
                        glyph = glyphs[cid] = self._glyph(font, cid)
                    adv = glyph[1] * fontsize * scaling
                    left = x * a + e
                    right = a * adv + left
                    x0, x1 = (left, right) if left <= right else (right, left)
                    if mb_x0 != 0:
                        x0, x1 = x0 + mb_x0, x1 + mb_x0
                    chars.append(Char(glyph[0], float(x0), top, float(x1), bottom, size, bold, colour, direction, True))
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        return x, y

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float, rise: float,
                    cid: int, ncs: PDFColorSpace, graphicstate: PDFGraphicState) -> float:
        """Vertical fonts only: build pdfminer's own LTChar and keep what pdfplumber would report of it."""
        text, textwidth = self._glyph(font, cid)
        item = LTChar(matrix, font, fontsize, scaling, rise, text, textwidth, font.char_disp(cid), ncs, graphicstate)
        x0, x1 = item.x0, item.x1
        if self.mb_x0 != 0:
            x0, x1 = x0 + self.mb_x0, x1 + self.mb_x0
        self.chars.append(Char(text, float(x0), float((self.height - item.y1) + self.mb_top), float(x1),
                               float((self.height - item.y0) + self.mb_top), char_size(item.size),
                               self._bold_of(font), _char_colour(graphicstate), text_direction(*item.matrix[:4]),
                               bool(item.upright)))
        return item.adv

    def _glyph(self, font: PDFFont, cid: int) -> tuple[str, float]:
        """A character's text and width, as PDFLayoutAnalyzer.render_char finds them."""
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            # An unused WinAnsiEncoding code shows the bullet (winansi.py).
            text = BULLET if bullet_in_table(getattr(font, "cid2unicode", None), cid) else f"(cid:{cid})"
        if self.unicode_norm is not None:
            text = unicodedata.normalize(self.unicode_norm, text)
        return drawn_text(text), font.char_width(cid)

    def _glyphs_of(self, font: PDFFont) -> dict[int, tuple[str, float]]:
        glyphs = self._glyphs.get(font)
        if glyphs is None:
            glyphs = self._glyphs[font] = {}
        return glyphs

    def _bold_of(self, font: PDFFont) -> bool:
        bold = self._bold.get(font)
        if bold is None:
            name = font.fontname
            if isinstance(name, bytes):
                name = fix_fontname_bytes(name)
            bold = self._bold[font] = font_is_bold(font, name or "")
        return bold

    # Paths -----------------------------------------------------------------------------------
    def paint_path(self, gstate: PDFGraphicState, stroke: bool, fill: bool, evenodd: bool,
                   path: Sequence[PathSegment]) -> None:
        """PDFLayoutAnalyzer.paint_path, keeping bounds, fill/stroke and fill colour instead of LT objects."""
        assert self.ctm is not None
        kinds = {"line": self.lines, "rect": self.rects, "curve": self.curves}
        for kind, pts in painted_subpaths(path, self.ctm):
            kinds[kind].append(self._shape(pts, stroke, fill, gstate))

    def _shape(self, pts: list[Point], stroke: bool, fill: bool, gstate: PDFGraphicState) -> Shape:
        return plumber_shape(pts, PageFrame(self.height, self.mb_x0, self.mb_top), stroke, fill,
                             _resolved(gstate.ncolor))


    # Images -----------------------------------------------------------------------------------
    def render_image(self, name: str, stream: PDFStream) -> None:
        """An image XObject (or inline image) painted in the unit square under the CTM: its bounds as
        pdfminer's LTFigure computes them, its colour from PictureColours."""
        assert self.ctm is not None
        matrix = mult_matrix((1, 0, 0, 1, 0, 0), self.ctm)
        corners = [apply_matrix_pt(matrix, p) for p in ((0, 0), (1, 0), (0, 1), (1, 1))]
        self.images.append(placed_image(corners, PageFrame(self.height, self.mb_x0, self.mb_top), stream, self.pictures))


def placed_image(corners: list[Point], frame: PageFrame, stream: Any, pictures: PictureColours) -> PlacedImage:
    """An image painted with its unit square's corners there (page space), in pdfplumber's coordinates, with its colour."""
    x0, top, x1, bottom = plumber_shape(corners, frame, False, False, None)[:4]
    return PlacedImage(x0, top, x1, bottom, pictures.colour(stream, x1 - x0, bottom - top))


def painted_subpaths(path: Sequence[PathSegment], ctm: Matrix) -> Iterator[tuple[str, list[Point]]]:
    """What PDFLayoutAnalyzer.paint_path makes of a painted path: ("line" | "rect" | "curve", points).

    A path of several subpaths is split at each "m"; a closing "h" stands for the subpath's first
    point; a redundant "l" back to the start before "h" is dropped; four sides meeting at right
    angles, closed, are a rect (its points are then its corners); one segment is a line.
    """
    shape = "".join(x[0] for x in path)
    if shape[:1] != "m":
        return
    if shape.count("m") > 1:
        for m in _SUBPATH.finditer(shape):
            yield from painted_subpaths(path[m.start(0): m.end(0)], ctm)
        return
    # pdfminer types a segment as a union of tuples: its operator letter says which, so each one but "h" ends in a point.
    pts = [apply_matrix_pt(ctm, cast(Point, p[-2:] if p[0] != "h" else path[0][-2:])) for p in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in {"mlh", "ml"}:
        yield "line", pts[:2]
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        is_closed_loop = pts[0] == pts[4]
        has_square_coordinates = (
            x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0
        ) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if is_closed_loop and has_square_coordinates:
            yield "rect", [(x0, y0), (x2, y0), (x2, y2), (x0, y2)]
        else:
            yield "curve", pts
    else:
        yield "curve", pts


def plumber_shape(pts: list[Point], frame: PageFrame, stroke: bool, fill: bool, fill_colour: Any) -> Shape:
    """A shape's bounds in pdfplumber's coordinates (flipped from the page height, shifted by the MediaBox origin)."""
    height, mb_x0, mb_top = frame
    x0, y0, x1, y1 = get_bound(pts)
    if mb_x0 != 0:
        x0, x1 = x0 + mb_x0, x1 + mb_x0
    return Shape(x0, (height - y1) + mb_top, x1, (height - y0) + mb_top,
                 fill=bool(fill), stroke=bool(stroke), fill_colour=fill_colour)


def _char_colour(graphicstate: PDFGraphicState) -> str | None:
    """pdfplumber reports a character's colour as a tuple even when the PDF gave one gray value."""
    ncolor = graphicstate.ncolor
    return text_colour(ncolor if isinstance(ncolor, tuple) else (ncolor,))


def _resolved(value: Any) -> Any:
    return value if isinstance(value, (int, float)) else resolve_all(value)


def page_ctm(mediabox: Sequence[float], rotate: int) -> Matrix:
    """The matrix PDFPageInterpreter.process_page starts a page with: /Rotate and the MediaBox origin."""
    (x0, y0, x1, y1) = mediabox
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


def _parsed_objects(parser: PDFContentParser) -> Iterator[Any]:
    """The objects pdfminer's content parser reads, until the end of the content."""
    while True:
        try:
            (_, obj) = parser.nextobject()
        except PSEOF:
            return
        yield obj

