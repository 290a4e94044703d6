"""OUTDIR/report.json, the run report (also the next run's skip cache), and the one-screen summary."""
from __future__ import annotations

import json
from pathlib import Path

from followup.batch.model import BatchSettings, BatchSummary
from followup.batch_tables import TABLE_FILES
from followup.extract.errors import printable_path

RUN_REPORT = "report.json"
ACTIVITIES_CSV = TABLE_FILES["csv"]


def run_report_json(summary: BatchSummary, settings: BatchSettings, fingerprint: str | None = None) -> str:
    """The run report: settings, totals and one entry per input in input order.

    `fingerprint`: settings.fingerprint() as the run computed it (computed here when not given).
    """
    from followup.schemas.run_report import RUN_REPORT_VERSION, RunReport

    report = {
        "schema_version": RUN_REPORT_VERSION,
        "settings": {
            "period": settings.period,
            "vocabulary": [str(p) for p in settings.vocabulary_files],
            "jobs": settings.jobs,
            "timeout": settings.timeout,
            "force": settings.force,
            "fingerprint": fingerprint or settings.fingerprint(),
        },
        "summary": {
            "inputs": len(summary.results),
            "ok": summary.ok_count,
            "failed": len(summary.failed),
            "duplicates": len(summary.duplicates),
            "interrupted": summary.interrupted,
            "skipped": summary.skipped_count,
            "pages": summary.pages_extracted,
            "activities": summary.activities,
            "seconds": round(summary.seconds, 3),
            "pages_per_second": round(summary.pages_per_second, 2) if summary.pages_per_second else None,
            "peak_memory_mb": summary.peak_memory_mb,
        },
        "inputs": [result.model_dump(mode="json") for result in summary.results],
        # Outputs of inputs no longer given (or now duplicates); `pruned`: removed by this run.
        "stale": summary.stale,
        "pruned": summary.pruned,
    }
    # Held to the public model (schemas.run_report) before it is written: a field added here
    # without the model fails every batch test.
    RunReport.model_validate(report)
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def summary_lines(summary: BatchSummary, outdir: Path) -> list[str]:
    """The one-screen summary of a run (the failed files are listed separately)."""
    rate = f"{summary.pages_per_second:.1f} pages/s" if summary.pages_per_second else "no pages extracted"
    skipped = f" ({summary.skipped_count} unchanged, skipped)" if summary.skipped_count else ""
    memory = f", peak memory of a worker {summary.peak_memory_mb:.0f} MB" if summary.peak_memory_mb else ""
    duplicates = f", {len(summary.duplicates)} duplicates" if summary.duplicates else ""
    stale = []
    if summary.stale:
        done = "removed" if summary.pruned else "left in place (--prune removes them)"
        stale = [f"{len(summary.stale)} stale outputs of inputs no longer given, {done}: {', '.join(summary.stale[:5])}"
                 + (" …" if len(summary.stale) > 5 else "")]
    return [
        f"{len(summary.results)} inputs: {summary.ok_count} ok{skipped}, {len(summary.failed)} failed{duplicates}",
        f"{summary.pages_extracted} pages extracted in {summary.seconds:.1f} s ({rate}, {summary.jobs} jobs{memory})",
        f"{summary.activities} activities in {printable_path(outdir / ACTIVITIES_CSV)}",
        *stale,
        f"run report: {printable_path(outdir / RUN_REPORT)}",
    ]
