"""Status icons as planning systems and Word templates ship them: small PNGs on a transparent ground.

A green check, a yellow warning triangle with a black "!", a red cross and a grey circle (the
"symbols" set), or one traffic-light circle per colour (the "circles" set), in the report's status
colours. Each is drawn four times too large and scaled down, so its rim is antialiased (partly
transparent pixels) as an icon designer's export is; the PNG is written without a time or any
other varying chunk, so the same icon is the same bytes on every run.
"""
from __future__ import annotations

import io
from base64 import b64encode
from functools import cache

from PIL import Image, ImageDraw

from samples.layout import ICON_SETS

# Pixels of the icon as stored, and the factor it is drawn larger by before scaling down.
ICON_PIXELS = 48
SUPERSAMPLE = 4
# The shape each status gets in the "symbols" set.
SYMBOLS = {"done": "check", "in_progress": "triangle", "delayed": "cross", "not_started": "circle"}
EXCLAMATION = (0, 0, 0, 255)


def icon_shape(status: str, icon_set: str) -> str:
    """The shape a status is drawn as in an icon set."""
    if icon_set not in ICON_SETS:
        raise ValueError(f"unknown icon set {icon_set!r}")
    return "circle" if icon_set == "circles" else SYMBOLS[status]


@cache
def icon_png(shape: str, colour: str) -> bytes:
    """A PNG of the shape in the colour (RRGGBB) on a transparent ground, ICON_PIXELS square."""
    size = ICON_PIXELS * SUPERSAMPLE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    rgba = (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16), 255)
    unit = size / 48
    if shape == "circle":
        draw.ellipse((3 * unit, 3 * unit, 45 * unit, 45 * unit), fill=rgba)
    elif shape == "check":
        draw.line([(7 * unit, 25 * unit), (19 * unit, 37 * unit), (41 * unit, 11 * unit)], fill=rgba,
                  width=round(8 * unit), joint="curve")
    elif shape == "cross":
        width = round(8 * unit)
        draw.line([(9 * unit, 9 * unit), (39 * unit, 39 * unit)], fill=rgba, width=width)
        draw.line([(39 * unit, 9 * unit), (9 * unit, 39 * unit)], fill=rgba, width=width)
    elif shape == "triangle":
        draw.polygon([(24 * unit, 3 * unit), (46 * unit, 43 * unit), (2 * unit, 43 * unit)], fill=rgba)
        draw.rectangle((22 * unit, 16 * unit, 26 * unit, 31 * unit), fill=EXCLAMATION)
        draw.rectangle((22 * unit, 35 * unit, 26 * unit, 39 * unit), fill=EXCLAMATION)
    else:
        raise ValueError(f"unknown icon shape {shape!r}")
    small = image.resize((ICON_PIXELS, ICON_PIXELS), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=False)
    return out.getvalue()


def icon_data_uri(shape: str, colour: str) -> str:
    """The icon as a data: URI for an <img> of a web page."""
    return "data:image/png;base64," + b64encode(icon_png(shape, colour)).decode("ascii")
