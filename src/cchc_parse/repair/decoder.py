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
TRANSITION_CACHE = 300_000  # contexts whose candidate scores are kept (cleared when full)
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
        # (w1, w2, id of a candidate list) → (LM score − channel cost, id, word) per candidate, best first
        self._transitions: dict[tuple[int, int, int], list[tuple[float, int, str]]] = {}
        self._bigram: dict[tuple[int, int], list[float]] = {}  # (w2, id of a list) → gains after w2 alone

    def decode(self, options: list[list[Candidate]]) -> list[str]:
        """The best word per position (the candidates' ``word``)."""
        start: Hypothesis = (0.0, -1, self.model.ids.get(START, -1), None, "")
        beam = [start]
        if len(self._transitions) > TRANSITION_CACHE:
            self._transitions.clear()
            self._bigram.clear()
        for candidates in options:
            expanded: list[Hypothesis] = []
            floor = -math.inf  # what falls below it cannot join the beam (the beam is best first)
            for hyp in beam:
                score, w2 = hyp[0], hyp[2]
                ranked_gains = self._gains(hyp[1], w2, candidates)  # best first
                floor = max(floor, score + ranked_gains[0][0] - BEAM_SPAN)
                for gain, w3, word in ranked_gains:
                    if score + gain < floor:
                        break
                    expanded.append((score + gain, w2, w3, hyp, word))
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

    def _gains(self, w1: int, w2: int, candidates: list[Candidate]) -> list[tuple[float, int, str]]:
        """(ln LM score after w1 w2 minus channel cost, id, word) of each candidate, best first (stupid
        backoff, inlined). A context no trigram continues has the scores of its last word alone (one cache
        entry per w2); one that a trigram continues starts from those and puts in its trigrams."""
        model = self.model
        v = self.size
        prefix = w1 * v + w2 if w1 >= 0 and w2 >= 0 and self.trigram else -1
        if prefix not in model.trigram_contexts:
            w1 = prefix = -1
        context = (w1, w2, id(candidates))
        found = self._transitions.get(context)
        if found is not None:
            return found
        if prefix < 0:
            gains = self._bigram_gains(w2, candidates)
        else:
            gains = list(self._bigram_gains(w2, candidates))
            tri, base = model.trigram, prefix * v
            for i, (_, w3, cost) in enumerate(candidates):
                score = tri.get(base + w3) if w3 >= 0 else None
                if score is not None:
                    gains[i] = score - cost
        found = sorted(
            ((gain, c[1], c[0]) for gain, c in zip(gains, candidates, strict=True)), key=_SCORE, reverse=True
        )
        self._transitions[context] = found
        return found

    def _bigram_gains(self, w2: int, candidates: list[Candidate]) -> list[float]:
        """The gains after w2 alone, in the candidates' order (cached)."""
        context = (w2, id(candidates))
        found = self._bigram.get(context)
        if found is not None:
            return found
        model = self.model
        bi, uni, backoff, unknown = model.bigram, model.unigram, model.backoff, model.unknown
        base = w2 * self.size if w2 >= 0 else -1
        gains = []
        for _, w3, cost in candidates:
            if w3 < 0:
                gains.append(unknown - cost)
                continue
            score = bi.get(base + w3) if base >= 0 else None
            gains.append((backoff + score if score is not None else 2 * backoff + uni[w3]) - cost)
        self._bigram[context] = gains
        return gains
