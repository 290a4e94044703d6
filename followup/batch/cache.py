"""The skip cache: what earlier runs into OUTDIR extracted (run report and journal), and the fingerprints keying it.

An input is skipped when its content (sha256), the settings' fingerprint and an earlier ok result agree
and its JSON is still a whole document; that JSON is then read once, for the tables.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from followup.batch.model import BatchInput, InputResult
from followup.batch.run_report import RUN_REPORT
from followup.extract.errors import printable_path

if TYPE_CHECKING:
    from followup.schemas import Document

JOURNAL = ".followup-journal.jsonl"

# What decides an extraction's output: the stages, their data files, and the pipeline and JSON writer.
EXTRACTION_CODE = ("followup.extract", "followup.normalize", "followup.schemas", "followup.pipeline", "followup.output")
CODE_SUFFIXES = (".py", ".toml", ".json")


class Settled(NamedTuple):
    """An input before extraction: its result when it needs none (`document` for a skipped one), and its sha256."""

    result: InputResult | None
    sha256: str | None
    document: Document | None = None


def settle_without_extracting(item: BatchInput, fingerprint: str, previous: dict[str, Any] | None,
                              outdir: Path) -> Settled:
    """The input's result when it needs no extraction (unreadable, or unchanged), and its sha256 (hashed here, once)."""
    try:
        sha256 = sha256_of_file(item.path)
    except OSError as error:
        failed = InputResult(file=printable_path(item.path), output=item.output, sha256=None, settings=fingerprint,
                             status="failed", reason=f"cannot read: {error.strerror or error}", code="unreadable")
        return Settled(failed, None)
    if (
        previous is not None
        and previous.get("status") == "ok"
        and previous.get("sha256") == sha256
        and previous.get("settings") == fingerprint
        and (document := read_document(outdir / item.output)) is not None
    ):
        skipped = InputResult(file=printable_path(item.path), output=item.output, sha256=sha256, settings=fingerprint,
                              status="ok", skipped=True, pages=previous.get("pages"),
                              activities=previous.get("activities"), seconds=previous.get("seconds", 0.0),
                              peak_memory_mb=previous.get("peak_memory_mb"))
        return Settled(skipped, sha256, document)
    return Settled(None, sha256)


def read_document(path: Path) -> Document | None:
    """The whole output document in path, or None (a skipped report's JSON must still be usable)."""
    from followup.schemas import Document

    try:
        return Document.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return None


class Journal:
    """OUTDIR/.followup-journal.jsonl: one JSON line per input as it is settled, synced to disk.

    A line is appended whole or, when the run is killed while writing it, torn; a torn line is
    ignored when the journal is read, and its input is extracted again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, result: InputResult) -> None:
        line = json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n"
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def previous_results(outdir: Path) -> dict[str, dict[str, Any]]:
    """The last runs' results by output name: the run report, then the journal of a run killed since.

    A missing or unreadable run report means no cache; a torn journal line is ignored.
    """
    results: dict[str, dict[str, Any]] = {}
    try:
        report = json.loads((outdir / RUN_REPORT).read_text(encoding="utf-8"))
        results.update((entry["output"], entry) for entry in report["inputs"]
                       if isinstance(entry, dict) and "output" in entry)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        lines = (outdir / JOURNAL).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("output"), str):
            results[entry["output"]] = entry
    return results


def previous_stale(outdir: Path) -> list[str]:
    """The outputs the last run report listed as stale (still stale until given again or pruned)."""
    try:
        report = json.loads((outdir / RUN_REPORT).read_text(encoding="utf-8"))
        return [name for name in report.get("stale", []) if isinstance(name, str)]
    except (OSError, ValueError, AttributeError):
        return []


def stale_outputs(outdir: Path, previous_outputs: Iterable[str], inputs: Sequence[BatchInput],
                  results: Sequence[InputResult | None]) -> list[str]:
    """Report files in OUTDIR that earlier runs wrote for inputs this run does not produce (sorted, each once).

    An input no longer given, or now a duplicate of another input, leaves its old JSON behind; only
    names the run reports recorded count, so no file of anyone else's is ever listed (or pruned).
    """
    produced = {item.output for item, result in zip(inputs, results, strict=True)
                if result is None or result.status != "duplicate"}
    return sorted({name for name in previous_outputs
                   if name not in produced and _is_own_output(name) and (outdir / name).is_file()})


def _is_own_output(name: str) -> bool:
    """A plain NAME.json directly in OUTDIR, as assign_outputs names them (never the run report)."""
    return name.endswith(".json") and "/" not in name and "\\" not in name and name != RUN_REPORT


def sha256_of_file(path: Path) -> str:
    """The file's sha256, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@functools.cache
def extraction_code_fingerprint() -> str:
    """Hash of the code and data that extract a report here, so a rerun after any change extracts again."""
    roots = []
    for name in EXTRACTION_CODE:
        module = import_module(name)
        path = Path(module.__file__ or "")
        roots.append(path.parent if path.name == "__init__.py" else path)
    return code_fingerprint(roots)


def code_fingerprint(roots: Sequence[Path]) -> str:
    """Hash of the source and data files under `roots` (files or folders), by relative path and content."""
    digest = hashlib.sha256()
    for root in roots:
        files = [root] if root.is_file() else sorted(
            f for f in root.rglob("*") if f.suffix in CODE_SUFFIXES and "__pycache__" not in f.parts)
        for file in files:
            digest.update(f"{root.name}/{file.relative_to(root) if file != root else ''}".encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def followup_version() -> str:
    """The installed followup's version ("unknown" when run from a source tree not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("followup")
    except PackageNotFoundError:
        return "unknown"
