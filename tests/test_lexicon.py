"""The vocabulary: one validated data file per concept, and the canonical tone placement."""

from __future__ import annotations

import json
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import pytest

from cchc_parse import lexicon
from cchc_parse.lexicon import proper_names
from cchc_parse.lexicon.schema import SCHEMAS
from cchc_parse.lexicon.tones import canonical, spellings

DATA = Path(str(importlib_resources.files("cchc_parse").joinpath("data")))


def test_every_data_file_has_a_schema_entry() -> None:
    assert {p.name for p in DATA.glob("*.json")} == set(SCHEMAS)


@pytest.mark.parametrize("name", sorted(n for n, model in SCHEMAS.items() if model is not None))
def test_every_vocabulary_file_validates(name: str) -> None:
    model = SCHEMAS[name]
    assert model is not None
    model.model_validate(json.loads((DATA / name).read_text(encoding="utf-8")))


def broken(name: str, key: str, value: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    data[key] = value
    return data


@pytest.mark.parametrize(
    ("name", "key", "value", "message"),
    [
        ("acronyms.json", "acronyms", ["CCHC", "CCHC"], "listed twice"),
        ("acronyms.json", "acronyms", [], "at least 1 item"),
        ("places.json", "localities", ["Xã"], "not in capitals"),
        ("places.json", "provinces", [" Sơn La"], "white space"),
        ("agencies.json", "heads_in_capitals", {"ỦY BAN": "Hội đồng"}, "not a case variant"),
        ("table_columns.json", "column_priority", ["lead", "boss"], "Input should be"),
        ("tasks.json", "duty_verb", ["chủ trì"], "Extra inputs are not permitted"),  # a misspelt key
        ("deadline_words.json", "open_end", {"trở đi": "fortnightly"}, "Input should be"),
    ],
)
def test_a_broken_vocabulary_file_is_refused(name: str, key: str, value: Any, message: str) -> None:
    model = SCHEMAS[name]
    assert model is not None
    with pytest.raises(ValueError, match=message):
        model.model_validate(broken(name, key, value))


def test_a_broken_file_is_one_line_naming_the_file_and_key(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "acronyms.json"
    text = json.dumps(broken(name, "acronyms", ["CCHC", "CCHC"]), ensure_ascii=False)

    class Data:
        def joinpath(self, _: str) -> Data:
            return self

        def read_text(self, encoding: str) -> str:
            return text

    monkeypatch.setattr("cchc_parse.lexicon.resources.files", lambda _: Data())
    lexicon.load_json.cache_clear()
    try:
        with pytest.raises(
            lexicon.DataFileError, match=r"^acronyms\.json: acronyms: .*listed twice: 'CCHC'$"
        ):
            lexicon.load_json(name)
    finally:
        lexicon.load_json.cache_clear()


def test_a_concept_lives_in_one_file() -> None:
    # the places, acronyms and signature words that several modules read are listed once
    words = {name: json.loads((DATA / name).read_text(encoding="utf-8")) for name in SCHEMAS}
    assert not any(
        "places" in data or "acronyms" in data
        for n, data in words.items()
        if n not in ("places.json", "acronyms.json")
    )
    assert "Sơn La" in proper_names() and "Mộc Châu" in proper_names()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("Văn hoá, Thể thao", "Văn hóa, Thể thao"),
        ("sức khoẻ", "sức khỏe"),
        ("hoàn thành", "hoàn thành"),  # a final consonant: the same in both styles
        ("thuyết minh", "thuyết minh"),
        ("quý I", "quý I"),  # the "u" of "qu" is no vowel of the pair
        ("Ủy ban", "Ủy ban"),
    ],
)
def test_canonical_tone_placement(text: str, expected: str) -> None:
    assert canonical(text) == expected
    assert len(canonical(text)) == len(text)  # offsets stay offsets


def test_spellings_give_both_placements() -> None:
    assert spellings("Văn hóa") == {"Văn hóa", "Văn hoá"}
    assert spellings("Uỷ ban") == {"Uỷ ban", "Ủy ban"}
