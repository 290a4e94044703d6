"""Words cut at a cell's edge without a hyphen, read back whole.

A spreadsheet (LibreOffice Calc, Excel) wraps a cell's text at spaces and cuts a word that cannot
fit on a whole line where the line is full, with no hyphen: "Kompetensförsörjn" + "ing",
"…/hamnstad/me" + "dicin/…". extract (extract/cut_words.py) notes every line end where that may
have happened from the geometry (a line full to the cell's edge, the word at the break wider than
the cell) as a LineEnd with `fits` 0. Whether the two pieces are one word is the text's question:

- a web address or e-mail address runs on (it has no spaces);
- a line that starts with closing punctuation runs on (a wrapper never breaks before it);
- a capital letter after a small one starts a new word ("Verksamhetschef" + "Hälso-centralen");
- the document writing the joined word whole elsewhere runs it on;
- otherwise the pieces are one word when joined they make a Swedish word (the sv_SE lexicon,
  compounds included: "kompetensförsörjn" + "ing", not "telemetriövervakning" + "på") and they
  are not two words side by side ("ortopedisk" + "avdelning" is a compound too); a word the
  lexicon does not know runs on when its first piece is no word and the rest a lone letter or no
  word ("webbtidboknin" + "g").
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from followup.normalize.linebreaks import DocumentWords, SwedishLexicon, swedish_lexicon

CLOSING = ".,;:!?)]"
# A line starting with one of these begins a list item, never the rest of an address.
_LIST_MARKS = "•*–-"
_ADDRESS_MARKS = ("://", "www.", "@")
# The rest of a web address's scheme at a line's start ("s://", "tps://"); a whole "https://" is a
# new word.
# Characters inside a web address's rest ("mpel.se/kunskapsstod", "ard/digitala").
_ADDRESS_INNER = "/.@=?#&"
# A date or code cut at a cell's edge: digits joined by hyphens, then the digits it goes on with.
_NUMBER_PIECE = re.compile(r"\d+(?:-\d+)+")
_NUMBER_REST = re.compile(r"\d+(?:-\d+)*[.,;:)]?")
_SCHEME_RUN_ON = re.compile(r"(?!https?://|ftp://)[a-z]{0,4}://", re.IGNORECASE)


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


# Swedish words of one letter; any other letter alone at a line's start is the end of a word.
ONE_LETTER_WORDS = frozenset("iåö")


def is_cut_word(line: str, below: str, lexicon: SwedishLexicon | None = None,
                words: DocumentWords | None = None, word_start: str = "", word_end: str = "",
                cut_above: bool = False) -> bool:
    """True when `line` ends in the first piece of a word whose rest starts `below`.

    `word_start`: when `line` is one word that is the rest of a word hyphenated or cut over the
    lines before it (`word_start_above`), that word's beginning; the word is judged whole: "gyne-" +
    "kologiska" + "vårdav-" is "gynekologiska" before "vårdav…", two words, not "kologiskavårdav…".
    `cut_above`: `word_start` is the word's piece cut at the line end above (not hyphenated there).
    `word_end`: when `below` is one word cut again, the letters the word goes on with on the line
    after it ("till aku" + "tmottagninge" + "n" is "akutmottagningen").
    """
    if not line.split() or not below.split():
        return False
    tail, head = line.split()[-1], below.split()[0]
    whole_tail = word_start + tail if word_start and len(line.split()) == 1 else tail
    # A piece after other words on its line (a wrapper that fills the line before it cuts a long
    # word) may as well be a whole word at the end of a full line (justified text): more is asked.
    after_words = len(line.split()) > 1
    if any(mark in whole_tail.lower() for mark in _ADDRESS_MARKS) and head[0] not in _LIST_MARKS:
        # After other words, or an address known only from the lines above, the next line must go
        # on as an address does ("…se/v" + "ard/…").
        own = any(mark in (whole_tail if cut_above else tail).lower() for mark in _ADDRESS_MARKS)
        return (own and not after_words) or any(mark in head.rstrip(CLOSING) for mark in _ADDRESS_INNER)
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
    if words is not None and joined in words.closed:
        return True  # the document writes the word whole elsewhere
    lexicon = lexicon or swedish_lexicon()
    if lexicon.is_word(joined):
        # Two words side by side ("ortopedisk" + "avdelning") also make a compound: the pieces must
        # not both stand alone, unless the rest is too short to be the next word; a rest that goes
        # on with a hyphen is a word of its own ("Obligatorisk" + "e-utbildning").
        short = len(rest) <= 2 and head[len(rest):len(rest) + 1] != "-"
        return short or not lexicon.is_standalone(first) or not lexicon.is_word(rest)
    # A word the lexicon does not know: a piece that is no word, then a single letter or no word;
    # after other words on its line only the single letter ("1177 Webbtidboknin" + "g").
    lone_letter = len(rest) == 1 and rest.lower() not in ONE_LETTER_WORDS
    if after_words:
        return lone_letter and not lexicon.is_word(first)
    return not lexicon.is_word(first) and (lone_letter or not lexicon.is_word(rest))


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
                   words: DocumentWords | None = None) -> tuple[str, dict[str, str]]:
    """The text with each cut word (a (line, next line) pair of extract's) whole again, and for each
    line run on into the one above, that line's new text (so the room measured at its end still
    finds it)."""
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
                is_cut_word(above, line, lexicon, words, start, word_end, cut_above=owner[at] != at)
                for word_end in dict.fromkeys((end, ""))):
            out[-1] = out[-1].rstrip() + line.lstrip()
        else:
            out.append(line)
        owner.append(len(out) - 1)
    renamed = {_key(line): _key(out[owner[i]]) for i, line in enumerate(lines) if out[owner[i]] != line}
    return "\n".join(out), renamed
