"""Swedish line-break repair for text taken out of PDF cells.

A PDF keeps the line breaks of its narrow columns. Lines that end in a hyphen need a reader's
judgement: most hyphens were put there by hyphenation and go away ("patien-" + "terna"), some are
real and stay ("SKALL-" + "krav", "2024-" + "06-01"), and some start a suspended compound that keeps
its space ("hälso-" + "och sjukvård"). The judgement is made with the hunspell sv_SE lexicon (the
`hunspell-sv` package), read directly: stems and suffix rules are loaded once, lazily, and words are
analysed on demand, including the compounds Swedish makes freely (verksamhets+chef) and the
triple-consonant rule (till+låta = tillåta).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import re
import sys
import sysconfig
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pyphen

    from followup.schemas.raw import HyphenDrawing

Decision = Literal["join", "keep", "suspended"]

_DATA_FILE = Path(__file__).parent / "data" / "linebreaks.toml"
_DICTIONARY_NAME = "sv_SE"

# Hunspell flags of the sv_SE affix file (named in its header: COMPOUNDBEGIN X, COMPOUNDMIDDLE U,
# COMPOUNDEND Y, ONLYINCOMPOUND Z, NEEDAFFIX ¤, FORBIDDENWORD %).
_BEGIN, _MIDDLE, _END, _ONLY_IN_COMPOUND = "X", "U", "Y", "Z"
_NEED_AFFIX, _FORBIDDEN = "¤", "%"
_MAX_COMPOUND_PARTS = 4  # COMPOUNDWORDMAX
_MIN_COMPOUND_PART = 2  # COMPOUNDMIN

_VOWELS = frozenset("aeiouyåäöéèáàüâêîôû")
_WORD_CHARS = re.compile(r"[\w]+", re.UNICODE)


# ---------------------------------------------------------------------------------------------
# The lexicon


@dataclass(frozen=True)
class SuffixRule:
    """One hunspell SFX line: strip `strip` from a stem ending in `condition`, add the ending."""

    flag: str
    strip: str
    continuation: str
    condition: re.Pattern[str] | None


@dataclass(frozen=True)
class Reading:
    """What one analysis of a surface form allows: a word on its own, or a part of a compound."""

    standalone: bool
    begin: bool
    middle: bool
    end: bool


class SwedishLexicon:
    """The hunspell sv_SE dictionary, analysed lazily word by word (no affix expansion up front)."""

    def __init__(self, stems: Mapping[str, str], suffixes: Mapping[str, tuple[SuffixRule, ...]]):
        self._stems = stems
        self._suffixes = suffixes
        self._longest_ending = max((len(e) for e in suffixes), default=0)

    @classmethod
    def from_hunspell(cls, dic_path: Path, aff_path: Path) -> SwedishLexicon:
        """Read a hunspell .dic/.aff pair: stems with their flags, suffix rules by their ending."""
        return cls(_read_stems(dic_path), _read_suffix_rules(aff_path))

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon lives as long as the process
    def readings(self, form: str) -> tuple[Reading, ...]:
        """Every way `form` (lower case) is a dictionary word or compound part, without compounding."""
        found: list[Reading] = []
        for stem in _case_variants(form):
            flags = self._stems.get(stem)
            if flags is not None and _NEED_AFFIX not in flags and _FORBIDDEN not in flags:
                found.append(_reading(flags, stem_flags=flags))
        for cut in range(1, min(self._longest_ending, len(form) - 1) + 1):
            ending, base = form[-cut:], form[:-cut]
            for rule in self._suffixes.get(ending, ()):
                for stem in _case_variants(base + rule.strip):
                    flags = self._stems.get(stem)
                    if flags is None or rule.flag not in flags or _FORBIDDEN in flags:
                        continue
                    if rule.condition is not None and not rule.condition.search(stem.lower()):
                        continue
                    found.append(_reading(rule.continuation or flags, stem_flags=flags))
        return tuple(found)

    def is_standalone(self, form: str) -> bool:
        """`form` is listed (or inflected from a listed stem) as a word of its own."""
        return any(r.standalone for r in self.readings(form.lower()))

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon lives as long as the process
    def is_word(self, form: str) -> bool:
        """`form` is a Swedish word: listed, inflected, or a compound of listed parts."""
        form = form.lower()
        return self.is_standalone(form) or self.is_compound(form)

    def is_compound(self, form: str) -> bool:
        """`form` splits into 2–4 parts the lexicon allows to begin, continue and end a compound.

        A double consonant before a part that starts with the same consonant also stands for a
        triple one (SIMPLIFIEDTRIPLE: "till" + "låta" is written "tillåta").
        """
        return self._compound_from(form.lower(), 0, first=True)

    @functools.lru_cache(maxsize=16384)  # noqa: B019 - one lexicon lives as long as the process
    def begins_word(self, piece: str) -> bool:
        """`piece` is how a word or a compound of the lexicon begins ("informationsö", "digita")."""
        piece = piece.lower()
        return self.is_word(piece) or self._begins_stem(piece) or self._begins_from(piece, 0)

    def _begins_from(self, piece: str, parts: int) -> bool:
        """Compound parts up to a cut, then the start of a stem: "informations" + "ö"."""
        for cut in range(_MIN_COMPOUND_PART, len(piece)):
            head, rest = piece[:cut], piece[cut:]
            readings = self.readings(head)
            if not any(r.middle if parts else r.begin for r in readings):
                continue
            if self._begins_stem(rest):
                return True
            if parts + 2 < _MAX_COMPOUND_PARTS and self._begins_from(rest, parts + 1):
                return True
        return False

    def _begins_stem(self, piece: str) -> bool:
        stems = self._sorted_stems
        at = bisect.bisect_left(stems, piece)
        return at < len(stems) and stems[at].startswith(piece)

    @functools.cached_property
    def _sorted_stems(self) -> tuple[str, ...]:
        """The stems in lower case, sorted, for finding those that begin with a piece (built once)."""
        return tuple(sorted(map(str.lower, self._stems)))

    def _compound_from(self, form: str, parts: int, first: bool) -> bool:
        for head, rest in _splits(form):
            readings = self.readings(head)
            allowed = any(r.begin for r in readings) if first else any(r.middle for r in readings)
            if not allowed:
                continue
            if any(r.end for r in self.readings(rest)):
                return True
            if parts + 2 < _MAX_COMPOUND_PARTS and self._compound_from(rest, parts + 1, False):
                return True
        return False


def _splits(form: str) -> Iterable[tuple[str, str]]:
    """Head/rest pairs with both parts long enough, plus the triple-consonant reading."""
    for cut in range(_MIN_COMPOUND_PART, len(form) - _MIN_COMPOUND_PART + 1):
        head, rest = form[:cut], form[cut:]
        yield head, rest
        if head[-1] == head[-2] and head[-1] not in _VOWELS and rest[0] != head[-1]:
            yield head, head[-1] + rest


def _case_variants(form: str) -> tuple[str, ...]:
    """The dictionary keeps proper names capitalised and acronyms in capitals."""
    return (form, form[:1].upper() + form[1:], form.upper())


def _reading(flags: str, stem_flags: str) -> Reading:
    """A form's reading from the flags it carries (an affix's continuation flags, or its stem's)."""
    only_in_compound = _ONLY_IN_COMPOUND in flags
    return Reading(
        standalone=not only_in_compound,
        begin=_BEGIN in flags,
        middle=_MIDDLE in flags,
        # An inflected last part keeps the stem's permission to end a compound (vård+chefer).
        end=_END in flags or (_END in stem_flags and not only_in_compound),
    )


