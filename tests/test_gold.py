"""Evaluation gate: parser output against hand-made gold annotations.

Minimum scores are stored in tests/fixtures/gold/thresholds.json; CI may not drop below them. Raise them
when the parser improves (python bench/evaluate_gold.py prints the current figures).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_parse import parse_file
from gold_scoring import (
    FIXTURES,
    GOLD_DIR,
    Score,
    gold_names,
    load_gold,
    score_indicators,
    score_sections,
    score_tasks,
)

THRESHOLDS = json.loads((GOLD_DIR / "thresholds.json").read_text(encoding="utf-8"))


def source_of(name: str) -> Path:
    for folder in ("seeds", "plans"):
        if (FIXTURES / folder / name).exists():
            return FIXTURES / folder / name
    raise FileNotFoundError(name)


def minimums(name: str) -> dict[str, float]:
    overrides = {k: v for k, v in THRESHOLDS["files"].get(name, {}).items() if not k.startswith("_")}
    return {**THRESHOLDS["default"], **overrides}


def check(score: Score, figure: str, value: float, minimum: float) -> None:
    assert value >= minimum, f"{score.name} {figure} {value:.3f} < {minimum}: {score.misses[:8]}"


@pytest.mark.parametrize("name", gold_names())
def test_gold_annotations_are_reproduced(name: str) -> None:
    gold = load_gold(name)
    doc = parse_file(source_of(name))
    need = minimums(name)
    sections, tasks, indicators = (
        score_sections(gold, doc),
        score_tasks(gold, doc),
        score_indicators(gold, doc),
    )
    check(sections, "recall", sections.recall, need["sections"])
    check(tasks, "recall", tasks.recall, need["task_recall"])
    check(tasks, "lead", tasks.rate("lead"), need["task_lead"])
    check(tasks, "deadline", tasks.rate("deadline"), need["task_deadline"])
    check(indicators, "recall", indicators.recall, need["indicator_recall"])
    check(indicators, "value", indicators.rate("value"), need["indicator_value"])


def test_every_gold_file_has_its_source_fixture() -> None:
    names = gold_names()
    assert len(names) >= 3
    for name in names:
        assert source_of(name).is_file()
