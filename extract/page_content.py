"""Everything extract needs from one PDF page, read once into plain data.

Each page is parsed exactly once into a PageContent and then released; every later step works on
these tuples. The readers (extract/readers/) report characters and painted shapes in pdfplumber's
coordinates (top = distance from the top of the page as displayed, /Rotate applied), each character
with the direction its baseline runs in; `page_content` turns the page into the direction most of
its text reads in, keeps the characters that read that way, and turns the shapes into fills and
rulings, the same way for all of them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from followup.extract.colours import colour_hex, is_blank

if TYPE_CHECKING:  # the settings' model (pydantic) is the readers' to import: `followup --help` lists them without it
    from followup.extract.settings import ExtractSettings

# The directions a line of text can run in, anticlockwise from left-to-right as the page is displayed.
DIRECTIONS = (0, 90, 180, 270)

_Frozen = TypeVar("_Frozen", bound=type)


def stored_directly(cls: _Frozen) -> _Frozen:
    """Give a frozen dataclass with slots an __init__ that stores each field through its slot's descriptor.

    A frozen dataclass's own __init__ stores each field with object.__setattr__ (its own __setattr__
    refuses assignment), which is most of what building one costs; the readers build a Char per glyph
    and the steps a Box per word and line. This __init__ is generated from the same fields, as
    dataclasses generates its own: the same parameters and defaults, the same values stored, in about
    half the time; assignment is still refused (tests/extract/test_extract_text_lines.py).
    """
    names = [f.name for f in fields(cls)]
    if any(f.default_factory is not MISSING for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: a field with a default factory is not supported")
    namespace: dict[str, Any] = {f"_store_{name}": getattr(cls, name).__set__ for name in names}
    namespace.update({f"_default_{f.name}": f.default for f in fields(cls) if f.default is not MISSING})
    parameters = ", ".join(name if f"_default_{name}" not in namespace else f"{name}=_default_{name}" for name in names)
    body = "".join(f"    _store_{name}(self, {name})\n" for name in names)
    exec(f"def __init__(self, {parameters}):\n{body}", namespace)
    cls.__init__ = namespace["__init__"]  # type: ignore[misc]
    return cls


@stored_directly
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
    # Where the baseline runs (DIRECTIONS, nearest quarter turn; see text_direction), None when the
    # glyph is mirrored. After page_content, the kept characters of a turned page read at 0.
    direction: int | None = 0
    # pdfminer's LTChar.upright: every turn but a quarter one, unmirrored. On a page read the way it
    # is displayed, these are the characters kept (as pdfplumber users know them). After page_content,
    # False marks a character of text printed a quarter turned and laid flat (`laid_flat`).
    upright: bool = True
    # The first glyph a text-showing operator (Tj, TJ, ' or ") of the content stream drew. A layout
    # engine may draw a hyphen it adds at a line end by an operator of its own, apart from the word
    # (LibreOffice does), and a hyphen the author typed within the word's (extract/hyphen_drawing.py).
    opens_run: bool = False

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def y_mid(self) -> float:
        return (self.top + self.bottom) / 2


def opening_run(char: Char) -> Char:
    """The character marked as the first glyph of its text-showing operator (Char.opens_run).

    The readers mark one glyph per operator, hundreds a page: built directly, three times faster
    than dataclasses.replace."""
    return Char(char.text, char.x0, char.top, char.x1, char.bottom, char.size, char.bold, char.colour,
                char.direction, char.upright, True)


@stored_directly
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
class Picture:
    """A small image drawn on the page (a status icon, a legend swatch) and its representative colour:
    the mean of its opaque, coloured pixels (readers/pictures.py)."""

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
    # Small images with a colour, in paint order (ExtractSettings.picture_max_side, picture_min_share).
    pictures: list[Picture] = field(default_factory=list)
    # How the page was turned to read it (DIRECTIONS; 0: as displayed). Width, height and every box
    # above are those of the turned page.
    turn: int = 0
    # Characters other than whitespace that the page holds but that do not read in its direction
    # (mirrored, or running across the rest of the text): left out of `chars`, counted so that a
    # page with text is never taken for an empty one.
    unread_text: int = 0


class Shape(NamedTuple):
    """A painted rectangle, curve or line as a reader reports it, before it is told fill from ruling."""

    x0: float
    top: float
    x1: float
    bottom: float
    fill: bool = False
    stroke: bool = False
    fill_colour: Any = None  # the PDF's non-stroking colour value (gray, RGB or CMYK components)


class PlacedImage(NamedTuple):
    """An image as a reader reports it: its bounds (pdfplumber's coordinates) and its colour ("#RRGGBB",
    readers/pictures.py), None when it has none or was not decoded."""

    x0: float
    top: float
    x1: float
    bottom: float
    colour: str | None


class ReadPage(NamedTuple):
    """A page as a reader reports it: its number and size (pdfplumber's, /Rotate applied), its characters,
    its painted shapes as pdfminer classifies them (rects, curves and lines, each in paint order), and
    its images in paint order."""

    number: int
    width: float
    height: float
    chars: list[Char]
    rects: Sequence[Shape]
    curves: Sequence[Shape]
    lines: Sequence[Shape]
    images: Sequence[PlacedImage] = ()


def page_content(read: ReadPage, settings: ExtractSettings) -> PageContent:
    """Assemble a page from what a reader read, turned into its reading direction (`reading_direction`)
    first; thin shapes become rulings (`ruling_max_thickness`, …), the others fills; images with a
    colour become pictures."""
    number, width, height, chars, rects, curves, lines, images = read
    directions = set(map(_DIRECTION, chars))
    # Every character running left to right (nearly every page): no turn, as reading_direction says.
    turn = 0 if directions <= _UNTURNED else reading_direction(chars)
    across = [] if directions <= _UNTURNED else _across(chars, turn)
    if turn:
        kept = [turned_char(c, turn, width, height) for c in chars if c.direction == turn]
        across = [_turned_across(c, turn, width, height) for c in across]
        rects, curves, lines = ([turned_shape(s, turn, width, height) for s in shapes] for shapes in (rects, curves, lines))
        images = [PlacedImage(*turned_box((i.x0, i.top, i.x1, i.bottom), turn, width, height), i.colour) for i in images]
        if turn != 180:
            width, height = height, width
    elif all(map(_UPRIGHT, chars)) and not across:
        kept = list(chars)
    else:
        # Upright as pdfminer tells it: the characters pdfplumber users keep. A glyph turned a quarter
        # is laid flat below, even where pdfminer calls it upright: Typst writes a quarter turn with
        # cos 90° as 6.1e-17, not 0, so its matrix passes pdfminer's a·d > 0 test by a hair.
        sideways = set(map(id, across))
        kept = [c for c in chars if c.upright and id(c) not in sideways]
    if across:
        kept += laid_flat(across, settings)
    unread = 0 if len(kept) == len(chars) else _text_count(chars) - _text_count(kept)
    content = PageContent(number=number, width=width, height=height, chars=kept, turn=turn, unread_text=unread)
    for rect in framed(rects, settings):
        _add_shape(content, rect, settings, is_curve=False)
    for curve in curves:
        _add_shape(content, curve, settings, is_curve=True)
    content.fills = _distinct(content.fills)
    for line in lines:
        ruling = _ruling_from_segment(line, settings)
        if ruling is not None:
            content.rulings.append(ruling)
    content.pictures = [Picture(Box(float(i.x0), float(i.top), float(i.x1), float(i.bottom)), i.colour)
                        for i in images if i.colour is not None]
    return content


def picture_fills(pictures: Sequence[Picture]) -> list[Fill]:
    """Pictures as the filled shapes they stand for where colour is read (a status dot, a legend swatch):
    an icon in a cell says what a dot of its colour says."""
    return [Fill(p.box, p.colour) for p in pictures]


_DIRECTION, _UPRIGHT = attrgetter("direction"), attrgetter("upright")
# Directions under which reading_direction leaves a page as it is displayed (None: mirrored, not counted).
_UNTURNED = frozenset({0, None})


def _across(chars: Sequence[Char], turn: int) -> list[Char]:
    """The characters running a quarter turn from the page's reading direction (a header turned to fit
    a narrow column), as displayed."""
    quarter = {(turn + 90) % 360, (turn + 270) % 360}
    return [c for c in chars if c.direction in quarter]


def _turned_across(char: Char, turn: int, width: float, height: float) -> Char:
    """A character running across the page's text, on the turned page, with the direction it runs in there."""
    x0, top, x1, bottom = turned_box((char.x0, char.top, char.x1, char.bottom), turn, width, height)
    return Char(char.text, x0, top, x1, bottom, char.size, char.bold, char.colour, (char.direction or 0) - turn,
                opens_run=char.opens_run)


