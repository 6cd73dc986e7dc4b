"""Signature blocks ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" + name) and the "Nơi nhận:" recipients list.

Both are found as the FIRST occurrence in the document: a decision with an attached plan signs the decision,
and form templates in appendices repeat signature blocks later. Every block is looked at, but only with a
cheap prefix test, so this stays linear in the document size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cchc_parse import lexicon
from cchc_parse.document import Block, BlockRole
from cchc_parse.extract.header_words import SIGNATURES
from cchc_parse.extract.title_case import authority_title, is_caps
from cchc_parse.grammar.documents import LEAD_BULLET, RECIPIENTS
from cchc_parse.grammar.pieces import VI_LOWER, VI_UPPER
from cchc_parse.models import Signer

# --- patterns of this module --------------------------------------------------------------------------------
# Recipients glued into one line: a bullet after the previous item's ';' or ','.
GLUED_ITEMS = re.compile(r"(?<=[;,.])\s*[-–+]\s+")

# Punctuation closing a recipient item.
ITEM_END = re.compile(r"[\s;.,]+$")

# A person's name line: 2-6 capitalised words ("Nguyễn Thành Công", "Nguyễn Văn A").
PERSON_NAME = re.compile(rf"^[{VI_UPPER}][{VI_LOWER}]+(?:\s+[{VI_UPPER}][{VI_LOWER}]*){{1,5}}$")

# A signature line that ends with the signer's name ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lưu Hồng Phương").
CAPS_THEN_NAME = re.compile(
    rf"^(?P<caps>[^{VI_LOWER}]*[{VI_UPPER}.)])\s+"
    rf"(?P<name>[{VI_UPPER}][{VI_LOWER}]+(?:\s+[{VI_UPPER}][{VI_LOWER}]*){{1,5}})$"
)

# Stamps and placeholders inside signature blocks: "(Đã ký)", "(Ký tên, đóng dấu)", "Đã ký", and a line
# without a letter (what OCR makes of a handwritten signature: '"”').
SIGN_PLACEHOLDER = re.compile(r"^\(.*\)$|^\[?[Đđ]ã\s+ký\]?$|^\W*$")

MAX_SIGN_LINE = 160  # a longer paragraph is body text, not a signature line
RUN_BLOCKS = 8  # paragraphs a signature block may span
SCRIBBLE_WORDS = 3  # words of a seal or a signature read as text, at most
CELL_SKIP = 2  # leading non-title lines allowed in a signature cell ("XÁC THỰC VĂN BẢN HỢP NHẤT")


@cache
def _representatives() -> tuple[str, ...]:
    return lexicon.string_list(SIGNATURES, "representative_prefixes")


@cache
def _prefix_re() -> re.Pattern[str]:
    # A signature prefix ("KT.", "TM.", "K/T", a record's "ĐẠI DIỆN") opening a line or inside a glued one;
    # its dot may touch the title ("TM.ỦY BAN NHÂN DÂN", as typed or as OCR reads it).
    prefixes = (*lexicon.string_list(SIGNATURES, "signature_prefixes"), *_representatives())
    alts = "|".join(re.escape(p.rstrip(".")) + rf"(?:\.?(?=\s)|\.(?=[{VI_UPPER}]))" for p in prefixes)
    return re.compile(rf"(?:^|\s)(?:{alts})")


def _side_by_side(titles: list[str], atom: str) -> bool:
    """Whether ``atom`` opens a second representative's column before the first one's name: a record's
    signers stand side by side, and a reading that glues their columns cannot tell whose name comes next."""
    return bool(titles) and titles[-1].startswith(_representatives()) and atom.startswith(_representatives())


@cache
def _name_prefix_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in lexicon.string_list(SIGNATURES, "name_prefixes"))
    return re.compile(rf"^(?:{alts})\s+")


def _has_prefix(line: str) -> bool:
    m = _prefix_re().match(line)
    return bool(m and m.start() == 0)


def _split_titles(caps: str) -> list[str]:
    """Split a glued capitals line into title lines: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" -> two lines."""
    starts = [m.start() for m in _prefix_re().finditer(caps) if m.start() > 0]
    pieces = [caps[a:b].strip() for a, b in zip([0, *starts], [*starts, len(caps)], strict=True)]
    out: list[str] = []
    for piece in pieces:
        out.extend(_split_piece(piece))
    return [p for p in out if p]


