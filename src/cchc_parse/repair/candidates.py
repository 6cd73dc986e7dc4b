"""Candidate syllables for a token: the valid syllables whose skeleton is near the token's.

The index maps every skeleton ("duoc") of the model's syllables to those syllables (được, dược, ...), and
every string made by deleting up to two letters of a skeleton to the skeletons it came from (the symmetric
delete method of SymSpell: two strings within edit distance d share a deletion of at most d letters each).
A token's skeleton is looked up the same way, so "nudc" finds "nuoc" and "ciia" finds "cua".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from cchc_parse.repair.syllables import skeleton

__all__ = ["CandidateIndex"]

MAX_DELETES = 2


def _deletions(word: str, most: int) -> set[str]:
    found = {word}
    for count in range(1, min(most, len(word) - 1) + 1):
        for places in combinations(range(len(word)), count):
            found.add("".join(c for i, c in enumerate(word) if i not in places))
    return found


class CandidateIndex:
    """Syllables by skeleton, and skeletons by their deletions."""

    def __init__(self, syllables: Iterable[str]) -> None:
        self.by_skeleton: dict[str, list[str]] = defaultdict(list)
        for syllable in syllables:
            self.by_skeleton[skeleton(syllable)].append(syllable)
        self.by_deletion: dict[str, set[str]] = defaultdict(set)
        for key in self.by_skeleton:
            for deletion in _deletions(key, MAX_DELETES):
                self.by_deletion[deletion].add(key)

    def near(self, token: str) -> dict[str, int]:
        """The skeletons within the allowed edit distance of the token's skeleton, with their distance: one
        edit when the token spells a syllable's skeleton ("tic" → tac, "chong" → chuong), two when it spells
        none (an OCR error for sure: "16i" lối, "Idp" lớp, "nudc" nước)."""
        key = skeleton(token)
        most = 1 if key in self.by_skeleton else MAX_DELETES
        empty: frozenset[str] = frozenset()
        pool = set().union(*(self.by_deletion.get(deletion, empty) for deletion in _deletions(key, most)))
        matches = process.extract(key, list(pool), scorer=Levenshtein.distance, score_cutoff=most, limit=None)
        return {candidate: int(distance) for candidate, distance, _ in matches}
