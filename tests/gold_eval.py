"""Scoring an output document against a gold annotation, counted as the project's scorer counts
(``eval/score.py`` beside the project: records matched by their first 80 characters, fuzzily; agencies
compared as sets; only required indicators; sections by label and title; metadata by number, date, signer
and title). Used by tests/test_gold.py (the gate) and bench/evaluate_gold.py (the table).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from cchc_parse.lexicon.tones import OLD_TO_NEW

FIXTURES = Path(__file__).parent / "fixtures"
GOLD_DIR = FIXTURES / "gold"
TEXT_MATCH = 88  # fuzzy score of two records' opening text that makes them one record
FIELD_MATCH = 85  # the same for a title, a deadline, an agency
CELL_MATCH = 90  # an agency list the tool kept as one cell, against the gold's names
PREFIX = 80  # characters of a gold text compared
HELD_BACK = 3  # one gold file in this many is held back: rules are not built from it
SOURCE_FOLDERS = ("seeds", "plans", "docx", "pdf")  # where a gold file's source stands, under a corpus root
THRESHOLDS_FILE = GOLD_DIR / "thresholds.json"

Json = dict[str, Any]


def norm(text: object) -> str:
    """Text as the scorer compares it: NFC, no stars or no-break spaces, folded space, trimmed, lower
    case, old-style tone placement moved to the new style."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text)).replace("*", " ").replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip().strip(" .;:,-").lower()
    for old, new in OLD_TO_NEW.items():
        s = s.replace(old, new)
    return s


def norm_label(label: object) -> str:
    return norm(label).replace("điều", "").strip().rstrip(".").upper()


def match_text(gold_text: str, candidates: list[str], used: set[int]) -> int | None:
    """The index of the unused candidate that best matches the gold text's opening, if good enough."""
    g = norm(gold_text)[:PREFIX]
    if not g:
        return None
    best, index = 0.0, None
    for i, candidate in enumerate(candidates):
        if i in used:
            continue
        t = norm(candidate)
        score = fuzz.partial_ratio(g, t[: len(g) + 60]) if len(t) >= len(g) * 0.6 else fuzz.ratio(g, t)
        if score > best:
            best, index = score, i
    return index if best >= TEXT_MATCH else None


def agencies_equal(gold: Iterable[str], found: Iterable[str] | None) -> bool:
    g = [norm(x) for x in gold if norm(x)]
    t = [norm(x) for x in (found or []) if norm(x)]
    if not g:
        return True
    if len(t) != len(g):  # a tool that keeps the cell unsplit
        return fuzz.token_set_ratio(" ".join(g), " ".join(t)) >= CELL_MATCH
    return all(max((fuzz.token_set_ratio(a, b) for b in t), default=0) >= FIELD_MATCH for a in g)


@dataclass
class Counts:
    """What one document scores: hits and totals per figure (the scorer's own pairs)."""

    name: str
    meta: tuple[int, int] = (0, 0)
    sections: tuple[int, int, int] | None = None  # hits, gold, found
    tasks: tuple[int, int, int] = (0, 0, 0)  # matched, gold, found
    tasks_complete: bool = False
    lead: tuple[int, int] = (0, 0)
    deadline: tuple[int, int] = (0, 0)
    indicators: tuple[int, int] = (0, 0)
    value: tuple[int, int] = (0, 0)
    misses: list[str] = field(default_factory=list)


def _metadata(gold: Json, plan: Json) -> tuple[int, int]:
    checks: list[bool] = []
    if gold.get("number") is not None:
        checks.append(norm(gold["number"]).replace(" ", "") == norm(plan.get("number")).replace(" ", ""))
    if gold.get("issued_date") is not None:
        checks.append(str(gold["issued_date"]) == str(plan.get("issued_date")))
    if gold.get("signer"):
        names = [norm(s.get("name")) for s in plan.get("signers") or []]
        checks.append(norm(gold["signer"]) in names)
    if gold.get("plan_title"):
        checks.append(fuzz.token_set_ratio(norm(gold["plan_title"]), norm(plan.get("title"))) >= FIELD_MATCH)
    return sum(checks), len(checks)


def _sections(gold: Json, out: Json) -> tuple[int, int, int] | None:
    if gold.get("sections_inferred") or not gold.get("sections"):
        return None
    wanted = [(norm_label(s["label"]), norm(s["title"])) for s in gold["sections"]]
    roman = all(re.fullmatch(r"[IVXLC]+", label) for label, _ in wanted)
    found = [
        (norm_label(s.get("label")), norm(s.get("title")))
        for s in out.get("sections") or []
        if not roman or re.fullmatch(r"[IVXLC]+", norm_label(s.get("label")))
    ]
    hits = sum(any(fl == gl and fuzz.ratio(gt, ft) >= FIELD_MATCH for fl, ft in found) for gl, gt in wanted)
    return hits, len(wanted), len(found)