def _read_stems(dic_path: Path) -> dict[str, str]:
    stems: dict[str, str] = {}
    lines = dic_path.read_text(encoding="utf-8").split("\n")
    for line in lines[1:]:
        stem, _, flags = line.partition("/")
        # A stem listed twice (tjänst/ADHUXY and tjänst/Y) has the union of its flags.
        stems[stem] = stems[stem] + flags if stem in stems else flags
    stems.pop("", None)
    return stems


def _read_suffix_rules(aff_path: Path) -> dict[str, tuple[SuffixRule, ...]]:
    rules: dict[str, list[SuffixRule]] = {}
    for line in aff_path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) < 5 or fields[0] != "SFX":
            continue
        flag, strip, ending, condition = fields[1], fields[2], fields[3], fields[4]
        ending, _, continuation = ending.partition("/")
        rule = SuffixRule(
            flag=flag,
            strip="" if strip == "0" else strip,
            continuation=continuation,
            condition=None if condition == "." else re.compile(f"(?:{condition})$"),
        )
        rules.setdefault("" if ending == "0" else ending, []).append(rule)
    return {ending: tuple(group) for ending, group in rules.items()}


def _dictionary_dirs() -> list[Path]:
    """Where hunspell-sv installs its files (the environment's share/), then the system's."""
    return [
        Path(sysconfig.get_path("data")) / "share" / "hunspell",
        Path(sys.prefix) / "share" / "hunspell",
        Path("/usr/share/hunspell"),
        Path("/usr/share/myspell"),
    ]


@functools.cache
def swedish_lexicon() -> SwedishLexicon:
    """The sv_SE lexicon, loaded on first use and kept for the life of the process.

    Read from the disk cache (normalize/disk_cache.py) when the dictionary files and the code that
    reads them are unchanged: parsing the .dic is most of a one-page extract's start-up otherwise.
    """
    for directory in _dictionary_dirs():
        dic, aff = directory / f"{_DICTIONARY_NAME}.dic", directory / f"{_DICTIONARY_NAME}.aff"
        if dic.is_file() and aff.is_file():
            return _cached_lexicon(dic, aff)
    raise FileNotFoundError("the hunspell sv_SE dictionary is missing: pip install hunspell-sv")


def _cached_lexicon(dic: Path, aff: Path) -> SwedishLexicon:
    from followup.normalize.disk_cache import load_cached
    from followup.normalize.stems import BucketedStems, bucketed

    stems, rules = load_cached(f"lexicon-{_DICTIONARY_NAME}", [dic, aff], lambda: _lexicon_data(dic, aff), tuple,
                               builders=[_lexicon_data, _read_stems, _read_suffix_rules, _plain_rules, bucketed])
    return SwedishLexicon(BucketedStems(stems), _compiled_rules(rules))


# A suffix rule as plain data for the disk cache: flag, strip, continuation, condition pattern or None.
PlainRule = tuple[str, str, str, str | None]


def _lexicon_data(dic: Path, aff: Path) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[PlainRule, ...]]]:
    """The lexicon read from its hunspell files as plain data that loads fast: the stems as texts per
    bucket (normalize/stems.py), the rules without compiled patterns."""
    from followup.normalize.stems import bucketed

    return bucketed(_read_stems(dic)), _plain_rules(_read_suffix_rules(aff))


def _plain_rules(rules: Mapping[str, tuple[SuffixRule, ...]]) -> dict[str, tuple[PlainRule, ...]]:
    return {ending: tuple((r.flag, r.strip, r.continuation, r.condition.pattern if r.condition else None) for r in group)
            for ending, group in rules.items()}


def _compiled_rules(rules: Mapping[str, tuple[PlainRule, ...]]) -> dict[str, tuple[SuffixRule, ...]]:
    return {ending: tuple(SuffixRule(flag, strip, continuation, re.compile(condition) if condition else None)
                          for flag, strip, continuation, condition in group)
            for ending, group in rules.items()}


# ---------------------------------------------------------------------------------------------
# The vocabulary of the rules


@dataclass(frozen=True)
class LineBreakVocabulary:
    """Function words and signs the rules need (normalize/data/linebreaks.toml)."""

    suspension_conjunctions: frozenset[str]
    suspension_openers: Mapping[str, frozenset[str]]
    hyphen_prefixes: frozenset[str]
    bullets: tuple[str, ...]
    dash_bullet: str
    web_address: re.Pattern[str]
    complete_address: re.Pattern[str]
    domain_path: re.Pattern[str]
    restored_letters: Mapping[str, str]
    words_after_address: frozenset[str]


@functools.cache
def line_break_vocabulary() -> LineBreakVocabulary:
    """The vocabulary shipped with the package."""
    data = tomllib.loads(_DATA_FILE.read_text(encoding="utf-8"))
    web = data["web_address"]
    domains = "|".join(re.escape(d) for d in web["top_level_domains"])
    signs = "|".join(re.escape(s) for s in web["signs"])
    return LineBreakVocabulary(
        suspension_conjunctions=frozenset(w.lower() for w in data["suspension_conjunctions"]),
        suspension_openers={
            conjunction.lower(): frozenset(w.lower() for w in openers)
            for conjunction, openers in data.get("suspension_openers", {}).items()
        },
        hyphen_prefixes=frozenset(w.lower() for w in data["hyphen_prefixes"]),
        bullets=tuple(data["bullets"]),
        dash_bullet=data["dash_bullet"],
        # A sign of an address, or a domain name: a letter or digit, a period, a top-level domain
        # not followed by a letter ("region-exempel.se/", "1177.se").
        web_address=re.compile(rf"{signs}|[^\W_]\.(?:{domains})(?![^\W\d_])", re.IGNORECASE),
        complete_address=re.compile(rf"[^\W_]\.(?:{domains})$", re.IGNORECASE),
        # A domain name and a path after it ("regionexempel.se/norrmark"): an address without its scheme.
        domain_path=re.compile(rf"[^\W_]\.(?:{domains})/", re.IGNORECASE),
        restored_letters={plain: plain + restored for plain, restored in web["restored_letters"].items()},
        words_after_address=frozenset(w.lower() for w in web["words_after"]),
    )


