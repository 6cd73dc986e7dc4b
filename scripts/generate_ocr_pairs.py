"""Make the OCR channel's training pairs, scripts/data/ocr_pairs.tsv, by rendering and OCRing corpus text.

    python scripts/generate_ocr_pairs.py [--corpus ../shared/corpus/lm] [--pages 120] [--seed 2026] [--jobs 2]

Paragraphs of the training documents of legal-documents.txt.gz (all but those listed in
bench/data/repair/holdout.txt) are picked at random (seeded) and set on A4 pages, each page in one of five
fonts (Liberation Serif, DejaVu Serif, FreeSerif, Liberation Sans, DejaVu Sans) at 11-14 pt, rendered at
300 dpi (every other page then put through a simulated scan: turned, blurred, scanned at 150-200 dpi,
speckled, thresholded) and read by Tesseract twice, ``-l eng`` and ``-l vie`` (scripts/ocr_render.py). The
OCR lines are aligned with the rendered lines and their tokens with the clean tokens (substitutions and
matches; tokens that the OCR split or merged are left out). Output: one row per (lang, clean token, OCR
token) with its count, both tokens lower case NFC, only pairs whose clean token is a word of Vietnamese
letters; sorted. ``scripts/build_ocr_channel.py`` turns it into src/cchc_parse/data/ocr_channel.json.

Needs ``tesseract`` with the eng and vie models and the fonts (fonts-liberation2, fonts-dejavu-core,
fonts-freefont-ttf). Runs for a few minutes. Tesseract's output depends on its version (5.3.0 here), so
a rerun elsewhere may give slightly different counts.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ocr_render

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "lm"
HOLDOUT = ROOT / "bench" / "data" / "repair" / "holdout.txt"
OUTPUT = ROOT / "scripts" / "data" / "ocr_pairs.tsv"
MAX_PLAIN_BYTES = 1_000_000  # larger output is written gzipped (ocr_pairs.tsv.gz)

FONT_NAMES = ("LiberationSerif", "DejaVuSerif", "FreeSerif", "LiberationSans", "DejaVuSans")
SIZES = (11.0, 12.0, 13.0, 14.0)
LANGS = ("eng", "vie")
MIN_DOC_PARAGRAPHS = 3  # documents with fewer prose paragraphs are title pages and notices
_DOCUMENT = re.compile(r"^<<<document (\w+)>>>\n", re.MULTILINE)
# The combining marks of Vietnamese letters: tones (grave, acute, tilde, hook, dot below) and the
# circumflex, breve and horn.
_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


@dataclass(frozen=True)
class Page:
    number: int
    font: str
    size: float
    lines: tuple[str, ...]


def read_documents(corpus: Path) -> Iterator[tuple[str, str]]:
    with gzip.open(corpus / "legal-documents.txt.gz", "rt", encoding="utf-8") as handle:
        parts = _DOCUMENT.split(handle.read())
    yield from zip(parts[1::2], parts[2::2], strict=True)


def holdout_ids() -> set[str]:
    lines = HOLDOUT.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def is_vietnamese_word(token: str) -> bool:
    """True when ``token`` is made of letters of the Vietnamese alphabet only (ASCII letters, đ, marked
    vowels), e.g. "của", "UBND"; False for "S¢", "c6ng", "x·".
    """
    if not token:
        return False
    for char in token:
        if char in "đĐ":
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if not (base.isascii() and base.isalpha()) or any(m not in _VIETNAMESE_MARKS for m in marks):
            return False
    return True


def plan_pages(documents: dict[str, list[str]], pages: int, seed: int) -> list[Page]:
    """``pages`` pages of randomly chosen runs of paragraphs, fonts and sizes taking turns."""
    rng = random.Random(seed)
    combos = [(font, size) for font in FONT_NAMES for size in SIZES]
    rng.shuffle(combos)
    ids = sorted(doc for doc, paras in documents.items() if len(paras) >= MIN_DOC_PARAGRAPHS)
    used: set[tuple[str, int]] = set()
    planned: list[Page] = []
    for number in range(pages):
        font, size = combos[number % len(combos)]
        path = ocr_render.FONTS[font]
        room = ocr_render.lines_per_page(size)
        lines: list[str] = []
        while len(lines) < room:
            doc = rng.choice(ids)
            paras = documents[doc]
            start = rng.randrange(len(paras))
            for index in range(start, min(start + rng.randint(2, 6), len(paras))):
                if (doc, index) in used or len(lines) >= room:
                    break
                used.add((doc, index))
                lines.extend(ocr_render.wrap([paras[index]], font_path=path, size_pt=size))
        planned.append(Page(number, font, size, tuple(lines[:room])))
    return planned


def ocr_page(page: Page) -> tuple[Page, dict[str, str]]:
    """The page rendered and read in both languages (runs in a worker process); odd pages go through a
    simulated scan first (ocr_render.degrade), as many real documents did."""
    image = ocr_render.render_page(list(page.lines), ocr_render.FONTS[page.font], page.size)
    if page.number % 2:
        image = ocr_render.degrade(image, seed=page.number)
    return page, {lang: ocr_render.ocr(image, lang) for lang in LANGS}


def write_pairs(counts: Counter[tuple[str, str, str]], output: Path) -> Path:
    rows = ["lang\tclean\tocr\tcount"]
    rows += [f"{lang}\t{clean}\t{seen}\t{n}" for (lang, clean, seen), n in sorted(counts.items())]
    data = ("\n".join(rows) + "\n").encode("utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    zipped = output.with_name(output.name + ".gz")
    stale = zipped if len(data) <= MAX_PLAIN_BYTES else output
    stale.unlink(missing_ok=True)
    if len(data) <= MAX_PLAIN_BYTES:
        output.write_bytes(data)
        return output
    zipped.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return zipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    held = holdout_ids()
    documents = {
        doc: ocr_render.paragraphs(text) for doc, text in read_documents(args.corpus) if doc not in held
    }
    print(f"{len(documents)} training documents ({len(held)} held out)", flush=True)
    pages = plan_pages(documents, args.pages, args.seed)
    print(f"{len(pages)} pages, {sum(len(p.lines) for p in pages)} lines planned", flush=True)

    counts: Counter[tuple[str, str, str]] = Counter()
    stats = {lang: Counter[str]() for lang in LANGS}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for done, (page, texts) in enumerate(pool.map(ocr_page, pages), start=1):
            report = []
            for lang in LANGS:
                lines = ocr_render.align_lines(list(page.lines), texts[lang])
                stat = stats[lang]
                stat["lines"] += len(page.lines)
                stat["aligned lines"] += len(lines)
                for clean_line, ocr_line in lines:
                    stat["clean tokens"] += len(ocr_render.tokens(clean_line))
                    for clean, seen in ocr_render.align_tokens(clean_line, ocr_line):
                        stat["token pairs"] += 1
                        stat["changed"] += clean != seen
                        if is_vietnamese_word(clean):
                            counts[lang, clean.lower(), seen.lower()] += 1
                report.append(f"{lang} {len(lines)}/{len(page.lines)} lines")
            elapsed = time.perf_counter() - started
            where = f"page {done}/{len(pages)} {page.font} {page.size:g}pt"
            print(f"{where}: {', '.join(report)} ({elapsed:.0f} s)", flush=True)

    for lang in LANGS:
        stat = stats[lang]
        kept = sum(n for (lg, _, _), n in counts.items() if lg == lang)
        print(
            f"{lang}: {stat['aligned lines']}/{stat['lines']} lines aligned, {stat['token pairs']} token "
            f"pairs of {stat['clean tokens']} clean tokens, {stat['changed']} changed; {kept} pairs of "
            "Vietnamese words kept",
            flush=True,
        )
    path = write_pairs(counts, args.output)
    print(f"wrote {path} ({path.stat().st_size:,} bytes, {len(counts)} rows)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
