"""A whole report PDF → RawDocument: every page read once, tables stitched, legend and milestones found."""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from extract.errors import InputRejected, printable_name, technical_detail
from extract.headers import HeaderBand, HeaderVocabulary, load_header_vocabulary, section_of_heading
from extract.legend import find_glyph_legend, find_legend
from extract.limits import ResourceLimit, memory_exhausted
from extract.milestones import find_milestones
from extract.opening import DAMAGED, DAMAGED_AFTER_REPAIR, needs_repair, open_report
from extract.page_content import Box, PageContent
from extract.page_furniture import recurs_on_page, top_of_header, without_page_numbers
from extract.readers import DEFAULT_READER, page_reader
from extract.stitching import PlacedSlice, stitch_page_breaks
from extract.tables import TableSlice, continue_table, find_table_slices, header_lines
from extract.text_lines import CharIndex, TextLine, text_lines
from schemas import LegendEntry, RawDocument, RawTable
from schemas.document import Warning
from schemas.raw import ColumnRole

# Warning codes of problems with the file itself (the others are normalize.warnings').
REPAIRED = "repaired"
PAGE_UNREADABLE = "page_unreadable"
# A page with text on which no activity table was found (see _page_without_rows_warning).
PAGE_WITHOUT_ROWS = "page_without_rows"

# Lines of the first page kept as preamble (where the period line is printed).
PREAMBLE_LINES = 15
# A status legend names at least two statuses; a page with fewer markers does not end the search.
MIN_LEGEND_ENTRIES = 2


@dataclass
class _Findings:
    """What the pages told us, in document order."""

    slices: list[tuple[TableSlice, str, str | None, bool]] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    milestones: list[str] = field(default_factory=list)
    title: str | None = None
    preamble: list[str] = field(default_factory=list)
    chars: int = 0
    section: str = "active"
    heading: str | None = None
    new_table: bool = True
    first_page_seen: bool = False
    warnings: list[Warning] = field(default_factory=list)
    previous_page_lines: set[tuple[int, str]] = field(default_factory=set)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_raw_document(path: Path, *, password: str | None = None,
                      headers: HeaderVocabulary | None = None, reader: str = DEFAULT_READER,
                      repair: bool = True) -> RawDocument:
    """Read a follow-up report PDF into its raw tables; raises InputRejected when it cannot.

    `reader` names the page reader (extract/readers: "pdfminer", "pdfium", "pdfplumber").
    A file or a page pdfminer cannot read is repaired by qpdf in memory and read again; the
    document then carries a `repaired` warning, and a page that still cannot be read a
    `page_unreadable` warning; `repair=False` rejects such a file as damaged instead (to measure
    what repair gains). Resource limits (extract.limits) become `too_large` / `timeout`.
    """
    path = Path(path)
    page_reader(reader)  # an unknown name fails before the file is opened
    vocabulary = headers or load_header_vocabulary()
    repaired = False
    try:
        findings, page_count = _read_pages(path, password, vocabulary, reader, repair=False)
    except _NeedsRepair as damage:
        if not repair:
            raise damage.rejection from None
        findings, page_count = _read_pages(path, password, vocabulary, reader, repair=True, original=damage.rejection)
        repaired = True
    # Text read or left out (mirrored, or running across the rest of its page) is text all the same:
    # such a file has a text layer, only no table followup can read.
    if findings.chars == 0:
        if repaired:
            raise InputRejected(f"{DAMAGED_AFTER_REPAIR} (no text is left in it)", code="damaged")
        raise InputRejected("no text layer (a scanned PDF?)", code="no_text")
    if not findings.slices:
        if repaired:
            raise InputRejected(f"{DAMAGED_AFTER_REPAIR} (no activity table is left in it)", code="damaged")
        raise InputRejected("no activity table found", code="no_table")
    placed = [PlacedSlice(s, section, heading, starts) for s, section, heading, starts in findings.slices]
    return RawDocument(
        file=printable_name(path),
        sha256=file_sha256(path),
        pages=page_count,
        title=findings.title,
        preamble=findings.preamble,
        milestones=findings.milestones,
        legend=findings.legend,
        tables=[with_extra_columns(table) for table in stitch_page_breaks(placed)],
        warnings=findings.warnings,
    )


