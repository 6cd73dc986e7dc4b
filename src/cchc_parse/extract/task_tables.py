"""Tasks from the rows of task tables (Nhiệm vụ | Chủ trì | Phối hợp | Thời gian | Kết quả)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

from cchc_parse import lexicon
from cchc_parse.extract.agencies import split_agencies
from cchc_parse.extract.deadlines import parse_deadline
from cchc_parse.grammar.layout import CELL_BULLET, GROUP_SERIAL, TASK_SERIAL

COLUMNS = "table_columns.json"


@dataclass
class TableTask:
    """One task row, its cells by role, and where it is (block index, row number)."""

    block: int
    row: int
    text: str
    lead: list[str]
    partners: list[str]
    output: str | None
    deadline_text: str | None
    group: str | None
    extra_rows: list[int] = field(default_factory=list)


@cache
def _column_words() -> list[tuple[str, tuple[str, ...]]]:
    columns = lexicon.load_json(COLUMNS)["columns"]
    order = lexicon.string_list(COLUMNS, "column_priority")
    return [(role, tuple(w.casefold() for w in columns[role])) for role in order]


def column_roles(header: list[str]) -> dict[str, int]:
    """Map roles (task, lead, partners, deadline, output, serial, note) to column indexes."""
    return dict(_column_roles(tuple(header)))


@lru_cache(maxsize=256)
def _column_roles(header: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    roles: dict[str, int] = {}
    for i, cell in enumerate(header):
        folded = " ".join(cell.casefold().split())
        for role, words in _column_words():
            if role in roles:
                continue
            if role == "serial" and folded.strip(" .") not in words:
                continue
            if any(w in folded for w in words):
                roles[role] = i
                break
    return tuple(roles.items())


def is_task_table(roles: dict[str, int]) -> bool:
    """A table of tasks: a task column and a lead or deadline one; not a list of administrative
    procedures ("Mã số TTHC | Tên TTHC | … | Cơ quan thực hiện"), whose columns look alike."""
    return "task" in roles and ("lead" in roles or "deadline" in roles) and "procedure" not in roles


def table_tasks(block_index: int, rows: list[list[str]]) -> list[TableTask]:
    """Task rows of one table (header first); [] when the table is not a task table."""
    if not rows:
        return []
    roles = column_roles(rows[0])
    if not is_task_table(roles):
        return []
    tasks: list[TableTask] = []
    group: str | None = None
    for r, row in enumerate(rows[1:], start=1):
        cells = _aligned(row, len(rows[0]))
        kind = _row_kind(cells, roles)
        if kind == "group":
            group = " ".join(c for c in cells if c)
        elif kind == "continuation" and tasks and _shares_cells(cells, roles, row):
            tasks.append(_task(block_index, r, cells, roles, tasks[-1].group, above=tasks[-1]))
        elif kind == "continuation" and tasks:
            _merge_continuation(tasks[-1], cells, r)
        elif kind == "task":
            tasks.append(_task(block_index, r, cells, roles, _cell(cells, roles, "group") or group))
    return tasks


def _aligned(row: list[str], width: int) -> list[str]:
    """The row's cells in their columns. A short row opened by its serial lost its right-hand cells (a
    group title across the table); one without a serial lost its left-hand cells, merged with the row
    above (more tasks of that row: "1 | Bộ X | … | - Việc A | …" then "- Việc B | …")."""
    cells = [" ".join(c.split()) for c in row]
    missing = [""] * (width - len(cells))
    opened_by_serial = bool(cells) and bool(TASK_SERIAL.match(cells[0]) or GROUP_SERIAL.match(cells[0]))
    return cells + missing if opened_by_serial else missing + cells


def _shares_cells(cells: list[str], roles: dict[str, int], row: list[str]) -> bool:
    """A row that holds a task of its own but shares the lead, partners and group of the row above."""
    return len(row) < len(cells) and bool(_cell(cells, roles, "task"))


def _cell(cells: list[str], roles: dict[str, int], role: str) -> str:
    i = roles.get(role)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _row_kind(cells: list[str], roles: dict[str, int]) -> str:
    filled = [c for c in cells if c]
    if not filled:
        return "empty"
    serial = _cell(cells, roles, "serial") if "serial" in roles else ""
    if GROUP_SERIAL.match(serial) or (len(filled) == 1 and not _cell(cells, roles, "lead")):
        return "group"
    if "serial" in roles and not TASK_SERIAL.match(serial) and len(filled) < len(cells) - 1:
        return "continuation"
    if not _cell(cells, roles, "task"):
        return "continuation"
    return "task"


def _task(
    block: int,
    row: int,
    cells: list[str],
    roles: dict[str, int],
    group: str | None,
    above: TableTask | None = None,
) -> TableTask:
    """The task of a row; ``above`` is the task whose lead and partner cells the row shares."""

    def cell(role: str) -> str:
        return _cell(cells, roles, role)

    return TableTask(
        block=block,
        row=row,
        text=CELL_BULLET.sub("", cell("task")),
        lead=split_agencies(cell("lead")) or (above.lead if above else []),
        partners=split_agencies(cell("partners")) or (above.partners if above else []),
        output=cell("output") or None,
        deadline_text=cell("deadline") or None,
        group=group,
    )


def _merge_continuation(task: TableTask, cells: list[str], row: int) -> None:
    """A row continued from the one above (merged cells lost): add each cell where it fits by content."""
    for text in (c for c in cells if c):
        deadline = parse_deadline(text)
        if deadline is not None and (deadline.start or deadline.end or deadline.recurrence):
            if text != task.deadline_text:  # the same time printed again on the next page's row
                task.deadline_text = f"{task.deadline_text}; {text}" if task.deadline_text else text
        else:
            task.output = f"{task.output}; {text}" if task.output else text
    task.extra_rows.append(row)
