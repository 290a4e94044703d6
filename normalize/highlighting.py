"""Which rows of a table are highlighted: shading that stands out from the table's own row pattern.

Tables are styled as a whole (zebra stripes, a light background on every row, grey group rows);
an author highlights a row by giving it a colour the rest of the table does not have (the yellow
rows of "Klara aktiviteter"). So a row's shading is judged against the other rows of its table.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from followup.normalize import colours

# A colour on at least this share of a table's rows is its background, not a highlight; an author
# may well highlight most rows of a short completed table (three of four are still highlights).
STYLE_SHARE = 0.9
# Stripes: a colour on at least this many rows, every other row, is the table's zebra pattern:
# either most gaps between its rows (this share) are two rows, so a group row may break the rhythm,
# or it shades this share of the odd (or even) rows, so a highlight may take the place of a stripe.
STRIPE_MIN_ROWS = 3
STRIPE_REGULARITY = 0.75
STRIPE_COVERAGE = 0.6
# Below this many rows a table shows no pattern: every coloured row is a highlight.
PATTERN_MIN_ROWS = 4


def highlighted_rows(row_fills: Sequence[str | None], group_starts: Sequence[bool] | None = None) -> list[bool]:
    """For each row (its whole-row shading, or None), whether the shading is a highlight.

    Neutral shading (white, grey) is never a highlight; nor is a colour that is the table's style:
    shared by most rows, or striping every other row. A rare, chromatic fill is.
    `group_starts`: for each row, whether a group row stands above it. A word processor's table
    style bands every row of the table, group rows included, so the stripes are also looked for
    with the group rows in their places (a producer that stripes the activity rows alone is read
    without them).
    """
    style = table_style_colours(row_fills)
    if group_starts is not None and any(group_starts):
        style |= table_style_colours(*_with_group_rows(row_fills, group_starts))
    return [fill is not None and _chromatic(fill) and fill.upper() not in style for fill in row_fills]


def _with_group_rows(row_fills: Sequence[str | None],
                     group_starts: Sequence[bool]) -> tuple[list[str | None], frozenset[int]]:
    """The rows' fills with a place for each group row above them, and those places (a group row
    has its own shading, which stands in for the band's there)."""
    physical: list[str | None] = []
    groups: set[int] = set()
    for fill, starts in zip(row_fills, group_starts, strict=True):
        if starts:
            groups.add(len(physical))
            physical.append(None)
        physical.append(fill)
    return physical, frozenset(groups)


def table_style_colours(row_fills: Sequence[str | None], group_rows: frozenset[int] = frozenset()) -> set[str]:
    """The colours that make up a table's own row pattern (upper-case "#RRGGBB"); `group_rows`:
    places of group rows among `row_fills`, which no stripe is expected on."""
    if len(row_fills) < PATTERN_MIN_ROWS:
        return set()
    rows_of: dict[str, list[int]] = {}
    for i, fill in enumerate(row_fills):
        if fill is not None:
            rows_of.setdefault(fill.upper(), []).append(i)
    style = set()
    for colour, rows in rows_of.items():
        if len(rows) >= STYLE_SHARE * len(row_fills) or _stripes(rows, len(row_fills), group_rows):
            style.add(colour)
    return style


def _stripes(rows: Sequence[int], count: int, group_rows: frozenset[int] = frozenset()) -> bool:
    """Rows (indexes among `count`) every other one: most gaps between them are 2, or they shade
    most rows of one parity (group rows aside) and few of the other."""
    if len(rows) < STRIPE_MIN_ROWS:
        return False
    gaps = Counter(b - a for a, b in zip(rows, rows[1:], strict=False))
    if gaps[2] >= STRIPE_REGULARITY * sum(gaps.values()):
        return True
    for parity in (0, 1):
        same = [r for r in rows if r % 2 == parity]
        slots = len([i for i in range(parity, count, 2) if i not in group_rows])
        if len(same) >= STRIPE_MIN_ROWS and len(same) >= STRIPE_COVERAGE * slots \
                and len(same) >= STRIPE_REGULARITY * len(rows):
            return True
    return False


def _chromatic(fill: str) -> bool:
    rgb = colours.parse_hex(fill)
    return rgb is not None and not colours.is_neutral(rgb)
