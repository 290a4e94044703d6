"""The catalogue of codes a user or a tool can meet: why an input was rejected or failed, and warnings.

Each code is a stable machine-readable name with one line saying what it means; the messages that
come with it (`error: FILE: REASON`, a warning's `message`) say it for the case at hand. docs/DESIGN.md
and the README list them all (tests hold both to this catalogue).
"""
from __future__ import annotations

from typing import Literal, get_args

RejectionCode = Literal[
    "not_found", "unreadable", "empty", "not_pdf", "damaged", "encrypted", "no_text", "no_table", "too_large",
    "timeout",
]
REJECTIONS: dict[RejectionCode, str] = {
    "not_found": "the file does not exist",
    "unreadable": "the file cannot be read (permissions, a folder, an I/O error)",
    "empty": "the file is empty",
    "not_pdf": "the file is not a PDF",
    "damaged": "the PDF is broken past what qpdf can repair",
    "encrypted": "the PDF is encrypted and no password (or a wrong one) was given",
    "no_text": "no page has a text layer (a scan)",
    "no_table": "no activity table was found",
    "too_large": "the report needs more memory than allowed, or a stream inflates past the cap",
    "timeout": "the report took longer than allowed",
}

# A batch input fails for these too: a rejection, or something that is no fault of the input.
FailureCode = RejectionCode | Literal["crashed", "internal"]
FAILURES: dict[FailureCode, str] = {code: reason for code, reason in REJECTIONS.items()}
FAILURES.update({
    "crashed": "the reading process died (in a C library, say)",
    "internal": "a bug in followup (the traceback is in report.json)",
})

WarningCode = Literal[
    "done_but_red", "deadline_not_date", "impossible_date", "status_colour_unknown", "unmatched_unit",
    "unknown_responsible", "repaired", "page_unreadable", "page_without_rows",
]
WARNINGS: dict[WarningCode, str] = {
    "done_but_red": "a completed activity's status is red (delayed)",
    "deadline_not_date": "a deadline or new deadline cell holds no date",
    "impossible_date": "a printed date does not exist (2021-02-29)",
    "status_colour_unknown": "a status cell's colour matches neither the legend nor a status hue",
    "unmatched_unit": "a unit named in a responsible is in no vocabulary",
    "unknown_responsible": "a responsible names no known role",
    "repaired": "the file is damaged and was read from a copy qpdf repaired",
    "page_unreadable": "a page could not be read even after repair and is left out",
    "page_without_rows": "a page has text but no activity table (or text that could not be read)",
}

REJECTION_CODES: frozenset[str] = frozenset(get_args(RejectionCode))
WARNING_CODES: frozenset[str] = frozenset(get_args(WarningCode))
