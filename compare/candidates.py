"""Which activity pairs are worth scoring, so that matching two large periods is not all-against-all.

Two texts that are at least 70 % alike share most of their words, and above all the words that
are rare in the report ("Överviktsmottagningen", "taligenkänning", a ward's number). Words found
in a large share of the activities ("och", "för", "patienter") say nothing about which activity is
which. So the candidates of an activity are those that share a good part of its informative words,
found with one sparse product of two activity × word matrices instead of comparing every pair.

Small inputs skip the index: scoring every pair of two reports of a few hundred rows costs less
than building it, and keeps the result exactly that of the full comparison.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse

# Up to this many pairs (old × new) every pair is scored: two 200-row reports take a few ms.
EXHAUSTIVE_PAIRS = 40_000
# A word in more than this share of all activities (both sides) is too common to tell rows apart.
COMMON_WORD_SHARE = 0.05
# ... but with few activities no word is common: a word must be in more than this many rows first.
COMMON_WORD_MIN_ROWS = 50
# A candidate shares at least this share of the informative words of the side that has fewer:
# an edited activity keeps most of its rare words, a sibling ("… på Hudmottagningen") all but one.
MIN_SHARED_SHARE = 0.3


def all_pairs_are_cheap(left_count: int, right_count: int) -> bool:
    """True when scoring every pair costs less than finding candidates."""
    return left_count * right_count <= EXHAUSTIVE_PAIRS


def candidate_pairs(left: Sequence[set[str]], right: Sequence[set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """The (left index, right index) pairs worth scoring, as two arrays sorted by left then right index.

    A row without any informative word (empty, or only common words) is paired with every row of
    the other side, so nothing is lost for want of words.
    """
    common = _common_words(left, right)
    vocabulary: dict[str, int] = {}
    left_matrix = _incidence(left, common, vocabulary)
    right_matrix = _incidence(right, common, vocabulary)
    width = max(len(vocabulary), 1)  # the left matrix was built before the right side's words were known
    left_matrix.resize((len(left), width))
    right_matrix.resize((len(right), width))
    left_sizes = np.asarray(left_matrix.sum(axis=1)).ravel()
    right_sizes = np.asarray(right_matrix.sum(axis=1)).ravel()
    shared = (left_matrix @ right_matrix.T).tocsr()
    shared.sort_indices()  # row by row, columns ascending: the order the caller wants
    rows = np.repeat(np.arange(len(left), dtype=np.intp), np.diff(shared.indptr))
    cols = shared.indices.astype(np.intp)
    needed = np.maximum(1, np.ceil(MIN_SHARED_SHARE * np.minimum(left_sizes[rows], right_sizes[cols])))
    keep = shared.data >= needed
    rows, cols = rows[keep], cols[keep]
    wordless_left, wordless_right = np.nonzero(left_sizes == 0)[0], np.nonzero(right_sizes == 0)[0]
    if not len(wordless_left) and not len(wordless_right):
        return rows, cols
    # Rows without informative words meet every row of the other side.
    width = max(len(right), 1)
    every = [rows * width + cols,
             (wordless_left[:, None] * width + np.arange(len(right))[None, :]).ravel(),
             (np.arange(len(left))[:, None] * width + wordless_right[None, :]).ravel()]
    unique = np.unique(np.concatenate(every))
    return unique // width, unique % width


def _common_words(left: Sequence[set[str]], right: Sequence[set[str]]) -> set[str]:
    rows = len(left) + len(right)
    limit = max(COMMON_WORD_MIN_ROWS, math.floor(COMMON_WORD_SHARE * rows))
    counts: dict[str, int] = {}
    for words in (*left, *right):
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return {word for word, count in counts.items() if count > limit}


def _incidence(rows: Sequence[set[str]], common: set[str], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Rows × informative words, 1 where the row has the word; new words extend `vocabulary`."""
    indptr: list[int] = [0]
    indices: list[int] = []
    for words in rows:
        indices.extend(vocabulary.setdefault(word, len(vocabulary)) for word in sorted(words - common))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.int32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocabulary), 1)))
