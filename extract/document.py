"""A whole report PDF → RawDocument: every page read once, tables stitched, legend and milestones found."""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, get_args

from followup.extract.errors import InputRejected, printable_name, technical_detail
from followup.extract.headers import HeaderBand, HeaderVocabulary, load_header_vocabulary, section_of_heading
from followup.extract.legend import find_glyph_legend, find_legend
from followup.extract.limits import ResourceLimit, memory_exhausted
from followup.extract.milestones import find_milestones
from followup.extract.opening import DAMAGED, DAMAGED_AFTER_REPAIR, needs_repair, open_report
from followup.extract.page_content import Box, PageContent, picture_fills
from followup.extract.page_furniture import (
    PrintedRun,
    margin_places,
    margin_runs,
    recurs_on_page,
    running_header_chars,
    top_of_caption,
    without_page_numbers,
)
from followup.extract.readers import DEFAULT_READER, page_reader
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.stitching import PlacedSlice, stitch_page_breaks
from followup.extract.tables import (
    PageContext,
    TableSlice,
    continue_table,
    find_table_slices,
    header_lines,
    note_cut_words_by_text_edges,
    top_of_same_grid,
)
from followup.extract.text_lines import CharIndex, TextLine, text_lines
from followup.schemas import LegendEntry, RawDocument, RawTable
from followup.schemas.codes import WarningCode
from followup.schemas.document import Warning
from followup.schemas.raw import ColumnRole

# Warning codes of problems with the file itself (the others are normalize.warnings').
REPAIRED: WarningCode = "repaired"
PAGE_UNREADABLE: WarningCode = "page_unreadable"
# A page with text on which no activity table was found (see _page_without_rows_warning).
PAGE_WITHOUT_ROWS: WarningCode = "page_without_rows"


@dataclass(frozen=True)
class _Reading:
    """How a report's pages are read: the page reader, the header vocabulary and the tolerances."""

    reader: str
    vocabulary: HeaderVocabulary
    settings: ExtractSettings = DEFAULT_SETTINGS


@dataclass(frozen=True)
class SectionHeading:
    """A section heading printed outside the tables ("Klara aktiviteter"): the tables below it are
    of its section until the next one."""

    top: float
    text: str
    section: str


@dataclass
class _Findings:
    """What the pages told us, in document order (filled page by page by _read_findings)."""

    slices: list[PlacedSlice] = field(default_factory=list)
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
    # The previous page's text in its margins, with the running header found there (page_furniture.PrintedRun).
    previous_page_runs: list[PrintedRun] = field(default_factory=list)
    previous_margin_places: frozenset[tuple[str, float, float]] = frozenset()
    # Pages just read with a ruled table but no header and no table above to continue: a later page's
    # header whose columns share their rules names them (_keep_or_read_headerless).
    headerless: list[PageContext] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class HashedFile:
    """A file with the SHA-256 its caller has computed already (a batch hashes each input once)."""

    path: Path
    sha256: str


