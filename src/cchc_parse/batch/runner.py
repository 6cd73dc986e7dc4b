"""Running a batch: every input under DIR to ``OUT/<relative path>.json``, resumably, on a worker pool.

- Resume: an input is skipped when its output exists and records the same input SHA-256
  (``source.sha256``), the same ``tool_version`` and options of the same key (``source.options_key``:
  ``--ocr``, ``--repair``); ``force`` parses everything again.
- Time limits: by default :data:`DEFAULT_TIMEOUT` seconds a file, or :data:`SECONDS_PER_PAGE` a page for
  longer PDFs (an OCR'd page takes a few seconds); a given ``timeout`` is the same for every file.
- Failures never stop the batch. Each is a line ``{"path", "error", "exit"}`` in ``OUT/_errors.jsonl``
  (exit 1 bad input, 3 internal error, 124 timeout). The file is rewritten by every run, so it lists
  only that run's failures (it is empty after a clean run); it is appended to as failures happen, then
  rewritten sorted by path at the end. When a file fails, an output left from an older version of it is
  removed, so that OUT never holds a result for input that no longer parses (an output still current is
  kept, e.g. when ``force`` hits a timeout).
- Outputs are written atomically; Ctrl-C stops the workers, removes their temporary files, and returns
  the summary so far with ``interrupted`` set.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from cchc_parse._version import __version__
from cchc_parse.batch.discover import InputFile, discover_inputs, is_current, output_path
from cchc_parse.batch.pages import NO_WORK, Work, expected_work
from cchc_parse.batch.pool import Job, WorkerPool
from cchc_parse.batch.progress import Reporter
from cchc_parse.batch.summary import BatchSummary, FileResult, FileStatus
from cchc_parse.batch.worker import Outcome
from cchc_parse.errors import InputError
from cchc_parse.export.json import write_atomic
from cchc_parse.options import ParseOptions

DEFAULT_TIMEOUT = 120.0  # seconds a file, at the least
SECONDS_PER_PAGE = 20.0  # for longer PDFs: OCR takes 2-3 s a page on one core, scans run up to 5
ERRORS_FILE = "_errors.jsonl"


@dataclass(frozen=True)
class _Item:
    input: InputFile
    output: Path
    current: bool  # the existing output matches the input (only computed when it exists)
    work: Work = NO_WORK  # its pages and expected seconds, known before parsing (batch.pages.expected_work)


def run_batch(
    input_dir: str | Path,
    output_dir: str | Path,
    *,
    recursive: bool = True,
    globs: Sequence[str] = (),
    jobs: int | None = None,
    timeout: float | None = None,
    force: bool = False,
    options: ParseOptions | None = None,
    reporter: Reporter | None = None,
) -> BatchSummary:
    """Parse every input under ``input_dir`` into ``output_dir``; see the module documentation.

    ``jobs``: worker processes (default: the CPUs available); ``timeout``: seconds per file (None: the
    default, growing with a PDF's pages; 0: no limit); ``options``: how files are read (OCR and diacritic
    repair; each worker OCRs one page at a time, whatever ``options.jobs`` says). Raises
    :class:`cchc_parse.errors.InputError` when ``input_dir`` is not a folder or ``output_dir`` cannot be
    one, and ValueError for a bad ``jobs`` or ``timeout``.
    """
    root, out = _prepare(Path(input_dir), Path(output_dir))
    workers = default_jobs() if jobs is None else jobs
    if workers < 1 or (timeout is not None and timeout < 0):
        raise ValueError("jobs must be at least 1 and timeout not negative")
    read = options or ParseOptions()
    report = reporter or Reporter()
    summary = BatchSummary(input_dir=root, output_dir=out, errors_file=out / ERRORS_FILE, jobs=workers)
    clock = time.monotonic()
    errors = _ErrorLog(summary.errors_file)
    try:
        inputs = discover_inputs(root, out, recursive=recursive, globs=globs)
        summary.total = len(inputs)
        todo, skipped = _plan(inputs, out, force=force, options=read)
        report.start(files=len(todo), work=[i.work for i in todo], skipped=len(skipped), jobs=workers)
        for result, _item in skipped:
            summary.add(result)
            report.file(result, NO_WORK)
        jobs_of = {_job(item, read, timeout): item for item in todo}
        _parse_all(jobs_of, workers, summary, report, errors)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        summary.seconds = time.monotonic() - clock
        report.stop()
        errors.finish(summary.failures)
    return summary


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def display_path(path: Path) -> str:
    """The path as text; bytes of a file name that are not UTF-8 are shown as ``\\xNN`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _prepare(root: Path, out: Path) -> tuple[Path, Path]:
    if not root.exists():
        raise InputError(str(root), "no such directory")
    if not root.is_dir():
        raise InputError(str(root), "not a directory")
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "not a directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(out), exc.strerror or "cannot create the folder") from exc
    return root, out


def time_limit(work: Work, timeout: float | None = None) -> float | None:
    """The time limit of a file expected to cost ``work``: ``timeout`` when given (0: none), else the
    default, which grows with a PDF's pages (other formats' pages are estimates, and need no OCR)."""
    if timeout is not None:
        return timeout or None
    pages = work.pages if work.kind == "pdf" else 0
    return max(DEFAULT_TIMEOUT, SECONDS_PER_PAGE * pages)


def _job(item: _Item, options: ParseOptions, timeout: float | None) -> Job:
    # the pool is the parallelism: each worker OCRs one page at a time; progress stays in this process
    worker_options = replace(options, jobs=1, progress=None)
    return Job(item.input.path, item.output, worker_options, time_limit(item.work, timeout))


def _plan(
    inputs: list[InputFile], out: Path, *, force: bool, options: ParseOptions
) -> tuple[list[_Item], list[tuple[FileResult, _Item]]]:
    """Split inputs into those to parse and those whose output is current (skipped unless ``force``)."""
    todo: list[_Item] = []
    skipped: list[tuple[FileResult, _Item]] = []
    for found in inputs:
        start = time.perf_counter()
        output = output_path(out, found.rel)
        current = output.exists() and is_current(found.path, output, __version__, options)
        if current and not force:
            ms = round((time.perf_counter() - start) * 1000)
            skipped.append(
                (FileResult(display_path(found.path), "skipped", ms), _Item(found, output, current))
            )
        else:
            todo.append(_Item(found, output, current, expected_work(found.path, found.size)))
    return todo, skipped


def _parse_all(
    items: dict[Job, _Item], workers: int, summary: BatchSummary, report: Reporter, errors: _ErrorLog
) -> None:
    if not items:
        return
    order = list(items)
    if workers > 1:  # longest expected first (a scan before a text of as many pages): they finish together
        order.sort(key=lambda job: (-items[job].work.seconds, -items[job].input.size))

    def started(job: Job) -> None:
        report.begin(display_path(job.source))

    with WorkerPool(min(workers, len(items)), tick=report.tick, started=started) as pool:
        for job, outcome in pool.results(order):
            item = items[job]
            result = _result(item, outcome)
            if result.status == "failed":
                errors.write(result)
                if not item.current:
                    item.output.unlink(missing_ok=True)
            summary.add(result)
            report.file(result, item.work)


def _result(item: _Item, outcome: Outcome) -> FileResult:
    status: FileStatus = "done" if outcome.status == "done" else "failed"
    return FileResult(
        path=display_path(item.input.path),
        status=status,
        ms=outcome.ms,
        pages=outcome.pages,
        exit=outcome.exit,
        error=outcome.error,
        detail=outcome.detail,
    )


class _ErrorLog:
    """``_errors.jsonl``: truncated when the run starts, one line per failure as it happens."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle: IO[str] | None = path.open("w", encoding="utf-8")

    def write(self, result: FileResult) -> None:
        if self._handle is not None:
            self._handle.write(_error_line(result))
            self._handle.flush()

    def finish(self, failures: list[FileResult]) -> None:
        """Close, then rewrite the failures sorted by path (atomically)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        write_atomic(self._path, "".join(_error_line(r) for r in sorted(failures, key=lambda r: r.path)))


def _error_line(result: FileResult) -> str:
    record = {"path": result.path, "error": result.error, "exit": result.exit}
    line = json.dumps(record, ensure_ascii=False) + "\n"
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # an exception's text with undecodable file name bytes
        return json.dumps(record) + "\n"
    return line
