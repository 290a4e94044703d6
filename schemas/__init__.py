"""Pydantic models of everything followup reads between stages and writes out.

`raw` is the contract between extract/ and normalize/; `document`, `diff` and `run_report` are the
public output contracts described in docs/DESIGN.md (schema_version "1"); `codes` is the catalogue
of rejection, failure and warning codes.
"""
from schemas.diff import ActivityChange, Diff, DiffSide, DiffSummary
from schemas.document import (
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
from schemas.raw import LegendEntry, RawCell, RawDocument, RawRow, RawTable
from schemas.table import ActivityRecord

__all__ = [
    "SCHEMA_VERSION",
    "Activity",
    "ActivityChange",
    "ActivityRecord",
    "DateValue",
    "Diff",
    "DiffSide",
    "DiffSummary",
    "Document",
    "LegendColour",
    "LegendEntry",
    "Milestone",
    "RawCell",
    "RawDocument",
    "RawRow",
    "RawTable",
    "Responsible",
    "Role",
    "Source",
    "Warning",
]