# ---------------------------------------------------------------------------------------------
# The decision at a hyphen that ends a line


def resolve_line_end_hyphen(
    before: str,
    after: str,
    lexicon: SwedishLexicon | None = None,
    vocabulary: LineBreakVocabulary | None = None,
    document: DocumentWords | None = None,
    preceding: str = "",
    fits: int | None = None,
) -> Decision:
    """Decide what a hyphen ending the line `before` means, given the next line `after`.

    - "join": a hyphenation hyphen; drop it and join ("patien-" + "terna" → "patienterna").
    - "keep": a real hyphen; keep it and join ("SKALL-" + "krav", "2024-" + "06-01", "adm.-" +
      "personalen", "region-" + "exempel.se").
    - "suspended": keep the hyphen and a space ("hälso-" + "och sjukvård"); also a free-standing
      dash ("mott -" + "Nytt").
    `document`: the words the document writes mid-line; a compound written there with or without its
    hyphen is decided that way ("röntgen-" + "remiss" keeps the hyphen where the report writes
    "röntgen-remisserna").
    `preceding`: the paragraph's text before `before`, where the word that opens a two-part
    conjunction may stand ("såväl läkar-" + "som sjuksköterskor").
    `fits`: how many characters of `after`, from its start, would still have fitted on the line of
    `before` (extract measures it on the page: the room left before the text's right edge). It is
    the first rung: an automatic hyphenator (LibreOffice, WeasyPrint; Liang's patterns) breaks a
    word at the last hyphenation point whose piece still fits, so where the joined word has a later
    point within reach the hyphen is the author's: "Tand-" + "vårdsenheten" with room for "vårds"
    (a point of "tandvårdsenheten") is "Tand-vårdsenheten", and before a conjunction such a hyphen
    is suspended. The room never says "join" (a typed hyphen may have no room left either); without
    it (None, plain text) the decision is the lexicon's as below.
    When the evidence is tied the hyphen is kept: a wrongly dropped hyphen cannot be recovered.

    The document's evidence comes before the lexicon's, the nearest first: the compound itself
    written mid-line ("röntgen-remisserna" for "röntgen-" + "remiss"); then the author's habit
    with its first element ("Stroke-vården" for "Stroke-" + "teamets"); then, only when the first
    element tells nothing, the habit with its last element in a parallel compound
    ("utskrivnings-samtalet" for "Inskrivnings-" + "samtalet": first elements that end alike).
    Each is weighed against the closed spellings of the same kind, and only a hyphenated majority
    keeps; a closed one leaves the decision to the lexicon.
    """
    lexicon = lexicon or swedish_lexicon()
    vocabulary = vocabulary or line_break_vocabulary()
    head_token = last_token(before.rstrip())
    head = head_token.removesuffix("-")
    tail = after.strip().split(" ", 1)[0] if after.strip() else ""
    if fits and head and tail and _later_point_fits(head, tail, fits):
        return "suspended" if _is_conjunction(tail, vocabulary) else "keep"
    if head and tail and _is_web_address(head + tail, vocabulary):
        return _resolve_in_web_address(head, tail, lexicon, vocabulary, document)
    if head and _ABBREVIATION.fullmatch(last_part(head)):
        # "adm.-" + "personalen": an abbreviation keeps its period and the author's hyphen.
        return "suspended" if tail and _is_conjunction(tail, vocabulary) else "keep"
    if not head or not head[-1].isalnum():
        return "suspended"
    if not tail or tail[0] in ",;:)]/":
        return "keep"
    fragment = last_part(head)
    tail_word = _leading_word(tail)
    if head[-1].isdigit() or tail[0].isdigit():
        return "keep"
    if not fragment or not tail_word:
        return "keep"
    if _is_conjunction(tail, vocabulary) and _conjunction_opened(tail, f"{preceding} {before}", vocabulary):
        return _resolve_before_conjunction(fragment, tail_word, after, lexicon)
    if is_acronym(fragment) and not is_acronym(tail_word):
        return "keep"
    if len(fragment) == 1:
        return "keep"
    if tail.rstrip(",") == tail_word + "-" and _joined_forms_begin_compound(fragment, tail_word, lexicon):
        # "lä-" + "kar- och sjuksköterskegrupper": the joined piece is itself suspended.
        return "join"
    continues = after.strip() == tail_word + "-"
    return _resolve_word_break(fragment, tail_word, lexicon, vocabulary, document, continues)


# Swedish inflectional endings have at most three letters ("-are", "-ast", "-na").
_MAX_ENDING = 3
_ABBREVIATION = re.compile(r"(?:[^\W\d_]+\.)+")


def _joined_forms_begin_compound(fragment: str, tail_word: str, lexicon: SwedishLexicon) -> bool:
    """The halves joined make a form that only begins compounds ("läkar", "verksamhets")."""
    return any(
        r.begin or r.middle
        for form in _joined_forms(fragment, tail_word)
        for r in lexicon.readings(form.lower())
    )


def _resolve_before_conjunction(
    fragment: str, conjunction: str, after: str, lexicon: SwedishLexicon
) -> Decision:
    """"hälso-" + "och sjukvård" is suspended; "lång-" + "samt framåt" is the word "långsamt"."""
    joined_is_word = _joined_forms_known(fragment, conjunction, lexicon)
    if not joined_is_word:
        return "suspended"
    following = after.strip().split()[1:2]
    completes = bool(following) and _completes_suspension(fragment, following[0], lexicon)
    return "suspended" if completes else "join"


def _completes_suspension(fragment: str, compound: str, lexicon: SwedishLexicon) -> bool:
    """Whether `compound` ends in a part that also makes a word with `fragment`.

    In "hälso- och sjukvård" the suspended "hälso-" stands for "hälsovård", and "sjukvård" ends in
    "vård": the fragment and the shared last part make a word. The fragment must be able to begin a
    compound, or make a listed word with the shared part: "så-" + "som sjuksköterskor" is "såsom",
    although the lexicon's free compounding would accept "såsköterskor".
    """
    word = _leading_word(compound).lower()
    if not word or fragment.isdigit():
        return bool(word)
    fragment = fragment.lower()
    begins = any(r.begin for r in lexicon.readings(fragment))
    for cut in range(1, len(word) - 1):
        shared = word[cut:]
        if len(shared) < _MIN_COMPOUND_PART:
            continue
        # A short shared part must be a word or a compound's last part, not an ending ("lik-" +
        # "som tidigare" is "liksom": "lik" + "are" makes a word, but "-are" is an inflection).
        readings = lexicon.readings(shared)
        is_part = any(r.end or r.standalone for r in readings)
        if (is_part or len(shared) > _MAX_ENDING) and lexicon.is_standalone(fragment + shared):
            return True
        if begins and any(r.end for r in readings) and lexicon.is_word(fragment + shared):
            return True
    return False


