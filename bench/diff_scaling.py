"""How `followup diff` scales: time and peak memory at 500, 2,000 and 5,000 activities.

Two cases per size: a typical next period (most ids unchanged, some texts edited, some added and
removed) and the worst case, every id changed by a small edit to every area, so that every
activity is matched by its text. Each case runs in a fresh process, so its peak memory is its own.

    python -m bench.diff_scaling            # all sizes, a table on stdout
    python -m bench.diff_scaling --one 2000 every_id_changed DOCUMENTS.json
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import periods
from followup.schemas import Document

SIZES = (500, 2000, 5000)
CASES = ("typical", "every_id_changed")
REPO = Path(__file__).resolve().parents[1]


def two_periods(documents: list[Document], size: int, case: str) -> tuple[Document, Document]:
    """Two periods of one `size`-activity report made from the given documents' activities."""
    old = periods.large_report(documents, size)
    new = periods.next_period(old, added=periods.fresh_activities(documents, size))
    if case == "every_id_changed":
        edited = [a.model_copy(update={"id": f"{a.id}-rev", "area": f"{a.area or ''} (rev)"}) for a in new.activities]
        new = new.model_copy(update={"activities": edited})
    return old, new


def measure_one(size: int, case: str, documents_json: Path) -> dict[str, float]:
    """Diff the two periods in this process: seconds and this process's peak memory (MB)."""
    from followup.compare.api import diff_documents

    documents = [Document.model_validate(d) for d in json.loads(documents_json.read_text("utf-8"))]
    old, new = two_periods(documents, size, case)
    started, started_cpu = time.perf_counter(), time.process_time()
    diff = diff_documents(old, new, old_file="old.json", new_file="new.json")
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - started_cpu
    peak_mb = _peak_resident_mb()
    # CPU seconds count every thread (the pair scoring runs on every core): on a quiet machine the
    # wall time is at most this; on a shared one the wall time also holds the waits for a core.
    return {"activities": size, "case": case, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_rss_mb": peak_mb,
            "paired": sum(1 for c in diff.activities if c.old is not None and c.new is not None)}


def _peak_resident_mb() -> float:
    """This process's own peak resident set: VmHWM, not ru_maxrss, which Linux carries over from the
    forked parent across exec (under `make bench` the parent holds camelot and a JVM)."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def measure_all(documents: list[Document]) -> list[dict[str, float]]:
    """Every size and case, each in a fresh interpreter."""
    results = []
    with tempfile.TemporaryDirectory(prefix="followup-diff-") as folder:
        documents_json = Path(folder) / "documents.json"
        documents_json.write_text(json.dumps([d.model_dump(mode="json") for d in documents]), encoding="utf-8")
        for size in SIZES:
            for case in CASES:
                completed = subprocess.run(
                    [sys.executable, "-m", "bench.diff_scaling", "--one", str(size), case, str(documents_json)],
                    cwd=REPO, capture_output=True, text=True, check=True)
                results.append(json.loads(completed.stdout))
    return results


def render(results: list[dict[str, float]]) -> str:
    """The Markdown table of the README."""
    lines = ["| activities | case | seconds | CPU seconds | peak memory | pairs found |", "|---:|---|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['activities']:,} | {r['case'].replace('_', ' ')} | {r['seconds']:.2f} | "
                     f"{r.get('cpu_seconds', float('nan')):.2f} | {r['peak_rss_mb']:.0f} MB | {r['paired']:,} |")
    return "\n".join(lines)


def sample_documents() -> list[Document]:
    """The committed samples, extracted: the activities the large reports are made of."""
    from followup.pipeline import extract_document

    return [extract_document(pdf) for pdf in sorted((REPO / "samples" / "pdf").glob("*.pdf"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", nargs=3, metavar=("SIZE", "CASE", "DOCUMENTS_JSON"), help="measure one case here")
    args = parser.parse_args(argv)
    if args.one:
        size, case, documents_json = args.one
        print(json.dumps(measure_one(int(size), case, Path(documents_json))))
        return 0
    print(render(measure_all(sample_documents())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
