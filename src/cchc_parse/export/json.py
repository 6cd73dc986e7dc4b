"""Writing output files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cchc_parse.errors import OutputError


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that readers never see a half-written file."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename, with the usual
    permissions (umask applied, not mkstemp's 0600). An existing target that is no regular file (/dev/null,
    a FIFO, a terminal) is written to directly: it is never replaced. Raises :class:`OutputError` when it
    cannot be written."""
    if path.exists() and not path.is_file() and not path.is_dir():
        _write_through(path, data)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(str(path), _reason(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(str(path), _reason(exc)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_through(path: Path, data: bytes) -> None:
    try:
        with path.open("wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError(str(path), _reason(exc)) from exc


def _reason(exc: OSError) -> str:
    return f"cannot be written: {(exc.strerror or type(exc).__name__).lower()}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
