"""Words cut at a cell's edge without a hyphen, read back whole.

A spreadsheet (LibreOffice Calc, Excel) wraps a cell's text at spaces and cuts a word that cannot
fit on a whole line where the line is full, with no hyphen: "Kompetensförsörjn" + "ing",
"…/hamnstad/me" + "dicin/…". extract (extract/cut_words.py) notes every line end where that may
have happened from the geometry (a line full to the cell's edge, the word at the break wider than
the cell) as a LineEnd with `fits` 0. Whether the two pieces are one word is the text's question:

- a web address or e-mail address runs on (it has no spaces), unless the next line starts the prose
  after it ("…/fast-lakarkontakt" + "under december": `prose_after_address`);
- a line that starts with closing punctuation runs on (a wrapper never breaks before it);
- a capital letter after a small one starts a new word ("Verksamhetschef" + "Hälso-centralen");
- the document writing the joined word whole elsewhere, or an inflected form of it, runs it on;
- otherwise the pieces are one word when joined they make a Swedish word (the sv_SE lexicon,
  compounds included: "kompetensförsörjn" + "ing", not "telemetriövervakning" + "på"; a word the
  document writes may begin the compound: "egenmonitorering" + "s" + "utrustning") and they
  are not two words side by side ("ortopedisk" + "avdelning" is a compound too); a word the
  lexicon does not know runs on when its first piece is no word and the rest a lone letter or no
  word ("webbtidboknin" + "g").

A first piece in a compound's linking form ("informationssäkerhets", "informations") before a word
it makes a compound with is still one word cut at its seam when the report's producer is seen to
cut its long words rather than hyphenate them (`cuts_long_words`): a spreadsheet's
"informationssäkerhets" + "klassning" is then one word, while "över" + "medicinskt" stays two.
Elsewhere they stay two, as an author may write them ("Verksamhets chef" in a report that
hyphenates).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from followup.normalize.hyphen_drawing import is_certain_break, only_a_break_explains
from followup.normalize.linebreaks import DocumentWords, SwedishLexicon, line_break_vocabulary, swedish_lexicon
from followup.schemas import LineEnd

CLOSING = ".,;:!?)]"
# A line starting with one of these begins a list item, never the rest of an address.
_LIST_MARKS = "•*–-"
_ADDRESS_MARKS = ("://", "www.", "@")
# The rest of a web address's scheme at a line's start ("s://", "tps://"); a whole "https://" is a
# new word.
# Characters inside a web address's rest ("mpel.se/kunskapsstod", "ard/digitala").
_ADDRESS_INNER = "/.@=?#&"
_VOWELS = "aeiouyåäö"
# A web address's last path segment: plain lower-case words joined by hyphens, two or more
# ("halsosamma-scheman-heltid-som-norm"); prose seldom writes such a run.
_ADDRESS_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")
# A date or code cut at a cell's edge: digits joined by hyphens, then the digits it goes on with.
_NUMBER_PIECE = re.compile(r"\d+(?:-\d+)+")
_NUMBER_REST = re.compile(r"\d+(?:-\d+)*[.,;:)]?")
_SCHEME_RUN_ON = re.compile(r"(?!https?://|ftp://)[a-z]{0,4}://", re.IGNORECASE)
# Certain cuts in a report before its producer is taken to cut long words: one could be a word the
# lexicon lacks; two, with no hyphenation break anywhere, are the producer's habit.
MIN_CERTAIN_CUTS = 2


def _key(line: str) -> str:
    return " ".join(line.split())


def _edge_letters(token: str, *, end: bool) -> str:
    """The letters at the end (or the start) of a token: the piece of the word at the break."""
    letters = []
    for char in reversed(token) if end else token:
        if not char.isalpha():
            break
        letters.append(char)
    return "".join(reversed(letters)) if end else "".join(letters)


# An inflected form is the word and at most this many letters more ("-en", "-ens", "-arna" is 4, left out).
MAX_ENDING = 3


def written_whole(joined: str, words: DocumentWords) -> bool:
    """The document writes `joined` (lower case) mid-line, or a form of it with an inflectional ending:
    "punktprevalensm" + "ätning" beside "Punktprevalensmätningen". Only endings count, so that
    "schemaläggning" + "enligt" is not read into "schemaläggningen"."""
    return joined in words.closed or any(
        word.startswith(joined) and len(word) - len(joined) <= MAX_ENDING for word in words.closed)


# The least letters of a compound's part, as the lexicon's compounds (linebreaks._MIN_FIRST_ELEMENT).
MIN_PART = 3


def document_compound(first: str, rest: str, words: DocumentWords, lexicon: SwedishLexicon) -> bool:
    """The pieces (lower case) are one compound the lexicon does not list: a word the document writes
    mid-line, with or without a linking s, then a Swedish word cut inside ("egenmonitoreringsutrust"
    + "ning" is "egenmonitorering" + "s" + "utrustning" when the document writes
    "egenmonitorering"). A first piece that is a word itself, or one the document writes, may end a
    word of its own ("vårdrelaterade" + "infektioner"); the piece's own line end counts once among
    the document's words."""
    if lexicon.is_word(first) or words.closed.get(first, 0) > 1:
        return False
    for at in range(MIN_PART, len(first) - 1):
        head, inside = first[:at], first[at:]
        if (head in words.closed or (head.endswith("s") and head[:-1] in words.closed)) \
                and not lexicon.is_word(inside) and lexicon.is_word(inside + rest):
            return True
    return False


