"""How a producer lays a report out: columns, header, areas, status marker, legend, shading, page.

Every option defaults to None or to the producer's own behaviour, so `Layout()` renders the five
original samples exactly as before. The corpus (samples/corpus/variants.toml) varies them to show
the many ways hospitals and planning systems print the same follow-up.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from samples.model import EXTRA_FIELDS

# The columns followup has a field for, in the reference order of REPORT-FORMAT.md.
FIELD_COLUMNS = ("area", "goal", "action", "deadline", "responsible", "status", "follow_up",
                 "new_deadline")
COLUMNS = FIELD_COLUMNS + EXTRA_FIELDS
EXTRA_HEADERS = {"nr": "Nr", "start": "Startdatum", "priority": "Prioritet", "cost": "Kostnad",
                 "indicator": "Indikator"}
# Relative widths when a layout names its own columns; the follow-up notes are the widest.
COLUMN_WEIGHTS = {"area": 10, "goal": 12, "action": 13, "deadline": 10, "responsible": 11,
                  "status": 5, "follow_up": 26, "new_deadline": 10, "nr": 4.5, "start": 10,
                  "priority": 6, "cost": 6.5, "indicator": 11}
# Per cent of the table width each cell's padding takes, which HTML adds to the cell's width.
CELL_PADDING_PERCENT = 1.0
# A status column printing words ("Försenad", "Ej påbörjad") needs room for them.
STATUS_WORD_WEIGHT = 8
AREA_MODES = ("column", "merged", "groups", "none")
# "icon": a small PNG picture in the status cell (samples/status_icons.py), the legend made of the same icons.
STATUS_STYLES = ("fill", "dot", "glyph", "label", "words", "icon")
# The icons an "icon" status cell shows: a check, a triangle, a cross and a circle, or circles only.
ICON_SETS = ("symbols", "circles")
ORIENTATIONS = ("portrait", "landscape", "rotated")
ROW_BREAKS = ("split", "avoid")
# Rules drawn in the activity tables: a full grid, horizontal rules between rows only, or none.
RULES = ("grid", "horizontal", "none")
# How an HTML producer marks the activity table up: a <table>, or a planning system's CSS grid of
# <div>s (no table rules, a fill per header cell, a rule under each row, the header printed once).
MARKUPS = ("table", "grid")
# One table per section, or one table per area (each under its own heading, several on a page).
TABLE_SPLITS = ("section", "area")
# Font families a layout may print its text in (installed with LibreOffice and DejaVu).
FONTS = {"serif": "Liberation Serif", "narrow": "Liberation Sans Narrow",
         "dejavu-serif": "DejaVu Serif", "sans": "Liberation Sans", "dejavu-sans": "DejaVu Sans"}
STATUS_ORDER = ("done", "in_progress", "delayed", "not_started")


@dataclass(frozen=True)
class Palette:
    """The status colours of one report and the labels its legend gives them (None: no colour)."""

    colours: tuple[tuple[str, str | None], ...]
    labels: tuple[tuple[str, str], ...]

    def colour(self, status: str) -> str | None:
        """The colour of a status, without '#'; None when the status has no colour."""
        return dict(self.colours).get(status)

    def label(self, status: str) -> str:
        """The legend's wording for a status."""
        return dict(self.labels)[status]


PALETTES = {
    # Word's standard traffic light.
    "traffic": Palette(
        colours=(("done", "00B050"), ("in_progress", "FFC000"), ("delayed", "FF0000"),
                 ("not_started", "BFBFBF")),
        labels=(("done", "KLART"), ("in_progress", "ARBETE PÅGÅR"), ("delayed", "FÖRSENAT"),
                ("not_started", "EJ PÅBÖRJAD"))),
    # Office theme colours: blue is done and green only in progress; the legend decides.
    "theme": Palette(
        colours=(("done", "4472C4"), ("in_progress", "70AD47"), ("delayed", "ED7D31"),
                 ("not_started", "D9D9D9")),
        labels=(("done", "Genomförd"), ("in_progress", "Pågår enligt plan"),
                ("delayed", "Avvikelse från plan"), ("not_started", "Ej påbörjad"))),
    # Pale tints from a planning system; a row not started has no colour at all.
    "pastel": Palette(
        colours=(("done", "A9D18E"), ("in_progress", "FFE699"), ("delayed", "F4B183"),
                 ("not_started", None)),
        labels=(("done", "Klar"), ("in_progress", "Pågår"), ("delayed", "Risk för försening"),
                ("not_started", "Ej påbörjad"))),
}

# Words printed in the status cell by the label and words styles.
STATUS_WORDS = {
    "state": {"done": "Klar", "in_progress": "Pågår", "delayed": "Försenad",
              "not_started": "Ej påbörjad"},
    "colour": {"done": "Grön", "in_progress": "Gul", "delayed": "Röd", "not_started": "Ej påbörjad"},
    # A planning system printing its states in capitals.
    "upper": {"done": "KLAR", "in_progress": "PÅGÅR", "delayed": "FÖRSENAD",
              "not_started": "EJ PÅBÖRJAD"},
    # Neuter forms, as of "arbetet": Klart, Pågående, Försenat, Ej startat.
    "neuter": {"done": "Klart", "in_progress": "Pågående", "delayed": "Försenat",
               "not_started": "Ej startat"},
    # Abbreviated to fit a narrow status column.
    "short": {"done": "Klar", "in_progress": "Pågår", "delayed": "Förs.", "not_started": "Ej påb."},
}

