"""How often OCR lost tones in a text: Tesseract -l vie on real scans drops the tone mark above a vowel
with a hat, breve or horn ("cổ phần" → "cô phân", "cấp" → "câp"), which the pages the OCR channel was
learned from (rendered, clean) never showed. The rate found here is given to the channel
(:func:`cchc_parse.repair.channel.load_channel`), so that such a text gets its tones back.

A toneless syllable that the language model finds far rarer than a toned spelling of it ("câp" beside
"cấp") is suspicious. In official documents about 0.2% of the syllables with such vowels are; in the
real scans of the corpus read by Tesseract, 1-3%. The rate is their share over the share there would be
if every such tone were lost.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from functools import cached_property, lru_cache

from cchc_parse.normalize.encodings import HAT_MARKS, TONE_MARKS, without_tone
from cchc_parse.repair.model import NgramModel
from cchc_parse.repair.tokens import Unit

__all__ = ["SAMPLE", "STEP", "ToneDrop"]

SAMPLE = 60  # syllables with a hat, breve or horn needed to tell the rate
STEP = 0.05  # the rate is rounded down to a step (each step is a channel of its own, cached)
MOST_STEPS = 5  # at most 0.25
_RARER = math.log(10)  # a toneless syllable ten times rarer than a toned spelling is suspicious


class ToneDrop:
    """Tells the rate of lost tones in text from a language model's unigram scores."""

    def __init__(self, model: NgramModel) -> None:
        self.model = model

    def rate(self, units: Sequence[Unit]) -> float:
        """How often a tone was lost from a vowel with a hat, breve or horn in these units: 0 with fewer
        than SAMPLE such syllables or below STEP, else rounded down to a STEP."""
        hats = suspicious = 0
        for unit in units:
            if unit.kind != "word" or (toneless := hat_syllable(unit.text)) is None:
                continue
            hats += 1
            suspicious += toneless and self._suspicious(unit.text.lower())
        if hats < SAMPLE:
            return 0.0
        steps = min(int(suspicious / hats / self.scale / STEP), MOST_STEPS)
        return round(steps * STEP, 2)

    def _suspicious(self, word: str) -> bool:
        model = self.model
        return self.best_toned.get(word, -math.inf) - model.unigram_score(model.ids.get(word, -1)) > _RARER

    @cached_property
    def best_toned(self) -> dict[str, float]:
        """Toneless spelling → the best unigram score of the toned syllables spelt so but for the tone
        ("cô" → the best of "cố", "cồ", "cổ", "cỗ", "cộ")."""
        best: dict[str, float] = {}
        for word, score in zip(self.model.vocab, self.model.unigram, strict=True):
            if hat_syllable(word) is False:
                key = without_tone(word)
                best[key] = max(best.get(key, -math.inf), score)
        return best

    @cached_property
    def scale(self) -> float:
        """The share (by frequency) of the model's syllables with a hat, breve or horn that have a tone
        and whose toneless spelling is far rarer: the share of suspicious syllables if every such tone
        were lost."""
        model, total, rarer = self.model, 0.0, 0.0
        for word, score in zip(model.vocab, model.unigram, strict=True):
            toneless = hat_syllable(word)
            if toneless is None:
                continue
            total += math.exp(score)
            if not toneless and score - model.unigram_score(model.ids.get(without_tone(word), -1)) > _RARER:
                rarer += math.exp(score)
        return rarer / total if total else 1.0


@lru_cache(maxsize=65536)
def hat_syllable(word: str) -> bool | None:
    """None for a word without a vowel with a hat, breve or horn; else whether it is toneless."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if not HAT_MARKS & set(decomposed) or not word.isalpha():
        return None
    return not TONE_MARKS & set(decomposed)
