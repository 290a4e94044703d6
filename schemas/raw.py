"""What extract/ hands to normalize/: tables as printed, before any Swedish is understood.

Texts keep the PDF's line breaks as "\n" and paragraph gaps as "\n\n"; colours are "#RRGGBB".
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from followup.schemas.document import Warning

# The column roles a header can be recognised as (extract/data/headers.toml maps wording to them).
ColumnRole = Literal[
    "area", "goal", "action", "deadline", "responsible", "status", "follow_up", "new_deadline"
]


# How a page drew a line-end hyphen: by a text-showing operator of its own, or by its word's.
HyphenDrawing = Literal["apart", "with_word"]


class _Raw(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LineEnd(_Raw):
    """What the page shows at the end of one line of a cell, with the line below it. Lines are as in
    RawCell.text (whitespace collapsed).

    - kind "hyphen": the line ends in a hyphen and had room left for `fits` characters of the next
      line. An automatic hyphenator breaks a word at the last hyphenation point whose piece still
      fits on the line: where a later point would have fitted, the author typed the hyphen
      (normalize/linebreaks.py).
    - kind "cut": the line ends without a hyphen, full to the cell's edge, and the word at the break
      is wider than the cell: a word perhaps cut where the line was full (a spreadsheet's wrapping;
      extract/cut_words.py, normalize/cut_words.py). `fits` is 0.

    `drawn` (hyphens after a letter or digit): how the page drew the hyphen, "apart" by a text-showing
    operator of its own or "with_word" by the word's. LibreOffice draws the hyphens it adds apart and
    those the author typed with the word; whether a report's producer tells them so is decided for
    the whole document (normalize/hyphen_drawing.py).
    """

    line: str
    next: str
    kind: Literal["hyphen", "cut"] = "hyphen"
    fits: int = Field(ge=0, description="how many characters of `next`, from its start, would still have fitted "
                      "after `line` (before the right edge of the cell's text)")
    drawn: HyphenDrawing | None = Field(None, description="how the line-end hyphen was drawn: \"apart\" from its "
                                        "word by a text operator of its own, or \"with_word\"")


class RawCell(_Raw):
    text: str = ""
    line_ends: list[LineEnd] = Field(
        default_factory=list,
        description="the cell's hyphenated line ends with the room left there and how the hyphen was drawn, "
        "and its full line ends where a word may be cut without a hyphen (kind \"cut\")")
    fill: str | None = Field(None, description="background colour of the cell")
    marker: str | None = Field(None, description="colour of a filled shape drawn inside the cell")


class RawRow(_Raw):
    cells: dict[str, RawCell] = Field(description="the cells of the recognised columns, by ColumnRole")
    extra: dict[str, RawCell] = Field(
        default_factory=dict,
        description="the cells of the columns no role names (Nr, Startdatum, Prioritet …), by printed header",
    )
    row_fill: str | None = Field(None, description="colour shading (nearly) every cell of the row")
    pages: list[int]
    group: str | None = Field(
        None, description="text of the full-width group row printed above the row in its table "
        "(\"Område: Tillgänglighet\"), as printed; None when no group row precedes it")


class RawTable(_Raw):
    section: Literal["active", "done"]
    heading: str | None = None
    columns: list[str] = Field(description="the roles of the recognised columns, left to right")
    extra_columns: list[str] = Field(
        default_factory=list,
        description="printed headers (whitespace collapsed, hyphenation undone) of the other columns, left to right",
    )
    rows: list[RawRow] = Field(default_factory=list)


class LegendEntry(_Raw):
    label: str
    colour: str


class RawDocument(_Raw):
    file: str
    sha256: str
    pages: int
    title: str | None = None
    # Lines printed between the title and the first table, where a period date usually stands.
    preamble: list[str] = Field(default_factory=list)
    milestones: list[str] = Field(default_factory=list)
    legend: list[LegendEntry] = Field(default_factory=list)
    tables: list[RawTable] = Field(default_factory=list)
    # Problems with the file itself (repaired, unreadable pages), passed on to Document.warnings.
    warnings: list[Warning] = Field(default_factory=list)
