"""The corrector's search: for one sentence, the candidates (one list per position) that together score
best, by a beam over (previous, current) word states with the trigram model's stupid-backoff scores minus
the candidates' channel costs.

This is the repair step's hot path: the scores of a candidate list after a context are cached (keyed by
the list's identity, so candidate lists must live as long as the decoder), and transitions that cannot
reach the beam are skipped.
"""

from __future__ import annotations

import math
from operator import itemgetter
from typing import NamedTuple

from cchc_parse.repair.model import NgramModel
from cchc_parse.repair.tokens import START

__all__ = ["Candidate", "Decoder"]

BEAM = 6  # states kept per position
BEAM_SPAN = 8.0  # states further than this behind the best are dropped too
TRANSITION_CACHE = 300_000  # contexts whose candidate scores are kept (all dropped when there are more)
_SCORE = itemgetter(0)  # a hypothesis's score (in C: the key runs for every transition)

# A decoder hypothesis: (score, previous word id, word id, the hypothesis before it, its word).
Hypothesis = tuple[float, int, int, "Hypothesis | None", str]


class Candidate(NamedTuple):
    """One way to read a token: a word, its id in the language model, the channel's cost of it."""

    word: str  # lower case
    lm_id: int  # -1: unknown to the model
    cost: float  # channel cost


class Decoder:
    """Beam search over candidate lists with a trigram (or, for the baseline, bigram) model."""

    def __init__(self, model: NgramModel, *, trigram: bool = True) -> None:
        self.model = model
        self.trigram = trigram
        self.size = model.size  # V, packing n-gram keys
        # id of a candidate list → context key → (LM score − channel cost, id, word) per candidate, best first
        self._transitions: dict[int, dict[int, list[tuple[float, int, str]]]] = {}
        self._bigram: dict[tuple[int, int], list[tuple[float, int, str]]] = {}  # (w2, id of a list) → ranking
        self._unigram: dict[int, list[tuple[float, int, str]]] = {}  # id of a list → ranking with no context
        self._costs: dict[int, dict[int, float]] = {}  # id of a list → its known candidates' costs
        self._cached = 0  # contexts in _transitions

    def decode(self, options: list[list[Candidate]]) -> list[str]:
        """The best word per position (the candidates' ``word``)."""
        if all(len(candidates) == 1 for candidates in options):
            return [candidates[0].word for candidates in options]  # nothing to choose
        start: Hypothesis = (0.0, -1, self.model.ids.get(START, -1), None, "")
        beam = [start]
        if self._cached > TRANSITION_CACHE:
            self._transitions.clear()
            self._bigram.clear()
            self._unigram.clear()
            self._costs.clear()
            self._cached = 0
        contexts, v, trigram = self.model.trigram_contexts, self.size, self.trigram
        for candidates in options:
            table = self._transitions.get(id(candidates))
            if table is None:
                table = self._transitions[id(candidates)] = {}
            expanded: list[Hypothesis] = []
            extend = expanded.append
            floor = -math.inf  # what falls below it cannot join the beam (the beam is best first)
            for hyp in beam:
                score, w1, w2 = hyp[0], hyp[1], hyp[2]
                # the context's key: w1·V + w2 when a trigram continues it, else -2 - w2 (its last word)
                key = w1 * v + w2 if trigram and w1 >= 0 and w2 >= 0 else -1
                if key < 0 or key not in contexts:
                    key = -2 - w2
                ranked_gains = table.get(key)
                if ranked_gains is None:
                    ranked_gains = table[key] = self._gains(key, w2, candidates)
                    self._cached += 1
                best = score + ranked_gains[0][0] - BEAM_SPAN
                if best > floor:
                    floor = best
                for gain, w3, word in ranked_gains:
                    total = score + gain
                    if total < floor:
                        break
                    extend((total, w2, w3, hyp, word))
            expanded.sort(key=_SCORE, reverse=True)  # a few dozen at most: a sort in C beats a heap
            floor = expanded[0][0] - BEAM_SPAN
            beam, states = [], set()
            for h in expanded:  # best first; one hypothesis per (previous, current) state
                if h[0] < floor or len(beam) == BEAM:
                    break
                if (h[1], h[2]) not in states:
                    states.add((h[1], h[2]))
                    beam.append(h)
        words: list[str] = []
        last: Hypothesis | None = beam[0]
        while last is not None and last[3] is not None:
            words.append(last[4])
            last = last[3]
        return words[::-1]

    def _gains(self, key: int, w2: int, candidates: list[Candidate]) -> list[tuple[float, int, str]]:
        """(ln LM score minus channel cost, id, word) of each candidate after a context, best first (stupid
        backoff, inlined). ``key`` ≥ 0 is a context w1·V + w2 that a trigram continues: the ranking after w2
        alone with the trigrams' scores put in; otherwise the ranking after w2 alone."""
        ranked = self._bigram_gains(w2, candidates)
        if key < 0:
            return ranked
        return _put_in(ranked, self.model.pair_followers(key), self._known_costs(candidates), 0.0)

    def _bigram_gains(self, w2: int, candidates: list[Candidate]) -> list[tuple[float, int, str]]:
        """(gain, id, word) of the candidates after w2 alone, best first (cached)."""
        context = (w2, id(candidates))
        found = self._bigram.get(context)
        if found is None:
            found = self._unigram_gains(candidates)
            if w2 >= 0:
                model = self.model
                found = _put_in(found, model.followers(w2), self._known_costs(candidates), model.backoff)
            self._bigram[context] = found
        return found

    def _unigram_gains(self, candidates: list[Candidate]) -> list[tuple[float, int, str]]:
        """(gain, id, word) of the candidates with no context (backed off twice), best first (cached)."""
        found = self._unigram.get(id(candidates))
        if found is None:
            model = self.model
            uni, fallback, unknown = model.unigram, 2 * model.backoff, model.unknown
            found = sorted(
                (
                    ((unknown if w3 < 0 else fallback + uni[w3]) - cost, w3, word)
                    for word, w3, cost in candidates
                ),
                key=_SCORE,
                reverse=True,
            )
            self._unigram[id(candidates)] = found
        return found

    def _known_costs(self, candidates: list[Candidate]) -> dict[int, float]:
        """id → channel cost of the candidates the model knows (cached)."""
        found = self._costs.get(id(candidates))
        if found is None:
            found = self._costs[id(candidates)] = {c.lm_id: c.cost for c in candidates if c.lm_id >= 0}
        return found


def _put_in(
    ranked: list[tuple[float, int, str]], followers: dict[int, float], costs: dict[int, float], offset: float
) -> list[tuple[float, int, str]]:
    """``ranked`` with the gains of the candidates that ``followers`` scores (score + offset − cost) put in,
    best first; ``ranked`` itself (never changed in place) when it scores none of them."""
    if len(followers) < len(costs):
        found = {w3: score for w3, score in followers.items() if w3 in costs}
    else:
        found = {w3: score for w3 in costs if (score := followers.get(w3)) is not None}
    if not found:
        return ranked
    return sorted(
        ((found[w3] + offset - costs[w3] if w3 in found else gain, w3, word) for gain, w3, word in ranked),
        key=_SCORE,
        reverse=True,
    )
