"""Cell accuracy against the gold files, the same scorer for followup and every generic extractor.

What is scored: for every gold activity, its text columns (TEXT_COLUMNS). Status has no text in the
PDF (it is a colour), so generic extractors cannot give it and it is left out of the shared score;
followup's status accuracy is reported on its own. Only cells with text in the gold count.

How rows are aligned: a tool's tables are turned into rows of our columns (a generic extractor's
columns mapped to ours by the best assignment, see `map_columns`), and each gold activity is scored
against the tool's row that gets most of its cells right. A row split over a page break, or a
multi-line cell split into several rows, therefore scores only the cells it holds whole.

Two normalisations, applied to both sides and to every tool alike:
- exact: whitespace collapsed (as samples/gold.py compares);
- lenient: all whitespace and hyphens removed, so a tool that leaves PDF line breaks and
  hyphenation in place ("patien-\\nterna") is not penalised for it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

TEXT_COLUMNS = ("area", "goal", "action", "deadline_raw", "responsible", "follow_up", "new_deadline_raw")
Row = dict[str, str]
Table = list[list[str | None]]
Normalisation = Callable[[str | None], str]

_HYPHENS_AND_SPACE = re.compile(r"[\s\-\u00ad\u2010\u2011]+")


def exact(text: str | None) -> str:
    """Whitespace collapsed."""
    return " ".join((text or "").split())


def lenient(text: str | None) -> str:
    """Whitespace and hyphens removed: line breaks and hyphenation are not held against anyone."""
    return _HYPHENS_AND_SPACE.sub("", text or "")


NORMALISATIONS: dict[str, Normalisation] = {"exact": exact, "lenient": lenient}


@dataclass(frozen=True)
class CellScore:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: CellScore) -> CellScore:
        return CellScore(self.correct + other.correct, self.total + other.total)


def map_columns(table: Table, gold: Sequence[dict], normalise: Normalisation) -> dict[int, str]:
    """The assignment of the table's columns to our columns that gets most gold cells right.

    A column's weight for one of ours is how many gold values of ours appear among its cells; the
    one-to-one assignment of largest total weight is found by dynamic programming over our columns.
    """
    width = max((len(row) for row in table), default=0)
    cells = [{normalise(row[j]) for row in table if j < len(row)} - {""} for j in range(width)]
    weight = [[sum(1 for g in gold if normalise(g.get(role)) and normalise(g.get(role)) in cells[j])
               for role in TEXT_COLUMNS] for j in range(width)]
    # best[mask] = (score, mapping) using the columns seen so far and our columns in mask.
    best: dict[int, tuple[int, dict[int, str]]] = {0: (0, {})}
    for j in range(width):
        step = dict(best)
        for mask, (score, mapping) in best.items():
            for r, role in enumerate(TEXT_COLUMNS):
                if mask & (1 << r) or weight[j][r] == 0:
                    continue
                candidate = (score + weight[j][r], {**mapping, j: role})
                if candidate[0] > step.get(mask | (1 << r), (-1, {}))[0]:
                    step[mask | (1 << r)] = candidate
        best = step
    return max(best.values(), key=lambda entry: entry[0])[1]


def table_rows(tables: Sequence[Table], gold: Sequence[dict], normalise: Normalisation) -> list[Row]:
    """Every row of every table, in our columns, each table mapped on its own."""
    rows: list[Row] = []
    for table in tables:
        mapping = map_columns(table, gold, normalise)
        rows += [{role: row[j] or "" for j, role in mapping.items() if j < len(row)} for row in table]
    return rows


def score_rows(rows: Sequence[Row], gold: Sequence[dict], normalise: Normalisation) -> CellScore:
    """Gold cells matched, each gold activity against the tool's row that matches it best."""
    prepared = [{role: normalise(row.get(role)) for role in TEXT_COLUMNS} for row in rows]
    correct = total = 0
    for activity in gold:
        wanted = {role: normalise(activity.get(role)) for role in TEXT_COLUMNS}
        wanted = {role: text for role, text in wanted.items() if text}
        total += len(wanted)
        correct += max((sum(row[role] == text for role, text in wanted.items()) for row in prepared), default=0)
    return CellScore(correct, total)


def status_score(statuses: Sequence[str | None], gold: Sequence[dict]) -> CellScore:
    """Statuses right, activity by activity in reading order (followup only: nobody else reads colours)."""
    pairs = zip(statuses, (g.get("status") for g in gold), strict=False)
    return CellScore(sum(got == want for got, want in pairs), len(gold))
