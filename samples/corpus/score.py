"""How well the current extractor reads the corpus: `python -m samples.corpus.score [NAME ...]`.

Extracts every variant with followup.pipeline.extract_document, pairs its activities with the gold
ones as /work/shared/checks/score_extract.py does, and prints fields right / fields per variant and
per layout family. A missing row loses all its fields; an extra row costs as much as a missing one;
a variant the extractor rejects scores 0.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass

from samples.corpus import Variant, load_variants
from samples.corpus.fields import FIELDS, differences, pair


@dataclass(frozen=True)
class Score:
    variant: Variant
    right: int
    total: int
    note: str


def extracted_activities(variant: Variant) -> list[dict]:
    """The extractor's activities for one variant, as JSON-like dicts."""
    from followup.pipeline import extract_document

    document = extract_document(variant.pdf)
    return [a.model_dump(mode="json") for a in document.activities]


def score_variant(variant: Variant) -> Score:
    """Fields right and fields counted for one variant."""
    gold = json.loads(variant.expected.read_text(encoding="utf-8"))["activities"]
    try:
        extracted = extracted_activities(variant)
    except Exception as error:  # noqa: BLE001 — any failure is a score of 0, and is reported
        return Score(variant, 0, len(FIELDS) * len(gold), f"rejected: {error}"[:80])
    pairs = pair(gold, extracted)
    right = sum(len(FIELDS) - len(differences(g, extracted[pairs[i]]))
                for i, g in enumerate(gold) if i in pairs)
    extra = len(extracted) - len(pairs)
    note = f"{len(extracted)}/{len(gold)} rows" + (f", {extra} extra" if extra else "")
    return Score(variant, right, len(FIELDS) * (len(gold) + extra), note)


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.3f}" if total else "–"


def main(argv: list[str]) -> int:
    variants = [v for v in load_variants() if not argv or v.name in argv]
    scores = []
    print("| variant | producer | family | fields right | accuracy | rows |")
    print("|---|---|---|---:|---:|---|")
    for variant in variants:
        score = score_variant(variant)
        scores.append(score)
        print(f"| `{variant.name}` | {variant.producer} | {variant.family} | "
              f"{score.right}/{score.total} | {_ratio(score.right, score.total)} | {score.note} |",
              flush=True)
    families: dict[str, list[Score]] = defaultdict(list)
    for score in scores:
        families[score.variant.family].append(score)
    print("\n| layout family | variants | fields right | accuracy |\n|---|---:|---:|---:|")
    for family, items in sorted(families.items()):
        right, total = sum(s.right for s in items), sum(s.total for s in items)
        print(f"| {family} | {len(items)} | {right}/{total} | {_ratio(right, total)} |")
    right, total = sum(s.right for s in scores), sum(s.total for s in scores)
    print(f"| **all** | {len(scores)} | {right}/{total} | **{_ratio(right, total)}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
