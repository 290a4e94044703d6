"""The run report `followup batch` writes as OUTDIR/report.json (`schema_version` "1").

A public output like the document and the diff: tools that watch a nightly batch read it. Fields
are only ever added.
"""
from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from followup.schemas.codes import FailureCode

RUN_REPORT_VERSION: Final = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RunSettings(_Model):
    period: str | None = None
    vocabulary: list[str] = Field(default_factory=list, description="the extra vocabulary files")
    jobs: int | None = None
    timeout: float | None = None
    force: bool = False
    fingerprint: str = Field(description="hash of the settings and code that decide an extraction")


class RunSummary(_Model):
    inputs: int
    ok: int
    failed: int
    duplicates: int = 0
    interrupted: bool = Field(False, description="the run was stopped (Ctrl-C, SIGTERM) before every input settled")
    skipped: int = Field(0, description="inputs unchanged since their last extraction into this folder")
    pages: int = Field(0, description="pages extracted in this run (skipped inputs not counted)")
    activities: int = 0
    seconds: float = 0.0
    pages_per_second: float | None = None
    peak_memory_mb: float | None = None


class RunInput(_Model):
    """What became of one input: `status` "ok", "failed" (`code` says why) or "duplicate".

    Batch builds these as each input settles (its journal and progress lines read them) and writes
    them into the run report as they are.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(description="the input as named, one line (undecodable bytes escaped)")
    output: str = Field(description="its JSON file in OUTDIR")
    sha256: str | None = None
    settings: str = Field(description="the settings fingerprint it was extracted with")
    status: Literal["ok", "failed", "duplicate"]
    skipped: bool = False
    reason: str | None = None
    code: FailureCode | None = None
    pages: int | None = None
    activities: int | None = None
    seconds: float = 0.0
    peak_memory_mb: float | None = None
    traceback: str | None = Field(None, description="an internal error's traceback, for a bug report")
    duplicate_of: str | None = Field(None, description="the earlier input with the same content")

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def failed(self) -> bool:
        return self.status == "failed"


class RunReport(_Model):
    schema_version: Literal["1"] = RUN_REPORT_VERSION
    settings: RunSettings
    summary: RunSummary
    inputs: list[RunInput] = Field(default_factory=list)
    stale: list[str] = Field(default_factory=list, description="outputs of inputs no longer given")
    pruned: bool = Field(False, description="this run removed the stale outputs (--prune)")
