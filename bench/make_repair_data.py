"""Make the repair benchmark's texts, bench/data/repair/<name>.{clean,eng,vie,scan,scanvie}.txt.

    python bench/make_repair_data.py [--corpus ../shared/corpus/lm] [--jobs 2]

Evaluation documents: the four held-out documents of legal-documents.txt.gz (bench/data/repair/holdout.txt;
never used for the OCR channel's pairs nor the language model) and seed 000 (tests/fixtures/seeds, the
clean text of a Sơn La decision, not in that corpus). From each held-out document the prose paragraphs
(scripts/ocr_render.py ``paragraphs``) from its start, up to about 2,750 syllables (at most 3,000); seed
000 whole. The text is wrapped for Liberation Serif 13 pt (a Times-like serif, what most Vietnamese official
documents are set in), set on A4 pages at 300 dpi and read by Tesseract 5 with ``-l eng`` and ``-l vie``,
and with ``-l eng`` and ``-l vie`` once more after a simulated scan of the page (scripts/ocr_render.py
``degrade``).

Files, UTF-8, one line per rendered line in <name>.clean.txt; <name>.eng.txt, <name>.vie.txt,
<name>.scan.txt and <name>.scanvie.txt hold Tesseract's output as it gave it (page after page, lines
kept). Names: the document id for held-out documents, "seed000" for seed 000. bench/bench_repair.py scores
the repair step on them. Tesseract's output depends on its version (5.3.0 here).
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import ocr_render  # noqa: E402
from generate_ocr_pairs import DEFAULT_CORPUS, holdout_ids, read_documents  # noqa: E402

OUT = ROOT / "bench" / "data" / "repair"
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_a7882dc0dd6dec42.txt"
SEED_NAME = "seed000"
FONT = ocr_render.FONTS["LiberationSerif"]
SIZE = 13.0
LANGS = ("eng", "vie")
TARGET_SYLLABLES = 2750
MAX_SYLLABLES = 3000


def syllables(text: str) -> int:
    return sum(1 for token in text.split() if any(c.isalpha() for c in token))


def take(paras: list[str]) -> list[str]:
    """Paragraphs from the start up to about TARGET_SYLLABLES syllables, never more than MAX_SYLLABLES."""
    taken: list[str] = []
    total = 0
    for para in paras:
        if total >= TARGET_SYLLABLES:
            break
        words = para.split()
        room = MAX_SYLLABLES - total
        if syllables(para) > room:  # cut the last paragraph short
            kept: list[str] = []
            for word in words:
                if syllables(" ".join([*kept, word])) > room:
                    break
                kept.append(word)
            para = " ".join(kept)
        taken.append(para)
        total += syllables(para)
    return taken


def pages(lines: list[str]) -> list[list[str]]:
    room = ocr_render.lines_per_page(SIZE)
    return [lines[i : i + room] for i in range(0, len(lines), room)]


def read_page(lines: list[str]) -> dict[str, str]:
    """The page read by Tesseract in each language, and after a simulated scan ("scan": -l eng, "scanvie")."""
    image = ocr_render.render_page(lines, FONT, SIZE)
    read = {lang: ocr_render.ocr(image, lang) for lang in LANGS}
    scanned = ocr_render.degrade(image, seed=zlib.crc32("\n".join(lines).encode("utf-8")))
    read["scan"] = ocr_render.ocr(scanned, "eng")
    read["scanvie"] = ocr_render.ocr(scanned, "vie")
    return read


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    started = time.perf_counter()

    held = sorted(holdout_ids())
    texts: dict[str, list[str]] = {}
    for doc, text in read_documents(args.corpus):
        if doc in held:
            texts[doc] = take(ocr_render.paragraphs(text))
    missing = set(held) - set(texts)
    if missing:
        raise SystemExit(f"held-out documents not in the corpus: {sorted(missing)}")
    seed = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    texts[SEED_NAME] = [line.strip() for line in seed.splitlines() if line.strip()]

    names = [*held, SEED_NAME]
    lines = {name: ocr_render.wrap(texts[name], font_path=FONT, size_pt=SIZE) for name in names}
    jobs = [(name, page) for name in names for page in pages(lines[name])]
    print(f"{len(names)} documents, {len(jobs)} pages", flush=True)
    read: dict[str, list[dict[str, str]]] = {name: [] for name in names}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = pool.map(read_page, [page for _, page in jobs])
        for done, ((name, _), result) in enumerate(zip(jobs, results, strict=True), start=1):
            read[name].append(result)
            print(f"page {done}/{len(jobs)} {name} ({time.perf_counter() - started:.0f} s)", flush=True)

    OUT.mkdir(parents=True, exist_ok=True)
    for name in names:
        write(OUT / f"{name}.clean.txt", "\n".join(lines[name]) + "\n")
        for kind in (*LANGS, "scan", "scanvie"):
            write(OUT / f"{name}.{kind}.txt", "".join(page[kind] + "\n" for page in read[name]))
        count = sum(syllables(line) for line in lines[name])
        print(f"{name}: {len(lines[name])} lines, {count} syllables, {len(read[name])} pages", flush=True)
    total = sum(path.stat().st_size for path in OUT.glob("*.txt"))
    print(f"wrote {OUT} ({total:,} bytes in all)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
