"""followup as a library: read reports, read many in parallel, compare two periods.

Everything the command line does goes through here or the stages below it; errors are the typed
classes of followup.errors, and no message names a command-line option.
"""
from __future__ import annotations

import os
import re
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from followup.errors import InvalidSetting, NotADocument, ReportRejected, rejection_error
from followup.schemas import Document

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs from Python 3.13; only an annotation here

    from followup.batch import BatchSettings

    # Only an annotation here: reading one report need not build the diff's models.
    from followup.schemas import Diff

ReportSource = str | os.PathLike | bytes | IO[bytes]

# Below this share of activities in common (of the smaller report), two reports are likely not two
# periods of one plan: the diff says so instead of listing everything as added and removed.
UNRELATED_SHARE = 0.2


class UnrelatedReportsWarning(UserWarning):
    """The two reports given to diff share almost no activities: they may be different reports."""


@dataclass(frozen=True)
class ReportResult:
    """One input of read_reports: its document, or the error that rejected it (a value, not raised)."""

    path: Path
    document: Document | None = None
    error: ReportRejected | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None


def check_period(period: str | None) -> str | None:
    """The period when it is YYYY-MM (or None); InvalidSetting otherwise."""
    if period is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        raise InvalidSetting(f"the period {period!r} is not YYYY-MM")
    return period


def check_vocabulary(files: Iterable[str | os.PathLike]) -> tuple[Path, ...]:
    """The vocabulary files as paths, each read once so a broken one fails now; InvalidSetting otherwise."""
    paths = tuple(Path(f) for f in files)
    if paths:
        from followup.normalize.vocabulary import VocabularyError, load_vocabulary

        try:
            load_vocabulary(paths)
        except (VocabularyError, OSError) as error:
            raise InvalidSetting(str(error)) from None
    return paths


def read_report(source: ReportSource, *, password: str | None = None, period: str | None = None,
                vocabulary: Iterable[str | os.PathLike] = (), reader: str | None = None,
                timeout: float | None = None) -> Document:
    """Read one follow-up report into its Document.

    `source` is a PDF's path, an extracted document's JSON path (`*.json`), or a PDF's bytes or binary
    stream (its `source.file` is then "-"). `period` (YYYY-MM) overrides the one read from the document
    or file name; `vocabulary` names extra TOML vocabulary files; `timeout` (seconds, main thread only)
    bounds the reading. Raises a followup.errors.ReportRejected subclass when the input is not a
    readable report, InvalidSetting for a bad period or vocabulary.
    """
    check_period(period)
    vocabulary_files = check_vocabulary(vocabulary)
    if isinstance(source, bytes | bytearray) or _is_stream(source):
        with _spooled(source) as path:
            document = _read_pdf(path, password=password, period=period, vocabulary_files=vocabulary_files,
                                 reader=reader, timeout=timeout, shown="-")
        return document.model_copy(update={"source": document.source.model_copy(update={"file": "-"})})
    path = Path(os.fsdecode(source))
    if path.suffix.lower() == ".json":
        document = read_document_json(path)
        return document.model_copy(update={"period": period}) if period else document
    return _read_pdf(path, password=password, period=period, vocabulary_files=vocabulary_files, reader=reader,
                     timeout=timeout, shown=path)


def read_document_json(path: str | os.PathLike) -> Document:
    """An extracted document (`followup extract`'s JSON); NotADocument when it is not one."""
    from pydantic import ValidationError

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise rejection_error(path, "file not found", "not_found") from None
    except OSError as error:
        raise rejection_error(path, f"cannot read the file ({error.strerror or error})", "unreadable") from None
    try:
        return Document.model_validate_json(data)
    except ValidationError as invalid:
        first = invalid.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "document"
        raise NotADocument(path, f"not a followup document ({where}: {first['msg']})") from None


def _read_pdf(path: Path, *, password: str | None, period: str | None, vocabulary_files: tuple[Path, ...],
              reader: str | None, timeout: float | None, shown: str | os.PathLike) -> Document:
    from followup.extract.errors import InputRejected
    from followup.extract.limits import ResourceLimit, memory_exhausted, time_limit
    from followup.pipeline import extract_document

    try:
        with time_limit(timeout):
            return extract_document(path, period=period, password=password, vocabulary_files=vocabulary_files,
                                    reader=reader)
    except InputRejected as rejected:
        raise rejection_error(shown, rejected.reason, rejected.code, rejected.setting) from None
    except ResourceLimit as limit:
        raise rejection_error(shown, limit.reason, limit.code, limit.setting) from None
    except MemoryError:
        exhausted = memory_exhausted()
        raise rejection_error(shown, exhausted.reason, exhausted.code, exhausted.setting) from None


