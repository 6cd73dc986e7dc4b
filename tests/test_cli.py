"""The command line: its outputs, and every failure path with its one line and documented exit code.

Exit codes: 0 success, 1 bad input or an output that cannot be written, 2 usage, 3 internal error (a bug),
124 a time limit (batch), 130 interrupted. Nothing prints a traceback without --debug.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import cchc_parse.api
from cchc_parse import __version__
from cchc_parse.cli import COMMANDS, build_parser, route
from cli_helpers import CliResult, cli

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
PLAN = SEEDS / "003_348ec1c3c359f68f.txt"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_non_root = pytest.mark.skipif(AS_ROOT, reason="root reads and writes files whatever their permissions")


def one_line(result: CliResult) -> str:
    """The single line a failure prints on stderr (and nothing on stdout, no traceback)."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return lines[0]


# --- success ---------------------------------------------------------------------------------------------
def test_parse_prints_json_document() -> None:
    result = cli(PLAN)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1.0"
    assert data["source"]["format"] == "txt"
    assert [s["label"] for s in data["sections"]] == ["I", "II", "III", "IV"]
    assert result.stdout.count("\n") > 50  # pretty-printed


def test_compact_prints_one_line() -> None:
    result = cli(PLAN, "--compact")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout)["tasks"]


def test_output_file_is_written_and_nothing_printed(tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.json"
    result = cli(PLAN, "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["plan"]["place"] == "Lai Châu"
    assert [p.name for p in target.parent.iterdir()] == ["plan.json"]  # no temporary file left


def test_output_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    old = os.umask(0o022)
    try:
        assert cli(PLAN, "-o", target).exit_code == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_standard_input_is_read_with_dash() -> None:
    data = PLAN.read_bytes()
    plain = json.loads(cli(PLAN, "--compact").stdout)
    piped = cli("-", "--compact", stdin=data)
    assert piped.exit_code == 0, piped.stderr
    document = json.loads(piped.stdout)
    assert document["source"]["path"] == "-"
    assert document["tasks"] == plain["tasks"] and document["source"]["sha256"] == plain["source"]["sha256"]
    named = json.loads(cli("parse", "-", "--stdin-name", "plan.md", "--compact", stdin=data).stdout)
    assert named["source"] | {"format": None} == {**named["source"], "path": "plan.md", "format": None}
    assert named["source"]["format"] == "md"


def test_text_and_repair_take_stdin_and_output(tmp_path: Path) -> None:
    text_out = tmp_path / "plan.txt"
    assert cli("text", "-", "-o", text_out, stdin=PLAN.read_bytes()).exit_code == 0
    assert text_out.read_text(encoding="utf-8") == cli("text", PLAN).stdout
    repaired = cli("repair", "-", "-q", stdin=b"Ke hoach cai cach hanh chinh\n")
    assert repaired.exit_code == 0 and repaired.stderr == ""
    assert repaired.stdout == "Kế hoạch cải cách hành chính\n"


def test_text_command_prints_the_text_spans_refer_to() -> None:
    data = json.loads(cli(PLAN).stdout)
    result = cli("text", PLAN)
    assert result.exit_code == 0
    lines = result.stdout.split("\n")
    for task in data["tasks"]:
        span = task["span"]
        line = lines[span["start_line"] - 1]
        assert line.endswith(task["text"][-30:]) or task["text"][:30] in line
        assert result.stdout[span["start_char"] : span["end_char"]].startswith(line[:20])


def test_schema_is_the_json_schema_of_the_output() -> None:
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "PlanDocument"
    assert {"source", "plan", "sections", "tasks", "indicators", "warnings"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("args", [["--version"], ["-V"], ["--debug", "-V"]])
def test_version(args: list[str]) -> None:
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (0, f"cchc-parse {__version__}\n")
    assert cli("version").stdout == f"{__version__}\n"


@pytest.mark.parametrize("args", [["--help"], ["help"], ["help", "validate"], ["validate", "--help"]])
def test_help_shows_examples_and_no_type_names(args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 0
    assert "examples:" in result.stdout
    assert "<bool>" not in result.stdout and "list[" not in result.stdout


def test_top_level_help_says_file_means_parse() -> None:
    assert "'cchc-parse [options] FILE [options]' is short for 'cchc-parse parse …'" in cli("-h").stdout


def test_commands_listed_for_routing_are_the_registered_ones() -> None:
    subparsers = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(subparsers) == 1
    assert set(subparsers[0].choices) == set(COMMANDS)


def test_route_inserts_parse_for_a_file_argument() -> None:
    assert route(["plan.txt", "--compact"]) == ["parse", "plan.txt", "--compact"]
    assert route(["--debug", "plan.txt"]) == ["--debug", "parse", "plan.txt"]
    assert route(["-"]) == ["parse", "-"]
    assert route(["schema"]) == ["schema"]
    assert route(["--help"]) == ["--help"]
    assert route(["--ocr", "never", "plan.pdf"]) == ["parse", "--ocr", "never", "plan.pdf"]  # parse's options
    assert route(["--compact", "validate", "p/"]) == ["--compact", "validate", "p/"]  # before a command


@pytest.mark.parametrize("command", ["parse", "text", "repair", "validate", "batch"])
def test_commands_share_the_reading_options(command: str) -> None:
    help_text = cli(command, "--help").stdout
    for option in ("--ocr", "--jobs", "--quiet", "--debug", "--stdin-name"):
        assert option in help_text, (command, option)
    if command != "repair":  # repair always repairs
        assert "--repair" in help_text


# --- failures: a table of cases ----------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """A command line built in ``tmp_path``, the exit code it must give and words its one line holds."""

    make: Callable[[Path], list[str | Path]]
    code: int
    words: tuple[str, ...]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def _file_as_folder(tmp_path: Path) -> Path:
    return _write(tmp_path / "file.txt", b"x") / "plan.json"


BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
BAD_INPUT = {
    "missing": Case(lambda t: [t / "nope.txt"], 1, ("nope.txt: no such file",)),
    "directory": Case(lambda t: [t], 1, ("is a directory",)),
    "empty": Case(lambda t: [_write(t / "empty.txt", b"")], 1, ("empty",)),
    "binary": Case(lambda t: [_write(t / "image.txt", BINARY)], 1, ("binary",)),
    "unsupported": Case(lambda t: [_write(t / "table.xlsx", b"PK\x03\x04")], 1, ("unsupported file type",)),
    "fifo": Case(lambda t: [_fifo(t)], 1, ("not a regular file",)),
    "empty stdin": Case(lambda t: ["-"], 1, ("error: -: standard input is empty",)),
    "output under /proc": Case(
        lambda t: [PLAN, "-o", "/proc/plan.json"], 1, ("/proc/plan.json: cannot be written",)
    ),
    "output under a file": Case(lambda t: [PLAN, "-o", _file_as_folder(t)], 1, ("cannot be written",)),
    "text output under /proc": Case(lambda t: ["text", PLAN, "-o", "/proc/x.txt"], 1, ("cannot be written",)),
    "repair output under /proc": Case(
        lambda t: ["repair", PLAN, "-o", "/proc/x.txt", "-q"], 1, ("cannot be written",)
    ),
    "export of no folder": Case(lambda t: ["export", t / "nope", "--to", "csv"], 1, ("no such directory",)),
    "batch of no folder": Case(lambda t: ["batch", t / "nope", "-o", t / "out"], 1, ("no such directory",)),
    "batch glob matching nothing": Case(
        lambda t: ["batch", SEEDS, "-o", t / "out", "--glob", "*.docx", "-q"],
        1,
        ("no input matches '*.docx'",),
    ),
}
USAGE = {
    "unknown option": Case(lambda t: ["--no-such-option"], 2, ("unrecognized arguments",)),
    "no file": Case(lambda t: ["parse"], 2, ("required: FILE",)),
    "no command": Case(lambda t: ["--debug"], 2, ("required: COMMAND",)),
    "two files": Case(lambda t: ["parse", "a.txt", "b.txt"], 2, ("unrecognized arguments: b.txt",)),
    "bad mode": Case(lambda t: [PLAN, "--ocr", "sometimes"], 2, ("invalid choice: 'sometimes'",)),
    "bad jobs": Case(lambda t: [PLAN, "--jobs", "0"], 2, ("must be at least 1",)),
    "mistyped command": Case(lambda t: ["valdate", "x.txt"], 2, ("did you mean 'validate'?",)),
    "help of no command": Case(lambda t: ["help", "nope"], 2, ("no command 'nope'",)),
    "unknown rule": Case(lambda t: ["rule", "CP999"], 2, ("unknown rule code 'CP999'",)),
    "unknown code": Case(lambda t: ["validate", PLAN, "--select", "XX1"], 2, ("unknown rule code 'XX1'",)),
    "negative timeout": Case(lambda t: ["batch", t, "-o", t / "o", "--timeout", "-1"], 2, ("at least 0.0",)),
}


@pytest.mark.parametrize("case", list(BAD_INPUT.values()), ids=list(BAD_INPUT))
def test_bad_input_is_one_line_exit_1(case: Case, tmp_path: Path) -> None:
    result = cli(*case.make(tmp_path))
    line = one_line(result)
    assert result.exit_code == 1
    assert line.startswith("error: ")
    assert all(word in line for word in case.words), line


@pytest.mark.parametrize("case", list(USAGE.values()), ids=list(USAGE))
def test_usage_errors_exit_2(case: Case, tmp_path: Path) -> None:
    result = cli(*case.make(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("usage: cchc-parse") and "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert "error: " in last and all(word in last for word in case.words), result.stderr


def test_no_arguments_prints_the_help_and_exits_2() -> None:
    result = cli()
    assert result.exit_code == 2 and "usage: cchc-parse" in result.stderr


@needs_non_root
def test_unreadable_input_is_bad_input_and_validate_goes_on(tmp_path: Path) -> None:
    secret = _write(tmp_path / "secret.txt", PLAN.read_bytes())
    secret.chmod(0)
    assert one_line(cli(secret)) == f"error: {secret}: permission denied"
    result = cli("validate", "--format", "json", secret, PLAN)
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(secret), str(PLAN)]
    assert (
        report["findings"][0]["code"] == "CP000" and "permission denied" in report["findings"][0]["message"]
    )


@needs_non_root
def test_unwritable_folder_is_bad_input(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert "cannot be written" in one_line(cli(PLAN, "-o", locked / "plan.json"))


def test_a_bug_is_one_line_exit_3_and_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cchc_parse.api, "parse_file", broken)
    result = cli(PLAN)
    line = one_line(result)
    assert result.exit_code == 3
    assert line.startswith(f"internal error while reading {PLAN}: ZeroDivisionError: division by zero at ")
    assert "--debug" in line and "report" in line
    debug = cli(PLAN, "--debug")
    assert debug.exit_code == 3 and "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


def test_debug_shows_the_traceback_of_bad_input(tmp_path: Path) -> None:
    result = cli(tmp_path / "nope.txt", "--debug")
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and result.stderr.strip().endswith("no such file")


def test_ctrl_c_is_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cchc_parse.api, "parse_file", interrupted)
    result = cli(PLAN)
    assert (result.exit_code, one_line(result)) == (130, "interrupted")


def test_xlsx_export_into_proc_is_one_line_and_files_get_0644(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli(PLAN, "-o", out / "plan.txt.json").exit_code == 0
    done = subprocess.run(  # a real process: "Exception ignored" lines appear only at its exit
        [sys.executable, "-m", "cchc_parse", "export", str(out), "--to", "xlsx", "-o", "/proc/t.xlsx"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: /proc/t.xlsx: cannot be written: no such file or directory"
    ]
    old = os.umask(0o022)
    try:
        assert cli("export", out, "--to", "xlsx", "-q").exit_code == 0
    finally:
        os.umask(old)
    assert (out / "tables.xlsx").stat().st_mode & 0o777 == 0o644


# --- progress ------------------------------------------------------------------------------------------
def test_page_progress_draws_on_a_terminal_only_and_leaves_a_closing_line() -> None:
    from io import StringIO

    from rich.console import Console

    from cchc_parse.cli.progress import page_progress

    with page_progress(Console(file=StringIO(), force_terminal=False)) as progress:
        assert progress is None  # a pipe or a log: nothing
    with page_progress(Console(file=StringIO(), force_terminal=True), quiet=True) as progress:
        assert progress is None  # --quiet
    screen = StringIO()
    with page_progress(Console(file=screen, force_terminal=True, width=80)) as progress:
        assert progress is not None
        progress("OCR pages", 0, 20)
        progress("OCR pages", 3, 20)
        progress("OCR pages", 20, 20)
    assert "OCR pages" in screen.getvalue() and "ETA" in screen.getvalue()
    assert "OCR pages: 20/20 in" in screen.getvalue()


@pytest.mark.parametrize(
    ("elapsed", "done", "total", "left"), [(10.0, 0, 20, None), (10.0, 5, 20, 30.0), (4.0, 4, 4, 0.0)]
)
def test_time_left_is_the_average_pace_so_far(
    elapsed: float, done: int, total: int, left: float | None
) -> None:
    from cchc_parse.cli.eta import time_left

    assert time_left(elapsed, done, total) == left


def test_output_to_a_device_writes_through_it_and_never_replaces_it() -> None:
    assert cli(PLAN, "-o", os.devnull).exit_code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device, not a file renamed over it
