"""``validate``'s configuration: ``[validate]`` in ``.cchc-parse.toml`` or ``[tool.cchc-parse.validate]`` in
``pyproject.toml``, found from a folder upwards (the nearest folder with either wins; in one folder
``.cchc-parse.toml`` wins, and a ``pyproject.toml`` without the table is passed over).

    [tool.cchc-parse.validate]
    select = ["CP0"]                     # rules to run (codes or prefixes; default: all)
    ignore = ["CP060"]                   # rules to skip
    strict = true                        # warnings fail too
    [tool.cchc-parse.validate.per-file-ignores]
    "drafts/*.md" = ["CP04"]             # globs relative to the configuration's folder, or file names

On the command line ``--select`` replaces the configuration's ``select``, ``--ignore`` adds to its
``ignore``, and ``--strict`` turns strict on; per-file ignores always apply.
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

OWN_FILE = ".cchc-parse.toml"
PYPROJECT = "pyproject.toml"
KEYS = {"select", "ignore", "strict", "per-file-ignores"}


class ConfigError(ValueError):
    """A configuration file that cannot be read or holds a wrong key or value (a usage error, exit 2)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class ValidateConfig:
    """What a configuration file says (empty when there is none); ``root`` is its folder."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)

    def ignored_for(self, file: str | Path) -> tuple[str, ...]:
        """The codes the per-file ignores silence for ``file``."""
        candidate = Path(file)
        try:
            rel = PurePosixPath(candidate.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            rel = PurePosixPath(candidate.as_posix())
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            target = str(rel) if "/" in pattern else rel.name
            if fnmatch.fnmatch(target, pattern):
                out.extend(codes)
        return tuple(out)


def find_config(start: Path) -> Path | None:
    """The configuration file for ``start`` (a folder), looking in it and then in each parent."""
    for folder in (start.resolve(), *start.resolve().parents):
        own = folder / OWN_FILE
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _table(pyproject) is not None:
            return pyproject
    return None


def load_config(path: Path | None) -> ValidateConfig:
    """The configuration in ``path`` (None: no file, the defaults)."""
    if path is None:
        return ValidateConfig()
    table = _table(path) or {}
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(path, f"unknown key {sorted(unknown)[0]!r} (keys: {', '.join(sorted(KEYS))})")
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(path, "'strict' must be true or false")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(path, "'per-file-ignores' must be a table of glob = [codes]")
    return ValidateConfig(
        select=_codes(path, "select", table.get("select", [])),
        ignore=_codes(path, "ignore", table.get("ignore", [])),
        strict=strict,
        per_file_ignores=tuple(
            (glob, _codes(path, f"per-file-ignores.{glob}", v)) for glob, v in per_file.items()
        ),
        path=path,
        root=path.parent.resolve(),
    )


def _codes(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(path, f"'{key}' must be a list of rule codes")
    return tuple(v.strip() for v in value)


def _table(path: Path) -> dict[str, Any] | None:
    """The validate table of a configuration file, or None when it has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot be read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"not valid TOML: {exc}") from exc
    table: Any = data.get("tool", {}).get("cchc-parse", {}) if path.name == PYPROJECT else data
    if not isinstance(table, dict):
        raise ConfigError(path, "the cchc-parse table must be a table")
    if path.name == PYPROJECT and "validate" not in table:
        return None
    section = table.get("validate", {})
    if not isinstance(section, dict):
        raise ConfigError(path, "'validate' must be a table")
    return section
