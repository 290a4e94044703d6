"""The output document of `followup extract` (DESIGN.md, schema_version "1")."""
from __future__ import annotations

import datetime
import re
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from followup.schemas.codes import WarningCode

SCHEMA_VERSION: Final = "1"

Section = Literal["active", "done"]
Status = Literal["done", "in_progress", "delayed"]
# Where a status was read: "text" a status word (in the status cell, else at the start of the
# follow-up note), "colour" the status cell's colour through the report's legend, "hue" its hue
# when the report has no legend for that colour.
StatusSource = Literal["colour", "text", "hue"]
Precision = Literal["day", "month", "year"]
Relation = Literal["lead", "consulted", "support"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _iso_day(value: str) -> str:
    """An ISO 8601 calendar day that exists (2024-02-29 yes, 2024-02-30 and "snart" no)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("not an ISO day (YYYY-MM-DD)")
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError("no such day") from None
    return value


# Kept as text in Python (the ISO form is the contract), checked and typed as a date in the schema.
IsoDay = Annotated[str, AfterValidator(_iso_day), WithJsonSchema({"type": "string", "format": "date"})]


class DateValue(_Model):
    """A date as printed, with its ISO form only when a whole valid day is printed.

    `first_day` and `last_day` are the stretch of days it covers ("2024-" the whole year, "maj 2024"
    the month): computed, not serialized, so the output contract is unchanged.
    """

    text: str
    date: IsoDay | None = Field(None, description="ISO 8601 day, only when a whole valid day is printed")
    precision: Precision | None = None

    @property
    def span(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day of what is printed; None when it names no stretch of days."""
        if self.date:
            day = datetime.date.fromisoformat(self.date)
            return day, day
        # normalize/dates.py is the one reader of printed dates (Swedish month names, quarters, weeks);
        # imported here, lazily, because normalize builds on schemas and not the other way round.
        from followup.normalize.dates import date_span

        return date_span(self.text)

    @property
    def first_day(self) -> datetime.date | None:
        """The first day of what is printed: the day itself, the 1st of a month, 1 January of a year."""
        span = self.span
        return span[0] if span else None

    @property
    def last_day(self) -> datetime.date | None:
        """The last day of what is printed: the day itself, the last of a month, 31 December of a year."""
        span = self.span
        return span[1] if span else None

    @property
    def is_day(self) -> bool:
        """Whether a single whole day is printed (the only dates a slip is counted in days between)."""
        span = self.span
        return span is not None and span[0] == span[1]


class Role(_Model):
    """One role named in a responsible cell, e.g. Enhetschef of Hudmottagningen, consulted."""

    role: str
    unit: str | None = None
    relation: Relation = "lead"


class Responsible(_Model):
    text: str
    roles: list[Role] = Field(default_factory=list)


class Activity(_Model):
    id: str
    section: Section
    area: str | None = None
    goal: str | None = None
    action: str | None = None
    deadline: DateValue | None = None
    responsible: Responsible | None = None
    units: list[str] = Field(default_factory=list)
    status: Status | None = None
    status_source: StatusSource | None = None
    follow_up: str | None = None
    new_deadline: DateValue | None = None
    highlighted: bool = False
    pages: list[int] = Field(default_factory=list)
    extra: dict[str, str] = Field(
        default_factory=dict,
        description="columns followup has no field for: printed header (one line) → repaired cell text",
    )


class Milestone(_Model):
    label: str
    date: DateValue | None = None


class LegendColour(_Model):
    """One entry of the report's own status legend: its label, its colour and the status it names
    (null for "Ej påbörjad" or a label no status word names)."""

    label: str
    colour: str = Field(description="#RRGGBB")
    status: Status | None = None


class Warning(_Model):
    code: WarningCode = Field(description="one of schemas.codes.WARNINGS")
    message: str
    page: int | None = None
    activity_id: str | None = None


class Source(_Model):
    file: str
    sha256: str
    pages: int


class Document(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    title: str | None = None
    period: str | None = Field(None, pattern=r"^\d{4}-\d{2}$")
    milestones: list[Milestone] = Field(default_factory=list)
    legend: list[LegendColour] = Field(default_factory=list, description="the report's own status legend")
    activities: list[Activity] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

    def to_dataframe(self):  # -> pandas.DataFrame (pandas is imported only when asked for)
        """One row per activity with typed columns (schemas/frames.py): texts, categories, dates as datetime64."""
        from followup.schemas.frames import document_frame

        return document_frame(self)

    def roles_dataframe(self):  # -> pandas.DataFrame
        """One row per role named in a responsible cell (activity_id, role, unit, relation), plus unnamed units."""
        from followup.schemas.frames import roles_frame

        return roles_frame(self)
