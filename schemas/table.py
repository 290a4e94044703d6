"""One line of the JSON Lines output (`--format jsonl`): an activity, where it comes from, its warnings.

Not part of the document contract (DESIGN.md, schema_version "1"): a flat, self-contained record per
activity for analysts who concatenate the lines of many reports.
"""
from __future__ import annotations

from followup.schemas.document import Activity, Warning


class ActivityRecord(Activity):
    """An activity of the output document with the report's file and period and the warnings about it."""

    source_file: str
    period: str | None = None
    warnings: list[Warning]
