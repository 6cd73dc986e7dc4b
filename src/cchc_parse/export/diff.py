"""A word-level diff of a text and its repaired version, for ``cchc-parse repair --diff``."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from rich.text import Text

__all__ = ["changed_lines", "render_diff"]

_PIECES = re.compile(r"\s+|[^\s]+")


def changed_lines(original: str, repaired: str) -> Iterator[tuple[int, str, str]]:
    """(1-based line number, old line, new line) for every line the repair changed. Repair keeps the
    line structure, so lines pair up one to one."""
    for number, (old, new) in enumerate(zip(original.split("\n"), repaired.split("\n"), strict=False), 1):
        if old != new:
            yield number, old, new


def render_diff(original: str, repaired: str) -> Iterator[Text]:
    """For each changed line: "N - old" with the replaced words in red and "N + new" with the new ones
    in green."""
    for number, old, new in changed_lines(original, repaired):
        before = Text(f"{number:>5} - ", style="dim")
        after = Text(f"{number:>5} + ", style="dim")
        old_words, new_words = _PIECES.findall(old), _PIECES.findall(new)
        matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            before.append("".join(old_words[i1:i2]), style=None if tag == "equal" else "bold red")
            after.append("".join(new_words[j1:j2]), style=None if tag == "equal" else "bold green")
        yield before
        yield after
