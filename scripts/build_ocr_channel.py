"""Build the repair step's OCR channel table, src/cchc_parse/data/ocr_channel.json.

    python scripts/build_ocr_channel.py [--check]

Input: scripts/data/ocr_pairs.tsv (or .tsv.gz), the (lang, clean token, OCR token, count) rows that
scripts/generate_ocr_pairs.py made by rendering corpus text and reading it with Tesseract. Output, per
Tesseract language ("eng", "vie"):

- ``"sub"``: {clean char: {OCR piece: count}}. Each pair is aligned character by character and every clean
  character gets the OCR substring aligned to it: one character for a match or substitution, "" for a
  deletion, and the OCR characters inserted next to it, so a piece may be 2+ characters ("của" -> "ciia":
  c -> "c", ủ -> "ii", a -> "a"). The alignment is rapidfuzz's Levenshtein editops over the two tokens with
  every character folded to its base letter (marks dropped, đ -> d; one character each, so positions
  agree), which makes a mark-only misreading a match and pairs "đ" with "d" rather than with a neighbour.
  Inserted OCR characters go with the following clean character when that one was misread (a substitution
  or deletion: Levenshtein puts an insertion before the substitution it belongs with, "đối" -> "d6éi"
  aligns as d=d, +6, o->e, i=i, and it is the "ố" that became "6é"), else with the preceding one; at the
  start of the token with the first character.
- ``"pairs"``: {OCR token: {clean token: count}}: the direct garble lexicon, pairs whose OCR token differs
  from the clean token and that were seen at least twice (MIN_PAIR_COUNT).
- ``"tokens"``: the number of token pairs (sum of the counts) the table was made from.

Nothing is pruned: the file stays well under 1.5 MB (if a larger pairs file ever pushes it over, raise
MIN_PAIR_COUNT, the rule that decides which garbles the lexicon keeps). The build is deterministic;
``--check`` compares with the committed file, and tests/test_ocr_channel.py does the same.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cchc_parse.repair.channel import split_token  # noqa: E402  (the alignment the corrector uses)

PAIRS = ROOT / "scripts" / "data" / "ocr_pairs.tsv"
OUTPUT = ROOT / "src" / "cchc_parse" / "data" / "ocr_channel.json"
LANGS = ("eng", "vie")
MIN_PAIR_COUNT = 2
HEADER = "lang\tclean\tocr\tcount"

ABOUT = (
    "OCR channel of the repair step: how Tesseract 5 (-l eng, -l vie) reads Vietnamese text. Made by "
    "scripts/build_ocr_channel.py from scripts/data/ocr_pairs.tsv, the token pairs that "
    "scripts/generate_ocr_pairs.py got by rendering paragraphs of the legal-documents corpus (held-out "
    "documents excluded) on 60 A4 pages in five fonts at 11-14 pt, 300 dpi, and OCRing them. sub: clean "
    "character -> {OCR piece: count}, from a Levenshtein alignment of each pair over base letters; '' = "
    "deleted; inserted OCR characters go with the following clean character when it was misread, else "
    "with the preceding one. pairs: OCR token -> {clean token: count} for garbled tokens seen at least "
    "twice. tokens: number of token pairs. Tokens are lower case NFC; nothing is pruned. Rebuild: python "
    "scripts/generate_ocr_pairs.py (minutes; needs tesseract and ../shared/corpus), then python "
    "scripts/build_ocr_channel.py."
)


def pairs_path() -> Path:
    """The committed pairs file: ocr_pairs.tsv, or ocr_pairs.tsv.gz when the plain one is not there."""
    return PAIRS if PAIRS.exists() else PAIRS.with_name(PAIRS.name + ".gz")


def read_pairs(path: Path) -> list[tuple[str, str, str, int]]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    lines = data.decode("utf-8").splitlines()
    if not lines or lines[0] != HEADER:
        raise ValueError(f"{path}: the first line must be {HEADER!r}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != 4 or fields[0] not in LANGS or not fields[1] or not fields[3].isdigit():
            raise ValueError(f"{path}:{number}: malformed row {line!r}")
        rows.append((fields[0], fields[1], fields[2], int(fields[3])))
    return rows


def build(path: Path | None = None) -> dict[str, Any]:
    """The channel table made from the pairs file ``path`` (default: the committed one)."""
    rows = read_pairs(path or pairs_path())
    table: dict[str, Any] = {"_about": ABOUT}
    for lang in LANGS:
        sub: defaultdict[str, Counter[str]] = defaultdict(Counter)
        garbles: defaultdict[str, Counter[str]] = defaultdict(Counter)
        tokens = 0
        for row_lang, clean, seen, count in rows:
            if row_lang != lang:
                continue
            tokens += count
            for char, piece in zip(clean, split_token(clean, seen), strict=True):
                sub[char][piece] += count
            if seen != clean and count >= MIN_PAIR_COUNT:
                garbles[seen][clean] += count
        table[lang] = {
            "sub": {char: _ordered(pieces) for char, pieces in sorted(sub.items())},
            "pairs": {seen: _ordered(cleans) for seen, cleans in sorted(garbles.items())},
            "tokens": tokens,
        }
    return table


def _ordered(counts: Counter[str]) -> dict[str, int]:
    """Most frequent first, ties in code point order."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def render(table: dict[str, Any]) -> str:
    """The JSON text of the table: one line per clean character and per OCR token."""
    out = ["{", f'  "_about": {json.dumps(table["_about"], ensure_ascii=False)},']
    for n, lang in enumerate(LANGS):
        part = table[lang]
        out.append(f'  "{lang}": {{')
        for key in ("sub", "pairs"):
            out.append(f'    "{key}": {{')
            entries = list(part[key].items())
            for k, (name, counts) in enumerate(entries):
                comma = "," if k < len(entries) - 1 else ""
                out.append(f"      {_dump(name)}: {_dump(counts)}{comma}")
            out.append("    },")
        out.append(f'    "tokens": {part["tokens"]}')
        out.append("  }" + ("," if n < len(LANGS) - 1 else ""))
    out.append("}")
    return "\n".join(out) + "\n"


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file, write nothing")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT}: {'up to date' if same else 'differs from the build'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode('utf-8')):,} bytes)")
    for lang in LANGS:
        part = json.loads(text)[lang]
        sizes = f"{len(part['sub'])} characters, {len(part['pairs'])} garbles"
        print(f"{lang}: {part['tokens']} token pairs, {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
