"""What a worker process does with one file: parse it, write its JSON atomically, report the outcome.

Failures are outcomes, never exceptions: bad input (:class:`CchcParseError`) has exit status 1 and the
one-line reason; any other exception is a bug in cchc-parse and has :data:`EXIT_INTERNAL` with the
exception's type and text (and the traceback, shown by ``--debug``). The pool adds :data:`EXIT_TIMEOUT`
for a file over the time limit and :data:`EXIT_INTERNAL` for a worker process that died.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType
from typing import Literal

from cchc_parse.api import parse_file
from cchc_parse.batch.pages import estimate_pages
from cchc_parse.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_TIMEOUT, CchcParseError, describe
from cchc_parse.export.json import write_atomic
from cchc_parse.models import PlanDocument
from cchc_parse.options import ParseOptions

__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "EXIT_TIMEOUT", "Outcome", "process_file", "worker_main"]

Status = Literal["done", "failed", "interrupted"]


@dataclass(frozen=True)
class Outcome:
    """The result of one file: ``done`` with its pages, or ``failed`` with an exit status and message."""

    status: Status
    ms: int
    pages: int = 0
    exit: int = 0
    error: str | None = None
    detail: str | None = None  # the traceback of an unexpected exception


def process_file(source: Path, output: Path, options: ParseOptions | None = None) -> Outcome:
    """Parse ``source`` (read as ``options`` say) and write its JSON document to ``output`` (atomically)."""
    read = options or ParseOptions()
    start = time.perf_counter()
    try:
        document = parse_file(source, ocr=read.ocr, jobs=read.jobs, repair=read.repair)
        pages = estimate_pages(document, source)
        _write_document(output, document)
    except CchcParseError as exc:
        return Outcome("failed", _ms_since(start), exit=EXIT_BAD_INPUT, error=exc.reason)
    except KeyboardInterrupt:
        return Outcome("interrupted", _ms_since(start))
    except Exception as exc:
        detail = traceback.format_exc()
        return Outcome("failed", _ms_since(start), exit=EXIT_INTERNAL, error=describe(exc), detail=detail)
    return Outcome("done", _ms_since(start), pages=pages)


def document_json(document: PlanDocument, *, ascii_only: bool = False) -> str:
    """The document as ``cchc-parse parse`` prints it: indented UTF-8 JSON and a final newline."""
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=ascii_only, indent=2) + "\n"


def _write_document(output: Path, document: PlanDocument) -> None:
    try:
        write_atomic(output, document_json(document))
    except UnicodeEncodeError:  # a file name that is not UTF-8 (in source.path): escape it
        write_atomic(output, document_json(document, ascii_only=True))


def worker_main(conn: Connection, parent_end: Connection | None = None) -> None:
    """A worker process: receive ``(source, output, options)`` jobs until None or the parent goes away.

    ``parent_end`` is the parent's end of the pipe, inherited by a forked worker: it is closed at once so
    that the worker sees end-of-file, finishes its current file and exits if the parent dies. The worker
    leads a process group of its own, so that the pool can stop it together with the programs it runs
    (Tesseract). Ctrl-C is the parent's to handle (workers ignore SIGINT); SIGTERM exits through Python so
    that an atomic write in progress removes its temporary file.
    """
    if parent_end is not None:
        parent_end.close()
    if hasattr(os, "setpgid"):
        os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_term)
    while True:
        try:
            job = conn.recv()
            if job is None:
                return
            source, output, options = job
            conn.send(process_file(Path(source), Path(output), options))
        except (EOFError, OSError):  # the parent is gone
            return


def _exit_on_term(signum: int, frame: FrameType | None) -> None:
    sys.exit(128 + signum)


def _ms_since(start: float) -> int:
    return round((time.perf_counter() - start) * 1000)
