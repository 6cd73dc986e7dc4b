"""The legacy-encodings stage: text typed in the TCVN3 (".VnTime") or VNI fonts, converted to Unicode.

Whatever the format — a text file decoded as Unicode, Word runs, a PDF's text layer — the decision is taken
once over the whole document (:func:`cchc_parse.normalize.encodings.convert_legacy`: only when conversion
clearly turns more words into Vietnamese syllables, never on a line that is Unicode Vietnamese already),
and what was read stays in ``orig`` (``Document.orig_text`` for a text file's text). A text file whose
bytes are a legacy single-byte encoding is converted while it is decoded: that is a choice of code page.
"""

from __future__ import annotations

from collections.abc import Iterator

from cchc_parse.document import Block, Document
from cchc_parse.normalize.encodings import convert_legacy


def legacy_stage(document: Document) -> None:
    """Convert ``document``'s legacy-font text to Unicode, recording the encoding found."""
    kind: str | None
    if document.text is not None:
        converted, kind = convert_legacy(document.text)
        if kind is not None and converted != document.text:
            document.orig_text, document.text = document.text, converted
    else:
        kind = _convert_blocks(document.body)
    if kind is not None:
        document.legacy = kind
        if document.encoding is not None:
            document.encoding = f"{document.encoding}+{kind}"


def _texts(blocks: list[Block]) -> Iterator[str]:
    for block in blocks:
        if block.kind == "paragraph":
            yield block.text
    for block in blocks:
        yield from (cell for row in block.rows for cell in row)


def _convert_blocks(blocks: list[Block]) -> str | None:
    """Convert the paragraphs and cells of ``blocks``, deciding over all of them at once."""
    joined = "\n".join(_texts(blocks))
    converted, kind = convert_legacy(joined)
    if kind is None or converted == joined or converted.count("\n") != joined.count("\n"):
        return None
    lines = iter(converted.split("\n"))

    def take(text: str) -> str:
        return "\n".join(next(lines) for _ in text.split("\n"))

    for block in blocks:
        if block.kind == "paragraph":
            text = take(block.text)
            if text != block.text:
                block.orig, block.text = block.orig or block.text, text
    for block in blocks:
        rows = [[take(cell) for cell in row] for row in block.rows]
        if rows != block.rows:
            block.orig_rows, block.rows = block.orig_rows or [list(r) for r in block.rows], rows
    return kind
