"""Recognising a table's header row and the role of each column from its wording."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence

from rapidfuzz import fuzz

from extract.text_lines import TextLine, Word


@dataclass(frozen=True)
class HeaderVocabulary:
    columns: dict[str, tuple[str, ...]]  # role → normalised synonyms
    sections: dict[str, tuple[str, ...]]  # section → normalised headings
    min_roles: int
    fuzzy_threshold: float
    # The header repeats on every page: each wording is looked up once.
    known_roles: dict[str, Optional[str]] = field(default_factory=dict, compare=False, hash=False, repr=False)


def header_key(text: str) -> str:
    """Normalise header wording: case, hyphens, spaces and punctuation do not matter."""
    return re.sub(r"[\s\-–­.:]+", "", text).casefold()


@lru_cache(maxsize=4)
def load_header_vocabulary(path: Optional[Path] = None) -> HeaderVocabulary:
    """Read the header synonyms (the bundled file unless a path is given)."""
    if path is None:
        raw = tomllib.loads(resources.files("extract").joinpath("data/headers.toml").read_text("utf-8"))
    else:
        raw = tomllib.loads(Path(path).read_text("utf-8"))
    columns = {role: tuple(header_key(s) for s in synonyms) for role, synonyms in raw["columns"].items()}
    sections = {name: tuple(header_key(s) for s in headings) for name, headings in raw["sections"].items()}
    recognition = raw.get("recognition", {})
    return HeaderVocabulary(
        columns=columns,
        sections=sections,
        min_roles=int(recognition.get("min_roles", 4)),
        fuzzy_threshold=float(recognition.get("fuzzy_threshold", 88)),
    )


def column_role(text: str, vocabulary: HeaderVocabulary) -> Optional[str]:
    """The role a header cell's text names, or None when it names none."""
    # A note in brackets does not change what a column is: "Tid (klart senast)" is Tid.
    key = header_key(re.sub(r"\(.*?\)", "", text)) or header_key(text)
    if not key:
        return None
    if key not in vocabulary.known_roles:
        vocabulary.known_roles[key] = _role_of_key(key, vocabulary)
    return vocabulary.known_roles[key]


def _role_of_key(key: str, vocabulary: HeaderVocabulary) -> Optional[str]:
    for role, synonyms in vocabulary.columns.items():
        if key in synonyms:
            return role
    best_role, best_score = None, 0.0
    for role, synonyms in vocabulary.columns.items():
        for synonym in synonyms:
            if len(synonym) < 5:
                continue  # short words ("mål", "tid") only match exactly
            # The cutoff only spares rapidfuzz the work on hopeless pairs: below it the score is 0.
            score = fuzz.ratio(key, synonym, score_cutoff=vocabulary.fuzzy_threshold)
            if score > best_score:
                best_role, best_score = role, score
    return best_role if best_score >= vocabulary.fuzzy_threshold else None


@dataclass(frozen=True)
class HeaderCell:
    role: Optional[str]
    words: tuple[Word, ...]

    @property
    def x0(self) -> float:
        return self.words[0].box.x0

    @property
    def x1(self) -> float:
        return self.words[-1].box.x1


def header_cells(line: TextLine, vocabulary: HeaderVocabulary) -> list[HeaderCell]:
    """Split a header line into cells: greedily the longest run of words that names a role."""
    words = line.words
    cells: list[HeaderCell] = []
    i = 0
    while i < len(words):
        for span in (3, 2, 1):
            run = words[i : i + span]
            if len(run) < span:
                continue
            if span > 1 and _has_column_gap(run):
                continue
            role = column_role(" ".join(w.text for w in run), vocabulary)
            if role is not None or span == 1:
                cells.append(HeaderCell(role, tuple(run)))
                i += span
                break
    return cells


def _has_column_gap(run: Sequence[Word]) -> bool:
    """Words of one header cell sit a space apart; a wider gap means the next column."""
    for left, right in zip(run, run[1:]):
        if right.box.x0 - left.box.x1 > 0.9 * max(left.size, right.size):
            return True
    return False


def is_header_line(line: TextLine, vocabulary: HeaderVocabulary) -> bool:
    """A line naming enough distinct column roles is a table header."""
    if len(line.words) < vocabulary.min_roles:
        return False
    roles = {cell.role for cell in header_cells(line, vocabulary) if cell.role}
    return len(roles) >= vocabulary.min_roles


def section_of_heading(text: str, vocabulary: HeaderVocabulary) -> Optional[str]:
    """"done" or "active" when a line is a section heading ("Klara aktiviteter"), else None.

    A heading starts with a capital and does not end a sentence, which tells it from the same
    words wrapped onto a line of running text.
    """
    text = text.strip()
    if not text or not text[0].isupper() or text.endswith((".", ",", ":")):
        return None
    key = header_key(text)
    for section in ("done", "active"):
        if key in vocabulary.sections.get(section, ()):
            return section
    return None
