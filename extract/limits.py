"""Limits of our own: the time and memory one report may take and the size of one decoded stream.

A hostile or broken PDF can hold a 68 KB stream that inflates to gigabytes, a font map with one
huge range, or a gigabyte of drawing operators. pdfminer would follow all of it; these limits turn
each into a clean rejection (`too_large`, `timeout`) instead of a machine brought to its knees.
"""
from __future__ import annotations

import signal
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from followup.extract.errors import InputRejected
from followup.schemas.codes import RejectionCode

# A report page's content stream is well below a megabyte; an A3 page scanned at 600 dpi in colour
# is about 210 MB uncompressed. Anything decoding to more than this is a bomb, not a report.
MAX_STREAM_BYTES = 256 << 20
# The longest real report seen (400 pages) takes about 75 s on a loaded 2-core machine; four times that.
DEFAULT_TIMEOUT_SECONDS = 300.0
# Address space of the process extracting one report. A 400-page report peaks at ~140 MB resident
# (~150 MB address space after imports); the cap leaves room for ten times that.
DEFAULT_MEMORY_LIMIT_MB = 2048
# zlib output is produced in slices of this size, so a bomb is stopped before it is held in memory.
_INFLATE_SLICE = 1 << 20


class ResourceLimit(BaseException):
    """A limit of ours was hit. A BaseException, so that no library's `except Exception` swallows it."""

    def __init__(self, reason: str, code: RejectionCode, setting: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        # The setting that raises the limit (InputRejected.setting).
        self.setting = setting

    def rejection(self) -> InputRejected:
        return InputRejected(self.reason, code=self.code, setting=self.setting)


def stream_too_large() -> ResourceLimit:
    return ResourceLimit(f"too large: a stream inflates to more than {MAX_STREAM_BYTES >> 20} MB", "too_large")


def memory_exhausted(limit_mb: int | None = None) -> InputRejected:
    within = f" of {limit_mb} MB" if limit_mb else ""
    return InputRejected(f"too large: reading it needs more memory than the limit{within}",
                         code="too_large", setting="memory_limit")


def timed_out(seconds: float) -> ResourceLimit:
    return ResourceLimit(f"timed out: reading it took longer than {seconds:g} s", "timeout", setting="timeout")


# ---------------------------------------------------------------- decoded stream size


def bounded_decompress(data: bytes, *args: object, **kwargs: object) -> bytes:
    """zlib.decompress that stops at MAX_STREAM_BYTES instead of inflating a bomb whole."""
    inflater = _BoundedInflater()
    result = inflater.decompress(data)
    if not inflater.eof:
        raise zlib.error("incomplete or truncated stream")
    return result


class _BoundedInflater:
    """zlib.decompressobj with the same cap, for pdfminer's reader of streams with a broken checksum."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # zlib.decompressobj's wbits and zdict
        self._inflater = zlib.decompressobj(*args, **kwargs)
        self._produced = 0

    @property
    def eof(self) -> bool:
        return self._inflater.eof

    @property
    def unused_data(self) -> bytes:
        return self._inflater.unused_data

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        pieces = []
        chunk = self._inflater.decompress(data, _INFLATE_SLICE)
        while True:
            self._produced += len(chunk)
            if self._produced > MAX_STREAM_BYTES:
                raise stream_too_large()
            pieces.append(chunk)
            if not self._inflater.unconsumed_tail:
                break
            chunk = self._inflater.decompress(self._inflater.unconsumed_tail, _INFLATE_SLICE)
        return b"".join(pieces)

    def flush(self, *args: int) -> bytes:
        return self._inflater.flush(*args)


class _BoundedZlib:
    """What pdfminer's stream decoder uses of the zlib module, with the size cap."""

    error = zlib.error
    decompress = staticmethod(bounded_decompress)
    decompressobj = _BoundedInflater
    MAX_WBITS = zlib.MAX_WBITS


def cap_decoded_streams() -> None:
    """Make pdfminer inflate every Flate stream through the bounded decoder (idempotent)."""
    import pdfminer.pdftypes

    # pdfminer types its module attribute as the zlib module; the stand-in offers the part pdfminer uses.
    pdfminer.pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]


# ---------------------------------------------------------------- time and memory


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ResourceLimit (timeout) in the block after `seconds` of wall time.

    Works through SIGALRM, so only in the main thread; elsewhere (and without a limit) it does nothing.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise timed_out(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cap_memory(megabytes: int | None) -> bool:
    """Limit this process's address space to `megabytes`, so that running out is a MemoryError.

    For a process that reads reports and nothing else (the CLI, a batch worker). False when the
    platform has no such limit or the limit cannot be lowered.
    """
    if not megabytes:
        return False
    try:
        import resource
    except ImportError:  # not on Windows
        return False
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = megabytes << 20
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError, AttributeError):
        return False
    return True
