"""The package as users install it: a wheel built from the committed files, in a fresh virtual environment.

Editable installs read data files from the checkout, so only an installed wheel shows a file missing from
the package data. The wheel is built once (with build isolation, as pip does for users) from a copy of the
files git does not ignore, installed into a new virtual environment with its dependencies, and the
commands a user runs first are run there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
OCR_TEXT = FIXTURES / "seeds" / "002_44ed5409a343b470.txt"  # Tesseract -l eng output: marks lost
DOCX = FIXTURES / "docx" / "TT-24-2025-TT-BCT-ke-hoach-quan-ly-rui-ro.docx"
TEXT_PDF = FIXTURES / "pdf" / "QD-1074-QD-BXD-29-6-2026.pdf"
SCAN_PDF = FIXTURES / "pdf" / "scan-page1.pdf"
DATA = ROOT / "src" / "cchc_parse" / "data"


@dataclass(frozen=True)
class Installed:
    wheel: Path
    bin: Path

    def run(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        return subprocess.run(
            [str(self.bin / "cchc-parse"), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            env=env,
            timeout=300,
        )


def _tracked_copy(dest: Path) -> Path:
    """The files of the checkout that git does not ignore (tracked or new), copied to ``dest``."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout to know the tracked files")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        name = os.fsdecode(raw)
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def _pip(python: Path, *args: str, cwd: Path | None = None) -> None:
    done = subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
        if "NewConnectionError" in tail or "No matching distribution" in tail:
            pytest.skip(f"the package index cannot be reached: {tail.splitlines()[-1]}")
        pytest.fail(f"pip {' '.join(args)} failed:\n{tail}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    work = tmp_path_factory.mktemp("wheel")
    tree = _tracked_copy(work / "src")
    _pip(Path(sys.executable), "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(tree))
    (wheel,) = (work / "dist").glob("cchc_parse-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True, clear=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    _pip(bin_dir / "python", "install", "-q", str(wheel))
    yield Installed(wheel, bin_dir)


def test_the_wheel_holds_every_data_file(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
    packaged = {n.removeprefix("cchc_parse/data/") for n in names if n.startswith("cchc_parse/data/")}
    assert packaged == {p.name for p in DATA.iterdir() if p.is_file()}
    assert "cchc_parse/py.typed" in names


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    where = subprocess.run(
        [str(installed.bin / "python"), "-c", "import cchc_parse; print(cchc_parse.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=installed.bin,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.bin.parent)


def test_ocr_garbled_text_is_repaired_and_parsed(installed: Installed) -> None:
    done = installed.run(str(OCR_TEXT), "--compact")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"]["repaired"] is True
    assert data["plan"]["number"] and data["tasks"]


def test_repair_prints_the_repaired_text(installed: Installed) -> None:
    done = installed.run("repair", str(OCR_TEXT))
    assert done.returncode == 0, done.stderr
    assert "SỞ XÂY DỰNG" in done.stdout
    assert "repaired" in done.stderr


def test_docx_and_text_layer_pdf(installed: Installed) -> None:
    for path, fmt in ((DOCX, "docx"), (TEXT_PDF, "pdf")):
        done = installed.run(str(path), "--compact")
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert data["source"]["format"] == fmt
        assert data["sections"], path.name


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract (installed by .ci/run)")
def test_ocr_of_a_scan(installed: Installed) -> None:
    done = installed.run(str(SCAN_PDF), "--compact")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"]["ocr"] is True and data["source"]["repaired"] is True


def test_validate_walks_a_folder(installed: Installed, tmp_path: Path) -> None:
    for path in (OCR_TEXT, DOCX):
        shutil.copy(path, tmp_path / path.name)
    done = installed.run("validate", "--format", "json", str(tmp_path))
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert [Path(f["path"]).name for f in report["files"]] == sorted([OCR_TEXT.name, DOCX.name])
    assert not [f for f in report["findings"] if f["code"] == "CP000"], done.stdout  # both were read
    ocr_codes = {f["code"] for f in report["findings"] if f["path"].endswith(OCR_TEXT.name)}
    assert ocr_codes <= {"CP043", "CP060"}


def test_version_and_standard_input(installed: Installed) -> None:
    assert installed.run("--version").stdout.startswith("cchc-parse ")
    done = subprocess.run(
        [str(installed.bin / "cchc-parse"), "-", "--compact"],
        input=OCR_TEXT.read_bytes(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["source"]["path"] == "-"


def test_batch_and_export(installed: Installed, tmp_path: Path) -> None:
    plans, out = tmp_path / "plans", tmp_path / "out"
    plans.mkdir()
    for path in (OCR_TEXT, DOCX):
        shutil.copy(path, plans / path.name)
    done = installed.run("batch", str(plans), "-o", str(out), "-j", "2")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.glob("*.json")) == sorted(f"{p.name}.json" for p in (OCR_TEXT, DOCX))
    exported = installed.run("export", str(out), "--to", "xlsx")
    assert exported.returncode == 0, exported.stderr
    assert (out / "tables.xlsx").stat().st_size > 0
    assert installed.run("rule", "CP010").stdout.startswith("CP010 (warning)")
