"""Table geometry from ruling lines: column edges, row boundaries and vertically merged cells."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from followup.extract.page_content import Ruling
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings


@dataclass(frozen=True)
class Boundary:
    """A horizontal line across (part of) the table, and which columns it closes."""

    y: float
    crosses: tuple[bool, ...]  # one flag per column

    @property
    def share(self) -> float:
        return sum(self.crosses) / len(self.crosses) if self.crosses else 0.0


def cluster_positions(values: Iterable[float], tolerance: float) -> list[float]:
    """Merge positions closer than the tolerance (pt); each cluster becomes its mean."""
    clusters: list[list[float]] = []
    for value in sorted(values):
        if clusters and value - clusters[-1][-1] <= tolerance:
            clusters[-1].append(value)
        else:
            clusters.append([value])
    return [sum(c) / len(c) for c in clusters]


def vertical_edges_at(rulings: Sequence[Ruling], y: float, x_min: float, x_max: float,
                      settings: ExtractSettings = DEFAULT_SETTINGS) -> list[float]:
    """x positions of vertical rulings passing through height y within [x_min, x_max]."""
    snap = settings.snap
    xs = [r.position for r in rulings if r.orientation == "v" and r.start - snap <= y <= r.end + snap
          and x_min - snap <= r.position <= x_max + snap]
    return cluster_positions(xs, snap)


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
    rulings: Sequence[Ruling], edges: Sequence[float], top: float, bottom: float,
    settings: ExtractSettings = DEFAULT_SETTINGS,
) -> list[Boundary]:
    """Horizontal rulings between top and bottom, with the columns each one crosses."""
    snap = settings.snap
    left, right = edges[0] - snap, edges[-1] + snap
    horizontal = [r for r in rulings if r.orientation == "h" and top - snap <= r.position <= bottom + snap
                  and r.end > left and r.start < right]
    boundaries = []
    for y in cluster_positions((r.position for r in horizontal), snap):
        segments = [(r.start, r.end) for r in horizontal if abs(r.position - y) <= snap]
        crosses = tuple(
            covered_length(segments, x0, x1) >= settings.column_coverage * (x1 - x0)
            for x0, x1 in zip(edges, edges[1:], strict=False)
        )
        if any(crosses):
            boundaries.append(Boundary(y, crosses))
    return boundaries


def vertical_span_at(rulings: Sequence[Ruling], edges: Sequence[float], top: float, bottom: float,
                     settings: ExtractSettings = DEFAULT_SETTINGS) -> bool:
    """True when inner vertical rulings of the grid run through the band [top, bottom]."""
    snap = settings.snap
    middle = (top + bottom) / 2
    inner = edges[1:-1]
    if not inner:
        return True
    hits = 0
    for x in inner:
        if any(r.orientation == "v" and abs(r.position - x) <= snap and r.start - snap <= middle <= r.end + snap
               for r in rulings):
            hits += 1
    return hits >= settings.ruled_edges_share * len(inner)
