"""The milestone timeline: shaded boxes outside the tables, each holding a label and a date."""
from __future__ import annotations

from collections.abc import Sequence

from followup.extract.page_content import Box, PageContent
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.text_lines import CharIndex, cell_text


def find_milestones(page: PageContent, index: CharIndex, outside: Sequence[Box],
                    settings: ExtractSettings = DEFAULT_SETTINGS) -> list[str]:
    """The text of every milestone box on the page, left to right then top to bottom.

    Boxes smaller than the milestone minimum are legend markers or status dots; one covering more
    of the page than `milestone_max_page_share` is a background.
    """
    page_area = page.width * page.height
    texts = []
    boxes = [
        f.box for f in page.fills
        if f.box.width >= settings.milestone_min_width and f.box.height >= settings.milestone_min_height
        and f.box.area <= settings.milestone_max_page_share * page_area
        and not any(region.overlap(f.box) > 0 for region in outside)
    ]
    for box in sorted(boxes, key=lambda b: (round(b.top / settings.milestone_row), b.x0)):
        text = cell_text(index.in_box(box), settings)
        if text.strip():
            texts.append(text)
    return texts

