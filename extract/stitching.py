"""Joining table slices across pages into whole tables, and resolving vertically merged cells."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from followup.extract.cut_words import cut_over_break
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.tables import Cell, RowTail, SliceRow, TableSlice
from followup.extract.text_lines import cell_text
from followup.schemas import RawCell, RawRow, RawTable
from followup.schemas.raw import LineEnd

# A row on a new page with none of these cells printed is the rest of the previous page's row.
IDENTITY_ROLES = ("area", "goal", "action")
# A row on the previous page with none of these cells printed is not whole: its text went on.
DESCRIBING_ROLES = ("goal", "action")
# Dates are short and printed on a row's first line; they are weighed on their own.
DATE_ROLES = ("deadline", "new_deadline")
# The weights of the evidence at a page break (see continues_over_break; positive means "continued")
# are settings (settings.ExtractSettings: word_left_open … marker_only_before, early_end_lines).
# A number or short code alone in a cell ("12", "3.2", "A7"): a Nr column, whose value each row
# prints once, at its top.
IDENTIFIER = re.compile(r"^\w{0,3}\d+(?:[.:-]\d+)*\w?$")
STATUS_ROLE = "status"
BREAK_HYPHENS = ("-", "\u2010", "\u00ad")
SENTENCE_ENDS = (".", "!", "?")


@dataclass(frozen=True)
class PlacedSlice:
    """A table slice with the section its heading gave it and the heading's text."""

    slice: TableSlice
    section: str
    heading: str | None
    starts_table: bool  # a heading or new columns came before it


@dataclass
class _Row:
    cells: dict[str, Cell]  # by column key, as SliceRow
    merged_above: set[str]
    row_fill: str | None
    pages: list[int]
    group_row: str | None = None  # set on a full-width group row: its text
    group: str | None = None  # the group row above an activity row


