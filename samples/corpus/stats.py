"""Count pages and rows split over a page break in every corpus PDF, from the PDFs and the content
only (pdfplumber, no followup extraction): `python -m samples.corpus.stats`.

A row is split when its own words are printed on two pages. A row's own words are the words of its
cells that occur nowhere else in the report (not in another row, the title, the intro or a header),
so finding one on a page places that row there. A word broken at a line end is simply not found;
a continuation holding none of the row's own words (a lone "het", a date) is not counted, so the
count errs low.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import pdfplumber

from samples.corpus import Variant, load_variants, variant_report
from samples.layout import EXTRA_HEADERS, PALETTES, STATUS_WORDS
from samples.model import EXTRA_FIELDS, Activity, Report
from samples.producer_look import ALL_COLUMNS, ALL_PALETTES, HEADINGS

# Shorter words are too often part of another word or repeated between rows.
MIN_OWN_WORD = 7
_WORD = re.compile(r"[\wÅÄÖåäö@./:-]+")


@dataclass(frozen=True)
class VariantStats:
    """What the counting found in one variant's PDF."""

    variant: Variant
    pages: int
    split_keys: tuple[str, ...]
    # Of the split rows: how many continue in one cell only, and how many in several cells.
    one_cell_continues: int
    several_cells_continue: int
    # Runs of rows under one merged Område cell or one group row that cross a page break.
    areas_over_a_break: int


def squeeze(text: str) -> str:
    """Text as compared: lower case, without white space or soft hyphens."""
    return re.sub(r"[\s\u00ad]+", "", text).lower()


def cell_texts(activity: Activity) -> dict[str, str]:
    """What the row prints in each of its own cells.

    The area is left out: a group row or a merged cell prints it once for several rows, possibly
    at the foot of the page before them.
    """
    table = " ".join(" ".join(row) for row in activity.follow_up_table)
    cells = {"goal": activity.goal, "action": activity.action, "deadline": activity.deadline,
             "responsible": activity.responsible,
             "follow_up": " ".join((activity.follow_up, table, activity.follow_up_after)),
             "new_deadline": activity.new_deadline or ""}
    cells.update({name: getattr(activity, name) for name in EXTRA_FIELDS})
    return cells


def activity_text(activity: Activity) -> str:
    """What the row prints in its own cells, one after another."""
    return " ".join(cell_texts(activity).values())


def _chrome_text(variant: Variant) -> str:
    """Every header, heading and legend wording a producer or layout may print."""
    words = [*HEADINGS, *ALL_COLUMNS, *EXTRA_HEADERS.values(),
             *(w for _, w in variant.layout.headers)]
    for palette in (*ALL_PALETTES, *PALETTES.values()):
        words += [label for _, label in palette.labels]
    for vocabulary in STATUS_WORDS.values():
        words += vocabulary.values()
    return " ".join(words)


def _report_text(report: Report, variant: Variant) -> str:
    milestones = " ".join(f"{m.label} {m.date}" for m in report.milestones)
    areas = " ".join(a.area for a in report.active + report.done)
    return " ".join((report.title, report.period_line, report.running_header, report.intro,
                     report.done_intro, report.milestone_heading, milestones, areas,
                     _chrome_text(variant)))


def own_words(report: Report, variant: Variant) -> dict[str, list[str]]:
    """Each row's own words (squeezed), by key."""
    activities = report.active + report.done
    texts = {a.key: squeeze(activity_text(a)) for a in activities}
    around = squeeze(_report_text(report, variant))
    result = {}
    for activity in activities:
        others = around + "|".join(t for k, t in texts.items() if k != activity.key)
        words = {squeeze(w).strip(".,:;") for w in _WORD.findall(activity_text(activity))}
        result[activity.key] = sorted(w for w in words
                                      if len(w) >= MIN_OWN_WORD and w not in others)
    return result


def page_texts(path) -> list[str]:
    """Each page's characters in drawing order, squeezed (works for rotated pages too)."""
    with pdfplumber.open(path) as pdf:
        return [squeeze("".join(c["text"] for c in page.chars)) for page in pdf.pages]


def _pages_of(words: list[str], pages: list[str]) -> set[int]:
    return {number for number, text in enumerate(pages) for word in words if word in text}


def _continuing_cells(activity: Activity, words: list[str], pages: list[str]) -> int:
    """How many of a split row's cells have own words after the row's first page."""
    first = min(_pages_of(words, pages))
    later = [text for number, text in enumerate(pages) if number > first]
    cells = {name: squeeze(text) for name, text in cell_texts(activity).items()}
    return sum(1 for text in cells.values()
               if any(word in text and any(word in page for page in later) for word in words))


def _area_runs(activities: tuple[Activity, ...]) -> list[list[Activity]]:
    runs: list[list[Activity]] = []
    for activity in activities:
        if runs and runs[-1][-1].area == activity.area:
            runs[-1].append(activity)
        else:
            runs.append([activity])
    return runs


def variant_stats(variant: Variant) -> VariantStats:
    """Pages, split rows and areas over a page break in one variant."""
    report = variant_report(variant)
    pages = page_texts(variant.pdf)
    own = own_words(report, variant)
    activities = {a.key: a for a in report.active + report.done}
    split = [key for key, words in own.items() if len(_pages_of(words, pages)) > 1]
    continuing = [_continuing_cells(activities[key], own[key], pages) for key in split]
    over_a_break = 0
    if variant.layout.areas in ("merged", "groups"):
        for section in (report.active, report.done):
            for run in _area_runs(section):
                seen = set().union(*(_pages_of(own[a.key], pages) for a in run))
                over_a_break += len(run) > 1 and len(seen) > 1
    return VariantStats(variant=variant, pages=len(pages), split_keys=tuple(split),
                        one_cell_continues=sum(1 for c in continuing if c == 1),
                        several_cells_continue=sum(1 for c in continuing if c > 1),
                        areas_over_a_break=over_a_break)


def markdown(stats: list[VariantStats]) -> str:
    """The table of variants with totals."""
    lines = ["| variant | producer | layout family | pages | split rows | one cell continues | "
             "several cells continue | areas over a break |",
             "|---|---|---|---:|---:|---:|---:|---:|"]
    for item in stats:
        v = item.variant
        lines.append(f"| `{v.name}` | {v.producer} | {v.family} | {item.pages} | "
                     f"{len(item.split_keys)} | {item.one_cell_continues} | "
                     f"{item.several_cells_continue} | {item.areas_over_a_break} |")
    total = [sum(s.pages for s in stats), sum(len(s.split_keys) for s in stats),
             sum(s.one_cell_continues for s in stats), sum(s.several_cells_continue for s in stats),
             sum(s.areas_over_a_break for s in stats)]
    lines.append(f"| **total** ({len(stats)} variants) | | | "
                 + " | ".join(f"**{t}**" for t in total) + " |")
    return "\n".join(lines)


def main() -> int:
    print(markdown([variant_stats(v) for v in load_variants()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
