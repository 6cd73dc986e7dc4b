"""The reader contract: every format of the table in cchc_parse.formats has a reader that obeys it.

Each reader, given a path and the parse options, returns a Document of its own format, named by the path
as given, with the SHA-256 of the file's bytes, and blocks that all carry their provenance (a source line
range; the page, for paged formats). Bad input is our error, never another exception.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_parse.api import read_document
from cchc_parse.errors import CchcParseError, UnsupportedFormatError
from cchc_parse.formats import FORMATS, INPUT_SUFFIXES, Format, find_format, format_for
from cchc_parse.options import ParseOptions

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = {  # one real document a format; a .docx saved under a .doc name reads without LibreOffice
    "txt": FIXTURES / "seeds" / "003_348ec1c3c359f68f.txt",
    "md": FIXTURES / "plans" / "tvpl_6a406c1f9dfed9c3.md",
    "pdf": FIXTURES / "pdf" / "QD-1074-QD-BXD-29-6-2026.pdf",
    "docx": FIXTURES / "docx" / "TT-24-2025-TT-BCT-ke-hoach-quan-ly-rui-ro.docx",
    "doc": FIXTURES / "docx" / "TT-24-2025-TT-BCT-ke-hoach-quan-ly-rui-ro.docx",
}
PAGED = {"pdf"}
NEVER = ParseOptions(ocr="never", repair="never")
ALWAYS = ParseOptions(ocr="never", repair="always")


def sample(fmt: Format, tmp_path: Path) -> Path:
    path = tmp_path / f"sample{fmt.suffixes[0]}"
    shutil.copy(SAMPLES[fmt.name], path)
    return path


def test_every_format_has_a_sample() -> None:
    assert {f.name for f in FORMATS} == set(SAMPLES)


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_reader_contract(fmt: Format, tmp_path: Path) -> None:
    path = sample(fmt, tmp_path)
    reader = fmt.load()
    assert reader.format == fmt.name
    document = reader.read(path, ALWAYS)
    assert document.format == fmt.name
    assert document.path == str(path)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert not document.repaired and not document.stages  # the stages come after reading
    if fmt.text:  # a text file's reader hands over its text; the layout stage makes the blocks
        assert document.text == path.read_text(encoding="utf-8-sig") and not document.blocks
        return
    assert document.blocks and document.text is None
    for block in document.blocks:
        assert block.source_start is not None and block.source_start >= 1, block
        assert block.source_end is not None and block.source_end >= block.source_start, block
        if fmt.name in PAGED:
            assert block.page is not None and block.page >= 1, block
        assert block.text.strip() or block.rows, block
        assert block.orig is None and block.orig_rows is None, block


# a reader reads no vocabulary but what layout needs: the words that start a paragraph ("Căn cứ", "Nơi
# nhận"), a task table's header words and a signing stamp's markers, that tell a PDF's page furniture
# and tables; it never loads the repair model, whatever the options say
READER_DATA = {"layout.json", "table_columns.json", "signatures.json"}
LOADED = """
import json, sys
from pathlib import Path
from cchc_parse import lexicon, repair
from cchc_parse.formats import format_for
from cchc_parse.options import ParseOptions
path = Path(sys.argv[1])
format_for(path).load().read(path, ParseOptions(repair="always"))
loaded = sorted(set(lexicon.LOADED))
print(json.dumps({"data": loaded, "model": repair.corrector.cache_info().currsize}))
"""


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.name != "doc"], ids=lambda f: f.name)
def test_readers_use_no_vocabulary_and_no_repair(fmt: Format, tmp_path: Path) -> None:
    path = sample(fmt, tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", LOADED, str(path)], capture_output=True, text=True, check=True
    )
    used = json.loads(out.stdout)
    assert set(used["data"]) <= READER_DATA
    assert used["model"] == 0


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_reader_refuses_garbage_with_our_error(fmt: Format, tmp_path: Path) -> None:
    path = tmp_path / f"garbage{fmt.suffixes[0]}"
    path.write_bytes(b"\x00\x01\x02\x03" * 64)
    with pytest.raises(CchcParseError):
        fmt.load().read(path, NEVER)


def test_read_document_goes_through_the_table(tmp_path: Path) -> None:
    for fmt in FORMATS:
        document = read_document(sample(fmt, tmp_path), NEVER)
        assert document.format == fmt.name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.PDF", "pdf"),
        ("b.Markdown", "md"),
        ("c.text", "txt"),
        ("d.DOC", "doc"),
        ("e.xlsx", None),
        ("f", None),
    ],
)
def test_formats_by_suffix(name: str, expected: str | None) -> None:
    found = find_format(name)
    assert (found.name if found else None) == expected
    assert (Path(name).suffix.lower() in INPUT_SUFFIXES) == (expected is not None)
    if expected is None:
        with pytest.raises(UnsupportedFormatError, match=r"expected \.pdf, \.docx, \.doc, \.txt or \.md"):
            format_for(name)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf junk before %PDF-1.4 header", "pdf"),
        (b"PK\x03\x04rest", "docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "doc"),
        ("Kế hoạch %PDF mentioned without its dash".encode(), "txt"),
        (b"", "txt"),
    ],
)
def test_a_format_is_told_from_its_first_bytes(data: bytes, expected: str) -> None:
    from cchc_parse.formats import sniff

    assert sniff(data).name == expected
