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

from collections.abc import Iterable

from followup.normalize.linebreaks import DocumentWords, SwedishLexicon, swedish_lexicon

CLOSING = ".,;:!?)]"
# A line starting with one of these begins a list item, never the rest of an address.
_LIST_MARKS = "•*–-"
_ADDRESS_MARKS = ("://", "www.", "@")


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
                words: DocumentWords | None = None, word_start: str = "") -> bool:
    """True when `line` ends in the first piece of a word whose rest starts `below`.

    `word_start`: when `line` is one word that is the rest of a word hyphenated over the lines
    before it (`word_start_above`), that word's beginning; the word is judged whole: "gyne-" +
    "kologiska" + "vårdav-" is "gynekologiska" before "vårdav…", two words, not "kologiskavårdav…".
    """
    if not line.split() or not below.split():
        return False
    tail, head = line.split()[-1], below.split()[0]
    if any(mark in tail.lower() for mark in _ADDRESS_MARKS) and head[0] not in _LIST_MARKS:
        return True
    if head[0] in CLOSING:
        return True
    first, rest = _edge_letters(tail, end=True), _edge_letters(head, end=False)
    if first and first == tail and word_start:
        first = word_start + first
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
        # not both stand alone, unless the rest is too short to be the next word.
        return len(rest) <= 2 or not lexicon.is_standalone(first) or not lexicon.is_word(rest)
    # A word the lexicon does not know: a piece that is no word, then a single letter or no word.
    lone_letter = len(rest) == 1 and rest.lower() not in ONE_LETTER_WORDS
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
        if (_key(above), _key(line)) in wanted and is_cut_word(above, line, lexicon, words,
                                                               word_start_above(lines, at)):
            out[-1] = out[-1].rstrip() + line.lstrip()
        else:
            out.append(line)
        owner.append(len(out) - 1)
    renamed = {_key(line): _key(out[owner[i]]) for i, line in enumerate(lines) if out[owner[i]] != line}
    return "\n".join(out), renamed
