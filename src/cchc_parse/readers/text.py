"""Reader for plain text and markdown files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_parse import rules
from cchc_parse.document import Document
from cchc_parse.normalize.encodings import decode_bytes
from cchc_parse.normalize.layout import text_to_blocks
from cchc_parse.readers import read_limited

if TYPE_CHECKING:
    from cchc_parse.options import ParseOptions
    from cchc_parse.progress import Progress
    from cchc_parse.repair import RepairMode

MAX_TEXT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class TextReader:
    """Plain text or markdown: decoded (any supported encoding), repaired, laid out into blocks."""

    format: Literal["txt", "md"]

    def read(self, path: Path, options: ParseOptions) -> Document:
        data = read_limited(path, MAX_TEXT_BYTES)
        name = str(path)
        return read_text_bytes(
            data, path=name, fmt=self.format, repair=options.repair, progress=options.progress
        )


def read_text_bytes(
    data: bytes,
    *,
    path: str,
    fmt: Literal["txt", "md"],
    repair: RepairMode = "auto",
    progress: Progress | None = None,
) -> Document:
    """Decode ``data`` (any supported encoding), repair its diacritics where ``repair`` says, and lay it
    out into blocks."""
    decoded = decode_bytes(data, path=path)
    sha = hashlib.sha256(data).hexdigest()
    return text_document(
        decoded.text,
        path=path,
        fmt=fmt,
        encoding=decoded.encoding,
        sha256=sha,
        repair=repair,
        progress=progress,
    )


def text_document(
    text: str,
    *,
    path: str,
    fmt: Literal["txt", "md"],
    encoding: str | None,
    sha256: str | None = None,
    repair: RepairMode = "auto",
    progress: Progress | None = None,
) -> Document:
    """Lay decoded text out into blocks; ``sha256`` is of the file's bytes (default: of the text as UTF-8).
    Diacritics are repaired first (see :mod:`cchc_parse.repair`), keeping every line where it was; a long
    text's repair reports to ``progress``."""
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    text = without_comment_lines(text)
    count = None
    if repair != "never":
        from cchc_parse.repair.document import RepairCount, repair_source_text  # the model loads on demand

        count = RepairCount()
        text = repair_source_text(text, repair, count, progress=progress)
    layout = text_to_blocks(text)
    document = Document(path=path, format=fmt, sha256=sha, encoding=encoding, blocks=layout.blocks)
    document.site_meta = layout.site_meta
    document.warnings.extend(layout.warnings)
    if count is not None:
        count.record(document)
    return document


def without_comment_lines(text: str) -> str:
    """Lines holding only HTML comments (validate's inline suppressions, editors' notes) blanked: they are
    no plan text, and the line numbers stay those of the file."""
    if "<!--" not in text:
        return text
    lines = text.split("\n")
    return "\n".join("" if rules.COMMENT_ONLY_LINE.match(line) else line for line in lines)


TEXT = TextReader("txt")
MARKDOWN = TextReader("md")
