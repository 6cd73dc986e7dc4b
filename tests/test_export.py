"""`cchc-parse export OUT --to csv|xlsx`: tables of plans, tasks and indicators from a batch's JSON."""

from __future__ import annotations

import csv
import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from cchc_parse.batch import run_batch
from cchc_parse.export.tables import COLUMNS, TableName, export_tables
from cli_helpers import CliResult, cli

FIXTURES = Path(__file__).parent / "fixtures"
INPUTS = [
    FIXTURES / "seeds" / "000_a7882dc0dd6dec42.txt",
    FIXTURES / "seeds" / "003_348ec1c3c359f68f.txt",
    FIXTURES / "plans" / "tvpl_192068354fd1ffe5.md",  # 19 indicators, 16 required
]


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch's output folder: three documents (one in a sub-folder) and the errors file."""
    src = tmp_path_factory.mktemp("in")
    (src / "sub").mkdir()
    for path in INPUTS[:2]:
        shutil.copy(path, src / path.name)
    shutil.copy(INPUTS[2], src / "sub" / INPUTS[2].name)
    out = tmp_path_factory.mktemp("out")
    assert run_batch(src, out, jobs=2).done == 3
    return out


@pytest.fixture
def out(batch_out: Path, tmp_path: Path) -> Path:
    """A private copy of the batch output, plus a JSON file that is not one of our documents."""
    copy = tmp_path / "out"
    shutil.copytree(batch_out, copy)
    (copy / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    return copy


def export(*args: str) -> CliResult:
    return cli("export", *args)


def documents(out: Path) -> dict[str, dict[str, Any]]:
    return {
        p.relative_to(out).as_posix().removesuffix(".json"): json.loads(p.read_text(encoding="utf-8"))
        for p in out.rglob("*.json")
        if p.name != "settings.json"
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_have_bom_headers_and_one_row_per_record(out: Path) -> None:
    result = export(str(out), "--to", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"warning: {out / 'settings.json'}: not a cchc-parse document" in result.stderr
    docs = documents(out)
    counts: dict[TableName, int] = {
        "plans": len(docs),
        "tasks": sum(len(d["tasks"]) for d in docs.values()),
        "indicators": sum(len(d["indicators"]) for d in docs.values()),
    }
    assert counts["tasks"] > 50 and counts["indicators"] > 10
    for name, count in counts.items():
        path = out / f"{name}.csv"
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        with path.open(encoding="utf-8-sig", newline="") as handle:
            assert next(csv.reader(handle)) == list(COLUMNS[name])
        assert len(read_csv(path)) == count
    plans = {row["file"]: row for row in read_csv(out / "plans.csv")}
    assert set(plans) == {
        "000_a7882dc0dd6dec42.txt",
        "003_348ec1c3c359f68f.txt",
        "sub/tvpl_192068354fd1ffe5.md",
    }
    plan = docs["003_348ec1c3c359f68f.txt"]["plan"]
    assert plans["003_348ec1c3c359f68f.txt"]["place"] == plan["place"] == "Lai Châu"
    assert plans["003_348ec1c3c359f68f.txt"]["tasks"] == str(len(docs["003_348ec1c3c359f68f.txt"]["tasks"]))


def test_csv_task_and_indicator_cells(out: Path) -> None:
    assert export(str(out), "--to", "csv").exit_code == 0
    docs = documents(out)
    tasks = read_csv(out / "tasks.csv")
    for row in tasks:
        task = next(t for t in docs[row["file"]]["tasks"] if t["id"] == row["id"])
        assert row["text"] == task["text"]  # Vietnamese intact
        assert row["lead"] == "; ".join(task["lead"]) and row["partners"] == "; ".join(task["partners"])
        assert row["section"] == (task["section"] or "")
        assert row["start_line"] == str(task["span"]["start_line"])
        deadline = task["deadline"] or {}
        assert row["deadline_text"] == (deadline.get("text") or "")
        assert row["deadline_end"] == (deadline.get("end") or "")
    assert any("; " in row["partners"] for row in tasks)
    assert any(row["deadline_end"] for row in tasks)
    assert any(row["section_title"] for row in tasks)
    indicators = read_csv(out / "indicators.csv")
    assert {row["required"] for row in indicators} == {"true", "false"}
    for row in indicators:
        indicator = next(i for i in docs[row["file"]]["indicators"] if i["id"] == row["id"])
        value = indicator["value"]
        assert row["value"] == ("" if value is None else f"{value:g}")
        assert row["required"] == ("true" if indicator["required"] else "false")
        assert row["comparator"] == (indicator["comparator"] or "")


def test_xlsx_workbook_has_a_sheet_per_table(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "reports" / "cchc.xlsx"
    result = export(str(out), "--to", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["plans", "tasks", "indicators"]
    docs = documents(out)
    tasks = workbook["tasks"]
    assert [c.value for c in tasks[1]] == list(COLUMNS["tasks"])
    assert all(c.font.bold for c in tasks[1])
    assert tasks.freeze_panes == "A2"
    assert tasks.max_row - 1 == sum(len(d["tasks"]) for d in docs.values())
    assert workbook["indicators"].max_row - 1 == sum(len(d["indicators"]) for d in docs.values())
    assert workbook["plans"].max_row - 1 == len(docs)
    header = list(COLUMNS["tasks"])
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in tasks.iter_rows(min_row=2)]
    first = docs[str(rows[0]["file"])]["tasks"][0]
    assert rows[0]["text"] == first["text"] and rows[0]["id"] == first["id"]
    ends = [r["deadline_end"] for r in rows if r["deadline_end"] is not None]
    assert ends and all(isinstance(e, datetime.datetime | datetime.date) for e in ends)
    width = tasks.column_dimensions["F"].width  # text
    assert 30 <= width <= 60 and tasks.column_dimensions["B"].width < 20
    assert not list(target.parent.glob("*.tmp")) and not list(target.parent.glob(".*.tmp"))


def test_xlsx_default_destination_is_out(out: Path) -> None:
    result = export(str(out), "--to", "XLSX")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"wrote {out / 'tables.xlsx'}"
    assert openpyxl.load_workbook(out / "tables.xlsx")["plans"].max_row == 4


def test_cells_that_look_like_formulas_or_hold_control_characters(out: Path, tmp_path: Path) -> None:
    path = next(out.rglob("003_*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tasks"][0]["text"] = "=1+1 \x07nhiệm vụ"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    [workbook_path] = export_tables(out, "xlsx", tmp_path)
    cells = [c for c in openpyxl.load_workbook(workbook_path)["tasks"]["F"] if c.value == "=1+1 nhiệm vụ"]
    assert len(cells) == 1 and cells[0].data_type == "s"  # text, not a formula; no control character
    csv_paths = export_tables(out, "csv", tmp_path / "csv")
    assert [p.name for p in csv_paths] == ["plans.csv", "tasks.csv", "indicators.csv"]
    assert "=1+1 \x07nhiệm vụ" in [r["text"] for r in read_csv(tmp_path / "csv" / "tasks.csv")]


def test_bad_export_folders(tmp_path: Path) -> None:
    missing = export(str(tmp_path / "nope"), "--to", "csv")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == f"error: {tmp_path / 'nope'}: no such directory"
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "_errors.jsonl").write_text("", encoding="utf-8")
    empty = export(str(tmp_path / "empty"), "--to", "csv")
    assert empty.exit_code == 1
    assert "no cchc-parse JSON documents found" in empty.stderr
    assert not list((tmp_path / "empty").glob("*.csv"))


def test_export_usage_errors(out: Path) -> None:
    assert export(str(out)).exit_code == 2  # --to is required
    assert export(str(out), "--to", "ods").exit_code == 2
    single = export(str(out), "--to", "csv", "-o", str(out / "tasks.csv"))
    assert single.exit_code == 1 and "give a folder" in single.stderr
