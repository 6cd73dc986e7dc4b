"""Golden files: the whole JSON output for every fixture document, checked in under tests/fixtures/expected.

A missing or different expected file fails. After an intended change, regenerate with
``python -m pytest tests/test_golden_outputs.py --update-golden`` and review the diff before committing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cchc_parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = FIXTURES / "expected"
# the seeds, and six plans of different shapes (the other plans of plans/ are scored by the gold gate)
PLANS = ["192068354fd1ffe5", "299dbc033cf2dcb6", "4e39af96b6891368", "6a406c1f9dfed9c3", "8e9a425dd83e56b3"]
PLANS += ["d40513a8b25883ec"]
INPUTS = sorted((FIXTURES / "seeds").glob("*.txt")) + [FIXTURES / "plans" / f"tvpl_{p}.md" for p in PLANS]
INPUTS += [FIXTURES / "pdf" / "QD-1074-QD-BXD-29-6-2026.pdf"]  # a good text layer: no OCR runs
INPUTS += [FIXTURES / "pdf" / "QD-3350-QD-UBND-26-12-2025-libreoffice.pdf"]  # LibreOffice's: no OCR either
INPUTS += [FIXTURES / "docx" / "Quy-trinh-noi-bo-TTHC-HHNH.docx"]  # tables with spans: tasks from rows


def comparable(path: Path) -> dict[str, Any]:
    data = parse_file(path).model_dump(mode="json")
    data.pop("tool_version")
    data["source"]["path"] = path.name  # the checkout's location is not part of the result
    return data


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_output_matches_golden_file(path: Path, update_golden: bool) -> None:
    expected_file = EXPECTED / f"{path.name}.json"
    actual = comparable(path)
    if update_golden:
        EXPECTED.mkdir(exist_ok=True)
        expected_file.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert expected_file.exists(), (
        f"no golden file {expected_file.name}: run pytest --update-golden and review it"
    )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert actual == expected


def test_every_golden_file_has_an_input() -> None:
    names = {p.name for p in INPUTS}
    orphans = [f.name for f in EXPECTED.glob("*.json") if f.name.removesuffix(".json") not in names]
    assert orphans == []