def laid_flat(chars: Sequence[Char], settings: ExtractSettings) -> list[Char]:
    """Text running a quarter turn from the page's, laid flat where it stands: each run (one turned line,
    one column of glyphs) becomes a line of its width at its foot, read in its own direction.

    A header turned to fit a narrow column (a spreadsheet's text orientation, CSS rotate) stays in its
    column: its glyphs are squeezed into the run's width, one glyph high, at the run's foot, where turned
    text starts in a header cell (the cell's foot); they are marked not upright (headers.py lets such a
    line join the header above it across the rest of the cell). A gap along the run wider than
    `word_gap` glyph heights is a space; one wider than `column_gap` ends the run.
    """
    flat: list[Char] = []
    for run in _turned_runs(chars, settings):
        flat.extend(_run_flat(run, settings))
    return flat


def _turned_runs(chars: Sequence[Char], settings: ExtractSettings) -> list[list[Char]]:
    """Turned characters grouped into runs: one direction, one glyph column, close along it, in reading order."""
    runs: list[list[Char]] = []
    up = [c for c in chars if (c.direction or 0) % 360 == 90]
    down = [c for c in chars if (c.direction or 0) % 360 == 270]
    for group, rising in ((up, True), (down, False)):
        ordered = sorted(group, key=lambda c: (round(c.x_mid), -c.bottom if rising else c.top))
        for char in ordered:
            run = runs[-1] if runs and runs[-1][0].direction == char.direction else None
            height = char.x1 - char.x0
            if run is not None:
                last = run[-1]
                gap = last.top - char.bottom if rising else char.top - last.bottom
                if abs(char.x_mid - last.x_mid) <= settings.line_tolerance * height and \
                        gap <= settings.column_gap * height:
                    run.append(char)
                    continue
            runs.append([char])
    return runs


