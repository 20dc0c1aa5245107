"""How many shingles the candidate pairs of seeds share, for a whole corpus at once.

A pair is a candidate when the two seeds share a sampled shingle (one in SAMPLE_MODULUS) that at
most COMMON_SHINGLE seeds have: any pair sharing over half its shingles shares a sampled one, and
a shingle in more seeds than that is a reprinted paragraph, not a sign of a copy. What a candidate
pair shares is counted exactly, in two parts: the shingles many seeds have, as a bit matrix (a
row a seed) ANDed and counted, and the others, by listing every pair of seeds each of them is in
(at most COMMON_SHINGLE of them, so the list grows with the corpus) and counting each pair's
entries. 10,000 seeds give about 800,000 candidates, of which a few hundred are copies; done
pair by pair in Python, the counting was most of the corpus stage's time.
"""

from __future__ import annotations

from array import array

import numpy as np

SAMPLE_MODULUS = 4
COMMON_SHINGLE = 50
CHUNK = 65536  # candidate pairs ANDed at once: bounds the temporary bit rows to a few tens of MB


def _entries(shingles: list[array]) -> tuple[np.ndarray, np.ndarray]:
    """(seed index, shingle) for every shingle of every seed."""
    sizes = np.fromiter((len(grams) for grams in shingles), dtype=np.int64, count=len(shingles))
    seeds = np.repeat(np.arange(len(shingles), dtype=np.int64), sizes)
    grams = np.concatenate([np.frombuffer(grams, dtype=np.uint32) for grams in shingles]
                           or [np.empty(0, np.uint32)])
    return seeds, grams


def _pairs_within_groups(members: np.ndarray, starts: np.ndarray, size: int) -> np.ndarray:
    """[a, b]: for each group of `size` members starting at one of starts, every pair of its
    members (a row per group, members sorted, so a < b)."""
    first, second = np.triu_indices(size, k=1)
    return np.stack([members[starts[:, None] + first], members[starts[:, None] + second]])


def _co_occurring(seeds: np.ndarray, grams: np.ndarray, rare: np.ndarray, count: int) -> tuple[np.ndarray, ...]:
    """(pair keys a*count+b, a<b, of every pair sharing a rare shingle, sorted; how many rare shingles
    each shares; whether it shares a sampled one)."""
    seeds, grams = seeds[rare], grams[rare]
    order = np.lexsort((seeds, grams))
    seeds, grams = seeds[order], grams[order]
    starts = np.flatnonzero(np.r_[True, grams[1:] != grams[:-1]])
    sizes = np.diff(np.r_[starts, len(grams)])
    keys, sampled = [np.empty(0, np.int64)], [np.empty(0, bool)]
    for size in np.unique(sizes[sizes > 1]):
        at = starts[sizes == size]
        a, b = _pairs_within_groups(seeds, at, int(size))
        keys.append((a * count + b).ravel())
        sampled.append(np.repeat(grams[at] % SAMPLE_MODULUS == 0, a.shape[1]))
    keys_all, sampled_all = np.concatenate(keys), np.concatenate(sampled)
    unique, inverse, shared = np.unique(keys_all, return_inverse=True, return_counts=True)
    candidate = np.zeros(len(unique), bool)
    candidate[inverse[sampled_all]] = True
    return unique, shared, candidate


def _common_bits(seeds: np.ndarray, grams: np.ndarray, common: np.ndarray, count: int) -> np.ndarray:
    """A packed bit row per seed: which of the common shingles it has."""
    columns = np.unique(grams[common], return_inverse=True)[1]
    matrix = np.zeros((count, max(1, int(columns.max(initial=-1)) + 1)), dtype=bool)
    matrix[seeds[common], columns] = True
    return np.packbits(matrix, axis=1)


def candidate_overlaps(shingles: list[array], common: int = COMMON_SHINGLE) -> tuple[np.ndarray, ...]:
    """(a, b, shingles shared) for every candidate pair of seeds a < b, as three arrays in order of
    (a, b); a and b index shingles, each a seed's sorted, distinct shingle hashes; a shingle is
    common when more than `common` seeds have it."""
    count = len(shingles)
    seeds, grams = _entries(shingles)
    frequency = np.unique(grams, return_inverse=True, return_counts=True)
    in_seeds = frequency[2][frequency[1]]
    keys, rare_shared, candidate = _co_occurring(seeds, grams, in_seeds <= common, count)
    keys, rare_shared = keys[candidate], rare_shared[candidate]
    bits = _common_bits(seeds, grams, in_seeds > common, count)
    first, second = keys // count, keys % count
    common_shared = [np.bitwise_count(bits[first[at:at + CHUNK]] & bits[second[at:at + CHUNK]]).sum(axis=1)
                     for at in range(0, len(keys), CHUNK)]
    return first, second, rare_shared + np.concatenate(common_shared or [np.empty(0, np.int64)])