HEADER_TEXT_COLOUR = "FFFFFF"
ZEBRA_FILL = "F2F2F2"
# Above this luma (0–255) black text reads better on a coloured label than white.
LIGHT_FILL_LUMA = 150
GROUP_FILL = "D9E2F3"


@dataclass(frozen=True)
class Layout:
    """Layout options; None means the producer's own choice (today's samples)."""

    # Column keys (COLUMNS) left to right; the completed table drops new_deadline.
    columns: tuple[str, ...] | None = None
    # Header wording per column key; a newline breaks the header cell's text ("Sta-\ntus").
    headers: tuple[tuple[str, str], ...] = ()
    # Relative column widths, one per column; None: COLUMN_WEIGHTS.
    widths: tuple[float, ...] | None = None
    # A dark header row (fill colour without '#', white bold text).
    header_fill: str | None = None
    areas: str = "column"
    # Text of a group row; {area} is the area's name.
    group_label: str = "{area}"
    status_style: str | None = None
    palette: str | None = None
    status_words: str = "state"
    # The icon set of the "icon" status style (ICON_SETS).
    icons: str = "symbols"
    legend: bool = True
    zebra: bool = False
    highlight: bool = True
    orientation: str | None = None
    # The page as displayed (width, height) in mm; margins top, right, bottom, left in mm.
    page_mm: tuple[float, float] | None = None
    margins_mm: tuple[float, float, float, float] | None = None
    # Font size of the table text in points.
    font_pt: float | None = None
    row_break: str = "split"
    # Rules of the activity tables; None: the producer's own (Word a grid, WeasyPrint horizontal
    # rules, Chromium none).
    rules: str | None = None
    # The header row repeated on every page a table continues on (False: on its first page only).
    repeat_header: bool = True
    # Font family of the whole report (FONTS); None: the producer's own.
    font: str | None = None
    # "area": one table per area, each under a heading with the area's name.
    tables: str = "section"
    # Columns whose header text is turned a quarter, reading bottom to top (a spreadsheet's text
    # orientation, CSS rotate on a narrow column's header cell).
    rotated_headers: tuple[str, ...] = ()
    # "grid": the activity table as a CSS grid of <div>s (web producers); no merged cells.
    markup: str = "table"
    # A word processor's built-in table style (Word's "Medium Shading 1 Accent 1", …): the header
    # row's look, banded rows and rules come from the style's conditional formatting, not from
    # each cell (Word producer only; the status cells keep their own shading).
    table_style: str | None = None

    def __post_init__(self) -> None:
        if self.columns is not None:
            unknown = set(self.columns) - set(COLUMNS)
            if unknown or len(set(self.columns)) != len(self.columns):
                raise ValueError(f"bad columns {self.columns}")
            if self.widths is not None and len(self.widths) != len(self.columns):
                raise ValueError("one width per column")
        for value, allowed in ((self.areas, AREA_MODES), (self.row_break, ROW_BREAKS),
                               (self.status_words, tuple(STATUS_WORDS)),
                               (self.tables, TABLE_SPLITS), (self.markup, MARKUPS), (self.icons, ICON_SETS)):
            if value not in allowed:
                raise ValueError(f"{value!r} is not one of {allowed}")
        if self.status_style is not None and self.status_style not in STATUS_STYLES:
            raise ValueError(f"unknown status style {self.status_style!r}")
        if self.palette is not None and self.palette not in PALETTES:
            raise ValueError(f"unknown palette {self.palette!r}")
        if self.rules is not None and self.rules not in RULES:
            raise ValueError(f"unknown rules {self.rules!r}")
        if self.markup == "grid" and self.areas == "merged":
            raise ValueError("a grid of <div>s has no merged cells")
        if not set(self.rotated_headers) <= set(COLUMNS):
            raise ValueError(f"bad rotated headers {self.rotated_headers}")
        if self.font is not None and self.font not in FONTS:
            raise ValueError(f"unknown font {self.font!r}")
        if self.tables == "area" and self.areas == "groups":
            raise ValueError("a table per area has no group rows")
        if self.orientation is not None and self.orientation not in ORIENTATIONS:
            raise ValueError(f"unknown orientation {self.orientation!r}")
        if self.page_mm is not None and self.orientation is not None:
            wide = self.page_mm[0] > self.page_mm[1]
            if wide != (self.orientation != "portrait"):
                raise ValueError(f"a {self.orientation} page is not {self.page_mm} mm")
        for key, wording in self.headers:
            if key in EXTRA_FIELDS and "-\n" in wording:
                raise ValueError("an extra column's header is keyed by its text: wrap it at a space")

    def palette_or(self, own: Palette) -> Palette:
        """The layout's palette, else the producer's own."""
        return PALETTES[self.palette] if self.palette else own

    def status_style_or(self, own: str, shown: tuple[str, ...] = STATUS_STYLES, producer: str = "this producer") -> str:
        """The layout's status style, else the producer's own; one the producer cannot show is refused."""
        style = self.status_style or own
        if style not in shown:
            raise ValueError(f"{producer} shows status as one of {shown}, not {style!r}")
        return style

    @property
    def is_default(self) -> bool:
        """True when the producer lays the report out its own way."""
        return self == Layout()

    def column_keys(self, default: tuple[str, ...], *, done: bool) -> tuple[str, ...]:
        """The columns of the activity table (or of the completed table, without Ny tid)."""
        keys = self.columns if self.columns is not None else default
        if self.areas in ("groups", "none"):
            keys = tuple(k for k in keys if k != "area")
        return tuple(k for k in keys if not (done and k == "new_deadline"))

    def header(self, key: str, default: dict[str, str]) -> str:
        """The printed header of a column: the layout's wording, else the producer's."""
        return dict(self.headers).get(key) or default.get(key) or EXTRA_HEADERS[key]

    def weights(self, keys: tuple[str, ...]) -> tuple[float, ...]:
        """Relative widths of the printed columns."""
        if self.widths is not None and self.columns is not None:
            own = dict(zip(self.columns, self.widths, strict=False))
            return tuple(own[k] for k in keys)
        weights = dict(COLUMN_WEIGHTS)
        if self.prints_status_words:
            weights["status"] = STATUS_WORD_WEIGHT
        return tuple(weights[k] for k in keys)

    @property
    def prints_status_words(self) -> bool:
        """True when the status cell holds a word (a coloured label or the word alone)."""
        return self.status_style in ("label", "words")

    @property
    def keeps_producer_widths(self) -> bool:
        """True when the producer's own column widths still fit: same columns, no status words."""
        return (self.columns is None and self.areas in ("column", "merged")
                and not self.prints_status_words)

    def status_word(self, status: str) -> str:
        """The word a label or words status cell prints."""
        return STATUS_WORDS[self.status_words][status]