def _run_flat(run: Sequence[Char], settings: ExtractSettings) -> list[Char]:
    """One turned run as a flat line: as wide as the run, at its foot, a space where a gap along it is."""
    x0, x1 = min(c.x0 for c in run), max(c.x1 for c in run)
    foot, head = max(c.bottom for c in run), min(c.top for c in run)
    glyph = x1 - x0
    rising = (run[0].direction or 0) % 360 == 90
    scale = glyph / max(foot - head, glyph)
    flat: list[Char] = []
    previous_end = 0.0
    for char in run:
        start = foot - char.bottom if rising else char.top - head
        end = foot - char.top if rising else char.bottom - head
        if flat and start - previous_end > settings.word_gap * glyph and not flat[-1].text.isspace():
            flat.append(Char(" ", x0 + previous_end * scale, foot - glyph, x0 + start * scale, foot,
                             char_size(glyph), char.bold, char.colour, 0, False))
        flat.append(Char(char.text, x0 + start * scale, foot - glyph, x0 + end * scale, foot,
                         char_size(glyph), char.bold, char.colour, 0, False))
        previous_end = end
    return flat


def framed(rects: Sequence[Shape], settings: ExtractSettings) -> list[Shape]:
    """Rectangles in paint order, a frame drawn as two filled rectangles read as its sides.

    A browser paints a box's border (a row's `border-bottom`) as one path of two rectangles, the
    border box and the padding box, filled by the even-odd rule: only the strip between them shows.
    Read as two fills, the border's colour would cover the whole box (a highlighted row would look
    grey). Two consecutive filled rectangles of one colour, one inside the other and apart by at most
    `ruling_max_thickness` on every side, paint the same as the outer one alone unless they are such a
    frame: they become the strips between them (thin, so rulings).
    """
    out: list[Shape] = []
    index = 0
    while index < len(rects):
        first = rects[index]
        second = rects[index + 1] if index + 1 < len(rects) else None
        strips = _frame_sides(first, second, settings) if second is not None else None
        if strips is None:
            out.append(first)
            index += 1
        else:
            out.extend(strips)
            index += 2
    return out


