"""`cchc-parse validate`: one planted defect per rule, options, output formats, and the rule table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cchc_parse import lexicon
from cchc_parse.validate import resolve_codes, rule_table, validate_file
from cchc_parse.validate.checks import CHECKS, roman_value
from cli_helpers import CliResult, cli

ROOT = Path(__file__).parent.parent
SEED = Path(__file__).parent / "fixtures" / "seeds" / "003_348ec1c3c359f68f.txt"
GITHUB_LINE = re.compile(
    r"^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=cchc-parse CP\d{3}::CP\d{3} \S"
)

# A small, clean CCHC plan: every required part, a task table covering the six reform areas, numbered
# indicators, full header and signature. Each test case below plants one defect by text replacement.
CLEAN_PLAN = """\
ỦY BAN NHÂN DÂN TỈNH SƠN LA

Số: 12/KH-UBND

Sơn La, ngày 05 tháng 01 năm 2026

KẾ HOẠCH

Cải cách hành chính tỉnh Sơn La năm 2026

Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao hiệu quả công tác cải cách hành chính.

2. Yêu cầu

- Bám sát các nhiệm vụ được giao.

II. NHIỆM VỤ TRỌNG TÂM

1. Chỉ tiêu

a) Tối thiểu 80% hồ sơ thủ tục hành chính được giải quyết trực tuyến.

b) 100% văn bản quy phạm pháp luật được rà soát đúng hạn.

2. Nhiệm vụ

| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật (cải cách thể chế) | Sở Tư pháp | Các sở, ngành | Tháng 3/2026 |
| 2 | Kiểm soát thủ tục hành chính, cơ chế một cửa | Văn phòng UBND tỉnh | Các sở, ngành | Quý II/2026 |
| 3 | Sắp xếp tổ chức bộ máy các đơn vị sự nghiệp | Sở Nội vụ | Các sở, ngành | Tháng 6/2026 |
| 4 | Tuyển dụng công chức, viên chức theo vị trí việc làm | Sở Nội vụ | Các sở, ngành | Quý III/2026 |
| 5 | Thực hiện cơ chế tự chủ tài chính công | Sở Tài chính | Các sở, ngành | Tháng 9/2026 |
| 6 | Phát triển chính quyền số | Sở Khoa học và Công nghệ | Các sở, ngành | Tháng 12/2026 |

III. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ

- Theo dõi, đôn đốc việc thực hiện Kế hoạch.

2. Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch.

Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An
"""

PURPOSE = """\
I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao hiệu quả công tác cải cách hành chính.

2. Yêu cầu

- Bám sát các nhiệm vụ được giao.

"""
EXECUTION = """\
III. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ

- Theo dõi, đôn đốc việc thực hiện Kế hoạch.

2. Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch.

"""
TABLE_END = "| Tháng 12/2026 |\n"

Edit = tuple[str, str]


def plant(*edits: Edit, text: str = CLEAN_PLAN) -> str:
    """The plan with each ``old`` replaced by ``new``; ``old`` must occur exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, f"not exactly once in the plan: {old!r}"
        text = text.replace(old, new)
    return text


