"""Timing the history: `history add` of 40 reports, `history show` and `report` on that database, its size.

The 40 reports are the sample pairs repeated as periods: two series (the Word pair and the web
pair), 20 quarterly periods each, alternating the older and the newer sample of the pair, so that
every period differs from the one before as a real follow-up does (statuses, deadlines, texts,
added and removed activities). Each is an extracted JSON document with its period and file name
shifted. Every command runs as a fresh process, as a user runs it.

    python -m bench.history [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.machine import describe_machine
from followup.output import document_json
from followup.pipeline import extract_document

ROOT = Path(__file__).resolve().parents[1]
PAIRS = {"ystad": ("ystad-2024-03", "ystad-2024-09"), "medicin-web": ("medicin-web-2024-05", "medicin-web-2024-11")}
PERIODS_PER_SERIES = 20
FIRST_YEAR = 2020


def quarterly_periods(count: int) -> list[str]:
    """2020-01, 2020-04, 2020-07, … (three or four reports a year)."""
    return [f"{FIRST_YEAR + i // 4}-{1 + 3 * (i % 4):02d}" for i in range(count)]


def write_reports(folder: Path) -> list[Path]:
    """The 40 JSON reports, written into folder."""
    written = []
    for prefix, (older, newer) in PAIRS.items():
        documents = [extract_document(ROOT / "samples" / "pdf" / f"{name}.pdf") for name in (older, newer)]
        for index, period in enumerate(quarterly_periods(PERIODS_PER_SERIES)):
            document = documents[index % 2]
            name = f"{prefix}-{period}"
            shifted = document.model_copy(update={
                "period": period, "source": document.source.model_copy(update={"file": f"{name}.pdf"})})
            path = folder / f"{name}.json"
            path.write_text(document_json(shifted), encoding="utf-8")
            written.append(path)
    return written


def longest_lived(database: Path) -> str:
    """The identity key of an activity present in the most periods."""
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT i.key FROM identities i JOIN activities a USING (identity_id) "
                                  "GROUP BY i.identity_id ORDER BY COUNT(*) DESC, i.key LIMIT 1").fetchone()[0]


def timed(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "followup.cli", *args], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command; the median is reported")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "reports").mkdir()
        reports = write_reports(folder / "reports")
        results: dict[str, list[float]] = {"add": [], "add again (replace all)": [], "show": [],
                                           "show --activity": [], "report": []}
        size = html_size = 0
        for run in range(runs):
            database = folder / f"history-{run}.db"
            results["add"].append(timed("history", "add", str(database), *map(str, reports), "--quiet"))
            results["add again (replace all)"].append(timed("history", "add", str(database), *map(str, reports),
                                                           "--quiet"))
            results["show"].append(timed("history", "show", str(database)))
            results["show --activity"].append(timed("history", "show", str(database), "--activity",
                                                    longest_lived(database)))
            html = folder / "report.html"
            results["report"].append(timed("report", str(database), "-o", str(html)))
            size, html_size = database.stat().st_size, html.stat().st_size
    summary = {
        "machine": describe_machine(),
        "reports": len(reports),
        "seconds": {name: round(statistics.median(values), 3) for name, values in results.items()},
        "database_bytes": size,
        "report_html_bytes": html_size,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