# Swedish words of one letter; any other letter alone at a line's start is the end of a word.
ONE_LETTER_WORDS = frozenset("iåö")


def cuts_long_words(ends: Iterable[LineEnd], lexicon: SwedishLexicon | None = None) -> bool:
    """True when the report's producer cuts a word too long for its cell at the cell's edge instead
    of hyphenating it: its full line ends (kind "cut") include `MIN_CERTAIN_CUTS` cuts only a cut
    explains ("Informationssäkerhetskl" + "assningen": a piece that is no word and no compound's
    first part) and its hyphenated line ends no certain hyphenation break ("samtli-" + "ga")."""
    lexicon = lexicon or swedish_lexicon()
    certain_cuts = 0
    for end in ends:
        if end.kind == "hyphen" and is_certain_break(end.line, end.next, lexicon):
            return False
        if end.kind == "cut" and end.line.split() and end.next.split():
            tail, head = end.line.split()[-1], end.next.split()[0]
            piece = _edge_letters(tail, end=True)
            certain_cuts += piece == tail and only_a_break_explains(piece, _edge_letters(head, end=False), lexicon)
    return certain_cuts >= MIN_CERTAIN_CUTS


def is_cut_word(line: str, below: str, lexicon: SwedishLexicon | None = None,
                words: DocumentWords | None = None, word_start: str = "", word_end: str = "",
                cut_above: bool = False, cuts_long: bool = False) -> bool:
    """True when `line` ends in the first piece of a word whose rest starts `below`.

    `word_start`: when `line` is one word that is the rest of a word hyphenated or cut over the
    lines before it (`word_start_above`), that word's beginning; the word is judged whole: "gyne-" +
    "kologiska" + "vårdav-" is "gynekologiska" before "vårdav…", two words, not "kologiskavårdav…".
    `cut_above`: `word_start` is the word's piece cut at the line end above (not hyphenated there).
    `word_end`: when `below` is one word cut again, the letters the word goes on with on the line
    after it ("till aku" + "tmottagninge" + "n" is "akutmottagningen").
    `cuts_long`: the report's producer cuts long words rather than hyphenating them
    (`cuts_long_words`), so a linking form before the rest of its compound is one word cut at its
    seam.
    """
    if not line.split() or not below.split():
        return False
    tail, head = line.split()[-1], below.split()[0]
    whole_tail = word_start + tail if word_start and len(line.split()) == 1 else tail
    # A piece after other words on its line (a wrapper that fills the line before it cuts a long
    # word) may as well be a whole word at the end of a full line (justified text): more is asked.
    after_words = len(line.split()) > 1
    goes_on_as_address = (any(mark in head.rstrip(CLOSING) for mark in _ADDRESS_INNER)
                          or bool(_ADDRESS_SLUG.fullmatch(head.rstrip(CLOSING))))
    if any(mark in whole_tail.lower() for mark in _ADDRESS_MARKS) and head[0] not in _LIST_MARKS:
        if prose_after_address(head):
            return False  # "…/fast-lakarkontakt" + "under december": the address ended with its line
        # After other words, or an address known only from the lines above, the next line must go
        # on as an address does ("…se/v" + "ard/…").
        own = any(mark in (whole_tail if cut_above else tail).lower() for mark in _ADDRESS_MARKS)
        return (own and not after_words) or goes_on_as_address
    if _domain_and_path(whole_tail) and goes_on_as_address and not prose_after_address(head):
        # An address shown by its domain and path alone (its "https://" on a line above, broken
        # after the slashes) that the next line goes on as an address does; else its words decide.
        return True
    if _NUMBER_PIECE.fullmatch(tail) and _NUMBER_REST.fullmatch(head):
        return True  # "2025-12-3" + "1": a date or code has no space in it
    if _SCHEME_RUN_ON.match(head):
        return True  # "http" + "s://…": the address's scheme cut
    if head[0] in CLOSING:
        return True
    first, rest = _edge_letters(tail, end=True), _edge_letters(head, end=False)
    if first and first == tail and word_start:
        first = _edge_letters(word_start, end=True) + first
    # After other words, the next line's first word must be letters only ("av" + "e-hälso…" no).
    if after_words and rest != head.rstrip(CLOSING):
        return False
    if rest and rest == head and word_end:
        rest += word_end
    if not first or not rest:
        return False
    if rest[0].isupper() and first[-1].islower():
        return False  # a capital after a small letter starts a word
    joined = (first + rest).lower()
    if words is not None and written_whole(joined, words):
        return True  # the document writes the word whole elsewhere
    lexicon = lexicon or swedish_lexicon()
    if words is not None and document_compound(first.lower(), rest.lower(), words, lexicon):
        return True
    if lexicon.is_word(joined):
        # Two words side by side ("ortopedisk" + "avdelning") also make a compound: the pieces must
        # not both stand alone, unless the rest is too short to be the next word; a rest that goes
        # on with a hyphen is a word of its own ("Obligatorisk" + "e-utbildning").
        if cuts_long and _linking_form(first, lexicon):
            return True
        short = len(rest) <= 2 and head[len(rest):len(rest) + 1] != "-"
        return short or not lexicon.is_standalone(first) or not lexicon.is_word(rest)
    # A word the lexicon does not know: a piece that is no word, then a single letter or no word;
    # after other words on its line only the single letter ("1177 Webbtidboknin" + "g").
    lone_letter = len(rest) == 1 and rest.lower() not in ONE_LETTER_WORDS
    if after_words:
        return lone_letter and not lexicon.is_word(first)
    return not lexicon.is_word(first) and (lone_letter or not lexicon.is_word(rest))


