"""The meeting report's HTML: self-contained, in Swedish, the charts' marks agree with the database."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from followup.history.adding import add_document
from followup.history.queries import all_series, status_counts
from followup.history.store import connect
from followup.meeting_report.content import series_report
from followup.meeting_report.render import render_report

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def history(sample_documents, tmp_path_factory):
    connection = connect(tmp_path_factory.mktemp("history") / "history.db")
    for document in sample_documents.values():
        add_document(connection, document)
    return connection


def expected_status_bars(connection) -> int:
    return sum(1 for series in all_series(connection) for row in status_counts(connection, series.series_id)
               for status in ("done", "in_progress", "delayed", "unknown") if row[status])


def test_the_report_is_self_contained_and_in_swedish(history):
    html = render_report(history)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    for heading in ("Status per uppföljning", "Sedan förra uppföljningen", "Klara sedan sist", "Nya aktiviteter",
                    "Borttagna aktiviteter", "Flyttade tidsgränser", "Längst försenade", "Tidslinje per aktivitet"):
        assert html.count(f"<h3>{heading}") + html.count(f"<h4>{heading}") == 2, heading  # once per series
    # Nothing to fetch: no scripts, no style sheets or images from elsewhere, no URL but SVG's namespaces.
    assert "<script" not in html and "<link" not in html and "<img" not in html
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert "@media print" in html and "size: A4" in html


def test_charts_have_one_mark_per_count_and_patterns_and_numbers(history):
    html = render_report(history)
    status_bars = re.findall(r'<g id="bar-(done|in_progress|delayed|unknown)-\d{4}-\d{2}"', html)
    assert len(status_bars) == expected_status_bars(history)
    reports = [series_report(history, s) for s in all_series(history)]
    delayed = re.findall(r'<g id="bar-delayed-\d+"', html)
    assert len(delayed) == sum(len(r.longest_delayed) for r in reports) > 0
    moves = re.findall(r'<g id="bar-moves-\d+"', html)
    assert len(moves) == sum(len(r.moves_by_responsible) for r in reports) > 0
    assert "<pattern" in html  # the hatches: status is not told by colour alone
    assert html.count('role="img"') == html.count("<svg")


def test_the_content_agrees_with_compare(history, sample_documents):
    from followup.compare import diff_documents
    from followup.compare.summary import completed

    ystad = next(s for s in all_series(history) if s.key.startswith("ystad"))
    report = series_report(history, ystad)
    diff = diff_documents(sample_documents["ystad-2024-03"], sample_documents["ystad-2024-09"],
                          old_file="old", new_file="new")
    assert len(report.completed) == sum(1 for c in diff.activities if completed(c))
    assert len(report.added) == diff.summary.added and len(report.removed) == diff.summary.removed
    assert {f"{a or 'unknown'} → {b or 'unknown'}": n for a, b, n in report.transitions} == diff.summary.status_transitions
    assert len(report.timeline_rows) == len(sample_documents["ystad-2024-09"].activities) + diff.summary.removed


def test_the_same_history_gives_the_same_report(history):
    assert render_report(history) == render_report(history)


def test_report_command_on_two_reports_and_on_a_database(tmp_path, sample_json_dir):
    two = tmp_path / "two.html"
    run = subprocess.run([sys.executable, "-m", "followup.cli", "report", str(sample_json_dir / "ystad-2024-09.json"),
                          str(sample_json_dir / "ystad-2024-03.json"), "-o", str(two)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    html = two.read_text(encoding="utf-8")
    assert "Sedan förra uppföljningen (2024-03 → 2024-09)" in html
    database = tmp_path / "history.db"
    subprocess.run([sys.executable, "-m", "followup.cli", "history", "add", str(database), str(sample_json_dir),
                    "--quiet"], check=True, cwd=ROOT)
    one = tmp_path / "one.html"
    run = subprocess.run([sys.executable, "-m", "followup.cli", "report", str(database), "--series", "medicin",
                          "-o", str(one)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    text = one.read_text(encoding="utf-8")
    assert "VO Medicin" in text and "ystad" not in text


def test_each_series_is_painted_in_its_own_legends_colours(history, sample_documents):
    """The Word report's legend is KLART #00B050 / ARBETE PÅGÅR #FFC000 / FÖRSENAT #FF0000, the web
    report's #92D050 / #FFC000 / #C00000: each section's statuses, badges and bars use its own."""
    html = render_report(history)
    for name in ("ystad-2024-09", "medicin-web-2024-11"):
        legend = {entry.status: entry.colour for entry in sample_documents[name].legend if entry.status}
        assert set(legend) == {"done", "in_progress", "delayed"}
        key = next(s.key for s in all_series(history) if s.key.startswith(name.rsplit("-", 2)[0]))
        section = html[html.index(f'<section class="series" id="{key}"'):]
        section = section[:section.index("</section>")]
        opening = section[:section.index(">")]
        for status, colour in legend.items():
            assert f"--{status}: {colour};" in opening
            # matplotlib writes the bar colours in lower case
            assert colour.lower() in section.lower(), (name, status)
