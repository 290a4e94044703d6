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

import functools
import re
import sys
import sysconfig
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pyphen

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

    @functools.lru_cache(maxsize=65536)
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

    @functools.lru_cache(maxsize=65536)
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
    """The sv_SE lexicon, loaded on first use and kept for the life of the process."""
    for directory in _dictionary_dirs():
        dic, aff = directory / f"{_DICTIONARY_NAME}.dic", directory / f"{_DICTIONARY_NAME}.aff"
        if dic.is_file() and aff.is_file():
            return SwedishLexicon.from_hunspell(dic, aff)
    raise FileNotFoundError("the hunspell sv_SE dictionary is missing: pip install hunspell-sv")


# ---------------------------------------------------------------------------------------------
# The vocabulary of the rules


@dataclass(frozen=True)
class LineBreakVocabulary:
    """Function words and signs the rules need (normalize/data/linebreaks.toml)."""

    suspension_conjunctions: frozenset[str]
    bullets: tuple[str, ...]
    dash_bullet: str


@functools.cache
def line_break_vocabulary() -> LineBreakVocabulary:
    """The vocabulary shipped with the package."""
    data = tomllib.loads(_DATA_FILE.read_text(encoding="utf-8"))
    return LineBreakVocabulary(
        suspension_conjunctions=frozenset(w.lower() for w in data["suspension_conjunctions"]),
        bullets=tuple(data["bullets"]),
        dash_bullet=data["dash_bullet"],
    )


# ---------------------------------------------------------------------------------------------
# The decision at a hyphen that ends a line


def resolve_line_end_hyphen(
    before: str,
    after: str,
    lexicon: SwedishLexicon | None = None,
    vocabulary: LineBreakVocabulary | None = None,
) -> Decision:
    """Decide what a hyphen ending the line `before` means, given the next line `after`.

    - "join": a hyphenation hyphen; drop it and join ("patien-" + "terna" → "patienterna").
    - "keep": a real hyphen; keep it and join ("SKALL-" + "krav", "2024-" + "06-01").
    - "suspended": keep the hyphen and a space ("hälso-" + "och sjukvård"); also a free-standing
      dash ("mott -" + "Nytt").
    When the evidence is tied the hyphen is kept: a wrongly dropped hyphen cannot be recovered.
    """
    lexicon = lexicon or swedish_lexicon()
    vocabulary = vocabulary or line_break_vocabulary()
    head = _last_token(before.rstrip()).removesuffix("-")
    tail = after.strip().split(" ", 1)[0] if after.strip() else ""
    if not head or not head[-1].isalnum():
        return "suspended"
    if not tail or tail[0] in ",;:)]/":
        return "keep"
    fragment = _last_part(head)
    tail_word = _leading_word(tail)
    if head[-1].isdigit() or tail[0].isdigit():
        return "keep"
    if not fragment or not tail_word:
        return "keep"
    if _is_conjunction(tail, vocabulary):
        return _resolve_before_conjunction(fragment, tail_word, after, lexicon)
    if _is_acronym(fragment) and not _is_acronym(tail_word):
        return "keep"
    if len(fragment) == 1:
        return "keep"
    if tail.rstrip(",") == tail_word + "-" and _joined_forms_begin_compound(fragment, tail_word, lexicon):
        # "lä-" + "kar- och sjuksköterskegrupper": the joined piece is itself suspended.
        return "join"
    return _resolve_word_break(fragment, tail_word, lexicon)


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
    "vård": the fragment and the shared last part make a word.
    """
    word = _leading_word(compound).lower()
    if not word or fragment.isdigit():
        return bool(word)
    for cut in range(1, len(word) - 1):
        shared = word[cut:]
        if len(shared) >= _MIN_COMPOUND_PART and lexicon.is_word(fragment.lower() + shared):
            return True
    return False


def _resolve_word_break(fragment: str, tail_word: str, lexicon: SwedishLexicon) -> Decision:
    """A break between two runs of letters: a hyphenation point, or a compound's real hyphen."""
    if lexicon.is_standalone(f"{fragment}-{tail_word}"):
        # Listed with its hyphen ("drop-in", "e-post"): the hyphen is real, even when a closed
        # spelling is listed too.
        return "keep"
    if _joined_forms_known(fragment, tail_word, lexicon):
        return "join"
    if not _has_vowel(fragment):
        return "keep"
    if _loose_compound(fragment + tail_word, lexicon):
        return "join"
    if len(fragment) > 2 and _is_hyphenation_point(fragment, tail_word):
        # An unknown word broken where the hyphenation patterns allow; a two-letter fragment
        # that is no word is more likely an abbreviation ("op-" + "tid").
        return "join"
    return "keep"


def _joined_forms_known(fragment: str, tail_word: str, lexicon: SwedishLexicon) -> bool:
    """The two halves joined (or with a triple consonant simplified) make a known word."""
    return any(lexicon.is_word(form) for form in _joined_forms(fragment, tail_word))


