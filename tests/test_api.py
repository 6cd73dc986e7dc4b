"""The public API end to end: every supported encoding gives the same plan, and the output contract holds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import cchc_parse
from cchc_parse import InputError, PlanDocument, UnsupportedFormatError, parse_file, parse_text
from cchc_parse.models import Indicator, Span, Task
from test_encodings import encode_cp1258, encode_tcvn3, encode_vni

SEED = Path(__file__).parent / "fixtures" / "seeds" / "003_348ec1c3c359f68f.txt"
TEXT = SEED.read_text(encoding="utf-8")

ENCODINGS: dict[str, tuple[Callable[[str], bytes], str]] = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8 BOM": (lambda t: "\ufeff".encode() + t.encode("utf-8"), "utf-8-sig"),
    "utf-16": (lambda t: t.encode("utf-16"), "utf-16"),
    "windows-1258": (encode_cp1258, "windows-1258"),
    "tcvn3": (lambda t: encode_tcvn3(t).encode("utf-8"), "tcvn3"),
    "vni": (lambda t: encode_vni(t).encode("cp1252", errors="strict"), "vni"),
}


def summary(doc: PlanDocument) -> tuple[object, ...]:
    return (
        [(s.label, s.title.casefold()) for s in doc.sections],
        [(t.origin, t.section, len(t.lead)) for t in doc.tasks],
        doc.plan.place,
    )


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_every_encoding_gives_the_same_plan(tmp_path: Path, name: str) -> None:
    encode, label = ENCODINGS[name]
    path = tmp_path / "plan.txt"
    path.write_bytes(encode(TEXT))
    doc = parse_file(path)
    assert label in (doc.source.encoding or "")
    assert summary(doc) == summary(parse_file(SEED))


def test_source_and_record_spans_point_into_the_file(tmp_path: Path) -> None:
    doc = parse_file(SEED)
    lines = TEXT.split("\n")
    assert doc.source.sha256 == __import__("hashlib").sha256(SEED.read_bytes()).hexdigest()
    assert doc.source.format == "txt" and not doc.source.ocr and not doc.source.repaired
    for task in doc.tasks:
        first = task.span.source_start_line
        assert first is not None
        assert task.text[:20] in lines[first - 1] or task.text[:20] in " ".join(lines[first - 1 : first + 3])


def test_parse_text_and_markdown_flag() -> None:
    doc = parse_text(
        "KẾ HOẠCH\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp: lồng ghép tuyên truyền.", markdown=True
    )
    assert doc.source.format == "md"
    assert [t.lead for t in doc.tasks] == [["Sở Tư pháp"]]


@pytest.mark.parametrize(
    ("name", "error", "reason"),
    [
        ("plan.pdf", InputError, "not a valid PDF"),  # PDFs are read now: a cut-off one is bad input
        ("plan.xlsx", UnsupportedFormatError, "unsupported"),
    ],
)
def test_formats_not_read_yet_are_clear_errors(tmp_path: Path, name: str, error: type, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(error, match=reason):
        parse_file(path)


def test_empty_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty"):
        parse_text("  \n ")


def test_models_forbid_unknown_fields_and_keep_the_schema_version() -> None:
    with pytest.raises(ValidationError):
        Span(start_line=1, end_line=1, start_char=0, end_char=1, colour="red")  # type: ignore[call-arg]
    doc = parse_file(SEED)
    assert json.loads(doc.model_dump_json())["schema_version"] == cchc_parse.SCHEMA_VERSION == "1.0"


def test_public_api_is_small() -> None:
    assert set(cchc_parse.__all__) == {
        "SCHEMA_VERSION",
        "CchcParseError",
        "InputError",
        "PlanDocument",
        "UnsupportedFormatError",
        "__version__",
        "parse_file",
        "parse_text",
    }


TOKENS = [
    "I.",
    "II.",
    "1.",
    "2.",
    "a)",
    "-",
    "|",
    "**",
    "Sở Nội vụ",
    "chủ trì",
    "Tối thiểu 80%",
    "Quý I/2026",
    "\n",
    "\n\n",
]
TOKENS += ["TỔ CHỨC THỰC HIỆN", "Nhiệm vụ", "Chỉ tiêu", "Chủ trì |", "Thời gian |", ":", "KẾ HOẠCH", "Căn cứ"]


@given(st.lists(st.sampled_from(TOKENS), max_size=120).map(" ".join))
@settings(max_examples=150, deadline=None)
def test_any_plan_like_text_parses_and_spans_stay_inside(text: str) -> None:
    try:
        doc = parse_text(text)
    except InputError:
        assert not text.strip()
        return
    total_lines = len(text.split("\n"))
    records: list[Task | Indicator] = [*doc.tasks, *doc.indicators]
    for record in records:
        span = record.span
        assert 1 <= span.start_line <= span.end_line
        assert 0 <= span.start_char <= span.end_char
        assert span.source_start_line is None or 1 <= span.source_start_line <= total_lines
    assert len({t.id for t in doc.tasks}) == len(doc.tasks)


def test_readme_lists_the_pipeline_stages_in_order() -> None:
    import re

    from cchc_parse.pipeline import STAGES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it works") : readme.index("## Development")]
    listed = re.findall(r"^  \d+\. (\S+(?: \S+)*?)\s{2,}", section, re.MULTILINE)
    assert listed == [name for name, _ in STAGES]


def test_the_options_key_holds_what_the_output_depends_on() -> None:
    from cchc_parse.options import ParseOptions

    def progress(what: str, done: int, total: int) -> None:
        """A listener: no part of the options' identity."""

    base = ParseOptions()
    assert ParseOptions(jobs=4, progress=progress).key == base.key == ParseOptions(jobs=4).key
    assert ParseOptions(progress=progress) == base
    assert len({base.key, ParseOptions(ocr="never").key, ParseOptions(repair="never").key}) == 3
    with pytest.raises(ValueError):
        ParseOptions(jobs=0)


def test_a_document_can_be_built_into_a_plan_twice() -> None:
    # the document stages run once (Document.stages records them); the plan stages on every call
    from cchc_parse.api import read_document
    from cchc_parse.pipeline import DOCUMENT_STAGES, build_plan_document

    document = read_document(Path(__file__).parent / "fixtures" / "seeds" / "001_29c53701c476ea68.txt")
    first, second = build_plan_document(document), build_plan_document(document)
    assert first == second and first.tasks
    assert document.stages == [name for name, _ in DOCUMENT_STAGES]