def _split_piece(piece: str) -> list[str]:
    m = _prefix_re().match(piece)
    prefix = piece[: m.end()].strip() + " " if m else ""
    rest = piece[m.end() :].strip() if m else piece
    title = authority_title(rest)
    if title:
        tail = rest[len(title) :].strip()
        if tail and authority_title(tail):
            return [prefix + title, *_split_piece(tail)]
        return [piece]
    if prefix.startswith(("TM", "T/M", "T.M")):
        for i in (i for i in range(1, len(rest)) if rest[i - 1] == " "):
            if authority_title(rest[i:]):
                return [prefix + rest[: i - 1], *_split_piece(rest[i:])]
    return [piece]


def _atoms(line: str) -> list[str]:
    """One printed line as title lines and, at its end, maybe a name."""
    line = " ".join(line.split())
    m = CAPS_THEN_NAME.match(line)
    if m and is_caps(m.group("caps")):
        return [*_split_titles(m.group("caps")), m.group("name")]
    if is_caps(line):
        return _split_titles(line)
    return [line]


def _scribble(atom: str) -> bool:
    """A short line of neither capitals nor a name between a signer's title and name: what OCR reads a
    seal or a signature as ("QN TRO mo")."""
    return len(atom.split()) <= SCRIBBLE_WORDS and not is_caps(atom) and person_name(atom) is None


def is_title(atom: str) -> bool:
    return len(atom) <= MAX_SIGN_LINE and is_caps(atom) and (_has_prefix(atom) or bool(authority_title(atom)))


def person_name(atom: str) -> str | None:
    name = _name_prefix_re().sub("", atom.strip())
    return name if PERSON_NAME.match(name) else None


def parse_signers(lines: list[str], skip: int = 0) -> list[Signer]:
    """Signers from the lines of a signature block: runs of title lines each closed by a name line."""
    signers: list[Signer] = []
    titles: list[str] = []
    for atom in (a for line in lines for a in _atoms(line)):
        name = person_name(atom)
        if _side_by_side(titles, atom):
            signers.append(Signer(name=None, title=" / ".join(titles)))
            titles = [atom]
        elif is_title(atom) or (
            titles and titles[-1].startswith(("TM", "T/M")) and is_caps(atom) and not name
        ):
            titles.append(atom)
        elif SIGN_PLACEHOLDER.match(atom) or (titles and _scribble(atom)):
            continue
        elif name and titles:
            signers.append(Signer(name=name, title=" / ".join(titles)))
            titles = []
        elif not titles and not signers and skip > 0:
            skip -= 1
        else:
            break
    if titles:
        signers.append(Signer(name=None, title=" / ".join(titles)))
    return signers


def _columns(block: Block) -> Iterator[list[str]]:
    width = max((len(r) for r in block.rows), default=0)
    for c in range(width):
        yield [line for row in block.rows if c < len(row) for line in row[c].split("\n") if line.strip()]


def _table_signers(block: Block) -> list[Signer]:
    cells = [c for row in block.rows for c in row]
    if not any(RECIPIENTS.match(c) or any(_has_prefix(x) for x in c.split("\n")) for c in cells):
        return []
    signers: list[Signer] = []
    for column in _columns(block):
        if column and not RECIPIENTS.match(column[0]):
            signers.extend(parse_signers(column, skip=CELL_SKIP))
    return signers