def read_raw_document(path: Path | HashedFile, *, password: str | None = None, reader: str = DEFAULT_READER,
                      repair: bool = True, settings: ExtractSettings = DEFAULT_SETTINGS) -> RawDocument:
    """Read a follow-up report PDF into its raw tables; raises InputRejected when it cannot.

    `reader` names the page reader (extract/readers: "pdfminer", "pdfium", "pdfplumber"); `settings`
    holds the tolerances the pages are read with (extract.settings; the defaults unless given).
    A file or a page pdfminer cannot read is repaired by qpdf in memory and read again; the
    document then carries a `repaired` warning, and a page that still cannot be read a
    `page_unreadable` warning; `repair=False` rejects such a file as damaged instead (to measure
    what repair gains). Resource limits (extract.limits) become `too_large` / `timeout`. A HashedFile's
    SHA-256 is taken as given, so the file is not hashed again.
    """
    known_sha256 = path.sha256 if isinstance(path, HashedFile) else None
    path = Path(path.path if isinstance(path, HashedFile) else path)
    page_reader(reader)  # an unknown name fails before the file is opened
    reading = _Reading(reader, load_header_vocabulary(), settings)
    repaired = False
    # The damage lost nothing: the file read to the end and its repaired copy reads the same.
    harmless_damage = False
    try:
        findings, page_count = _read_pages(path, password, reading, repair=False)
    except _NeedsRepair as damage:
        if not repair:
            raise damage.rejection from None
        findings, page_count = _read_pages(path, password, reading, repair=True, original=damage.rejection)
        repaired = True
        harmless_damage = damage.as_read == (page_count, findings.chars)
    note = " (qpdf finds the file damaged, but its repaired copy reads the same)" if harmless_damage else ""
    # Text read or left out (mirrored, or running across the rest of its page) is text all the same:
    # such a file has a text layer, only no table followup can read.
    if findings.chars == 0:
        if repaired and not harmless_damage:
            raise InputRejected(f"{DAMAGED_AFTER_REPAIR} (no text is left in it)", code="damaged")
        raise InputRejected(f"no text layer (a scanned PDF?){note}", code="no_text")
    if not findings.slices:
        if repaired and not harmless_damage:
            raise InputRejected(f"{DAMAGED_AFTER_REPAIR} (no activity table is left in it)", code="damaged")
        raise InputRejected(f"no activity table found{note}", code="no_table")
    note_cut_words_by_text_edges([placed.slice for placed in findings.slices], settings)
    return RawDocument(
        file=printable_name(path),
        sha256=known_sha256 or file_sha256(path),
        pages=page_count,
        title=findings.title,
        preamble=findings.preamble,
        milestones=findings.milestones,
        legend=findings.legend,
        tables=[with_extra_columns(table) for table in stitch_page_breaks(findings.slices, settings)],
        warnings=findings.warnings,
    )


class _NeedsRepair(Exception):
    """The file as it is could not be read whole; qpdf's repaired copy is tried next.

    `as_read`: (pages, characters) when the file itself was read to the end and only found nothing
    (qpdf calls it damaged): if the repaired copy finds nothing either and reads the same, the damage
    lost nothing, and the reason is what the file lacks, not the damage.
    """

    def __init__(self, rejection: InputRejected, as_read: tuple[int, int] | None = None) -> None:
        super().__init__(rejection.reason)
        self.rejection = rejection
        self.as_read = as_read


def _read_pages(path: Path, password: str | None, reading: _Reading, *, repair: bool,
                original: InputRejected | None = None) -> tuple[_Findings, int]:
    """Every page of the file (or of its repaired copy) read into findings; (findings, page count)."""
    try:
        pdf = open_report(path, password, repair=repair)
    except InputRejected as rejected:
        if rejected.code == "damaged" and not repair:
            raise _NeedsRepair(rejected) from None
        raise
    except ResourceLimit as exceeded:
        raise exceeded.rejection() from None
    findings = _Findings()
    if repair:
        findings.warnings.append(_repaired_warning(original))
    limit: ResourceLimit | None = None
    exhausted = False
    read_from = page_reader(reading.reader)
    try:
        page_count = len(pdf.pages)
        pages = read_from(pdf, 0, reading.settings)
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
                pages = read_from(pdf, number, reading.settings)  # a reader stops at its first error: go on after the page
                continue
            tables_before = len(findings.slices)
            _read_findings(content, reading, findings)
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
        raise _NeedsRepair(InputRejected(DAMAGED, code="damaged"), as_read=(page_count, findings.chars))
    return findings, page_count


def _out_of_memory(error: BaseException | None) -> bool:
    """Whether the error is memory running out, perhaps wrapped by pdfplumber or pdfminer."""
    seen = 0
    while error is not None and seen < 8:
        if isinstance(error, MemoryError) or any(isinstance(arg, MemoryError) for arg in error.args):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


