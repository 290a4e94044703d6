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
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from rapidfuzz import fuzz, process, utils

from schemas import Activity

# Goal and action say what the activity is; an area is shared by many rows, so it weighs least.
FIELD_WEIGHTS = {"area": 0.15, "goal": 0.50, "action": 0.35}
# Weighted similarity (0–100) below which two activities are not the same one.
MATCH_THRESHOLD = 70.0
# Two words this alike (fuzz.ratio) are the same word respelled ("urologmottagningen", "urologimottagningen");
# clinic names differ more ("hjärtmottagningen", "gynmottagningen": 81).
SAME_WORD = 90.0


@dataclass(frozen=True)
class Pair:
    """One old activity paired with one new activity; indices into the documents' activity lists."""

    old_index: int
    new_index: int
    score: float  # 0–1


def match_text(text: Optional[str]) -> str:
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
        np.maximum(scores, 0.95 * subset, out=scores)
    left_empty = np.array([not t for t in left])[:, None]
    right_empty = np.array([not t for t in right])[None, :]
    scores[left_empty & right_empty] = 100.0
    return scores


def similarity_matrix(old: Sequence[Activity], new: Sequence[Activity]) -> np.ndarray:
    """Weighted similarity (0–100) of every old activity with every new one."""
    total = np.zeros((len(old), len(new)), dtype=np.float64)
    if not old or not new:
        return total
    for field, weight in FIELD_WEIGHTS.items():
        left = [match_text(getattr(a, field)) for a in old]
        right = [match_text(getattr(a, field)) for a in new]
        total += weight * field_similarity(left, right, whole_text=field != "area")
    return total


def words(activity: Activity) -> set[str]:
    """The words of an activity's area, goal and action, as compared for matching."""
    return set(" ".join(match_text(getattr(activity, f)) for f in FIELD_WEIGHTS).split())


def distinctive_words(activities: Sequence[Activity], indices: Sequence[int]) -> list[set[str]]:
    """For each of `indices`, the words that set it apart from its siblings in the same document.

    Siblings are the other activities at least MATCH_THRESHOLD alike; an activity without
    siblings has no distinctive words (nothing to tell apart).
    """
    if not indices:
        return []
    scores = similarity_matrix([activities[i] for i in indices], activities)
    vocabulary = [words(a) for a in activities]
    result = []
    for row, index in enumerate(indices):
        siblings = [vocabulary[j] for j in np.nonzero(scores[row] >= MATCH_THRESHOLD)[0] if j != index]
        result.append(vocabulary[index].difference(*siblings) if siblings else set())
    return result


def keeps_words(required: set[str], text_words: set[str]) -> bool:
    """Every required word is among text_words, allowing a small spelling edit."""
    candidates = list(text_words)
    return all(
        word in text_words or process.extractOne(word, candidates, scorer=fuzz.ratio,
                                                 score_cutoff=SAME_WORD) is not None
        for word in required
    )


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
    scores = similarity_matrix([old[i] for i in old_left], [new[j] for j in new_left])
    old_distinctive = distinctive_words(old, old_left)
    new_distinctive = distinctive_words(new, new_left)
    eligible = np.zeros_like(scores, dtype=bool)
    old_words = [words(old[i]) for i in old_left]
    new_words = [words(new[j]) for j in new_left]
    for r, c in zip(*np.nonzero(scores >= MATCH_THRESHOLD)):
        # Swapping one sibling for another loses distinctive words both ways; an edit that adds
        # or drops words loses them one way only.
        eligible[r, c] = (keeps_words(old_distinctive[r], new_words[c])
                          or keeps_words(new_distinctive[c], old_words[r]))
    rows, cols = np.nonzero(eligible)
    # Most alike first; ties go to the pair closest in table position, then to document order.
    candidates = sorted(
        zip(rows.tolist(), cols.tolist()),
        key=lambda rc: (-scores[rc], abs(old_left[rc[0]] - new_left[rc[1]]), rc),
    )
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for r, c in candidates:
        if r in taken_old or c in taken_new:
            continue
        taken_old.add(r)
        taken_new.add(c)
        pairs.append(Pair(old_left[r], new_left[c], round(float(scores[r, c]) / 100.0, 4)))
    return pairs
