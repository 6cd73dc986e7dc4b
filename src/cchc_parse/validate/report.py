"""Renderers for validation results: human (rich), JSON and GitHub Actions workflow commands."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from cchc_parse.validate.findings import FileResult, Finding

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(results: Sequence[FileResult], *, strict: bool = False) -> str:
    """'3 files checked: 2 errors, 1 warning; 1 file failed.'"""
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    failed = sum(1 for r in results if r.failed(strict=strict))
    counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    verdict = f"{_plural(failed, 'file')} failed" if failed else "passed"
    return f"{_plural(len(results), 'file')} checked: {counts}; {verdict}."


def _human_line(f: Finding) -> str:
    style = SEVERITY_STYLE[f.severity]
    page = f" (page {f.page})" if f.page is not None else ""
    return (
        f"[bold]{escape(f.path)}[/]:{f.line}:{f.column}: [cyan]{f.code}[/] [{style}]{f.severity}[/] "
        f"{escape(f.message)}{page}"
    )


def render_human(
    results: Sequence[FileResult], console: Console, *, strict: bool = False, summary: bool = True
) -> None:
    """One line per finding, 'path:line:column: CODE severity message (page N)', files apart, then a
    summary line (unless ``summary`` is False)."""
    for result in results:
        if not result.findings:
            continue
        for f in result.findings:
            console.print(_human_line(f), soft_wrap=True, highlight=False)
        if summary:
            console.print()
    if summary:
        console.print(summary_line(results, strict=strict), soft_wrap=True, highlight=False)


def statistics(results: Sequence[FileResult]) -> list[tuple[str, str, int, str]]:
    """(code, severity, count, what the rule checks) for each code found, most frequent first."""
    from cchc_parse.validate.catalog import rule_table

    counts: dict[str, int] = {}
    for f in (f for r in results for f in r.findings):
        counts[f.code] = counts.get(f.code, 0) + 1
    table = rule_table()
    rows = [(code, table[code].severity, n, table[code].checks) for code, n in counts.items()]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def render_statistics(results: Sequence[FileResult]) -> str:
    """'   12  CP010  warning  numbering at every level …', one line per code found, then the summary."""
    lines = [f"{n:5d}  {code}  {severity:<7}  {checks}" for code, severity, n, checks in statistics(results)]
    return "\n".join([*lines, summary_line(results)]) + "\n"


def render_json(results: Sequence[FileResult], *, strict: bool = False) -> str:
    """{"findings": [{path, line, code, severity, message}], "files": [per file], "summary": {...}}."""
    data = {
        "findings": [f.as_dict() for r in results for f in r.findings],
        "files": [r.summary(strict=strict) for r in results],
        "summary": {
            "files": len(results),
            "errors": sum(r.errors for r in results),
            "warnings": sum(r.warnings for r in results),
            "failed": sum(1 for r in results if r.failed(strict=strict)),
            "strict": strict,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(f: Finding) -> str:
    """'::error file=plan.txt,line=12,col=1,title=cchc-parse CP003::missing …' (a GitHub Actions workflow
    command: an annotation on the pull request)."""
    title = _escape_property(f"cchc-parse {f.code}")
    where = f"file={_escape_property(f.path)},line={f.line},col={f.column},title={title}"
    page = f" (page {f.page})" if f.page is not None else ""
    return f"::{f.severity} {where}::{_escape_data(f'{f.code} {f.message}{page}')}"


def render_github(results: Sequence[FileResult], *, strict: bool = False) -> str:
    """One workflow command per finding (annotations on the pull request), then the summary line."""
    lines = [github_line(f) for r in results for f in r.findings]
    return "\n".join([*lines, summary_line(results, strict=strict)]) + "\n"
