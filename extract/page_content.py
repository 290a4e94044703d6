"""Everything extract needs from one PDF page, read once into plain data.

Each page is parsed exactly once into a PageContent and then released; every later step works on
these tuples. The readers (extract/readers/) report characters and painted shapes in pdfplumber's
coordinates (top = distance from the top of the MediaBox); `page_content` turns their shapes into
fills and rulings the same way for all of them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from extract.colours import colour_hex, is_blank

# A ruling is at most this thick; thicker filled rectangles are shading, not lines.
RULING_MAX_THICKNESS = 2.0


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    colour: str | None = None  # fill colour, kept only when it is not black

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def y_mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    def overlap(self, other: Box) -> float:
        """Area shared with another box."""
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.bottom, other.bottom) - max(self.top, other.top)
        return w * h if w > 0 and h > 0 else 0.0

    def contains_point(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


@dataclass(frozen=True, slots=True)
class Fill:
    """A filled shape (rectangle or curve) and its colour."""

    box: Box
    colour: str


@dataclass(frozen=True, slots=True)
class Ruling:
    """A horizontal or vertical line segment: a table border."""

    orientation: str  # "h" or "v"
    position: float  # y for horizontal, x for vertical
    start: float
    end: float


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    rulings: list[Ruling] = field(default_factory=list)


class Shape(NamedTuple):
    """A painted rectangle, curve or line as a reader reports it, before it is told fill from ruling."""

    x0: float
    top: float
    x1: float
    bottom: float
    fill: bool = False
    stroke: bool = False
    fill_colour: Any = None  # the PDF's non-stroking colour value (gray, RGB or CMYK components)


def page_content(number: int, width: float, height: float, chars: list[Char],
                 rects: Sequence[Shape], curves: Sequence[Shape], lines: Sequence[Shape]) -> PageContent:
    """Assemble a page from a reader's characters and shapes (rects, then curves, then lines, each in paint order)."""
    content = PageContent(number=number, width=width, height=height, chars=chars)
    for rect in rects:
        _add_shape(content, rect, is_curve=False)
    for curve in curves:
        _add_shape(content, curve, is_curve=True)
    content.fills = _distinct(content.fills)
    for line in lines:
        ruling = _ruling_from_segment(line)
        if ruling is not None:
            content.rulings.append(ruling)
    return content


def is_bold(fontname: str) -> bool:
    """Bold as the font's name says it (every producer here names its bold faces so)."""
    return "bold" in fontname.lower()


def char_size(size: float | None) -> float:
    """A character's size as kept: hundredths of a point are enough to tell sizes apart."""
    return round(float(size or 0.0), 2)


def _distinct(fills: list[Fill]) -> list[Fill]:
    """Drop repeated fills: some producers paint every shape twice."""
    seen: set[tuple] = set()
    kept = []
    for fill in fills:
        key = (round(fill.box.x0), round(fill.box.top), round(fill.box.x1), round(fill.box.bottom), fill.colour)
        if key not in seen:
            seen.add(key)
            kept.append(fill)
    return kept


_BLACK = {(0,), (0.0,), (0, 0, 0), (0.0, 0.0, 0.0), (0, 0, 0, 1), (0.0, 0.0, 0.0, 1.0), None}


def text_colour(value) -> str | None:
    """A character's fill colour as "#RRGGBB", or None when it is black."""
    # Nearly all text is black: skip the conversion for it.
    if value in _BLACK:
        return None
    return colour_hex(value)


def _add_shape(content: PageContent, shape: Shape, *, is_curve: bool) -> None:
    box = Box(float(shape.x0), float(shape.top), float(shape.x1), float(shape.bottom))
    thin = min(box.width, box.height) <= RULING_MAX_THICKNESS
    if thin and not is_curve and max(box.width, box.height) > 4:
        # Word processors often draw cell borders as hairline rectangles.
        if box.width >= box.height:
            content.rulings.append(Ruling("h", (box.top + box.bottom) / 2, box.x0, box.x1))
        else:
            content.rulings.append(Ruling("v", (box.x0 + box.x1) / 2, box.top, box.bottom))
        return
    if shape.fill:
        colour = colour_hex(shape.fill_colour)
        if colour is not None and not is_blank(colour) and not thin:
            content.fills.append(Fill(box, colour))
    if shape.stroke and not is_curve and not thin:
        # A stroked rectangle is four rulings (a bordered cell drawn as one rect).
        content.rulings.extend(
            [
                Ruling("h", box.top, box.x0, box.x1),
                Ruling("h", box.bottom, box.x0, box.x1),
                Ruling("v", box.x0, box.top, box.bottom),
                Ruling("v", box.x1, box.top, box.bottom),
            ]
        )


def _ruling_from_segment(line: Shape) -> Ruling | None:
    x0, x1 = float(line.x0), float(line.x1)
    top, bottom = float(line.top), float(line.bottom)
    if abs(bottom - top) <= RULING_MAX_THICKNESS and x1 - x0 > 2:
        return Ruling("h", (top + bottom) / 2, x0, x1)
    if abs(x1 - x0) <= RULING_MAX_THICKNESS and bottom - top > 2:
        return Ruling("v", (x0 + x1) / 2, top, bottom)
    return None