def area_runs(activities: tuple, layout: Layout) -> list[tuple]:
    """The activities of one section as the layout prints them: one run, or one per area."""
    if layout.tables != "area":
        return [tuple(activities)]
    runs: list[list] = []
    for activity in activities:
        if runs and runs[-1][-1].area == activity.area:
            runs[-1].append(activity)
        else:
            runs.append([activity])
    return [tuple(run) for run in runs]


def header_text(wording: str) -> str:
    """A header as a reader sees it printed: its lines joined, a hyphen at a line end undone."""
    return " ".join(wording.replace("-\n", "").split())


def layout_from_dict(raw: dict) -> Layout:
    """A Layout from a variants.toml table (lists become tuples, headers a mapping)."""
    names = {f.name for f in fields(Layout)}
    unknown = set(raw) - names
    if unknown:
        raise ValueError(f"unknown layout options {sorted(unknown)}")
    values = {}
    for name, value in raw.items():
        if name == "headers":
            value = tuple((k, str(v)) for k, v in value.items())
        elif isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return Layout(**values)


def contrast_text(fill: str) -> str:
    """Black or white text, whichever reads on the fill (relative luminance)."""
    red, green, blue = (int(fill[i:i + 2], 16) for i in (0, 2, 4))
    return "000000" if 0.299 * red + 0.587 * green + 0.114 * blue > LIGHT_FILL_LUMA else "FFFFFF"


def group_runs(areas: list[str]) -> list[int]:
    """How many rows each row's Område cell spans when equal neighbours are merged (0: covered)."""
    spans = [1] * len(areas)
    top = 0
    for index in range(1, len(areas)):
        if areas[index] == areas[top]:
            spans[top] += 1
            spans[index] = 0
        else:
            top = index
    return spans


def table_columns(layout: Layout, wording: tuple[str, ...], widths: tuple[float, ...],
                  done_widths: tuple[float, ...], *, done: bool, padded: bool = True
                  ) -> tuple[list[tuple[str, str]], tuple[float, ...]]:
    """(key, header) of each printed column and their widths.

    `wording` and the widths are the producer's own, for FIELD_COLUMNS in reference order; they are
    kept in proportion when the layout changes neither the columns nor the status cell. Otherwise
    the widths are per cent of the table. `padded`: the producer adds each cell's padding to its
    width (HTML), so a layout of its own leaves room for it.
    """
    own = dict(zip(FIELD_COLUMNS, wording, strict=False))
    keys = layout.column_keys(FIELD_COLUMNS, done=done)
    columns = [(key, layout.header(key, own)) for key in keys]
    share = 100 - CELL_PADDING_PERCENT * len(keys) if padded else 100
    if layout.keeps_producer_widths:
        chosen = done_widths if done else widths
        if layout.is_default or not padded:
            return columns, chosen
        return columns, tuple(round(share * w / sum(chosen), 1) for w in chosen)
    weights = layout.weights(keys)
    return columns, tuple(round(share * w / sum(weights), 1) for w in weights)
