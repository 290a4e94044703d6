"""Stand-ins for extract_document that misbehave on purpose, for the batch runner's own tests.

The runner's workers get the extractor pickled by name, so these are top-level functions of a module
they can import; they live here because no real PDF reliably crashes a process or raises an unforeseen
exception.
"""
from __future__ import annotations

import os
import signal
from pathlib import Path

from followup.schemas import Activity, Document, Source


def crash_on_marker(path: Path, **settings) -> Document:
    """Dies like a segfaulting C library when the file says CRASH, else a one-activity document."""
    if b"CRASH" in Path(path).read_bytes():
        os.kill(os.getpid(), signal.SIGSEGV)
    return _document(path)


def bug_on_marker(path: Path, **settings) -> Document:
    """Raises an exception no stage foresaw when the file says BUG."""
    if b"BUG" in Path(path).read_bytes():
        raise ZeroDivisionError("a bug deep in a stage")
    return _document(path)


def _document(path: Path) -> Document:
    return Document(source=Source(file=Path(path).name, sha256="0" * 64, pages=1),
                    activities=[Activity(id="a1", section="active", area=Path(path).stem)])


def hang_on_marker(path: Path, **settings) -> Document:
    """Never returns when the file says HANG (as a pathological page would), else a one-activity document."""
    if b"HANG" in Path(path).read_bytes():
        import time

        while True:
            time.sleep(1)
    return _document(path)
