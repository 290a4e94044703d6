"""Why an input PDF is rejected. The CLI prints `error: FILE: REASON` and exits 3."""
from __future__ import annotations


class InputRejected(Exception):
    """The input cannot be read as a follow-up report; `reason` is one short line for a user."""

    def __init__(self, reason: str, *, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        # Stable machine-readable kind: empty, not_pdf, damaged, encrypted, no_text, no_table.
        self.code = code