def _domain_and_path(token: str) -> bool:
    """The token shows a web address without its scheme: a domain and a path after it
    ("intra.regionexempel.se/norrmark/patientsakerh", the line after a "https://" that the layout
    broke after its slashes)."""
    return bool(line_break_vocabulary().domain_path.search(token))


def _linking_form(piece: str, lexicon: SwedishLexicon) -> bool:
    """`piece` is a word with a compound's linking s ("informationssäkerhets", "verksamhets"): a form
    that mostly begins a compound, where "över" or "ortopedisk" before a noun are words of their own.
    A definite form's genitive is no linking form: a compound begins with the bare stem
    ("kommunernas" / "biståndshandläggare", "regionens" / "riktlinje" are two words).
    A linking s follows a consonant: after a vowel the s is a passive's or a genitive's
    ("genomföras" / "digitalt" are two words; "samhälle" links as "samhälls")."""
    stem = piece[:-1].lower()
    return (len(piece) > 3 and piece[-1].lower() == "s" and stem[-1] not in _VOWELS and lexicon.is_word(stem)
            and not _definite(stem, lexicon))


def _definite(form: str, lexicon: SwedishLexicon) -> bool:
    """`form` is a noun's definite form: a word with its ending -en, -et or -na ("regionen",
    "sjukhuset", "kommunerna"), or -n or -t after a vowel ("riktlinjen", "hjärtat")."""
    if form.endswith(("en", "et", "na")) and lexicon.is_word(form[:-2]):
        return True
    return len(form) > 3 and form[-1] in "nt" and form[-2] in "ae" and lexicon.is_word(form[:-1])


