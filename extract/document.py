"""A whole report PDF → RawDocument: every page read once, tables stitched, legend and milestones found."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from extract.errors import InputRejected
from extract.headers import HeaderVocabulary, load_header_vocabulary, section_of_heading
from extract.legend import find_glyph_legend, find_legend
from extract.milestones import find_milestones
from extract.page_furniture import recurs_on_page, top_of_header
from extract.opening import open_report
from extract.page_content import Box, PageContent, read_page
from extract.stitching import PlacedSlice, stitch_page_breaks
from extract.tables import TableSlice, continue_table, find_table_slices, header_lines
from extract.text_lines import CharIndex, TextLine, text_lines
from schemas import LegendEntry, RawDocument

# Lines of the first page kept as preamble (where the period line is printed).
PREAMBLE_LINES = 15


@dataclass
class _Findings:
    """What the pages told us, in document order."""

    slices: list[tuple[TableSlice, str, Optional[str], bool]] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    milestones: list[str] = field(default_factory=list)
    title: Optional[str] = None
    preamble: list[str] = field(default_factory=list)
    chars: int = 0
    section: str = "active"
    heading: Optional[str] = None
    new_table: bool = True
    first_page_seen: bool = False
    previous_page_lines: set[tuple[int, str]] = field(default_factory=set)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_raw_document(path: Path, *, password: Optional[str] = None,
                      headers: Optional[HeaderVocabulary] = None) -> RawDocument:
    """Read a follow-up report PDF into its raw tables; raises InputRejected when it cannot."""
    path = Path(path)
    vocabulary = headers or load_header_vocabulary()
    pdf = open_report(path, password)
    findings = _Findings()
    try:
        page_count = len(pdf.pages)
        for page in pdf.pages:
            try:
                content = read_page(page)
            except InputRejected:
                raise
            except Exception as error:
                raise InputRejected(f"damaged PDF (page {page.page_number}: {_short(error)})", code="damaged") from None
            finally:
                page.close()  # release pdfplumber's caches: memory stays flat on long reports
            _read_findings(content, vocabulary, findings)
    finally:
        pdf.close()
    if findings.chars == 0:
        raise InputRejected("no text layer (a scanned PDF?)", code="no_text")
    if not findings.slices:
        raise InputRejected("no activity table found", code="no_table")
    placed = [PlacedSlice(s, section, heading, starts) for s, section, heading, starts in findings.slices]
    return RawDocument(
        file=path.name,
        sha256=file_sha256(path),
        pages=page_count,
        title=findings.title,
        preamble=findings.preamble,
        milestones=findings.milestones,
        legend=findings.legend,
        tables=stitch_page_breaks(placed),
    )


def _read_findings(page: PageContent, vocabulary: HeaderVocabulary, findings: _Findings) -> None:
    findings.chars += len(page.chars)
    if not page.chars:
        return
    index = CharIndex(page.chars)
    lines = text_lines(page.chars)
    if findings.slices and findings.slices[-1][0].trailing_group is not None \
            and recurs_on_page(findings.slices[-1][0].trailing_group, lines):
        findings.slices[-1][0].trailing_group = None  # the last page's number, not a group row
    headers = header_lines(lines, vocabulary)
    slices = find_table_slices(page, lines, index, headers, vocabulary)
    continued = _table_continued_without_header(page, lines, index, headers, vocabulary, findings)
    if continued is not None:
        slices.insert(0, continued)
    regions = [Box(0, s.header_top - 2, page.width, s.bottom + 2) for s in slices]
    outside = [line for line in lines if not any(r.top <= line.box.top <= r.bottom for r in regions)]

    if not findings.first_page_seen:
        findings.first_page_seen = True
        first_top = slices[0].header_top if slices else page.height
        _read_front_matter([line for line in lines if line.box.bottom <= first_top], findings)
    if not findings.slices:
        findings.milestones.extend(find_milestones(page, index, regions))
    if not findings.legend:
        shapes = [f for f in page.fills if not _inside_any(f.box, regions)]
        findings.legend = find_legend(shapes, outside) or find_glyph_legend(outside)

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
) -> Optional[TableSlice]:
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


def _short(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:120]
