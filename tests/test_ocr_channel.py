"""The OCR channel table (src/cchc_parse/data/ocr_channel.json) and its build script."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pytest

from cchc_parse.repair.channel import split_token

ROOT = Path(__file__).resolve().parents[1]
CHANNEL = ROOT / "src" / "cchc_parse" / "data" / "ocr_channel.json"
BUILD = ROOT / "scripts" / "build_ocr_channel.py"


@pytest.fixture(scope="module")
def script() -> dict[str, Any]:
    return runpy.run_path(str(BUILD))


@pytest.fixture(scope="module")
def table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CHANNEL.read_text(encoding="utf-8"))
    return data


def test_committed_table_equals_the_build_script_output(script: dict[str, Any]) -> None:
    assert CHANNEL.read_text(encoding="utf-8") == script["render"](script["build"]()), (
        "run python scripts/build_ocr_channel.py"
    )


def test_table_shape(table: dict[str, Any]) -> None:
    assert set(table) == {"_about", "eng", "vie"}
    assert "build_ocr_channel.py" in table["_about"]
    for lang in ("eng", "vie"):
        part = table[lang]
        assert set(part) == {"sub", "pairs", "tokens"}
        assert part["tokens"] > 10_000
        for char, pieces in part["sub"].items():
            assert len(char) == 1 and pieces
            assert list(pieces.values()) == sorted(pieces.values(), reverse=True)
        for seen, cleans in part["pairs"].items():
            assert all(clean != seen and count >= 2 for clean, count in cleans.items())
    assert CHANNEL.stat().st_size < 1_500_000


@pytest.mark.parametrize(
    ("clean", "seen", "pieces"),
    [
        ("của", "ciia", ["c", "ii", "a"]),  # the insertion goes with the misread "ủ", not the "c"
        ("thư", "thu'", ["t", "h", "u'"]),
        ("dựng", "dwng", ["d", "w", "n", "g"]),
        ("abc", "xabc", ["xa", "b", "c"]),
        ("abc", "ac", ["a", "", "c"]),
        ("hội", "hội", ["h", "ộ", "i"]),
    ],
)
def test_character_alignment(clean: str, seen: str, pieces: list[str]) -> None:
    assert split_token(clean, seen) == pieces


def test_eng_loses_the_horn(table: dict[str, Any]) -> None:
    """Under -l eng the horned "ư" is read mostly as "u" or "w", and marked vowels lose their marks."""
    sub = table["eng"]["sub"]
    assert next(iter(sub["ư"])) in {"u", "w"}
    assert next(iter(sub["đ"])) == "d"
    assert next(iter(sub["ệ"])) in {"e", "é"}
    assert "ư" not in sub["ư"] or sub["ư"]["ư"] < sum(sub["ư"].values()) / 2


def test_vie_mostly_reads_characters_as_themselves(table: dict[str, Any]) -> None:
    sub = table["vie"]["sub"]
    common = {char: pieces for char, pieces in sub.items() if sum(pieces.values()) >= 50}
    assert len(common) > 60
    right = [char for char, pieces in common.items() if next(iter(pieces)) == char]
    assert len(right) >= 0.95 * len(common)
    total = sum(sum(pieces.values()) for pieces in sub.values())
    assert sum(pieces.get(char, 0) for char, pieces in sub.items()) / total > 0.98
