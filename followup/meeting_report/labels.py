"""The report's Swedish words and status colours, read from templates/report.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
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


@cache
def labels() -> Labels:
    data = tomllib.loads(resources.files("followup.meeting_report").joinpath("templates/report.toml")
                         .read_text(encoding="utf-8"))
    return Labels(statuses={k: StatusStyle(**v) for k, v in data["status"].items()},
                  sections=data["section"], fields=data["field"])
