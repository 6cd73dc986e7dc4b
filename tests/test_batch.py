"""`cchc-parse batch`: discovery, outputs, failures, resume, interruption and time limits, via the CLI."""

from __future__ import annotations

import hashlib
import io
import json
import math
import multiprocessing
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

import cchc_parse.api
import cchc_parse.batch.worker as worker
from cchc_parse import __version__
from cchc_parse.batch import FileResult, PlainReporter, RichReporter, make_reporter, run_batch
from cchc_parse.batch.discover import discover_inputs
from cchc_parse.batch.pages import PAGE_CHARS, Work, expected_work, pages_before_parsing, pages_for_characters
from cchc_parse.batch.pool import Job, WorkerPool
from cchc_parse.batch.progress import Estimate
from cchc_parse.batch.runner import time_limit
from cli_helpers import CliResult, cli

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
PLANS = sorted((FIXTURES / "plans").glob("*.md"))
PLAN_TXT = FIXTURES / "seeds" / "003_348ec1c3c359f68f.txt"
PLAN_MD = FIXTURES / "plans" / "tvpl_6a406c1f9dfed9c3.md"
SMALL_PLAN = FIXTURES / "plans" / "tvpl_299dbc033cf2dcb6.md"  # parses in about 10 ms


def batch(src: Path, out: Path, *args: str) -> CliResult:
    return cli("batch", str(src), "-o", str(out), *args)


def outputs(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*.json")}


def repair_modes(out: Path) -> set[str]:
    return {json.loads(p.read_text(encoding="utf-8"))["source"]["repair_mode"] for p in out.rglob("*.json")}


def errors(out: Path) -> list[dict[str, object]]:
    text = (out / "_errors.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def small_tree(root: Path) -> Path:
    """Two good plans at the top, two with the same stem one folder down."""
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], root / "a.txt")
    shutil.copy(PLANS[0], root / "b.md")
    shutil.copy(PLAN_TXT, root / "sub" / "x.txt")
    shutil.copy(PLAN_MD, root / "sub" / "x.md")
    return root