class _Closable(Protocol):
    def close(self) -> None: ...


def _close_quietly(pdf: _Closable) -> None:
    """Close the PDF even when memory has run out; closing must never replace the real reason."""
    with contextlib.suppress(Exception, MemoryError):
        pdf.close()


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


def _read_findings(page: PageContent, reading: _Reading, findings: _Findings) -> None:
    """Add what one page tells to the findings: its tables in their sections, and the title,
    preamble, milestones and legend where they are still to be found."""
    findings.chars += len(page.chars) + page.unread_text
    if not page.chars:
        return
    ctx, running = _page_context(page, reading, findings)
    findings.previous_page_runs = [*margin_runs(ctx.lines, page.height), *(run for run, _ in running)]
    findings.previous_margin_places = margin_places(page.chars, page.height)
    _forget_page_number_group(ctx, findings)
    headers = header_lines(ctx.lines, reading.vocabulary, reading.settings)
    slices = _page_slices(ctx, headers, findings)
    _keep_or_read_headerless(ctx, slices, findings)
    regions = _table_regions(ctx, slices)
    outside = _lines_outside(ctx.lines, regions)
    if not findings.first_page_seen:
        findings.first_page_seen = True
        _read_front_matter(ctx, slices, findings)
    if not findings.slices:
        findings.milestones.extend(find_milestones(ctx.page, ctx.index, regions, reading.settings))
    _read_legend(ctx, regions, outside, findings)
    # The running header left out is still a line the next page may print alone.
    findings.previous_page_lines = {_line_key(line, ctx.settings) for line in [*ctx.lines, *(line for _, line in running)]}
    events: list[SectionHeading | TableSlice] = [*slices, *_section_headings(outside, reading)]
    for event in sorted(events, key=_top_of):
        match event:
            case SectionHeading():
                findings.section, findings.heading, findings.new_table = event.section, event.text, True
            case TableSlice():
                _place_slice(event, findings)


def _keep_or_read_headerless(ctx: PageContext, slices: list[TableSlice], findings: _Findings) -> None:
    """Keep a page with a ruled table but no header for a later header to name; on a page with a
    table, read the pages kept with the columns of its first table when their rules stand at those
    columns' edges (WeasyPrint prints a table whose first row is taller than a page from the next
    page on, without the header it repeats on every later page)."""
    if not slices:
        if any(r.orientation == "v" for r in ctx.page.rulings) \
                and len(findings.headerless) < ctx.settings.headerless_pages:
            findings.headerless.append(ctx)
        else:
            findings.headerless.clear()
        return
    kept, findings.headerless = findings.headerless, []
    first = min(slices, key=lambda s: s.header_top)
    named: list[TableSlice] = []
    for page_ctx in reversed(kept):  # the pages right before this one, back to the first that differs
        top = top_of_same_grid(page_ctx, first.columns)
        table = continue_table(page_ctx, first, top, page_ctx.page.height) if top is not None else None
        if table is None:
            break
        named.insert(0, table)
    for table in named:
        findings.warnings = [w for w in findings.warnings if not (w.code == PAGE_WITHOUT_ROWS and w.page == table.page)]
        _place_slice(table, findings)


def _page_context(page: PageContent, reading: _Reading,
                  findings: _Findings) -> tuple[PageContext, list[tuple[PrintedRun, TextLine]]]:
    """The page as the table readers see it: its lines and character index, page numbers and a
    running header a table's rows reach into (page_furniture.running_header_chars) left out; with
    the running header's runs so found, each with its line."""
    settings = reading.settings
    index = CharIndex(page.chars)
    lines = index.text_lines(settings)
    chars = without_page_numbers(page.chars, lines, page.height, settings, page.number)
    running = running_header_chars(chars, findings.previous_page_runs, findings.previous_margin_places,
                                   page.height, settings)
    if running:
        furniture = {id(c) for _, line in running for c in line.chars}
        chars = [c for c in chars if id(c) not in furniture]
    if len(chars) < len(page.chars):
        page = dataclasses.replace(page, chars=chars)
        index = CharIndex(chars)
        lines = index.text_lines(settings)
    return PageContext(page, lines, index, reading.vocabulary, reading.settings), running


