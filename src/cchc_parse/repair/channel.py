"""The OCR channel: how likely OCR turns a clean syllable into the token it printed.

Learned from aligned (clean, OCR) token pairs the project makes itself (``scripts/generate_ocr_pairs.py``
renders clean text and OCRs it; ``scripts/build_ocr_channel.py`` counts, per clean character, which OCR
string was printed for it: ``cchc_parse/data/ocr_channel.json``). There is one table per kind of OCR:
"eng" (Tesseract without the Vietnamese model: marks mostly lost, letters confused) and "vie".

P(piece | char) = (1 − s) · count / total + s · prior, where the prior gives the clean character itself,
then the same letter with other marks, then another vowel for a vowel, then anything else, a share of the
mass, and s (SMOOTHING) keeps misreadings the generated pairs never showed possible.
A token's cost for a candidate syllable is −ln P(token | syllable): the best split of the token into one
piece (0–2 characters) per character of the syllable.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from rapidfuzz.distance import Hamming, Levenshtein

from cchc_parse.lexicon import DataFileError, load_json
from cchc_parse.normalize.encodings import without_tone
from cchc_parse.repair.syllables import skeleton

__all__ = ["CHANNEL_FILE", "Channel", "OcrKind", "fold", "load_channel", "split_token"]

CHANNEL_FILE = "ocr_channel.json"
OcrKind = Literal["eng", "vie"]
SMOOTHING = {"eng": 0.1, "vie": 0.02}  # the prior's weight beside the counts: real scans misread more
MAX_PIECE = 2  # OCR characters one clean character may turn into ("ủ" → "ii")
# The prior's shares: the character itself, the same base letter (any marks), dropped, another vowel for a
# vowel, anything else.
_PRIOR = {"eng": (0.45, 0.35, 0.02, 0.08, 0.1), "vie": (0.9, 0.08, 0.002, 0.008, 0.01)}
_VOWELS = frozenset("aeiouy")
# The letters a skeleton letter stands for.
_VARIANTS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}
_OTHER_PIECES = 60.0  # the "anything else" share is spread over about this many pieces
# A vowel with a hat, breve or horn and a tone → the same vowel without its tone ("ổ" → "ô").
_TONELESS_HAT_VOWELS = {toned: without_tone(toned) for toned in "ầấẩẫậằắẳẵặềếểễệồốổỗộờớởỡợừứửữự"}


@dataclass(eq=False)  # hashed by identity, for the cost cache
class Channel:
    kind: OcrKind
    counts: dict[str, dict[str, int]]  # clean char → OCR piece → count
    totals: dict[str, int]
    pairs: dict[str, dict[str, int]]  # OCR token → clean token → count (garbles seen more than once)
    # P(the tone mark is lost | a vowel with a hat, breve or horn and a tone: "ổ" → "ô"), at least: what
    # Tesseract -l vie does on real scans, which the rendered pages never showed (set per text, see
    # repair/tones.py)
    tone_drop: float = 0.0
    # (char, piece) → −ln P(piece | char), and the best of that over the marks of a base letter
    _costs: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)
    _bounds: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)

    def split_cost(self, syllable: str, pieces: Sequence[str]) -> float:
        """−ln P(token | syllable) for a token already split into one piece per character of the syllable."""
        try:  # the corrector's hot path: every pair seen before, summed in C
            return sum(map(self._costs.__getitem__, zip(syllable, pieces, strict=True)))
        except KeyError:
            return _summed(self._costs, _piece_cost, self, zip(syllable, pieces, strict=True))

    def bound_cost(self, skeleton_word: str, pieces: Sequence[str]) -> float:
        """A lower bound of split_cost for every syllable with this skeleton (each character's best mark)."""
        try:
            return sum(map(self._bounds.__getitem__, zip(skeleton_word, pieces, strict=True)))
        except KeyError:
            return _summed(self._bounds, _best_piece_cost, self, zip(skeleton_word, pieces, strict=True))

    def cost(self, syllable: str, token: str) -> float:
        """−ln P(token | syllable) over the best split of ``token`` (both lower case)."""
        n, m = len(syllable), len(token)
        inf = math.inf
        row = [0.0] + [inf] * m
        for i in range(n):
            char = syllable[i]
            nxt = [inf] * (m + 1)
            for j in range(m + 1):
                base = row[j]
                if base == inf:
                    continue
                for k in range(min(MAX_PIECE, m - j) + 1):
                    value = base + _piece_cost(self, char, token[j : j + k])
                    if value < nxt[j + k]:
                        nxt[j + k] = value
            row = nxt
        return row[m]


def _summed(
    known: dict[tuple[str, str], float],
    cost: Callable[[Channel, str, str], float],
    channel: Channel,
    pairs: Iterable[tuple[str, str]],
) -> float:
    """The sum of ``cost`` over (char, piece) pairs, remembered in ``known``."""
    total = 0.0
    for pair in pairs:
        value = known.get(pair)
        if value is None:
            value = known[pair] = cost(channel, *pair)
        total += value
    return total


@cache
def _piece_cost(channel: Channel, char: str, piece: str) -> float:
    seen = channel.counts.get(char, {}).get(piece, 0)
    total = channel.totals.get(char, 0)
    same, variant, dropped, vowel, other = _PRIOR[channel.kind]
    if piece == char:
        prior = same
    elif piece == "":
        prior = dropped
    elif len(piece) == 1 and skeleton(piece) == skeleton(char):
        prior = variant / 4
    elif len(piece) == 1 and skeleton(piece) in _VOWELS and skeleton(char) in _VOWELS:
        prior = vowel / len(_VOWELS)
    else:
        prior = other / _OTHER_PIECES ** len(piece)
    floor = SMOOTHING[channel.kind] if total else 1.0
    probability = (1 - floor) * seen / max(total, 1) + floor * prior
    if channel.tone_drop and piece == _TONELESS_HAT_VOWELS.get(char):
        probability = max(probability, channel.tone_drop)
    return -math.log(probability)


@cache
def _best_piece_cost(channel: Channel, base: str, piece: str) -> float:
    return min(_piece_cost(channel, char, piece) for char in _VARIANTS.get(base, base))


@cache
def load_channel(kind: OcrKind, tone_drop: float = 0.0) -> Channel:
    """The channel table of one OCR kind from the package data (a prior-only channel if it has none), with
    tones lost at the rate ``tone_drop`` at least."""
    if tone_drop:
        plain = load_channel(kind)
        return Channel(kind, plain.counts, plain.totals, plain.pairs, tone_drop)
    try:
        data = load_json(CHANNEL_FILE).get(kind, {})
    except FileNotFoundError:
        data = {}
    counts = _checked(data.get("sub", {}), "sub")
    pairs = _checked(data.get("pairs", {}), "pairs")
    counts = {_nfc(c): {_nfc(p): n for p, n in pieces.items()} for c, pieces in counts.items()}
    return Channel(kind, counts, {c: sum(p.values()) for c, p in counts.items()}, pairs)


def _checked(value: object, key: str) -> dict[str, dict[str, int]]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, dict) and all(isinstance(n, int) for n in v.values())
        for k, v in value.items()
    ):
        raise DataFileError(f"{CHANNEL_FILE}: '{key}' must map strings to objects of counts")
    return value


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def split_token(clean: str, seen: str, folded: tuple[str, str] | None = None) -> list[str]:
    """The OCR substring ``seen`` printed for each character of ``clean`` (a syllable or its skeleton).

    The alignment is the fewest edits (rapidfuzz's Levenshtein editops) with every character folded to its
    base letter (marks dropped, đ → d, so a mark-only misreading is a match). A deleted character gets "";
    inserted OCR characters go with the following clean character when that one was misread (Levenshtein
    puts an insertion before the substitution it belongs with: "đối" → "d6éi" is d=d, +6, o→e, i=i, and
    it is "ố" that became "6é"), else with the preceding one; at the start, with the first character.
    scripts/build_ocr_channel.py counts the channel with this same function. ``folded``: both strings
    already folded (a skeleton is its own folding), to save the work when one token meets many skeletons.
    """
    n = len(clean)
    clean_folded, seen_folded = folded or (fold(clean), fold(seen))
    if n == len(seen) and Hamming.distance(clean_folded, seen_folded, score_cutoff=1) <= 1:
        return list(seen)  # equal, or one character misread: what the alignment below gives, found faster
    pieces = [""] * n
    matched = [False] * n
    before = [""] * (n + 1)  # OCR characters inserted before clean[i] (before[n]: at the end)
    i = j = 0
    for op in Levenshtein.editops(clean_folded, seen_folded):
        while i < op.src_pos:  # characters read right up to the operation
            pieces[i], matched[i] = seen[j], True
            i, j = i + 1, j + 1
        if op.tag == "insert":
            before[i] += seen[j]
            j += 1
        elif op.tag == "replace":
            pieces[i] = seen[j]
            i, j = i + 1, j + 1
        else:  # delete
            i += 1
    while i < n:
        pieces[i], matched[i] = seen[j], True
        i, j = i + 1, j + 1
    for k in range(n + 1):
        if before[k]:
            if k < n and (k == 0 or not matched[k]):
                pieces[k] = before[k] + pieces[k]
            else:
                pieces[k - 1] += before[k]
    return pieces


def fold(text: str) -> str:
    """Each character replaced by its base letter: "đối" → "doi", "d6éi" → "d6ei" (same length)."""
    return "".join("d" if c in "đĐ" else unicodedata.normalize("NFD", c)[0] for c in text)
