"""DOCX reading speed in documents per second.

Usage: python bench/bench_docx.py [DOCX_DIR] [--runs N]

DOCX_DIR defaults to ../shared/corpus/docx beside the project, falling back to tests/fixtures/docx. Every
.docx file of the folder is read from memory (the bytes are loaded once, before timing) in each run, and the
median of N runs (default 5) is reported, by wall-clock time and by the process's CPU time (steadier when
other processes load the machine), for:

* ``open only``: python-docx opening the package (unzip and XML parsing), the floor;
* ``read blocks``: ``read_docx_bytes`` (package checks, body, numbering, tables: the intermediate document);
* ``full parse``: ``parse_file`` (reading plus structure, extraction and validation of the output).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import docx  # noqa: E402

from cchc_parse import parse_file  # noqa: E402
from cchc_parse.readers.docx import read_docx_bytes  # noqa: E402

DEFAULT_DIRS = (ROOT.parent / "shared" / "corpus" / "docx", ROOT / "tests" / "fixtures" / "docx")


def corpus(folder: Path | None) -> list[Path]:
    for candidate in [folder] if folder else DEFAULT_DIRS:
        files = sorted(candidate.glob("*.docx")) if candidate.is_dir() else []
        if files:
            return files
    raise SystemExit("no .docx files found")


def median_rate(count: int, runs: int, work: Callable[[], None]) -> tuple[float, float]:
    """Median documents/s over ``runs`` runs by wall-clock time and by this process's CPU time."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return count / statistics.median(wall), count / statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    files = corpus(args.folder)
    data = {path: path.read_bytes() for path in files}
    size = sum(len(b) for b in data.values())
    print(f"{len(files)} DOCX files, {size / 1e6:.2f} MB, from {files[0].parent}; median of {args.runs} runs")

    def open_only() -> None:
        for blob in data.values():
            docx.Document(io.BytesIO(blob))

    def read_blocks() -> None:
        for path, blob in data.items():
            read_docx_bytes(blob, path=str(path))

    def full_parse() -> None:
        for path in files:
            parse_file(path)

    full_parse()  # warm-up: data files, regex caches
    for name, work in (("open only", open_only), ("read blocks", read_blocks), ("full parse", full_parse)):
        rate, cpu_rate = median_rate(len(files), args.runs, work)
        print(f"{name:12} {rate:8.1f} documents/s  ({cpu_rate:.1f} documents/s of CPU time)")


if __name__ == "__main__":
    main()
