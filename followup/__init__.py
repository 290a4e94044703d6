"""followup: Swedish healthcare follow-up reports (uppföljningsrapporter, PDF) as clean, comparable data.

    import followup

    document = followup.read_report("samples/pdf/ystad-2024-03.pdf")
    frame = document.to_dataframe()                     # one row per activity (pandas)
    for result in followup.read_reports(paths, jobs=2): # failures are values: result.error
        ...
    changes = followup.diff("old.pdf", "new.json")      # a schemas.Diff; .to_dataframe()

Errors are the classes of followup.errors (ReportRejected and its kinds, InvalidSetting). The names
are loaded on first use, so that `followup --help` does not pay for pandas and the PDF readers.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from followup.api import ReportResult, UnrelatedReportsWarning, diff, read_report, read_reports
    from followup.errors import FollowupError, InvalidSetting, ReportRejected
    from followup.schemas import Activity, DateValue, Diff, Document

_EXPORTS = {
    "read_report": "followup.api", "read_reports": "followup.api", "diff": "followup.api",
    "ReportResult": "followup.api", "UnrelatedReportsWarning": "followup.api",
    "FollowupError": "followup.errors", "ReportRejected": "followup.errors", "InvalidSetting": "followup.errors",
    "Document": "followup.schemas", "Activity": "followup.schemas", "DateValue": "followup.schemas", "Diff": "followup.schemas",
}

__all__ = [
    "Activity", "DateValue", "Diff", "Document", "FollowupError", "InvalidSetting", "ReportRejected", "ReportResult",
    "UnrelatedReportsWarning", "diff", "read_report", "read_reports",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'followup' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
