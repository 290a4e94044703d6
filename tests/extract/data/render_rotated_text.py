"""Make the fixtures of tests/extract/test_extract_text_direction.py: committed sample reports (LibreOffice,
WeasyPrint, Chromium; samples/pdf) whose pages another tool then turned the way real files get turned.

    python tests/extract/data/render_rotated_text.py [NAME ...]

Each fixture is named after its quirk; its source is a sample whose expected output is known, so
the tests compare the turned file with the untouched one.

- sideways-every-page-rotate-90: the landscape Word report (ystad-2024-03) with /Rotate 90 set on
  every page and the content left as it was, as when landscape pages are "rotated" to fit a
  portrait binder: every line of text runs down the page as a viewer shows it.
- sideways-pages-rotate-mixed: the Chromium report (psykiatri-2024-10), page 1 as printed, pages 2, 3
  and 4 given /Rotate 270, 180 and 90 without turning their content.
- content-turned-quarter: the WeasyPrint report (medicin-web-2024-05) with each page's content
  drawn turned a quarter (page 1 anticlockwise, page 2 clockwise) in a MediaBox with width and height
  swapped and no /Rotate: what a "rotate page" that rewrites the content does. The text matrix
  itself is turned.
- mirrored-page: the Word report (ystad-2024-09) with page 3 drawn mirrored (a "flip horizontal"):
  text in no reading direction, which followup cannot read.
- mirrored-every-page: the WeasyPrint report (medicin-web-2024-11) with every page mirrored.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pikepdf

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[2] / "samples" / "pdf"


def _wrapped(document: pikepdf.Pdf, page: pikepdf.Page, matrix: tuple[float, ...]) -> None:
    """Draw the page's content under `matrix` (q … cm … Q around its content streams)."""
    turn = ("q " + " ".join(f"{v:g}" for v in matrix) + " cm\n").encode()
    page.contents_add(pikepdf.Stream(document, turn), prepend=True)
    page.contents_add(pikepdf.Stream(document, b"\nQ\n"))


def _box(page: pikepdf.Page) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in page.mediabox)
    return x0, y0, x1, y1


def set_rotate(document: pikepdf.Pdf, rotations: dict[int, int]) -> None:
    """/Rotate on the given pages (1-based → degrees), the content left upright in its own space."""
    for number, degrees in rotations.items():
        document.pages[number - 1].obj["/Rotate"] = degrees


def turn_content_quarter(document: pikepdf.Pdf, number: int, *, clockwise: bool) -> None:
    """Redraw page `number`'s content turned a quarter into a box with width and height swapped."""
    page = document.pages[number - 1]
    x0, y0, x1, y1 = _box(page)
    width, height = x1 - x0, y1 - y0
    if clockwise:
        # (x, y) → (y - y0, width - (x - x0))
        _wrapped(document, page, (0, -1, 1, 0, -y0, x0 + width))
    else:
        # (x, y) → (height - (y - y0), x - x0)
        _wrapped(document, page, (0, 1, -1, 0, y0 + height, -x0))
    page.mediabox = [0, 0, height, width]
    for box in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox"):
        if box in page.obj:
            del page.obj[box]


def mirror(document: pikepdf.Pdf, number: int) -> None:
    """Redraw page `number`'s content mirrored left to right within its MediaBox."""
    page = document.pages[number - 1]
    x0, _, x1, _ = _box(page)
    _wrapped(document, page, (-1, 0, 0, 1, x0 + x1, 0))


def sideways_every_page_rotate_90(document: pikepdf.Pdf) -> None:
    set_rotate(document, {number: 90 for number in range(1, len(document.pages) + 1)})


def sideways_pages_rotate_mixed(document: pikepdf.Pdf) -> None:
    set_rotate(document, {2: 270, 3: 180, 4: 90})


def content_turned_quarter(document: pikepdf.Pdf) -> None:
    turn_content_quarter(document, 1, clockwise=False)
    turn_content_quarter(document, 2, clockwise=True)


def mirrored_page(document: pikepdf.Pdf) -> None:
    mirror(document, 3)


def mirrored_every_page(document: pikepdf.Pdf) -> None:
    for number in range(1, len(document.pages) + 1):
        mirror(document, number)


# Fixture name → (source sample, what is done to it).
FIXTURES: dict[str, tuple[str, Callable[[pikepdf.Pdf], None]]] = {
    "sideways-every-page-rotate-90": ("ystad-2024-03", sideways_every_page_rotate_90),
    "sideways-pages-rotate-mixed": ("psykiatri-2024-10", sideways_pages_rotate_mixed),
    "content-turned-quarter": ("medicin-web-2024-05", content_turned_quarter),
    "mirrored-page": ("ystad-2024-09", mirrored_page),
    "mirrored-every-page": ("medicin-web-2024-11", mirrored_every_page),
}


def main(names: list[str]) -> None:
    for name in names or FIXTURES:
        source, change = FIXTURES[name]
        with pikepdf.open(SAMPLES / f"{source}.pdf") as document:
            change(document)
            document.save(HERE / f"{name}.pdf", deterministic_id=True)


if __name__ == "__main__":
    main(sys.argv[1:])
