"""How many times the item-label patterns run while a plan is parsed, and how long the parse takes.

Usage: python bench/bench_labels.py [FILE ...] [--runs N]

The label patterns are every compiled pattern of the package that matches an item label ("I.", "1.2.",
"a)", "-", "Điều 3."): each is replaced, wherever a module holds it, by a proxy that counts its calls, split
by the pipeline stage that made them ("reading": the reader itself; before the document stages existed,
reading included layout, and "plan stages" were all the others). Files default to seed
001 and bench_parse.py's 50-page plan (../shared/corpus beside the project, else tests/fixtures).
The reference timed in the same run is reading alone (``read_document``). Figures are medians.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import cchc_parse  # noqa: E402
from cchc_parse import api, pipeline  # noqa: E402

PAGE_CHARS = 3000  # one A4 page of a plan, in characters
LABEL_SIGNS = ("(?P<roman>", "(?P<decimal>", "(?P<letter>", r"Điều\s+")
COUNTS: Counter[str] = Counter()
PHASE = ["reading"]


class Counted:
    """A compiled pattern that counts its calls under the current phase."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self._pattern = pattern

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._pattern, name)
        if name in ("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall"):

            def counted(*args: Any, **kwargs: Any) -> Any:
                COUNTS[PHASE[0]] += 1
                return attr(*args, **kwargs)

            return counted
        return attr


def install_counters() -> list[str]:
    """Replace every label pattern in every loaded cchc_parse module; the names replaced."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(cchc_parse.__path__, "cchc_parse."):
        if ".cli" not in info.name and not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    replaced: dict[int, Counted] = {}
    names = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("cchc_parse") or not isinstance(module, ModuleType):
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, re.Pattern) and any(s in str(value.pattern) for s in LABEL_SIGNS):
                proxy = replaced.setdefault(id(value), Counted(value))
                setattr(module, attr, proxy)
                names.append(f"{name}.{attr}")
    return names


def fifty_pages() -> Path:
    """The 50-page plan of bench_parse.py: the largest real plan, its body repeated."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_parse import corpus_files, fifty_page_plan

    shared = ROOT.parent / "shared" / "corpus"
    files = corpus_files(shared) or corpus_files(ROOT / "tests" / "fixtures")
    return fifty_page_plan(max(files, key=lambda f: f.stat().st_size))


def count_stages() -> None:
    """Count under each pipeline stage's name while it runs (the reader's own work counts as "reading")."""
    if not hasattr(pipeline, "DOCUMENT_STAGES"):  # before the document stages existed: one phase
        return

    def counted(name: str, stage: Any) -> Any:
        def run(parse: Any) -> None:
            PHASE[0] = name
            stage(parse)
            PHASE[0] = "reading"

        return run

    for attr in ("DOCUMENT_STAGES", "PLAN_STAGES", "STAGES"):
        setattr(pipeline, attr, tuple((n, counted(n, f)) for n, f in getattr(pipeline, attr)))


def count_one(path: Path) -> Counter[str]:
    COUNTS.clear()
    PHASE[0] = "reading"
    document = api.read_document(path)
    PHASE[0] = "plan stages" if not hasattr(pipeline, "DOCUMENT_STAGES") else "reading"
    pipeline.build_plan_document(document)
    return Counter(COUNTS)


def time_one(path: Path, runs: int) -> tuple[float, float]:
    whole, reading = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        document = api.read_document(path)
        t1 = time.perf_counter()
        pipeline.build_plan_document(document)
        whole.append(time.perf_counter() - t0)
        reading.append(t1 - t0)
    return statistics.median(whole), statistics.median(reading)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    seed = ROOT.parent / "shared" / "corpus" / "seeds" / "001_29c53701c476ea68.txt"
    if not seed.is_file():
        seed = ROOT / "tests" / "fixtures" / "seeds" / "001_29c53701c476ea68.txt"
    files = args.files or [seed, fifty_pages()]
    for path in files:  # timed before the counters go in, so that they cost nothing here
        api.read_document(path)
    times = {path: time_one(path, args.runs) for path in files}
    names = install_counters()
    count_stages()
    print(f"label patterns counted: {len(names)} names ({', '.join(sorted(names))})")
    for path in files:
        counts = count_one(path)
        whole, reading = times[path]
        phases = ", ".join(f"{name} {n}" for name, n in counts.items())
        print(
            f"{path.name}: label patterns run {sum(counts.values())} times ({phases}); parse "
            f"{whole * 1000:.1f} ms (read_document alone {reading * 1000:.1f} ms), median of {args.runs}"
        )


if __name__ == "__main__":
    main()
