"""Do two page readers agree on PDFs followup has never seen? Every page, object for object.

    python -m bench.reader_agreement DIR [--reader pdfium] [--reference pdfminer] [--tolerance 0.1]

Reads every PDF in DIR with both readers and compares the pages: page sizes and turns, then
characters, fills, rulings and pictures one by one, coordinates within the tolerance (0: exactly). Prints
one line per PDF and the totals. Used on pdfplumber's own test PDFs to choose the default reader
(README, "Page readers"); tests/extract/test_readers.py holds the readers to the same comparison
(`read_pages`, `equal_within`) on the repository's PDFs.
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from followup.extract.errors import InputRejected
from followup.extract.opening import open_report
from followup.extract.page_content import PageContent
from followup.extract.readers import READERS, page_reader

KINDS = ("chars", "fills", "rulings", "pictures")


def read_pages(path: Path, reader: str) -> list[PageContent]:
    """Every page of the PDF as the reader gives it."""
    pdf = open_report(path)
    try:
        return list(page_reader(reader)(pdf, 0))
    finally:
        pdf.close()


def equal_within(mine: Any, reference: Any, tolerance: float) -> bool:
    """Page objects equal field by field, floats within the tolerance."""
    if isinstance(reference, float):
        return math.isclose(mine, reference, rel_tol=0.0, abs_tol=tolerance)
    if hasattr(reference, "__slots__") and not isinstance(reference, tuple):
        return type(mine) is type(reference) and all(
            equal_within(getattr(mine, slot), getattr(reference, slot), tolerance) for slot in reference.__slots__)
    return bool(mine == reference)


def disagreements(mine: list[PageContent], reference: list[PageContent], tolerance: float) -> list[str]:
    """What differs between two readings of one PDF, one line per page and kind of object."""
    shape = [(p.number, p.width, p.height, p.turn) for p in mine]
    if shape != [(p.number, p.width, p.height, p.turn) for p in reference]:
        return ["pages differ in number, size or turn"]
    found = []
    for got, want in zip(mine, reference, strict=True):
        for kind in KINDS:
            a, b = getattr(got, kind), getattr(want, kind)
            if len(a) != len(b):
                found.append(f"page {got.number}: {len(a)} {kind} against {len(b)}")
                continue
            differing = sum(1 for x, y in zip(a, b, strict=True) if not equal_within(x, y, tolerance))
            if differing:
                found.append(f"page {got.number}: {differing} of {len(a)} {kind} differ")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--reader", choices=READERS, default="pdfium")
    parser.add_argument("--reference", choices=READERS, default="pdfminer")
    parser.add_argument("--tolerance", type=float, default=0.1)
    args = parser.parse_args(argv)
    totals = {"agree": 0, "differ": 0, "rejected": 0}
    for path in sorted(args.folder.glob("*.pdf")):
        try:
            found = disagreements(read_pages(path, args.reader), read_pages(path, args.reference), args.tolerance)
        except InputRejected as rejected:
            totals["rejected"] += 1
            print(f"{path.name}: rejected by followup ({rejected.code})")
            continue
        totals["differ" if found else "agree"] += 1
        print(f"{path.name}: " + ("; ".join(found[:3]) + (" …" if len(found) > 3 else "") if found else "agree"))
    print(f"{args.reader} against {args.reference} (tolerance {args.tolerance} pt): "
          + ", ".join(f"{count} {name}" for name, count in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