class _NeedsRepair(Exception):
    """The file as it is could not be read whole; qpdf's repaired copy is tried next."""

    def __init__(self, rejection: InputRejected) -> None:
        super().__init__(rejection.reason)
        self.rejection = rejection


def _read_pages(path: Path, password: str | None, vocabulary: HeaderVocabulary, reader: str, *, repair: bool,
                original: InputRejected | None = None) -> tuple[_Findings, int]:
    """Every page of the file (or of its repaired copy) read into findings; (findings, page count)."""
    try:
        pdf = open_report(path, password, repair=repair)
    except InputRejected as rejected:
        if rejected.code == "damaged" and not repair:
            raise _NeedsRepair(rejected) from None
        raise
    except ResourceLimit as limit:
        raise limit.rejection() from None
    findings = _Findings()
    if repair:
        findings.warnings.append(_repaired_warning(original))
    limit: ResourceLimit | None = None
    exhausted = False
    read_from = page_reader(reader)
    try:
        page_count = len(pdf.pages)
        pages = read_from(pdf, 0)
        number = 0
        while True:
            number += 1
            try:
                content = next(pages)
            except StopIteration:
                break
            except (InputRejected, MemoryError):
                raise
            except Exception as error:
                if _out_of_memory(error):
                    raise MemoryError from None
                if not repair:
                    raise _NeedsRepair(InputRejected(
                        f"damaged PDF: page {number} cannot be read ({technical_detail(error)})",
                        code="damaged")) from None
                findings.warnings.append(_unreadable_page_warning(number, error))
                pages = read_from(pdf, number)  # a reader stops at its first error: go on after the page
                continue
            tables_before = len(findings.slices)
            _read_findings(content, vocabulary, findings)
            warning = _page_without_rows_warning(content, tables_before, len(findings.slices) - tables_before)
            if warning is not None:
                findings.warnings.append(warning)
    except ResourceLimit as hit:
        limit = hit
    except MemoryError:
        exhausted = True
    finally:
        _close_quietly(pdf)
    # Raised here, outside the handlers, so the traceback holding the memory is already released.
    if exhausted:
        raise memory_exhausted()
    if limit is not None:
        raise limit.rejection()
    if repair and page_count and sum(w.code == PAGE_UNREADABLE for w in findings.warnings) == page_count:
        raise InputRejected(f"{DAMAGED_AFTER_REPAIR} (no page can be read)", code="damaged")
    if not repair and (findings.chars == 0 or not findings.slices) and needs_repair(path, password):
        # pdfminer read the file without complaint yet found nothing: a truncated or broken file
        # whose lost parts qpdf may recover.
        raise _NeedsRepair(InputRejected(DAMAGED, code="damaged"))
    return findings, page_count


def _out_of_memory(error: BaseException) -> bool:
    """Whether the error is memory running out, perhaps wrapped by pdfplumber or pdfminer."""
    seen = 0
    while error is not None and seen < 8:
        if isinstance(error, MemoryError) or any(isinstance(arg, MemoryError) for arg in error.args):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _close_quietly(pdf: object) -> None:
    """Close the PDF even when memory has run out; closing must never replace the real reason."""
    with contextlib.suppress(Exception, MemoryError):
        pdf.close()  # type: ignore[attr-defined]


def _repaired_warning(original: InputRejected | None) -> Warning:
    detail = original.reason.removeprefix(DAMAGED).removeprefix("damaged PDF:").strip() if original else ""
    if detail.startswith("(") and detail.endswith(")"):
        detail = detail[1:-1]
    why = f" ({detail})" if detail else ""
    return Warning(code=REPAIRED, message=f"The file is damaged and was read from a copy repaired by qpdf{why}. "
                                          "Check the output against the printed report.")


def _unreadable_page_warning(page_number: int, error: Exception) -> Warning:
    return Warning(code=PAGE_UNREADABLE, page=page_number,
                   message=f"Page {page_number} cannot be read even after repair and is left out "
                           f"({technical_detail(error)}).")


