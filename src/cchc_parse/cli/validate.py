"""`cchc-parse validate FILE…`: check plans against the rules of ``data/validate.json``; `rule CODE`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_parse.cli.app import (
    InternalError,
    Parser,
    UsageError,
    add_command,
    options_of,
    quiet_options,
    read_options,
)
from cchc_parse.cli.inputs import STDIN, opened
from cchc_parse.cli.progress import page_progress
from cchc_parse.errors import CchcParseError

if TYPE_CHECKING:
    from cchc_parse.validate import FileResult
    from cchc_parse.validate.settings import Settings

CODES_HELP = "a code (CP003) or a prefix (CP01); repeat the option or separate codes with commas"
VALIDATE_NOTES = """
Configuration: [tool.cchc-parse.validate] in pyproject.toml, or [validate] in .cchc-parse.toml, found
from the current folder upwards (select, ignore, strict, per-file-ignores). --select replaces the
configuration's select, --ignore adds to its ignore. In a text or markdown plan, a line
'<!-- cchc-parse: disable CP010 -->' silences a rule in the file, '<!-- cchc-parse: disable-next-line
CP050 -->' on the next line. Exit code 1 when a file has errors (or warnings, with --strict), 0
otherwise (always 0 with --exit-zero), 2 for usage or configuration errors."""


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    _register_validate(commands)
    _register_rule(commands)


def _register_validate(commands: argparse._SubParsersAction[Parser]) -> None:
    parser = add_command(
        commands,
        "validate",
        validate_command,
        summary="check plans: required parts, numbering, tasks, indicators, header, dates, reform areas",
        description="Check plan files (or the plan files in folders) against the rules that "
        "'cchc-parse rule --all' lists.\n" + VALIDATE_NOTES,
        examples=(
            "cchc-parse validate plans/                       path:line:col: CODE severity message",
            "cchc-parse validate plans/*.md --format github   annotations on a pull request",
            "cchc-parse validate plan.md --strict --ignore CP060 --ignore CP04",
            "cchc-parse validate plans/ --statistics --exit-zero",
        ),
        parents=[read_options(), quiet_options()],
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="plan files or folders ('-': stdin)")
    parser.add_argument(
        "-f",
        "--format",
        choices=("human", "json", "github"),
        default="human",
        metavar="FORMAT",
        help="human, json or github (workflow commands for pull-request annotations; default: human)",
    )
    parser.add_argument("--strict", action="store_true", default=None, help="fail on warnings too")
    parser.add_argument(
        "--select", metavar="CODE", action="append", default=[], help=f"run only: {CODES_HELP}"
    )
    parser.add_argument(
        "--ignore",
        "--disable",
        dest="ignore",
        metavar="CODE",
        action="append",
        default=[],
        help=f"skip: {CODES_HELP}",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail a file")
    parser.add_argument("--statistics", action="store_true", help="count the findings per rule instead")
    config = parser.add_mutually_exclusive_group()
    config.add_argument("--config", metavar="PATH", type=Path, help="this configuration file")
    config.add_argument("--no-config", action="store_true", help="no configuration file")


def _register_rule(commands: argparse._SubParsersAction[Parser]) -> None:
    parser = add_command(
        commands,
        "rule",
        rule_command,
        summary="explain a validation rule",
        description="Explain rules: what each checks, its severity and message, and how to silence it.",
        examples=("cchc-parse rule CP010", "cchc-parse rule --all"),
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="a rule code (or prefix)")
    parser.add_argument("--all", action="store_true", help="every rule")
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        metavar="FORMAT",
        help="text or json (default: text)",
    )


def validate_command(args: argparse.Namespace) -> int:
    from rich.console import Console  # loaded only when validating: keeps every command's start-up short

    from cchc_parse.validate import exit_code
    from cchc_parse.validate.report import render_github, render_human, render_json, render_statistics

    settings = _settings(args)
    results = _check_all(args, settings)
    if args.statistics:
        sys.stdout.write(render_statistics(results))
    elif args.format == "json":
        sys.stdout.write(render_json(results, strict=settings.strict))
    elif args.format == "github":
        sys.stdout.write(render_github(results, strict=settings.strict))
    else:
        console = Console(file=sys.stdout, soft_wrap=True, emoji=False)
        render_human(results, console, strict=settings.strict, summary=not args.quiet)
    return 0 if args.exit_zero else exit_code(results, strict=settings.strict)


def _settings(args: argparse.Namespace) -> Settings:
    from cchc_parse.validate.settings import settings_for

    try:
        return settings_for(
            select=_split(args.select),
            ignore=_split(args.ignore),
            strict=args.strict,
            config=args.config,
            use_config=not args.no_config,
        )
    except ValueError as exc:  # an unknown code, or a bad configuration file (ConfigError)
        raise UsageError(args.parser_of_command, str(exc)) from exc


def _check_all(args: argparse.Namespace, settings: Settings) -> list[FileResult]:
    from cchc_parse.validate import validate_file
    from cchc_parse.validate.engine import expand_paths

    # in the order given, each folder replaced by its plan files
    paths = [p for a in args.files for p in ([STDIN] if a == STDIN else map(str, expand_paths([a])))]
    results: list[FileResult] = []
    with page_progress(quiet=args.quiet) as progress:
        options = options_of(args, progress)
        for done, path in enumerate(paths):
            if progress is not None and len(paths) > 1:
                progress("files", done, len(paths))
            try:
                with opened(path, args.stdin_name) as source:
                    codes = settings.codes_for(source.name)
                    results.append(validate_file(source.path, codes=codes, options=options, name=source.name))
            except (KeyboardInterrupt, UsageError, CchcParseError):  # the last: stdin that cannot be read
                raise
            except Exception as exc:
                raise InternalError(path) from exc
        if progress is not None and len(paths) > 1:
            progress("files", len(paths), len(paths))
    return results


def rule_command(args: argparse.Namespace) -> int:
    from cchc_parse.validate.catalog import matching_codes, rule_table

    table = rule_table()
    if args.all or args.code is None:
        chosen = list(table.values())
    else:
        try:
            codes = matching_codes([args.code])
        except ValueError as exc:
            raise UsageError(args.parser_of_command, str(exc)) from exc
        chosen = [rule for code, rule in table.items() if code in codes]
    if args.format == "json":
        rows = [
            {"code": r.code, "severity": r.severity, "checks": r.checks, "message": r.message} for r in chosen
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    blocks = []
    for rule in chosen:
        blocks.append(
            f"{rule.code} ({rule.severity}): {rule.checks}\n"
            f"  message: {rule.message}\n"
            f'  silence: --ignore {rule.code}; ignore = ["{rule.code}"] in [tool.cchc-parse.validate]; '
            f"or '<!-- cchc-parse: disable {rule.code} -->' in the plan"
        )
    sys.stdout.write("\n\n".join(blocks) + "\n")
    return 0


def _split(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]
