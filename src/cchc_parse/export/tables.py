"""Tables from a batch's JSON documents: ``plans``, ``tasks`` and ``indicators``, as CSV or XLSX.

Every ``*.json`` under the folder (recursively; hidden files and folders left out) that validates as a
:class:`PlanDocument` contributes one row to ``plans`` and one row per task and indicator. Other JSON
files are skipped with a warning. ``file`` is the document's path under the folder without ``.json``, i.e.
the input's path relative to the batch's DIR. Lists (lead, partners, signers, recipients) are joined with
``"; "``.

CSV: ``plans.csv``, ``tasks.csv``, ``indicators.csv`` in UTF-8 with a BOM, which Excel needs to read
Vietnamese correctly; dates ISO, booleans ``true``/``false``. XLSX: one workbook (``tables.xlsx``) with a
sheet per table, typed cells (numbers, dates, booleans), a bold frozen header with filters, and column
widths fitted to the content. Files are written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal

from cchc_parse.errors import InputError
from cchc_parse.export.json import write_atomic, write_bytes_atomic
from cchc_parse.models import Deadline, Indicator, PlanDocument, Section, Span, Task

Cell = str | int | float | bool | date | None
Row = dict[str, Cell]
SkipHandler = Callable[[Path, str], None]
TableName = Literal["plans", "tasks", "indicators"]

JOIN = "; "
WORKBOOK_NAME = "tables.xlsx"
XLSX_MAX_CHARS = 32_767
_WIDTH_SAMPLE_ROWS = 500
_MIN_WIDTH, _MAX_WIDTH = 6, 60

PLAN_COLUMNS = (
    "file", "source_path", "format", "sha256", "tool_version", "doc_type", "number", "issuer",
    "parent_issuer", "place", "issued_date", "title", "year", "signers", "recipients",
    "sections", "tasks", "indicators", "warnings",
)  # fmt: skip
_DEADLINE_COLUMNS = ("deadline_text", "deadline_start", "deadline_end", "deadline_recurrence")
_SPAN_COLUMNS = ("start_line", "end_line", "source_start_line", "source_end_line", "page")
TASK_COLUMNS = (
    "file", "id", "origin", "section", "section_title", "text", "lead", "partners", "output",
    *_DEADLINE_COLUMNS, "area", *_SPAN_COLUMNS,
)  # fmt: skip
INDICATOR_COLUMNS = (
    "file", "id", "section", "section_title", "text", "value", "unit", "comparator", "required",
    *_DEADLINE_COLUMNS, "area", *_SPAN_COLUMNS,
)  # fmt: skip
COLUMNS: dict[TableName, tuple[str, ...]] = {
    "plans": PLAN_COLUMNS,
    "tasks": TASK_COLUMNS,
    "indicators": INDICATOR_COLUMNS,
}


def export_tables(
    out_dir: str | Path,
    to: Literal["csv", "xlsx"],
    dest: str | Path | None = None,
    *,
    on_skip: SkipHandler | None = None,
) -> list[Path]:
    """Write the tables of every document under ``out_dir``; return the files written.

    ``dest`` (default ``out_dir``) is a folder; for XLSX it may also name the ``.xlsx`` file. JSON files
    that are not cchc-parse documents are passed to ``on_skip`` with the reason. Raises
    :class:`InputError` if ``out_dir`` is not a folder or holds no document.
    """
    root = Path(out_dir)
    if not root.is_dir():
        raise InputError(str(root), "no such directory" if not root.exists() else "not a directory")
    tables = build_tables(load_documents(root, on_skip))
    if not tables["plans"]:
        raise InputError(str(root), "no cchc-parse JSON documents found")
    target = root if dest is None else Path(dest)
    if to == "xlsx":
        workbook = target if target.suffix.lower() == ".xlsx" else target / WORKBOOK_NAME
        return [write_xlsx(tables, workbook)]
    return write_csv(tables, target)


def load_documents(root: Path, on_skip: SkipHandler | None = None) -> Iterator[tuple[str, PlanDocument]]:
    """``(file, document)`` for each cchc-parse document under ``root``, sorted by path."""
    for path in sorted(_json_files(root)):
        try:
            # json.loads, unlike pydantic's parser, accepts the \\udcNN escapes of undecodable file names
            document = PlanDocument.model_validate(json.loads(path.read_bytes()))
        except OSError as exc:
            _skip(on_skip, path, exc.strerror or "cannot be read")
        except ValueError:  # invalid JSON (JSONDecodeError, UnicodeDecodeError) or a ValidationError
            _skip(on_skip, path, "not a cchc-parse document")
        else:
            rel = path.relative_to(root).as_posix()
            yield _encodable(rel.removesuffix(".json")), document


def build_tables(documents: Iterator[tuple[str, PlanDocument]]) -> dict[TableName, list[Row]]:
    """The rows of the three tables."""
    tables: dict[TableName, list[Row]] = {"plans": [], "tasks": [], "indicators": []}
    for file, document in documents:
        titles = dict(_section_titles(document.sections))
        tables["plans"].append(plan_row(file, document))
        tables["tasks"].extend(task_row(file, t, titles) for t in document.tasks)
        tables["indicators"].extend(indicator_row(file, i, titles) for i in document.indicators)
    return tables


def plan_row(file: str, document: PlanDocument) -> Row:
    plan, source = document.plan, document.source
    signers = (": ".join(p for p in (s.title, s.name) if p) for s in plan.signers)
    return {
        "file": file,
        "source_path": source.path,
        "format": source.format,
        "sha256": source.sha256,
        "tool_version": document.tool_version,
        "doc_type": plan.doc_type,
        "number": plan.number,
        "issuer": plan.issuer,
        "parent_issuer": plan.parent_issuer,
        "place": plan.place,
        "issued_date": plan.issued_date,
        "title": plan.title,
        "year": plan.year,
        "signers": JOIN.join(s for s in signers if s),
        "recipients": JOIN.join(plan.recipients),
        "sections": sum(1 for _ in _section_titles(document.sections)),
        "tasks": len(document.tasks),
        "indicators": len(document.indicators),
        "warnings": len(document.warnings),
    }


def task_row(file: str, task: Task, titles: dict[str, str]) -> Row:
    return {
        "file": file,
        "id": task.id,
        "origin": task.origin,
        "section": task.section,
        "section_title": titles.get(task.section or ""),
        "text": task.text,
        "lead": JOIN.join(task.lead),
        "partners": JOIN.join(task.partners),
        "output": task.output,
        **_deadline_cells(task.deadline),
        "area": task.area,
        **_span_cells(task.span),
    }


def indicator_row(file: str, indicator: Indicator, titles: dict[str, str]) -> Row:
    return {
        "file": file,
        "id": indicator.id,
        "section": indicator.section,
        "section_title": titles.get(indicator.section or ""),
        "text": indicator.text,
        "value": indicator.value,
        "unit": indicator.unit,
        "comparator": indicator.comparator,
        "required": indicator.required,
        **_deadline_cells(indicator.deadline),
        "area": indicator.area,
        **_span_cells(indicator.span),
    }


def write_csv(tables: dict[TableName, list[Row]], folder: Path) -> list[Path]:
    """``<table>.csv`` for each table in ``folder``: UTF-8 with BOM, a header row, one row per record."""
    if folder.suffix.lower() in (".csv", ".xlsx"):
        raise InputError(str(folder), "CSV export writes three files: give a folder")
    written = []
    for name, rows in tables.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS[name])
        writer.writerows([_csv_text(row.get(c)) for c in COLUMNS[name]] for row in rows)
        path = folder / f"{name}.csv"
        write_atomic(path, "\ufeff" + buffer.getvalue())
        written.append(path)
    return written


def write_xlsx(tables: dict[TableName, list[Row]], path: Path) -> Path:
    """One workbook with a sheet per table: bold frozen header, filters, fitted column widths."""
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]  # imported when needed

    workbook = Workbook(write_only=True)  # streamed: fast, and light on memory for big exports
    for name, rows in tables.items():
        _fill_sheet(workbook.create_sheet(name), COLUMNS[name], rows)
    data = io.BytesIO()  # saved in memory first: a failed write then leaves no half-closed zip behind
    workbook.save(data)
    write_bytes_atomic(path, data.getvalue())
    return path


def _fill_sheet(sheet: Any, columns: tuple[str, ...], rows: list[Row]) -> None:
    """Layout first (a streamed sheet needs it before any row), then the header and the rows."""
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _column_width(column, rows)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    header = [WriteOnlyCell(sheet, value=column) for column in columns]
    for cell in header:
        cell.font = Font(bold=True)
    sheet.append(header)
    for row in rows:
        values: list[Any] = [_xlsx_value(row.get(c), ILLEGAL_CHARACTERS_RE) for c in columns]
        for index, value in enumerate(values):
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text, not a formula
                values[index] = cell
        sheet.append(values)


def _column_width(column: str, rows: list[Row]) -> int:
    sample = (len(_csv_text(row.get(column))) for row in rows[:_WIDTH_SAMPLE_ROWS])
    return min(max(max(sample, default=0), len(column), _MIN_WIDTH) + 2, _MAX_WIDTH)


def _deadline_cells(deadline: Deadline | None) -> Row:
    if deadline is None:
        return dict.fromkeys(_DEADLINE_COLUMNS)
    return {
        "deadline_text": deadline.text,
        "deadline_start": deadline.start,
        "deadline_end": deadline.end,
        "deadline_recurrence": deadline.recurrence,
    }


def _span_cells(span: Span) -> Row:
    return {
        "start_line": span.start_line,
        "end_line": span.end_line,
        "source_start_line": span.source_start_line,
        "source_end_line": span.source_end_line,
        "page": span.page,
    }


def _section_titles(sections: list[Section]) -> Iterator[tuple[str, str]]:
    for section in sections:
        yield section.path, section.title
        yield from _section_titles(section.children)


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return _encodable(str(value))


def _encodable(text: str) -> str:
    """Lone surrogates (file names that are not UTF-8) as ``\\udcNN`` escapes: UTF-8 cannot hold them."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _xlsx_value(value: Cell, illegal: re.Pattern[str]) -> Cell:
    """Cells cannot hold control characters or more than 32,767 characters."""
    if isinstance(value, str):
        return illegal.sub("", _encodable(value))[:XLSX_MAX_CHARS]
    return value


def _json_files(root: Path) -> Iterator[Path]:
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.endswith(".json") and not name.startswith("."):
                yield Path(folder) / name


def _skip(on_skip: SkipHandler | None, path: Path, reason: str) -> None:
    if on_skip is not None:
        on_skip(path, reason)