def prose_after_address(head: str) -> bool:
    """`head`, the first word of the line after an address, starts the prose after it: a word with a
    Swedish letter ("på", "för"; addresses spell plain letters) or one listed in
    normalize/data/linebreaks.toml (`words_after`: "under", "och")."""
    word = head.rstrip(CLOSING)
    if not word.isalpha():
        return False
    return not word.isascii() or word.lower() in line_break_vocabulary().words_after_address


def word_start_above(lines: list[str], at: int) -> str:
    """The beginning of the word that line `at` (one word) ends, hyphenated over the lines above
    it: "och gra-" + "viditets-" + "övervak" gives "graviditets"; "" when the line above ends in no
    hyphen or the line is more than one word."""
    if len(lines[at].split()) != 1:
        return ""
    start = ""
    while at > 0 and lines[at - 1].rstrip().endswith("-") and lines[at - 1].split():
        at -= 1
        start = lines[at].split()[-1].rstrip("-") + start
        if len(lines[at].split()) != 1:
            break
    return start


def _cut_word_start(joined: str, line: str) -> str:
    """The beginning of a word cut twice: `line` (one word) was run on into the line above, whose
    text is now `joined` ("och up" + "pföljningssamt" gives "up" before "pföljningssamt" + "al")."""
    words = joined.split()
    if len(line.split()) != 1 or not words or not words[-1].endswith(line.strip()):
        return ""
    return words[-1][: len(words[-1]) - len(line.strip())]


def _cut_word_end(lines: list[str], at: int, wanted: set[tuple[str, str]]) -> str:
    """The letters line `at` + 1 starts with, when line `at` is one word cut again at its end."""
    if at + 1 >= len(lines) or len(lines[at].split()) != 1 or not lines[at + 1].split():
        return ""
    if (_key(lines[at]), _key(lines[at + 1])) not in wanted:
        return ""
    return _edge_letters(lines[at + 1].split()[0], end=False)


def join_cut_words(text: str, cuts: Iterable[tuple[str, str]], lexicon: SwedishLexicon | None = None,
                   words: DocumentWords | None = None, cuts_long: bool = False) -> tuple[str, dict[str, str]]:
    """The text with each cut word (a (line, next line) pair of extract's) whole again, and for each
    line run on into the one above, that line's new text (so the room measured at its end still
    finds it); `cuts_long` as in `is_cut_word`."""
    wanted = {(_key(line), _key(below)) for line, below in cuts}
    if not wanted:
        return text, {}
    lines = text.split("\n")
    out = [lines[0]]
    owner = [0]
    for at, (above, line) in enumerate(zip(lines, lines[1:], strict=False)):
        start = _cut_word_start(out[-1], above) if owner[at] != at else word_start_above(lines, at)
        end = _cut_word_end(lines, at + 1, wanted)
        # The line below may be cut again, or only full: the word is judged both ways.
        if (_key(above), _key(line)) in wanted and any(
                is_cut_word(above, line, lexicon, words, start, word_end, cut_above=owner[at] != at,
                            cuts_long=cuts_long)
                for word_end in dict.fromkeys((end, ""))):
            out[-1] = out[-1].rstrip() + line.lstrip()
        else:
            out.append(line)
        owner.append(len(out) - 1)
    renamed = {_key(line): _key(out[owner[i]]) for i, line in enumerate(lines) if out[owner[i]] != line}
    return "\n".join(out), renamed