def write_plan(tmp_path: Path, *edits: Edit, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text(plant(*edits), encoding="utf-8")
    return path


def line_with(path: Path, needle: str) -> int:
    """The 1-based line of ``path`` that holds ``needle`` (exactly one)."""
    lines = [i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text]
    assert len(lines) == 1, f"{needle!r} on lines {lines}"
    return lines[0]


def invoke(*args: str) -> CliResult:
    return cli(*args)


def run_json(*args: str) -> tuple[int, dict[str, object]]:
    result = invoke("validate", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def findings_of(data: dict[str, object]) -> list[tuple[str, str, int]]:
    rows = data["findings"]
    assert isinstance(rows, list)
    return [(f["code"], f["severity"], f["line"]) for f in rows]


# --- a clean plan ---------------------------------------------------------------------------------------
def test_clean_synthetic_plan_has_no_findings(tmp_path: Path) -> None:
    path = write_plan(tmp_path)
    result = invoke("validate", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1 file checked: 0 errors, 0 warnings; passed."


def test_seed_plan_gives_only_expected_warnings() -> None:
    """A propaganda plan draft: number and date left blank, not all six reform areas named."""
    code, data = run_json(str(SEED))
    assert code == 0
    assert findings_of(data) == [("CP040", "warning", 1), ("CP041", "warning", 1), ("CP060", "warning", 11)]


# --- one planted defect per rule ------------------------------------------------------------------------
# (case, code, severity, edits, the text on the line the finding points to; None: line 1)
CASES: list[tuple[str, str, str, tuple[Edit, ...], str | None]] = [
    ("no purpose", "CP001", "error", ((PURPOSE, ""),), "II. NHIỆM VỤ TRỌNG TÂM"),
    (
        "no tasks",
        "CP002",
        "error",
        (("II. NHIỆM VỤ TRỌNG TÂM", "II. KẾT QUẢ CẦN ĐẠT"), ("2. Nhiệm vụ", "2. Phân kỳ")),
        "I. MỤC ĐÍCH, YÊU CẦU",
    ),
    ("no execution section", "CP003", "error", ((EXECUTION, ""),), "I. MỤC ĐÍCH, YÊU CẦU"),
    ("2 renumbered 3", "CP010", "warning", (("2. Yêu cầu", "3. Yêu cầu"),), "3. Yêu cầu"),
    ("list opens at 2", "CP010", "warning", (("1. Mục đích", "2. Mục đích"),), "2. Mục đích"),
    ("duplicate number", "CP011", "warning", (("2. Yêu cầu", "1. Yêu cầu"),), "1. Yêu cầu"),
    (
        "lost Roman headings",
        "CP012",
        "warning",
        (
            ("I. MỤC ĐÍCH, YÊU CẦU\n\n", ""),
            ("II. NHIỆM VỤ TRỌNG TÂM\n\n", ""),
            ("III. TỔ CHỨC THỰC HIỆN\n\n", ""),
            ("1. Sở Nội vụ", "1. Trách nhiệm của Sở Nội vụ"),
        ),
        "1. Mục đích",
    ),
    (
        "table task without lead",
        "CP020",
        "warning",
        ((TABLE_END, TABLE_END + "| 7 | Tổ chức hội nghị sơ kết | | Các sở, ngành | Tháng 7/2026 |\n"),),
        "| 7 | Tổ chức hội nghị sơ kết",
    ),
    (
        "table task without deadline",
        "CP021",
        "warning",
        ((TABLE_END, TABLE_END + "| 7 | Tổ chức hội nghị sơ kết | Sở Nội vụ | Các sở, ngành | |\n"),),
        "| 7 | Tổ chức hội nghị sơ kết",
    ),
    (
        "indicator without number",
        "CP030",
        "warning",
        (("b) 100% văn bản", "b) Hoàn thành việc rà soát văn bản"),),
        "b) Hoàn thành",
    ),
    ("no Số:", "CP040", "warning", (("Số: 12/KH-UBND\n\n", ""),), None),
    ("blank date", "CP041", "warning", (("ngày 05 tháng 01", "ngày    tháng 01"),), None),
    ("no issuer", "CP042", "warning", (("ỦY BAN NHÂN DÂN TỈNH SƠN LA\n\n", ""),), None),
    ("no signer", "CP043", "warning", (("\nNguyễn Văn An\n", "\n"),), None),
    (
        "31 February",
        "CP050",
        "error",
        (("ngày 05 tháng 01 năm 2026", "ngày 31 tháng 02 năm 2026"),),
        "ngày 31 tháng 02 năm 2026",
    ),
    ("numeric 30/02", "CP050", "error", (("ngày 15/7/2021", "ngày 30/02/2021"),), "Căn cứ Nghị quyết"),
    ("deadline after the plan year", "CP051", "warning", (("Tháng 12/2026", "Tháng 3/2027"),), "3/2027"),
    ("deadline before the issue date", "CP052", "error", (("Tháng 3/2026", "Tháng 12/2025"),), "12/2025"),
    (
        "CCHC plan missing an area",
        "CP060",
        "warning",
        (("Sắp xếp tổ chức bộ máy các đơn vị sự nghiệp", "Tổ chức hội nghị sơ kết"),),
        "I. MỤC ĐÍCH, YÊU CẦU",
    ),
]


@pytest.mark.parametrize(
    ("code", "severity", "edits", "needle"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_planted_defect_is_found(
    tmp_path: Path, code: str, severity: str, edits: tuple[Edit, ...], needle: str | None
) -> None:
    path = write_plan(tmp_path, *edits)
    exit_code, data = run_json(str(path))
    line = 1 if needle is None else line_with(path, needle)
    assert (code, severity, line) in findings_of(data)
    assert exit_code == (1 if severity == "error" else 0)


def test_every_rule_has_a_planted_defect() -> None:
    assert {c[1] for c in CASES} | {"CP000"} == set(rule_table())


def test_missing_areas_are_named(tmp_path: Path) -> None:
    path = write_plan(tmp_path, ("Sắp xếp tổ chức bộ máy các đơn vị sự nghiệp", "Tổ chức hội nghị sơ kết"))
    (finding,) = validate_file(path).findings
    assert finding.message == "CCHC plan does not cover the reform areas: tổ chức bộ máy"


def test_multi_year_plan_tolerates_its_stated_range(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        ("tỉnh Sơn La năm 2026", "tỉnh Sơn La giai đoạn 2026 - 2030"),
        ("Tháng 12/2026", "Tháng 12/2029"),
    )
    exit_code, data = run_json(str(path))
    assert (exit_code, findings_of(data)) == (0, [])


FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*/*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "plans").glob("*.md")
)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixtures_validate_without_crashing(path: Path) -> None:
    result = validate_file(path)
    assert all(f.line >= 1 and f.code in rule_table() for f in result.findings)
    assert "CP000" not in {f.code for f in result.findings}


# --- unreadable input -----------------------------------------------------------------------------------
def test_unreadable_files_are_findings_and_the_others_are_checked(tmp_path: Path) -> None:
    good = write_plan(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    bad_date = write_plan(tmp_path, ("ngày 05 tháng 01 năm 2026", "ngày 31 tháng 02 năm 2026"), name="z.txt")
    paths = [tmp_path / "missing.txt", empty, good, pdf, bad_date]
    exit_code, data = run_json(*map(str, paths))
    assert exit_code == 1
    files = data["files"]
    assert isinstance(files, list)
    assert [(f["path"], f["status"]) for f in files] == [
        (str(p), s) for p, s in zip(paths, ["failed", "failed", "passed", "failed", "failed"], strict=True)
    ]
    findings = data["findings"]
    assert isinstance(findings, list)
    unreadable = [f for f in findings if f["code"] == "CP000"]
    assert [(f["path"], f["severity"], f["line"]) for f in unreadable] == [
        (str(p), "error", 1) for p in (tmp_path / "missing.txt", empty, pdf)
    ]
    assert "no such file" in unreadable[0]["message"]
    assert any(f["code"] == "CP050" and f["path"] == str(bad_date) for f in findings)


# --- options --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("options", "codes"),
    [
        ((), {"CP041", "CP050"}),
        (("--disable", "CP050"), {"CP041"}),
        (("--disable", "cp050,CP041"), set()),
        (("--disable", "CP05", "--disable", "CP04"), set()),
        (("--select", "CP050"), {"CP050"}),
        (("--select", "CP0", "--disable", "CP041"), {"CP050"}),
    ],
)
def test_select_and_disable(tmp_path: Path, options: tuple[str, ...], codes: set[str]) -> None:
    path = write_plan(tmp_path, ("ngày 05 tháng 01 năm 2026", "ngày 31 tháng 02 năm 2026"))
    exit_code, data = run_json(str(path), *options)
    assert {code for code, _, _ in findings_of(data)} == codes
    assert exit_code == (1 if "CP050" in codes else 0)


def test_unreadable_is_reported_unless_disabled(tmp_path: Path) -> None:
    missing = str(tmp_path / "plan.txt")
    assert findings_of(run_json(missing, "--select", "CP050")[1]) == [("CP000", "error", 1)]
    exit_code, data = run_json(missing, "--disable", "CP000")
    assert (exit_code, data["findings"]) == (0, [])


@pytest.mark.parametrize(("strict", "expected"), [((), 0), (("--strict",), 1)])
def test_strict_fails_on_warnings(tmp_path: Path, strict: tuple[str, ...], expected: int) -> None:
    path = write_plan(tmp_path, ("Số: 12/KH-UBND\n\n", ""))
    result = invoke("validate", str(path), *strict)
    assert result.exit_code == expected
    status = "failed" if strict else "passed"
    _, data = run_json(str(path), *strict)
    assert data["files"] == [{"path": str(path), "errors": 0, "warnings": 1, "status": status}]


@pytest.mark.parametrize(
    "args",
    [
        ("validate",),
        ("validate", "--format", "xml", "plan.txt"),
        ("validate", "--disable", "CP999", "plan.txt"),
        ("validate", "--select", "XX", "plan.txt"),
        ("validate", "--bogus", "plan.txt"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert invoke(*args).exit_code == 2


# --- output formats -------------------------------------------------------------------------------------
def test_human_format(tmp_path: Path) -> None:
    bad = write_plan(tmp_path, (EXECUTION, ""), ("Số: 12/KH-UBND\n\n", ""))
    good = write_plan(tmp_path, name="good.txt")
    result = invoke("validate", str(bad), str(good))
    assert result.exit_code == 1
    anchor = line_with(bad, "I. MỤC ĐÍCH, YÊU CẦU")
    assert result.stdout.splitlines() == [
        f'{bad}:1:1: CP040 warning no document number ("Số: ...")',
        f'{bad}:{anchor}:1: CP003 error missing the execution section ("Tổ chức thực hiện")',
        "",
        "2 files checked: 1 error, 1 warning; 1 file failed.",
    ]


def test_json_format(tmp_path: Path) -> None:
    path = write_plan(tmp_path, (EXECUTION, ""))
    exit_code, data = run_json(str(path))
    assert exit_code == 1
    findings = data["findings"]
    assert isinstance(findings, list)
    (finding,) = findings
    assert set(finding) == {"path", "line", "column", "page", "code", "severity", "message"}
    assert finding["column"] == 1 and finding["page"] is None
    assert finding["path"] == str(path)
    assert isinstance(finding["line"], int)
    assert data["files"] == [{"path": str(path), "errors": 1, "warnings": 0, "status": "failed"}]
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 0, "failed": 1, "strict": False}


def test_github_format(tmp_path: Path) -> None:
    path = write_plan(tmp_path, (EXECUTION, ""), ("Số: 12/KH-UBND\n\n", ""), name="a,b.txt")
    result = invoke("validate", "--format", "github", str(path), str(tmp_path / "missing.md"))
    assert result.exit_code == 1
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == 3
    assert all(GITHUB_LINE.match(line) for line in commands), commands
    assert (
        commands[0]
        == f"::warning file={str(path).replace(',', '%2C')},line=1,col=1,title=cchc-parse CP040::CP040 no "
        'document number ("Số: ...")'
    )
    assert commands[1].startswith("::error ") and "::CP003 " in commands[1]
    assert commands[2].startswith(
        f"::error file={tmp_path / 'missing.md'},line=1,col=1,title=cchc-parse CP000::"
        "CP000 cannot read the file"
    )


# --- the rule table -------------------------------------------------------------------------------------
def test_rule_table_matches_the_checks() -> None:
    table = rule_table()
    assert set(table) == set(CHECKS) | {"CP000"}
    assert all(rule.severity in ("error", "warning") for rule in table.values())
    assert list(table) == sorted(table)


def test_readme_documents_every_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Validate plans in CI", 1)[1].split("\n## ", 1)[0]
    for code, rule in rule_table().items():
        assert re.search(rf"^\| `{code}` \| {rule.severity} \|", section, re.MULTILINE), code


def test_pre_commit_hook() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: cchc-validate" in text
    assert "entry: cchc-parse validate" in text
    assert "language: python" in text
    files = re.search(r"files: '(.+)'", text)
    assert files is not None
    pattern = re.compile(files.group(1))
    for name in ("plans/a.txt", "b.md", "c.pdf", "d.docx", "e.doc"):
        assert pattern.search(name), name
    assert not pattern.search("notes.json")


def test_bad_data_file_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_parse.validate import catalog

    bad = {"rules": [{"code": "CP1", "severity": "error", "message": "m", "checks": "c"}]}
    monkeypatch.setattr(lexicon, "load_json", lambda name: bad)
    catalog.rule_table.cache_clear()
    try:
        with pytest.raises(lexicon.DataFileError, match="bad rule code"):
            catalog.rule_table()
    finally:
        catalog.rule_table.cache_clear()


def test_resolve_codes() -> None:
    assert resolve_codes(["CP05"], ["CP051"]) == {"CP000", "CP050", "CP052"}
    assert resolve_codes([], ["CP00", "cp01", "CP02", "CP03", "CP04", "CP05"]) == {"CP060"}
    with pytest.raises(ValueError, match="unknown rule code"):
        resolve_codes(["CP7"])


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40)])
def test_roman_value(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value
