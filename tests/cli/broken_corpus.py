"""Bad inputs the tests make themselves from a good report: what users really hand over, and worse.

Every builder writes one file and returns its path. The cases are fixed (offsets, seeds), so a
failure names the same file every time.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
from pikepdf import Dictionary, Name

USER_PASSWORD = "hemligt-lösen"
OWNER_PASSWORD = "ägarens-lösen"

# What a rejected input may say (InputRejected.code); anything else from a bad input is a bug.
REJECTION_CODES = frozenset({"empty", "not_pdf", "damaged", "encrypted", "no_text", "no_table", "too_large"})
OK = "ok"
ANY_CLEAN = REJECTION_CODES | {OK}


@dataclass(frozen=True)
class Case:
    """One corpus file and the outcomes allowed for it: OK (extracted) or rejection codes.

    A damaged copy may still be readable, so some cases allow being extracted or any rejection.
    """

    path: Path
    expected: frozenset[str]


def build_corpus(good_pdf: Path, folder: Path) -> dict[str, Case]:
    """Write every broken variant of good_pdf into folder; the cases by name."""
    folder.mkdir(parents=True, exist_ok=True)
    data = good_pdf.read_bytes()
    cases = {
        "empty": Case(_write(folder / "empty.pdf", b""), frozenset({"empty"})),
        "not-a-pdf": Case(_write(folder / "not-a-pdf.pdf", "Mötesanteckningar, inte en PDF.\n".encode()),
                          frozenset({"not_pdf"})),
        "header-only": Case(_write(folder / "header-only.pdf", data[:8]), frozenset({"damaged", "empty", "not_pdf"})),
        "encrypted": Case(encrypted_copy(good_pdf, folder / "encrypted.pdf", user=USER_PASSWORD),
                          frozenset({"encrypted"})),
        # Only an owner password (printing, copying restricted): opens without asking, like in a viewer.
        "owner-password-only": Case(encrypted_copy(good_pdf, folder / "owner-password-only.pdf", user=""),
                                    frozenset({OK})),
        "scanned": Case(rasterised_copy(good_pdf, folder / "scanned.pdf"), frozenset({"no_text"})),
        "no-table": Case(text_only_pdf(folder / "no-table.pdf"), frozenset({"no_table"})),
        # A wrong startxref, which pdfminer reads past and qpdf calls damage: what the file lacks is
        # the table, not something the damage lost.
        "no-table-wrong-startxref": Case(wrong_startxref_copy(text_only_pdf(folder / "plain.pdf"),
                                                              folder / "no-table-wrong-startxref.pdf"),
                                         frozenset({"no_table"})),
        "huge-page": Case(text_only_pdf(folder / "huge-page.pdf", size=(14400, 14400)),
                          frozenset({"no_table", "too_large"})),
    }
    for fraction in (0.02, 0.25, 0.5, 0.75, 0.98):
        name = f"truncated-{int(fraction * 100):02d}"
        cases[name] = Case(_write(folder / f"{name}.pdf", data[: int(len(data) * fraction)]), ANY_CLEAN)
    for seed in (1, 2, 3):
        name = f"flipped-{seed}"
        cases[name] = Case(_write(folder / f"{name}.pdf", flip_bytes(data, seed)), ANY_CLEAN)
    return cases


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def wrong_startxref_copy(source: Path, target: Path) -> Path:
    """source with its `startxref` offset pointing a few bytes past the cross-reference table."""
    data = source.read_bytes()
    at = data.rindex(b"startxref") + len(b"startxref")
    offset = data[at:].split()[0]
    return _write(target, data[:at] + data[at:].replace(offset, str(int(offset) + 7).encode(), 1))


def flip_bytes(data: bytes, seed: int, count: int = 12) -> bytes:
    """data with `count` bytes past the header changed at random, the same ones for the same seed."""
    rng = random.Random(seed)
    flipped = bytearray(data)
    for _ in range(count):
        position = rng.randrange(16, len(flipped))
        flipped[position] ^= rng.randrange(1, 256)
    return bytes(flipped)


def encrypted_copy(source: Path, target: Path, *, user: str) -> Path:
    """The PDF encrypted with AES-256: needs `user` to open when it is not empty."""
    with pikepdf.open(source) as pdf:
        pdf.save(target, encryption=pikepdf.Encryption(user=user, owner=OWNER_PASSWORD, R=6))
    return target


def rasterised_copy(source: Path, target: Path, pages: int = 2) -> Path:
    """The first pages as pictures only, like a scanned report: no text layer."""
    with pdfplumber.open(source) as pdf:
        images = [page.to_image(resolution=50).original.convert("RGB") for page in pdf.pages[:pages]]
    images[0].save(target, "PDF", save_all=True, append_images=images[1:])
    return target


def text_only_pdf(target: Path, size: tuple[int, int] = (595, 842)) -> Path:
    """A real PDF with a title and a sentence, and no table at all."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                                        Encoding=Name.WinAnsiEncoding))
    top = size[1] - 80
    content = (f"BT /F1 18 Tf 72 {top} Td (Uppf\xf6ljning av handlingsplanen) Tj "
               "0 -30 Td /F1 11 Tf (Inga aktiviteter att rapportera denna period.) Tj ET").encode("cp1252")
    page = Dictionary(Type=Name.Page, MediaBox=[0, 0, *size],
                      Resources=Dictionary(Font=Dictionary(F1=font)), Contents=pdf.make_stream(content))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(target)
    return target


def repeated_pdf(source: Path, target: Path, times: int) -> Path:
    """The report's pages `times` over in one file: a long report that takes long to read."""
    with pikepdf.open(source) as original, pikepdf.new() as long_report:
        for _ in range(times):
            long_report.pages.extend(original.pages)
        long_report.save(target)
    return target
