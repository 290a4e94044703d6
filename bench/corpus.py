"""The PDFs every tool is measured on: the samples with gold, and long reports built from them."""
from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path
from typing import Any

import pikepdf

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PDFS = REPO / "samples" / "pdf"
SAMPLE_GOLD = REPO / "samples" / "expected"
# The shared example sits beside the checkout (shared/ next to main/), in CI as on a developer machine.
SHARED_EXAMPLES = REPO.parent / "shared" / "examples"


@dataclass(frozen=True)
class GoldSample:
    """A report PDF and its hand-checked gold document (flat gold format)."""

    name: str
    pdf: Path
    gold: dict[str, Any]
    pages: int


def _page_count(pdf: Path) -> int:
    with pikepdf.open(pdf) as document:
        return len(document.pages)


def gold_samples() -> list[GoldSample]:
    """Every sample PDF with its expected output, plus the shared example when it is there."""
    pairs: list[tuple[Path, Path]] = [(pdf, SAMPLE_GOLD / f"{pdf.stem}.json") for pdf in sorted(SAMPLE_PDFS.glob("*.pdf"))]
    for pdf in sorted(SHARED_EXAMPLES.glob("*.pdf")):
        pairs.append((pdf, pdf.with_suffix(".gold.json")))
    return [
        GoldSample(pdf.stem, pdf, json.loads(gold.read_text(encoding="utf-8")), _page_count(pdf))
        for pdf, gold in pairs if gold.exists()
    ]


def concatenated_report(sources: list[Path], target: Path, *, reports: int | None = None,
                        pages: int | None = None) -> int:
    """Write one long PDF of the sources repeated in turn; returns its page count.

    Stops after `reports` whole reports, or once `pages` pages are reached (cut to exactly that many).
    """
    opened = [pikepdf.open(source) for source in sources]
    try:
        long_report = pikepdf.new()
        for count, source in enumerate(cycle(opened), start=1):
            long_report.pages.extend(source.pages)
            if reports is not None and count >= reports:
                break
            if pages is not None and len(long_report.pages) >= pages:
                break
        if pages is not None:
            while len(long_report.pages) > pages:
                del long_report.pages[-1]
        long_report.save(target)
        return len(long_report.pages)
    finally:
        for source in opened:
            source.close()


def batch_folder(sources: list[Path], folder: Path, copies: int) -> int:
    """Fill a folder with `copies` distinct report files taken from the sources in turn; returns their pages.

    Each copy gets a title of its own: batch extracts byte-identical inputs once, so plain copies
    would measure its duplicate detection, not its extraction."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for number, source in zip(range(copies), cycle(sources)):
        with pikepdf.open(source) as pdf:
            pdf.docinfo["/Title"] = f"batch copy {number}"
            pdf.save(folder / f"copy-{number:03d}-{source.name}", deterministic_id=True)
            total += len(pdf.pages)
    return total
