"""The Ansvarig (responsible) cell → roles with units and relations; units named anywhere in a row.

"Verksamhetschef i samråd med enhetschef Hudmottagningen (med stöd av specialistfunktion)" reads
as three parties: Verksamhetschef (lead), Enhetschef of Hudmottagningen (consulted) and
Specialistfunktion (support). Rules:
- Relation phrases from the vocabulary ("i samråd med", "tillsammans med", "med stöd av" …) start
  a new group of parties with that relation; the parties before the first phrase lead.
- Within a group, parties are separated by commas, "och", "samt" (not the "och" of a suspended
  compound: "Kirurgi- och urologimottagningen" is one unit). "/" joins a unit to a role
  ("Sus/programkontor": the programme office of SUS) or two roles ("VC/EC").
- A party's role and units are found by rapidfuzz over word windows, ignoring case, spaces,
  hyphens and dots ("Verksamhets chef", "Verksamhets-chef", "vårdadm. enheten"); abbreviations
  (VC, SUS) only exactly. Nothing below the vocabulary's threshold is taken.
- A party naming only units right after a party with a role and a unit continues its list
  ("Enhetschef Hudmottagningen och Ögonmottagningen"); otherwise a unit with no role (a team, a
  ward: "Hjärtavd. Malmö") gives no role but still counts among the row's units.
- A party with neither role nor unit, or a leftover word that looks like a unit name
  ("Enhetschef Hudmotagnigen"), is reported as unmatched, never guessed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from followup.normalize.vocabulary import NameIndex, Vocabulary, match_key
from followup.schemas.document import Relation, Responsible, Role

# Names this short are too easily one letter away from an ordinary word: only exact keys match.
MIN_FUZZY_KEY = 8
# A unit or role name is at most this many printed words ("Kirurgi- och urologimottagningen").
MAX_WINDOW = 4

_TOKEN = re.compile(r"[^\s,;/()\[\]]+")
_PARTY_SEPARATOR = re.compile(r"\s*[,;&]\s*|(?<!-)\s+(?:och|samt|resp\.?|respektive)\s+(?=\S)", re.IGNORECASE)
_EDGE_PUNCTUATION = ".,;:!?()[]\"'”“"
# Words that join a role to its unit or qualify it, never themselves a name.
_FILLER = {"för", "på", "i", "inom", "vid", "av", "med", "och", "samt", "den", "det", "de", "respektive",
           "resp", "berörd", "berörda", "ansvarig", "ansvariga", "samtliga", "alla", "varje", "ev"}


@dataclass(frozen=True)
class NameMatch:
    """A name found in text: tokens [start, end) mean `name`, with a rapidfuzz score."""

    start: int
    end: int
    name: str
    score: float


@dataclass(frozen=True)
class Party:
    roles: tuple[NameMatch, ...]
    units: tuple[NameMatch, ...]
    unmatched: tuple[str, ...]


def parse_responsible(text: str | None, vocabulary: Vocabulary) -> tuple[Responsible | None, list[str]]:
    """The roles a responsible cell names, and the names in it that matched nothing.

    `Responsible.text` is the text as given (whitespace collapsed), never rewritten. Blank → (None, []).
    """
    if text is None or not text.strip():
        return None, []
    printed = " ".join(text.split())
    roles: list[Role] = []
    unmatched: list[str] = []
    for relation, group in relation_groups(printed, vocabulary):
        previous_roles: list[Role] = []
        for party_text in split_parties(group):
            party = read_party(party_text, vocabulary)
            unmatched.extend(party.unmatched)
            party_roles = _roles_of(party, relation)
            if not party.roles and party.units and previous_roles and previous_roles[-1].unit is not None:
                # "Enhetschef Hudmottagningen, Ögonmottagningen och …": the list goes on with the same role.
                party_roles = [Role(role=previous_roles[-1].role, unit=unit.name, relation=relation)
                               for unit in party.units]
            roles.extend(role for role in party_roles if role not in roles)
            previous_roles = party_roles
    return Responsible(text=printed, roles=roles), unmatched


def units_named(texts: Iterable[str | None], vocabulary: Vocabulary) -> list[str]:
    """Canonical names of the units mentioned in any of the texts, in first-mention order, once each."""
    named: list[str] = []
    for text in texts:
        if not text:
            continue
        tokens = _tokens(text)
        for match in sorted(find_units(tokens, vocabulary) + find_numbered_units(text, vocabulary),
                            key=lambda m: m.start):
            if match.name not in named:
                named.append(match.name)
    return named


def relation_groups(text: str, vocabulary: Vocabulary) -> list[tuple[Relation, str]]:
    """The text cut at its relation phrases: [(lead, "Verksamhetschef"), (consulted, "enhetschef …"), …]."""
    phrases = {match_key(p.phrase): p.relation for p in vocabulary.relations}
    pattern = _relation_pattern(tuple(p.phrase for p in vocabulary.relations))
    pieces = pattern.split(text)
    groups: list[tuple[Relation, str]] = [("lead", pieces[0])]
    for phrase, group in zip(pieces[1::2], pieces[2::2], strict=False):
        groups.append((phrases.get(match_key(phrase), "consulted"), group))
    return [(relation, group) for relation, group in groups if group.strip(" ()")]


def split_parties(group: str) -> list[str]:
    """One relation group cut into its parties: "verksamhetschef och enhetschefer, teamet" → three."""
    parties = (part.strip(" " + _EDGE_PUNCTUATION) for part in _PARTY_SEPARATOR.split(group.replace("(", " ").replace(")", " ")))
    return [party for party in parties if party]


def read_party(text: str, vocabulary: Vocabulary) -> Party:
    """The roles and units one party names, and any name-like words left unexplained."""
    tokens = _tokens(text)
    roles = find_names(tokens, vocabulary.role_index, vocabulary.threshold)
    taken = {i for match in roles for i in range(match.start, match.end)}
    units = [m for m in find_units(tokens, vocabulary) + find_numbered_units(text, vocabulary)
             if not taken & set(range(m.start, m.end))]
    taken |= {i for match in units for i in range(match.start, match.end)}
    leftover = [i for i in range(len(tokens)) if i not in taken and _is_name_like(tokens[i], vocabulary)]
    if not roles and not units:
        words = [t for t in tokens if t.strip(_EDGE_PUNCTUATION).casefold() not in _FILLER]
        return Party((), (), (text,) if words else ())
    return Party(tuple(roles), tuple(units), tuple(_runs(tokens, leftover)))


def find_units(tokens: list[str], vocabulary: Vocabulary) -> list[NameMatch]:
    """Units named by these tokens (by name, alias or abbreviation)."""
    return find_names(tokens, vocabulary.unit_index, vocabulary.threshold)


def find_numbered_units(text: str, vocabulary: Vocabulary) -> list[NameMatch]:
    """Units named by a pattern ("Avd. 2"), located at the token where they start."""
    starts = _token_starts(text)
    found = []
    for pattern in vocabulary.unit_patterns:
        for match in pattern.regex.finditer(text):
            first = max((i for i, start in enumerate(starts) if start <= match.start()), default=0)
            last = max((i for i, start in enumerate(starts) if start < match.end()), default=first)
            found.append(NameMatch(first, last + 1, pattern.name_for(match), 100.0))
    return found


# Lookups remembered per index at most; a long batch worker forgets them all past this many.
MAX_REMEMBERED_MATCHES = 200_000


def best_match(key: str, index: NameIndex, threshold: float) -> tuple[str, float, int] | None:
    """rapidfuzz's best key of the index for `key` at or above `threshold` (choice, score, position), or None.

    Remembered in the index: the same windows come back row after row, and the lookup is the
    costliest step of normalisation.
    """
    remembered = index.best_matches
    found = remembered.get((key, threshold), _UNSEEN)
    if found is _UNSEEN:
        if len(remembered) >= MAX_REMEMBERED_MATCHES:
            remembered.clear()
        # extractOne rather than cdist: cdist would pull numpy into the start-up of every command.
        found = remembered[(key, threshold)] = process.extractOne(key, index.keys, scorer=fuzz.ratio,
                                                                  score_cutoff=threshold)
    return found


_UNSEEN = object()


def find_names(tokens: list[str], index: NameIndex, threshold: float) -> list[NameMatch]:
    """Non-overlapping names from `index` in the tokens, best score (then longest) first.

    Every window of 1–MAX_WINDOW tokens is compared, joined, in match_key form, so a name split by
    a space or hyphen is found; abbreviations must equal a whole token.
    """
    candidates = _exact_abbreviations(tokens, index)
    # match_key works character by character, so a window's key is its tokens' keys joined.
    keys = [match_key(token) for token in tokens]
    windows = [(start, end, "".join(keys[start:end]))
               for start in range(len(tokens)) for end in range(start + 1, min(start + MAX_WINDOW, len(tokens)) + 1)]
    for start, end, key in windows:
        if not key:
            continue
        best = best_match(key, index, threshold)
        if best is None:
            continue
        _, score, position = best
        if score == 100 or min(len(key), len(index.keys[position])) >= MIN_FUZZY_KEY:
            candidates.append(NameMatch(start, end, index.names[position], float(score)))
    chosen: list[NameMatch] = []
    used: set[int] = set()
    for match in sorted(candidates, key=lambda m: (-m.score, -(m.end - m.start), m.start)):
        span = set(range(match.start, match.end))
        if not span & used:
            chosen.append(match)
            used |= span
    return sorted(chosen, key=lambda m: m.start)


def _exact_abbreviations(tokens: list[str], index: NameIndex) -> list[NameMatch]:
    found = []
    for i, token in enumerate(tokens):
        bare = re.sub(r":s$", "", token.strip(_EDGE_PUNCTUATION))  # "LiL:s" is LiL's
        if bare in index.exact:
            found.append(NameMatch(i, i + 1, index.exact[bare], 100.0))
    return found


def _roles_of(party: Party, relation: Relation) -> list[Role]:
    """Each role of a party with the units after it (each unit goes to the nearest role before it)."""
    if not party.roles:
        return []
    units_by_role: dict[int, list[str]] = {i: [] for i in range(len(party.roles))}
    for unit in party.units:
        owner = max((i for i, role in enumerate(party.roles) if role.start <= unit.start), default=0)
        units_by_role[owner].append(unit.name)
    roles = []
    for i, role in enumerate(party.roles):
        unit_names: list[str | None] = [*units_by_role[i]] or [None]
        for unit_name in unit_names:
            roles.append(Role(role=role.name, unit=unit_name, relation=relation))
    return roles


def _is_name_like(token: str, vocabulary: Vocabulary) -> bool:
    """A leftover word that probably names a unit we do not know (capitalised, or a unit word)."""
    word = token.strip(_EDGE_PUNCTUATION)
    if not word or word.casefold() in _FILLER or not any(ch.isalpha() for ch in word):
        return False
    key = match_key(word)
    return word[0].isupper() or any(stem in key for stem in vocabulary.unit_words)


def _runs(tokens: list[str], indices: list[int]) -> list[str]:
    """Consecutive token indices joined back into the words they were."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [" ".join(tokens[i] for i in run).strip(_EDGE_PUNCTUATION) for run in runs]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _token_starts(text: str) -> list[int]:
    return [m.start() for m in _TOKEN.finditer(text)]


_PATTERN_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _relation_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for every relation phrase, tolerant of a line-break hyphen inside a word."""
    if phrases not in _PATTERN_CACHE:
        alternatives = []
        for phrase in sorted(phrases, key=len, reverse=True):
            words = ["-?\\s?".join(re.escape(ch) for ch in word) for word in phrase.split()]
            alternatives.append(r"[\s-]+".join(words))
        _PATTERN_CACHE[phrases] = re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    return _PATTERN_CACHE[phrases]
