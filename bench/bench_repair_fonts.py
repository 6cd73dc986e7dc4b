"""How the diacritic repair holds up on other fonts and sizes than bench_repair.py's Liberation Serif 13 pt.

Usage: python bench/bench_repair_fonts.py [--jobs 2] [FONT:SIZE ...]

The clean texts of bench/data/repair (held-out documents, never trained on) are set again in each font
and size (scripts/ocr_render.py: A4 pages at 300 dpi), read by ``tesseract -l eng`` and repaired; the
benchmark prints the pooled syllable accuracy of the OCR output and of the repaired text (the metric of
bench_repair.py). Fonts: the keys of ocr_render.FONTS (LiberationSerif, DejaVuSerif, FreeSerif,
LiberationSans, DejaVuSans). Needs Tesseract; takes a minute or two per font and size on two cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

import bench_repair  # noqa: E402
import ocr_render  # noqa: E402

DEFAULT = ("LiberationSerif:13", "FreeSerif:13", "DejaVuSerif:13", "LiberationSerif:11", "LiberationSerif:14")


def read_page(job: tuple[list[str], str, float]) -> str:
    lines, font, size = job
    return ocr_render.ocr(ocr_render.render_page(lines, ocr_render.FONTS[font], size), "eng")


def ocr_documents(clean: dict[str, str], font: str, size: float, jobs: int) -> dict[str, tuple[str, str]]:
    """name → (the clean text wrapped for the font, what Tesseract read of it)."""
    pages: list[tuple[str, list[str]]] = []
    wrapped: dict[str, str] = {}
    for name, text in clean.items():
        lines = ocr_render.wrap(text.splitlines(), font_path=ocr_render.FONTS[font], size_pt=size)
        wrapped[name] = "\n".join(lines)
        room = ocr_render.lines_per_page(size)
        pages += [(name, lines[i : i + room]) for i in range(0, len(lines), room)]
    read: dict[str, str] = dict.fromkeys(clean, "")
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        texts = pool.map(read_page, [(lines, font, size) for _, lines in pages])
        for (name, _), text in zip(pages, texts, strict=True):
            read[name] += text + "\n"
    return {name: (wrapped[name], read[name]) for name in clean}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("configs", nargs="*", default=DEFAULT, metavar="FONT:SIZE")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    clean = {name: parts["clean"] for name, parts in bench_repair.load_texts().items()}
    corrector = bench_repair.load_corrector(stub=False)
    print(f"{len(clean)} documents; tesseract -l eng; pooled syllable accuracy")
    print("font              size    OCR output   repaired   (syllables, seconds)")
    for config in args.configs:
        font, _, size_text = config.partition(":")
        if font not in ocr_render.FONTS or not size_text:
            raise SystemExit(f"{config}: expected FONT:SIZE with FONT one of {', '.join(ocr_render.FONTS)}")
        started = time.perf_counter()
        documents = ocr_documents(clean, font, float(size_text), args.jobs)
        before = after = total = 0
        for wrapped, read in documents.values():
            reference = bench_repair.syllables(wrapped)
            before += bench_repair.errors(reference, bench_repair.syllables(read))
            after += bench_repair.errors(reference, bench_repair.syllables(corrector.repair(read)))
            total += len(reference)
        print(
            f"{font:16} {float(size_text):5.1f}   {100 * (1 - before / total):9.2f}%  "
            f"{100 * (1 - after / total):8.2f}%   ({total:,}, {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
