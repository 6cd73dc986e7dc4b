"""The command line: thin typer commands that parse options and call the library.

``cchc-parse FILE …`` is short for ``cchc-parse parse FILE …``.
"""

from __future__ import annotations

import sys

from cchc_parse.cli import batch as _batch  # noqa: F401
from cchc_parse.cli import parse as _parse  # noqa: F401  (registers its commands)
from cchc_parse.cli import repair as _repair  # noqa: F401
from cchc_parse.cli import validate as _validate  # noqa: F401
from cchc_parse.cli.app import app

__all__ = ["app", "main", "route"]


def _commands() -> set[str]:
    return {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}


def route(args: list[str]) -> list[str]:
    """'cchc-parse FILE …' means 'cchc-parse parse FILE …'."""
    if args and args[0] not in _commands() and args[0] not in ("--help", "-h"):
        return ["parse", *args]
    return args


def main(argv: list[str] | None = None) -> None:
    app(route(sys.argv[1:] if argv is None else argv), prog_name="cchc-parse")
