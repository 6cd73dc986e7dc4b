"""Parsing speed on real plans: in-process MB/s and ms per document, and CLI wall time.

Usage: python bench/bench_parse.py [CORPUS_DIR] [--runs N]

CORPUS_DIR defaults to ../shared/corpus beside the project (seeds/ and plans/ are read), falling back to
tests/fixtures. The reference measured in the same run is `cat` of the same files. Figures are medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cchc_parse import parse_file  # noqa: E402
from cchc_parse.errors import CchcParseError  # noqa: E402

PAGE_CHARS = 3000  # about one A4 page of a Vietnamese plan, in characters (~1.3 UTF-8 bytes each)


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "plans").glob("*.md"))
    return [f for f in files if f.is_file()]


def time_parse(files: list[Path], runs: int) -> tuple[list[float], dict[Path, float]]:
    totals: list[float] = []
    per_doc: dict[Path, list[float]] = {f: [] for f in files}
    for _ in range(runs):
        start = time.perf_counter()
        for f in files:
            t0 = time.perf_counter()
            try:
                parse_file(f)
            except CchcParseError as exc:
                print(f"  skipped {f.name}: {exc.reason}")
            per_doc[f].append(time.perf_counter() - t0)
        totals.append(time.perf_counter() - start)
    return totals, {f: statistics.median(ts) for f, ts in per_doc.items()}


def time_command(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    corpus = args.corpus if (args.corpus / "plans").is_dir() else ROOT / "tests" / "fixtures"
    files = corpus_files(corpus)
    size = sum(f.stat().st_size for f in files)
    print(f"corpus: {corpus} — {len(files)} files, {size / 1e6:.2f} MB, runs: {args.runs}")

    parse_file(files[0])  # warm up: lazy data files and regex compilation
    totals, per_doc = time_parse(files, args.runs)
    total = statistics.median(totals)
    cat = time_command(["cat", *map(str, files)], args.runs)
    print(
        f"in-process parse: {size / 1e6 / total:.2f} MB/s (median of {args.runs} passes, {total:.3f} s/pass)"
    )
    print(
        f"  per document: median {1000 * statistics.median(per_doc.values()):.1f} ms, "
        f"max {1000 * max(per_doc.values()):.1f} ms"
    )
    print(f"reference `cat` of the same files: {size / 1e6 / cat:.1f} MB/s ({cat * 1000:.1f} ms)")

    largest = max(files, key=lambda f: f.stat().st_size)
    fifty = fifty_page_plan(largest)
    cli = [sys.executable, "-m", "cchc_parse", str(fifty), "--compact", "-o", os.devnull]
    wall = time_command(cli, args.runs)
    bare = time_command([sys.executable, "-c", "pass"], args.runs)
    imports = time_command([sys.executable, "-c", "import cchc_parse.cli"], args.runs)
    size_kb = fifty.stat().st_size // 1000
    print(f"CLI wall time on a 50-page plan ({largest.name} extended to {size_kb} KB): {wall:.3f} s")
    print(f"  (median of {args.runs}; python start-up {bare:.3f} s, start-up + imports {imports:.3f} s)")


def fifty_page_plan(source: Path) -> Path:
    """The largest real plan, its body repeated until it is 50 pages long (a temporary file)."""
    text = source.read_text(encoding="utf-8-sig")
    body = text[len(text) // 5 :]
    target = int(50 * PAGE_CHARS * 1.3)
    while len(text.encode("utf-8")) < target:
        text += "\n\n" + body
    out = Path(tempfile.gettempdir()) / "cchc-bench-50-pages.md"
    out.write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
