"""Lines that belong to the page or to a table's header rather than to a table's rows: a page number
printed at the same height on every page, a running header printed at the same place on every page,
and header lines wrapped upwards above a header line."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Protocol

from followup.extract.page_content import Box, Char
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.text_lines import TextLine, text_lines

_DIGITS = re.compile(r"\d+")


def recurs_on_page(line: TextLine, lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS) -> bool:
    """True when the page prints the same line at the same height, digits aside: "Sida 1 av 7" on
    one page, "Sida 2 av 7" on the next (give or take `furniture_shift`)."""
    gap = settings.word_gap
    key = _numbering_key(line.text_with(gap))
    return any(abs(other.box.top - line.box.top) <= settings.furniture_shift and _numbering_key(other.text_with(gap)) == key
               for other in lines)


class Boxed(Protocol):
    """A text line or a header band: anything with a box on the page."""

    @property
    def box(self) -> Box: ...


def top_of_header(header: Boxed, lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS) -> float:
    """Where a header begins, with the lines it wraps upwards into ("Sta-" / "Ny tid-" set just above
    "tus" / "plan"): lines closer above it than `header_wrap_gap` line heights are part of it."""
    top = header.box.top
    for line in sorted((line for line in lines if line.box.bottom <= header.box.top + settings.touching_slack),
                       key=lambda line: -line.box.top):
        if top - line.box.bottom >= settings.header_wrap_gap * max(line.box.height, settings.min_line_height):
            break
        top = line.box.top
    return top


def top_of_caption(header: Boxed, size: float, lines: Sequence[TextLine],
                   settings: ExtractSettings = DEFAULT_SETTINGS) -> float:
    """Where a table begins with the heading set right above its header ("Gynekologisk öppenvård"
    over one of several tables on a page): the caption's top (caption_above), else the header's own
    top. The caption names the table below; it is no row of a table above."""
    caption = caption_above(header, size, lines, settings)
    return caption.box.top if caption is not None else top_of_header(header, lines, settings)


def caption_above(header: Boxed, size: float, lines: Sequence[TextLine],
                  settings: ExtractSettings = DEFAULT_SETTINGS) -> TextLine | None:
    """The line just above a table's header (wrapped header lines aside), closer than `caption_gap`
    of its line heights, in bold or in a larger type than the header; None when there is none."""
    top = top_of_header(header, lines, settings)
    above = [line for line in lines if line.box.bottom <= top + settings.touching_slack]
    if not above:
        return None
    line = max(above, key=lambda line: line.box.bottom)
    height = max(line.box.height, settings.min_line_height)
    words = line.words_with(settings.word_gap)
    heading = bool(words) and (all(word.bold for word in words) or line.size > size + settings.size_tolerance)
    return line if heading and top - line.box.bottom < settings.caption_gap * height else None


def _numbering_key(text: str) -> str:
    return _DIGITS.sub("#", text)


@lru_cache(maxsize=1)
def _page_number_rules() -> tuple[tuple[re.Pattern[str], ...], float]:
    raw = tomllib.loads(resources.files("followup.extract").joinpath("data/page_furniture.toml").read_text("utf-8"))
    patterns = tuple(re.compile(p, re.IGNORECASE) for p in raw["page_numbers"])
    return patterns, float(raw["margins"]["edge_share"])


def page_number_lines(lines: Sequence[TextLine], page_height: float,
                      settings: ExtractSettings = DEFAULT_SETTINGS, page_number: int | None = None) -> list[TextLine]:
    """The lines in the page's top or bottom margin that are a page number ("Sida 3 (8)", "3 av 8"),
    and a bare number that is this page's own, printed last at the page's foot or first at its top
    (a word processor's PAGE field: "3" on page 3)."""
    patterns, share = _page_number_rules()
    margin = share * page_height
    in_margin = [line for line in lines if line.box.bottom <= margin or line.box.top >= page_height - margin]
    found = [line for line in in_margin if any(p.match(line.text_with(settings.word_gap).strip()) for p in patterns)]
    if page_number is not None and lines:
        outermost = (min(lines, key=lambda line: line.box.top), max(lines, key=lambda line: line.box.bottom))
        found += [line for line in outermost if line in in_margin and line not in found
                  and line.text_with(settings.word_gap).strip() == str(page_number)]
    return found


def without_page_numbers(chars: Sequence[Char], lines: Sequence[TextLine], page_height: float,
                         settings: ExtractSettings = DEFAULT_SETTINGS, page_number: int | None = None) -> list[Char]:
    """The page's characters less those of its page numbers (the same list when it has none)."""
    furniture = {id(char) for line in page_number_lines(lines, page_height, settings, page_number) for char in line.chars}
    return [char for char in chars if id(char) not in furniture] if furniture else list(chars)



class PrintedRun(NamedTuple):
    """A line printed in a page's top or bottom margin, as its characters' texts and places: a running
    header ("Hälsocentralerna i Fjällbygden · Nära vård") is one printed at the same place on every page."""

    chars: frozenset[tuple[str, float, float]]


def _place(char: Char) -> tuple[str, float, float]:
    # Rounded far below any tolerance: the same line set again by the same layout engine lands on
    # exactly the same coordinates; the rounding only absorbs how the number was written.
    return char.text, round(char.x0, 2), round(char.top, 2)


def margin_runs(lines: Sequence[TextLine], page_height: float) -> list[PrintedRun]:
    """The page's lines in its top or bottom margin as printed runs."""
    margin = _margin(page_height)
    return [PrintedRun(frozenset(_place(c) for c in line.chars))
            for line in lines if line.box.bottom <= margin or line.box.top >= page_height - margin]


def margin_places(chars: Sequence[Char], page_height: float) -> frozenset[tuple[str, float, float]]:
    """Where the page prints each character that starts in its top or ends in its bottom margin."""
    margin = _margin(page_height)
    return frozenset(_place(c) for c in chars if c.top <= margin or c.bottom >= page_height - margin)


def _margin(page_height: float) -> float:
    _, share = _page_number_rules()
    return share * page_height


def running_header_chars(chars: Sequence[Char], previous: Sequence[PrintedRun],
                         previous_places: frozenset[tuple[str, float, float]], page_height: float,
                         settings: ExtractSettings = DEFAULT_SETTINGS) -> list[tuple[PrintedRun, TextLine]]:
    """The running header lines that a table's text reaches into, each with the run it prints again.

    A table continued at the top of the page may start its cells level with the running header, or
    above it (a CSS grid's row split by a page break begins at the page area's top; the header, set
    in the page's margin box, reaches down into it): the header then stands among the rows. It is
    the text printed exactly where the previous page printed a line in its margin (`previous`:
    margin_runs of that page and the running header found on it), every character of that line
    again in its place, with text new to this page (not at `previous_places`, where the previous
    page printed its margins' characters) level with it or above it (below it, for one at the
    page's foot). A running header standing clear of the rest, or beside other recurring text (a
    table header printed again on every page), is left as it is: the readers know a line that recurs."""
    margin = _margin(page_height)
    placed: dict[tuple[str, float, float], Char] = {}
    for char in chars:
        if char.bottom <= margin or char.top >= page_height - margin:
            placed.setdefault(_place(char), char)
    found: list[tuple[PrintedRun, TextLine]] = []
    for run in previous:
        if not run.chars or not all(key in placed for key in run.chars):
            continue
        own = [placed[key] for key in run.chars]
        top, bottom = min(c.top for c in own), max(c.bottom for c in own)
        at_top = bottom <= margin
        if any(not c.text.isspace() and (c.top < bottom if at_top else c.bottom > top)
               and _place(c) not in previous_places for c in chars):
            found.extend((run, line) for line in text_lines(own, settings))
    return found
