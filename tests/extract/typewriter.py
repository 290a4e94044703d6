"""Characters set as on a typewriter, for the extract tests that build a page by hand: every glyph
`glyph` pt wide, a space as wide and left out (as a PDF draws none)."""
from __future__ import annotations

from followup.extract.page_content import Char


def typed_chars(text: str, x: float, top: float, *, glyph: float, size: float) -> list[Char]:
    """The characters of `text` from `x` on, on the line whose top is `top`."""
    chars = []
    for letter in text:
        if letter != " ":
            chars.append(Char(letter, x, top, x + glyph, top + size, size, False))
        x += glyph
    return chars