def _resolve_word_break(
    fragment: str,
    tail_word: str,
    lexicon: SwedishLexicon,
    vocabulary: LineBreakVocabulary,
    document: DocumentWords | None = None,
    continues: bool = False,
) -> Decision:
    """A break between two runs of letters: a hyphenation point, or a compound's real hyphen.

    `continues`: the next line holds only a piece of the rest of the word ("in-" + "formationsö-").
    """
    spelled = document.spelling(fragment, tail_word, continues) if document else None
    if spelled is not None:
        # The author's own spelling of this compound elsewhere in the document decides.
        return "keep" if spelled == "hyphenated" else "join"
    habit = document.first_element_spelling(fragment, lexicon) if document and not continues else None
    if habit == "hyphenated" and lexicon.is_word(tail_word):
        # The author hyphenates after this first element elsewhere ("Stroke-vården" mid-line):
        # "Stroke-" + "teamets" is that habit, not hyphenation at the compound's seam.
        return "keep"
    parallel = document.last_element_spelling(fragment, tail_word) if document and habit is None else None
    if parallel == "hyphenated" and not continues:
        # The author hyphenates before this last element in a parallel compound ("utskrivnings-
        # samtalet" mid-line): "Inskrivnings-" + "samtalet" is that habit.
        return "keep"
    if _listed_with_hyphen(fragment, tail_word, lexicon) or fragment.lower() in vocabulary.hyphen_prefixes:
        # Listed with its hyphen ("drop-in", "e-post"), or a prefix Swedish always writes with one
        # ("icke-akut"): the hyphen is real.
        return "keep"
    if not continues and _is_seam_the_patterns_never_break(fragment, tail_word, lexicon):
        # LibreOffice and WeasyPrint break only where the Swedish patterns allow: between two
        # words where the patterns allow no break ("patient-" + "enkäten"), the hyphen is the author's.
        return "keep"
    if _joined_forms_known(fragment, tail_word, lexicon):
        return "join"
    if not _has_vowel(fragment):
        return "keep"
    if continues and lexicon.begins_word(fragment + tail_word):
        # Only a piece of the word is in sight: a piece that starts a known word or compound.
        return "join"
    if _loose_compound(fragment + tail_word, lexicon):
        return "join"
    if document and document.follows_hyphen(tail_word) and not lexicon.is_word(fragment):
        # An unknown fragment before a word the document writes after a hyphen ("ssk-ombuden"):
        # an abbreviation's real hyphen ("usk-" + "ombuden"), not an unknown word's hyphenation.
        return "keep"
    if len(fragment) > 2 and _is_hyphenation_point(fragment, tail_word):
        # An unknown word broken where the hyphenation patterns allow; a two-letter fragment
        # that is no word is more likely an abbreviation ("op-" + "tid").
        return "join"
    return "keep"


def _listed_with_hyphen(fragment: str, tail_word: str, lexicon: SwedishLexicon) -> bool:
    """The dictionary lists the compound with its hyphen, and that is the spelling to keep.

    Where it lists the closed spelling too, the hyphenated entry wins only when the first part is
    no Swedish word ("drop-in", "e-post", "u-land"); "för-slag" is listed, but a
    Swedish writer's "för-" + "slag" is the word "förslag" hyphenated.
    """
    if not lexicon.is_standalone(f"{fragment}-{tail_word}"):
        return False
    if not lexicon.is_standalone(fragment + tail_word) or len(fragment) <= _MIN_COMPOUND_PART:
        return True
    return not any(r.begin or r.standalone for r in lexicon.readings(fragment.lower()))


def _is_seam_the_patterns_never_break(fragment: str, tail_word: str, lexicon: SwedishLexicon) -> bool:
    """Two words meet at the break, and the hyphenation patterns would not break there."""
    if _joined_forms(fragment, tail_word) != (fragment + tail_word,):
        return False  # "till-" + "låta": the patterns see "tillåta", broken elsewhere
    if min(len(fragment), len(tail_word)) < _MIN_COMPOUND_PART:
        return False
    if not (lexicon.is_word(fragment) and lexicon.is_word(tail_word)):
        return False
    return not _is_hyphenation_point(fragment, tail_word)


def _joined_forms_known(fragment: str, tail_word: str, lexicon: SwedishLexicon) -> bool:
    """The two halves joined (or with a triple consonant simplified) make a known word."""
    return any(lexicon.is_word(form) for form in _joined_forms(fragment, tail_word))


def _joined_forms(fragment: str, tail_word: str) -> tuple[str, ...]:
    """"patien" + "terna" → patienterna; "till" + "låta" → tillåta (never three of a consonant)."""
    joined = fragment + tail_word
    f, t = fragment.lower(), tail_word.lower()
    if len(f) >= 2 and t and f[-1] == f[-2] == t[0] and f[-1] not in _VOWELS:
        return (fragment + tail_word[1:],)
    return (joined,)


def _drops_third_consonant(fragment: str, tail_word: str, lexicon: SwedishLexicon) -> bool:
    """Whether joining "till-" + "låta" writes two of the consonant that meets there, not three.

    Established words drop the third ("tillåta", "glasskål", "busstation": listed so); a compound
    formed freely keeps all three ("stress-" + "syndrom" → "stresssyndrom"), as Svenska skrivregler
    recommend, unless only the shorter form is a word at all.
    """
    (reduced,) = _joined_forms(fragment, tail_word)
    full = fragment + tail_word
    if reduced == full:
        return False
    return lexicon.is_standalone(reduced.lower()) or not lexicon.is_word(full.lower())


def _loose_compound(form: str, lexicon: SwedishLexicon) -> bool:
    """Two known words written together, for the compounds the lexicon's flags don't allow."""
    form = form.lower()
    for head, rest in _splits(form):
        if len(head) >= 3 and len(rest) >= 3 and lexicon.is_word(head) and lexicon.is_word(rest):
            return True
    return False


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    """pyphen's Swedish patterns, imported only when an unknown word needs them; its parsed patterns
    come from the disk cache (keyed on the pattern file and pyphen's version) when they can."""
    import pyphen

    patterns = pyphen.LANGUAGES.get(pyphen.language_fallback("sv_SE") or "")
    if patterns is not None and isinstance(getattr(pyphen, "hdcache", None), dict) and patterns not in pyphen.hdcache:
        from followup.normalize.disk_cache import load_cached

        pyphen.hdcache[patterns] = load_cached("pyphen-sv_SE", [Path(patterns)], lambda: pyphen.HyphDict(patterns),
                                               pyphen.HyphDict, extra=f"pyphen {pyphen.__version__}")
    return pyphen.Pyphen(lang="sv_SE")


