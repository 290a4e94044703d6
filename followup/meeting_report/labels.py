"""The report's Swedish words and status colours, read from templates/report.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class StatusStyle:
    label: str
    letter: str
    colour: str
    text_colour: str
    hatch: str


@dataclass(frozen=True)
class Labels:
    statuses: dict[str, StatusStyle]  # done, in_progress, delayed, unknown, in that order
    sections: dict[str, str]
    fields: dict[str, str]

    def status(self, status: str | None) -> StatusStyle:
        return self.statuses[status or "unknown"]


# Relative luminance above which black text reads better than white on a colour (WCAG's formula).
DARK_TEXT_ABOVE = 0.4


def with_colours(words: Labels, colours: dict[str, str]) -> Labels:
    """The labels with the given status colours ("#RRGGBB") in place of the usual ones; each text
    colour black or white, whichever reads on it. Patterns and letters stay."""
    statuses = {key: replace(style, colour=colours[key], text_colour=_text_on(colours[key]))
                if key in colours else style for key, style in words.statuses.items()}
    return replace(words, statuses=statuses)


def _text_on(colour: str) -> str:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > DARK_TEXT_ABOVE else "#ffffff"


@cache
def labels() -> Labels:
    data = tomllib.loads(resources.files("followup.meeting_report").joinpath("templates/report.toml")
                         .read_text(encoding="utf-8"))
    return Labels(statuses={k: StatusStyle(**v) for k, v in data["status"].items()},
                  sections=data["section"], fields=data["field"])
