"""The inputs of a run: the files the arguments name, the JSON file each becomes, duplicates among them."""
from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from followup.batch.model import BatchInput, InputResult
from followup.batch.run_report import RUN_REPORT
from followup.extract.errors import printable_name, printable_path

# A report's JSON may not take the run report's name.
_RESERVED_STEMS = frozenset({Path(RUN_REPORT).stem})


class InputNotFound(ValueError):
    """A batch argument is neither a file, a folder nor a glob matching anything."""

    def __init__(self, argument: str) -> None:
        super().__init__(f"{printable_path(argument)}: no such file or folder, and no file matches it as a glob")
        self.argument = argument


def discover_inputs(arguments: Sequence[str]) -> list[Path]:
    """The files named by the arguments, in argument order, each once.

    A file is taken whatever its name; a folder gives every *.pdf under it (any case, recursively,
    sorted); anything else is a glob. Raises InputNotFound for an argument that names nothing.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for argument in arguments:
        for path in _expand_argument(argument):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _expand_argument(argument: str) -> list[Path]:
    path = Path(argument)
    if path.is_file():
        return [path]
    if path.is_dir():
        return _pdfs_under(path)
    matches = sorted(glob.glob(argument, recursive=True))
    if not matches:
        raise InputNotFound(argument)
    expanded: list[Path] = []
    for match in map(Path, matches):
        if match.is_dir():
            expanded.extend(_pdfs_under(match))
        elif match.is_file():
            expanded.append(match)
    return expanded


def _pdfs_under(folder: Path) -> list[Path]:
    pdfs: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        pdfs.extend(Path(root) / name for name in sorted(files) if name.lower().endswith(".pdf"))
    return pdfs


def assign_outputs(paths: Sequence[Path]) -> list[BatchInput]:
    """Give each input its JSON file name in OUTDIR, never two the same.

    NAME.json when the name is unique in the run (ignoring case, as some file systems do);
    otherwise NAME-XXXXXXXX.json for each of the same name, XXXXXXXX from the absolute path, so
    the name does not depend on input order and stays the same from one run to the next.
    """
    stems = [printable_name(path.parent / path.stem) for path in paths]
    counts: dict[str, int] = {}
    for stem in stems:
        counts[stem.casefold()] = counts.get(stem.casefold(), 0) + 1
    inputs = []
    for path, stem in zip(paths, stems, strict=False):
        unique = counts[stem.casefold()] == 1 and stem.casefold() not in _RESERVED_STEMS
        name = f"{stem}.json" if unique else f"{stem}-{_path_tag(path)}.json"
        inputs.append(BatchInput(path=path, output=name))
    return inputs


def _path_tag(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]


def duplicate(item: BatchInput, sha256: str, fingerprint: str, original: str) -> InputResult:
    """An input whose content equals an earlier input's: neither extracted nor counted again."""
    return InputResult(file=printable_path(item.path), output=item.output, sha256=sha256, settings=fingerprint,
                       status="duplicate", reason=f"the same content as {original}", duplicate_of=original)