def later_point_fits(line: str, below: str, fits: int) -> bool:
    """The word hyphenated at the end of `line` and going on at the start of `below` has a
    hyphenation point after the break within the first `fits` letters of `below`
    (`resolve_line_end_hyphen`'s first rung)."""
    head = last_token(line.rstrip()).removesuffix("-")
    tail = below.strip().split(" ", 1)[0] if below.strip() else ""
    return bool(fits and head and tail and _later_point_fits(head, tail, fits))


def _later_point_fits(head: str, tail: str, fits: int) -> bool:
    """The word broken at this line end has a hyphenation point after the break within the first
    `fits` letters of the next line: a hyphenator would have broken there ("Tand-" + "vårdsenheten"
    with room for "vårds")."""
    fragment = _LAST_LETTERS.search(head)
    tail_word = _FIRST_LETTERS.match(tail)
    if fragment is None or tail_word is None:
        return False
    start = len(fragment.group(0))
    reach = start + min(fits, len(tail_word.group(0)))
    word = (fragment.group(0) + tail_word.group(0)).lower()
    return any(start < point <= reach for point in _hyphenator().positions(word))


def _is_hyphenation_point(fragment: str, tail_word: str) -> bool:
    """Swedish hyphenation patterns allow a break exactly where the line broke."""
    word = (fragment + tail_word).lower()
    return len(fragment) in _hyphenator().positions(word)


def _is_conjunction(tail: str, vocabulary: LineBreakVocabulary) -> bool:
    word = tail.lower().rstrip(".,")
    return word in vocabulary.suspension_conjunctions


def _conjunction_opened(tail: str, before: str, vocabulary: LineBreakVocabulary) -> bool:
    """A conjunction that joins a suspension only after its opening word has that word before it.

    "såväl läkar- som sjuksköterskor" is suspended; "efter-" + "som telefonisystemet" is the word
    "eftersom", as no "såväl" opened a pair.
    """
    openers = vocabulary.suspension_openers.get(tail.lower().rstrip(".,"))
    if openers is None:
        return True
    words = [w.lower().strip(".,;:()") for w in before.split()[-_OPENER_REACH:]]
    return any(w in openers for w in words)


# How many words before the hyphen the opening word of a pair ("såväl … som") may stand.
_OPENER_REACH = 6


def is_acronym(part: str) -> bool:
    """"SKALL", "IT", "LiL", "SDV": capitals after the first letter mark an acronym."""
    letters = [c for c in part if c.isalpha()]
    return len(letters) >= 2 and any(c.isupper() for c in letters[1:])


def _has_vowel(part: str) -> bool:
    """Every hyphenated syllable has a vowel; "ssk", "vc", "bvc" are abbreviations."""
    return any(c in _VOWELS for c in part.lower())


def last_token(line: str) -> str:
    """The line's last whitespace-separated token ("" for a blank line)."""
    return line.rsplit(None, 1)[-1] if line.strip() else ""


def last_part(head: str) -> str:
    """The piece after the last hyphen or slash: "specialist-funkt" → "funkt"."""
    return re.split(r"[-/–(]", head)[-1]


def _leading_word(token: str) -> str:
    match = _WORD_CHARS.match(token)
    return match.group(0) if match else ""


# ---------------------------------------------------------------------------------------------
# URLs and e-mail addresses


def _is_web_address(token: str, vocabulary: LineBreakVocabulary) -> bool:
    """The token (the two pieces around a line break, run together) is part of a URL or address."""
    return bool(vocabulary.web_address.search(token))


def _resolve_in_web_address(
    head: str,
    tail: str,
    lexicon: SwedishLexicon,
    vocabulary: LineBreakVocabulary,
    document: DocumentWords | None = None,
) -> Decision:
    """A hyphen at a line end inside a URL or an e-mail address: the address must come out as written.

    Addresses join words with real hyphens ("region-exempel", "digitala-vardmoten", "lars-erik"),
    spell Swedish without å, ä and ö, and are still hyphenated by the producers inside their words
    ("riktlin-" + "jer", "vardgiva-" + "re"). A break between two words keeps its hyphen; a break
    inside one word (read with the letters restored: "vardmoten" is "vårdmöten") joins.
    """
    if head.endswith(_NO_HYPHEN_BESIDE) or tail.startswith(_NO_HYPHEN_BESIDE):
        # LibreOffice hyphenates next to a period or an at sign ("exempel.-" + "se/",
        # "forskningsstod@-" + "region…"); no address writes a hyphen there.
        return "join"
    fragment = _LAST_LETTERS.search(head)
    tail_word = _FIRST_LETTERS.match(tail)
    if fragment is None or tail_word is None:
        return "keep"
    fragment_text, tail_text = fragment.group(0), tail_word.group(0)
    spellings = _restored(fragment_text + tail_text, vocabulary)
    if document is not None:
        # The report's prose spells the words of its addresses: "vardhygien@…" is broken inside
        # one word where the text writes "vårdhygien".
        cut = len(fragment_text)
        spelled = {document.spelling(form[:cut], form[cut:]) for form in spellings} - {None}
        if len(spelled) == 1:
            return "keep" if spelled == {"hyphenated"} else "join"
    if any(lexicon.is_standalone(form) for form in spellings):
        return "join"
    if len(tail_text) == 1 and len(tail) > 1:
        # "hol-" + "m@region…": one letter before the next sign is no word of a slug.
        return "join"
    both_words = all(_is_address_word(part, lexicon, vocabulary) for part in (fragment_text, tail_text))
    if both_words:
        return "keep"
    if _is_hyphenation_point(fragment_text, tail_text):
        return "join"
    return "keep"


_NO_HYPHEN_BESIDE = (".", "@")
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
_FIRST_LETTERS = re.compile(r"[^\W\d_]+")
# An address word with many a's and o's has many possible spellings; a few dozen cover real words.
_MAX_RESTORED_SPELLINGS = 81


def _is_address_word(part: str, lexicon: SwedishLexicon, vocabulary: LineBreakVocabulary) -> bool:
    return any(lexicon.is_word(form) for form in _restored(part, vocabulary))


def _restored(form: str, vocabulary: LineBreakVocabulary) -> list[str]:
    """The Swedish spellings an address's plain letters may stand for ("besok" → "besök")."""
    options = [vocabulary.restored_letters.get(c, c) for c in form.lower()]
    spellings = itertools.islice(itertools.product(*options), _MAX_RESTORED_SPELLINGS)
    return ["".join(letters) for letters in spellings]