def _joined_forms(fragment: str, tail_word: str) -> tuple[str, ...]:
    """"patien" + "terna" → patienterna; "till" + "låta" → tillåta (never three of a consonant)."""
    joined = fragment + tail_word
    f, t = fragment.lower(), tail_word.lower()
    if len(f) >= 2 and f[-1] == f[-2] == t[0] and f[-1] not in _VOWELS:
        return (fragment + tail_word[1:],)
    return (joined,)


def _loose_compound(form: str, lexicon: SwedishLexicon) -> bool:
    """Two known words written together, for the compounds the lexicon's flags don't allow."""
    form = form.lower()
    for head, rest in _splits(form):
        if len(head) >= 3 and len(rest) >= 3 and lexicon.is_word(head) and lexicon.is_word(rest):
            return True
    return False


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    """pyphen's Swedish patterns, imported only when an unknown word needs them."""
    import pyphen

    return pyphen.Pyphen(lang="sv_SE")


def _is_hyphenation_point(fragment: str, tail_word: str) -> bool:
    """Swedish hyphenation patterns allow a break exactly where the line broke."""
    word = (fragment + tail_word).lower()
    return len(fragment) in _hyphenator().positions(word)


def _is_conjunction(tail: str, vocabulary: LineBreakVocabulary) -> bool:
    word = tail.lower().rstrip(".,")
    return word in vocabulary.suspension_conjunctions


def _is_acronym(part: str) -> bool:
    """"SKALL", "IT", "LiL", "SDV": capitals after the first letter mark an acronym."""
    letters = [c for c in part if c.isalpha()]
    return len(letters) >= 2 and any(c.isupper() for c in letters[1:])


def _has_vowel(part: str) -> bool:
    """Every hyphenated syllable has a vowel; "ssk", "vc", "bvc" are abbreviations."""
    return any(c in _VOWELS for c in part.lower())


def _last_token(line: str) -> str:
    return line.rsplit(None, 1)[-1] if line.strip() else ""


def _last_part(head: str) -> str:
    """The piece after the last hyphen or slash: "specialist-funkt" → "funkt"."""
    return re.split(r"[-/–(]", head)[-1]


def _leading_word(token: str) -> str:
    match = _WORD_CHARS.match(token)
    return match.group(0) if match else ""


# ---------------------------------------------------------------------------------------------
# Whole texts


def repair_text(text: str, *, marked_hyphenation: bool = False) -> str:
    """Join a cell's PDF lines the Swedish way.

    `marked_hyphenation`: the producer prints its automatic hyphens as U+2010 or U+00AD (WeasyPrint
    does), so those always join and a plain "-" at a line end is a real hyphen that never joins.
    See `document_marks_hyphenation`.

    Paragraphs (separated by blank lines) and list items (a line opening with •, *, – or "- ")
    each become one output line; the output lines are separated by a single "\\n". Whitespace
    inside a line is collapsed. A line ending in a hyphen is joined as `resolve_line_end_hyphen`
    decides; any other line end becomes one space. A mid-line "hälso-och" is written "hälso- och".
    """
    vocabulary = line_break_vocabulary()
    blocks: list[str] = []
    for paragraph in _paragraphs(text, marked_hyphenation):
        for item in _items(paragraph, vocabulary):
            joined = _join_lines(item, marked_hyphenation)
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


def _join_lines(lines: list[str], marked_hyphenation: bool = False) -> str:
    """Join from the last line backwards, so each decision sees the whole word that follows
    ("in-" + "checkningsautoma-" + "ter" is judged against "checkningsautomater")."""
    text = lines[-1]
    for line in reversed(lines[:-1]):
        text = _join_pair(line, text, marked_hyphenation)
    return text


def _join_pair(before: str, after: str, marked_hyphenation: bool = False) -> str:
    if before.endswith("/"):
        return before + after  # "patientflöden/" + "grupper": a line may break after a slash
    if not before.endswith("-") or before.endswith("--"):
        return f"{before} {after}"
    decision = resolve_line_end_hyphen(before, after)
    if marked_hyphenation and decision == "join":
        decision = "keep"
    if decision == "join":
        fragment = _last_part(_last_token(before).removesuffix("-"))
        forms = _joined_forms(fragment, _leading_word(after))
        if forms[0] != fragment + _leading_word(after):
            return before[:-1] + after[1:]
        return before[:-1] + after
    if decision == "keep":
        return before + after
    return f"{before} {after}"


_MIDLINE_SUSPENSION = re.compile(r"(?<=\w)-(?=(\w+)\s)")


def _space_suspensions(text: str, vocabulary: LineBreakVocabulary) -> str:
    """"hälso-och sjukvård" → "hälso- och sjukvård": "-och" is never a compound part."""

    def respace(match: re.Match[str]) -> str:
        word = match.group(1).lower()
        return "- " if word in {"och", "eller"} else "-"

    return _MIDLINE_SUSPENSION.sub(respace, text)
