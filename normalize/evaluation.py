"""Measure Swedish line-break repair on the evaluation set (`make eval`).

The cases in eval/linebreaks/cases.jsonl come from PDFs rendered by LibreOffice and WeasyPrint with
Swedish automatic hyphenation; their gold is the source text (see eval/linebreaks/generate.py).
Each case is two consecutive lines; the repair joins them and the result must equal the gold.
Exits 1 when a kind misses its target.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from normalize.linebreaks import repair_text

CASES_FILE = Path(__file__).resolve().parent.parent / "eval" / "linebreaks" / "cases.jsonl"

# The targets of issue 3, per kind of line end.
TARGETS: dict[str, float] = {"join": 0.995, "keep": 0.97, "suspended": 0.99}
KINDS = ("join", "keep", "suspended", "space")


@dataclass(frozen=True)
class KindScore:
    """How the repair did on one kind of line end."""

    kind: str
    correct: int
    total: int
    failures: tuple[dict, ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def load_cases(path: Path = CASES_FILE) -> list[dict]:
    """The evaluation cases, one JSON object per line."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def repaired_pair(before: str, after: str) -> str:
    """The repair's joining of two consecutive lines of one paragraph."""
    return repair_text(f"{before}\n{after}")


def score_cases(cases: Iterable[dict]) -> dict[str, KindScore]:
    """Accuracy per kind: a case is right when the repaired pair equals its gold text."""
    results: dict[str, list[tuple[bool, dict]]] = {}
    for case in cases:
        right = repaired_pair(case["before"], case["after"]) == case["gold"]
        results.setdefault(case["kind"], []).append((right, case))
    return {
        kind: KindScore(
            kind=kind,
            correct=sum(ok for ok, _ in outcome),
            total=len(outcome),
            failures=tuple(case for ok, case in outcome if not ok),
        )
        for kind, outcome in results.items()
    }


def missed_targets(scores: dict[str, KindScore]) -> list[str]:
    """The kinds whose accuracy is below target."""
    return [k for k, target in TARGETS.items() if k in scores and scores[k].accuracy < target]


def report(scores: dict[str, KindScore], failures_shown: int = 5) -> str:
    """A table of accuracy per kind, then a few failures of each kind."""
    rows = ["kind        cases  correct  accuracy  target"]
    for kind in [k for k in KINDS if k in scores] + sorted(set(scores) - set(KINDS)):
        score = scores[kind]
        target = f"{TARGETS[kind]:.1%}" if kind in TARGETS else "–"
        rows.append(
            f"{kind:<10} {score.total:>6} {score.correct:>8} {score.accuracy:>9.2%}  {target:>6}"
        )
    hyphens = sum(scores[k].total for k in ("join", "keep", "suspended") if k in scores)
    real = sum(scores[k].total for k in ("keep", "suspended") if k in scores)
    rows.append(f"hyphen cases: {hyphens} (real hyphens: {real})")
    for score in scores.values():
        for case in score.failures[:failures_shown]:
            got = repaired_pair(case["before"], case["after"])
            rows.append(f"  {score.kind}: {case['before']!r} + {case['after']!r} → {got!r}")
    return "\n".join(rows)


def main() -> int:
    """Print the figures; exit status 1 when a target is missed."""
    scores = score_cases(load_cases())
    print(report(scores))
    missed = missed_targets(scores)
    if missed:
        print("targets missed: " + ", ".join(missed), file=sys.stderr)
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