def _continues_web_address(before: str, after: str, vocabulary: LineBreakVocabulary) -> bool:
    """A line that ends inside an address after "@" or a period: the next line goes on with it.

    "fornamn.efternamn@" + "region-exempel.se", "https://www." + "1177.se/…", and a line that
    starts with an address's own hyphen ("…/direktinlaggning" + "-rutin"). A period after a
    complete address ("www.1177.se.") ends the sentence instead.
    """
    head = last_token(before)
    tail = after.split(" ", 1)[0]
    if head and tail[:1] == "-" and tail[1:2].isalnum() and _is_web_address(head, vocabulary):
        # "…/medicin/direktinlaggning" + "-rutin": Typst breaks an address before one of its
        # hyphens; prose starts no line with a hyphen stuck to a word.
        return True
    if not head or not tail or not tail[0].isalnum():
        return False
    if head.endswith("@"):
        return True
    # The line must show an address of its own: "bl.a." + "nu" is prose, though "a.nu" looks
    # like a domain.
    if not head.endswith(".") or not _is_web_address(head, vocabulary):
        return False
    return not vocabulary.complete_address.search(head[:-1]) and not tail[0].isupper()


# ---------------------------------------------------------------------------------------------
# The document's own spelling


@dataclass(frozen=True)
class DocumentWords:
    """How a document spells words where no line break gets in the way: its mid-line words.

    `hyphenated` counts, for each letter run the author joined to the next with a hyphen, the runs
    that follow it ("röntgen" → {"remisserna": 1} from "röntgen-remisserna"); `closed` counts the
    words written without one. The `…_beginnings` hold the same from words broken at a line end,
    where only the beginning of the last part is in sight ("mottagnings-sköters-" gives
    "mottagnings" → {"sköters": 1}).
    """

    hyphenated: Mapping[str, Mapping[str, int]]
    closed: Mapping[str, int]
    hyphenated_beginnings: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    closed_beginnings: Mapping[str, int] = field(default_factory=dict)

    def spelling(self, fragment: str, tail_word: str, continues: bool = False) -> Spelling | None:
        """How the document writes the compound broken into `fragment` and `tail_word`.

        Inflected forms count ("röntgen-remiss" and "röntgen-remisserna" are one compound). When
        `continues`, `tail_word` is only the start of the rest of the word. A document that writes
        the compound both ways is taken at its more frequent spelling; None when it does not write
        it mid-line, or writes it both ways equally often.
        """
        fragment, tail_word = fragment.lower(), tail_word.lower()
        hyphenated = sum(
            count
            for right, count in self.hyphenated.get(fragment, {}).items()
            if _same_word(right, tail_word, continues)
        ) + sum(
            count
            for piece, count in self.hyphenated_beginnings.get(fragment, {}).items()
            if _same_beginning(piece, tail_word)
        )
        closed = sum(
            self.closed[word]
            for word in _words_beginning(self._sorted_closed, fragment)
            if len(word) > len(fragment) and _same_word(word[len(fragment) :], tail_word, continues)
        ) + sum(
            self.closed_beginnings[word]
            for word in _words_beginning(self._sorted_closed_beginnings, fragment)
            if _same_beginning(word[len(fragment) :], tail_word)
        )
        if hyphenated == closed:
            return None
        return "hyphenated" if hyphenated > closed else "closed"

    def first_element_spelling(self, fragment: str, lexicon: SwedishLexicon) -> Spelling | None:
        """How the document joins `fragment` to the words after it when it begins a compound.

        An author who writes "Stroke-vården" and "labb-medicin" mid-line hyphenates after "stroke"
        and "labb" as a habit, so "Stroke-" + "teamets" at a line end keeps the hyphen too. Counted
        against the closed compounds the document writes with the same first element
        ("strokevården"); None when the document writes neither, or both equally often.
        """
        fragment = fragment.lower()
        if len(fragment) < _MIN_FIRST_ELEMENT:
            return None
        hyphenated = sum(
            count for right, count in self.hyphenated.get(fragment, {}).items() if len(right) >= _MIN_FIRST_ELEMENT
        )
        closed = sum(
            self.closed[word]
            for word in _words_beginning(self._sorted_closed, fragment)
            if len(word) - len(fragment) >= _MIN_FIRST_ELEMENT and lexicon.is_word(word[len(fragment) :])
        )
        if hyphenated == closed:
            return None
        return "hyphenated" if hyphenated > closed else "closed"

    def last_element_spelling(self, fragment: str, tail_word: str) -> Spelling | None:
        """How the document joins `tail_word` to a first element like `fragment` in other compounds.

        An author who writes "utskrivnings-samtalet" mid-line hyphenates before "samtalet" after a
        first element of that kind, so "Inskrivnings-" + "samtalet" at a line end keeps the hyphen
        too. Only parallel compounds count: another first element that ends like `fragment` in
        `_PARALLEL_ENDING` letters ("-nings"), so that "vård-programmet" says nothing about
        "åtgärds-" + "program". Counted against the closed compounds of that kind on the same last
        element ("avslutningssamtalet"); None when the document writes no parallel compound with
        the hyphen, or as many closed.
        """
        fragment, tail_word = fragment.lower(), tail_word.lower()
        if len(fragment) < _PARALLEL_ENDING or len(tail_word) < _MIN_FIRST_ELEMENT:
            return None
        ending = fragment[-_PARALLEL_ENDING:]
        hyphenated = sum(
            count
            for left, right, count in self._hyphenated_pairs
            if left != fragment and left.endswith(ending) and _same_word(right, tail_word, False)
        )
        if not hyphenated:
            return None  # the closed ones alone say no more than the lexicon does
        stem = tail_word[: max(_MIN_FIRST_ELEMENT, len(tail_word) - _MAX_INFLECTION)]
        closed = 0
        for word, count in self.closed.items():
            at = word.find(stem, _PARALLEL_ENDING)
            if at >= 0 and word[:at].endswith(ending) and _same_word(word[at:], tail_word, False):
                closed += count
        if hyphenated == closed:
            return None
        return "hyphenated" if hyphenated > closed else "closed"

    @functools.cached_property
    def _hyphenated_pairs(self) -> tuple[tuple[str, str, int], ...]:
        return tuple((left, right, count) for left, rights in self.hyphenated.items() for right, count in rights.items())

    def follows_hyphen(self, word: str) -> bool:
        """The document writes `word` whole after a hyphen ("ombuden" in "ssk-ombuden")."""
        return word.lower() in self._right_parts

    @functools.cached_property
    def _right_parts(self) -> frozenset[str]:
        return frozenset(right for rights in self.hyphenated.values() for right in rights)

    @functools.cached_property
    def _sorted_closed(self) -> tuple[str, ...]:
        return tuple(sorted(self.closed))

    @functools.cached_property
    def _sorted_closed_beginnings(self) -> tuple[str, ...]:
        return tuple(sorted(self.closed_beginnings))