def _forget_page_number_group(ctx: PageContext, findings: _Findings) -> None:
    """The line that ended the last page's table, taken for a group row, is that page's number when
    this page prints it again (digits aside)."""
    last = findings.slices[-1].slice if findings.slices else None
    if last is not None and last.trailing_group is not None \
            and recurs_on_page(last.trailing_group, ctx.lines, ctx.settings):
        last.trailing_group = None  # the last page's number, not a group row


def _page_slices(ctx: PageContext, headers: list[HeaderBand], findings: _Findings) -> list[TableSlice]:
    """The page's tables, top to bottom: the last page's table continued without its header first."""
    slices = find_table_slices(ctx, headers)
    for table in slices:
        if table.caption is not None and _line_key(table.caption, ctx.settings) in findings.previous_page_lines:
            table.caption = None  # the running header, printed on every page: no heading of its own
    continued = _table_continued_without_header(ctx, headers, findings)
    if continued is not None:
        slices.insert(0, continued)
    return slices


def _table_regions(ctx: PageContext, slices: list[TableSlice]) -> list[Box]:
    """Where the page's tables lie, across the page's width: what is inside is no legend or heading."""
    pad = ctx.settings.table_region_pad
    return [Box(0, s.header_top - pad, ctx.page.width, s.bottom + pad) for s in slices]


def _lines_outside(lines: Sequence[TextLine], regions: list[Box]) -> list[TextLine]:
    """The lines outside every table region, by their middle: a line printed right under a table's
    last rule may touch it with its ascenders."""
    return [line for line in lines
            if not any(r.top <= (line.box.top + line.box.bottom) / 2 <= r.bottom for r in regions)]


def _read_legend(ctx: PageContext, regions: list[Box], outside: list[TextLine], findings: _Findings) -> None:
    """The status legend outside the tables, kept when it names more statuses than the one found so far."""
    settings = ctx.settings
    if len(findings.legend) >= settings.min_legend_entries:
        return
    # A single marker with a label may be something else (a note box); keep looking for a key.
    # Icons drawn as pictures are swatches too (a legend made of the status icons).
    shapes = [f for f in ctx.page.fills + picture_fills(ctx.page.pictures) if not _inside_any(f.box, regions, settings)]
    legend = find_legend(shapes, outside, settings)
    # A key tells statuses apart by colour: shaded cells all in one colour (a milestone table's
    # cells) are no legend when coloured symbols on the page are one ("● Genomförd").
    if len({entry.colour for entry in legend}) < 2:
        legend = find_glyph_legend(outside, settings) or legend
    if len(legend) > len(findings.legend):
        findings.legend = legend


def _section_headings(outside: list[TextLine], reading: _Reading) -> list[SectionHeading]:
    """The section headings among the lines outside the tables, top to bottom."""
    headings = []
    for line in outside:
        text = line.text_with(reading.settings.word_gap)
        section = section_of_heading(text, reading.vocabulary)
        if section is not None:
            headings.append(SectionHeading(line.box.top, text, section))
    return headings


def _top_of(event: SectionHeading | TableSlice) -> float:
    """Where a heading or a table starts on its page (the order they are read in)."""
    match event:
        case SectionHeading():
            return event.top
        case TableSlice():
            return event.header_top


def _place_slice(table: TableSlice, findings: _Findings) -> None:
    """Add a table slice under the section and heading above it; a completed table is known by the
    Ny tid column it lacks even without its heading."""
    if not findings.new_table and _completed_table_without_heading(findings, table):
        findings.section, findings.heading, findings.new_table = "done", None, True
    findings.slices.append(PlacedSlice(table, findings.section, findings.heading, findings.new_table))
    findings.new_table = False


