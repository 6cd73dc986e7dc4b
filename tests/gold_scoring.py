"""Scoring parser output against hand-made gold annotations (format: tests/fixtures/gold/SPEC.md).

Used by tests/test_gold.py (the evaluation gate) and bench/evaluate_gold.py (prints the figures).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from cchc_parse.models import PlanDocument, Section

FIXTURES = Path(__file__).parent / "fixtures"
GOLD_DIR = FIXTURES / "gold"
MATCH_MIN = 88.0  # rapidfuzz ratio of two text prefixes that name the same record


def norm(text: str | None) -> str:
    """Compare texts the way the gold was copied: NFC, no markdown stars or quotes, folded spaces and case."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).replace("*", "")
    text = re.sub(r"\s+", " ", text).strip(" .;:,").casefold()
    return text.replace("uỷ", "ủy").replace("hoá", "hóa").replace("thuỷ", "thủy")


@dataclass
class Score:
    name: str
    gold: int = 0
    found: int = 0
    correct: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def rate(self, key: str) -> float:
        return self.correct.get(key, 0) / self.found if self.found else 1.0


def _match(
    gold_texts: list[str],
    predicted: list[str],
    gold_kinds: list[str] | None = None,
    kinds: list[str] | None = None,
) -> list[int | None]:
    """Greedy one-to-one matching of gold texts to predicted texts by prefix similarity.

    Plans repeat some texts word for word (a table row and a bullet); the same kind (task origin) wins a tie.
    """
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold_texts:
        g_norm = norm(g)[:110]
        best, best_score = None, MATCH_MIN
        for i, p in enumerate(predicted):
            if i in used:
                continue
            score = fuzz.ratio(g_norm, norm(p)[: len(g_norm)])
            if gold_kinds and kinds and score >= MATCH_MIN and gold_kinds[len(out)] == kinds[i]:
                score += 0.5
            if score > best_score:
                best, best_score = i, score
        if best is not None:
            used.add(best)
        out.append(best)
    return out


def score_tasks(gold: dict[str, Any], doc: PlanDocument) -> Score:
    score = Score("tasks", gold=len(gold["tasks"]))
    matches = _match(
        [t["text"] for t in gold["tasks"]],
        [t.text for t in doc.tasks],
        [t["origin"] for t in gold["tasks"]],
        [t.origin for t in doc.tasks],
    )
    for g, m in zip(gold["tasks"], matches, strict=True):
        if m is None:
            score.misses.append(g["text"][:70])
            continue
        task = doc.tasks[m]
        score.found += 1
        lead_ok = sorted(map(norm, g["lead"])) == sorted(map(norm, task.lead))
        deadline_ok = norm(g["deadline"]) == norm(task.deadline.text if task.deadline else None)
        score.correct["lead"] = score.correct.get("lead", 0) + lead_ok
        score.correct["deadline"] = score.correct.get("deadline", 0) + deadline_ok
        if not lead_ok:
            score.misses.append(f"lead {g['lead']} != {task.lead} :: {g['text'][:40]}")
        if not deadline_ok:
            score.misses.append(
                f"deadline {g['deadline']!r} != {task.deadline.text if task.deadline else None!r}"
            )
    return score


def score_indicators(gold: dict[str, Any], doc: PlanDocument) -> Score:
    score = Score("indicators", gold=len(gold["indicators"]))
    matches = _match([i["text"] for i in gold["indicators"]], [i.text for i in doc.indicators])
    for g, m in zip(gold["indicators"], matches, strict=True):
        if m is None:
            score.misses.append(g["text"][:70])
            continue
        ind = doc.indicators[m]
        score.found += 1
        value_ok = g["value"] == ind.value and norm(g["unit"]) == norm(ind.unit)
        score.correct["value"] = score.correct.get("value", 0) + value_ok
        score.correct["comparator"] = score.correct.get("comparator", 0) + (g["comparator"] == ind.comparator)
        if not value_ok:
            score.misses.append(
                f"value {g['value']} {g['unit']} != {ind.value} {ind.unit} :: {g['text'][:40]}"
            )
    return score


def _walk(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(_walk(s.children))
    return out


def score_sections(gold: dict[str, Any], doc: PlanDocument) -> Score:
    wanted = [(s["label"], s["title"]) for s in gold["sections"]]
    wanted += [(s["path"], s["title"]) for s in gold["subsections"]]
    have = {(s.path, norm(s.title)) for s in _walk(doc.sections)}
    score = Score("sections", gold=len(wanted))
    for path, title in wanted:
        if (path, norm(title)) in have:
            score.found += 1
        else:
            score.misses.append(f"{path} {title}")
    return score


def load_gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD_DIR / f"{name}.gold.json").read_text(encoding="utf-8"))
    return data


def gold_names() -> list[str]:
    return sorted(p.name.removesuffix(".gold.json") for p in GOLD_DIR.glob("*.gold.json"))
