"""A fast reader of page content streams that gives exactly the operands and operators pdfminer's gives.

pdfminer.six's PDFContentParser tokenizes byte by byte through a state machine (a method call and
a regular-expression search per token, debug logging on each); on a text-heavy page that is more
than half of the reading time. This module reads the same token grammar with one regular
expression over each stream's decoded data and builds arrays and dictionaries as pdfminer's
PSStackParser does, so the interpreter receives the same objects in the same order.

It only takes the common, unambiguous path. Anything whose meaning in pdfminer depends on how its
buffers or streams are cut, or that pdfminer treats as an error or a special case (inline images,
PostScript procedures, names with # escapes, unbalanced brackets, a token left open at a stream's
end, an octal escape above 255, a backslash before a carriage return), raises Unsupported, and the
caller then runs pdfminer's own parser on the same streams. tests/extract/test_content_tokens.py
compares the two on every PDF of the repository and on constructed edge cases.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pdfminer.psparser import KWD, LIT, PSKeyword, literal_name

# One token of pdfminer's PSBaseParser grammar after any whitespace (pdfminer skips NUL too), one
# group per kind, read with findall (no match object per token). A number is a sign or digit,
# digits, then a point and digits; without a digit it is no number, and pdfminer drops it, as it
# drops comments and a ">" that does not end a dictionary. A string may hold one level of nested
# parentheses here; a deeper one, a name with # escapes and PostScript procedures are refused.
_TOKEN = re.compile(
    rb"[ \t\n\r\f\v\x00]*(?:"
    rb"([-+]?[0-9]+(?:\.[0-9]*)?|[-+]?\.[0-9]+)"  # number
    rb"|([A-Za-z][^#/%\[\]()<>{}\s]*)"  # keyword
    rb"|(/[^#/%\[\]()<>{}\s]*+)(?!#)"  # literal name (possessive: never a shorter name before a #)
    rb"|(<<|>>|\[|\])"  # dictionary and array brackets
    rb"|(<[0-9a-fA-F\s]*)"  # hex string (pdfminer ends it at the first other character)
    rb"|(\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))"  # literal string
    rb"|(%[^\r\n]*|[-+]\.?|\.|>)"  # dropped
    rb"|([({}/])"  # refused
    rb"|(.)"  # any other character: a one-character keyword
    rb")?",
    re.DOTALL,
)
_HEX_BODY = re.compile(rb"[0-9a-fA-F\s]*")
_WHITESPACE = b" \t\n\r\f\v"  # what \s matches in a bytes pattern
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_ESCAPES = {ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("f"): 12, ord("r"): 13, ord("("): 40, ord(")"): 41,
            ord("\\"): 92}
_OCTAL = frozenset(b"01234567")

_ARRAY_BEGIN, _ARRAY_END = KWD(b"["), KWD(b"]")
_DICT_BEGIN, _DICT_END = KWD(b"<<"), KWD(b">>")
# Keywords the fast path leaves to pdfminer: inline images and PostScript procedures.
_SPECIAL = frozenset({KWD(b"BI"), KWD(b"ID"), KWD(b"EI"), KWD(b"{"), KWD(b"}")})


class Unsupported(Exception):
    """The content takes a path this reader does not follow; pdfminer's parser must read it."""


def content_objects(datas: Sequence[bytes]) -> list[Any]:
    """The operands and operators of the concatenated streams, flat, as pdfminer's nextobject yields them.

    Arrays become lists and dictionaries dicts (keys by literal_name), as in pdfminer; raises
    Unsupported where pdfminer's result would depend on more than the tokens.
    """
    flat: list[Any] = []
    stack: list[tuple[str, list[Any]]] = []  # open arrays ("a") and dictionaries ("d")
    current = flat
    for data in datas:
        for token in stream_tokens(data):
            if type(token) is PSKeyword:
                if token is _ARRAY_BEGIN:
                    stack.append(("a", current))
                    current = []
                    continue
                if token is _ARRAY_END:
                    current = _close(stack, "a", current)
                    continue
                if token is _DICT_BEGIN:
                    stack.append(("d", current))
                    current = []
                    continue
                if token is _DICT_END:
                    current = _close(stack, "d", current)
                    continue
                if token in _SPECIAL:
                    raise Unsupported(f"keyword {token!r}")
            current.append(token)
    if stack:
        raise Unsupported("an array or dictionary is left open")
    return flat



