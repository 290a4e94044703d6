"""Batch extraction: every report under the inputs into OUTDIR, one bad file never stops the rest.

The run writes, all atomically:
- OUTDIR/NAME.json for every report extracted,
- OUTDIR/activities.csv, every activity of every extracted report in input order, with the
  columns `source_file` and `period` in front of followup.output.CSV_COLUMNS, and the reports'
  extra columns (headers followup has no field for) after them; on request also activities.xlsx,
  .jsonl and .parquet (followup.batch_tables),
- OUTDIR/report.json, the run report: per input ok or the reason it failed, pages, activities,
  seconds; it is also the skip cache of the next run.

While the run goes on, each settled input is appended to OUTDIR/.followup-journal.jsonl as it
finishes (after its JSON is written), so a run that is killed loses nothing: the next run reads the
journal with the run report and skips what was done. One run at a time may write into an OUTDIR
(a lock on the folder); a second is refused with BatchLocked.

A module per concern: `inputs` (discovery, output names, duplicates), `cache` (the skip cache, the
journal, the fingerprints), `pool` (the worker supervisor: time limits, memory caps, crashed
workers), `run_report` (report.json and the summary lines), `orchestration` (run_batch), and
`model` (settings, inputs, results). Each worker returns its report's document once: the parent
writes its JSON and builds the tables from it, reading back only skipped reports' JSON.
"""
from __future__ import annotations

from followup.batch.cache import (
    CODE_SUFFIXES,
    EXTRACTION_CODE,
    JOURNAL,
    code_fingerprint,
    extraction_code_fingerprint,
    followup_version,
    sha256_of_file,
)
from followup.batch.inputs import InputNotFound, assign_outputs, discover_inputs
from followup.batch.model import (
    BatchInput,
    BatchSettings,
    BatchSummary,
    Extractor,
    InputResult,
    available_cores,
)
from followup.batch.orchestration import BatchLocked, ResultCallback, run_batch
from followup.batch.pool import extract_in_workers
from followup.batch.run_report import ACTIVITIES_CSV, RUN_REPORT, run_report_json, summary_lines
from followup.batch_tables import BATCH_CSV_COLUMNS

__all__ = [
    "ACTIVITIES_CSV", "BATCH_CSV_COLUMNS", "CODE_SUFFIXES", "EXTRACTION_CODE", "JOURNAL", "RUN_REPORT", "BatchInput",
    "BatchLocked", "BatchSettings", "BatchSummary", "Extractor", "InputNotFound", "InputResult", "ResultCallback",
    "assign_outputs", "available_cores", "code_fingerprint", "discover_inputs", "extract_in_workers",
    "extraction_code_fingerprint", "followup_version", "run_batch", "run_report_json", "sha256_of_file",
    "summary_lines",
]