Spelling = Literal["hyphenated", "closed"]
# A first element that tells a writing habit: shorter ones are prefixes and abbreviations
# ("e-", "in-", "ssk-") that have rules of their own.
_MIN_FIRST_ELEMENT = 3
# Two first elements that end alike in this many letters are of one kind ("utskrivnings",
# "inskrivnings"; "-nings"): their compounds on one last element are parallel.
_PARALLEL_ENDING = 4
# Swedish inflection adds at most a few letters to a word ("remiss" → "remisserna").
_MAX_INFLECTION = 4


def _same_word(written: str, broken: str, continues: bool) -> bool:
    """`written` (seen mid-line) and `broken` (after a line break) are forms of one word."""
    if continues:
        return written.startswith(broken)
    shared = len(os.path.commonprefix([written, broken]))
    shorter = min(len(written), len(broken))
    if abs(len(written) - len(broken)) > _MAX_INFLECTION or shorter < _MIN_COMPOUND_PART:
        return False
    # Both inflect one stem: they differ only in the ending ("remissen"/"remisser", "möte"/"mötet").
    return shared == shorter or (shared >= shorter - 1 and shared > _MIN_COMPOUND_PART)


# A piece of a word broken at a line end says which word it begins once it has this many letters.
_MIN_TELLING_PIECE = 3


def _same_beginning(piece: str, tail_word: str) -> bool:
    """`piece` (a word's beginning, broken off at a line end) and `tail_word` start one word."""
    return len(piece) >= _MIN_TELLING_PIECE and (tail_word.startswith(piece) or piece.startswith(tail_word))


def _words_beginning(words: tuple[str, ...], prefix: str) -> Iterable[str]:
    """The words of a sorted tuple that begin with `prefix`."""
    start = bisect.bisect_left(words, prefix)
    for word in words[start:]:
        if not word.startswith(prefix):
            return
        yield word


def document_words(texts: Iterable[str]) -> DocumentWords:
    """The words written whole in a document's texts (cells), lower case, with their counts.

    A line's last word is left out when the line ends in a hyphen, and a line's first word when the
    line before ended in one: those are pieces, not the author's spelling (the last one is kept as
    a beginning).
    """
    hyphenated: dict[str, Counter[str]] = {}
    closed: Counter[str] = Counter()
    hyphenated_beginnings: dict[str, Counter[str]] = {}
    closed_beginnings: Counter[str] = Counter()
    for text in texts:
        after_hyphen = False
        for line in unicodedata.normalize("NFC", text).split("\n"):
            tokens = line.split()
            if not tokens:
                after_hyphen = False
                continue
            ends_in_hyphen = tokens[-1][-1] in _LINE_END_HYPHENS
            whole = tokens[int(after_hyphen) : len(tokens) - int(ends_in_hyphen)]
            for token in whole:
                _collect_spelling(token.lower(), hyphenated, closed)
            if ends_in_hyphen and (len(tokens) > 1 or not after_hyphen):
                broken = tokens[-1][:-1].lower()
                _collect_spelling(broken, hyphenated_beginnings, closed_beginnings)
            after_hyphen = ends_in_hyphen
    return DocumentWords(
        {left: dict(rights) for left, rights in hyphenated.items()},
        dict(closed),
        {left: dict(rights) for left, rights in hyphenated_beginnings.items()},
        dict(closed_beginnings),
    )


_LINE_END_HYPHENS = frozenset("-\u2010\u00ad")
_LETTER_RUNS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _collect_spelling(token: str, hyphenated: dict[str, Counter[str]], closed: Counter[str]) -> None:
    """Count a whole token's letter runs: the hyphenated pairs and the closed words."""
    for run in _LETTER_RUNS.findall(token):
        parts = run.split("-")
        if len(parts) == 1 and len(run) > 1:
            closed[run] += 1
        for left, right in zip(parts, parts[1:], strict=False):
            hyphenated.setdefault(left, Counter())[right] += 1


# ---------------------------------------------------------------------------------------------
# Whole texts


def repair_text(
    text: str,
    *,
    marked_hyphenation: bool = False,
    document: DocumentWords | None = None,
    line_ends: Mapping[tuple[str, str], int] | None = None,
    drawn: Mapping[tuple[str, str], HyphenDrawing] | None = None,
) -> str:
    """Join a cell's PDF lines the Swedish way.

    `marked_hyphenation`: the producer prints its automatic hyphens as U+2010 or U+00AD (WeasyPrint
    does), so those always join and a plain "-" at a line end is a real hyphen that never joins.
    See `document_marks_hyphenation`.

    `document`: the words the whole document writes mid-line (`document_words`, built once per
    document). When given, a compound written there with or without its hyphen is joined the same
    way at a line end ("röntgen-" + "remiss" keeps its hyphen in a report that writes
    "röntgen-remisser" elsewhere).

    `line_ends`: the page's room at hyphenated line ends, (line, next line) → how many characters
    of the next line would still have fitted after the first (extract's RawCell.line_ends): where a
    later hyphenation point of the word would have fitted, the hyphen was typed and stays
    (`resolve_line_end_hyphen`'s `fits`). Without it the repair decides from the text alone.

    `drawn`: (line, next line) → how the hyphen was drawn, given only for a report whose producer
    draws its own hyphens apart from their words and the author's with them
    (normalize/hyphen_drawing.py): one drawn "apart" joins, one drawn "with_word" never does.

    Paragraphs (separated by blank lines) and list items (a line opening with •, *, – or "- ")
    each become one output line; the output lines are separated by a single "\\n". Whitespace
    inside a line is collapsed. A line ending in a hyphen is joined as `resolve_line_end_hyphen`
    decides; any other line end becomes one space. A mid-line "hälso-och" is written "hälso- och".
    """
    vocabulary = line_break_vocabulary()
    rooms = {(_line_key(line), _line_key(below)): n for (line, below), n in (line_ends or {}).items()}
    drawings = {(_line_key(line), _line_key(below)): how for (line, below), how in (drawn or {}).items()}
    blocks: list[str] = []
    for paragraph in _paragraphs(text, marked_hyphenation):
        for item in _items(paragraph, vocabulary):
            joined = _join_lines(item, marked_hyphenation, document, rooms, drawings)
            if joined:
                blocks.append(_space_suspensions(joined, vocabulary))
    return "\n".join(blocks)


_SOFT_HYPHEN_BREAK = re.compile("\u00ad[ \t]*\n[ \t]*")


