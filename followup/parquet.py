"""Parquet files (`--format parquet`) of flattened rows, typed for analysts (pyarrow, the `parquet` extra).

Text columns are strings (null where empty), `*_date` are dates (null unless a whole day is printed),
`highlighted` a boolean, `pages` a list of page numbers, `warnings` a list of warning codes, counts
and scores numbers; an extra column of a report is a string column.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

DATE_COLUMNS = frozenset({"deadline_date", "new_deadline_date"})
BOOL_COLUMNS = frozenset({"highlighted"})
INT_LIST_COLUMNS = frozenset({"pages"})
TEXT_LIST_COLUMNS = frozenset({"warnings", "fields"})
INT_COLUMNS = frozenset({"slip_days"})
FLOAT_COLUMNS = frozenset({"score"})


class ParquetUnavailable(RuntimeError):
    """pyarrow is not installed."""

    def __init__(self) -> None:
        super().__init__("Parquet output needs pyarrow: pip install 'followup[parquet]' (make install does)")


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401 - the writer lives in the submodule
    except ImportError:
        raise ParquetUnavailable() from None
    return pyarrow


def require_pyarrow() -> None:
    """Raise ParquetUnavailable now, before any work is done, when pyarrow is missing."""
    _pyarrow()


def typed_value(column: str, text: str) -> object:
    """A flattened CSV value as the Parquet value of its column (None for an empty cell)."""
    if column in INT_LIST_COLUMNS:
        return [int(p) for p in text.split()]
    if column in TEXT_LIST_COLUMNS:
        return text.split()
    if column in BOOL_COLUMNS:
        return text == "true"
    if text == "":
        return None
    if column in DATE_COLUMNS:
        return datetime.date.fromisoformat(text)
    if column in INT_COLUMNS:
        return int(text)
    if column in FLOAT_COLUMNS:
        return float(text)
    return text


def column_type(column: str) -> Any:
    """The Arrow type of a column."""
    pa = _pyarrow()
    if column in DATE_COLUMNS:
        return pa.date32()
    if column in BOOL_COLUMNS:
        return pa.bool_()
    if column in INT_LIST_COLUMNS:
        return pa.list_(pa.int32())
    if column in TEXT_LIST_COLUMNS:
        return pa.list_(pa.string())
    if column in INT_COLUMNS:
        return pa.int64()
    if column in FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


def write_parquet(path: Path, rows: Iterable[dict[str, str]], columns: Sequence[str]) -> None:
    """Write flattened rows (strings, as for CSV) to a Parquet file with typed columns."""
    pa = _pyarrow()
    import pyarrow.parquet as pq

    values: dict[str, list[object]] = {c: [] for c in columns}
    for row in rows:
        for column in columns:
            values[column].append(typed_value(column, row.get(column, "")))
    schema = pa.schema([pa.field(c, column_type(c)) for c in columns])
    table = pa.table({c: pa.array(values[c], type=column_type(c)) for c in columns}, schema=schema)
    pq.write_table(table, path, compression="zstd")
