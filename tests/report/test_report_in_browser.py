"""The meeting report opened in a real browser (headless Chromium): it loads without console errors
and without a single network request, its charts are drawn with the expected marks, and it prints.

The screenshot and the printed PDF are kept under pytest's tmp path (see the test's output).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from chromium import Chromium, chromium_executable

from followup.history.adding import add_document
from followup.history.queries import all_series, status_counts
from followup.history.store import connect
from followup.meeting_report.content import series_report
from followup.meeting_report.render import render_report

CHROMIUM = chromium_executable()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium;"
                                " .ci/run installs it when run as root)")

# The A4 page as Chromium prints it, in points; a print stylesheet that is ignored gives US Letter.
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def report(sample_documents, tmp_path_factory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("meeting-report")
    connection = connect(folder / "history.db")
    for document in sample_documents.values():
        add_document(connection, document)
    path = folder / "report.html"
    path.write_text(render_report(connection), encoding="utf-8")
    reports = [series_report(connection, s) for s in all_series(connection)]
    expected = {
        "status": sum(1 for s in all_series(connection) for row in status_counts(connection, s.series_id)
                      for status in ("done", "in_progress", "delayed", "unknown") if row[status]),
        "delayed": sum(len(r.longest_delayed) for r in reports),
        "moves": sum(len(r.moves_by_responsible) for r in reports),
        "timeline": sum(len(r.timeline_rows) for r in reports),
    }
    return path, expected


def test_report_loads_offline_renders_its_charts_and_prints(report, tmp_path):
    path, expected = report
    with Chromium(CHROMIUM, tmp_path / "profile") as browser:
        browser.open(path.as_uri())
        assert browser.evaluate("document.readyState") == "complete"
        assert browser.evaluate("document.documentElement.lang") == "sv"
        # Every chart is an SVG the browser laid out with a real size.
        sizes = browser.evaluate("[...document.querySelectorAll('figure.chart svg')]"
                                 ".map(s => [s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
        assert len(sizes) == 6  # three charts per series, two series
        assert all(width > 100 and height > 50 for width, height in sizes)
        for chart, count in (("status", expected["status"]), ("delayed", expected["delayed"]),
                             ("moves", expected["moves"])):
            marks = browser.evaluate(f"[...document.querySelectorAll('figure[data-chart={chart}] g[id^=\"bar-\"] path')]"
                                     ".filter(p => {{ const b = p.getBBox(); return b.width > 0 && b.height > 0; }}).length")
            assert marks == count, chart
        rows = browser.evaluate("document.querySelectorAll('table.timeline tbody tr').length")
        assert rows == expected["timeline"]
        screenshot, printed = tmp_path / "report.png", tmp_path / "report.pdf"
        browser.screenshot(screenshot)
        browser.print_pdf(printed)
        events = browser.events
    assert events.console_errors == []
    assert [url for url in events.requests if url != path.as_uri()] == [], "the report asked the network for something"
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
    pdf = printed.read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = {tuple(round(float(v)) for v in box.split()[2:]) for box in
             re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", pdf) for box in [box.decode()]}
    assert boxes == {A4_POINTS}
    print(f"\nscreenshot: {screenshot}\nprinted: {printed}")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_printed_report_keeps_the_swedish_text(report, tmp_path):
    import subprocess

    path, _ = report
    with Chromium(CHROMIUM, tmp_path / "profile") as browser:
        browser.open(path.as_uri())
        browser.print_pdf(tmp_path / "report.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("Status per uppföljning", "Längst försenade", "Tidslinje per aktivitet", "Försenat"):
        assert words in text


def test_the_browser_check_sees_a_remote_reference(report, tmp_path):
    """The offline assertions can fail: a report that refers to a remote image is caught."""
    path, _ = report
    spoiled = tmp_path / "spoiled.html"
    # 192.0.2.0/24 is reserved for documentation: nothing answers there.
    spoiled.write_text(path.read_text(encoding="utf-8").replace("<body>", '<body><img src="http://192.0.2.1/logo.png">'),
                       encoding="utf-8")
    with Chromium(CHROMIUM, tmp_path / "profile") as browser:
        browser.open(spoiled.as_uri())
        events = browser.events
    assert "http://192.0.2.1/logo.png" in events.requests
    assert any("192.0.2.1" in error for error in events.console_errors)
