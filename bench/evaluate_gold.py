"""Accuracy against the hand-made gold annotations in tests/fixtures/gold (prints the figures).

Usage: python bench/evaluate_gold.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from cchc_parse import parse_file  # noqa: E402
from gold_scoring import FIXTURES, gold_names, load_gold, score_indicators, score_sections, score_tasks  # noqa: E402


def source_of(name: str) -> Path:
    return next(p for p in (FIXTURES / "seeds" / name, FIXTURES / "plans" / name) if p.exists())


def main() -> None:
    verbose = "-v" in sys.argv
    totals: dict[str, list[float]] = {}
    print(f"{'file':42} {'sections':>8} {'tasks':>7} {'lead':>6} {'deadl.':>6} {'indic.':>7} {'value':>6}")
    for name in gold_names():
        gold, doc = load_gold(name), parse_file(source_of(name))
        s, t, i = score_sections(gold, doc), score_tasks(gold, doc), score_indicators(gold, doc)
        row = [s.recall, t.recall, t.rate("lead"), t.rate("deadline"), i.recall, i.rate("value")]
        print(f"{name:42} " + " ".join(f"{v:>7.3f}" for v in row))
        for key, score in (("sections", s), ("tasks", t), ("indicators", i)):
            totals.setdefault(key + "_found", []).append(score.found)
            totals.setdefault(key + "_gold", []).append(score.gold)
            if verbose:
                for miss in score.misses:
                    print(f"    {key}: {miss}")
    for key in ("sections", "tasks", "indicators"):
        found, gold = sum(totals[key + "_found"]), sum(totals[key + "_gold"])
        print(f"micro-averaged {key} recall: {found / gold if gold else 1:.3f} ({found:.0f}/{gold:.0f})")


if __name__ == "__main__":
    main()
