"""Render random layout combinations and score them: `python -m samples.corpus.explore`.

The corpus holds the layouts someone chose; a report from another hospital combines the same
options differently. This draws combinations the corpus lacks (column sets and orders, areas as a
column, merged cells, group rows or per-area tables, status styles and palettes, legends, zebra
rows, rules, fonts and sizes, page sizes, margins and orientations), renders each with a producer,
writes its gold from the content (samples/expected.py, never from an extraction), extracts it and
prints the fields right. A combination no real report would print is not drawn: columns narrower
than `MIN_COLUMN_EM` of the font, or a palette whose colours mean nothing without their legend and
no legend. A combination a producer cannot show is skipped with its reason.

    python -m samples.corpus.explore --seed 3 --count 40 --producers web,browser,word,fpdf,pdflib,typst

Each case's PDF, gold and layout stay in `--out` (default: a folder in the system's temporary
directory), so a failure can be looked at (`followup debug`) and, once read right, copied into
variants.toml as a variant. The same seed draws the same combinations.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from samples.corpus import Variant, variant_report
from samples.corpus.fields import FIELDS, differences, pair
from samples.layout import FONTS, PALETTES, STATUS_WORDS, Layout

# The content files drawn from: the corpus's own and the original samples'.
CONTENTS = ("alvstad-2025-03", "bergslagen-2025-09", "fjallbygden-2024-11", "hamnstad-2025-05",
            "norrmark-2024-04", "norrmark-2024-10", "osteras-2025-06", "sjostad-2025-02",
            "vastkust-2024-06", "ystad-2024-03", "medicin-web-2024-05", "psykiatri-2024-10")
FIELD_COLUMNS = ("area", "goal", "action", "deadline", "responsible", "status", "follow_up", "new_deadline")
# Pages as printed (portrait width, height) in mm.
PAGE_SIZES = {"a4": (210, 297), "a5": (148, 210), "letter": (216, 279), "small": (180, 240)}
# A column narrower than this many font sizes (in mm per pt) is one no report would print.
MIN_COLUMN_EM = 2.6
# Palettes a reader can only decode through the report's legend (blue is done in "theme").
LEGEND_ONLY_PALETTES = ("theme",)
# Status styles that only some producers can show.
PICTURE_PRODUCERS = ("word", "web", "browser")


class Unrealistic(ValueError):
    """A drawn combination no real report would print."""


@dataclass(frozen=True)
class Outcome:
    """One rendered combination and how it was read."""

    name: str
    right: int
    total: int
    rows: str
    wrong: tuple[tuple[int, str], ...]


def draw_layout(rng: random.Random, producer: str) -> Layout:
    """One random layout a real report could have; raises Unrealistic for one it could not."""
    columns = list(FIELD_COLUMNS)
    for optional in ("goal", "area", "new_deadline"):
        if rng.random() < 0.25:
            columns.remove(optional)
    for extra in ("nr", "start", "priority", "indicator"):
        if rng.random() < 0.15:
            columns.insert(rng.randrange(len(columns) + 1), extra)
    if rng.random() < 0.3:
        columns.remove("status")
        columns.insert(rng.choice([0, len(columns)]), "status")
    areas = rng.choice(["column", "merged", "groups", "none"]) if "area" in columns else rng.choice(["groups", "none"])
    if areas in ("groups", "none") and "area" in columns:
        columns.remove("area")
    orientation = rng.choice(["portrait", "landscape", "rotated"])
    width, height = PAGE_SIZES[rng.choice(list(PAGE_SIZES))]
    page = (width, height) if orientation == "portrait" else (height, width)
    margins = rng.choice([None, (10, 10, 10, 10), (20, 15, 20, 15), (25, 25, 25, 25)])
    options: dict = dict(
        columns=tuple(columns), areas=areas, orientation=orientation, page_mm=page, margins_mm=margins,
        status_style=rng.choice(["fill", "dot", "glyph", "label", "words", "icon", None]),
        palette=rng.choice([None, *PALETTES]), status_words=rng.choice(list(STATUS_WORDS)),
        legend=rng.random() < 0.8, zebra=rng.random() < 0.3, font_pt=rng.choice([None, 7, 7.5, 8, 9, 10, 11]),
        row_break=rng.choice(["split", "split", "avoid"]), rules=rng.choice([None, "grid", "horizontal", "none"]),
        repeat_header=rng.random() < 0.7, font=rng.choice([None, *FONTS]),
        header_fill=rng.choice([None, None, "1F3864", "D9D9D9", "2E75B6"]))
    if areas == "groups" and rng.random() < 0.5:
        options["group_label"] = "Område: {area}"
    if rng.random() < 0.15 and areas != "groups":
        options["tables"] = "area"
    if producer in ("web", "browser") and rng.random() < 0.15 and areas != "merged":
        options["markup"] = "grid"
    if rng.random() < 0.15:
        options["rotated_headers"] = ("status",)
    if producer not in PICTURE_PRODUCERS and options["status_style"] == "icon":
        options["status_style"] = None
    if not options["legend"] and options["palette"] in LEGEND_ONLY_PALETTES:
        raise Unrealistic("a palette read only through its legend, and no legend")
    usable = page[0] - (margins or (15, 15, 15, 15))[1] - (margins or (15, 15, 15, 15))[3]
    if usable / len(columns) < MIN_COLUMN_EM * (options["font_pt"] or 9):
        raise Unrealistic("columns too narrow for the font")
    return Layout(**options)


def score(gold: list[dict], extracted: list[dict]) -> tuple[int, int, tuple[tuple[int, str], ...]]:
    """Fields right, fields counted (an extra row costs a row), and the (gold index, field) pairs wrong."""
    pairs = pair(gold, extracted)
    wrong = tuple((index, name) for index, activity in enumerate(gold) if index in pairs
                  for name, _, _ in differences(activity, extracted[pairs[index]]))
    right = sum(len(FIELDS) for index in pairs) - len(wrong)
    return right, len(FIELDS) * (len(gold) + len(extracted) - len(pairs)), wrong


def explore(seed: int, count: int, producers: Sequence[str], out: Path) -> list[Outcome]:
    """Draw `count` combinations with `seed`, render, extract and score each (printing as it goes)."""
    from followup.pipeline import extract_document
    from samples.corpus.generate import render
    from samples.expected import expected_document

    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for index in range(count):
        producer, content = rng.choice(list(producers)), rng.choice(CONTENTS)
        try:
            layout = draw_layout(rng, producer)
        except Unrealistic:
            continue
        name = f"explore-{seed}-{index}-{producer}-{content}"
        variant = Variant(name=name, content=content, producer=producer, family="explore", layout=layout)
        pdf = out / f"{name}.pdf"
        try:
            render(variant, pdf)
        except Exception as refused:  # noqa: BLE001 — a producer that cannot lay this out says so
            print(f"{name}: not rendered: {type(refused).__name__}: {str(refused)[:120]}", flush=True)
            continue
        gold = expected_document(variant_report(variant), layout)
        (out / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (out / f"{name}.layout.txt").write_text(f"{producer} {content}\n{layout!r}\n", encoding="utf-8")
        extracted = [a.model_dump(mode="json") for a in extract_document(pdf).activities]
        right, total, wrong = score(gold["activities"], extracted)
        outcome = Outcome(name, right, total, f"{len(extracted)}/{len(gold['activities'])} rows", wrong)
        print(f"{name}: {right}/{total} {outcome.rows} {list(wrong[:6])}", flush=True)
        outcomes.append(outcome)
    return outcomes


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.corpus.explore",
                                     description="Render random layout combinations and score them.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=20, help="combinations drawn (some are skipped)")
    parser.add_argument("--producers", default="web,fpdf,pdflib,typst",
                        help="comma-separated: word, web, browser, fpdf, pdflib, typst")
    parser.add_argument("--out", type=Path, default=None, help="where the PDFs and golds stay")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="followup-explore-"))
    outcomes = explore(args.seed, args.count, args.producers.split(","), out)
    right, total = sum(o.right for o in outcomes), sum(o.total for o in outcomes)
    exact = sum(o.right == o.total for o in outcomes)
    print(f"{exact} of {len(outcomes)} combinations exact; {right}/{total} fields; files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
