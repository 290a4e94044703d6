"""Small images as pictures: the colour a status icon or an icon legend swatch shows, for every reader.

Planning systems and word-processor templates put a small PNG in the Status cell (a green circle, a
green check, a red cross, a yellow triangle) and sometimes build the legend from the same icons. A
PDF holds such a picture as an image XObject: its samples (Flate-compressed, often with a PNG
predictor) and, for a PNG with transparency, a soft mask (/SMask) that gives each pixel's alpha.

Every reader finds the images it paints and asks `PictureColours` for the colour of each; all of
them decode the same stream with the same code here, so they report the same colour. An image is
decoded only when it is drawn small (`picture_max_side`) and stored small (`picture_max_pixels`),
and each image XObject once per document (by its object number). Its colour is the mean of its
opaque (`picture_min_alpha`), coloured pixels: neither near white (`blank_min_channel`) nor grey
(`neutral_max_spread`, the black outline or "!" of an icon), so that the transparent ground, the
antialiased rim and the icon's drawing in black say nothing. An image is stored either as 8-bit
samples under filters pdfminer undoes itself, or as a JPEG (LibreOffice exports a PNG picture as
a JPEG with the PNG's alpha as its soft mask), which Pillow decodes when it is gray or RGB. What
is not read: stencil masks (/ImageMask, painted in the fill colour), inline images, CMYK JPEGs,
JPEG 2000, JBIG2 and fax images.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral

from followup.extract.settings import ExtractSettings

if TYPE_CHECKING:
    from PIL import Image

# Filters pdfminer's PDFStream.get_data undoes into plain samples; any other (DCT, JPX, JBIG2, CCITT)
# leaves compressed data that is no icon's.
_SAMPLE_FILTERS = frozenset({"FlateDecode", "Fl", "LZWDecode", "LZW", "ASCII85Decode", "A85", "ASCIIHexDecode",
                             "AHx", "RunLengthDecode", "RL"})
_JPEG_FILTERS = frozenset({"DCTDecode", "DCT"})
# Pillow modes of a JPEG read here (a CMYK JPEG's inversion is Adobe's convention, not the PDF's).
_JPEG_MODES = frozenset({"L", "RGB"})
# Components per pixel and Pillow's mode for each device colour space.
_DEVICE_SPACES = {"DeviceRGB": (3, "RGB"), "RGB": (3, "RGB"), "DeviceGray": (1, "L"), "G": (1, "L"),
                  "DeviceCMYK": (4, "CMYK"), "CMYK": (4, "CMYK")}
_MODE_OF_COMPONENTS = {1: "L", 3: "RGB", 4: "CMYK"}
# An /Indexed colour space's palette may hold at most this many entries (hival + 1).
_PALETTE_SIZE = 256
# A colour space array nested deeper than this (Indexed over ICCBased …) is not followed.
_SPACE_DEPTH = 3
# Form XObjects nested deeper than this are not searched for images (pdfium reader's map).
_FORM_DEPTH = 4


class PictureColours:
    """The colours of one document's images, each image XObject decoded at most once."""

    def __init__(self, settings: ExtractSettings) -> None:
        self.settings = settings
        self._by_object: dict[int, str | None] = {}

    def colour(self, stream: Any, width: float, height: float) -> str | None:
        """The colour of an image XObject drawn width × height (pt), or None: drawn too large, an inline
        image (no object number), not decodable here, or without enough coloured pixels."""
        settings = self.settings
        if not (0 < width <= settings.picture_max_side and 0 < height <= settings.picture_max_side):
            return None
        if not isinstance(stream, PDFStream) or stream.objid is None:
            return None
        if stream.objid not in self._by_object:
            self._by_object[stream.objid] = image_colour(stream, settings)
        return self._by_object[stream.objid]


def image_colour(stream: PDFStream, settings: ExtractSettings) -> str | None:
    """The representative colour ("#RRGGBB") of an image XObject: the mean of its opaque pixels that are
    neither near white nor grey, when at least `picture_min_share` of its pixels are such; else None."""
    pixels = _rgba_pixels(stream, settings)
    if pixels is None:
        return None
    rgb, alpha = pixels
    red = green = blue = count = 0
    min_alpha, blank, spread = settings.picture_min_alpha, settings.blank_min_channel, settings.neutral_max_spread
    for index, a in enumerate(alpha):
        r, g, b = rgb[3 * index: 3 * index + 3]
        if a >= min_alpha and min(r, g, b) < blank and max(r, g, b) - min(r, g, b) >= spread:
            red, green, blue, count = red + r, green + g, blue + b, count + 1
    if count == 0 or count < settings.picture_min_share * len(alpha):
        return None
    # Integer rounding (half up): the same colour on every platform.
    return "#" + "".join(f"{(2 * total + count) // (2 * count):02X}" for total in (red, green, blue))


