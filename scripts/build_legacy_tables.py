"""Write the legacy Vietnamese font-encoding tables (``src/cchc_parse/data/legacy_*.json``).

Run ``python scripts/build_legacy_tables.py`` after changing a definition below; ``tests/test_encodings.py``
checks that the committed files equal what this script renders.

Keys are the characters that the legacy bytes become when read as Windows-1252 / Latin-1 (both agree on
0xA1-0xFF, the only bytes these encodings use for letters); values are NFC Vietnamese letters.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "cchc_parse" / "data"

# Tone order used in the definitions: huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot below).
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

# TCVN3 (TCVN 5712:1993 VN3, the ABC ".VnTime" fonts): each toneless vowel, then its five toned bytes in
# TONES order. Identical to the lower-case letters of the full TCVN 5712:1993 (VN1) table.
TCVN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
# Toneless letters beyond ASCII: upper case at 0xA1-0xA7, lower case at 0xA8-0xAE.
TCVN3_PLAIN = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
}  # fmt: skip
# Upper-case toned vowels that TCVN 5712:1993 (VN1) places in 0xA1-0xFF slots that VN3 leaves free.
TCVN3_UPPER_TONED = {
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}  # fmt: skip
TCVN3_NOT_REPRESENTABLE = [
    "Upper-case toned vowels other than the 16 VN1 ones in this table: ABC documents write them with the "
    "lower-case byte in an upper-case font (.VnTimeH), so the case is lost. The converter upper-cases a run "
    "of words without lower-case ASCII letters when one of them is a syllable with two capitals "
    "('CéNG HOµ X·' -> 'CỘNG HOÀ XÃ'); a word whose only capital is its toned first vowel ('ñy' for 'Ủy') "
    "stays lower case.",
    "Text typed wholly in an upper-case font with lower-case ASCII letters cannot be told apart from "
    "lower-case text: the font is not in the bytes.",
    "VN1's other upper-case toned vowels (bytes 0x01-0x17 and 0x80-0x9F) are not mapped: those bytes are "
    "control codes and Windows punctuation (quotes, dashes) in ordinary text.",
    "VN1's combining tone marks (0xB0-0xB4) are not mapped: they read as the common symbols ° ± ² ³ ´.",
]

# VNI (VNI-Windows fonts): a vowel is an ASCII letter (or ô = ơ, ö = ư) followed by one mark character.
VNI_TONE_MARKS = ("ø", "û", "õ", "ù", "ï")  # in TONES order
VNI_VOWELS = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ơ": "ô", "ư": "ö"}
# Circumflex and breve vowels: the hat alone, then hat and tone combined in one mark, in TONES order.
VNI_HATS = {
    "â": ("â", ("à", "å", "ã", "á", "ä")),
    "ê": ("â", ("à", "å", "ã", "á", "ä")),
    "ô": ("â", ("à", "å", "ã", "á", "ä")),
    "ă": ("ê", ("è", "ú", "ü", "é", "ë")),
}
# Letters written as one character: i with a tone, the dot-below y and đ (í and ì stand for themselves).
VNI_SINGLE = {"ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ"}
VNI_NOT_REPRESENTABLE = [
    "Every Vietnamese letter has a VNI form; upper-case letters use the upper-case mark characters. A word "
    "that mixes an upper-case base letter with a lower-case mark is left unconverted at that letter.",
]


def toned(vowel: str, tone: str) -> str:
    return unicodedata.normalize("NFC", vowel + tone)


def tcvn3_map() -> dict[str, str]:
    table = {chr(b): letter for b, letter in (TCVN3_PLAIN | TCVN3_UPPER_TONED).items()}
    for vowel, codes in TCVN3_TONED.items():
        table.update({chr(code): toned(vowel, tone) for code, tone in zip(codes, TONES, strict=True)})
    return table


def vni_lower_map() -> dict[str, str]:
    table = {code: letter for letter, code in VNI_SINGLE.items()}
    for vowel, base in VNI_VOWELS.items():
        if base != vowel:
            table[base] = vowel
        tones = TONES[:4] if vowel == "y" else TONES  # ỵ is a single character
        table.update(
            {base + mark: toned(vowel, tone) for mark, tone in zip(VNI_TONE_MARKS, tones, strict=False)}
        )
    for vowel, (hat, marks) in VNI_HATS.items():
        base = unicodedata.normalize("NFD", vowel)[0]
        table[base + hat] = vowel
        table.update({base + mark: toned(vowel, tone) for mark, tone in zip(marks, TONES, strict=True)})
    return table


def vni_map() -> dict[str, str]:
    lower = vni_lower_map()
    return lower | {code.upper(): letter.upper() for code, letter in lower.items()}


KEYS = "the characters of bytes 0xA1-0xFF as read by Windows-1252 / Latin-1"
VNI_KEYS = f"a mark alone or after its ASCII letter (a, e, o, u, y) or ô / ö; non-ASCII characters are {KEYS}"


def render(name: str, description: str, not_representable: list[str], table: dict[str, str]) -> str:
    document = {
        "name": name,
        "description": description,
        "keys": KEYS if name == "tcvn3" else VNI_KEYS,
        "not_representable": not_representable,
        "map": dict(sorted(table.items())),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def render_all() -> dict[str, str]:
    """File name -> file text, for every table."""
    return {
        "legacy_tcvn3.json": render(
            "tcvn3",
            "TCVN3 / ABC (TCVN 5712:1993 VN3, .VnTime fonts) plus the VN1 upper-case letters in 0xA1-0xFF",
            TCVN3_NOT_REPRESENTABLE,
            tcvn3_map(),
        ),
        "legacy_vni.json": render(
            "vni",
            "VNI-Windows (VNI-Times fonts): base letter followed by a mark character",
            VNI_NOT_REPRESENTABLE,
            vni_map(),
        ),
    }


def main() -> int:
    for name, text in render_all().items():
        (DATA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {DATA_DIR / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
