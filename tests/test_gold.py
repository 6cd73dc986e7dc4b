"""The evaluation gate: the parser's records against the hand-made gold annotations of tests/fixtures/gold.

Every gold file whose source is a fixture and reads without OCR (text, markdown, Word, text-layer PDF) is
parsed and scored as the project's scorer scores it (tests/gold_eval.py). The figures of the two thirds the
rules are built from and of the held-back third are each held to the floors stored in
tests/fixtures/gold/thresholds.json, which also holds the digest of the gold set they were measured on. A
floor is raised when the parser improves and never lowered without a written reason in that file;
``python bench/evaluate_gold.py`` prints the table and the figures (and scores the scanned PDFs too).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_parse import parse_file
from gold_eval import (
    Counts,
    digest,
    find_source,
    gold_files,
    held_back,
    load_gold,
    score,
    summary,
    thresholds,
)

THRESHOLDS = thresholds()


def source_of(name: str) -> Path | None:
    """The fixture a gold file annotates, if it is in the gate (PDFs that need OCR are not)."""
    if name in THRESHOLDS["outside_the_gate"]:
        return None
    return find_source(name)


def gated() -> list[Path]:
    return [p for p in gold_files() if source_of(load_gold(p)["file"]) is not None]


@pytest.fixture(scope="module")
def counts() -> list[Counts]:
    out = []
    for path in gated():
        gold = load_gold(path)
        source = source_of(gold["file"])
        assert source is not None
        out.append(score(gold, json.loads(parse_file(source).model_dump_json())))
    return out


def test_the_floors_belong_to_this_gold_set() -> None:
    assert THRESHOLDS["digest"] == digest(gated()), (
        "the gold set changed: measure again (python bench/evaluate_gold.py), store the new floors and "
        "digest in thresholds.json, and say why any floor went down"
    )


@pytest.mark.parametrize("third", ["built_from", "held_back"])
def test_figures_stay_above_their_floors(counts: list[Counts], third: str) -> None:
    rows = [c for c in counts if held_back(c.name) == (third == "held_back")]
    figures = summary(rows)
    floors = THRESHOLDS["floors"][third]
    low = {k: (round(figures[k] or 0, 3), floor) for k, floor in floors.items() if (figures[k] or 0) < floor}
    assert not low, f"{third}: below the floor (figure, floor): {low}"


def test_every_gold_file_is_in_the_gate_or_said_to_be_outside_it() -> None:
    for path in gold_files():
        name = load_gold(path)["file"]
        assert source_of(name) is not None or name in THRESHOLDS["outside_the_gate"], name
    assert len(gated()) >= 40