def _page_without_rows_warning(page: PageContent, tables_before: int, tables_on_page: int) -> Warning | None:
    """A warning for a page that has text but gives no activity table, when rows may be missing there.

    A page before the first table whose text was all read is the report's front matter (title,
    introduction, legend) and needs none; a page after a table has begun, or one holding text that
    does not read in the page's direction (mirrored, or across the rest), may hold rows followup
    could not read, and is named.
    """
    has_text = page.unread_text > 0 or any(c.text.strip() for c in page.chars)
    if tables_on_page or not has_text or (tables_before == 0 and page.unread_text == 0):
        return None
    unread = (f" ({page.unread_text} characters of its text are mirrored or run across the rest and were not read)"
              if page.unread_text else "")
    return Warning(code=PAGE_WITHOUT_ROWS, page=page.number,
                   message=f"Page {page.number} has text but no activity table was found on it{unread}; "
                           "rows printed there may be missing. Check the page against the printed report.")


def _read_findings(page: PageContent, vocabulary: HeaderVocabulary, findings: _Findings) -> None:
    findings.chars += len(page.chars) + page.unread_text
    if not page.chars:
        return
    lines = text_lines(page.chars)
    chars = without_page_numbers(page.chars, lines, page.height)
    if len(chars) < len(page.chars):
        page = dataclasses.replace(page, chars=chars)
        lines = text_lines(chars)
    index = CharIndex(page.chars)
    if findings.slices and findings.slices[-1][0].trailing_group is not None \
            and recurs_on_page(findings.slices[-1][0].trailing_group, lines):
        findings.slices[-1][0].trailing_group = None  # the last page's number, not a group row
    headers = header_lines(lines, vocabulary)
    slices = find_table_slices(page, lines, index, headers, vocabulary)
    continued = _table_continued_without_header(page, lines, index, headers, vocabulary, findings)
    if continued is not None:
        slices.insert(0, continued)
    regions = [Box(0, s.header_top - 2, page.width, s.bottom + 2) for s in slices]
    # By its middle: a line printed right under a table's last rule may touch it with its ascenders.
    outside = [line for line in lines
               if not any(r.top <= (line.box.top + line.box.bottom) / 2 <= r.bottom for r in regions)]

    if not findings.first_page_seen:
        findings.first_page_seen = True
        first_top = slices[0].header_top if slices else page.height
        _read_front_matter([line for line in lines if line.box.bottom <= first_top], findings)
    if not findings.slices:
        findings.milestones.extend(find_milestones(page, index, regions))
    if len(findings.legend) < MIN_LEGEND_ENTRIES:
        # A single marker with a label may be something else (a note box); keep looking for a key.
        shapes = [f for f in page.fills if not _inside_any(f.box, regions)]
        legend = find_legend(shapes, outside) or find_glyph_legend(outside)
        if len(legend) > len(findings.legend):
            findings.legend = legend

    findings.previous_page_lines = {_line_key(line) for line in lines}
    events: list[tuple[float, object]] = [(s.header_top, s) for s in slices]
    events += [(line.box.top, line) for line in outside if section_of_heading(line.text, vocabulary)]
    for _, event in sorted(events, key=lambda e: e[0]):
        if isinstance(event, TextLine):
            findings.section = section_of_heading(event.text, vocabulary) or findings.section
            findings.heading = event.text
            findings.new_table = True
        else:
            if not findings.new_table and _completed_table_without_heading(findings, event):
                findings.section, findings.heading, findings.new_table = "done", None, True
            findings.slices.append((event, findings.section, findings.heading, findings.new_table))
            findings.new_table = False


def _table_continued_without_header(
    page: PageContent, lines: list[TextLine], index: CharIndex, headers: list[TextLine],
    vocabulary: HeaderVocabulary, findings: _Findings,
) -> TableSlice | None:
    """Rows at the top of a page that continue the last page's table when its header is not repeated."""
    if not findings.slices or findings.slices[-1][0].page != page.number - 1:
        return None
    stops = [top_of_header(h, lines) for h in headers]
    stops += [line.box.top for line in lines if section_of_heading(line.text, vocabulary)]
    limit = min(stops, default=page.height) - 1
    # The running header is printed at the same place on every page; the table resumes below it.
    body = [line for line in lines if line.box.top < limit and _line_key(line) not in findings.previous_page_lines]
    if not body:
        return None
    return continue_table(page, lines, index, findings.slices[-1][0], body[0].box.top - 1, limit)


