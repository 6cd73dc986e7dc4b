"""The parser every command registers on, the options commands share, and how failures become exit codes.

Every command is a function ``(args) -> int`` set as ``handler`` on its sub-parser. :func:`run` parses the
arguments and maps what escapes a handler to one line on standard error and the documented exit code:
bad input or an unwritable output 1 (``error: <path>: <reason>``), usage 2 (argparse), a bug 3, a time
limit 124, Ctrl-C 130. ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

from cchc_parse._version import __version__
from cchc_parse.errors import (
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CchcParseError,
    describe,
)
from cchc_parse.options import MODES, Mode, ParseOptions
from cchc_parse.progress import Progress

PROG = "cchc-parse"
REPORT = "please report it, with the output of the same command run with --debug"
Handler = Callable[[argparse.Namespace], int]
N = TypeVar("N", int, float)


class UsageError(Exception):
    """A command line argparse rejected: printed as the parser's usage and one line, exit code 2."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class InternalError(Exception):
    """A bug met while working on ``path``; the cause is the exception raised."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises :class:`UsageError` instead of exiting, so that :func:`run` returns."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(self, message)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and examples as written; options with their help aligned a little wider."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32, width=min(_terminal_width(), 100))


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


# --- the options commands share: each defined once ------------------------------------------------------
def debug_options() -> Parser:
    shared = Parser(add_help=False)
    shared.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show the traceback of an error"
    )
    return shared


def quiet_options() -> Parser:
    shared = Parser(add_help=False)
    shared.add_argument("-q", "--quiet", action="store_true", help="no progress bar or closing line")
    return shared


def read_options(*, repair: bool = True, jobs_help: str = "PDF pages OCR reads at the same time") -> Parser:
    """--ocr, --repair, --jobs and --stdin-name: how a document is read (see :class:`ParseOptions`)."""
    shared = Parser(add_help=False)
    group = shared.add_argument_group("reading")
    group.add_argument(
        "--ocr",
        choices=MODES,
        default="auto",
        help="read PDF pages by OCR: auto (pages without a usable text layer), always, never (default: auto)",
    )
    if repair:
        group.add_argument(
            "--repair",
            choices=MODES,
            default="auto",
            help="repair lost diacritics: auto (OCR'd pages and "
            "text without marks), always, never (default: auto)",
        )
    group.add_argument("-j", "--jobs", type=positive_int, default=None, metavar="N", help=jobs_help)
    group.add_argument(
        "--stdin-name",
        metavar="NAME",
        help="with FILE '-': the name to report, whose extension gives the "
        "format (default: told from the bytes)",
    )
    return shared


def options_of(args: argparse.Namespace, progress: Progress | None = None) -> ParseOptions:
    """The parse options of parsed arguments (``progress``: who hears how the work gets on)."""
    repair: Mode = getattr(args, "repair", "auto")
    return ParseOptions(ocr=args.ocr, repair=repair, jobs=args.jobs or 1, progress=progress)


def at_least(kind: Callable[[str], N], minimum: N, what: str) -> Callable[[str], N]:
    """An argparse type: ``kind(text)`` (int, float) of at least ``minimum``, else a usage error."""

    def convert(text: str) -> N:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: '{text}'") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}: {text}")
        return value

    return convert


positive_int = at_least(int, 1, "a whole number")
seconds = at_least(float, 0.0, "a number of seconds")


# --- running a command -------------------------------------------------------------------------------
def run_handler(args: argparse.Namespace) -> int:
    """Run the chosen command and map what it raises to one line and an exit code."""
    debug = bool(getattr(args, "debug", False))
    handler: Handler = args.handler
    try:
        return handler(args)
    except CchcParseError as exc:
        return _report(f"error: {exc.path}: {exc.reason}", EXIT_BAD_INPUT, debug)
    except UsageError:
        raise
    except KeyboardInterrupt:
        return _report("interrupted", EXIT_INTERRUPTED, debug)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except InternalError as exc:
        cause = exc.__cause__ or exc
        return _report(_internal_line(cause, f" while reading {exc.path}"), EXIT_INTERNAL, debug)
    except Exception as exc:
        where = f" while reading {args.file}" if isinstance(getattr(args, "file", None), str) else ""
        return _report(_internal_line(exc, where), EXIT_INTERNAL, debug)


def _internal_line(exc: BaseException, where: str) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    at = f" at {Path(frame[0].filename).name}:{frame[0].lineno}" if frame else ""
    return f"internal error{where}: {describe(exc)}{at} (a bug in cchc-parse {__version__}; {REPORT})"


def _report(line: str, code: int, debug: bool) -> int:
    if debug:
        traceback.print_exc(file=sys.stderr)
    sys.stderr.write(line + "\n")
    sys.stderr.flush()
    return code


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so that Python's exit flush does not complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def usage_failure(exc: UsageError) -> int:
    """argparse's usage line, then 'cchc-parse CMD: error: …' (exit code 2)."""
    exc.parser.print_usage(sys.stderr)
    sys.stderr.write(f"{exc.parser.prog}: error: {exc.message}\n")
    return EXIT_USAGE


def add_command(
    commands: argparse._SubParsersAction[Parser],
    name: str,
    handler: Handler,
    *,
    summary: str,
    description: str,
    examples: Sequence[str] = (),
    parents: Sequence[Parser] = (),
) -> Parser:
    """A sub-command with its one-line summary, description, examples and shared options."""
    epilog = "examples:\n" + "\n".join(f"  {line}" for line in examples) if examples else None
    parser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        parents=[*parents, debug_options()],
        formatter_class=HelpFormatter,
    )
    parser.set_defaults(handler=handler, parser_of_command=parser)
    return parser
