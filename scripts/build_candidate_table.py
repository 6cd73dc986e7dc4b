"""Build the repair step's candidates of common OCR tokens, src/cchc_parse/data/repair_candidates.json.

    python scripts/build_candidate_table.py [--check]

Finding the candidates of a token OCR'd without the Vietnamese model is most of the work the corrector
does for a word it has not met before (neighbouring skeletons, their channel costs: about 0.15 ms). The
tokens Tesseract -l eng printed in scripts/data/ocr_pairs.tsv (the OCR channel's training pairs, made from
corpus text with the evaluation documents left out) are the ones it prints most; this table holds their
candidates as the corrector finds them (``Corrector._candidates`` with the "eng" channel, costs rounded to
COST_DIGITS decimals), and the corrector starts from it. Rebuild it whenever the model, the channel or
the candidate search change; tests/test_repair.py checks that the committed file matches a rebuild, and
``--check`` does the same.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cchc_parse.repair.channel import load_channel  # noqa: E402
from cchc_parse.repair.corrector import CANDIDATE_TABLE, COST_DIGITS, Corrector  # noqa: E402
from cchc_parse.repair.tokens import scan  # noqa: E402

PAIRS = ROOT / "scripts" / "data" / "ocr_pairs.tsv"
OUTPUT = ROOT / "src" / "cchc_parse" / "data" / CANDIDATE_TABLE
ABOUT = (
    "Candidates of the tokens Tesseract -l eng printed in scripts/data/ocr_pairs.tsv: token -> [[syllable, "
    "channel cost], ...] as the corrector finds them. Made by scripts/build_candidate_table.py; rebuild "
    "it when the language model, the OCR channel or the candidate search change."
)


def ocr_tokens(pairs: Path) -> list[str]:
    """The distinct lower-case words (as the repair tokens see them) OCR printed in the eng pairs."""
    found: set[str] = set()
    with pairs.open(encoding="utf-8") as handle:
        next(handle)  # header
        for line in handle:
            lang, _, seen, _ = line.rstrip("\n").split("\t")
            if lang == "eng":
                found.update(u.text.lower() for u in scan(seen) if u.kind == "word")
    return sorted(found)


def build(pairs: Path = PAIRS) -> str:
    corrector, channel = Corrector.load(), load_channel("eng")
    table = {
        token: [[c.word, round(c.cost, COST_DIGITS)] for c in corrector.candidates(token, channel)]
        for token in ocr_tokens(pairs)
    }
    return json.dumps({"about": ABOUT, "eng": table}, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare with the committed file, write nothing")
    args = parser.parse_args()
    data = build()
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == data
        print("candidate table matches the committed file" if same else "candidate table differs")
        return 0 if same else 1
    OUTPUT.write_text(data, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(data) / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