def _rgba_pixels(stream: PDFStream, settings: ExtractSettings) -> tuple[bytes, bytes] | None:
    """The image's pixels as RGB bytes (three a pixel) and their alphas (255 where it has no soft mask), or None when
    it is not an image read here."""
    width, height = _int(stream.get("Width")), _int(stream.get("Height"))
    if width <= 0 or height <= 0 or width * height > settings.picture_max_pixels:
        return None
    if resolve1(stream.get("ImageMask")) is True or _int(stream.get("BitsPerComponent")) != 8:
        return None
    filters = _filters(stream)
    if filters and filters[-1] in _JPEG_FILTERS and all(f in _SAMPLE_FILTERS for f in filters[:-1]):
        image = _jpeg(stream, width, height)
    elif all(f in _SAMPLE_FILTERS for f in filters):
        image = _samples(stream, width, height)
    else:
        return None
    if image is None:
        return None
    if image.mode != "P":
        image = _with_decode(image, resolve1(stream.get("Decode")))
    rgb = image.convert("RGB").tobytes()
    alpha = _alpha(resolve1(stream.get("SMask")), width, height, settings)
    return rgb, alpha.tobytes() if alpha is not None else b"\xff" * (width * height)


def _samples(stream: PDFStream, width: int, height: int) -> Image.Image | None:
    """An image stored as plain samples, in a colour space read here."""
    from PIL import Image  # only a report with pictures pays for Pillow's import
    space = _colour_space(resolve1(stream.get("ColorSpace")), _SPACE_DEPTH)
    if space is None:
        return None
    components, mode, palette = space
    data = decoded(stream)
    if data is None or len(data) < width * height * components:
        return None
    image = Image.frombytes(mode, (width, height), data[: width * height * components])
    if palette is not None:
        image.putpalette(palette)
    return image


def _jpeg(stream: PDFStream, width: int, height: int) -> Image.Image | None:
    """An image stored as a gray or RGB JPEG of the size its dictionary says."""
    from PIL import Image  # only a report with pictures pays for Pillow's import
    data = decoded(stream)
    if data is None:
        return None
    try:
        image = Image.open(io.BytesIO(data))
        if image.format != "JPEG" or image.size != (width, height) or image.mode not in _JPEG_MODES:
            return None
        image.load()
    except (OSError, ValueError, SyntaxError):  # not a JPEG Pillow reads: no picture
        return None
    return image


def _alpha(mask: Any, width: int, height: int, settings: ExtractSettings) -> Image.Image | None:
    """The soft mask's alpha at the image's size (nearest pixel when the mask is stored at another), or None."""
    from PIL import Image  # only a report with pictures pays for Pillow's import
    if not isinstance(mask, PDFStream) or _int(mask.get("BitsPerComponent")) != 8 or \
            not all(f in _SAMPLE_FILTERS for f in _filters(mask)):
        return None
    mask_width, mask_height = _int(mask.get("Width")), _int(mask.get("Height"))
    if mask_width <= 0 or mask_height <= 0 or mask_width * mask_height > settings.picture_max_pixels:
        return None
    data = decoded(mask)
    if data is None or len(data) < mask_width * mask_height:
        return None
    alpha = _with_decode(Image.frombytes("L", (mask_width, mask_height), data[: mask_width * mask_height]),
                         resolve1(mask.get("Decode")))
    return alpha if alpha.size == (width, height) else alpha.resize((width, height), Image.Resampling.NEAREST)


def _with_decode(image: Image.Image, decode: Any) -> Image.Image:
    """The image with its /Decode array applied (LibreOffice writes a soft mask inverted, /Decode [1 0]);
    unchanged without one, or with one that does not fit its components."""
    bands = len(image.getbands())
    if not isinstance(decode, list) or len(decode) != 2 * bands:
        return image
    ranges = [(_number(decode[2 * i]), _number(decode[2 * i + 1])) for i in range(bands)]
    if all(r == (0.0, 1.0) for r in ranges):
        return image
    table: list[int] = []
    for low, high in ranges:
        table += [max(0, min(255, round(255 * (low + v * (high - low) / 255)))) for v in range(256)]
    return image.point(table)


