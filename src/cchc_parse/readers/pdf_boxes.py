"""Boxes in a PDF page's display space (points from the top-left corner of the page as it is shown)."""

from __future__ import annotations

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in display space
Glyph = tuple[str, "Box | None"]  # a character and its box (None for white space)


def union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