def _is_stream(source: object) -> TypeIs[IO[bytes]]:
    """A binary stream given as the source: anything with a read method."""
    return hasattr(source, "read")


@contextmanager
def _spooled(source: bytes | bytearray | IO[bytes]) -> Iterator[Path]:
    """The bytes of a PDF given in memory or as a stream, in a private temporary file for the readers."""
    data = bytes(source) if isinstance(source, bytes | bytearray) else source.read()
    fd, name = tempfile.mkstemp(prefix="followup-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def read_reports(paths: Iterable[str | os.PathLike], *, jobs: int | None = None, password: str | None = None,
                 period: str | None = None, vocabulary: Iterable[str | os.PathLike] = (), timeout: float = 120.0,
                 reader: str | None = None) -> Iterator[ReportResult]:
    """Read many reports, `jobs` at a time (default: every core), yielding a ReportResult per path in order.

    A report that cannot be read is a result with `error` set, never an exception: one bad file does
    not stop the rest. With jobs > 1 each report is read in a process of its own, stopped after
    `timeout` seconds (a script that calls this should guard its top level with
    `if __name__ == "__main__":`, as multiprocessing asks); jobs=1 reads them here, one after another.
    """
    from followup.batch import BatchSettings, available_cores

    chosen = [Path(os.fsdecode(p)) for p in paths]
    check_period(period)
    vocabulary_files = check_vocabulary(vocabulary)
    jobs = jobs or available_cores()
    if jobs == 1:
        for path in chosen:
            try:
                yield ReportResult(path, document=read_report(path, password=password, period=period,
                                                              vocabulary=vocabulary_files, reader=reader))
            except ReportRejected as error:
                yield ReportResult(path, error=error)
        return
    settings = BatchSettings(period=period, password=password, vocabulary_files=vocabulary_files, jobs=jobs,
                             timeout=timeout, reader=reader)
    yield from _read_in_workers(chosen, settings)


def _read_in_workers(paths: Sequence[Path], settings: BatchSettings) -> Iterator[ReportResult]:
    """Results in input order from batch's worker pool (each finished one held until those before it are)."""
    from followup.batch import BatchInput, extract_in_workers

    waiting: dict[int, ReportResult] = {}
    next_index = 0
    pending = [(index, BatchInput(path=path, output=""), None) for index, path in enumerate(paths)]
    for index, _item, _sha256, outcome in extract_in_workers(pending, settings):
        path = paths[index]
        if outcome["kind"] == "ok":
            waiting[index] = ReportResult(path, document=outcome["document"])
        else:
            waiting[index] = ReportResult(path, error=rejection_error(path, outcome["reason"], outcome["code"],
                                                                      outcome.get("setting")))
        while next_index in waiting:
            yield waiting.pop(next_index)
            next_index += 1


def diff(old: Document | ReportSource, new: Document | ReportSource, *, password: str | None = None,
         vocabulary: Iterable[str | os.PathLike] = (), old_file: str | None = None,
         new_file: str | None = None) -> Diff:
    """What changed between two periods of one report; each side a Document or what read_report reads.

    The earlier period comes first whatever the order given. Warns (UnrelatedReportsWarning) when the
    two share almost no activities, so they may be different reports; the Diff is returned anyway.
    """
    from followup.compare import diff_documents

    vocabulary_files = check_vocabulary(vocabulary)
    documents = []
    for side in (old, new):
        documents.append(side if isinstance(side, Document)
                         else read_report(side, password=password, vocabulary=vocabulary_files))
    result = diff_documents(documents[0], documents[1], old_file=old_file or _side_name(old, documents[0]),
                            new_file=new_file or _side_name(new, documents[1]))
    if looks_unrelated(result):
        warnings.warn(unrelated_message(result), UnrelatedReportsWarning, stacklevel=2)
    return result


def _side_name(side: object, document: Document) -> str:
    from followup.extract.errors import printable_name

    if isinstance(side, str | os.PathLike):
        return printable_name(side)
    return document.source.file


def shared_activities(result: Diff) -> tuple[int, int]:
    """(activities paired between the two periods, activities of the smaller period)."""
    paired = sum(1 for c in result.activities if c.old is not None and c.new is not None)
    old = sum(1 for c in result.activities if c.old is not None)
    new = sum(1 for c in result.activities if c.new is not None)
    return paired, min(old, new)


def looks_unrelated(result: Diff) -> bool:
    """Whether the two reports share almost no activities (fewer than UNRELATED_SHARE of the smaller one)."""
    paired, smaller = shared_activities(result)
    return smaller > 0 and paired < UNRELATED_SHARE * smaller


def unrelated_message(result: Diff) -> str:
    paired, smaller = shared_activities(result)
    return (f"{result.old.file} and {result.new.file} share only {paired} of {smaller} activities: "
            "they may be different reports, not two periods of one")
