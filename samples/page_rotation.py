"""Store landscape pages the way some planning systems do: a portrait page whose /Rotate 90 makes
viewers show it landscape.

The content is turned a quarter counter-clockwise into a portrait MediaBox, and /Rotate 90 turns it
back clockwise on screen, so what a reader sees is unchanged.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf

# The page boxes a viewer may use instead of the MediaBox; they would still be landscape.
_OTHER_BOXES = ("/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")


def rotate_to_portrait(path: Path) -> None:
    """Rewrite every landscape page of the PDF as a portrait page with /Rotate 90."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for page in pdf.pages:
            left, bottom, right, top = (float(v) for v in page.mediabox)
            width, height = right - left, top - bottom
            if width <= height:
                continue
            # (x, y) → (height − (y − bottom), x − left): a quarter turn counter-clockwise.
            turn = (f"q 0 1 -1 0 {height + bottom:.4f} {-left:.4f} cm\n").encode()
            page.contents_add(pikepdf.Stream(pdf, turn), prepend=True)
            page.contents_add(pikepdf.Stream(pdf, b"\nQ\n"))
            page.obj["/MediaBox"] = pikepdf.Array([0, 0, height, width])
            for box in _OTHER_BOXES:
                if box in page.obj:
                    del page.obj[box]
            page.obj["/Rotate"] = 90
            for annotation in page.obj.get("/Annots", []):
                annotation_rect = [float(v) for v in annotation.get("/Rect", [])]
                if len(annotation_rect) == 4:
                    x0, y0, x1, y1 = annotation_rect
                    annotation["/Rect"] = pikepdf.Array(
                        [height - (y1 - bottom), x0 - left, height - (y0 - bottom), x1 - left])
        pdf.save(path, deterministic_id=True)
