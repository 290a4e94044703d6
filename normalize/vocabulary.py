"""The words normalize/ understands: units, roles, relation phrases, status labels, abbreviations.

They are data (TOML files in normalize/data/, format in normalize/data/README.md), not code; a user
extends or replaces them with their own files (`followup extract --vocabulary FILE`).
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, get_args

from followup.schemas.document import Relation

DATA_DIR = Path(__file__).parent / "data"
BUILTIN_FILES = ("units.toml", "roles.toml", "status.toml", "abbreviations.toml", "groups.toml")
UNIT_KINDS = ("region", "hospital", "area", "clinic", "ward", "unit")
SECTIONS = ("unit", "pattern", "role", "relation", "label", "abbreviation", "group_label")

_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


class VocabularyError(ValueError):
    """A vocabulary file that cannot be read or says something impossible."""


def match_key(text: str) -> str:
    """The form names are compared in: lower case, only letters and digits.

    Spaces, hyphens and dots carry no meaning in a unit or role name but vary with line breaks and
    habits ("Verksamhets-chef", "vårdadm. enheten"), so they are dropped before comparing.
    """
    return _NOT_LETTER_OR_DIGIT.sub("", text.casefold())


@dataclass(frozen=True)
class Unit:
    """An organisational unit with every way it is written."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitPattern:
    """Units that are numbered rather than named, e.g. wards: "Avd. 2"."""

    regex: re.Pattern[str]
    name: str
    kind: str

    def name_for(self, match: re.Match[str]) -> str:
        """The canonical name of the unit one match of `regex` names."""
        name = self.name
        for number, group in enumerate(match.groups(), start=1):
            name = name.replace(f"{{{number}}}", group or "")
        return name


@dataclass(frozen=True)
class RoleTerm:
    """A role (Verksamhetschef, Enhetschef …) with every way it is written."""

    name: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelationPhrase:
    """A phrase that says how the parties after it relate to the lead, e.g. "i samråd med"."""

    phrase: str
    relation: Relation


# What a status word may say: one of the statuses, or that the work has not started ("Ej påbörjad"),
# which is no status (null) but still a word that decides.
NOT_STARTED: Final = "not_started"
LabelStatus = Literal["done", "in_progress", "delayed", "not_started"]


@dataclass(frozen=True)
class StatusLabel:
    text: str
    status: LabelStatus


@dataclass(frozen=True)
class Abbreviation:
    short: str
    long: str


