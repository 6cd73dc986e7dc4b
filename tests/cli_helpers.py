"""Running the command line in-process, as a user's shell would, for the CLI tests."""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from cchc_parse.cli import run


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def cli(*args: str | Path, stdin: bytes = b"") -> CliResult:
    """Run ``cchc-parse ARGS`` in this process with ``stdin`` as standard input; capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run([str(a) for a in args])
    finally:
        sys.stdin = old_stdin
    return CliResult(code, out.getvalue(), err.getvalue())
