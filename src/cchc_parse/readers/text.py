"""Reader for plain text and markdown files."""

from __future__ import annotations

import hashlib
from typing import Literal

from cchc_parse.document import Document
from cchc_parse.normalize.encodings import decode_bytes
from cchc_parse.normalize.layout import text_to_blocks


def read_text_bytes(data: bytes, *, path: str, fmt: Literal["txt", "md"]) -> Document:
    """Decode ``data`` (any supported encoding) and lay it out into blocks."""
    decoded = decode_bytes(data, path=path)
    sha = hashlib.sha256(data).hexdigest()
    return text_document(decoded.text, path=path, fmt=fmt, encoding=decoded.encoding, sha256=sha)


def text_document(
    text: str, *, path: str, fmt: Literal["txt", "md"], encoding: str | None, sha256: str | None = None
) -> Document:
    """Lay decoded text out into blocks; ``sha256`` is of the file's bytes (default: of the text as UTF-8)."""
    layout = text_to_blocks(text)
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = Document(path=path, format=fmt, sha256=sha, encoding=encoding, blocks=layout.blocks)
    document.site_meta = layout.site_meta
    document.warnings.extend(layout.warnings)
    return document
