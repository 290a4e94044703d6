"""The milestone timeline: shaded boxes outside the tables, each holding a label and a date."""
from __future__ import annotations

from collections.abc import Sequence

from extract.page_content import Box, PageContent
from extract.text_lines import CharIndex, cell_text

# Boxes smaller than this are legend markers or status dots, not milestones.
MIN_WIDTH = 40.0
MIN_HEIGHT = 15.0
# A box covering more of the page than this is a background, not a milestone.
MAX_PAGE_SHARE = 0.2


def find_milestones(page: PageContent, index: CharIndex, outside: Sequence[Box]) -> list[str]:
    """The text of every milestone box on the page, left to right then top to bottom."""
    page_area = page.width * page.height
    texts = []
    boxes = [
        f.box for f in page.fills
        if f.box.width >= MIN_WIDTH and f.box.height >= MIN_HEIGHT and f.box.area <= MAX_PAGE_SHARE * page_area
        and not any(region.overlap(f.box) > 0 for region in outside)
    ]
    for box in sorted(boxes, key=lambda b: (round(b.top / 10), b.x0)):
        text = cell_text(index.in_box(box))
        if text.strip():
            texts.append(text)
    return texts

