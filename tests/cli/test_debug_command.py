"""`followup debug PDF --page N -o page.png`: what extract found on a page, drawn over it and said in words."""
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from followup.cli import main
from followup.extract.document import inspect_page
from followup.page_picture import PALETTE
from followup.schemas import Document

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "pdf" / "ystad-2024-03.pdf"
GROUP_ROWS = REPO / "tests" / "extract" / "data" / "group-rows-word.pdf"


def run(*arguments: str):
    return CliRunner().invoke(main, list(arguments))


def test_the_findings_of_a_page_agree_with_the_extracted_document(sample_documents: dict[str, Document]) -> None:
    document = sample_documents["ystad-2024-03"]
    findings = inspect_page(SAMPLE, 2)
    assert findings.page == 2 and len(findings.slices) == 1
    table = findings.slices[0]
    assert table.roles[:3] == ("area", "goal", "action") and "status" in table.roles
    # A row broken over pages 1|2 is drawn as the first row here; one over 2|3 as the last.
    on_page = [a for a in document.activities if 2 in a.pages]
    assert findings.continued_from_previous == any(a.pages[:2] == [1, 2] for a in on_page)
    assert findings.continues_on_next == any(a.pages[-2:] == [2, 3] for a in on_page)
    assert len([r for r in table.rows if r.group is None]) == len(on_page)


def test_debug_draws_the_page_with_its_rows_and_prints_what_it_found(tmp_path: Path) -> None:
    picture = tmp_path / "page2.png"
    result = run("debug", str(SAMPLE), "--page", "2", "-o", str(picture), "--resolution", "72")
    assert result.exit_code == 0, result.output
    assert "table 1:" in result.output and "columns: area, goal, action" in result.output
    findings = inspect_page(SAMPLE, 2)
    with Image.open(picture) as image:
        assert image.format == "PNG"
        # One pixel a point at 72 dpi (pdfplumber rounds the page's size up).
        assert abs(image.size[0] - findings.width) <= 1 and abs(image.size[1] - findings.height) <= 1
        # Each row's box is outlined in the row colour along its left edge.
        row = next(r for r in findings.slices[0].rows if r.group is None and r.bottom - r.top > 10)
        x = round(findings.slices[0].columns[0].x0)
        edge = [image.getpixel((x + dx, round((row.top + row.bottom) / 2))) for dx in (-1, 0, 1)]
        assert PALETTE.row[:3] in [tuple(pixel[:3]) for pixel in edge]


def test_group_rows_are_drawn_as_groups(tmp_path: Path) -> None:
    findings = inspect_page(GROUP_ROWS, 1)
    groups = [r.group for table in findings.slices for r in table.rows if r.group is not None]
    assert groups, "the group-row fixture has group rows on its first page"
    result = run("debug", str(GROUP_ROWS), "--page", "1", "-o", str(tmp_path / "groups.png"))
    assert result.exit_code == 0, result.output
    assert "group row" in result.output and groups[0].split()[0] in result.output


@pytest.mark.parametrize("page", ["0", "99"])
def test_a_page_the_report_does_not_have_is_a_usage_error(tmp_path: Path, page: str) -> None:
    result = run("debug", str(SAMPLE), "--page", page, "-o", str(tmp_path / "x.png"))
    assert result.exit_code == 2
    assert "--page" in result.output
    assert not (tmp_path / "x.png").exists()


def test_a_file_that_is_no_pdf_is_rejected_in_one_line(tmp_path: Path) -> None:
    not_pdf = tmp_path / "rapport.pdf"
    not_pdf.write_text("hej")
    result = run("debug", str(not_pdf), "--page", "1", "-o", str(tmp_path / "x.png"))
    assert result.exit_code == 3
    assert result.output.count("\n") == 1 and result.output.startswith("error:")


def test_the_picture_gets_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    import os

    picture = tmp_path / "page1.png"
    previous = os.umask(0o022)
    try:
        assert run("debug", str(SAMPLE), "--page", "1", "-o", str(picture), "--resolution", "36").exit_code == 0
    finally:
        os.umask(previous)
    assert picture.stat().st_mode & 0o777 == 0o644


def test_the_picture_reads_a_status_marker_as_extract_does() -> None:
    # A dot, a ● or an icon in the status cell is its marker; the picture once looked at the shading only.
    from followup.extract.tables import Cell
    from followup.normalize.vocabulary import load_vocabulary
    from followup.page_picture import status_label
    from followup.schemas import LegendEntry

    legend = [LegendEntry(colour="#2E75B6", label="Klart")]
    vocabulary = load_vocabulary()
    assert status_label(Cell(text="", marker="#2E75B6"), legend, vocabulary) == "done (colour)"
    assert status_label(Cell(text="Försenad", fill="#2E75B6"), legend, vocabulary) == "delayed (text)"
    assert status_label(None, legend, vocabulary) == "no status"
