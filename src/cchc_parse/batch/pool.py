"""A pool of worker processes with a time limit per file.

``concurrent.futures.ProcessPoolExecutor`` cannot stop a worker stuck in one task, so this pool keeps its
own long-lived workers, one pipe each: the parent hands a worker one file at a time and waits on all pipes
and process sentinels at once. Each file has its own time limit (:attr:`Job.limit`). A worker over it is
killed with its whole process group, Tesseract included (SIGKILL: a runaway regular expression does not
return to Python to honour anything gentler), its temporary file removed, the file recorded as timed
out, and a fresh worker started for the next file. Workers start lazily (never more than
there are files), so ``--jobs 1`` costs one process started once, yet still enforces the time limit.

On Linux workers are forked from the parent, which has already imported the parser; elsewhere they are
spawned. Workers ignore Ctrl-C: on an interruption the parent terminates them (SIGTERM, handled by Python
so an atomic write in progress cleans up; their process groups too) and removes any temporary file they
leave.
"""

from __future__ import annotations

import contextlib
import glob
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from pathlib import Path
from types import TracebackType
from typing import Any

from cchc_parse.batch.worker import EXIT_INTERNAL, EXIT_TIMEOUT, Outcome, worker_main
from cchc_parse.options import ParseOptions

TICK_SECONDS = 0.2
_STOP_GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class Job:
    """One file for a worker: parse ``source`` (read as ``options`` say), write ``output``, within ``limit``
    seconds (None: no limit)."""

    source: Path
    output: Path
    options: ParseOptions = field(default_factory=ParseOptions)
    limit: float | None = None


class _Worker:
    def __init__(self, ctx: BaseContext) -> None:
        parent, child = ctx.Pipe()
        self.process: Any = ctx.Process(target=worker_main, args=(child, parent), daemon=True)  # type: ignore[attr-defined]
        with _sigint_ignored():
            self.process.start()
        with contextlib.suppress(OSError, AttributeError):  # the worker does the same: whoever runs first
            os.setpgid(self.process.pid, self.process.pid)
        child.close()
        self.conn: Connection = parent
        self.job: Job | None = None
        self.started = 0.0

    def assign(self, job: Job) -> bool:
        """Hand the worker a file; False if it has died meanwhile (while idle)."""
        try:
            self.conn.send((str(job.source), str(job.output), job.options))
        except OSError:
            return False
        self.job = job
        self.started = time.monotonic()
        return True

    def take(self) -> Job:
        job, self.job = self.job, None
        assert job is not None
        return job

    def stop(self, *, kill: bool) -> None:
        """SIGKILL (``kill``) or SIGTERM to the worker and every process of its group."""
        self._signal_group(signal.SIGKILL if kill else signal.SIGTERM)

    def _signal_group(self, signum: int) -> None:
        pid = self.process.pid
        try:
            os.killpg(pid, signum)
        except (OSError, AttributeError):  # no group of its own (yet), or not POSIX: the worker alone
            with contextlib.suppress(OSError):
                os.kill(pid, signum)

    def reap(self, timeout: float | None = None) -> None:
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        with contextlib.suppress(OSError, AttributeError):  # what the worker left running (Tesseract)
            os.killpg(self.process.pid, signal.SIGKILL)
        if self.job is not None:
            remove_temporaries(self.job.output)
        self.conn.close()


class WorkerPool:
    """Run jobs on ``size`` worker processes, each job within its own time limit; ``started`` hears each job
    as a worker takes it, ``tick`` is called several times a second."""

    def __init__(
        self,
        size: int,
        *,
        tick: Callable[[], None] | None = None,
        started: Callable[[Job], None] | None = None,
    ) -> None:
        if size < 1:
            raise ValueError("the pool needs at least one worker")
        self._ctx = _context()
        self._size = size
        self._tick = tick
        self._started = started
        self._workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(abort=exc_type is not None)

    def results(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
        """Yield each job with its outcome as workers finish (raises KeyboardInterrupt if a worker was)."""
        pending = deque(jobs)
        while pending or self._busy():
            self._assign(pending)
            yield from self._collect()
            if self._tick is not None:
                self._tick()

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers: let idle ones exit, or on ``abort`` terminate them mid-file."""
        for worker in self._workers:
            if abort:
                worker.stop(kill=False)
            else:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in self._workers:
            worker.reap(_STOP_GRACE_SECONDS)
        self._workers.clear()

    def _busy(self) -> list[_Worker]:
        return [w for w in self._workers if w.job is not None]

    def _assign(self, pending: deque[Job]) -> None:
        """Give every idle worker a file, starting workers (up to the pool's size) for files left over."""
        idle = [w for w in self._workers if w.job is None]
        while len(idle) < len(pending) and len(self._workers) < self._size:
            idle.append(_Worker(self._ctx))
            self._workers.append(idle[-1])
        for worker in idle:
            if not pending:
                return
            job = pending.popleft()
            if not worker.assign(job):  # died while idle: the file goes back, a new worker takes it
                pending.appendleft(job)
                worker.reap()
                self._workers.remove(worker)
                self._assign(pending)
                return
            if self._started is not None:
                self._started(job)

    def _collect(self) -> Iterator[tuple[Job, Outcome]]:
        busy = self._busy()
        waitables: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(waitables, timeout=self._wait_seconds(busy)))
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                job, outcome = self._receive(worker)
            elif self._overdue(worker):
                job, outcome = self._expire(worker)
            else:
                continue
            if outcome.status == "interrupted":
                raise KeyboardInterrupt
            yield job, outcome

    def _receive(self, worker: _Worker) -> tuple[Job, Outcome]:
        try:
            outcome: Outcome = worker.conn.recv()
        except (EOFError, OSError):
            return self._retire(worker, _died(worker))
        return worker.take(), outcome

    def _expire(self, worker: _Worker) -> tuple[Job, Outcome]:
        worker.stop(kill=True)
        seconds = (worker.job.limit if worker.job else None) or 0.0
        outcome = Outcome(
            "failed", round(seconds * 1000), exit=EXIT_TIMEOUT, error=f"timed out after {seconds:g} s"
        )
        return self._retire(worker, outcome)

    def _retire(self, worker: _Worker, outcome: Outcome) -> tuple[Job, Outcome]:
        """Drop a dead or killed worker (a new one starts if work remains) and report its file."""
        assert worker.job is not None
        job = worker.job
        worker.reap()
        worker.job = None
        self._workers.remove(worker)
        return job, outcome

    def _overdue(self, worker: _Worker) -> bool:
        limit = worker.job.limit if worker.job else None
        return limit is not None and time.monotonic() - worker.started >= limit

    def _wait_seconds(self, busy: list[_Worker]) -> float:
        now = time.monotonic()
        ends = [w.started + w.job.limit - now for w in busy if w.job is not None and w.job.limit is not None]
        return max(0.0, min([TICK_SECONDS, *ends]))


def remove_temporaries(output: Path) -> None:
    """Remove temporary files an interrupted atomic write of ``output`` may have left beside it."""
    with contextlib.suppress(OSError):
        for tmp in output.parent.glob(f".{glob.escape(output.name)}.*.tmp"):
            tmp.unlink(missing_ok=True)


def _died(worker: _Worker) -> Outcome:
    worker.process.join()
    code = worker.process.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    ms = round((time.monotonic() - worker.started) * 1000)
    return Outcome("failed", ms, exit=EXIT_INTERNAL, error=f"worker process died ({how})")


def _context() -> BaseContext:
    fork = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if fork else "spawn")


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start workers with SIGINT ignored (inherited), so a Ctrl-C reaches only the parent."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
