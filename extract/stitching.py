"""Joining table slices across pages into whole tables, and resolving vertically merged cells."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from extract.tables import SliceRow, TableSlice
from schemas import RawCell, RawRow, RawTable

# A row whose identifying cells are all empty on a new page is the rest of the previous page's row.
IDENTITY_ROLES = ("goal", "action", "deadline")


@dataclass
class PlacedSlice:
    """A table slice with the section its heading gave it and the heading's text."""

    slice: TableSlice
    section: str
    heading: Optional[str]
    starts_table: bool  # a heading or new columns came before it


@dataclass
class _Row:
    texts: dict[str, str]
    fills: dict[str, Optional[str]]
    markers: dict[str, Optional[str]]
    merged_above: set[str]
    row_fill: Optional[str]
    pages: list[int]
    group_row: Optional[str] = None  # set on a full-width group row: its text
    group: Optional[str] = None  # the group row above an activity row


def stitch_page_breaks(placed: Sequence[PlacedSlice]) -> list[RawTable]:
    """Whole tables from their per-page slices: continued rows joined, merged cells filled in."""
    tables: list[tuple[PlacedSlice, list[_Row]]] = []
    for item in placed:
        rows = [_row(r, item.slice.page) for r in item.slice.rows]
        if tables and not item.starts_table and tables[-1][0].slice.roles == item.slice.roles:
            previous = tables[-1][1]
            new_page = item.slice.page != tables[-1][0].slice.page
            if rows and previous and new_page and previous[-1].group_row is None and rows[0].group_row is None \
                    and is_continuation(rows[0]):
                _absorb(previous[-1], rows.pop(0))
            elif rows and previous and new_page and rows[0].group_row is None \
                    and not rows[0].texts.get("area", "x").strip():
                # A merged Område cell running over the page break is not printed again.
                rows[0].merged_above.add("area")
            previous.extend(rows)
        else:
            tables.append((item, rows))
    return [
        RawTable(
            section=first.section,
            heading=first.heading,
            columns=list(first.slice.roles),
            rows=[_raw_row(r) for r in resolve_merged_cells(assign_groups(rows))],
        )
        for first, rows in tables
    ]


def is_continuation(row: _Row) -> bool:
    """True when a table's first row on a new page is the rest of the previous page's last row.

    A deadline is short and printed on the row's first page, so an empty deadline with an
    empty area, goal or action is a row cut by the page break; without a deadline column, a row
    carrying none of the identifying cells is.
    """
    if "deadline" in row.texts:
        if row.texts["deadline"].strip():
            return False
        return any(not row.texts.get(role, "").strip() for role in ("area", "goal", "action") if role in row.texts)
    present = [role for role in IDENTITY_ROLES if role in row.texts]
    return bool(present) and all(not row.texts[role].strip() for role in present)


def assign_groups(rows: list[_Row]) -> list[_Row]:
    """The activity rows, each with the text of the last group row above it in the table (a group
    continues over page breaks where it is not repeated); group rows themselves are no activities."""
    current: Optional[str] = None
    activities = []
    for row in rows:
        if row.group_row is not None:
            current = row.group_row
        else:
            row.group = current
            activities.append(row)
    return activities


def resolve_merged_cells(rows: list[_Row]) -> list[_Row]:
    """A vertically merged cell's text belongs to every row it spans."""
    roles = {role for row in rows for role in row.texts}
    for role in roles:
        start = 0
        for i in range(1, len(rows) + 1):
            if i < len(rows) and role in rows[i].merged_above:
                continue
            group = rows[start:i]
            if len(group) > 1:
                text = "\n".join(t for t in (r.texts.get(role, "") for r in group) if t.strip())
                for row in group:
                    row.texts[role] = text
            start = i
    return rows


def _row(row: SliceRow, page: int) -> _Row:
    return _Row(dict(row.texts), dict(row.fills), dict(row.markers), set(row.merged_above), row.row_fill, [page],
                group_row=row.group)


def _absorb(target: _Row, continuation: _Row) -> None:
    """Append the part of a row printed on the next page to the row it continues."""
    for role, text in continuation.texts.items():
        if text.strip():
            before = target.texts.get(role, "")
            target.texts[role] = f"{before}\n{text}" if before.strip() else text
    for role, colour in continuation.fills.items():
        target.fills[role] = target.fills.get(role) or colour
    for role, colour in continuation.markers.items():
        target.markers[role] = target.markers.get(role) or colour
    target.row_fill = target.row_fill or continuation.row_fill
    target.pages.extend(p for p in continuation.pages if p not in target.pages)


def _raw_row(row: _Row) -> RawRow:
    cells = {
        role: RawCell(text=row.texts.get(role, ""), fill=row.fills.get(role), marker=row.markers.get(role))
        for role in row.texts
    }
    return RawRow(cells=cells, row_fill=row.row_fill, pages=row.pages, group=row.group)