def _frame_sides(first: Shape, second: Shape, settings: ExtractSettings) -> list[Shape] | None:
    """The sides of the frame two filled rectangles make (framed), or None when they make none."""
    if not (first.fill and second.fill and not first.stroke and not second.stroke
            and first.fill_colour == second.fill_colour):
        return None
    boxes = [(float(r.x0), float(r.top), float(r.x1), float(r.bottom)) for r in (first, second)]
    outer, inner = sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True)
    margins = (inner[0] - outer[0], inner[1] - outer[1], outer[2] - inner[2], outer[3] - inner[3])
    if min(margins) < 0 or max(margins) > settings.ruling_max_thickness or max(margins) <= 0:
        return None
    x0, top, x1, bottom = outer
    left, above, right, below = margins
    sides = [(x0, top, x0 + left, bottom), (x0, top, x1, top + above),
             (x1 - right, top, x1, bottom), (x0, bottom - below, x1, bottom)]
    return [first._replace(x0=a, top=b, x1=c, bottom=d) for (a, b, c, d), margin
            in zip(sides, margins, strict=True) if margin > 0]


def _text_count(chars: Sequence[Char]) -> int:
    """Characters other than whitespace."""
    return sum(1 for c in chars if c.text.strip())


SOFT_HYPHEN = "\u00ad"


def drawn_text(text: str) -> str:
    """A glyph's text as the page shows it: a soft hyphen (U+00AD) that was drawn is a hyphen.

    PDFium reads it so, and the pdfminer and pdfplumber readers do the same, so that every reader
    gives the same text. A producer that names its hyphen glyph U+00AD draws its own hyphens and the
    author's with it (Typst: its ToUnicode map gives the glyph the text of its first use, so
    "2024-12-31" would read "2024\u00ad12\u00ad31"); a soft hyphen is never drawn mid-line.
    """
    return text.replace(SOFT_HYPHEN, "-") if SOFT_HYPHEN in text else text


def text_direction(a: float, b: float, c: float, d: float) -> int | None:
    """The direction (DIRECTIONS) a glyph's baseline runs in under the matrix (a b c d) that places it on
    the displayed page (text matrix × CTM, /Rotate included), to the nearest quarter turn; None when
    the matrix mirrors the glyph (or flattens it), which no turn makes readable."""
    if a * d - b * c <= 0:
        return None
    if abs(a) >= abs(b):
        return 0 if a > 0 else 180
    return 90 if b > 0 else 270


def reading_direction(chars: Sequence[Char]) -> int:
    """The direction most of a page's text (whitespace aside) runs in; 0 unless another holds more."""
    counts = Counter(c.direction for c in chars if c.direction is not None and c.text.strip())
    turn = max(DIRECTIONS, key=lambda direction: (counts[direction], -direction))
    return turn if counts[turn] > counts[0] else 0


def turned_box(box: tuple[float, float, float, float], turn: int, width: float,
               height: float) -> tuple[float, float, float, float]:
    """A box (x0, top, x1, bottom) of a width × height page (pdfplumber's coordinates) on the page turned
    so that text running in direction `turn` reads left to right: (x0, top, x1, bottom) there."""
    x0, top, x1, bottom = box
    if turn == 90:
        # Text running up the page: the page turned a quarter clockwise.
        return height - bottom, x0, height - top, x1
    if turn == 270:
        # Text running down the page: a quarter anticlockwise.
        return top, width - x1, bottom, width - x0
    if turn == 180:
        return width - x1, height - bottom, width - x0, height - top
    return x0, top, x1, bottom


