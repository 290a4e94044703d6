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

# One token of pdfminer's PSBaseParser grammar, or a run of whitespace (pdfminer skips NUL too). A number
# is a sign or digit, digits, then a point and digits; without any digit it is no number.
_TOKEN = re.compile(
    rb"(?P<space>[ \t\n\r\f\v\x00]+)"
    rb"|(?P<number>[-+]?[0-9]+(?:\.[0-9]*)?|[-+]?\.[0-9]+)"
    rb"|(?P<no_number>[-+]\.?|\.)"
    rb"|(?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)"
    rb"|(?P<literal>/[^#/%\[\]()<>{}\s]*)"
    rb"|(?P<string>\([^()\\]*\))"
    rb"|(?P<open_string>\()"
    rb"|(?P<dict_begin><<)"
    rb"|(?P<hex><[0-9a-fA-F\s]*)"
    rb"|(?P<dict_end>>>)"
    rb"|(?P<close>>)"
    rb"|(?P<comment>%[^\r\n]*)"
    rb"|(?P<other>.)",
    re.DOTALL,
)
_STRING_STOP = re.compile(rb"[()\\]")
_SPACE = re.compile(rb"\s")
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
    tokens: list[Any] = []
    add = tokens.append
    end = len(data)
    at = 0
    match = _TOKEN.match
    while at < end:
        found = match(data, at)
        kind = found.lastgroup
        at = found.end()
        if kind == "space":
            continue
        text = found.group()
        if kind == "number":
            add(float(text) if b"." in text else int(text))
        elif kind == "keyword":
            add(True if text == b"true" else False if text == b"false" else KWD(text))
        elif kind == "literal":
            if at < end and data[at] == 0x23 or (at == end and len(text) == 1):
                raise Unsupported("a name with # escapes, or cut at the stream's end")
            add(LIT(_name(text[1:])))
        elif kind == "string":
            add(text[1:-1])
        elif kind == "open_string":
            value, at = _string(data, at)
            add(value)
        elif kind == "dict_begin":
            add(_DICT_BEGIN)
        elif kind == "hex":
            if at == end:
                raise Unsupported("a hex string open at the stream's end")
            add(_HEX_PAIR.sub(_hex_byte, _SPACE.sub(b"", text[1:])))
        elif kind == "dict_end":
            add(_DICT_END)
        elif kind == "close":
            if at == end:
                raise Unsupported("a '>' at the stream's end")
        elif kind == "comment" or kind == "no_number":
            continue  # a sign or a point without digits: pdfminer fails to convert it and drops it
        else:
            add(KWD(text))
    return tokens


def _name(raw: bytes) -> str | bytes:
    """A literal's name as pdfminer keeps it: text when it is UTF-8, else the bytes."""
    try:
        return str(raw, "utf-8")
    except UnicodeDecodeError:
        return raw


def _hex_byte(match: re.Match[bytes]) -> bytes:
    return bytes((int(match.group(0), 16),))


def _string(data: bytes, at: int) -> tuple[bytes, int]:
    """A literal string with escapes or nested parentheses from just after its "(": (bytes, end).

    pdfminer's _parse_string and _parse_string_1: balanced parentheses are kept, an octal escape
    takes up to three digits, the named escapes are translated, a backslash before a line feed
    joins the lines, and an unknown escaped character is dropped together with its backslash.
    """
    out = bytearray()
    depth = 1
    end = len(data)
    while True:
        found = _STRING_STOP.search(data, at)
        if found is None:
            raise Unsupported("a string open at the stream's end")
        stop = found.start()
        out += data[at:stop]
        char = data[stop]
        at = stop + 1
        if char == 0x5C:  # backslash
            digits = at
            while at < end and at - digits < 3 and data[at] in _OCTAL:
                at += 1
            if at >= end:
                raise Unsupported("an escape at the stream's end")
            if at > digits:
                code = int(data[digits:at], 8)
                if code > 255:
                    raise Unsupported("an octal escape above 255")  # pdfminer fails an assertion there
                out.append(code)
                continue
            escaped = data[at]
            if escaped == 0x0D:
                raise Unsupported("a backslash before a carriage return")  # pdfminer's result depends on its buffers
            if escaped in _ESCAPES:
                out.append(_ESCAPES[escaped])
            at += 1
        elif char == 0x28:
            depth += 1
            out.append(char)
        else:
            depth -= 1
            if depth == 0:
                return bytes(out), at
            out.append(char)
