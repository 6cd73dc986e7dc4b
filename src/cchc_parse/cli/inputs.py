"""FILE arguments: a path, or '-' for standard input (kept in a temporary file while it is read)."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cchc_parse.errors import CchcParseError, InputError
from cchc_parse.formats import sniff

STDIN = "-"


@dataclass(frozen=True)
class Input:
    """Where to read a FILE argument (``path``) and the name to report for it (``name``)."""

    path: Path
    name: str

    def renamed(self, exc: CchcParseError) -> CchcParseError:
        """The error with the temporary path of standard input replaced by the name to report."""
        if exc.path == str(self.path) and self.name != exc.path:
            return type(exc)(self.name, exc.reason)
        return exc


@contextmanager
def opened(argument: str, stdin_name: str | None = None) -> Iterator[Input]:
    """The input a FILE argument names; for '-', standard input's bytes in a temporary file whose extension
    is ``stdin_name``'s or told from the bytes. Errors name the argument, not the temporary file."""
    if argument != STDIN:
        yield Input(Path(argument), argument)
        return
    data = sys.stdin.buffer.read()
    if not data:
        raise InputError(stdin_name or STDIN, "standard input is empty")
    suffix = Path(stdin_name).suffix.lower() if stdin_name else sniff(data).suffixes[0]
    with tempfile.TemporaryDirectory(prefix="cchc-parse-") as folder:
        path = Path(folder) / f"stdin{suffix}"
        path.write_bytes(data)
        source = Input(path, stdin_name or STDIN)
        try:
            yield source
        except CchcParseError as exc:
            raise source.renamed(exc) from exc
