"""The font programs a PDF embeds, as pdfminer's fonts hold them (what a font's name may not say, its
program does: jsPDF names the regular and the bold face of a family alike)."""
from __future__ import annotations

from typing import cast

from pdfminer.pdffont import PDFFont
from pdfminer.pdftypes import PDFStream, stream_value

from followup.extract.page_content import is_bold


def embedded_program(font: PDFFont) -> bytes | None:
    """The decoded bytes of the font program the PDF embeds for a font (FontFile2, FontFile3 or
    FontFile of its descriptor), or None when it embeds none."""
    descriptor = getattr(font, "descriptor", None)
    if not isinstance(descriptor, dict):
        return None
    for key in ("FontFile2", "FontFile3", "FontFile"):
        stream = stream_value(descriptor[key]) if key in descriptor else None
        if isinstance(stream, PDFStream):
            return cast(bytes, stream.get_data())
    return None


def font_is_bold(font: PDFFont, name: str) -> bool:
    """Bold as the font's name says it, or as its embedded program does (read only when the name
    does not say it)."""
    return is_bold(name) or is_bold(name, embedded_program(font))
