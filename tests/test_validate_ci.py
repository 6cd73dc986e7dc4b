"""`cchc-parse validate` as a CI tool: configuration files, inline suppressions, folders, exit and output
options, `cchc-parse rule`, and where findings point (column, page)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_parse.validate.config import ConfigError, find_config
from cchc_parse.validate.settings import settings_for
from cchc_parse.validate.suppress import Suppressions
from cli_helpers import CliResult, cli
from test_validate import EXECUTION, plant, write_plan

NO_NUMBER = ("Số: 12/KH-UBND\n\n", "")  # gives CP040 (warning) on line 1
BAD_DATE = ("ngày 15/7/2021", "ngày 30/02/2021")  # gives CP050 (error) on the "Căn cứ Nghị quyết" line
PDF = Path(__file__).parent / "fixtures" / "pdf" / "QD-1074-QD-BXD-29-6-2026.pdf"


def codes(*args: str | Path) -> tuple[int, set[str]]:
    """Exit code and the set of finding codes of ``validate --format json ARGS``."""
    result = cli("validate", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, {f["code"] for f in json.loads(result.stdout)["findings"]}


def usage_error(result: CliResult) -> str:
    assert result.exit_code == 2, result.output
    return result.stderr.strip().splitlines()[-1]


# --- configuration ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("pyproject.toml", '[project]\nname = "plans"\n[tool.cchc-parse.validate]\nignore = ["CP040"]\n'),
        (".cchc-parse.toml", '[validate]\nignore = ["CP04"]\n'),
    ],
)
def test_a_configuration_file_is_found_upwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, text: str
) -> None:
    (tmp_path / file).write_text(text, encoding="utf-8")
    plans = tmp_path / "plans" / "2026"
    plans.mkdir(parents=True)
    path = write_plan(plans, NO_NUMBER)
    monkeypatch.chdir(plans)
    assert codes(path) == (0, set())
    assert codes(path, "--no-config") == (0, {"CP040"})


def test_own_file_wins_over_pyproject_and_a_pyproject_without_the_table_is_passed_over(
    tmp_path: Path,
) -> None:
    (tmp_path / ".cchc-parse.toml").write_text("[validate]\nstrict = true\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cchc-parse.validate]\nignore = ["CP0"]\n', encoding="utf-8"
    )
    assert find_config(tmp_path) == tmp_path / ".cchc-parse.toml"
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(inner) == tmp_path / ".cchc-parse.toml"


def test_strict_select_and_per_file_ignores_from_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / ".cchc-parse.toml"
    config.write_text(
        '[validate]\nstrict = true\nselect = ["CP04", "CP05"]\n'
        '[validate.per-file-ignores]\n"drafts/*.txt" = ["CP050"]\n"old.txt" = ["CP04"]\n',
        encoding="utf-8",
    )
    (tmp_path / "drafts").mkdir()
    draft = write_plan(tmp_path / "drafts", NO_NUMBER, BAD_DATE)
    old = write_plan(tmp_path, NO_NUMBER, BAD_DATE, name="old.txt")
    other = write_plan(tmp_path, NO_NUMBER, (EXECUTION, ""), name="other.txt")
    monkeypatch.chdir(tmp_path)
    assert codes(draft) == (1, {"CP040"})  # strict: a warning fails
    assert codes(old) == (1, {"CP050"})
    assert codes(other) == (1, {"CP040"})  # CP003 is not selected
    assert codes(other, "--select", "CP003") == (1, {"CP003"})  # --select replaces the configuration's
    assert codes(draft, "--ignore", "CP040") == (0, set())  # --ignore adds to it


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[validate]\nselct = []\n", "unknown key 'selct'"),
        ('[validate]\nignore = ["XX9"]\n', "unknown rule code 'XX9'"),
        ("[validate]\nstrict = 'yes'\n", "'strict' must be true or false"),
        ("[validate\n", "not valid TOML"),
    ],
)
def test_a_bad_configuration_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, words: str
) -> None:
    (tmp_path / ".cchc-parse.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    line = usage_error(cli("validate", write_plan(tmp_path)))
    assert ".cchc-parse.toml" in line and words in line
    with pytest.raises(ConfigError):
        settings_for(start=tmp_path)


def test_config_option_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "ci.toml"
    config.write_text('[validate]\nignore = ["CP040"]\n', encoding="utf-8")
    path = write_plan(tmp_path, NO_NUMBER)
    assert codes(path, "--config", config) == (0, set())
    assert "no such configuration file" in usage_error(cli("validate", path, "--config", tmp_path / "nope"))


# --- inline suppressions ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("directive", "where", "silenced"),
    [
        ("<!-- cchc-parse: disable CP040, CP050 -->", "top", {"CP040", "CP050"}),
        ("<!-- cchc-parse: disable CP05 -->", "top", {"CP050"}),
        ("<!-- cchc-parse: disable -->", "top", {"CP040", "CP050"}),
        ("<!-- cchc-parse: disable-next-line CP050 -->", "before date", {"CP050"}),
        ("<!-- cchc-parse: disable-next-line CP050 -->", "top", set()),
        (" <!-- cchc-parse: disable-line CP050 -->", "after date", {"CP050"}),
    ],
)
def test_inline_suppression(tmp_path: Path, directive: str, where: str, silenced: set[str]) -> None:
    text = plant(NO_NUMBER, BAD_DATE)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "30/02/2021" in line)
    if where == "top":
        lines.insert(0, directive)
    elif where == "before date":
        lines.insert(at, directive)
    else:
        lines[at] += directive
    path = tmp_path / "plan.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    expected = {"CP040", "CP050"} - silenced
    assert codes(path)[1] == expected


def test_suppressions_never_silence_an_unreadable_file() -> None:
    found = Suppressions.scan("<!-- cchc-parse: disable -->")
    assert found.silences("CP010", 5) and not found.silences("CP000", 1)


def test_a_directive_line_is_not_plan_text(tmp_path: Path) -> None:
    plain = write_plan(tmp_path, name="plain.txt")
    marked = tmp_path / "marked.txt"
    marked.write_text(
        "<!-- cchc-parse: disable CP060 -->\n" + plain.read_text(encoding="utf-8"), encoding="utf-8"
    )
    a = json.loads(cli(plain, "--compact").stdout)
    b = json.loads(cli(marked, "--compact").stdout)
    assert a["plan"] == b["plan"] and [t["text"] for t in a["tasks"]] == [t["text"] for t in b["tasks"]]


# --- folders, options and outputs ---------------------------------------------------------------------
def test_folders_are_walked(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    write_plan(tmp_path, name="a.txt")
    write_plan(tmp_path / "sub", NO_NUMBER, name="b.md")
    write_plan(tmp_path / ".hidden", NO_NUMBER, name="c.txt")
    (tmp_path / "notes.docx.json").write_text("{}", encoding="utf-8")
    result = cli("validate", "--format", "json", tmp_path)
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]
    assert result.exit_code == 0


def test_exit_zero_statistics_and_quiet(tmp_path: Path) -> None:
    bad = write_plan(tmp_path, NO_NUMBER, BAD_DATE)
    assert cli("validate", bad).exit_code == 1
    assert cli("validate", bad, "--exit-zero").exit_code == 0
    stats = cli("validate", bad, "--statistics")
    rows = stats.stdout.splitlines()
    assert rows[0].split()[:3] == ["1", "CP040", "warning"] or rows[0].split()[:3] == ["1", "CP050", "error"]
    assert {row.split()[1] for row in rows[:2]} == {"CP040", "CP050"}
    assert rows[-1].startswith("1 file checked")
    quiet = cli("validate", bad, "-q")
    assert quiet.stdout.count("\n") == 2 and "checked" not in quiet.stdout


def test_json_is_utf8_and_findings_have_a_column(tmp_path: Path) -> None:
    path = write_plan(tmp_path, BAD_DATE)
    result = cli("validate", "--format", "json", path)
    assert "\\u" not in result.stdout and "30/02/2021" in result.stdout
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "CP050"]
    line = path.read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
    assert line[finding["column"] - 1 :].startswith("30/02/2021")


def test_pdf_findings_give_the_page() -> None:
    report = json.loads(cli("validate", "--format", "json", PDF, "--ocr", "never").stdout)
    pages = [f["page"] for f in report["findings"]]
    assert pages and all(isinstance(p, int) and p >= 1 for p in pages), report["findings"]
    human = cli("validate", PDF, "--ocr", "never").stdout
    assert "(page " in human


def test_standard_input_is_validated_under_its_name(tmp_path: Path) -> None:
    data = write_plan(tmp_path, NO_NUMBER).read_bytes()
    result = cli("validate", "-", "--stdin-name", "plans/x.txt", "--format", "json", stdin=data)
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["plans/x.txt"]


# --- cchc-parse rule ----------------------------------------------------------------------------------
def test_rule_explains_a_code() -> None:
    result = cli("rule", "CP010")
    assert result.exit_code == 0
    assert result.stdout.startswith("CP010 (warning): Numbered items at every level")
    assert "--ignore CP010" in result.stdout and "<!-- cchc-parse: disable CP010 -->" in result.stdout
    listed = json.loads(cli("rule", "--all", "--format", "json").stdout)
    assert [r["code"] for r in listed][:2] == ["CP000", "CP001"]
    assert {r["code"] for r in json.loads(cli("rule", "CP04", "-f", "json").stdout)} == {
        "CP040",
        "CP041",
        "CP042",
        "CP043",
    }


def test_files_are_checked_in_the_order_given_with_stdin_in_its_place(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    first = write_plan(tmp_path, name="first.txt")
    inner = write_plan(tmp_path / "dir", name="inner.txt")
    data = write_plan(tmp_path, name="piped.txt").read_bytes()
    result = cli("validate", "--format", "json", tmp_path / "dir", "-", first, stdin=data)
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(inner), "-", str(first)]