def stitch_page_breaks(placed: Sequence[PlacedSlice], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[RawTable]:
    """Whole tables from their per-page slices: continued rows joined, merged cells filled in.

    A slice that goes on with the table above it (the same columns, no section heading between)
    under a heading of its own ("Läkemedelssäkerhet" over the second of several tables, or a group
    row that a PDF library set right above the header it drew again) names the rows below it: the
    heading is a group row. When the report does so once, each table's heading names its rows, the
    first table's too; a single table under a heading is no such evidence (the heading may be the
    report's title).
    """
    continues = _continuing(placed)
    headings_name_rows = any(go_on and item.slice.caption is not None for item, go_on in zip(placed, continues, strict=True))
    tables: list[tuple[PlacedSlice, list[_Row]]] = []
    last: TableSlice | None = None  # the slice the current table's last rows came from
    for item, go_on in zip(placed, continues, strict=True):
        rows = [_row(r, item.slice.page) for r in item.slice.rows]
        caption = item.slice.caption
        if headings_name_rows and caption is not None:
            rows.insert(0, _Row({}, set(), None, [item.slice.page], group_row=cell_text(caption.chars, settings)))
        if go_on and last is not None:
            previous = tables[-1][1]
            new_page = item.slice.page != last.page
            if new_page and last.trailing_group is not None:
                # The line that ended the last page reads as a group row, and the table goes on here.
                group = cell_text(last.trailing_group.chars, settings)
                previous.append(_Row({}, set(), None, [last.page], group_row=group))
            if rows and previous and new_page and continues_over_break(previous[-1], last.tail, rows[0], settings):
                absorbed = rows.pop(0)
                _absorb(previous[-1], absorbed, settings)
                # A row of nothing but a status mark above the page's first line is the part of a
                # mark painted across the break (Qt WebKit paints the row on both pages, clipped):
                # the row's text may go on in the row below it.
                while rows and _marks_only(absorbed) \
                        and continues_over_break(previous[-1], None, rows[0], settings):
                    absorbed = rows.pop(0)
                    _absorb(previous[-1], absorbed, settings)
            elif rows and previous and new_page and rows[0].group_row is None \
                    and not _text(rows[0], "area", "x").strip():
                # A merged Område cell running over the page break is not printed again.
                rows[0].merged_above.add("area")
            previous.extend(rows)
        else:
            tables.append((item, rows))
        last = item.slice
    return [
        RawTable(
            section=first.section,
            heading=first.heading,
            columns=list(first.slice.roles),
            rows=[_raw_row(r) for r in resolve_merged_cells(assign_groups(rows))],
        )
        for first, rows in tables
    ]


def _continuing(placed: Sequence[PlacedSlice]) -> list[bool]:
    """For each slice, whether it goes on with the table of the slice before it: no heading or new
    columns came between."""
    return [i > 0 and not item.starts_table and placed[i - 1].slice.roles == item.slice.roles
            for i, item in enumerate(placed)]


def continues_over_break(before: _Row, tail: RowTail | None, after: _Row,
                         settings: ExtractSettings = DEFAULT_SETTINGS) -> bool:
    """True when the first row of a table on a new page is the rest of the previous page's last row.

    A ladder of two rungs, deciding from both sides of the break:

    1. Group rows on either side never join, nor do rows that both print a number or code in one
       column ("7" | "8": a Nr column prints each row's number once, at its top). A row on the new
       page with no text in any identifying cell (area, goal, action) is the rest of the row above:
       only the comment ("Enheterna på Lasarettet följer upp i september."), only the dates
       ("Etapp 2 / 2024-06-30") or only the status colour ran over the page. So is a row on the new
       page below one that printed neither goal nor action: CSS orphan control moved those two-line
       cells ("Fler digitala vårdbe- / sök") to the next page whole, leaving only the dates and the
       status behind.
    2. Otherwise the evidence is weighed (break_evidence; the weights are settings), and a
       positive sum means the row runs on:
       - a word left open: "Informationssä-" | "kerhet", "kerhetssamordna-" | "re";
       - text on the new page starting in lower case: "… ses över inför" | "årsskiftet";
       - a sentence closed before and a capital after: "… i september." | "Nästa mätning …";
       - a capital after an open line ("… med lättare besvär" | "Gemensam planering"), weakly, as
         names are capitalised too;
       - a column whose text ended well above the row's bottom on the previous page (it had room
         left), or that was empty there, yet has text on the new page: that is a new cell;
       - an identifying cell printed before and empty after the break ("Fler återbesök via video" |
         ""): a new row would print its own goal;
       - a deadline printed on the new page (a row's date stands on its first line), against one
         printed only before; likewise a status dot, ● or word ("Pågår"), printed once at the top
         of its cell;
       - in a table with rules, a last row without a rule under it (a cut row; LibreOffice draws
         the rule at the page end anyway, so a drawn rule is no evidence either way).
    """
    if before.group_row is not None or after.group_row is not None:
        return False
    if any(_identifier(_text(before, key)) and _identifier(cell.text) for key, cell in after.cells.items()
           if key not in DATE_ROLES):
        return False
    identifying = [role for role in IDENTITY_ROLES if role in after.cells]
    if identifying and not any(after.cells[role].text.strip() for role in identifying):
        return True
    described = [role for role in DESCRIBING_ROLES if role in before.cells]
    if described and not any(before.cells[role].text.strip() for role in described):
        return True
    return break_evidence(before, tail, after, settings) > 0


def break_evidence(before: _Row, tail: RowTail | None, after: _Row, settings: ExtractSettings = DEFAULT_SETTINGS) -> float:
    """The weighed evidence of rung 2 of continues_over_break (positive: the row runs on)."""
    score = 0.0
    for role, cell in after.cells.items():
        text = cell.text.strip()
        if not text or role in DATE_ROLES or role == STATUS_ROLE:
            continue
        earlier = _text(before, role).strip()
        if not earlier:
            score += settings.new_text_in_empty_cell
            continue
        if tail is not None and tail.free_lines.get(role, 0.0) > settings.early_end_lines:
            score += settings.text_ended_early
        flow = text_flow(earlier, text, settings)
        if flow == settings.sentence_closed and _had_room(tail, role, settings):
            # A paragraph that ended with room left below it, the next one on the new page: orphan
            # control moves a paragraph's first lines whole, in a row running on as well as above a
            # new row; only the column that filled the row to its bottom tells the two apart.
            flow = 0.0
        score += flow
    for role, weight in _identity_missing(settings):
        if _text(before, role).strip() and role in after.cells and not after.cells[role].text.strip():
            score += weight
    if "deadline" in after.cells:
        if after.cells["deadline"].text.strip():
            score += settings.deadline_on_new_page
        elif _text(before, "deadline").strip():
            score += settings.deadline_only_before
    if _status_shown(after):
        score += settings.marker_on_new_page
    elif _status_shown(before):
        score += settings.marker_only_before
    if tail is not None and tail.ruled_below is False:
        score += settings.no_rule_below
    return score


def _had_room(tail: RowTail | None, role: str, settings: ExtractSettings) -> bool:
    """The column's text ended at least room_left_lines higher than the fullest column's: the row's
    bottom on this page was not set by it."""
    if tail is None or role not in tail.free_lines:
        return False
    return tail.free_lines[role] - min(tail.free_lines.values()) >= settings.room_left_lines


def _identity_missing(settings: ExtractSettings) -> tuple[tuple[str, float], ...]:
    """The weight of each identifying cell printed before the break and empty after it."""
    return (("area", settings.identity_missing_area), ("goal", settings.identity_missing_goal),
            ("action", settings.identity_missing_action))


def _text(row: _Row, key: str, default: str = "") -> str:
    """The text of a row's cell, or `default` when the row has no such cell."""
    cell = row.cells.get(key)
    return default if cell is None else cell.text


def _status_shown(row: _Row) -> bool:
    """A dot or glyph drawn in the status cell, or a word printed there ("Pågår")."""
    cell = row.cells.get(STATUS_ROLE)
    return cell is not None and (bool(cell.marker) or any(c.isalpha() for c in cell.text))


def _marks_only(row: _Row) -> bool:
    """A row that printed a status mark (a dot, a glyph) and no word in any cell."""
    return row.group_row is None and _status_shown(row) \
        and not any(c.isalnum() for cell in row.cells.values() for c in cell.text)


def _identifier(text: str) -> bool:
    return IDENTIFIER.match(text.strip()) is not None


def text_flow(before: str, after: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> float:
    """How one cell's text reads across the break: positive for a word or sentence left open.

    >>> text_flow("Utbildning i informationssä-", "kerhet för alla") == DEFAULT_SETTINGS.word_left_open
    True
    >>> text_flow("Behörigheterna ses över inför", "årsskiftet.") == DEFAULT_SETTINGS.lowercase_continues
    True
    >>> text_flow("Nästa mätning i oktober.", "Rutinen sprids.") == DEFAULT_SETTINGS.sentence_closed
    True
    """
    first = next((c for c in after if c.isalnum()), "")
    if not first:
        return 0.0  # a glyph ("●") or punctuation says nothing about the flow of text
    last_line = before.splitlines()[-1].rstrip()
    if last_line[-1:] in BREAK_HYPHENS and first.islower():
        return settings.word_left_open
    if first.islower():
        return settings.lowercase_continues
    if last_line[-1:] in SENTENCE_ENDS:
        return settings.sentence_closed
    return settings.capital_after_open


def assign_groups(rows: list[_Row]) -> list[_Row]:
    """The activity rows, each with the text of the last group row above it in the table (a group
    continues over page breaks where it is not repeated); group rows themselves are no activities."""
    current: str | None = None
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
    roles = {role for row in rows for role in row.cells}
    for role in roles:
        start = 0
        for i in range(1, len(rows) + 1):
            if i < len(rows) and role in rows[i].merged_above:
                continue
            group = rows[start:i]
            if len(group) > 1:
                text = "\n".join(t for t in (_text(r, role) for r in group) if t.strip())
                line_ends = tuple(end for r in group if role in r.cells for end in r.cells[role].line_ends)
                for row in group:
                    row.cells[role] = replace(row.cells.get(role, Cell("")), text=text, line_ends=line_ends)
            start = i
    return rows


def _row(row: SliceRow, page: int) -> _Row:
    return _Row(dict(row.cells), set(row.merged_above), row.row_fill, [page], group_row=row.group)


def _absorb(target: _Row, continuation: _Row, settings: ExtractSettings = DEFAULT_SETTINGS) -> None:
    """Append the part of a row printed on the next page to the row it continues: its text after the
    target's, its colours where the target has none. A word cut at the cell's edge at the break
    ("Specialistmödr" | "avård") is noted as a cut line end, as within a page (cut_words)."""
    for role, cell in continuation.cells.items():
        known = target.cells.get(role)
        if known is None and not cell.text.strip():
            continue  # a column the row lacks, with nothing printed in it, adds no cell
        known = known or Cell("")
        text = known.text
        ends = known.line_ends + cell.line_ends
        if cell.text.strip():
            text = f"{known.text}\n{cell.text}" if known.text.strip() else cell.text
            if known.text.strip() and known.edge and cell.edge \
                    and cut_over_break(known.edge, cell.edge, settings.cut_word_slack):
                ends += (LineEnd(line=known.edge.last.text, next=cell.edge.first.text, kind="cut", fits=0),)
        edge = cell.edge if cell.text.strip() else known.edge
        target.cells[role] = Cell(text, known.fill or cell.fill, known.marker or cell.marker, ends, edge)
    target.row_fill = target.row_fill or continuation.row_fill
    target.pages.extend(p for p in continuation.pages if p not in target.pages)


def _raw_row(row: _Row) -> RawRow:
    cells = {role: RawCell(text=cell.text, fill=cell.fill, marker=cell.marker, line_ends=list(cell.line_ends))
             for role, cell in row.cells.items()}
    return RawRow(cells=cells, row_fill=row.row_fill, pages=row.pages, group=row.group)
