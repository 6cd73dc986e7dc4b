"""The task resolver: candidates from every source, one decision, priorities in data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from cchc_parse import parse_file
from cchc_parse.extract import task_candidates, tasks
from cchc_parse.extract.context import Context
from cchc_parse.extract.task_candidates import Candidate, Draft, Source, resolve
from cchc_parse.lexicon import DataFileError
from cchc_parse.models import Span, Task

FIXTURES = Path(__file__).parent / "fixtures"


def draft(block: int, text: str) -> Draft:
    span = Span(start_line=block, end_line=block, start_char=0, end_char=0)
    return (block, 0, Task(id="", origin="list", section=None, text=text, span=span))


def proposing(*candidates: Candidate) -> Source:
    def source(ctx: Context, claimed: frozenset[int]) -> Sequence[Candidate]:
        return candidates

    return source


def item(block: int, text: str, *, also: Sequence[int] = ()) -> Candidate:
    return Candidate.item(block, lambda: draft(block, text), also=also)


def texts(sources: dict[str, Source], monkeypatch: pytest.MonkeyPatch, order: Sequence[str]) -> list[str]:
    monkeypatch.setattr(task_candidates, "source_priority", lambda: tuple(order))
    return [task.text for _, _, task in resolve(None, sources)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (("a", "b"), ["a@1", "b@2"]),  # b's item 1 is a's already
        (("b", "a"), ["b@1", "b@2"]),  # the other way round: a's item 1 is b's
    ],
)
def test_the_first_source_in_the_priority_claims_an_item(
    order: tuple[str, str], expected: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = {"a": proposing(item(1, "a@1")), "b": proposing(item(1, "b@1"), item(2, "b@2"))}
    assert texts(sources, monkeypatch, order) == expected


def test_a_candidate_needs_all_its_anchors_free_and_takes_what_it_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = Candidate(lambda: [draft(1, "item 1 and all under it")], frozenset([1]), frozenset([1, 2, 3]))
    sources = {
        "attributes": proposing(whole),
        "lists": proposing(item(2, "item 2"), item(4, "bullet 4 under item 3", also=[3]), item(5, "item 5")),
    }
    assert texts(sources, monkeypatch, ["attributes", "lists"]) == ["item 1 and all under it", "item 5"]


def test_made_candidates_always_stand_and_are_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def make() -> list[Draft]:
        calls.append(1)
        return [draft(7, "lazy")]

    sources = {
        "tables": proposing(Candidate.made([draft(7, "row")]), Candidate.made([draft(7, "row 2")])),
        "lists": proposing(Candidate(make, frozenset([8]), frozenset([8]))),
    }
    assert texts(sources, monkeypatch, ["tables", "lists"]) == ["row", "row 2", "lazy"]
    assert calls == [1]


def test_the_priority_names_every_source(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DataFileError, match="source_priority"):
        texts({"a": proposing(), "b": proposing()}, monkeypatch, ["a"])


def test_the_order_sources_are_listed_in_code_does_not_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    path = FIXTURES / "seeds" / "001_29c53701c476ea68.txt"
    expected = parse_file(path).tasks
    monkeypatch.setattr(tasks, "SOURCES", dict(reversed(list(tasks.SOURCES.items()))))
    assert parse_file(path).tasks == expected
