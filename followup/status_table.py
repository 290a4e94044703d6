"""A one-screen table of a batch: activities per report and status, read from activities.csv."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from followup.output import text_of_cell

STATUS_COLUMNS = ["done", "in_progress", "delayed", "unknown"]
# More reports than this and the table no longer fits a screen; the CSV has them all.
MAX_REPORTS = 25


def status_table(activities_csv: Path, dialect: str = "rfc4180") -> str:
    """Per report: its period, how many activities, and how many of each status; a total last."""
    # excel-sv: `;`, a BOM that utf-8-sig drops, and periods written as text formulas (="2024-03").
    rows = pd.read_csv(activities_csv, dtype=str, keep_default_na=False, sep=";" if dialect == "excel-sv" else ",",
                       encoding="utf-8-sig")
    if dialect == "excel-sv":
        rows["period"] = rows["period"].map(text_of_cell)
    if rows.empty:
        return "no activities"
    rows["status"] = rows["status"].replace("", "unknown")
    table = pd.crosstab([rows["source_file"], rows["period"]], rows["status"])
    table = table.reindex(columns=STATUS_COLUMNS, fill_value=0)
    table.insert(0, "activities", table.sum(axis=1))
    table["highlighted"] = rows.groupby(["source_file", "period"])["highlighted"].apply(lambda s: (s == "true").sum())
    shown = table.head(MAX_REPORTS)
    total = table.sum(numeric_only=True).to_frame().T
    total.index = pd.MultiIndex.from_tuples([("all reports", "")], names=table.index.names)
    text = pd.concat([shown, total]).to_string()
    if len(table) > MAX_REPORTS:
        text += f"\n… and {len(table) - MAX_REPORTS} more reports in {activities_csv}"
    return text