def _close(stack: list[tuple[str, list[Any]]], kind: str, items: list[Any]) -> list[Any]:
    """End the innermost array or dictionary; the list it goes into next."""
    if not stack or stack[-1][0] != kind:
        raise Unsupported("unbalanced brackets")
    _, outer = stack.pop()
    if kind == "a":
        outer.append(items)
    else:
        if len(items) % 2:
            raise Unsupported("a dictionary with an odd number of items")
        outer.append({literal_name(k): v for k, v in zip(items[::2], items[1::2], strict=True) if v is not None})
    return outer


def stream_tokens(data: bytes) -> list[Any]:
    """The tokens of one stream's decoded data, as PSBaseParser.nexttoken gives them (positions left out)."""
    if _cut_at_end(data):
        raise Unsupported("a token left open at the stream's end")
    tokens: list[Any] = []
    add = tokens.append
    keywords = _KEYWORDS
    for number, keyword, literal, bracket, hex_string, string, _, refused, other in _TOKEN.findall(data):
        if number:
            add(float(number) if b"." in number else int(number))
        elif keyword:
            token = keywords.get(keyword)
            if token is None:
                token = keywords[keyword] = True if keyword == b"true" else False if keyword == b"false" else KWD(keyword)
            add(token)
        elif literal:
            add(LIT(_name(literal[1:])))
        elif bracket:
            add(keywords.get(bracket) or KWD(bracket))
        elif hex_string:
            add(_hex_string(hex_string[1:]))
        elif string:
            add(_string(string) if b"\\" in string else string[1:-1])
        elif refused:
            raise Unsupported(f"{refused!r}: an open string, a name with # escapes or a procedure")
        elif other:
            add(KWD(other))
    return tokens


# Keywords met so far (pdfminer's interned PSKeyword objects, and true and false as booleans).
_KEYWORDS: dict[bytes, Any] = {}


def _cut_at_end(data: bytes) -> bool:
    """Whether the stream ends inside a token pdfminer would carry on into the next stream.

    A name that is only "/", a hex string without its end, a ">" that may begin ">>": pdfminer's
    result then depends on the next stream. (A string left open is refused by the token pattern.)
    """
    if data.endswith((b"/", b">")):
        return True
    last = data.rfind(b"<")
    return last >= 0 and _HEX_BODY.fullmatch(data, last + 1) is not None


def _name(raw: bytes) -> str | bytes:
    """A literal's name as pdfminer keeps it: text when it is UTF-8, else the bytes."""
    try:
        return str(raw, "utf-8")
    except UnicodeDecodeError:
        return raw


def _hex_string(digits: bytes) -> bytes:
    """A hex string's bytes as pdfminer decodes them: whitespace ignored, an odd last digit read alone."""
    digits = digits.translate(None, _WHITESPACE)
    if len(digits) % 2 == 0:
        return bytes.fromhex(digits.decode("ascii"))
    return _HEX_PAIR.sub(_hex_byte, digits)


def _hex_byte(match: re.Match[bytes]) -> bytes:
    return bytes((int(match.group(0), 16),))


def _string(token: bytes) -> bytes:
    """A literal string token with escapes, "(" to ")", decoded as pdfminer's _parse_string and
    _parse_string_1 do: an octal escape takes up to three digits, the named escapes are
    translated, a backslash before a line feed joins the lines, and an unknown escaped character
    is dropped together with its backslash.
    """
    out = bytearray()
    at, end = 1, len(token) - 1
    while True:
        stop = token.find(b"\\", at, end)
        if stop < 0:
            out += token[at:end]
            return bytes(out)
        out += token[at:stop]
        at = digits = stop + 1
        while at < end and at - digits < 3 and token[at] in _OCTAL:
            at += 1
        if at > digits:
            code = int(token[digits:at], 8)
            if code > 255:
                raise Unsupported("an octal escape above 255")  # pdfminer fails an assertion there
            out.append(code)
            continue
        escaped = token[at]
        if escaped == 0x0D:
            raise Unsupported("a backslash before a carriage return")  # pdfminer's result depends on its buffers
        if escaped in _ESCAPES:
            out.append(_ESCAPES[escaped])
        at += 1
