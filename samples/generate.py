"""Regenerate the sample reports: `python -m samples.generate [NAME ...]` from the repository root.

Renders every content file in samples/content/ to samples/pdf/NAME.pdf with the producer it names
(Word through LibreOffice, HTML through WeasyPrint, HTML printed by headless Chromium, or a
spreadsheet exported by LibreOffice Calc), writes
samples/expected/NAME.json from the content, and for every report that names a `previous` period the expected diff
samples/expected/OLD__NEW.diff.json.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from samples.expected import expected_diff, expected_document
from samples.model import Report, load_report

SAMPLES = Path(__file__).resolve().parent
CONTENT = SAMPLES / "content"
PDF = SAMPLES / "pdf"
EXPECTED = SAMPLES / "expected"


def load_all() -> dict[str, Report]:
    """Every sample report's content, by name."""
    return {path.stem: load_report(path) for path in sorted(CONTENT.glob("*.toml"))}


def source_date_epoch(report: Report) -> int:
    """A fixed creation time per report (its period's first day), so reruns give the same metadata."""
    year, month = (int(part) for part in report.period.split("-"))
    return int(datetime(year, month, 1, 9, 0, tzinfo=UTC).timestamp())


def render(report: Report, folder: Path = PDF) -> Path:
    """Write the report's PDF with its producer into `folder`."""
    folder.mkdir(exist_ok=True)
    target = folder / report.pdf_name
    if report.producer == "word":
        from samples.word_report import render_word
        render_word(report, target, source_date_epoch(report))
    elif report.producer == "sheet":
        from samples.sheet_report import render_sheet
        render_sheet(report, target, source_date_epoch(report))
    elif report.producer == "fpdf":
        from samples.planner_report import render_planner
        render_planner(report, target, source_date_epoch(report))
    elif report.producer == "pdflib":
        from samples.pdf_library_report import render_pdflib
        render_pdflib(report, target, source_date_epoch(report))
    elif report.producer == "browser":
        from samples.browser_report import render_browser
        render_browser(report, target, source_date_epoch(report))
    else:
        from samples.web_report import render_web
        render_web(report, target, source_date_epoch(report))
    return target


def _write_json(path: Path, value: dict) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_expected(reports: dict[str, Report]) -> None:
    """Write every expected document and every expected diff from the content."""
    EXPECTED.mkdir(exist_ok=True)
    for report in reports.values():
        _write_json(EXPECTED / f"{report.name}.json", expected_document(report))
        if report.previous:
            old = reports[report.previous]
            _write_json(EXPECTED / f"{old.name}__{report.name}.diff.json", expected_diff(old, report))


def main(argv: list[str]) -> int:
    """Render the named reports (all when none are named) and rewrite every expected file."""
    reports = load_all()
    unknown = [name for name in argv if name not in reports]
    if unknown:
        print(f"unknown sample(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    # Rendered beside the committed PDFs first and moved into place only when every one succeeded:
    # a producer failing halfway never leaves the samples half old, half new.
    PDF.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".rendering-", dir=SAMPLES) as staging:
        rendered = [render(reports[name], Path(staging)) for name in argv or reports]
        for path in rendered:
            os.replace(path, PDF / path.name)
            print(f"wrote {(PDF / path.name).relative_to(SAMPLES.parent)}")
    write_expected(reports)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