def _table_continued_without_header(ctx: PageContext, headers: list[HeaderBand], findings: _Findings) -> TableSlice | None:
    """Rows at the top of a page that continue the last page's table when its header is not repeated."""
    if not findings.slices or findings.slices[-1].slice.page != ctx.page.number - 1:
        return None
    lines, clearance = ctx.lines, ctx.settings.limit_clearance
    stops = [top_of_caption(h, h.size, lines, ctx.settings) for h in headers]
    stops += [line.box.top for line in lines if section_of_heading(line.text_with(ctx.settings.word_gap), ctx.vocabulary)]
    limit = min(stops, default=ctx.page.height) - clearance
    # The running header is printed at the same place on every page; the table resumes below it.
    body = [line for line in lines
            if line.box.top < limit and _line_key(line, ctx.settings) not in findings.previous_page_lines]
    if not body:
        return None
    return continue_table(ctx, findings.slices[-1].slice, body[0].box.top - clearance, limit)


def _line_key(line: TextLine, settings: ExtractSettings) -> tuple[int, str]:
    return round(line.box.top), line.text_with(settings.word_gap)


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
    previous = findings.slices[-1].slice
    return (previous.roles != table.roles and "new_deadline" in previous.roles
            and "new_deadline" not in table.roles)


def _read_front_matter(ctx: PageContext, slices: list[TableSlice], findings: _Findings) -> None:
    """Title (the largest text above the first table) and the lines around it."""
    first_top = slices[0].header_top if slices else ctx.page.height
    lines = [line for line in ctx.lines if line.box.bottom <= first_top]
    if not lines:
        return
    settings = ctx.settings
    largest = max(line.size for line in lines)
    title_lines = [line for line in lines if abs(line.size - largest) < settings.title_size_tolerance]
    findings.title = " ".join(line.text_with(settings.word_gap) for line in title_lines)
    findings.preamble = [line.text_with(settings.word_gap) for line in lines
                         if line not in title_lines][:settings.preamble_lines]


def _inside_any(box: Box, regions: list[Box], settings: ExtractSettings) -> bool:
    return any(region.overlap(box) > settings.region_share * box.area for region in regions)


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
                 settings: ExtractSettings = DEFAULT_SETTINGS) -> PageFindings:
    """Read the report up to the page after `page_number` (1-based) and say what was found on that page.

    The pages before it are read too, as they decide its section and whether its first rows continue a
    table; raises InputRejected when the file cannot be opened and ValueError for a page it does not have.
    """
    reading = _Reading(reader, load_header_vocabulary(), settings)
    pdf = open_report(Path(path), password, repair=True)
    findings = _Findings()
    try:
        page_count = len(pdf.pages)
        if not 1 <= page_number <= page_count:
            raise ValueError(f"the report has pages 1–{page_count}, not {page_number}")
        content: PageContent | None = None
        first_on_page = 0
        for page in page_reader(reader)(pdf, 0, settings):
            if page.number == page_number:
                content, first_on_page = page, len(findings.slices)
            _read_findings(page, reading, findings)
            if page.number > page_number:
                break
    finally:
        _close_quietly(pdf)
    assert content is not None  # the reader yields every page up to page_count
    on_page = [placed.slice for placed in findings.slices[first_on_page:] if placed.slice.page == page_number]
    spans = [row.pages for table in stitch_page_breaks(findings.slices, settings) for row in table.rows]
    return PageFindings(
        page=page_number,
        width=content.width,
        height=content.height,
        headers=tuple(header_lines(text_lines(content.chars, settings), reading.vocabulary, settings)),
        slices=tuple(on_page),
        continued_from_previous=any(page_number - 1 in pages and page_number in pages for pages in spans),
        continues_on_next=any(page_number in pages and page_number + 1 in pages for pages in spans),
        legend=tuple(findings.legend),
    )
