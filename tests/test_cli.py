"""The command line, driven through typer's test runner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc_parse.cli import app, route

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
PLAN = SEEDS / "003_348ec1c3c359f68f.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, route(list(args)))


def test_parse_prints_json_document(runner: CliRunner) -> None:
    result = invoke(runner, str(PLAN))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1.0"
    assert data["source"]["format"] == "txt"
    assert [s["label"] for s in data["sections"]] == ["I", "II", "III", "IV"]
    assert result.stdout.count("\n") > 50  # pretty-printed


def test_compact_prints_one_line(runner: CliRunner) -> None:
    result = invoke(runner, str(PLAN), "--compact")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout)["tasks"]


def test_output_file_is_written_and_nothing_printed(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.json"
    result = invoke(runner, str(PLAN), "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["plan"]["place"] == "Lai Châu"
    assert [p.name for p in target.parent.iterdir()] == ["plan.json"]  # no temporary file left


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    unsupported = tmp_path / "table.xlsx"
    unsupported.write_bytes(b"PK\x03\x04")
    return {
        "missing": (tmp_path / "nope.txt", "no such file"),
        "directory": (tmp_path, "is a directory"),
        "empty": (empty, "empty"),
        "binary": (binary, "binary"),
        "unsupported": (unsupported, "unsupported file type"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "unsupported"])
def test_bad_input_is_one_line_error_exit_1(runner: CliRunner, tmp_path: Path, case: str) -> None:
    path, reason = _bad_inputs(tmp_path)[case]
    result = invoke(runner, str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {path}: ")
    assert reason in lines[0]
    assert "Traceback" not in result.stderr


def test_debug_shows_the_exception(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, str(tmp_path / "nope.txt"), "--debug")
    assert result.exit_code == 1
    assert result.exception is not None
    assert "no such file" in str(result.exception)


@pytest.mark.parametrize("args", [["--no-such-option"], ["parse"], ["parse", "a.txt", "b.txt"]])
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2


def test_route_inserts_parse_for_a_file_argument() -> None:
    assert route(["plan.txt", "--compact"]) == ["parse", "plan.txt", "--compact"]
    assert route(["schema"]) == ["schema"]
    assert route(["--help"]) == ["--help"]


def test_schema_is_the_json_schema_of_the_output(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "PlanDocument"
    assert {"source", "plan", "sections", "tasks", "indicators", "warnings"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_text_command_prints_the_text_spans_refer_to(runner: CliRunner) -> None:
    data = json.loads(invoke(runner, str(PLAN)).stdout)
    result = runner.invoke(app, ["text", str(PLAN)])
    assert result.exit_code == 0
    lines = result.stdout.split("\n")
    for task in data["tasks"]:
        span = task["span"]
        assert (
            lines[span["start_line"] - 1].endswith(task["text"][-30:])
            or task["text"][:30] in lines[span["start_line"] - 1]
        )
        assert result.stdout[span["start_char"] : span["end_char"]].startswith(
            lines[span["start_line"] - 1][:20]
        )


def test_output_file_gets_the_usual_permissions(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    old = os.umask(0o022)
    try:
        assert invoke(runner, str(PLAN), "-o", str(target)).exit_code == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


# --- progress -------------------------------------------------------------------------------------------


def test_page_progress_draws_on_a_terminal_only() -> None:
    from io import StringIO

    from rich.console import Console

    from cchc_parse.cli.progress import page_progress

    with page_progress(Console(file=StringIO(), force_terminal=False)) as progress:
        assert progress is None  # a pipe or a log: nothing
    screen = StringIO()
    with page_progress(Console(file=screen, force_terminal=True, width=80)) as progress:
        assert progress is not None
        progress("OCR pages", 0, 20)
        progress("OCR pages", 3, 20)
    assert "OCR pages" in screen.getvalue() and "3/20" in screen.getvalue()
