"""The errors followup's library raises: typed, each with a one-line `reason` for a person and a
stable `code`; their text names no command-line option (the CLI adds those, followup.hints).

    FollowupError
    ├── ReportRejected            an input is not a readable follow-up report (`code`, as in batch's report.json)
    │   ├── ReportNotFound        not_found      ├── NoTextLayer        no_text
    │   ├── UnreadableFile        unreadable     ├── NoActivityTable    no_table
    │   ├── EmptyFile             empty          ├── ReportTooLarge     too_large
    │   ├── NotAPDF               not_pdf        ├── ReportTimedOut     timeout
    │   ├── DamagedPDF            damaged        └── NotADocument       not_document (a JSON file that is not
    │   └── EncryptedPDF          encrypted                             an extracted document)
    └── InvalidSetting            a period or vocabulary the library cannot use (also a ValueError)
"""
from __future__ import annotations

import os


class FollowupError(Exception):
    """Base of every error followup's library raises."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ReportRejected(FollowupError):
    """`path` cannot be read as a follow-up report: `reason` says why, `code` is its stable kind.

    `setting` names the argument of read_report that may help ("password", "timeout", "memory_limit").
    """

    code = "rejected"

    def __init__(self, path: str | os.PathLike | None, reason: str, *, setting: str | None = None) -> None:
        super().__init__(reason)
        self.path = path
        self.setting = setting

    def __str__(self) -> str:
        return f"{os.fsdecode(self.path)}: {self.reason}" if self.path is not None else self.reason


class ReportNotFound(ReportRejected):
    code = "not_found"


class UnreadableFile(ReportRejected):
    code = "unreadable"


class EmptyFile(ReportRejected):
    code = "empty"


class NotAPDF(ReportRejected):
    code = "not_pdf"


class DamagedPDF(ReportRejected):
    code = "damaged"


class EncryptedPDF(ReportRejected):
    code = "encrypted"


class NoTextLayer(ReportRejected):
    code = "no_text"


class NoActivityTable(ReportRejected):
    code = "no_table"


class ReportTooLarge(ReportRejected):
    code = "too_large"


class ReportTimedOut(ReportRejected):
    code = "timeout"


class NotADocument(ReportRejected):
    code = "not_document"


class InvalidSetting(FollowupError, ValueError):
    """A setting the library cannot use: a period that is not YYYY-MM, a broken vocabulary file."""


_BY_CODE: dict[str, type[ReportRejected]] = {
    cls.code: cls for cls in (ReportNotFound, UnreadableFile, EmptyFile, NotAPDF, DamagedPDF, EncryptedPDF,
                              NoTextLayer, NoActivityTable, ReportTooLarge, ReportTimedOut, NotADocument)
}


def rejection_error(path: str | os.PathLike | None, reason: str, code: str | None,
                    setting: str | None = None) -> ReportRejected:
    """The typed error for a rejection's code (ReportRejected itself for a code of no class of its own)."""
    cls = _BY_CODE.get(code or "", ReportRejected)
    error = cls(path, reason, setting=setting)
    if cls is ReportRejected and code:
        error.code = code
    return error
