"""Table geometry from ruling lines: column edges, row boundaries and vertically merged cells."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extract.page_content import Ruling

# Rulings this close (pt) are the same line (borders of neighbouring cells are drawn twice).
SNAP = 2.0
# A boundary crosses a column when its segments cover at least this share of the column.
COLUMN_COVERAGE = 0.5


@dataclass(frozen=True)
class Boundary:
    """A horizontal line across (part of) the table, and which columns it closes."""

    y: float
    crosses: tuple[bool, ...]  # one flag per column

    @property
    def share(self) -> float:
        return sum(self.crosses) / len(self.crosses) if self.crosses else 0.0


def cluster_positions(values: Iterable[float], tolerance: float = SNAP) -> list[float]:
    """Merge positions closer than the tolerance; each cluster becomes its mean."""
    clusters: list[list[float]] = []
    for value in sorted(values):
        if clusters and value - clusters[-1][-1] <= tolerance:
            clusters[-1].append(value)
        else:
            clusters.append([value])
    return [sum(c) / len(c) for c in clusters]


def vertical_edges_at(rulings: Sequence[Ruling], y: float, x_min: float, x_max: float) -> list[float]:
    """x positions of vertical rulings passing through height y within [x_min, x_max]."""
    xs = [r.position for r in rulings if r.orientation == "v" and r.start - SNAP <= y <= r.end + SNAP
          and x_min - SNAP <= r.position <= x_max + SNAP]
    return cluster_positions(xs)


def covered_length(segments: Iterable[tuple[float, float]], lo: float, hi: float) -> float:
    """Length of [lo, hi] covered by the union of segments."""
    total, cursor = 0.0, lo
    for start, end in sorted(segments):
        start, end = max(start, cursor), min(end, hi)
        if end > start:
            total += end - start
            cursor = end
    return total


def horizontal_boundaries(
    rulings: Sequence[Ruling], edges: Sequence[float], top: float, bottom: float
) -> list[Boundary]:
    """Horizontal rulings between top and bottom, with the columns each one crosses."""
    left, right = edges[0] - SNAP, edges[-1] + SNAP
    horizontal = [r for r in rulings if r.orientation == "h" and top - SNAP <= r.position <= bottom + SNAP
                  and r.end > left and r.start < right]
    boundaries = []
    for y in cluster_positions(r.position for r in horizontal):
        segments = [(r.start, r.end) for r in horizontal if abs(r.position - y) <= SNAP]
        crosses = tuple(
            covered_length(segments, x0, x1) >= COLUMN_COVERAGE * (x1 - x0)
            for x0, x1 in zip(edges, edges[1:], strict=False)
        )
        if any(crosses):
            boundaries.append(Boundary(y, crosses))
    return boundaries


def vertical_span_at(rulings: Sequence[Ruling], edges: Sequence[float], top: float, bottom: float) -> bool:
    """True when inner vertical rulings of the grid run through the band [top, bottom]."""
    middle = (top + bottom) / 2
    inner = edges[1:-1]
    if not inner:
        return True
    hits = 0
    for x in inner:
        if any(r.orientation == "v" and abs(r.position - x) <= SNAP and r.start - SNAP <= middle <= r.end + SNAP
               for r in rulings):
            hits += 1
    return hits >= len(inner) / 2