def _line_key(line: TextLine) -> tuple[int, str]:
    return round(line.box.top), line.text


def with_extra_columns(table: RawTable) -> RawTable:
    """Cells of columns that name no role (keyed by their printed header) moved to the rows' `extra`,
    their headers listed in `extra_columns` in the order printed."""
    roles = set(get_args(ColumnRole))
    extra_columns: list[str] = []
    rows = []
    for row in table.rows:
        extra = {key: cell for key, cell in row.cells.items() if key not in roles}
        extra_columns += [key for key in extra if key not in extra_columns]
        cells = {key: cell for key, cell in row.cells.items() if key in roles}
        rows.append(row.model_copy(update={"cells": cells, "extra": extra}))
    return table.model_copy(update={"rows": rows, "extra_columns": extra_columns})


def _completed_table_without_heading(findings: _Findings, table: TableSlice) -> bool:
    """A second table that drops the Ny tid column of the first is the completed table, heading or not."""
    if not findings.slices:
        return False
    previous = findings.slices[-1][0]
    return (previous.roles != table.roles and "new_deadline" in previous.roles
            and "new_deadline" not in table.roles)


def _read_front_matter(lines: list[TextLine], findings: _Findings) -> None:
    """Title (the largest text above the first table) and the lines around it."""
    if not lines:
        return
    largest = max(line.size for line in lines)
    title_lines = [line for line in lines if abs(line.size - largest) < 0.5]
    findings.title = " ".join(line.text for line in title_lines)
    findings.preamble = [line.text for line in lines if line not in title_lines][:PREAMBLE_LINES]


def _inside_any(box: Box, regions: list[Box]) -> bool:
    return any(region.overlap(box) > 0.5 * box.area for region in regions)


@dataclass(frozen=True)
class PageFindings:
    """What extract found on one page, for drawing it (`followup debug`).

    `slices`: the tables read on the page, in reading order (a table continued from the last page
    without its header first). `continued_from_previous` / `continues_on_next`: the page's first
    row is the rest of the previous page's last row, its last row runs on over the page break, as
    stitching decided. `legend`: the status legend found so far in the document.
    """

    page: int
    width: float
    height: float
    headers: tuple[HeaderBand, ...]
    slices: tuple[TableSlice, ...]
    continued_from_previous: bool
    continues_on_next: bool
    legend: tuple[LegendEntry, ...]


def inspect_page(path: Path, page_number: int, *, password: str | None = None, reader: str = DEFAULT_READER,
                 headers: HeaderVocabulary | None = None) -> PageFindings:
    """Read the report up to the page after `page_number` (1-based) and say what was found on that page.

    The pages before it are read too, as they decide its section and whether its first rows continue a
    table; raises InputRejected when the file cannot be opened and ValueError for a page it does not have.
    """
    vocabulary = headers or load_header_vocabulary()
    pdf = open_report(Path(path), password, repair=True)
    findings = _Findings()
    try:
        page_count = len(pdf.pages)
        if not 1 <= page_number <= page_count:
            raise ValueError(f"the report has pages 1–{page_count}, not {page_number}")
        content: PageContent | None = None
        first_on_page = 0
        for page in page_reader(reader)(pdf, 0):
            if page.number == page_number:
                content, first_on_page = page, len(findings.slices)
            _read_findings(page, vocabulary, findings)
            if page.number > page_number:
                break
    finally:
        _close_quietly(pdf)
    assert content is not None  # the reader yields every page up to page_count
    on_page = [s for s, *_ in findings.slices[first_on_page:] if s.page == page_number]
    placed = [PlacedSlice(s, section, heading, starts) for s, section, heading, starts in findings.slices]
    spans = [row.pages for table in stitch_page_breaks(placed) for row in table.rows]
    return PageFindings(
        page=page_number,
        width=content.width,
        height=content.height,
        headers=tuple(header_lines(text_lines(content.chars), vocabulary)),
        slices=tuple(on_page),
        continued_from_previous=any(page_number - 1 in pages and page_number in pages for pages in spans),
        continues_on_next=any(page_number in pages and page_number + 1 in pages for pages in spans),
        legend=tuple(findings.legend),
    )
