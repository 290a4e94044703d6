"""Codes WinAnsiEncoding leaves unused, which PDF viewers show as a bullet.

PDF 32000-1, Annex D.2, note 6: in WinAnsiEncoding every unused code above 40 (octal) shows the
bullet character. ReportLab prints "•" in the standard fonts (Helvetica, Times) as code 127 (octal
177); PDFium shows the bullet, pdfminer has no Unicode for the code and gives "(cid:127)". The
pdfminer and pdfplumber readers put the bullet back, so all readers agree.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

UNUSED_CODES: Final = frozenset({0o177, 0o201, 0o215, 0o217, 0o220, 0o235})
BULLET: Final = "\u2022"
# Codes whose characters tell WinAnsiEncoding from the other base encodings (PDFDocEncoding has
# the bullet at 0x80, StandardEncoding and MacRomanEncoding have no euro sign).
_MARKS: Final = ((0x80, "\u20ac"), (0x95, "\u2022"))
_UNMAPPED = re.compile(r"\(cid:(\d+)\)")
_WINANSI = "WinAnsiEncoding"


def bullet_in_table(table: Mapping[int, str] | None, code: int) -> bool:
    """True when a simple font's code → Unicode table is WinAnsiEncoding's (with or without
    Differences) and leaves `code` unused (pdfminer's PDFSimpleFont.cid2unicode)."""
    if code not in UNUSED_CODES or table is None or code in table:
        return False
    return all(table.get(mark) == char for mark, char in _MARKS)


def _name(value: Any) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    return value.decode("latin-1") if isinstance(value, bytes) else str(value or "")


def winansi_fonts(resources: Mapping[Any, Any] | None) -> frozenset[str]:
    """The BaseFont names of a page's simple fonts encoded with WinAnsiEncoding: named so, a
    Differences dictionary on it, or a TrueType font without an encoding (the spec's default)."""
    fonts = resolve1((resources or {}).get("Font")) or {}
    names = set()
    for spec in fonts.values():
        spec = resolve1(spec)
        if not isinstance(spec, dict) or _name(spec.get("Subtype")) == "Type0":
            continue
        encoding = resolve1(spec.get("Encoding"))
        if isinstance(encoding, dict):
            encoding = encoding.get("BaseEncoding")
        base = _name(encoding) if encoding is not None else ""
        if base == _WINANSI or (encoding is None and _name(spec.get("Subtype")) == "TrueType"):
            names.add(_name(spec.get("BaseFont")))
    return frozenset(names)


def unmapped_bullet(text: str, fontname: str, fonts: frozenset[str]) -> str:
    """The bullet for pdfminer's "(cid:N)" of an unused WinAnsiEncoding code, else the text."""
    match = _UNMAPPED.fullmatch(text)
    if match is None or int(match.group(1)) not in UNUSED_CODES or fontname not in fonts:
        return text
    return BULLET
