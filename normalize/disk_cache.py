"""Data that is slow to build from its source files, kept on disk in a form that loads fast (a pickle).

Each entry's file name holds a key: the SHA-256 of the source files' bytes, of the code that builds
the data from them (its bytecode, names and constants) and of anything else the caller names (a library's
version). A changed dictionary, a changed parser or another library version gives another key, so
a stale entry is never read; entries of the same kind under other keys are removed when a new one
is written. The cache lives in $XDG_CACHE_HOME/followup (else ~/.cache/followup); when that cannot
be written, the data is built every time, which is slower but gives the same result. Entries are
written by this user for this user, like the rest of the home directory.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import CodeType
from typing import Any, TypeVar

T = TypeVar("T")

# Raised to 2 when the layout of the entries changes (every older entry is then ignored).
CACHE_FORMAT = 1
CACHE_SUBDIRECTORY = "followup"


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/followup, or ~/.cache/followup when XDG_CACHE_HOME is unset or empty."""
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / CACHE_SUBDIRECTORY


def cache_key(sources: Sequence[Path], builders: Iterable[Callable[..., Any]] = (), extra: str = "") -> str:
    """The key of data built from `sources` by `builders`: a hash of their bytes, the builders' code and `extra`."""
    digest = hashlib.sha256(f"format {CACHE_FORMAT}\0{extra}\0".encode())
    for source in sources:
        digest.update(source.read_bytes())
        digest.update(b"\0")
    for builder in builders:
        # A function's compiled code, or its class's __call__'s for a callable object.
        code = getattr(builder, "__code__", None) or type(builder).__call__.__code__
        digest.update(code_fingerprint(code))
    return digest.hexdigest()[:32]


def code_fingerprint(code: CodeType) -> bytes:
    """What a compiled function does, as bytes that are the same however the code was loaded.

    marshal.dumps is not that: it marks objects shared by reference count, so the code read from a
    .pyc and the same code compiled from source give other bytes (and with them another key, and
    the cache rebuilt whenever a command ran the other way). The bytecode, the names and the
    constants, nested functions included, are what decides the data.
    """
    parts = [code.co_code, repr((code.co_names, code.co_varnames, code.co_freevars, code.co_cellvars)).encode()]
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            parts.append(code_fingerprint(constant))
        elif isinstance(constant, frozenset):
            parts.append(repr(sorted(map(repr, constant))).encode())  # a set's order follows the hash seed
        else:
            parts.append(repr(constant).encode())
    return b"\0".join(parts)


def load_cached(kind: str, sources: Sequence[Path], build: Callable[[], T], expected: type[T], *,
                builders: Iterable[Callable[..., Any]] = (), extra: str = "") -> T:
    """The data `build()` makes from `sources`, read from the cache when an entry under its key is there.

    `builders`: the functions whose code decides the data (`build` itself is always included);
    `expected`: the type the data must have, checked on reading (anything else is rebuilt).
    """
    key = cache_key(sources, (build, *builders), extra)
    entry = cache_dir() / f"{kind}-{key}.pickle"
    found = _read(entry)
    if isinstance(found, expected):
        return found
    data = build()
    _write(entry, data, kind)
    return data


def _read(entry: Path) -> object:
    """The entry's data, or None when it is missing or cannot be read whole."""
    try:
        with entry.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file: any unpickling error means "build it again"
        return None


def _write(entry: Path, data: object, kind: str) -> None:
    """Store the entry atomically (another process may be reading); no cache when the folder is not writable."""
    temporary: str | None = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        temporary = None
        for old in entry.parent.glob(f"{kind}-*.pickle"):
            if old != entry:
                with contextlib.suppress(OSError):
                    old.unlink()
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