def _number(value: Any) -> float:
    value = resolve1(value)
    return float(value) if isinstance(value, (int, float)) else 0.0


def _colour_space(space: Any, depth: int) -> tuple[int, str, bytes | None] | None:
    """(components per pixel, Pillow mode, palette for an /Indexed space) for a colour space, or None."""
    if isinstance(space, PSLiteral):
        found = _DEVICE_SPACES.get(_name(space))
        return (found[0], found[1], None) if found else None
    if not isinstance(space, list) or not space or depth <= 0:
        return None
    family = _name(resolve1(space[0]))
    if family == "ICCBased" and len(space) > 1:
        profile = resolve1(space[1])
        mode = _MODE_OF_COMPONENTS.get(_int(profile.get("N")) if isinstance(profile, PDFStream) else 0)
        return (len(mode), mode, None) if mode else None
    if family in ("Indexed", "I") and len(space) == 4:
        return _indexed(space, depth)
    return None


def _indexed(space: list, depth: int) -> tuple[int, str, bytes | None] | None:
    """An /Indexed space: one byte per pixel, its palette turned into RGB triples for Pillow."""
    from PIL import Image  # only a report with pictures pays for Pillow's import
    base = _colour_space(resolve1(space[1]), depth - 1)
    hival = _int(space[2])
    lookup = resolve1(space[3])
    table = decoded(lookup) if isinstance(lookup, PDFStream) else lookup
    if base is None or base[2] is not None or not 0 <= hival < _PALETTE_SIZE or not isinstance(table, bytes):
        return None
    components, mode, _ = base
    entries = table[: (hival + 1) * components]
    if len(entries) < (hival + 1) * components:
        return None
    colours = Image.frombytes(mode, (hival + 1, 1), entries).convert("RGB")
    return 1, "P", colours.tobytes()


def decoded(stream: PDFStream) -> bytes | None:
    """The stream's data with its filters undone, without changing the stream (pdfminer's decode drops the
    raw data it decoded, which another reader of the same document may still look for)."""
    if stream.data is not None:
        return stream.data
    if stream.rawdata is None:
        return None
    copy = PDFStream(dict(stream.attrs), stream.rawdata, stream.decipher)
    if stream.objid is not None and stream.genno is not None:
        copy.set_objid(stream.objid, stream.genno)  # the decipher's key is made from them
    try:
        data = copy.get_data()
    except Exception:  # a damaged or unsupported stream is no picture
        return None
    return data if isinstance(data, bytes) else None


def raw_data(stream: PDFStream) -> bytes | None:
    """The stream's data as stored in the file (deciphered, filters not undone), or None when it is gone."""
    raw = stream.rawdata
    if raw is None:
        return None
    if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
        return stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    return raw


def page_images(resources: Any, settings: ExtractSettings, depth: int = _FORM_DEPTH) -> Iterator[PDFStream]:
    """The image XObjects a page's resources name (its Form XObjects' resources searched too), those
    small enough to be decoded (`picture_max_pixels`)."""
    resources = resolve1(resources)
    if not isinstance(resources, dict) or depth < 0:
        return
    xobjects = resolve1(resources.get("XObject"))
    for reference in (xobjects.values() if isinstance(xobjects, dict) else ()):
        xobject = resolve1(reference)
        if not isinstance(xobject, PDFStream):
            continue
        subtype = _name(resolve1(xobject.get("Subtype")))
        if subtype == "Image" and \
                _int(xobject.get("Width")) * _int(xobject.get("Height")) <= settings.picture_max_pixels:
            yield xobject
        elif subtype == "Form" and xobject.get("Resources") is not None:
            yield from page_images(xobject.get("Resources"), settings, depth - 1)


def _filters(stream: PDFStream) -> list[str]:
    """The names of the stream's filters, in the order they are undone."""
    filters = resolve1(stream.get("Filter"))
    if filters is None:
        return []
    return [_name(resolve1(f)) for f in (filters if isinstance(filters, list) else [filters])]


def _name(value: Any) -> str:
    name = value.name if isinstance(value, PSLiteral) else value
    return name if isinstance(name, str) else ""


def _int(value: Any) -> int:
    value = resolve1(value)
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0