def score(gold: Json, out: Json) -> Counts:
    """The scorer's counts for one document (``out``: the output JSON as a dict)."""
    counts = Counts(gold["file"], _metadata(gold.get("metadata") or {}, out.get("plan") or {}))
    counts.sections = _sections(gold, out)
    _tasks(gold, out, counts)
    _indicators(gold, out, counts)
    return counts


def _tasks(gold: Json, out: Json, counts: Counts) -> None:
    tasks = out.get("tasks") or []
    texts = [t.get("text") or "" for t in tasks]
    used: set[int] = set()
    lead, deadline = [0, 0], [0, 0]
    for wanted in gold.get("tasks") or []:
        i = match_text(wanted["text"], texts, used)
        if i is None:
            counts.misses.append(f"task: {wanted['text'][:70]}")
            continue
        used.add(i)
        if wanted.get("lead"):
            lead[1] += 1
            lead[0] += agencies_equal(wanted["lead"], tasks[i].get("lead"))
        if wanted.get("deadline"):
            found = (tasks[i].get("deadline") or {}).get("text")
            deadline[1] += 1
            deadline[0] += fuzz.ratio(norm(wanted["deadline"]), norm(found)) >= FIELD_MATCH
    counts.tasks = (len(used), len(gold.get("tasks") or []), len(tasks))
    counts.tasks_complete = bool(gold.get("tasks_complete"))
    counts.lead, counts.deadline = (lead[0], lead[1]), (deadline[0], deadline[1])


def _indicators(gold: Json, out: Json, counts: Counts) -> None:
    found = out.get("indicators") or []
    texts = [x.get("text") or "" for x in found]
    used: set[int] = set()
    value = [0, 0]
    required = [g for g in gold.get("indicators") or [] if g.get("required")]
    for wanted in required:
        i = match_text(wanted["text"], texts, used)
        if i is None:
            counts.misses.append(f"indicator: {wanted['text'][:70]}")
            continue
        used.add(i)
        if wanted.get("value") is not None:
            value[1] += 1
            got = found[i].get("value")
            value[0] += got is not None and abs(float(got) - float(wanted["value"])) < 1e-6
    counts.indicators, counts.value = (len(used), len(required)), (value[0], value[1])


def summary(all_counts: Iterable[Counts]) -> dict[str, float | None]:
    """The scorer's SUMMARY figures (shares, 0–1; None where nothing was counted)."""
    rows = list(all_counts)

    def share(pairs: Iterable[tuple[int, int]]) -> float | None:
        hit = total = 0
        for a, b in pairs:
            hit, total = hit + a, total + b
        return hit / total if total else None

    sections = [c.sections for c in rows if c.sections is not None]
    complete = [c for c in rows if c.tasks_complete]
    return {
        "metadata_acc": share(c.meta for c in rows),
        "section_recall": share((s[0], s[1]) for s in sections),
        "section_precision": share((s[0], s[2]) for s in sections),
        "task_recall": share((c.tasks[0], c.tasks[1]) for c in rows),
        "task_precision_complete_docs": share((c.tasks[0], c.tasks[2]) for c in complete),
        "lead_acc": share(c.lead for c in rows),
        "deadline_acc": share(c.deadline for c in rows),
        "indicator_recall": share(c.indicators for c in rows),
        "indicator_value_acc": share(c.value for c in rows),
    }


def thresholds() -> Json:
    """The gate's floors, digest, reasons and the files outside it (``gold/thresholds.json``)."""
    data: Json = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    return data


def find_source(name: str, root: Path = FIXTURES) -> Path | None:
    """The source document a gold file annotates, in a corpus laid out as the fixtures are, if there."""
    return next((root / f / name for f in SOURCE_FOLDERS if (root / f / name).is_file()), None)


def gold_files(folder: Path = GOLD_DIR) -> list[Path]:
    return sorted(folder.glob("*.gold.json"))


def load_gold(path: Path) -> Json:
    data: Json = json.loads(path.read_text(encoding="utf-8"))
    return data


def held_back(name: str) -> bool:
    """One gold file in HELD_BACK, fixed by a hash of its name: not to build rules from."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % HELD_BACK == 0


def digest(paths: Iterable[Path]) -> str:
    """A digest of a set of gold files (names and contents): floors belong to the set they were set on."""
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]
