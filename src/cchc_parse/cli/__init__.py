"""The command line: ``cchc-parse COMMAND …``, argparse sub-commands that parse options and call the library.

``cchc-parse FILE …`` is short for ``cchc-parse parse FILE …``. :func:`run` returns the exit code (tests
call it); :func:`main` is the console script.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Mapping, Sequence

from cchc_parse._version import __version__
from cchc_parse.cli import batch, parse, repair, validate
from cchc_parse.cli.app import PROG, HelpFormatter, Parser, UsageError, run_handler, usage_failure
from cchc_parse.errors import EXIT_USAGE

__all__ = ["build_parser", "main", "route", "run"]

DESCRIPTION = f"""\
Turn Vietnamese government plan documents (Kế hoạch, CCHC) into validated JSON.

'{PROG} [options] FILE [options]' is short for '{PROG} parse …'; FILE '-' is standard input.
'{PROG} COMMAND --help' shows a command's options."""

EPILOG = f"""\
examples:
  {PROG} plan.pdf -o plan.json             parse one plan (.pdf .docx .doc .txt .md)
  {PROG} repair scan.txt --diff           show the diacritics repair would change
  {PROG} validate plans/ --format github  check a folder of plans in CI
  {PROG} batch plans/ -o out/ -j 4        parse a whole folder, resumably
  {PROG} export out/ --to xlsx            the tasks and indicators as a workbook

exit codes: 0 success; 1 bad input or an output that cannot be written (validate: errors found);
2 usage error; 3 internal error (a bug); 124 time limit; 130 interrupted"""

TOP_OPTIONS = ("-h", "--help", "-V", "--version", "--debug")


def build_parser() -> Parser:
    parser = Parser(prog=PROG, description=DESCRIPTION, epilog=EPILOG, formatter_class=HelpFormatter)
    parser.add_argument("-V", "--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=Parser, required=True
    )
    parse.register(commands)
    repair.register(commands)
    validate.register(commands)
    batch.register(commands)
    help_parser = commands.add_parser(
        "help", help="show the help of a command", formatter_class=HelpFormatter
    )
    help_parser.add_argument("topic", nargs="?", metavar="COMMAND", help="the command (default: all)")
    help_parser.set_defaults(handler=lambda args: _help(parser, commands.choices, args.topic))
    return parser


# the sub-commands, as registered by build_parser (a test checks the two agree)
COMMANDS = ("batch", "export", "help", "parse", "repair", "rule", "schema", "text", "validate", "version")


def route(args: Sequence[str]) -> list[str]:
    """'cchc-parse FILE …' (or 'cchc-parse --ocr always FILE …') means 'cchc-parse parse FILE …'; leading
    global options stay in front."""
    args = list(args)
    lead = 0
    while lead < len(args) and args[lead] in ("--debug",):
        lead += 1
    if lead >= len(args) or args[lead] in TOP_OPTIONS or args[lead] in COMMANDS:
        return args
    rest = args[lead:]
    if (
        args[lead].startswith("-")
        and args[lead] != "-"
        and (any(a in COMMANDS for a in rest) or all(a.startswith("-") for a in rest))
    ):
        return args  # an option before a command, or with no file: the error says what is wrong
    # 'cchc-parse --ocr always scan.pdf': parse's options before the file are parse's too (argparse
    # reports one parse does not know)
    return [*args[:lead], "parse", *args[lead:]]


def _suggestion(word: str) -> str | None:
    """A command close to ``word`` that is no file ('valdate' → 'validate'), else None."""
    if word == "-" or os.path.splitext(word)[1] or os.path.exists(word):
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def _help(parser: Parser, commands: Mapping[str, Parser], topic: str | None) -> int:
    if topic is None:
        parser.print_help()
        return 0
    if topic not in commands:
        raise UsageError(parser, f"no command '{topic}' (commands: {', '.join(sorted(commands))})")
    commands[topic].print_help()
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``) and return its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    routed = route(args)
    first = next((a for a in routed if a != "--debug"), "")
    if first.startswith("-") and first != "-" and first not in TOP_OPTIONS:
        return usage_failure(
            UsageError(parser, f"unrecognized arguments: {first} (options go after the command)")
        )
    if routed != args:
        word = routed[routed.index("parse") + 1]
        suggestion = _suggestion(word)
        if suggestion is not None:
            return usage_failure(
                UsageError(parser, f"unknown command '{word}' (did you mean '{suggestion}'?)")
            )
    try:
        namespace = parser.parse_args(routed)
        return run_handler(namespace)
    except UsageError as exc:
        return usage_failure(exc)
    except SystemExit as exc:  # --help and --version exit 0 through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE


def main() -> None:
    _utf8_streams()
    sys.exit(run())


def _utf8_streams() -> None:
    """Standard output and error in UTF-8 whatever the locale says (a Windows console, LANG=C on an old
    Python): the JSON and the messages are Vietnamese, and an encoding error would be a crash."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")
