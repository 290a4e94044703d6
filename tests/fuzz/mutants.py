"""Damaged copies of the sample reports, made the way files really break, and worse; seeded.

Byte-level damage (a download cut short, flipped bits, an object deleted or overwritten, a broken
cross-reference table) and structural damage made with pikepdf (page boxes with their corners
swapped, a content stream cut or filled with junk, an unknown filter, a form drawing itself, a
missing font). The same seed always gives the same bytes, so a failure names the same file.
"""
from __future__ import annotations

import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
EXPECTED = ROOT / "samples" / "expected"
# Truncation as a download cut short leaves it: most of the file, never all.
TRUNCATE_FROM, TRUNCATE_TO = 0.60, 0.95
_OBJECT = re.compile(rb"\d+ \d+ obj\b.*?endobj", re.S)


@dataclass(frozen=True)
class Mutant:
    """One damaged copy: what was done to which sample, and the bytes."""

    name: str
    source: Path
    kind: str
    data: bytes


def truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: int(len(data) * rng.uniform(TRUNCATE_FROM, TRUNCATE_TO))]


def bit_flips(data: bytes, rng: random.Random) -> bytes:
    flipped = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        position = rng.randrange(16, len(flipped))
        flipped[position] ^= 1 << rng.randrange(8)
    return bytes(flipped)


def object_deleted(data: bytes, rng: random.Random) -> bytes:
    spans = [m.span() for m in _OBJECT.finditer(data)]
    start, end = rng.choice(spans)
    return data[:start] + data[end:]


def object_overwritten(data: bytes, rng: random.Random) -> bytes:
    start, end = rng.choice([m.span() for m in _OBJECT.finditer(data)])
    at = rng.randrange(start, end)
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(4, 64)))
    return data[:at] + junk + data[at + len(junk):]


def xref_broken(data: bytes, rng: random.Random) -> bytes:
    at = data.rfind(b"startxref")
    if at < 0:
        return bit_flips(data, rng)
    offset = str(rng.randrange(0, len(data))).encode()
    return data[:at] + b"startxref\n" + offset + b"\n%%EOF\n"


def block_zeroed(data: bytes, rng: random.Random) -> bytes:
    size = rng.randint(64, 4096)
    at = rng.randrange(16, max(17, len(data) - size))
    return data[:at] + bytes(size) + data[at + size:]


def chunk_repeated(data: bytes, rng: random.Random) -> bytes:
    size = rng.randint(16, 2048)
    start = rng.randrange(0, len(data) - size)
    at = rng.randrange(16, len(data))
    return data[:at] + data[start:start + size] + data[at:]


def _with_pikepdf(change: Callable[[pikepdf.Pdf, random.Random], None]) -> Callable[[bytes, random.Random], bytes]:
    def mutate(data: bytes, rng: random.Random) -> bytes:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            change(pdf, rng)
            out = io.BytesIO()
            pdf.save(out)
        return out.getvalue()
    mutate.__name__ = change.__name__
    return mutate


def _boxes_reversed(pdf: pikepdf.Pdf, rng: random.Random) -> None:
    for page in pdf.pages:
        x0, y0, x1, y1 = (float(v) for v in page.obj.MediaBox)
        page.obj.MediaBox = Array([x1, y1, x0, y0])


def _content_cut(pdf: pikepdf.Pdf, rng: random.Random) -> None:
    page = rng.choice(list(pdf.pages))
    content = page.obj.Contents
    stream = content[0] if isinstance(content, Array) else content
    body = stream.read_bytes()
    stream.write(body[: rng.randrange(len(body))])


def _content_junk(pdf: pikepdf.Pdf, rng: random.Random) -> None:
    page = rng.choice(list(pdf.pages))
    content = page.obj.Contents
    stream = content[0] if isinstance(content, Array) else content
    body = bytearray(stream.read_bytes())
    for _ in range(rng.randint(1, 40)):
        body[rng.randrange(len(body))] = rng.choice(b"()[]<>{}/%\\0123456789 TjBTETcmqQ")
    stream.write(bytes(body))


def _unknown_filter(pdf: pikepdf.Pdf, rng: random.Random) -> None:
    page = rng.choice(list(pdf.pages))
    content = page.obj.Contents
    stream = content[0] if isinstance(content, Array) else content
    stream.write(stream.read_bytes())
    stream.stream_dict.Filter = Name("/NoSuchDecode")


def _form_draws_itself(pdf: pikepdf.Pdf, rng: random.Random) -> None:
    page = rng.choice(list(pdf.pages))
    form = pdf.make_stream(b"q /Loop Do Q", Type=Name.XObject, Subtype=Name.Form, BBox=Array([0, 0, 10, 10]))
    form.Resources = Dictionary(XObject=Dictionary(Loop=form))
    resources = page.obj.Resources
    if "/XObject" not in resources:
        resources.XObject = Dictionary()
    resources.XObject.Loop = form
    page.obj.Contents = pdf.make_stream(page.obj.Contents.read_bytes() if not isinstance(page.obj.Contents, Array)
                                        else b"".join(s.read_bytes() for s in page.obj.Contents) + b"\n/Loop Do\n")


def _fonts_deleted(pdf: pikepdf.Pdf, rng: random.Random) -> None:
    page = rng.choice(list(pdf.pages))
    if "/Font" in page.obj.Resources:
        del page.obj.Resources["/Font"]


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncated": truncated,
    "bit_flips": bit_flips,
    "object_deleted": object_deleted,
    "object_overwritten": object_overwritten,
    "xref_broken": xref_broken,
    "block_zeroed": block_zeroed,
    "chunk_repeated": chunk_repeated,
    "boxes_reversed": _with_pikepdf(_boxes_reversed),
    "content_cut": _with_pikepdf(_content_cut),
    "content_junk": _with_pikepdf(_content_junk),
    "unknown_filter": _with_pikepdf(_unknown_filter),
    "form_draws_itself": _with_pikepdf(_form_draws_itself),
    "fonts_deleted": _with_pikepdf(_fonts_deleted),
}


def mutants(count: int, seed: int, *, kinds: tuple[str, ...] = tuple(MUTATIONS),
            sources: tuple[Path, ...] = tuple(SAMPLES)) -> list[Mutant]:
    """`count` damaged copies, kinds and samples taken in turn, the damage itself from `seed`."""
    made = []
    for number in range(count):
        kind = kinds[number % len(kinds)]
        source = sources[(number // len(kinds)) % len(sources)]
        rng = random.Random(f"{seed}-{number}")
        data = MUTATIONS[kind](source.read_bytes(), rng)
        made.append(Mutant(name=f"{number:04d}-{kind}-{source.stem}", source=source, kind=kind, data=data))
    return made
