"""The syllable language model of the repair step: a trigram model with stupid backoff, in a compact file.

The file (``cchc_parse/data/repair_lm.bin``, built by ``scripts/build_repair_model.py``) is no pickle: an
8-byte magic, a JSON header (format, sizes, sources and licences), then one zlib stream holding the
vocabulary (UTF-8, one token per line) and little-endian arrays: unigram scores, sorted bigram keys and
scores, sorted trigram keys and scores, and the sorted trigram contexts. A score is ln p as a 32-bit float
(rounded to 0.01 by the build): the unigram probability, the bigram p(w2 | w1), the trigram p(w3 | w1 w2).
A key packs token ids: w1·V + w2, (w1·V + w2)·V + w3; a trigram context is w1·V + w2 of a trigram.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from cchc_parse.lexicon import DataFileError

__all__ = ["MODEL_FILE", "NgramModel", "load_model"]

MODEL_FILE = "repair_lm.bin"
MAGIC = b"CCHCLM\x00\x02"
SECTIONS = (
    ("unigram", "f"),
    ("bigram_keys", "Q"),
    ("bigram", "f"),
    ("trigram_keys", "Q"),
    ("trigram", "f"),
    ("trigram_contexts", "Q"),
)


@dataclass
class NgramModel:
    """Token ids and stupid-backoff scores (natural log) of a syllable trigram model.

    The n-grams stay in the file's sorted arrays (compact, nothing to build at load); the words that
    follow a context are read out of them the first time the context is asked for, as a small table
    (``followers``), which the decoder then looks its candidates up in.
    """

    vocab: list[str]
    unigram: list[float]
    bigram_keys: Sequence[int]  # w1·V + w2, sorted
    bigram: Sequence[float]  # ln p(w2 | w1), in the keys' order
    trigram_keys: Sequence[int]  # (w1·V + w2)·V + w3, sorted
    trigram: Sequence[float]  # ln p(w3 | w1 w2)
    trigram_contexts: frozenset[int]  # w1·V + w2 of every trigram
    header: dict[str, Any]
    ids: dict[str, int] = field(init=False)
    backoff: float = field(init=False)  # ln of stupid backoff's factor, added per level backed off
    unknown: float = field(init=False)  # ln p of a token the model has never seen
    _followers: dict[int, dict[int, float]] = field(init=False, repr=False)  # w1 → its bigrams' w2
    _pair_followers: dict[int, dict[int, float]] = field(init=False, repr=False)  # w1·V + w2 → w3

    def __post_init__(self) -> None:
        self.ids = {token: index for index, token in enumerate(self.vocab)}
        self.backoff = float(self.header["backoff"])
        self.unknown = float(self.header["unknown"])
        self._followers = {}
        self._pair_followers = {}

    @property
    def size(self) -> int:
        return len(self.vocab)

    def followers(self, w1: int) -> dict[int, float]:
        """id → ln p(id | w1) of the words seen after token id w1 (cached)."""
        found = self._followers.get(w1)
        if found is None:
            found = self._followers[w1] = _slice(self.bigram_keys, self.bigram, w1, len(self.vocab))
        return found

    def pair_followers(self, context: int) -> dict[int, float]:
        """id → ln p(id | w1 w2) of the words seen after the context w1·V + w2 (cached)."""
        found = self._pair_followers.get(context)
        if found is None:
            found = self._pair_followers[context] = _slice(
                self.trigram_keys, self.trigram, context, len(self.vocab)
            )
        return found

    def score(self, w1: int, w2: int, w3: int) -> float:
        """ln score of token id w3 after w1 w2 (an id of -1 is a token the model does not know)."""
        if w3 < 0:
            return self.unknown
        if w2 >= 0:
            if w1 >= 0:
                found = self.pair_followers(w1 * len(self.vocab) + w2).get(w3)
                if found is not None:
                    return found
            found = self.followers(w2).get(w3)
            if found is not None:
                return self.backoff + found
        return 2 * self.backoff + self.unigram[w3]

    def unigram_score(self, w: int) -> float:
        return self.unknown if w < 0 else self.unigram[w]


def _slice(keys: Sequence[int], scores: Sequence[float], context: int, size: int) -> dict[int, float]:
    """The last word → score of the n-grams whose key starts with ``context`` (keys are context·V + last,
    sorted, so they are one run found by bisection)."""
    base = context * size
    start = bisect_left(keys, base)
    end = bisect_left(keys, base + size, start)
    return dict(zip([key - base for key in keys[start:end]], scores[start:end], strict=True))


def encode(vocab: list[str], arrays: dict[str, array], header: dict[str, Any]) -> bytes:  # type: ignore[type-arg]
    """The file bytes of a model (deterministic: the same input gives the same bytes)."""
    payload = bytearray("\n".join(vocab).encode("utf-8"))
    sizes = {"vocab_bytes": len(payload)}
    for name, code in SECTIONS:
        values = array(code, arrays[name])
        if sys.byteorder == "big":
            values.byteswap()
        sizes[name] = len(values)
        payload += values.tobytes()
    head = json.dumps({**header, "sizes": sizes}, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return MAGIC + struct.pack("<I", len(head)) + head + zlib.compress(bytes(payload), 9)


def decode(data: bytes) -> NgramModel:
    """A model from its file bytes; a malformed file raises DataFileError."""
    if data[: len(MAGIC)] != MAGIC:
        raise DataFileError(f"{MODEL_FILE}: not a cchc-parse language model (or another format version)")
    try:
        (length,) = struct.unpack_from("<I", data, len(MAGIC))
        start = len(MAGIC) + 4
        header = json.loads(data[start : start + length])
        payload = zlib.decompress(data[start + length :])
        sizes = header["sizes"]
        position = sizes["vocab_bytes"]
        vocab = payload[:position].decode("utf-8").split("\n")
        arrays: dict[str, array] = {}  # type: ignore[type-arg]
        for name, code in SECTIONS:
            values = array(code)
            end = position + sizes[name] * values.itemsize
            values.frombytes(payload[position:end])
            if sys.byteorder == "big":
                values.byteswap()
            arrays[name] = values
            position = end
    except (KeyError, ValueError, struct.error, zlib.error) as exc:
        raise DataFileError(f"{MODEL_FILE}: damaged ({exc})") from exc
    if len(arrays["unigram"]) != len(vocab) or position != len(payload):
        raise DataFileError(f"{MODEL_FILE}: damaged (section sizes do not add up)")
    return NgramModel(
        vocab=vocab,
        unigram=arrays["unigram"].tolist(),
        bigram_keys=arrays["bigram_keys"],
        bigram=arrays["bigram"],
        trigram_keys=arrays["trigram_keys"],
        trigram=arrays["trigram"],
        trigram_contexts=frozenset(arrays["trigram_contexts"]),
        header=header,
    )


def load_model(path: str | Path | None = None) -> NgramModel:
    """The packaged model, or the model file at ``path``."""
    if path is not None:
        return decode(Path(path).read_bytes())
    return decode(resources.files("cchc_parse").joinpath("data").joinpath(MODEL_FILE).read_bytes())
