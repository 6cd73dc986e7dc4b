"""Bytes to Unicode text: BOMs, UTF-16, UTF-8, Windows-1258, and the legacy TCVN3 and VNI font encodings.

Vietnamese documents typed before Unicode use 8-bit fonts whose letters sit on Latin-1 code points:
TCVN3 / ABC (".VnTime": "Céng hoµ" = "Cộng hoà") maps one byte to one letter, VNI ("VNI-Times":
"Coäng hoøa") writes a base letter followed by a mark character. Such text arrives as Windows-1252 bytes or
as UTF-8 of those code points. :func:`convert_legacy` recognises it by scoring how many words become
Vietnamese syllables after conversion compared with before; the tables are ``data/legacy_*.json``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from cchc_parse.errors import InputError
from cchc_parse.grammar.syllables import VI_SYLLABLE, VI_UNICODE_ONLY
from cchc_parse.normalize.legacy_tables import (
    HAT_MARKS,
    LEGACY_KINDS,
    LEGACY_NO_LOWER,
    LEGACY_WORD_CHAR,
    TONE_MARKS,
    LegacyKind,
    is_vietnamese_letter,
    legacy_words,
    not_signature,
    sequences,
    table,
    tcvn3_charmap,
    tcvn3_translation,
)

# --- patterns of this module --------------------------------------------------------------------------------
# Words without lower-case ASCII letters, separated by spaces ("CéNG HOµ X·", "ñY BAN", "2026"): where TCVN3
# text may have lost its upper case (the upper-case .VnTimeH font shows lower-case codes as capitals).
CAPS_RUN = re.compile(
    rf"(?<!{LEGACY_WORD_CHAR}){LEGACY_NO_LOWER}+(?:[ \t]+{LEGACY_NO_LOWER}+)*(?!{LEGACY_WORD_CHAR})"
)

ASCII_LOWER = re.compile("[a-z]")

ASCII_LETTER = re.compile("[A-Za-z]")

# A stretch of characters beyond Latin-1 (captured, for re.split).
NON_LATIN1 = re.compile("([^\x00-\xff]+)")

# A syllable closed by a stop (c, ch, p, t): it can only carry the acute or the dot-below tone.
STOP_FINAL = re.compile(r"(?:[cpt]|ch)$")


_STOP_TONES = frozenset("\u0301\u0323")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Legacy detection thresholds: distinct changed words that must become syllables, the share of changed
# words that must, and the share by which converted words must beat the unconverted ones.
_MIN_SYLLABLES = 3
_MIN_VALID_SHARE = 0.6
_MIN_GAIN_SHARE = 0.4
_MAX_SCORED_CHARS = 200_000
# C0 controls other than tab, line feed, vertical tab, form feed and carriage return; and DEL.
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_UTF16_SAMPLE = 4096


@dataclass(frozen=True)
class DecodedText:
    """Decoded file text.

    ``text`` is Unicode NFC without BOM, newlines normalised to ``"\\n"``; ``encoding`` names the byte
    encoding ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "windows-1258", ...), followed by "+tcvn3" or
    "+vni" when legacy font text was converted.
    """

    text: str
    encoding: str


def decode_bytes(data: bytes, *, path: str, legacy: bool = True) -> DecodedText:
    """Decode a text file's bytes; raise :class:`InputError` when they are empty, binary or undecodable.

    Bytes of a legacy single-byte font encoding are always converted (that is their code page); Unicode
    text typed in a legacy font only with ``legacy`` (the pipeline's legacy stage does it for a reader)."""
    if not data:
        raise InputError(path, "file is empty")
    unicode = _decode_unicode(data, path)
    if unicode is not None:
        raw, encoding = unicode
        text, kind = convert_legacy(_tidy(raw, path)) if legacy else (_nfc(_tidy(raw, path)), None)
    else:
        encoding = "windows-1258"
        text, kind = _convert_single_byte(data, path)
    if not text or text.isspace():
        raise InputError(path, "file is empty")
    return DecodedText(text, f"{encoding}+{kind}" if kind else encoding)


def convert_legacy(text: str) -> tuple[str, LegacyKind | None]:
    """Convert TCVN3 or VNI text to Unicode; return NFC text and the legacy encoding found, if any.

    Genuine Unicode Vietnamese, English and other text come back unchanged (NFC): conversion happens only
    when it turns clearly more words into Vietnamese syllables than there were before. Text without any
    character that Unicode Vietnamese lacks ("µ", "¸", "©", "ø", "ï", ...) is not scored at all: real legacy
    text always has some ("và" is "vµ" / "vaø"), so a few legacy words without one stay as they are. Lines
    holding Unicode-only Vietnamese letters (ơ, ư, ạ, ...) are never converted.
    """
    text = _nfc(text)
    converted, kind = _convert_view(text, _nfc)
    return _nfc(converted), kind


# --- bytes to str ------------------------------------------------------------------------------------


def _decode_unicode(data: bytes, path: str) -> tuple[str, str] | None:
    """Text and encoding for BOM, UTF-16 and UTF-8 input; None when the bytes are none of those."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, path), encoding
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _strict(data, utf16, path), utf16
    if b"\x00" in data:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"cannot decode as {encoding}: invalid bytes at offset {exc.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE or BE when NUL bytes alternate as in UTF-16 text (ASCII has a zero high byte)."""
    sample = data[: _UTF16_SAMPLE - _UTF16_SAMPLE % 2]
    if len(data) % 2 or len(sample) < 2:
        return None
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * pairs and even <= odd / 20:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= even / 20:
        return "utf-16-be"
    return None


def _decode_cp1258(data: bytes, path: str) -> str:
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        reason = f"cannot decode: not UTF-8, UTF-16 or Windows-1258 text (byte 0x{data[exc.start]:02X})"
        raise InputError(path, reason) from None


def _tidy(text: str, path: str) -> str:
    """Drop a BOM, normalise newlines, refuse text full of control characters."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    latin = text.encode("latin-1", "ignore")  # fast byte operations below; controls are all in Latin-1
    if len(latin) - len(latin.translate(None, _CONTROL_BYTES)) > max(3, len(text) // 100):
        raise InputError(path, "binary file, not text")
    return text


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def _cp1258_latin() -> tuple[str, dict[int, str]]:
    """How legacy text sees single bytes (Windows-1258 below 0xA0, Latin-1 above: a charmap decoding table),
    and the translation from that reading back to Windows-1258 where the two differ."""
    view = [bytes([b]).decode("cp1258", "replace") if b < 0xA0 else chr(b) for b in range(0x100)]
    to_cp1258 = {b: bytes([b]).decode("cp1258") for b in range(0xA0, 0x100)}
    return "".join(view), {b: c for b, c in to_cp1258.items() if c != chr(b)}


def _convert_single_byte(data: bytes, path: str) -> tuple[str, LegacyKind | None]:
    """Windows-1258 text, or legacy font text when its bytes read better as TCVN3 or VNI."""
    text = _tidy(_decode_cp1258(data, path), path)
    view_table, to_cp1258 = _cp1258_latin()
    view = _tidy(codecs.charmap_decode(data, "strict", view_table)[0], path)

    def cp1258_reading(word: str) -> str:
        return _nfc(word.translate(to_cp1258))

    converted, kind = _convert_view(view, cp1258_reading)
    return (_nfc(converted), kind) if kind else (_nfc(text), None)


# --- legacy detection and conversion -----------------------------------------------------------------


def _convert_view(view: str, baseline: Callable[[str], str]) -> tuple[str, LegacyKind | None]:
    """Convert ``view`` (legacy letters on Latin-1 code points) if one legacy encoding clearly wins.

    ``baseline`` gives a word's reading without conversion (for bytes, the Windows-1258 one).
    """
    if not view.encode("latin-1", "ignore").translate(None, not_signature()):
        return view, None  # fast path: no character that only legacy text has
    lines = view.split("\n")
    candidates = "\n".join(line for line in lines if not VI_UNICODE_ONLY.search(line))
    words = list(dict.fromkeys(legacy_words().findall(candidates[:_MAX_SCORED_CHARS])))
    scores = {kind: _gain(words, kind, baseline) for kind in LEGACY_KINDS}
    best = max(LEGACY_KINDS, key=lambda kind: scores[kind] or 0)
    if scores[best] is None:
        return view, None
    if best == "vni":
        converted = _vni_text(view).split("\n")
    else:
        converted = list(map(_restore_case, lines, _tcvn3_text(view).split("\n")))
    return "\n".join(map(_pick_line, lines, converted)), best


def _pick_line(line: str, converted: str) -> str:
    """The converted line; the original one if it was Unicode Vietnamese already."""
    return line if VI_UNICODE_ONLY.search(line) else converted


def _gain(words: list[str], kind: LegacyKind, baseline: Callable[[str], str]) -> int | None:
    """How many more words are syllables converted than not; None when conversion is not convincing.

    Only words with an ASCII letter count: a lone symbol ("µ", "·") would convert to a one-vowel word.
    """
    words = [word for word in words if ASCII_LETTER.search(word)]
    changed = [(word, converted) for word in words if (converted := _convert_word(word, kind)) != word]
    before = sum(is_vietnamese_syllable(baseline(word)) for word, _ in changed)
    after = sum(is_vietnamese_syllable(converted) for _, converted in changed)
    if after < _MIN_SYLLABLES or after < _MIN_VALID_SHARE * len(changed):
        return None
    if after - before < _MIN_GAIN_SHARE * len(changed):
        return None
    return after - before


def without_tone(word: str) -> str:
    """``word`` with its tone marks removed, in NFC ("cổ" → "cô"; hats, breves and horns stay)."""
    return _nfc("".join(c for c in unicodedata.normalize("NFD", word) if c not in TONE_MARKS))


def is_vietnamese_syllable(word: str) -> bool:
    """True for one Vietnamese syllable in lower, Title or UPPER case with at most one tone mark."""
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    if not all(c.isascii() or is_vietnamese_letter(c) for c in word):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) > 1:
        return False
    toneless = without_tone(decomposed)
    if not VI_SYLLABLE.fullmatch(toneless):
        return False
    return not STOP_FINAL.search(toneless) or bool(tones and tones[0] in _STOP_TONES)


def _restore_case(line: str, converted: str) -> str:
    """Upper-case the TCVN3 words of ``line`` written in an upper-case font (.VnTimeH), where it shows.

    The font is lost, so a run of words without lower-case ASCII letters becomes upper case when one of its
    words is a syllable with two capitals: "CéNG HOµ X· HéI" -> "CỘNG HOÀ XÃ HỘI", "ñY BAN" -> "ỦY BAN",
    but "Sè: 12/Q§-UBND" -> "Số: 12/QĐ-UBND". VNI has upper-case marks and needs none of this.
    """
    if converted == line or converted.lower() == converted:
        return converted
    pieces, done = [], 0
    for match in CAPS_RUN.finditer(line):
        start, end = match.span()
        run = converted[start:end]
        if run != run.upper() and any(
            _capitals(w) >= 2 and is_vietnamese_syllable(w.upper()) for w in run.split()
        ):
            pieces += [converted[done:start], run.upper()]
            done = end
    return "".join([*pieces, converted[done:]])


def _capitals(word: str) -> int:
    return sum(map(str.isupper, word))


def _convert_word(word: str, kind: LegacyKind) -> str:
    """A word converted for scoring; TCVN3 words without lower-case ASCII count as upper case."""
    if kind == "vni":
        return _vni_text(word)
    converted = word.translate(tcvn3_translation())
    return converted if ASCII_LOWER.search(word) else converted.upper()


def _tcvn3_text(text: str) -> str:
    """TCVN3 to Unicode, byte for byte (a charmap decode of the Latin-1 stretches: fast on long texts)."""
    parts = NON_LATIN1.split(text)  # even indexes: Latin-1 stretches; odd: the rest, kept
    table = tcvn3_charmap()
    parts[0::2] = [codecs.charmap_decode(part.encode("latin-1"), "strict", table)[0] for part in parts[0::2]]
    return "".join(parts)


def _vni_text(text: str) -> str:
    vni = table("vni")
    return sequences().sub(lambda m: vni[m.group()], text)


__all__ = [
    "HAT_MARKS",
    "TONE_MARKS",
    "DecodedText",
    "convert_legacy",
    "decode_bytes",
    "is_vietnamese_syllable",
    "without_tone",
]
