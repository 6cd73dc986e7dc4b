"""Finding a batch's inputs, their output paths, and whether an existing output is still current.

Inputs are the files under DIR whose suffix is one cchc-parse reads or will read (``.pdf .docx .doc .txt
.md``, and ``.markdown``/``.text``), case-insensitively. Skipped: hidden files and folders (a name starting
with ``.``), Office lock files (``~$…``), the output folder when it lies inside DIR, and symbolic links to
folders. Our own outputs (``*.json``, ``_errors.jsonl``, exported tables) never have an input suffix.

``a/b/x.pdf`` under DIR becomes ``OUT/a/b/x.pdf.json``: the input's extension is kept, so ``x.pdf`` and
``x.docx`` never collide.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cchc_parse.formats import INPUT_SUFFIXES
from cchc_parse.options import ParseOptions

OUTPUT_SUFFIX = ".json"
_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class InputFile:
    """One input: its path (DIR joined with ``rel``), its path relative to DIR, and its size in bytes."""

    path: Path
    rel: PurePosixPath
    size: int


def discover_inputs(
    root: Path, out_dir: Path, *, recursive: bool = True, globs: Sequence[str] = ()
) -> list[InputFile]:
    """The inputs under ``root``, sorted by relative path.

    ``globs`` (fnmatch patterns) narrow the selection: a pattern with ``/`` is matched against the path
    relative to ``root`` (``*`` then also crosses ``/``), one without against the file name; a file is
    kept when any pattern matches. A pattern never selects a file whose type cchc-parse does not read.
    """
    out_resolved = _resolved(out_dir)
    skip_dir = out_resolved if out_resolved != _resolved(root) else None  # OUT may be DIR itself
    found: list[InputFile] = []
    for folder, dirnames, filenames in os.walk(root):
        here = Path(folder)
        dirnames[:] = sorted(d for d in dirnames if _wanted_dir(here / d, skip_dir))
        for name in filenames:
            path = here / name
            rel = PurePosixPath(path.relative_to(root).as_posix())
            if _is_input(path) and _selected(rel, globs):
                found.append(InputFile(path=path, rel=rel, size=_size(path)))
        if not recursive:
            break
    return sorted(found, key=lambda f: f.rel)


def output_path(out_dir: Path, rel: PurePosixPath) -> Path:
    """Where the JSON of the input at ``rel`` (relative to DIR) goes: ``OUT/<rel>.json``."""
    return out_dir.joinpath(*rel.parent.parts, rel.name + OUTPUT_SUFFIX)


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, read in chunks; None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def read_stamp(output: Path) -> tuple[str, str, str] | None:
    """``(source.sha256, tool_version, source.options_key)`` of an existing output, or None if it is
    missing, not ours, or older than the record of its options."""
    try:
        data = json.loads(output.read_bytes())
        source = data["source"]
        stamp = (source["sha256"], data["tool_version"], source["options_key"])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if all(isinstance(part, str) for part in stamp):
        return stamp
    return None


def is_current(source: Path, output: Path, tool_version: str, options: ParseOptions | None = None) -> bool:
    """True when ``output`` exists and was made by ``tool_version`` with options of the same key (``--ocr``,
    ``--repair``) from exactly these input bytes."""
    read = options or ParseOptions()
    stamp = read_stamp(output)
    wanted = (tool_version, read.key)
    return stamp is not None and stamp[1:] == wanted and stamp[0] == file_sha256(source)


def _is_input(path: Path) -> bool:
    name = path.name
    if name.startswith((".", "~$")) or path.suffix.lower() not in INPUT_SUFFIXES:
        return False
    return path.is_file()


def _wanted_dir(path: Path, skip_dir: Path | None) -> bool:
    if path.name.startswith(".") or path.is_symlink():
        return False
    return skip_dir is None or _resolved(path) != skip_dir


def _selected(rel: PurePosixPath, globs: Sequence[str]) -> bool:
    if not globs:
        return True
    return any(fnmatch.fnmatch(str(rel) if "/" in g else rel.name, g) for g in globs)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _resolved(path: Path) -> Path:
    return path.resolve(strict=False)
