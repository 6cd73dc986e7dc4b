"""Build the repair step's syllable language model, src/cchc_parse/data/repair_lm.bin.

    python scripts/build_repair_model.py [--corpus ../shared/corpus/lm] [--check]

Sources (see ../shared/corpus/README.md):
- legal-documents.txt.gz: 521 Vietnamese official documents (not subject to copyright), less the documents
  held out for evaluation (bench/data/repair/holdout.txt) and any document sharing text with the evaluation
  texts (bench/data/repair/*.clean.txt): unigram, bigram and trigram counts;
- news-syllable-unigrams.tsv.gz, news-syllable-bigrams.tsv.gz: syllable counts of the VNTC news corpus from
  the underthesea project (Apache License 2.0, restore_diacritics model, commit 3f5a6197), added to the
  unigram and bigram counts with a lower weight.
The model is stupid backoff (Brants et al. 2007) over these counts; see cchc_parse/repair/model.py for the
file format. The build is deterministic; ``--check`` rebuilds and compares with the committed file.
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cchc_parse.repair.model import MODEL_FILE, encode  # noqa: E402
from cchc_parse.repair.tokens import NUM, START, lm_sentences  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "lm"
OUTPUT = ROOT / "src" / "cchc_parse" / "data" / MODEL_FILE
HOLDOUT = ROOT / "bench" / "data" / "repair" / "holdout.txt"
EVAL_TEXTS = ROOT / "bench" / "data" / "repair"

NEWS_WEIGHT = 0.6  # news counts weigh less than the official documents the tool reads
MIN_UNIGRAM = 2  # a token enters the vocabulary with this (weighted) count
MIN_BIGRAM = 1.0
MIN_TRIGRAM = 1
BACKOFF = 0.4  # stupid backoff's factor
OVERLAP_WINDOW = 12  # a run of this many tokens shared with an evaluation text leaves a document out
ATTRIBUTION = (
    "Syllable counts derived in part from the VNTC news corpus counts of the underthesea project "
    "(https://github.com/undertheseanlp/underthesea, restore_diacritics model, commit 3f5a6197), "
    "Apache License 2.0. Other counts from Vietnamese official documents, not subject to copyright."
)
_DOCUMENT = re.compile(r"^<<<document (\S+)>>>\n", re.MULTILINE)


def read_documents(corpus: Path) -> Iterator[tuple[str, str]]:
    with gzip.open(corpus / "legal-documents.txt.gz", "rt", encoding="utf-8") as handle:
        parts = _DOCUMENT.split(handle.read())
    yield from zip(parts[1::2], parts[2::2], strict=True)


def read_counts(path: Path) -> Iterator[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        next(handle)  # header
        for line in handle:
            yield line.rstrip("\n").split("\t")


def holdout_ids() -> set[str]:
    lines = HOLDOUT.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def windows(sentences: Iterable[list[str]]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for sentence in sentences:
        for i in range(len(sentence) - OVERLAP_WINDOW + 1):
            found.add(tuple(sentence[i : i + OVERLAP_WINDOW]))
    return found


def training_sentences(corpus: Path) -> tuple[list[list[str]], list[str]]:
    """The sentences of the training documents, and the ids of the documents left out: the held-out ones,
    and those sharing a run of OVERLAP_WINDOW tokens with an evaluation text, unless that run is common
    wording found in several corpus documents ("theo quyết định số <num> ngày <num> tháng <num> ...")."""
    held = holdout_ids()
    evaluation: set[tuple[str, ...]] = set()
    for path in sorted(EVAL_TEXTS.glob("*.clean.txt")):
        evaluation |= windows(lm_sentences(path.read_text(encoding="utf-8")))
    documents = [(doc_id, list(lm_sentences(text))) for doc_id, text in read_documents(corpus)]
    shared = {doc_id: windows(sentences) & evaluation for doc_id, sentences in documents}
    spread = Counter(window for found in shared.values() for window in found)
    sentences: list[list[str]] = []
    left_out: list[str] = []
    for doc_id, document in documents:
        if doc_id in held or any(spread[window] < 2 for window in shared[doc_id]):
            left_out.append(doc_id)
            continue
        sentences.extend(document)
    return sentences, left_out


def count(
    sentences: list[list[str]],
) -> tuple[Counter[str], Counter[tuple[str, str]], Counter[tuple[str, ...]]]:
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    trigrams: Counter[tuple[str, ...]] = Counter()
    for s in sentences:
        unigrams.update(s)
        bigrams.update(pairwise(s))
        trigrams.update(zip(s, s[1:], s[2:], strict=False))
    return unigrams, bigrams, trigrams


def build(corpus: Path) -> bytes:
    sentences, left_out = training_sentences(corpus)
    legal_uni, legal_bi, legal_tri = count(sentences)
    unigrams: Counter[str] = Counter({k: float(v) for k, v in legal_uni.items()})  # type: ignore[misc]
    for token, value in read_counts(corpus / "news-syllable-unigrams.tsv.gz"):
        unigrams[token] += NEWS_WEIGHT * int(value)
    bigrams: Counter[tuple[str, str]] = Counter({k: float(v) for k, v in legal_bi.items()})  # type: ignore[misc]
    for first, second, value in read_counts(corpus / "news-syllable-bigrams.tsv.gz"):
        bigrams[first, second] += NEWS_WEIGHT * int(value)
    vocab = sorted({t for t, c in unigrams.items() if c >= MIN_UNIGRAM and "\n" not in t} | {START, NUM})
    ids = {t: i for i, t in enumerate(vocab)}
    v = len(vocab)
    total = sum(unigrams[t] for t in vocab)
    unigram = array("f", (_rounded_log(max(unigrams[t], 0.5) / total) for t in vocab))
    bigram_scores = {
        ids[a] * v + ids[b]: _rounded_log(c / unigrams[a])
        for (a, b), c in bigrams.items()
        if c >= MIN_BIGRAM and a in ids and b in ids
    }
    trigram_scores = {
        (ids[a] * v + ids[b]) * v + ids[c]: _rounded_log(n / legal_bi[a, b])
        for (a, b, c), n in legal_tri.items()
        if n >= MIN_TRIGRAM and a in ids and b in ids and c in ids
    }
    bigram_keys = sorted(bigram_scores)
    trigram_keys = sorted(trigram_scores)
    header = {
        "format": 2,
        "order": 3,
        "backoff": round(math.log(BACKOFF), 6),
        "unknown": round(math.log(0.5 / total), 6),
        "training_sentences": len(sentences),
        "training_tokens": sum(len(s) - 1 for s in sentences),
        "left_out_documents": sorted(left_out),
        "news_weight": NEWS_WEIGHT,
        "about": "Built by scripts/build_repair_model.py; rebuild and compare with --check.",
        "attribution": ATTRIBUTION,
    }
    arrays = {
        "unigram": unigram,
        "bigram_keys": array("Q", bigram_keys),
        "bigram": array("f", (bigram_scores[k] for k in bigram_keys)),
        "trigram_keys": array("Q", trigram_keys),
        "trigram": array("f", (trigram_scores[k] for k in trigram_keys)),
        "trigram_contexts": array("Q", sorted({k // v for k in trigram_keys})),
    }
    return encode(vocab, arrays, header)


def _rounded_log(probability: float) -> float:
    """ln p to two decimals: finer than the model's own error, and the file compresses better."""
    return round(math.log(probability), 2)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of the LM corpus")
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed model, write nothing"
    )
    args = parser.parse_args()
    data = build(args.corpus)
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_bytes() == data
        print(
            "repair model matches the committed file"
            if same
            else "repair model differs from the committed file"
        )
        return 0 if same else 1
    OUTPUT.write_bytes(data)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(data) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