def mixed_tree(root: Path) -> Path:
    """Good plans, broken files, files that are not inputs, hidden ones, and OUT inside DIR."""
    small_tree(root)
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (root / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (root / "table.xlsx").write_bytes(b"PK\x03\x04")
    (root / "~$lock.docx").write_bytes(b"\x00" * 162)
    (root / ".hidden").mkdir()
    shutil.copy(PLAN_TXT, root / ".hidden" / "h.txt")
    shutil.copy(PLAN_TXT, root / ".h.txt")
    (root / "notes.txt.json").write_text("{}", encoding="utf-8")  # looks like one of our outputs
    return root


def test_mixed_folder_outputs_and_failures(tmp_path: Path) -> None:
    src = mixed_tree(tmp_path / "in")
    out = src / "out"  # inside DIR: never read as input
    out.mkdir()
    shutil.copy(PLAN_TXT, out / "stray.txt")
    first = batch(src, out, "--jobs", "2")
    assert first.exit_code == 1, first.stderr
    assert first.stdout == ""
    assert outputs(out) == {"a.txt.json", "b.md.json", "sub/x.txt.json", "sub/x.md.json"}
    x_txt = json.loads((out / "sub" / "x.txt.json").read_text(encoding="utf-8"))
    x_md = json.loads((out / "sub" / "x.md.json").read_text(encoding="utf-8"))
    assert (x_txt["source"]["format"], x_md["source"]["format"]) == ("txt", "md")
    assert x_txt["source"]["sha256"] == hashlib.sha256(PLAN_TXT.read_bytes()).hexdigest()
    assert x_txt["tool_version"] == __version__
    recorded = {Path(str(e["path"])).name: e for e in errors(out)}
    assert set(recorded) == {"empty.txt", "image.txt", "scan.pdf"}
    assert all(e["exit"] == 1 and set(e) == {"path", "error", "exit"} for e in recorded.values())
    assert "empty" in str(recorded["empty.txt"]["error"])
    assert "binary" in str(recorded["image.txt"]["error"])
    assert recorded["scan.pdf"]["error"]  # not supported yet; once PDFs are read: not a valid PDF
    assert recorded["scan.pdf"]["path"] == str(src / "scan.pdf")
    assert re.search(r"done\s*\|\s*4\b", first.stderr) and re.search(r"failed\s*\|\s*3\b", first.stderr)
    assert f"failed {src / 'scan.pdf'}: {recorded['scan.pdf']['error']}" in first.stderr
    assert not list(src.rglob("*.tmp")) and not list(src.rglob(".*.tmp"))


def test_same_stem_in_nested_folders_gives_distinct_outputs(tmp_path: Path) -> None:
    src = small_tree(tmp_path / "in")
    found = discover_inputs(src, tmp_path / "out")
    assert [f.rel.as_posix() for f in found] == ["a.txt", "b.md", "sub/x.md", "sub/x.txt"]
    summary = run_batch(src, tmp_path / "out", jobs=1)
    assert (summary.done, summary.failed, summary.exit_code) == (4, 0, 0)
    assert outputs(tmp_path / "out") == {"a.txt.json", "b.md.json", "sub/x.md.json", "sub/x.txt.json"}


def test_glob_and_no_recursive(tmp_path: Path) -> None:
    src = small_tree(tmp_path / "in")
    (src / "notes.xlsx").write_bytes(b"PK\x03\x04")
    assert batch(src, tmp_path / "md", "--glob", "*.md", "--jobs", "1").exit_code == 0
    assert outputs(tmp_path / "md") == {"b.md.json", "sub/x.md.json"}
    assert batch(src, tmp_path / "path", "--glob", "sub/*.txt", "--glob", "a.*").exit_code == 0
    assert outputs(tmp_path / "path") == {"a.txt.json", "sub/x.txt.json"}
    assert batch(src, tmp_path / "top", "--no-recursive", "--glob", "*").exit_code == 0
    assert outputs(tmp_path / "top") == {"a.txt.json", "b.md.json"}  # a glob never selects .xlsx


def test_plain_log_lines_when_not_a_terminal(tmp_path: Path) -> None:
    src = small_tree(tmp_path / "in")
    (src / "empty.txt").write_bytes(b"")
    result = batch(src, tmp_path / "out", "--jobs", "2")
    lines = [line.split("\t") for line in result.stderr.splitlines() if "\t" in line]
    assert sorted(f[1] for f in lines) == sorted(
        str(src / n) for n in ("a.txt", "b.md", "empty.txt", "sub/x.md", "sub/x.txt")
    )
    assert all(re.fullmatch(r"\d+ ms", f[2]) for f in lines)
    statuses = {Path(f[1]).name: f[0] for f in lines}
    assert statuses == {
        "a.txt": "done",
        "b.md": "done",
        "x.md": "done",
        "x.txt": "done",
        "empty.txt": "failed",
    }
    assert [f[3] for f in lines if f[0] == "failed"] == ["file is empty"]
    assert result.stdout == ""


def test_quiet_prints_only_the_summary(tmp_path: Path) -> None:
    result = batch(small_tree(tmp_path / "in"), tmp_path / "out", "--quiet", "--jobs", "2")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "\t" not in result.stderr and "batch:" not in result.stderr
    assert re.search(r"done\s*\|\s*4\b", result.stderr)
    assert re.search(r"skipped\s*\|\s*0\b", result.stderr)
    assert re.search(r"pages\s*\|\s*\d+", result.stderr) and re.search(r"time\s*\|\s*[\d.]+ s", result.stderr)


def test_resume_skips_current_outputs_and_redoes_changed_ones(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    assert batch(src, out, "--jobs", "2").exit_code == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}

    again = batch(src, out, "--jobs", "2")
    assert again.exit_code == 0
    assert (
        sorted(line.split("\t")[0] for line in again.stderr.splitlines() if "\t" in line) == ["skipped"] * 4
    )
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == stamps

    with (src / "sub" / "x.md").open("a", encoding="utf-8") as handle:
        handle.write("\nGhi chú thêm.\n")
    (out / "a.txt.json").write_text(
        (out / "a.txt.json").read_text(encoding="utf-8").replace(f'"{__version__}"', '"0.0.0-old"'),
        encoding="utf-8",
    )
    changed = batch(src, out, "--jobs", "2")
    redone = {
        Path(f[1]).name for f in (line.split("\t") for line in changed.stderr.splitlines()) if f[0] == "done"
    }
    assert redone == {"x.md", "a.txt"}
    assert json.loads((out / "a.txt.json").read_text(encoding="utf-8"))["tool_version"] == __version__

    forced = batch(src, out, "--jobs", "2", "--force")
    assert re.search(r"done\s*\|\s*4\b", forced.stderr) and re.search(r"skipped\s*\|\s*0\b", forced.stderr)


def test_another_repair_mode_parses_again(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    assert batch(src, out).exit_code == 0
    assert repair_modes(out) == {"auto"}

    never = batch(src, out, "--repair", "never")
    assert re.search(r"done\s*\|\s*4\b", never.stderr) and re.search(r"skipped\s*\|\s*0\b", never.stderr)
    assert repair_modes(out) == {"never"}

    again = batch(src, out, "--repair", "never")
    assert re.search(r"done\s*\|\s*0\b", again.stderr) and re.search(r"skipped\s*\|\s*4\b", again.stderr)


def test_an_output_without_an_options_key_is_not_current(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    assert batch(src, out).exit_code == 0
    old = out / "a.txt.json"
    data = json.loads(old.read_text(encoding="utf-8"))
    del data["source"]["options_key"]  # written before the options were recorded
    old.write_text(json.dumps(data), encoding="utf-8")
    again = batch(src, out)
    redone = [
        Path(f[1]).name for f in (line.split("\t") for line in again.stderr.splitlines()) if f[0] == "done"
    ]
    assert redone == ["a.txt"]


def test_errors_file_lists_only_this_runs_failures(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    (src / "empty.txt").write_bytes(b"")
    assert batch(src, out).exit_code == 1
    assert [Path(str(e["path"])).name for e in errors(out)] == ["empty.txt"]
    (src / "empty.txt").unlink()
    second = batch(src, out)
    assert second.exit_code == 0
    assert (out / "_errors.jsonl").read_text(encoding="utf-8") == ""


def test_a_changed_input_that_now_fails_loses_its_stale_output(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    assert batch(src, out).exit_code == 0
    (src / "a.txt").write_bytes(b"")
    assert batch(src, out).exit_code == 1
    assert not (out / "a.txt.json").exists()
    assert (out / "b.md.json").exists()


def test_output_folder_may_be_the_input_folder(tmp_path: Path) -> None:
    src = small_tree(tmp_path / "in")
    assert batch(src, src).exit_code == 0
    assert (src / "sub" / "x.md.json").exists()
    again = batch(src, src)
    assert re.search(r"skipped\s*\|\s*4\b", again.stderr), again.stderr


@pytest.mark.parametrize(
    ("make", "reason"),
    [(lambda p: p / "missing", "no such directory"), (lambda p: p / "plan.txt", "not a directory")],
)
def test_bad_dir_is_one_line_error_exit_1(tmp_path: Path, make, reason) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(PLAN_TXT, tmp_path / "plan.txt")
    directory = make(tmp_path)
    result = batch(directory, tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {directory}: {reason}"


def test_output_that_is_a_file_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x", encoding="utf-8")
    result = batch(small_tree(tmp_path / "in"), tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'out'}: not a directory"


@pytest.mark.parametrize("args", [["batch"], ["batch", "in"], ["batch", "in", "-o", "o", "--jobs", "0"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert cli(*args).exit_code == 2


def test_unexpected_exception_is_recorded_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = cchc_parse.api.parse_file  # worker.parse_file, before the patch

    def buggy(path: str | Path, **options: Any) -> Any:
        if Path(path).name == "x.md":
            raise ValueError("boom\nsecond line")
        if Path(path).name == "x.txt":
            os._exit(9)  # the worker process dies
        return real(path, **options)

    monkeypatch.setattr(worker, "parse_file", buggy)
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    result = batch(src, out, "--jobs", "2", "--debug")
    assert result.exit_code == 1
    assert outputs(out) == {"a.txt.json", "b.md.json"}
    recorded = {Path(str(e["path"])).name: e for e in errors(out)}
    assert recorded["x.md"] == {"path": str(src / "sub" / "x.md"), "error": "ValueError: boom", "exit": 3}
    assert (
        recorded["x.txt"]["exit"] == 3 and recorded["x.txt"]["error"] == "worker process died (exit code 9)"
    )
    assert "Traceback" in result.stderr  # --debug shows where the bug is


def test_timeout_fails_the_file_and_replaces_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = cchc_parse.api.parse_file  # worker.parse_file, before the patch

    def slow(path: str | Path, **options: Any) -> Any:
        if Path(path).name == "x.md":
            time.sleep(60)
        return real(path, **options)

    monkeypatch.setattr(worker, "parse_file", slow)
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in ("a.md", "x.md", "z.md"):
        shutil.copy(SMALL_PLAN, src / name)
    for jobs in ("1", "2"):
        start = time.monotonic()
        result = batch(src, out, "--jobs", jobs, "--timeout", "1", "--force")
        assert time.monotonic() - start < 10
        assert result.exit_code == 1
        assert errors(out) == [{"path": str(src / "x.md"), "error": "timed out after 1 s", "exit": 124}]
        assert outputs(out) == {"a.md.json", "z.md.json"}
        assert not list(out.rglob("*.tmp"))


def test_ctrl_c_stops_cleanly_with_the_summary_and_exit_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = cchc_parse.api.parse_file  # worker.parse_file, before the patch
    calls = []

    def interrupted_after_first(path: str | Path, **options: Any) -> Any:
        calls.append(path)  # counted in the one worker process (--jobs 1)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return real(path, **options)

    monkeypatch.setattr(worker, "parse_file", interrupted_after_first)
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    result = batch(src, out, "--jobs", "1")
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert re.search(r"done\s*\|\s*1\b", result.stderr) and re.search(
        r"not processed\s*\|\s*3\b", result.stderr
    )
    assert outputs(out) == {"a.txt.json"}  # inputs go in path order with one job
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]

    monkeypatch.setattr(worker, "parse_file", real)
    assert batch(src, tmp_path / "ref", "--glob", "a.txt").exit_code == 0
    reference = json.loads((tmp_path / "ref" / "a.txt.json").read_text(encoding="utf-8"))
    assert json.loads((out / "a.txt.json").read_text(encoding="utf-8")) == reference
    resumed = batch(src, out, "--jobs", "1")
    assert resumed.exit_code == 0
    assert re.search(r"skipped\s*\|\s*1\b", resumed.stderr) and re.search(r"done\s*\|\s*3\b", resumed.stderr)


def test_interrupted_write_leaves_no_partial_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if multiprocessing.parent_process() is not None:  # only in the workers
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    result = batch(src, out, "--jobs", "1")
    assert result.exit_code == 130
    assert outputs(out) == set()
    assert [p.name for p in out.iterdir()] == ["_errors.jsonl"]


def test_pages_are_estimated_from_characters(tmp_path: Path) -> None:
    src = small_tree(tmp_path / "in")
    summary = run_batch(src, tmp_path / "out", jobs=2)
    expected = sum(
        math.ceil(len(p.read_text(encoding="utf-8")) / PAGE_CHARS) for p in src.rglob("*") if p.is_file()
    )
    assert summary.pages == expected
    assert [pages_for_characters(n) for n in (0, 1, 3000, 3001)] == [1, 1, 1, 2]


def test_library_defaults_and_argument_checks(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        run_batch(small_tree(tmp_path / "in"), tmp_path / "out", jobs=0)
    assert not isinstance(make_reporter(console=Console(file=io.StringIO())), RichReporter)
    assert isinstance(make_reporter(console=Console(file=io.StringIO(), force_terminal=True)), RichReporter)


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    src = small_tree(tmp_path / "in")
    (src / "empty.txt").write_bytes(b"")
    summary = run_batch(src, tmp_path / "out", jobs=2, reporter=make_reporter(console=console))
    text = screen.getvalue()
    assert summary.failed == 1
    assert "5/5 files" in text and f"{summary.pages} pages" in text and "1 failed" in text
    assert "ETA" in text


def test_a_worker_that_died_while_idle_is_replaced(tmp_path: Path) -> None:
    with WorkerPool(1) as pool:
        first = list(pool.results([Job(PLAN_TXT, tmp_path / "a.json")]))
        [idle] = pool._workers
        idle.process.kill()
        idle.process.join()
        second = list(pool.results([Job(PLAN_TXT, tmp_path / "b.json")]))
    assert [outcome.status for _, outcome in first + second] == ["done", "done"]
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["source"]["format"] == "txt"


@pytest.mark.parametrize(("option", "repaired"), [([], True), (["--repair", "never"], False)])
def test_batch_repair_option_reaches_the_workers(tmp_path: Path, option: list[str], repaired: bool) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(FIXTURES / "seeds" / "002_44ed5409a343b470.txt", src / "scan.txt")  # OCR without marks
    result = batch(src, tmp_path / "out", "--jobs", "1", "--quiet", *option)
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "out" / "scan.txt.json").read_text(encoding="utf-8"))
    assert document["source"]["repaired"] is repaired
    assert (document["plan"]["title"] or "").startswith("Kế hoạch tuyên truyền") is repaired


def test_a_timeout_ends_the_programs_the_worker_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "child.pid"

    def runs_a_program(path: str | Path, **options: Any) -> Any:
        child = subprocess.Popen(["sleep", "60"])  # as Tesseract would be, in the worker's process group
        pid_file.write_text(str(child.pid), encoding="utf-8")
        time.sleep(60)

    monkeypatch.setattr(worker, "parse_file", runs_a_program)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SMALL_PLAN, src / "x.md")
    result = batch(src, tmp_path / "out", "--jobs", "1", "--timeout", "1")
    assert result.exit_code == 1
    assert errors(tmp_path / "out")[0]["exit"] == 124
    child = int(pid_file.read_text(encoding="utf-8"))
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the worker's child process outlived the time limit"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (ended, not yet reaped by init) counts as ended
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[1][0] != "Z"
    except OSError:
        return True


@pytest.mark.parametrize(
    ("work", "timeout", "limit"),
    [
        (Work("pdf", 1, 2.5), None, 120.0),
        (Work("pdf", 35, 87.5), None, 700.0),
        (Work("txt", 35, 0.35), None, 120.0),  # a long text needs no OCR
        (Work("pdf", 35, 87.5), 60.0, 60.0),
        (Work("pdf", 35, 87.5), 0.0, None),
    ],
)
def test_the_default_time_limit_grows_with_the_pages(
    work: Work, timeout: float | None, limit: float | None
) -> None:
    assert time_limit(work, timeout) == limit


def test_pdf_pages_are_known_before_parsing(tmp_path: Path) -> None:
    pdf = FIXTURES / "pdf" / "QD-1074-QD-BXD-29-6-2026.pdf"
    assert pages_before_parsing(pdf, pdf.stat().st_size) == 2
    assert pages_before_parsing(PLAN_TXT, 6001) == 3
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 nothing")
    assert pages_before_parsing(broken, 16) == 1


def test_another_ocr_mode_parses_again(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    assert batch(src, out, "-q").exit_code == 0
    again = batch(src, out, "-q", "--ocr", "never")
    assert re.search(r"done\s*\|\s*4\b", again.stderr), again.stderr
    modes = {json.loads(p.read_text(encoding="utf-8"))["source"]["ocr_mode"] for p in out.rglob("*.json")}
    assert modes == {"never"}


def test_progress_shows_files_in_work_and_the_time_left() -> None:
    screen = io.StringIO()
    reporter = RichReporter(Console(file=screen, force_terminal=True, width=160))
    scan, text = Work("pdf", 20, 50.0), Work("txt", 10, 0.1)
    reporter.start(files=3, work=[scan, text, text], skipped=1, jobs=2)
    reporter.begin("in/long-scan.pdf")
    reporter.begin("in/short.txt")
    reporter.file(FileResult("in/short.txt", "done", 200, pages=10), text)  # texts run at twice their prior
    reporter._last = 0.0
    reporter.tick()
    text_out = screen.getvalue()
    assert "1 up to date, 3 to parse" in text_out
    assert "1/3 files" in text_out and "long-scan.pdf" in text_out
    assert "ETA 0:00:25" in text_out  # the scan keeps its prior (50 s) + a text at its pace (0.2 s), over 2
    reporter.stop()


@pytest.mark.parametrize(
    ("done", "left"),
    [([], None), ([("txt", 1.0)], 25.0), ([("txt", 1.0), ("pdf", 100.0)], 0.0)],
)
def test_the_estimate_follows_each_formats_pace(done: list[tuple[str, float]], left: float | None) -> None:
    work = {"pdf": Work("pdf", 20, 50.0), "txt": Work("txt", 10, 0.1)}
    estimate = Estimate(list(work.values()), jobs=2)
    for kind, seconds in done:
        estimate.done(work[kind], seconds)
    assert estimate.seconds_left() == left


def test_expected_work_weighs_a_pdf_page_above_a_text_page(tmp_path: Path) -> None:
    pdf = FIXTURES / "pdf" / "QD-1074-QD-BXD-29-6-2026.pdf"
    assert expected_work(pdf, pdf.stat().st_size) == Work("pdf", 2, 5.0)
    assert expected_work(PLAN_TXT, 6001) == Work("txt", 3, 0.03)


def test_plain_log_says_how_much_work_there_is() -> None:
    stream = io.StringIO()
    PlainReporter(stream).start(files=4, work=[Work("pdf", 6, 15.0), Work("md", 6, 0.06)], skipped=1, jobs=2)
    assert stream.getvalue() == "batch: 4 to parse (about 12 pages), 1 up to date, 2 jobs\n"


def test_workers_get_the_options_that_make_the_resume_key(tmp_path: Path) -> None:
    from cchc_parse.batch.runner import _Item, _job
    from cchc_parse.options import ParseOptions

    found = discover_inputs(small_tree(tmp_path / "in"), tmp_path / "out")[0]
    chosen = ParseOptions(ocr="never", repair="always", jobs=4, max_pages=5)
    job = _job(_Item(found, tmp_path / "out.json", False), chosen, None)
    assert job.options.key == chosen.key  # else no output of this run would ever be current
    assert job.options.jobs == 1 and job.options.progress is None
