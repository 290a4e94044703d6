"""The output of `followup diff` (DESIGN.md, schema_version "1")."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from followup.schemas.document import Activity

Change = Literal["added", "removed", "changed", "unchanged"]
FieldName = Literal[
    "section", "area", "goal", "action", "deadline", "responsible",
    "status", "follow_up", "new_deadline", "highlighted",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DiffSide(_Model):
    file: str
    period: str | None = None


class ActivityChange(_Model):
    change: Change
    fields: list[FieldName] = Field(default_factory=list)
    score: float | None = None
    # Extension: days the effective deadline (Ny tid, else Tid) moved later; null when it did not.
    slip_days: int | None = None
    old: Activity | None = None
    new: Activity | None = None


class DiffSummary(_Model):
    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0
    # Extensions beyond the DESIGN.md minimum: "in_progress → done": 3, and deadline slips.
    status_transitions: dict[str, int] = Field(default_factory=dict)
    deadline_slips: int = 0
    deadline_slip_days: list[int] = Field(default_factory=list)
    # Extensions: activities done now and not last time; activities whose status turned delayed.
    completed: int = 0
    turned_delayed: int = 0


class Diff(_Model):
    schema_version: Literal["1"] = "1"
    old: DiffSide
    new: DiffSide
    activities: list[ActivityChange] = Field(default_factory=list)
    summary: DiffSummary = Field(default_factory=DiffSummary)

    def to_dataframe(self):  # -> pandas.DataFrame (pandas is imported only when asked for)
        """One row per activity: the change, both ids, both statuses and both versions' dates (typed)."""
        from followup.schemas.frames import diff_frame

        return diff_frame(self)
