"""Pairing the activities of two periods one-to-one.

Texts are edited between periods, rows are reordered and completed activities move to the
"Klara aktiviteter" table, so activities are paired by how alike their area, goal and action are.

Two rules keep a new activity from being forced onto an old one:
- an absolute threshold (`MATCH_THRESHOLD`) on the weighted similarity, and
- a sibling rule: reports hold families of rows that differ in one word only (ten rows "Aktivering av
  basutbud för 1177 på <mottagning>"), and two distinct siblings are more alike than one activity
  before and after an edit, so no threshold can tell them apart. What does is the words that set an
  activity apart from its siblings in its own document (the clinic's name): a pair counts only if
  one side keeps all the other's distinctive words, give or take a spelling edit. A clinic swapped
  for another loses them both ways; an edit that adds or drops words, one way at most.

The assignment is greedy best-first over the eligible pairs: the most alike pair is taken first.
That gives a stable matching (no old and new activity prefer each other over their partners),
which is what "the same activity" means; a Hungarian maximum-sum assignment could give up a
near-identical pair for two mediocre ones, and needs no extra dependency to avoid.

Scale: two reports of a few hundred rows are compared all against all. Larger ones (many reports
of a history, a region's merged plan) score only the candidate pairs that share informative words
(compare/candidates.py), with rapidfuzz's pairwise scorer on every core, and the costly token-set
scorer only where it can change a score; a candidate's score is the one the full comparison gives.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process, utils

from followup.compare.candidates import all_pairs_are_cheap, candidate_pairs
from followup.schemas import Activity

# Goal and action say what the activity is; an area is shared by many rows, so it weighs least.
FIELD_WEIGHTS = {"area": 0.15, "goal": 0.50, "action": 0.35}
# Weighted similarity (0–100) below which two activities are not the same one.
MATCH_THRESHOLD = 70.0
# Two words this alike (fuzz.ratio) are the same word respelled ("urologmottagningen", "urologimottagningen");
# clinic names differ more ("hjärtmottagningen", "gynmottagningen": 81).
SAME_WORD = 90.0
# A text that grew or shrank by whole words scores its token-set similarity discounted by this.
SUBSET_DISCOUNT = 0.95
# Candidate pairs of large inputs are scored on every core (-1: rapidfuzz's own thread pool).
SCORING_WORKERS = -1


@dataclass(frozen=True)
class Pair:
    """One old activity paired with one new activity; indices into the documents' activity lists."""

    old_index: int
    new_index: int
    score: float  # 0–1


def match_text(text: str | None) -> str:
    """Text as compared for matching: line-break hyphens dropped, case and punctuation folded."""
    # "Ögon-mottagningen" and "Ögonmottagningen" are the same word broken differently.
    joined = re.sub(r"(?<=[^\W\d_])-\s*(?=[^\W\d_])", "", text or "")
    return utils.default_process(joined)


def field_similarity(left: list[str], right: list[str], *, whole_text: bool) -> np.ndarray:
    """Similarity (0–100) of every left text with every right one; two empty texts agree.

    fuzz.ratio scores edits; with `whole_text`, a text that grew or shrank by whole words (a
    sentence added to a goal) also scores high through token_set_ratio, discounted like WRatio does.
    """
    scores = process.cdist(left, right, scorer=fuzz.ratio, dtype=np.float64, workers=1)
    if whole_text:
        subset = process.cdist(left, right, scorer=fuzz.token_set_ratio, dtype=np.float64, workers=1)
        np.maximum(scores, SUBSET_DISCOUNT * subset, out=scores)
    left_empty = np.array([not t for t in left])[:, None]
    right_empty = np.array([not t for t in right])[None, :]
    scores[left_empty & right_empty] = 100.0
    return scores


@dataclass(frozen=True)
class MatchTexts:
    """The texts of a list of activities as compared for matching, folded once per document."""

    fields: dict[str, list[str]]  # field → one folded text per activity
    words: list[set[str]]  # the words of each activity's area, goal and action

    @classmethod
    def of(cls, activities: Sequence[Activity]) -> MatchTexts:
        fields = {field: [match_text(getattr(a, field)) for a in activities] for field in FIELD_WEIGHTS}
        words = [set(" ".join(texts).split()) for texts in zip(*fields.values(), strict=False)] if activities else []
        return cls(fields, words)

    def __len__(self) -> int:
        return len(self.words)

    def subset(self, indices: Sequence[int]) -> MatchTexts:
        return MatchTexts({f: [t[i] for i in indices] for f, t in self.fields.items()},
                          [self.words[i] for i in indices])


