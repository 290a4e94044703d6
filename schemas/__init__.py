"""Pydantic models of everything followup reads between stages and writes out.

`raw` is the contract between extract/ and normalize/; `document`, `diff` and `run_report` are the
public output contracts described in docs/DESIGN.md (schema_version "1"); `codes` is the catalogue
of rejection, failure and warning codes.

The models are loaded on first use (`from schemas import Document` works as ever): the catalogue of
codes is needed where pydantic is not, and `followup --help` must not pay for pydantic.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from followup.schemas.diff import ActivityChange, Diff, DiffSide, DiffSummary
    from followup.schemas.document import (
        SCHEMA_VERSION,
        Activity,
        DateValue,
        Document,
        LegendColour,
        Milestone,
        Responsible,
        Role,
        Source,
        Warning,
    )
    from followup.schemas.raw import LegendEntry, LineEnd, RawCell, RawDocument, RawRow, RawTable
    from followup.schemas.table import ActivityRecord

_HOMES = {
    "followup.schemas.diff": ("ActivityChange", "Diff", "DiffSide", "DiffSummary"),
    "followup.schemas.document": ("SCHEMA_VERSION", "Activity", "DateValue", "Document", "LegendColour", "Milestone",
                         "Responsible", "Role", "Source", "Warning"),
    "followup.schemas.raw": ("LegendEntry", "LineEnd", "RawCell", "RawDocument", "RawRow", "RawTable"),
    "followup.schemas.table": ("ActivityRecord",),
}
_EXPORTS = {name: home for home, names in _HOMES.items() for name in names}

__all__ = [
    "SCHEMA_VERSION", "Activity", "ActivityChange", "ActivityRecord", "DateValue", "Diff", "DiffSide", "DiffSummary",
    "Document", "LegendColour", "LegendEntry", "LineEnd", "Milestone", "RawCell", "RawDocument", "RawRow", "RawTable",
    "Responsible", "Role", "Source", "Warning",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'followup.schemas' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
