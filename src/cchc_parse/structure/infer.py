"""Restoring headings that scraping lost, and checking the numbering that is left.

Scraped pages drop the Roman-numeral headings (the numbering of the items below them restarts at 1) and
sometimes whole numbered headings (the numbering jumps from 1 to 3, and the lost item's "a) Chỉ tiêu /
b) Nhiệm vụ" end up under the item before).
"""

from __future__ import annotations

import re
from functools import cache

from cchc_parse import lexicon
from cchc_parse.document import Block, DocWarning
from cchc_parse.structure.outline import SECTIONS, Node

ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@cache
def _top_titles() -> list[tuple[re.Pattern[str], str]]:
    rows = lexicon.load_json(SECTIONS)["inferred_top_titles"]
    return [(re.compile(pattern, re.IGNORECASE), title) for pattern, title in rows]


def _guess_top_title(text: str) -> str:
    for pattern, title in _top_titles():
        if pattern.match(text):
            return title
    return ""


def _number(node: Node) -> int | None:
    if node.kind.startswith("decimal"):
        return int(node.label.split(".")[-1])
    if node.kind == "letter":
        return "abcdđeghiklmnopqrstuvxy".find(node.label) + 1 or None
    return None


def infer_lost_top_level(root: Node, blocks: list[Block], warnings: list[DocWarning]) -> None:
    """Wrap runs of restarting top-level decimal items into inferred Roman sections."""
    kids = root.children
    if not kids or any(k.kind in ("roman", "part") for k in kids):
        return
    runs: list[list[Node]] = []
    previous = 0
    for kid in kids:
        number = _number(kid) if kid.kind == "decimal1" else None
        if number is None:
            return  # not a plain list of decimal items: leave it alone
        if not runs or number <= previous:
            runs.append([])
        runs[-1].append(kid)
        previous = number
    if len(runs) < 2:
        return
    groups = _with_paragraph_sections(runs, blocks)
    root.children = [_inferred_section(i, group) for i, group in enumerate(groups)]
    warnings.append(
        DocWarning("lost_headings", f"inferred {len(groups)} top-level headings lost in the source", None)
    )


def _with_paragraph_sections(runs: list[list[Node]], blocks: list[Block]) -> list[list[Node]]:
    """Split off unnumbered paragraphs that open a section of their own ('Kinh phí thực hiện…')."""
    groups: list[list[Node]] = []
    for run in runs:
        groups.append(run)
        last = run[-1]
        for i in range(last.block + 1, last.end_block + 1):
            block = blocks[i]
            if block.kind == "paragraph" and _guess_top_title(block.text) == "KINH PHÍ THỰC HIỆN":
                paragraph = Node("paragraph", "", block.text, i, last.end_block)
                last.end_block = i - 1
                groups.append([paragraph])
                break
    return groups


def _inferred_section(index: int, group: list[Node]) -> Node:
    first = group[0]
    title = _guess_top_title(first.text if first.kind == "paragraph" else first.title)
    children = [] if first.kind == "paragraph" else group
    node = Node("roman", ROMANS[index] if index < len(ROMANS) else str(index + 1), title, first.block)
    node.children, node.inferred = children, True
    node.end_block = group[-1].end_block
    return node


def infer_numbering_gaps(node: Node, warnings: list[DocWarning]) -> None:
    """Where decimal siblings jump (1 → 3), give the lost item the last 'a)' run of the item before."""
    kids = node.children
    out: list[Node] = []
    for i, kid in enumerate(kids):
        out.append(kid)
        nxt = kids[i + 1] if i + 1 < len(kids) else None
        a, b = _number(kid), _number(nxt) if nxt else None
        if (
            a is None
            or b is None
            or not kid.kind.startswith("decimal")
            or nxt is None
            or nxt.kind != kid.kind
        ):
            continue
        missing = b - a - 1
        if missing > 0:
            out.extend(_split_letter_runs(kid, missing))
    node.children = out
    for kid in node.children:
        infer_numbering_gaps(kid, warnings)


def _split_letter_runs(item: Node, missing: int) -> list[Node]:
    """Move trailing runs of 'a), b) …' children of ``item`` into up to ``missing`` inferred siblings."""
    starts = [i for i, c in enumerate(item.children) if c.kind == "letter" and c.label == "a"]
    if starts and starts[0] == 0 and item.children[0].block == item.block + 1:
        starts = starts[1:]  # the item's own a) run, right under its heading, stays with it
    starts = starts[-missing:]
    made: list[Node] = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(item.children)
        run = item.children[start:stop]
        label = item.label.rsplit(".", 1)
        number = int(label[-1]) + n + 1
        new_label = f"{label[0]}.{number}" if len(label) == 2 else str(number)
        lost = Node(item.kind, new_label, "", run[0].block, run[-1].end_block, run, inferred=True)
        made.append(lost)
    if starts:
        item.children = item.children[: starts[0]]
        item.end_block = made[0].block - 1
    return made


def assign_paths(node: Node, warnings: list[DocWarning], blocks: list[Block]) -> None:
    """Give every node its path ('II.3.b') and level, and warn about gaps and repeats in numbering."""
    bullets = 0
    previous: Node | None = None
    for child in node.children:
        if child.is_bullet:
            bullets += 1
            part = f"{child.label}{bullets}"
        elif "." in child.label and child.label.rsplit(".", 1)[0] == node.label:
            part = child.label.rsplit(".", 1)[1]  # "3.1" under "3" is "….3.1", not "….3.3.1"
        else:
            part = child.label
        child.path = f"{node.path}.{part}" if node.path else part
        child.level = node.level + 1
        if previous is not None and previous.kind == child.kind:
            _check_step(previous, child, warnings, blocks)
        previous = child
        assign_paths(child, warnings, blocks)


def _check_step(a: Node, b: Node, warnings: list[DocWarning], blocks: list[Block]) -> None:
    x, y = _number(a), _number(b)
    if a.kind == "roman":
        x = ROMANS.index(a.label) + 1 if a.label in ROMANS else None
        y = ROMANS.index(b.label) + 1 if b.label in ROMANS else None
    if x is None or y is None or y == x + 1:
        return
    line = blocks[b.block].source_start if b.block >= 0 else None
    code = "numbering_repeat" if y <= x else "numbering_gap"
    warnings.append(
        DocWarning(code, f"item {b.path or b.label} follows {a.label} ({a.label} → {b.label})", line)
    )