def turned_char(char: Char, turn: int, width: float, height: float) -> Char:
    """The character on the turned page (turned_box), reading left to right; its size is its new height,
    as pdfminer sizes an upright character."""
    x0, top, x1, bottom = turned_box((char.x0, char.top, char.x1, char.bottom), turn, width, height)
    return Char(char.text, x0, top, x1, bottom, char_size(bottom - top), char.bold, char.colour,
                opens_run=char.opens_run)


def turned_shape(shape: Shape, turn: int, width: float, height: float) -> Shape:
    """The painted shape on the turned page (turned_box)."""
    x0, top, x1, bottom = turned_box((float(shape.x0), float(shape.top), float(shape.x1), float(shape.bottom)),
                                     turn, width, height)
    return shape._replace(x0=x0, top=top, x1=x1, bottom=bottom)


# OpenType's usWeightClass of a semibold face: an embedded font program this heavy or heavier is bold.
BOLD_WEIGHT_CLASS = 600
# The tags an sfnt (TrueType or OpenType) font program starts with.
_SFNT_TAGS = (b"\x00\x01\x00\x00", b"OTTO", b"true")


def program_weight(program: bytes | None) -> int | None:
    """The weight class an embedded TrueType/OpenType font program gives itself (its OS/2 table's
    usWeightClass), or None when the program is none of those or has no OS/2 table."""
    if not program or len(program) < 12 or program[:4] not in _SFNT_TAGS:
        return None
    tables = int.from_bytes(program[4:6], "big")
    for index in range(tables):
        record = program[12 + 16 * index: 28 + 16 * index]
        if len(record) < 16:
            return None
        if record[:4] == b"OS/2":
            offset = int.from_bytes(record[8:12], "big")
            weight = program[offset + 4: offset + 6]
            return int.from_bytes(weight, "big") if len(weight) == 2 else None
    return None


def is_bold(fontname: str, program: bytes | None = None) -> bool:
    """Bold as the font's name says it, or, when the name does not, as its embedded font program
    does (`program`: the program's bytes). jsPDF names every face of a family alike ("DejaVuSans"
    for the regular and the bold face); the program's OS/2 table still tells them apart."""
    if "bold" in fontname.lower():
        return True
    weight = program_weight(program)
    return weight is not None and weight >= BOLD_WEIGHT_CLASS


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


def _add_shape(content: PageContent, shape: Shape, settings: ExtractSettings, *, is_curve: bool) -> None:
    box = Box(float(shape.x0), float(shape.top), float(shape.x1), float(shape.bottom))
    thin = min(box.width, box.height) <= settings.ruling_max_thickness
    if thin and not is_curve and max(box.width, box.height) > settings.min_rect_ruling_length:
        # Word processors often draw cell borders as hairline rectangles.
        if box.width >= box.height:
            content.rulings.append(Ruling("h", (box.top + box.bottom) / 2, box.x0, box.x1))
        else:
            content.rulings.append(Ruling("v", (box.x0 + box.x1) / 2, box.top, box.bottom))
        return
    if shape.fill:
        colour = colour_hex(shape.fill_colour)
        if colour is not None and not is_blank(colour, settings.blank_min_channel) and not thin:
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


def _ruling_from_segment(line: Shape, settings: ExtractSettings) -> Ruling | None:
    x0, x1 = float(line.x0), float(line.x1)
    top, bottom = float(line.top), float(line.bottom)
    thickness, length = settings.ruling_max_thickness, settings.min_segment_length
    if abs(bottom - top) <= thickness and x1 - x0 > length:
        return Ruling("h", (top + bottom) / 2, x0, x1)
    if abs(x1 - x0) <= thickness and bottom - top > length:
        return Ruling("v", (x0 + x1) / 2, top, bottom)
    return None