def _paragraph_signers(blocks: list[Block], i: int) -> list[Signer]:
    text = blocks[i].text
    if len(text) > MAX_SIGN_LINE or not is_caps(text.split(" ", 2)[0]):
        return []
    atoms = _atoms(text)
    if not atoms or not is_title(atoms[0]):
        return []
    signers = parse_signers([b.text for b in _sign_run(blocks, i)])
    if signers and signers[0].name is None and not _has_prefix(atoms[0]):
        return []  # an authority line in the head ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") followed by "Căn cứ"
    return signers


def _sign_run(blocks: list[Block], i: int) -> list[Block]:
    """The short paragraphs from ``i`` on that a signature block in paragraphs may be made of."""
    return [b for b in blocks[i : i + RUN_BLOCKS] if b.kind == "paragraph" and len(b.text) <= MAX_SIGN_LINE]


def _signed_blocks(blocks: list[Block], i: int, signers: list[Signer]) -> int:
    """How many paragraphs from ``i`` on the signature block is made of: those whose words all stand in
    the signers' titles and names."""
    signed = " ".join(" ".join(filter(None, (s.title, s.name))) for s in signers).casefold().split()
    count = 0
    for block in _sign_run(blocks, i):
        if count and not all(word in signed for word in block.text.casefold().split()):
            break
        count += 1
    return count


def find_signers(blocks: list[Block], site_meta: dict[str, str]) -> list[Signer]:
    """The first signature block of the document (its blocks' role becomes "signature");
    site_meta['signer'] fills a missing name."""
    signers: list[Signer] = []
    for i, block in enumerate(blocks):
        signers = _table_signers(block) if block.kind == "table" else _paragraph_signers(blocks, i)
        if signers:
            _mark(blocks, i, "signature", 1 if block.kind == "table" else _signed_blocks(blocks, i, signers))
            break
    fallback = site_meta.get("signer", "").strip() or None
    if fallback and not signers:
        return [Signer(name=fallback, title=None)]
    if fallback and signers[0].name is None:
        signers[0] = Signer(name=fallback, title=signers[0].title)
    return signers


# --- recipients -----------------------------------------------------------------------------------


def parse_recipients(lines: list[str]) -> list[str]:
    """Recipient items from the lines after "Nơi nhận:" (bullets and closing punctuation removed)."""
    items: list[str] = []
    for line in lines:
        for piece in GLUED_ITEMS.split(line):
            bulleted = bool(LEAD_BULLET.match(piece))
            item = ITEM_END.sub("", LEAD_BULLET.sub("", piece)).strip()
            if not any(c.isalpha() for c in item):
                continue
            if items and not bulleted and item[:1].islower():
                items[-1] = f"{items[-1]} {item}"
            else:
                items.append(item)
    return items


def _recipient_lines(blocks: list[Block], i: int, first: str) -> list[str]:
    lines = [first] if first.strip() else []
    for block in blocks[i + 1 :]:
        text = block.text
        if block.kind != "paragraph" or not (LEAD_BULLET.match(text) or text.startswith("Lưu")):
            break
        lines.append(text)
    return lines


def find_recipients(blocks: list[Block]) -> list[str]:
    """The items of the first "Nơi nhận:" list, in a table cell or in the paragraphs after it (their
    blocks' role becomes "recipients", unless a table holds the signature too)."""
    for i, block in enumerate(blocks):
        if block.kind == "table":
            for cell in (c for row in block.rows for c in row):
                m = RECIPIENTS.match(cell)
                if m:
                    _mark(blocks, i, "recipients")
                    return parse_recipients(cell[m.end() :].split("\n"))
        else:
            m = RECIPIENTS.match(block.text)
            if m:
                lines = _recipient_lines(blocks, i, block.text[m.end() :])
                _mark(blocks, i, "recipients", len(lines) + (0 if block.text[m.end() :].strip() else 1))
                return parse_recipients(lines)
    return []


def _mark(blocks: list[Block], start: int, role: BlockRole, count: int = 1) -> None:
    """Give ``count`` blocks from ``start`` on the role (a signature keeps its role under recipients)."""
    for block in blocks[start : start + count]:
        if block.role != "signature":
            block.role = role