@dataclass(frozen=True)
class NameIndex:
    """Fuzzy and exact lookup tables for one kind of name (units or roles), built once."""

    keys: tuple[str, ...]  # match_key of every name and alias
    names: tuple[str, ...]  # the canonical name each key belongs to
    exact: Mapping[str, str]  # abbreviation as printed → canonical name
    # Fuzzy lookups already made, (key, threshold) → extractOne's answer: a report names the same
    # parties row after row (normalize.responsibles.best_match fills it).
    best_matches: dict[tuple[str, float], Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def build(cls, entries: Sequence[Unit] | Sequence[RoleTerm]) -> NameIndex:
        keys: dict[str, str] = {}
        exact: dict[str, str] = {}
        for entry in entries:
            for written in (entry.name, *entry.aliases):
                keys.setdefault(match_key(written), entry.name)
            for short in entry.abbreviations:
                exact.setdefault(short, entry.name)
        keys.pop("", None)
        return cls(tuple(keys), tuple(keys.values()), exact)


@dataclass(frozen=True)
class Vocabulary:
    """Everything normalize/ needs to know about the language of follow-up reports."""

    units: tuple[Unit, ...]
    unit_patterns: tuple[UnitPattern, ...]
    roles: tuple[RoleTerm, ...]
    relations: tuple[RelationPhrase, ...]
    status_labels: tuple[StatusLabel, ...]
    abbreviations: tuple[Abbreviation, ...]
    threshold: float = 90.0
    unit_words: tuple[str, ...] = ()
    group_labels: tuple[str, ...] = ()  # "Område" in a group row "Område: Tillgänglighet"
    unit_index: NameIndex = field(init=False, repr=False, compare=False)
    role_index: NameIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit_index", NameIndex.build(self.units))
        object.__setattr__(self, "role_index", NameIndex.build(self.roles))


def load_vocabulary(extra_files: Sequence[Path] = ()) -> Vocabulary:
    """The built-in vocabulary, extended (or partly replaced) by each extra TOML file in turn.

    The built-in one is read once per process; extra files are read on every call.
    """
    if not extra_files:
        return _builtin_vocabulary()
    merged = _builtin_tables()
    for path in extra_files:
        merged = merge_tables(merged, _read_toml(Path(path)))
    return _vocabulary_from(merged, source=", ".join(str(p) for p in extra_files))


@functools.lru_cache(maxsize=1)
def _builtin_vocabulary() -> Vocabulary:
    return _vocabulary_from(_builtin_tables(), source=str(DATA_DIR))


def _builtin_tables() -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for name in BUILTIN_FILES:
        merged = merge_tables(merged, _read_toml(DATA_DIR / name))
    return merged


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as error:
        raise VocabularyError(f"{path}: cannot read ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise VocabularyError(f"{path}: not valid TOML ({error})") from error


def merge_tables(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Fold one vocabulary file into what is known so far.

    Entries naming a known unit or role add their aliases and abbreviations to it; other entries are
    appended. A section listed in the file's top-level `replace` starts from nothing instead.
    """
    replaced = set(extra.get("replace", ()))
    unknown = replaced - set(SECTIONS)
    if unknown:
        raise VocabularyError(f"replace names unknown sections: {sorted(unknown)}")
    merged: dict[str, Any] = {
        section: ([] if section in replaced else list(base.get(section, []))) for section in SECTIONS
    }
    for section in ("unit", "role"):
        for entry in extra.get(section, []):
            _merge_named(merged[section], entry, section)
    for section in ("pattern", "relation", "label", "abbreviation", "group_label"):
        merged[section].extend(extra.get(section, []))
    matching = dict(base.get("matching", {}))
    extra_matching = extra.get("matching", {})
    if "threshold" in extra_matching:
        matching["threshold"] = extra_matching["threshold"]
    matching["unit_words"] = [*matching.get("unit_words", []), *extra_matching.get("unit_words", [])]
    merged["matching"] = matching
    return merged


def _merge_named(entries: list[dict[str, Any]], entry: Mapping[str, Any], section: str) -> None:
    if "name" not in entry:
        raise VocabularyError(f"a [[{section}]] entry has no name: {dict(entry)}")
    for index, known in enumerate(entries):
        if known["name"].casefold() == entry["name"].casefold():
            entries[index] = {
                **known,
                **{k: v for k, v in entry.items() if k not in ("aliases", "abbreviations")},
                "aliases": [*known.get("aliases", []), *entry.get("aliases", [])],
                "abbreviations": [*known.get("abbreviations", []), *entry.get("abbreviations", [])],
            }
            return
    entries.append(dict(entry))


def _vocabulary_from(tables: Mapping[str, Any], source: str) -> Vocabulary:
    try:
        matching = tables.get("matching", {})
        return Vocabulary(
            units=tuple(_unit(entry) for entry in tables["unit"]),
            unit_patterns=tuple(_pattern(entry) for entry in tables["pattern"]),
            roles=tuple(
                RoleTerm(e["name"], tuple(e.get("aliases", ())), tuple(e.get("abbreviations", ())))
                for e in tables["role"]
            ),
            relations=tuple(_relation(entry) for entry in tables["relation"]),
            status_labels=tuple(_status_label(entry) for entry in tables["label"]),
            abbreviations=tuple(Abbreviation(e["short"], e["long"]) for e in tables["abbreviation"]),
            threshold=float(matching.get("threshold", 90)),
            unit_words=tuple(word.casefold() for word in matching.get("unit_words", ())),
            group_labels=tuple(e["text"] for e in tables["group_label"]),
        )
    except KeyError as missing:
        raise VocabularyError(f"{source}: an entry lacks the key {missing}") from missing
    except re.error as error:
        raise VocabularyError(f"{source}: a [[pattern]] regex is invalid ({error})") from error


def _unit(entry: Mapping[str, Any]) -> Unit:
    kind = entry.get("kind", "unit")
    if kind not in UNIT_KINDS:
        raise VocabularyError(f"unit {entry['name']!r}: kind {kind!r} is not one of {UNIT_KINDS}")
    return Unit(entry["name"], kind, tuple(entry.get("aliases", ())), tuple(entry.get("abbreviations", ())))


def _pattern(entry: Mapping[str, Any]) -> UnitPattern:
    return UnitPattern(re.compile(entry["regex"]), entry["name"], entry.get("kind", "unit"))


def _relation(entry: Mapping[str, Any]) -> RelationPhrase:
    if entry["relation"] not in get_args(Relation):
        raise VocabularyError(f"relation {entry['phrase']!r}: {entry['relation']!r} is not one of {get_args(Relation)}")
    return RelationPhrase(entry["phrase"], entry["relation"])


def _status_label(entry: Mapping[str, Any]) -> StatusLabel:
    if entry["status"] not in get_args(LabelStatus):
        raise VocabularyError(
            f"status label {entry['text']!r}: {entry['status']!r} is not one of {get_args(LabelStatus)}")
    return StatusLabel(entry["text"], entry["status"])
