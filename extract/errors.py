"""Why an input PDF is rejected, and how a file name is shown in one line of text.

The CLI prints `error: FILE: REASON` and exits 3. A reason says in plain words what is wrong and
what the user can do; a technical detail, when there is one, follows in brackets.
"""
from __future__ import annotations

import os
from pathlib import Path

from followup.schemas.codes import REJECTION_CODES, RejectionCode

__all__ = ["REJECTION_CODES", "InputRejected", "RejectionCode", "printable_name", "printable_path", "technical_detail"]


class InputRejected(Exception):
    """The input cannot be read as a follow-up report; `reason` is one short line for a user.

    The reason names no command-line option (the library is used without one): `setting` names the
    setting that may help ("password", "timeout", "memory_limit"), and the CLI turns it into its option.
    """

    def __init__(self, reason: str, *, code: RejectionCode, setting: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        # Stable machine-readable kind, one of schemas.codes.REJECTIONS.
        self.code = code
        self.setting = setting


def printable_path(path: str | os.PathLike) -> str:
    """The path as one line of valid text: undecodable bytes as \\xNN, control characters escaped.

    File names are bytes on Linux; a name from an old zip archive may be Latin-1 (`\\xe5` for å) and
    a name may even hold a newline. Neither may break a message line, a JSON file or a CSV cell.
    """
    raw = os.fsencode(path)
    text = raw.decode("utf-8", errors="backslashreplace")
    return "".join(ch if ch.isprintable() else _escaped(ch) for ch in text)


def printable_name(path: str | os.PathLike) -> str:
    """The last part of the path, as printable_path shows it."""
    return printable_path(Path(os.fsdecode(path)).name)


def _escaped(ch: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in named:
        return named[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def technical_detail(error: BaseException) -> str:
    """A library's error as one short line, for the brackets after a reason."""
    text = str(error).strip() or type(error).__name__
    first = text.splitlines()[0][:120]
    return printable_path(first) if not first.isprintable() else first