def similar_pairs(old: MatchTexts, new: MatchTexts, at_least: float, *, exact: bool = True
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs at least `at_least` alike: old indexes, new indexes and weighted similarities, in index order.

    Small inputs score every pair; large ones only the candidates that share informative words
    (compare/candidates.py), each scored exactly as the full comparison would score it. Without
    `exact`, a pair already over the bar by plain edit similarity keeps that lower score: enough
    for a caller that only asks which pairs are alike.
    """
    if not len(old) or not len(new):
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, np.zeros(0, dtype=np.float64)
    if all_pairs_are_cheap(len(old), len(new)):
        matrix = _weighted_similarity(old, new)
        rows, cols = np.nonzero(matrix >= at_least)
        return rows, cols, matrix[rows, cols]
    rows, cols = candidate_pairs(old.words, new.words)
    scores = _pairwise_similarity(old, rows, new, cols, settled=None if exact else at_least)
    keep = scores >= at_least
    return rows[keep], cols[keep], scores[keep]


def _pairwise_similarity(left: MatchTexts, rows: np.ndarray, right: MatchTexts, cols: np.ndarray,
                         settled: float | None = None) -> np.ndarray:
    """The weighted similarity of each pair (rows[k], cols[k]), exactly as `_weighted_similarity` scores it.

    The costly token-set scorer runs only where it can change the result: 0.95 × token_set_ratio is
    at most 95, so a field whose edit similarity reaches that keeps it; and with `settled`, a pair
    whose edit similarities alone reach `settled` is not scored further.
    """
    texts = {field: (np.asarray(left.fields[field], dtype=object)[rows],
                     np.asarray(right.fields[field], dtype=object)[cols]) for field in FIELD_WEIGHTS}
    plain = {field: process.cpdist(a, b, scorer=fuzz.ratio, dtype=np.float64, workers=SCORING_WORKERS)
             for field, (a, b) in texts.items()}
    open_pairs = np.ones(len(rows), dtype=bool)
    if settled is not None:
        open_pairs = np.asarray(sum(weight * plain[field] for field, weight in FIELD_WEIGHTS.items()) < settled, dtype=bool)
    total = np.zeros(len(rows), dtype=np.float64)
    for field, weight in FIELD_WEIGHTS.items():
        a, b = texts[field]
        scores = plain[field]
        if field != "area":
            todo = np.nonzero(open_pairs & (scores < SUBSET_DISCOUNT * 100.0))[0]
            subset = process.cpdist(a[todo], b[todo], scorer=fuzz.token_set_ratio, dtype=np.float64,
                                    workers=SCORING_WORKERS)
            scores[todo] = np.maximum(scores[todo], SUBSET_DISCOUNT * subset)
        scores[(a == "") & (b == "")] = 100.0
        total += weight * scores
    return total


def _weighted_similarity(left: MatchTexts, right: MatchTexts) -> np.ndarray:
    """Weighted similarity (0–100) of every left activity with every right one."""
    total = np.zeros((len(left), len(right)), dtype=np.float64)
    if total.size == 0:
        return total
    for field, weight in FIELD_WEIGHTS.items():
        total += weight * field_similarity(left.fields[field], right.fields[field], whole_text=field != "area")
    return total


def distinctive_words(texts: MatchTexts, indices: Sequence[int]) -> list[set[str]]:
    """For each of `indices`, the words that set it apart from its siblings in the same document.

    Siblings are the other activities at least MATCH_THRESHOLD alike; an activity without
    siblings has no distinctive words (nothing to tell apart).
    """
    if not indices:
        return []
    siblings: dict[int, list[int]] = defaultdict(list)
    rows, cols, _ = similar_pairs(texts.subset(indices), texts, MATCH_THRESHOLD, exact=False)
    for row, j in zip(rows.tolist(), cols.tolist(), strict=False):
        if j != indices[row]:
            siblings[row].append(j)
    return [texts.words[index].difference(*(texts.words[j] for j in siblings[row])) if siblings[row] else set()
            for row, index in enumerate(indices)]


def keeps_words(required: set[str], text_words: set[str]) -> bool:
    """Every required word is among text_words, allowing a small spelling edit."""
    missing = required - text_words
    if not missing:
        return True
    candidates = list(text_words)
    return all(process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=SAME_WORD) is not None
               for word in missing)


def pair_by_id(old: Sequence[Activity], new: Sequence[Activity]) -> list[Pair]:
    """Pairs of equal ids (stable when area, goal and action are unchanged); repeated ids in order."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for index, activity in enumerate(old):
        waiting[activity.id].append(index)
    pairs = []
    for index, activity in enumerate(new):
        if waiting.get(activity.id):
            pairs.append(Pair(waiting[activity.id].pop(0), index, 1.0))
    return pairs


def match_activities(old: Sequence[Activity], new: Sequence[Activity]) -> list[Pair]:
    """Pair old and new activities one-to-one; unpaired ones were removed or added.

    Returns the pairs ordered by new index.
    """
    pairs = pair_by_id(old, new)
    old_left = sorted(set(range(len(old))) - {p.old_index for p in pairs})
    new_left = sorted(set(range(len(new))) - {p.new_index for p in pairs})
    if old_left and new_left:
        pairs += _pair_by_similarity(old, new, old_left, new_left)
    return sorted(pairs, key=lambda p: p.new_index)


def _pair_by_similarity(old: Sequence[Activity], new: Sequence[Activity],
                        old_left: list[int], new_left: list[int]) -> list[Pair]:
    old_texts, new_texts = MatchTexts.of(old), MatchTexts.of(new)
    rows, cols, scores = similar_pairs(old_texts.subset(old_left), new_texts.subset(new_left), MATCH_THRESHOLD)
    old_distinctive = distinctive_words(old_texts, old_left)
    new_distinctive = distinctive_words(new_texts, new_left)
    old_words = [old_texts.words[i] for i in old_left]
    new_words = [new_texts.words[j] for j in new_left]
    # Most alike first; ties go to the pair closest in table position, then to document order.
    distance = np.abs(np.asarray(old_left)[rows] - np.asarray(new_left)[cols])
    order = np.lexsort((cols, rows, distance, -scores))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for r, c, score in zip(rows[order].tolist(), cols[order].tolist(), scores[order].tolist(), strict=False):
        if r in taken_old or c in taken_new:
            continue
        # Swapping one sibling for another loses distinctive words both ways; an edit that adds
        # or drops words loses them one way only. Checked only for pairs still free to be taken.
        if not (keeps_words(old_distinctive[r], new_words[c]) or keeps_words(new_distinctive[c], old_words[r])):
            continue
        taken_old.add(r)
        taken_new.add(c)
        pairs.append(Pair(old_left[r], new_left[c], round(score / 100.0, 4)))
    return pairs
