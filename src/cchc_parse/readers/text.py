"""Reader for plain text and markdown files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_parse.document import Document
from cchc_parse.normalize.encodings import decode_bytes
from cchc_parse.readers import read_limited

if TYPE_CHECKING:
    from cchc_parse.options import ParseOptions
import re

# --- patterns of this module --------------------------------------------------------------------------------
# A line that holds nothing but HTML comments: not plan text (a directive, an editor's note).
COMMENT_ONLY_LINE = re.compile(r"^\s*(?:<!--.*?-->\s*)+$")

MAX_TEXT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class TextReader:
    """Plain text or markdown, decoded (any supported encoding) into its lines; the pipeline's stages
    convert legacy fonts, repair and lay the lines out into blocks."""

    format: Literal["txt", "md"]

    def read(self, path: Path, options: ParseOptions) -> Document:
        data = read_limited(path, MAX_TEXT_BYTES)
        name = str(path)
        decoded = decode_bytes(data, path=name, legacy=False)
        return text_document(
            decoded.text,
            path=name,
            fmt=self.format,
            encoding=decoded.encoding,
            sha256=hashlib.sha256(data).hexdigest(),
        )


def text_document(
    text: str, *, path: str, fmt: Literal["txt", "md"], encoding: str | None, sha256: str | None = None
) -> Document:
    """The document of decoded text, comment-only lines blanked (see :func:`without_comment_lines`);
    ``sha256`` is of the file's bytes (default: of the text as UTF-8)."""
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(path=path, format=fmt, sha256=sha, encoding=encoding, text=without_comment_lines(text))


def without_comment_lines(text: str) -> str:
    """Lines holding only HTML comments (validate's inline suppressions, editors' notes) blanked: they are
    no plan text, and the line numbers stay those of the file."""
    if "<!--" not in text:
        return text
    lines = text.split("\n")
    return "\n".join("" if COMMENT_ONLY_LINE.match(line) else line for line in lines)


TEXT = TextReader("txt")
MARKDOWN = TextReader("md")
