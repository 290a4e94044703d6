"""Rows of `followup history show` as a terminal table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

# A cell wider than this is cut with "…" in the terminal table (CSV and JSON keep it whole).
MAX_CELL_WIDTH = 48


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL_WIDTH else text[: MAX_CELL_WIDTH - 1] + "…"


def as_table(rows: Sequence[dict[str, object]], columns: Sequence[str]) -> str:
    """Columns aligned with spaces, numbers to the right; a header and a rule."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row.get(c), int) or row.get(c) is None for row in rows) and bool(rows)
               for c in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True)).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)]) + "\n"


def as_csv(rows: Sequence[dict[str, object]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows({c: "" if row.get(c) is None else row.get(c) for c in columns} for row in rows)
    return buffer.getvalue()


def as_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
