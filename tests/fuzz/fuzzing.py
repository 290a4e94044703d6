"""Running one damaged file through followup and judging the outcome; shared by the test and `make fuzz`.

An outcome is good when the file is extracted into a valid document that accounts for every page
(each read, or named in a `page_unreadable` warning) or rejected with a known code and one clean
line of reason; anything else (an exception, a traceback, a time limit of ours overrun) is a problem.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from followup.extract.errors import InputRejected
from followup.extract.limits import ResourceLimit, time_limit
from followup.output import document_json
from followup.pipeline import extract_document
from followup.schemas import Document
from followup.schemas.codes import REJECTION_CODES
from samples.gold import GOLD_FIELDS, comparable, gold_view

# Well above a sample's extraction (~1 s) on a loaded machine, well below the CLI's default.
FUZZ_TIMEOUT_SECONDS = 60.0


@dataclass
class Outcome:
    """What became of one file: "ok" or a rejection code, and what is wrong with that, if anything."""

    status: str
    reason: str = ""
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    document: Document | None = None


def outcome_of(path: Path) -> Outcome:
    """Extract `path` in this process within FUZZ_TIMEOUT_SECONDS and judge the result."""
    started = time.perf_counter()
    try:
        with time_limit(FUZZ_TIMEOUT_SECONDS):
            document = extract_document(path)
    except InputRejected as rejected:
        outcome = Outcome(status=rejected.code, reason=rejected.reason)
        outcome.problems += _reason_problems(rejected.code, rejected.reason)
    except ResourceLimit as limit:
        outcome = Outcome(status=limit.code, reason=limit.reason)
        if limit.code == "timeout":
            outcome.problems.append(f"ran past the fuzz limit of {FUZZ_TIMEOUT_SECONDS:g} s")
    except Exception as error:  # noqa: BLE001 - this is what the fuzz test looks for
        outcome = Outcome(status="exception", reason=f"{type(error).__name__}: {error}")
        outcome.problems.append(f"exception {type(error).__name__}: {error}")
    else:
        outcome = Outcome(status="ok", document=document, warnings=[w.code for w in document.warnings])
        outcome.problems += _document_problems(path, document)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _reason_problems(code: str, reason: str) -> list[str]:
    problems = []
    if code not in REJECTION_CODES:
        problems.append(f"unknown rejection code {code!r}")
    if not reason or "\n" in reason or not reason.isprintable():
        problems.append(f"reason is not one clean line: {reason!r}")
    if "Traceback" in reason:
        problems.append("reason holds a traceback")
    return problems


def _document_problems(path: Path, document: Document) -> list[str]:
    """A valid document (it survives a JSON round trip) that drops no page without saying so."""
    problems = []
    if Document.model_validate_json(document_json(document)) != document:
        problems.append("the document does not survive its own JSON")
    pages = _page_count(path)
    if pages is not None and document.source.pages != pages:
        problems.append(f"source.pages is {document.source.pages}, the file has {pages} pages")
    unreadable = {w.page for w in document.warnings if w.code == "page_unreadable"}
    if any(page is None or not 1 <= page <= document.source.pages for page in unreadable):
        problems.append("a page_unreadable warning names no page of the file")
    return problems


def _page_count(path: Path) -> int | None:
    """The page count qpdf finds (after its repair), which a document must account for."""
    try:
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)
    except Exception:  # noqa: BLE001 - qpdf cannot read it either: nothing to compare with
        return None


def activities_recovered(document: Document | None, gold: dict) -> int:
    """Gold activities (samples/expected format) that the document holds exactly, every gold field equal."""
    if document is None:
        return 0
    found = {_gold_key(gold_view(a)) for a in document.activities}
    return sum(_gold_key(a) in found for a in gold["activities"])


def _gold_key(activity: dict) -> str:
    return json.dumps({f: comparable(activity.get(f)) if f != "highlighted" else bool(activity.get(f))
                       for f in GOLD_FIELDS}, sort_keys=True)


def read_without_repair(path: Path) -> Document | None:
    """The document as followup read it before it repaired files (None when rejected)."""
    from followup.extract.document import read_raw_document
    from followup.normalize.document import build_document
    from followup.normalize.vocabulary import load_vocabulary

    try:
        with time_limit(FUZZ_TIMEOUT_SECONDS):
            return build_document(read_raw_document(path, repair=False), load_vocabulary())
    except (InputRejected, ResourceLimit):
        return None


def load_gold(expected: Path) -> dict:
    return json.loads(expected.read_text(encoding="utf-8"))



__all__ = ["Outcome", "outcome_of", "activities_recovered", "read_without_repair", "load_gold"]
