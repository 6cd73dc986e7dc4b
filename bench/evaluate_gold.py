"""Accuracy against the gold annotations (tests/fixtures/gold), counted as the project's scorer counts.

Usage: python bench/evaluate_gold.py [-v] [--corpus DIR]

Prints one row per gold file (metadata, sections, tasks found / gold / output, lead, deadline, indicators,
values), then the figures of the gate (tests/test_gold.py: the files whose source is a fixture that reads
without OCR) for the two thirds rules are built from and the held-back third, and, where the corpus beside
the project (../shared/corpus, or --corpus) has the other sources (scanned and large PDFs), the figures of
every file. ``-v`` lists the records missed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from cchc_parse import parse_file  # noqa: E402
from cchc_parse.errors import CchcParseError  # noqa: E402
from gold_eval import Counts, find_source, gold_files, held_back, load_gold, score, summary, thresholds  # noqa: E402

THRESHOLDS = thresholds()


def source_of(name: str, corpus: Path) -> tuple[Path | None, bool]:
    """The source of a gold file, and whether it is in the gate."""
    fixture = find_source(name)
    if fixture is not None and name not in THRESHOLDS["outside_the_gate"]:
        return fixture, True
    return find_source(name, corpus) or fixture, False


def pair(a: int, b: int) -> str:
    return f"{a}/{b}"


def row(c: Counts) -> str:
    sec = "-" if c.sections is None else f"{c.sections[0]}/{c.sections[1]}/{c.sections[2]}"
    tasks = f"{c.tasks[0]}/{c.tasks[1]}/{c.tasks[2]}"
    cells = [pair(*c.meta), sec, tasks, pair(*c.lead), pair(*c.deadline), pair(*c.indicators), pair(*c.value)]
    third = "held" if held_back(c.name) else "    "
    return f"{c.name[:44]:44} {third} " + " ".join(f"{x:>9}" for x in cells)


def figures(title: str, rows: list[Counts]) -> str:
    values = summary(rows)
    shown = ", ".join(f"{k} {100 * v:.1f}" for k, v in values.items() if v is not None)
    return f"{title} ({len(rows)} files): {shown}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", action="store_true", help="list the records missed")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    heads = ["meta", "sections", "tasks", "lead", "deadline", "indic.", "value"]
    print(f"{'file':44} {'':4} " + " ".join(f"{h:>9}" for h in heads))
    gate: list[Counts] = []
    every: list[Counts] = []
    for path in gold_files():
        gold = load_gold(path)
        source, in_gate = source_of(gold["file"], args.corpus)
        if source is None:
            print(f"{gold['file'][:44]:44}      (no source here)")
            continue
        try:
            out = json.loads(parse_file(source).model_dump_json())
        except CchcParseError as exc:
            print(f"{gold['file'][:44]:44}      {exc}")
            out = {}
        counts = score(gold, out)
        print(row(counts) + ("" if in_gate else "   (outside the gate)"))
        if args.v:
            for miss in counts.misses:
                print(f"      missed {miss}")
        every.append(counts)
        if in_gate:
            gate.append(counts)
    print(figures("gate, the two thirds rules are built from", [c for c in gate if not held_back(c.name)]))
    print(figures("gate, the held-back third", [c for c in gate if held_back(c.name)]))
    print(figures("gate, all", gate))
    if len(every) > len(gate):
        print(figures("every gold file with a source here", every))


if __name__ == "__main__":
    main()
