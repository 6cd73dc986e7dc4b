"""The noisy-channel corrector: for each sentence, the syllables that best explain the OCR'd tokens.

score(syllables) = Σ ln P_lm(syllable | two before) − cost_channel(token | syllable), maximised
with a beam over (previous, current) syllable states. Candidates come from the skeleton index (plus the
garbles the channel has seen); the token itself always stays a candidate. Candidate lists are cached per
distinct token and OCR kind, so a document's common words are looked up once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from cchc_parse.grammar.syllables import VI_UNICODE_ONLY, VI_VOWEL
from cchc_parse.lexicon import DataFileError, load_json, proper_names, string_list, string_map
from cchc_parse.repair.candidates import CandidateIndex
from cchc_parse.repair.case import apply_case, case_pattern
from cchc_parse.repair.channel import Channel, OcrKind, fold, load_channel, split_token
from cchc_parse.repair.decoder import Candidate, Decoder
from cchc_parse.repair.model import NgramModel, load_model
from cchc_parse.repair.syllables import is_syllable, skeleton
from cchc_parse.repair.tokens import Unit, lm_token
from cchc_parse.repair.tones import ToneDrop
from cchc_parse.repair.units import (
    REPAIR_ROMAN_NUMERAL,
    code_letters_pattern,
    corrector_units,
    fix_roman_labels,
    list_labels,
)

__all__ = ["Candidate", "Corrector", "RepairStats", "kind_of_words", "ocr_kind"]

KEEP = 10  # candidates kept per token
MARGIN = 8.0  # candidates further than this behind a token's best are dropped before decoding
VIE_MARGIN = 12.0  # the same for the other marks of a valid syllable OCR'd with the Vietnamese model
MAX_SKELETONS = 8  # skeletons expanded into syllables per token
NEAR_SKELETONS = 48  # skeletons whose channel cost bound is computed per token
CAPITAL_I_COST = 1.0  # extra cost of reading a word's capital I as a small l ("Iép" lớp)
VIE_CHANGE_PENALTY = 1.0  # extra cost of re-spelling a valid syllable in text OCR'd with the Vietnamese model
VIETNAMESE_LETTER_SHARE = 0.15  # fewer words with ư, ơ, đ, ạ … than this: OCR'd without the Vietnamese model
_GAZETTEER_MAX = 4
# The candidates of common OCR tokens, made by scripts/build_candidate_table.py.
CANDIDATE_TABLE = "repair_candidates.json"
COST_DIGITS = 4  # the table's costs are rounded to this many decimals


@dataclass
class RepairStats:
    text: str
    syllables: int  # word units seen
    changed: int  # word units re-spelled
    kind: OcrKind


def ocr_kind(units: Sequence[Unit]) -> OcrKind:
    """The OCR kind of text split into units (see :func:`kind_of_words`)."""
    return kind_of_words([u.text for u in units if u.kind == "word" and len(u.text) > 1 and u.text.isalpha()])


def kind_of_words(words: Sequence[str]) -> OcrKind:
    """ "vie" for words with Vietnamese letters beyond Latin-1 (ư, ơ, đ, ạ, ế …: OCR with the Vietnamese
    model, or clean text), "eng" for words that lost them (OCR without it prints é, ¢ at most)."""
    if not words:
        return "vie"
    marked = sum(1 for w in words if VI_UNICODE_ONLY.search(w))
    return "vie" if marked / len(words) >= VIETNAMESE_LETTER_SHARE else "eng"


class Corrector:
    """Repairs Vietnamese text: ``Corrector.load().repair(text)``."""

    def __init__(self, model: NgramModel, *, baseline: bool = False) -> None:
        self.model = model
        self.baseline = baseline
        # candidate lists: by unit (kind, text as written, OCR kind), by lower-cased token and OCR kind, and
        # the one-candidate lists of tokens kept as they are
        self._by_text: dict[tuple[str, str, OcrKind, float], list[Candidate]] = {}
        self._by_token: dict[tuple[str, OcrKind, float], list[Candidate]] = {}
        self._fixed: dict[str, list[Candidate]] = {}
        self.decoder = Decoder(model, trigram=not baseline)
        self.acronyms = frozenset(string_list("acronyms.json", "acronyms"))
        self.code_letters = string_map("repair.json", "code_letters")
        self.characters = str.maketrans(string_map("repair.json", "characters"))
        self._code_pattern = code_letters_pattern(self.code_letters)

    @classmethod
    def load(cls, *, baseline: bool = False) -> Corrector:
        """The corrector with the packaged model and its syllable index (built here, once, rather than in
        the first repair); ``baseline``: the plain-bigram diacritic restorer that only adds marks
        (candidates of the same skeleton, no channel, bigram context), for comparison."""
        corrector = cls(load_model(), baseline=baseline)
        corrector.skeleton_frequency  # noqa: B018  (builds the index too)
        return corrector

    @cached_property
    def index(self) -> CandidateIndex:
        unigram = self.model.unigram  # each skeleton's syllables in the index: the most frequent first
        order = sorted(range(self.model.size), key=lambda i: (-unigram[i], i))
        return CandidateIndex(w for w in map(self.model.vocab.__getitem__, order) if is_syllable(w))

    @cached_property
    def gazetteer(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        names: dict[tuple[str, ...], tuple[str, ...]] = {}
        for name in proper_names():
            words = tuple(name.split())
            if all(w.isalpha() for w in words) and 1 < len(words) <= _GAZETTEER_MAX:
                names[tuple(skeleton(w) for w in words)] = words
        return names

    def repair(self, text: str, kind: OcrKind | None = None) -> str:
        return self.repair_with_stats(text, kind).text

    def repair_with_stats(
        self, text: str, kind: OcrKind | None = None, tone_drop: float | None = None
    ) -> RepairStats:
        """Repair ``text``, keeping everything between the words (spaces, line breaks, punctuation).
        ``kind`` and, for "vie", ``tone_drop`` (how often OCR lost tones: ToneDrop.rate) are told from
        the text itself when not given; a caller repairing a page paragraph by paragraph tells them from
        the whole page, which has more to go by."""
        with _collector_paused():
            return self._repair(text, kind, tone_drop)

    def _repair(self, text: str, kind: OcrKind | None, tone_drop: float | None) -> RepairStats:
        text = fix_roman_labels(text.translate(self.characters))
        units = corrector_units(text)
        kind = kind or ocr_kind(units)
        if kind == "vie":
            channel = load_channel(kind, self.tone_drop.rate(units) if tone_drop is None else tone_drop)
        else:
            channel = load_channel(kind)
        labels = list_labels(text, units)
        replacements: list[tuple[Unit, str]] = []
        sentence: list[Unit] = []
        for i, unit in enumerate([*units, Unit(len(text), len(text), "break", "")]):
            if unit.kind != "break" and i not in labels:
                sentence.append(unit)
                continue
            if sentence:
                replacements.extend(self._sentence(sentence, channel))
            sentence = []
            if i in labels:  # read as it is, and a sentence starts after it
                replacements.append((unit, labels[i]))
        parts: list[str] = []
        position = changed = 0
        for unit, word in replacements:
            if word != unit.text:
                parts.append(text[position : unit.start])
                parts.append(word)
                position = unit.end
                changed += unit.kind == "word"
        parts.append(text[position:])
        syllables = sum(1 for u in units if u.kind == "word")
        return RepairStats("".join(parts), syllables, changed, kind)

    def _sentence(self, units: list[Unit], channel: Channel) -> list[tuple[Unit, str]]:
        options = [self._options(u, channel) for u in units]
        self._apply_gazetteer(units, options)
        words = self.decoder.decode(options)
        texts = [u.text for u in units]
        result = []
        for i, (unit, word) in enumerate(zip(units, words, strict=True)):
            if unit.kind == "fixed":
                stray = len(unit.text) == 1 and word.isalpha()  # a sign read for a word ("6" for "ở")
                result.append((unit, word if stray else self._fix_code(unit.text, channel)))
            elif unit.text.islower():  # the common case: a word in small letters keeps them
                result.append((unit, word))
            elif word == unit.text.lower():
                result.append((unit, unit.text))
            else:
                result.append((unit, apply_case(case_pattern(texts, i, word), word)))
        return result

    def _fix_code(self, text: str, channel: Channel) -> str:
        if channel.kind != "eng":
            return text
        return self._code_pattern.sub(lambda m: self.code_letters[m.group(1)], text)

    def _options(self, unit: Unit, channel: Channel) -> list[Candidate]:
        """The candidates of a unit, looked up by its text as written. Every list is cached and kept (the
        decoder's score cache is keyed by the lists' identity)."""
        key = (unit.kind, unit.text, channel.kind, channel.tone_drop)
        found = self._by_text.get(key)
        if found is None:
            found = self._by_text[key] = self._new_options(unit, channel)
        return found

    def _new_options(self, unit: Unit, channel: Channel) -> list[Candidate]:
        if unit.kind == "fixed":
            if channel.kind == "eng" and len(unit.text) == 1 and unit.text in channel.pairs:
                return self._stray_sign(unit.text, channel)
            return self._kept(lm_token(unit))
        if (
            unit.text in self.acronyms
            or REPAIR_ROMAN_NUMERAL.fullmatch(unit.text)
            or (unit.text.isupper() and unit.text.isalpha() and not _VOWEL.search(unit.text))  # "BN", "SXD"
            or self._fix_code(unit.text, channel) != unit.text
        ):
            return self._kept(unit.text.lower())
        token = unit.text.lower()
        found = self._token_candidates(token, channel)
        if channel.kind == "eng" and unit.text[:1] == "I" and not unit.text[1:2].isupper():
            found = self._with_l_for_capital_i(token, found, channel)
        return found

    def _token_candidates(self, token: str, channel: Channel) -> list[Candidate]:
        """The candidates of a lower-case token: from the cache, the table of common OCR tokens
        (data/repair_candidates.json, eng only), or found by :meth:`candidates`."""
        key = (token, channel.kind, channel.tone_drop)
        found = self._by_token.get(key)
        if found is None:
            listed = self._candidate_table.get(token) if channel.kind == "eng" and not self.baseline else None
            if listed is None:
                found = self.candidates(token, channel)
            else:
                found = [Candidate(word, self.model.ids.get(word, -1), cost) for word, cost in listed]
            self._by_token[key] = found
        return found

    @cached_property
    def _candidate_table(self) -> dict[str, list[tuple[str, float]]]:
        table = load_json(CANDIDATE_TABLE).get("eng")
        if not isinstance(table, dict) or not all(
            isinstance(token, str) and _is_candidate_list(listed) for token, listed in table.items()
        ):
            raise DataFileError(f"{CANDIDATE_TABLE}: 'eng' must map tokens to lists of [syllable, cost]")
        return {token: [(word, float(cost)) for word, cost in listed] for token, listed in table.items()}

    def _with_l_for_capital_i(self, token: str, found: list[Candidate], channel: Channel) -> list[Candidate]:
        """A capital I starting a word in small letters is, as often as not, OCR's reading of a small l
        ("Iép", "I6p" lớp): the candidates of the token read with an l join, at CAPITAL_I_COST more."""
        merged = {c.word: c for c in found}
        for c in self._token_candidates("l" + token[1:], channel):
            cost = c.cost + CAPITAL_I_COST
            if c.word not in merged or cost < merged[c.word].cost:
                merged[c.word] = Candidate(c.word, c.lm_id, cost)
        itself = merged.pop(token)
        return _best([itself, *merged.values()], self.model, MARGIN)

    def _stray_sign(self, sign: str, channel: Channel) -> list[Candidate]:
        """A lone digit or sign that OCR prints for a one-letter word ("6" for "ở"): itself (as a number to
        the language model) or the words the channel saw it stand for."""
        key = (sign, channel.kind, channel.tone_drop)
        found = self._by_token.get(key)
        if found is None:
            found = [*self._kept(lm_token(Unit(0, 1, "fixed", sign)))]
            found[0] = Candidate(sign, found[0].lm_id, 0.0)
            for word in channel.pairs[sign]:
                if word in self.model.ids:
                    found.append(Candidate(word, self.model.ids[word], channel.cost(word, sign)))
            self._by_token[key] = found
        return found

    def _kept(self, token: str) -> list[Candidate]:
        """The one candidate of a token kept as it is."""
        found = self._fixed.get(token)
        if found is None:
            found = self._fixed[token] = [Candidate(token, self.model.ids.get(token, -1), 0.0)]
        return found

    def candidates(self, token: str, channel: Channel) -> list[Candidate]:
        """The candidates of a lower-case token, found afresh: the syllables of the skeletons near its own
        (and the garbles the channel saw), the best KEEP by channel cost minus unigram score, and always
        the token itself."""
        ids, model = self.model.ids, self.model
        if self.baseline:
            words = set(self.index.by_skeleton.get(skeleton(token), ())) | {token}
            return [Candidate(w, ids.get(w, -1), 0.0) for w in sorted(words)]
        valid = token in ids and is_syllable(token)
        if channel.kind == "vie" and valid:
            # the Vietnamese model misreads marks, not letters: only the same letters with other marks
            near = {skeleton(token): 0}
            penalty = VIE_CHANGE_PENALTY
        else:
            near = self.index.near(token)
            penalty = 0.0
        identity = channel.split_cost(token, token)
        scored = [Candidate(token, ids.get(token, -1), identity)]
        seen = {token}
        # skeletons by the lower bound of their syllables' rank (channel cost minus unigram score), expanded
        # while they can compete with the best rank so far (the ranking _best keeps candidates by)
        frequency = self.skeleton_frequency
        bounded = sorted(
            (channel.bound_cost(key, pieces) - frequency[key], key, pieces)
            for key, pieces in self._splits(token, near)
        )
        best_rank = identity - model.unigram_score(ids.get(token, -1))
        margin = VIE_MARGIN if penalty else MARGIN
        unigram = model.unigram
        for bound, key, pieces in bounded[:MAX_SKELETONS]:
            if bound > best_rank + MARGIN:
                break
            syllables = self.index.by_skeleton[key]  # the most frequent first
            least_cost = bound + frequency[key] + penalty  # no syllable of the skeleton costs less
            for i, word in enumerate(syllables):
                word_id = ids[word]
                if least_cost - unigram[word_id] > best_rank + margin:
                    seen.update(syllables[i:])  # _best would drop it and every rarer syllable after it
                    break
                if word not in seen:
                    seen.add(word)
                    cost = channel.split_cost(word, pieces) + penalty
                    best_rank = min(best_rank, cost - unigram[word_id])
                    scored.append(Candidate(word, word_id, cost))
        for word in channel.pairs.get(token, ()):
            if word not in seen and word in ids:
                seen.add(word)
                scored.append(Candidate(word, ids[word], channel.cost(word, token) + penalty))
        return _best(scored, model, margin)

    def _splits(self, token: str, near: dict[str, int]) -> list[tuple[str, list[str]]]:
        """The NEAR_SKELETONS nearest skeletons (the more frequent first among equals, then in alphabetical
        order: the same whatever order ``near`` came in), each with the token split for its characters."""
        frequency = self.skeleton_frequency
        keys = sorted(near, key=lambda k: (near[k], -frequency[k], k))[:NEAR_SKELETONS]
        folded = fold(token)
        return [(key, split_token(key, token, (key, folded))) for key in keys]

    @cached_property
    def skeleton_frequency(self) -> dict[str, float]:
        """The best unigram score of each skeleton's syllables."""
        model = self.model
        return {
            key: max(model.unigram_score(model.ids[w]) for w in words)
            for key, words in self.index.by_skeleton.items()
        }

    def _apply_gazetteer(self, units: list[Unit], options: list[list[Candidate]]) -> None:
        """Names of the gazetteer, spelt with capitals ("Son La"), get the gazetteer's spelling only."""
        names, firsts = self.gazetteer, self.gazetteer_starts
        i = 0
        while i < len(units):
            unit = units[i]
            if unit.kind != "word" or not unit.text[:1].isupper() or skeleton(unit.text) not in firsts:
                i += 1
                continue
            matched = 1
            for size in range(_GAZETTEER_MAX, 1, -1):
                span = units[i : i + size]
                if len(span) < size or not all(u.kind == "word" and u.text[:1].isupper() for u in span):
                    continue
                name = names.get(tuple(skeleton(u.text) for u in span))
                if name is not None:
                    for j, word in enumerate(name):
                        options[i + j] = self._kept(word.lower())
                    matched = size
                    break
            i += matched

    @cached_property
    def tone_drop(self) -> ToneDrop:
        return ToneDrop(self.model)

    @cached_property
    def gazetteer_starts(self) -> frozenset[str]:
        return frozenset(key[0] for key in self.gazetteer)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off while repairing: the search makes hundreds of thousands of short-lived
    tuples and no reference cycles, and with the model's index alive every full collection walks it (a
    quarter of the time). Reference counting still frees everything; the collector's state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_VOWEL = VI_VOWEL  # letters without a vowel are no syllable, whatever OCR did: an acronym


def _is_candidate_list(value: object) -> bool:
    """A list of [syllable, cost] pairs, as data/repair_candidates.json holds them."""
    return isinstance(value, list) and all(
        isinstance(c, list) and len(c) == 2 and isinstance(c[0], str) and isinstance(c[1], int | float)
        for c in value
    )


def _best(scored: list[Candidate], model: NgramModel, margin: float) -> list[Candidate]:
    """The KEEP candidates with the lowest channel cost minus unigram score, dropping those more than margin
    behind the best; the token itself (first) is always kept."""

    def rank(candidate: Candidate) -> float:
        return candidate.cost - model.unigram_score(candidate.lm_id)

    ranked = sorted(scored, key=rank)
    limit = rank(ranked[0]) + margin
    best = [c for c in ranked[:KEEP] if rank(c) <= limit]
    if scored[0] not in best:
        best.append(scored[0])
    return best
