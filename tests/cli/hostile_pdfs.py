"""Hostile variants of a good report, made with pikepdf: what an attacker or a broken producer hands over.

Each builder writes one file from the report and returns its path.
"""
from __future__ import annotations

import zlib
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

# Deflated in slices of this size, so making a gigabyte-sized stream never holds it in memory.
_SLICE = 1 << 20


def _deflated_repeat(unit: bytes, total: int) -> bytes:
    """zlib of `unit` repeated up to `total` bytes, made slice by slice."""
    compressor = zlib.compressobj(9)
    block = unit * (_SLICE // len(unit))
    parts = [compressor.compress(block) for _ in range(total // len(block))]
    parts.append(compressor.flush())
    return b"".join(parts)


def _first_page_content(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    contents = pdf.pages[0].obj.Contents
    return contents[0] if isinstance(contents, Array) else contents


def reversed_boxes(report: Path, target: Path) -> Path:
    """Every MediaBox written `[x1 y1 x0 y0]`, opposite corners as the PDF standard allows."""
    with pikepdf.open(report) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.obj.MediaBox)
            page.obj.MediaBox = Array([x1, y1, x0, y0])
        pdf.save(target)
    return target


def deflate_bomb(report: Path, target: Path, *, inflated_mb: int = 1024) -> Path:
    """Page 1's content replaced by a stream deflated twice that inflates to `inflated_mb` of zeros."""
    once = _deflated_repeat(b"\0" * 64, inflated_mb << 20)
    twice = zlib.compress(once, 9)
    with pikepdf.open(report) as pdf:
        _first_page_content(pdf).write(twice, filter=Array([Name.FlateDecode, Name.FlateDecode]))
        pdf.save(target)
    return target


def operator_flood(report: Path, target: Path, *, megabytes: int = 200) -> Path:
    """Page 1 drawing the same line `megabytes` over: below the stream cap, far beyond any real page."""
    flood = _deflated_repeat(b"0 0 m 1 1 l S\n", megabytes << 20)
    with pikepdf.open(report) as pdf:
        _first_page_content(pdf).write(flood, filter=Name.FlateDecode)
        pdf.save(target)
    return target


def huge_unicode_range(report: Path, target: Path) -> Path:
    """Every font's ToUnicode map one range over every 4-byte code: pdfminer would fill memory with it."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    with pikepdf.open(report) as pdf:
        for page in pdf.pages:
            fonts = page.obj.Resources.get("/Font", Dictionary())
            for name in list(fonts.keys()):
                fonts[name].ToUnicode = pdf.make_stream(cmap)
        pdf.save(target)
    return target


def page_fonts_broken(report: Path, target: Path, *, page: int = 2) -> Path:
    """Page `page` given fonts of its own that claim to be Type3 without any Type3 parts: it cannot be read."""
    with pikepdf.open(report) as pdf:
        page_obj = pdf.pages[page - 1].obj
        page_obj.Resources = Dictionary(page_obj.Resources)
        own = Dictionary()
        for name, font in page_obj.Resources.Font.items():
            broken = Dictionary(font)
            broken.Subtype = Name.Type3
            own[name] = pdf.make_indirect(broken)
        page_obj.Resources.Font = own
        pdf.save(target)
    return target
