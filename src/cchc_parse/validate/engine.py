"""Running the rules: a file (or a parsed document) in, its findings out."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_parse.api import read_document, read_text_file
from cchc_parse.document import Block
from cchc_parse.errors import CchcParseError
from cchc_parse.formats import is_text_file
from cchc_parse.lexicon import DataFileError
from cchc_parse.models import PlanDocument
from cchc_parse.options import ParseOptions
from cchc_parse.pipeline import build_plan_document
from cchc_parse.validate.catalog import UNREADABLE, rule_table
from cchc_parse.validate.checks import CHECKS, Context, Place, TextLine
from cchc_parse.validate.findings import FileResult, Finding, file_result
from cchc_parse.validate.suppress import Suppressions

if TYPE_CHECKING:
    pass


@cache
def _check_registry() -> None:
    """Every code of the rule table has its check (or is CP000), and every check its row."""
    codes, checks = set(rule_table()) - {UNREADABLE}, set(CHECKS)
    if codes != checks:
        raise DataFileError(f"validate.json and the checks disagree: {sorted(codes ^ checks)}")


def finding(path: str, place: Place, code: str, fields: dict[str, str] | None = None) -> Finding:
    """A finding of rule ``code`` with its severity and message from the rule table."""
    rule = rule_table()[code]
    return Finding(path, place.line, code, rule.severity, rule.format(fields or {}), place.column, place.page)


def text_lines(blocks: Iterable[Block]) -> list[TextLine]:
    """The paragraphs and table rows of a document with the source line each starts on and its page."""
    out: list[TextLine] = []
    for block in blocks:
        line = block.source_start or 1
        one_line = block.kind == "paragraph" and block.source_start is not None and block.source_end == line
        for text in block.render_lines():
            out.append(TextLine(line, text, block.page, exact=one_line))
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
            out.extend(finding(name, hit.place, code, hit.fields) for hit in check(ctx))
    return out


def validate_file(
    path: str | Path,
    *,
    codes: Collection[str] | None = None,
    options: ParseOptions | None = None,
    name: str | None = None,
) -> FileResult:
    """Parse and check one file (read as ``options`` say, progress included; reported as ``name``, default
    the path). A file
    that cannot be read gives one CP000 finding instead of raising. In a text or markdown plan, inline
    suppressions (``<!-- cchc-parse: disable CP010 -->``, see ``SUPPRESSION``) silence findings."""
    name = str(path) if name is None else name
    read = options or ParseOptions()
    try:
        document = read_document(path, read)
        lines = text_lines(document.body)
        doc = build_plan_document(document, read)
        suppressions = _suppressions(Path(path))
    except CchcParseError as exc:
        unreadable = codes is None or UNREADABLE in codes
        top = Place(1)
        return file_result(
            name, [finding(name, top, UNREADABLE, {"reason": exc.reason})] if unreadable else []
        )
    findings = validate_document(doc, path=name, lines=lines, codes=codes)
    return file_result(name, suppressions.apply(findings))


def _suppressions(path: Path) -> Suppressions:
    """The inline suppressions of a text or markdown file (other formats have none)."""
    if not is_text_file(path):
        return Suppressions()
    return Suppressions.scan(read_text_file(path))


def validate_files(
    paths: Iterable[str | Path], *, codes: Collection[str] | None = None, options: ParseOptions | None = None
) -> list[FileResult]:
    """Check every file (folders: the plan files in them); a bad file is reported and the others are still
    checked."""
    return [validate_file(p, codes=codes, options=options) for p in expand_paths(paths)]


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The paths, with each folder replaced by the plan files under it (hidden ones skipped, sorted)."""
    from cchc_parse.batch.discover import discover_inputs

    out: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            out.extend(found.path for found in discover_inputs(path, path))
        else:
            out.append(path)
    return out