def document_marks_hyphenation(texts: Iterable[str]) -> bool:
    """True when some line of the document ends in U+2010 or U+00AD: its producer marks hyphenation."""
    return any(_MARKED_BREAK.search(text) for text in texts)


_MARKED_BREAK = re.compile("[\u2010\u00ad][ \t]*\n")


def _paragraphs(text: str, marked_hyphenation: bool = False) -> list[list[str]]:
    """Lines grouped by blank-line gaps, each line with its whitespace collapsed."""
    normalized = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if marked_hyphenation:
        normalized = _MARKED_BREAK.sub("\u00ad\n", normalized)
    # A soft hyphen (U+00AD) left in the text layer is hyphenation by definition: join there.
    normalized = _SOFT_HYPHEN_BREAK.sub("", normalized).replace("\u00ad", "")
    # Typographic hyphens (U+2010, U+2011) are hyphens; some producers print hyphenation with them.
    normalized = normalized.replace("\u2010", "-").replace("\u2011", "-")
    groups: list[list[str]] = [[]]
    for raw in normalized.split("\n"):
        line = " ".join(raw.split())
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _items(lines: list[str], vocabulary: LineBreakVocabulary) -> list[list[str]]:
    """A paragraph's lines grouped so that each list item starts its own group."""
    items: list[list[str]] = []
    for line in lines:
        if not items or _starts_item(line, vocabulary):
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _starts_item(line: str, vocabulary: LineBreakVocabulary) -> bool:
    if line.startswith(vocabulary.bullets):
        return True
    return line.startswith(vocabulary.dash_bullet + " ")


def _line_key(line: str) -> str:
    """A line as `_paragraphs` gives it (NFC, typographic hyphens plain, whitespace collapsed)."""
    return " ".join(unicodedata.normalize("NFC", line).replace("\u2010", "-").replace("\u2011", "-").split())


def _join_lines(
    lines: list[str],
    marked_hyphenation: bool = False,
    document: DocumentWords | None = None,
    rooms: Mapping[tuple[str, str], int] | None = None,
    drawings: Mapping[tuple[str, str], HyphenDrawing] | None = None,
) -> str:
    """Join from the last line backwards, so each decision sees the whole word that follows
    ("in-" + "checkningsautoma-" + "ter" is judged against "checkningsautomater")."""
    text = lines[-1]
    for at in range(len(lines) - 2, -1, -1):
        preceding = " ".join(lines[max(0, at - 1) : at])
        fits = rooms.get((lines[at], lines[at + 1])) if rooms else None
        drawn = drawings.get((lines[at], lines[at + 1])) if drawings else None
        text = _join_pair(lines[at], text, marked_hyphenation, document, _carried_into(lines, at), preceding, fits,
                          drawn)
    return text


def _carried_into(lines: list[str], at: int) -> str:
    """The beginning of the token that line `at` continues, when the lines above broke inside it.

    A line that starts inside a word (the line above ended in "/" or "-") is judged with that
    word's beginning in view: "…exempel.se/" + "kikhosta-information-" + "till-vardnadshavare." is
    one address, although its last two lines show no sign of one.
    """
    pieces: list[str] = []
    for above in reversed(lines[:at]):
        # A line that is one piece of an address ending in a period ("vardgivare.regionexempel." between
        # "https://" and "se/…": Typst breaks an address after a period too) is carried when the
        # token turns out to be an address; a sentence's period ends it.
        if not above.endswith(("/", "-")) and not (above.endswith(".") and " " not in above.strip()):
            break
        pieces.append(last_token(above))
        if " " in above:
            break  # the token starts on this line
    for cut, piece in enumerate(pieces):
        if piece.endswith(".") and not _is_web_address("".join(reversed(pieces)), line_break_vocabulary()):
            pieces = pieces[:cut]
            break
    return "".join(reversed(pieces))


def _join_pair(
    before: str,
    after: str,
    marked_hyphenation: bool = False,
    document: DocumentWords | None = None,
    carried: str = "",
    preceding: str = "",
    fits: int | None = None,
    drawn: HyphenDrawing | None = None,
) -> str:
    vocabulary = line_break_vocabulary()
    if drawn == "apart" and before.endswith("-"):
        return _joined_at_hyphen(before, after)  # the layout's own hyphen, even inside a web address
    if before.endswith("/"):
        return before + after  # "patientflöden/" + "grupper": a line may break after a slash
    if before.endswith("–") and len(before) > 1 and not before[-2].isspace():
        return before + after  # "maj–" + "oktober", "31–" + "34": a range's dash is printed unspaced
    if _continues_web_address(carried + before, after, vocabulary):
        return before + after
    if not before.endswith("-") or before.endswith("--"):
        return f"{before} {after}"
    before_in_view = carried + before if carried and " " not in before else before
    decision = resolve_line_end_hyphen(before_in_view, after, document=document, preceding=preceding, fits=fits)
    if decision == "keep" and before_in_view != before and _WORD_PIECES.fullmatch(carried):
        # A word hyphenated over three lines or more ("Vår-" + "dadminist-" + "rativa"): its middle
        # piece is no word's part by itself; judged with the pieces above it, it is
        # ("Vårdadminist-" + "rativa").
        whole = resolve_line_end_hyphen(carried.replace("-", "") + before, after, document=document,
                                        preceding=preceding, fits=fits)
        decision = "join" if whole == "join" else decision
    if (marked_hyphenation or drawn == "with_word") and decision == "join":
        decision = "keep"
    if decision == "join":
        return _joined_at_hyphen(before, after)
    if decision == "keep":
        return before + after
    return f"{before} {after}"


# Pieces of one word hyphenated at line ends, letters only: "Vår-", "medi-cinav-".
_WORD_PIECES = re.compile(r"(?:[^\W\d_]+-)+")


def _joined_at_hyphen(before: str, after: str) -> str:
    """The line's hyphen dropped and the next line joined on ("patien-" + "terna"), with two of a
    consonant where three would meet in an established word ("till-" + "låta" → "tillåta")."""
    fragment = last_part(last_token(before).removesuffix("-"))
    if _drops_third_consonant(fragment, _leading_word(after), swedish_lexicon()):
        return before[:-1] + after[1:]
    return before[:-1] + after


_MIDLINE_SUSPENSION = re.compile(r"(?<=\w)-(?=(\w+)\s)")


def _space_suspensions(text: str, vocabulary: LineBreakVocabulary) -> str:
    """"hälso-och sjukvård" → "hälso- och sjukvård": "-och" is never a compound part."""

    def respace(match: re.Match[str]) -> str:
        word = match.group(1).lower()
        return "- " if word in {"och", "eller"} else "-"

    return _MIDLINE_SUSPENSION.sub(respace, text)
