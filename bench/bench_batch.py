"""Batch throughput: `cchc-parse batch` with --jobs 1 and --jobs 2 on the same corpus; speed-up of 2 jobs.

Usage: python bench/bench_batch.py [CORPUS_DIR] [--runs N] [--jobs 1,2]

CORPUS_DIR defaults to ../shared/corpus beside the project (seeds/*.txt and plans/*.md), falling back to
tests/fixtures. The files are copied into one temporary input folder first, so every run sees the same
inputs. Each run is a fresh subprocess `cchc-parse batch IN -o OUT --force --quiet --jobs N` into a fresh
OUT. After one untimed warm-up run per job count, runs alternate between the job counts (so that noise
from other processes hits all alike); figures are medians of --runs runs. Reported: the wall time of the
whole command (with interpreter start-up and imports) and the batch's own time from its summary (without
them), as documents/s and pages/s (text pages estimated as characters / 3000), and the speed-up of each
job count over the first. Other processes using the CPU (check `uptime`) distort the figures.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    wall: float
    batch: float
    cpu: float  # user + system seconds of the command and its workers
    done: int
    pages: int


def copy_corpus(corpus: Path, target: Path) -> int:
    """Copy seeds/*.txt and plans/*.md into ``target``; return the number of files."""
    count = 0
    for folder, pattern in (("seeds", "*.txt"), ("plans", "*.md")):
        (target / folder).mkdir(parents=True, exist_ok=True)
        for path in sorted((corpus / folder).glob(pattern)):
            shutil.copy(path, target / folder / path.name)
            count += 1
    return count


def run_batch(inputs: Path, out: Path, jobs: int) -> Run:
    command = [sys.executable, "-m", "cchc_parse", "batch", str(inputs), "-o", str(out)]
    command += ["--jobs", str(jobs), "--force", "--quiet"]
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    if result.returncode not in (0, 1):
        sys.exit(f"batch failed ({result.returncode}):\n{result.stderr}")
    return Run(
        wall,
        _figure(result.stderr, "time"),
        cpu,
        int(_figure(result.stderr, "done")),
        int(_figure(result.stderr, "pages")),
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _figure(summary: str, name: str) -> float:
    match = re.search(rf"\b{name}\s*\|\s*([\d.]+)", summary)
    if match is None:
        sys.exit(f"no '{name}' in the batch summary:\n{summary}")
    return float(match.group(1))


def measure(inputs: Path, work: Path, job_counts: list[int], runs: int) -> dict[int, list[Run]]:
    """Runs per job count; they alternate between job counts so that noise hits all alike."""
    for jobs in job_counts:
        run_batch(inputs, work / f"warm-{jobs}", jobs)
    results: dict[int, list[Run]] = {jobs: [] for jobs in job_counts}
    for i in range(runs):
        for jobs in job_counts:
            results[jobs].append(run_batch(inputs, work / f"out-{jobs}-{i}", jobs))
    return results


def combine(runs: list[Run], how: Callable[[list[float]], float]) -> Run:
    """One figure per field: the median, or the best (min) run, which is less sensitive to other load."""
    return Run(
        wall=how([r.wall for r in runs]),
        batch=how([r.batch for r in runs]),
        cpu=how([r.cpu for r in runs]),
        done=runs[0].done,
        pages=runs[0].pages,
    )


def _rates(seconds: float, r: Run) -> str:
    return f"{seconds:.2f} s ({r.done / seconds:.1f} documents/s, {r.pages / seconds:.0f} pages/s)"


def _speedup(results: dict[int, Run], jobs: int, base: int) -> str:
    r, b = results[jobs], results[base]
    return f"{b.wall / r.wall:.2f}x wall, {b.batch / r.batch:.2f}x batch alone"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts (the first is the base)")
    args = parser.parse_args()
    corpus = args.corpus if (args.corpus / "plans").is_dir() else ROOT / "tests" / "fixtures"
    job_counts = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        count = copy_corpus(corpus, work / "in")
        size = sum(p.stat().st_size for p in (work / "in").rglob("*") if p.is_file())
        print(f"corpus: {corpus} — {count} files, {size / 1e6:.2f} MB; median of {args.runs} runs each")
        runs = measure(work / "in", work, job_counts, args.runs)
    medians = {jobs: combine(rs, statistics.median) for jobs, rs in runs.items()}
    best = {jobs: combine(rs, min) for jobs, rs in runs.items()}
    base = medians[job_counts[0]]
    for jobs, r in medians.items():
        print(f"--jobs {jobs}: {_rates(r.wall, r)} wall; {_rates(r.batch, r)} batch alone; CPU {r.cpu:.2f} s")
    first = job_counts[0]
    for jobs in job_counts[1:]:
        print(
            f"speed-up of --jobs {jobs} over --jobs {first}: {_speedup(medians, jobs, first)} (medians); "
            f"{_speedup(best, jobs, first)} (best runs)"
        )
    print(
        f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs"
    )
    print(f"documents: {base.done}, pages: {base.pages}; batch alone = without start-up and imports")


if __name__ == "__main__":
    main()
