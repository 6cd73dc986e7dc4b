"""Running the rules: a file (or a parsed document) in, its findings out."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import cache
from pathlib import Path

from cchc_parse.api import read_document
from cchc_parse.document import Block
from cchc_parse.errors import CchcParseError
from cchc_parse.models import PlanDocument
from cchc_parse.pipeline import build_plan_document
from cchc_parse.resources import DataFileError
from cchc_parse.validate.catalog import UNREADABLE, rule_table
from cchc_parse.validate.checks import CHECKS, Context, TextLine
from cchc_parse.validate.findings import FileResult, Finding, file_result


@cache
def _check_registry() -> None:
    """Every code of the rule table has its check (or is CP000), and every check its row."""
    codes, checks = set(rule_table()) - {UNREADABLE}, set(CHECKS)
    if codes != checks:
        raise DataFileError(f"validate.json and the checks disagree: {sorted(codes ^ checks)}")


def finding(path: str, line: int, code: str, fields: dict[str, str] | None = None) -> Finding:
    """A finding of rule ``code`` with its severity and message from the rule table."""
    rule = rule_table()[code]
    return Finding(path, line, code, rule.severity, rule.format(fields or {}))


def text_lines(blocks: Iterable[Block]) -> list[TextLine]:
    """The paragraphs and table rows of a document with the source line each starts on."""
    out: list[TextLine] = []
    for block in blocks:
        line = block.source_start or 1
        for text in block.render_lines():
            out.append(TextLine(line, text))
    return out


def validate_document(
    doc: PlanDocument,
    *,
    path: str | None = None,
    lines: Sequence[TextLine] = (),
    codes: Collection[str] | None = None,
) -> list[Finding]:
    """The findings of the enabled rules (all when ``codes`` is None) for a parsed document.

    ``lines`` (the text with source lines) feeds the date check (CP050); without it that rule finds nothing.
    """
    _check_registry()
    name = doc.source.path if path is None else path
    ctx = Context(doc, lines)
    out: list[Finding] = []
    for code, check in CHECKS.items():
        if codes is None or code in codes:
            out.extend(finding(name, hit.line, code, hit.fields) for hit in check(ctx))
    return out


def validate_file(path: str | Path, *, codes: Collection[str] | None = None) -> FileResult:
    """Parse and check one file. A file that cannot be read gives one CP000 finding instead of raising."""
    name = str(path)
    try:
        document = read_document(path)
        lines = text_lines(document.blocks)
        doc = build_plan_document(document)
    except CchcParseError as exc:
        unreadable = codes is None or UNREADABLE in codes
        return file_result(name, [finding(name, 1, UNREADABLE, {"reason": exc.reason})] if unreadable else [])
    return file_result(name, validate_document(doc, path=name, lines=lines, codes=codes))


def validate_files(paths: Iterable[str | Path], *, codes: Collection[str] | None = None) -> list[FileResult]:
    """Check every file; a bad file is reported and the others are still checked."""
    return [validate_file(p, codes=codes) for p in paths]
