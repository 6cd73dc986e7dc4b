"""Byte decoding and legacy Vietnamese font encodings (normalize/encodings.py)."""

from __future__ import annotations

import codecs
import json
import runpy
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_parse.errors import InputError
from cchc_parse.lexicon import DataFileError
from cchc_parse.normalize import encodings, legacy_tables
from cchc_parse.normalize.encodings import DecodedText, convert_legacy, decode_bytes

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "cchc_parse" / "data"

SENTENCES = [
    "Kế hoạch cải cách hành chính tỉnh Sơn La năm 2026",
    "Ủy ban nhân dân",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Độc lập - Tự do - Hạnh phúc",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về chương trình tổng thể.",
    "Nâng cao chất lượng phục vụ người dân, doanh nghiệp; xây dựng chính quyền điện tử, chính quyền số.",
]
# Real syllables whose TCVN3 and VNI forms are not syllables themselves (checked below), so that any few
# of them are enough evidence of a legacy encoding.
SYLLABLES = [
    "cải", "cách", "hành", "tỉnh", "năm", "nhân", "dân", "sở", "văn", "hóa", "thực", "hiện", "quyết",
    "của", "chương", "tổng", "nâng", "chất", "lượng", "người", "xây", "quyền", "điện", "tử", "đẩy",
    "mạnh", "thủ", "tục", "kiểm", "soát", "đánh", "tiêu", "trách", "nhiệm", "hợp", "triển", "hướng",
    "công", "bạch", "đội", "cán", "viên", "chức"
]  # fmt: skip
PLAIN_WORDS = ["ban", "la", "du", "do", "trong", "theo", "kinh", "tin", "2026", "15/7/2021", "KH-UBND"]


def _inverse(kind: legacy_tables.LegacyKind) -> dict[str, str]:
    return {letter: code for code, letter in legacy_tables.table(kind).items()}


def encode_tcvn3(text: str, *, upper_font: bool = True) -> str:
    """Unicode to TCVN3 as ABC keyboards typed it: an upper-case toned vowel outside the table (or any,
    with ``upper_font``) is written with the lower-case byte, shown in capitals by a .VnTimeH font."""
    table = _inverse("tcvn3")
    out = []
    for char in text:
        lowered = table.get(char.lower(), char)
        exact = table.get(char)
        out.append(lowered if exact is None or (upper_font and char not in "ĂÂÊÔƠƯĐ") else exact)
    return "".join(out)


def encode_vni(text: str) -> str:
    table = _inverse("vni")
    return "".join(table.get(char, char) for char in text)


def encode_cp1258(text: str) -> bytes:
    """Unicode to Windows-1258 as Windows writes it: a base letter, then a combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize(
                "NFC", "".join(c for c in decomposed if c not in encodings.TONE_MARKS)
            )
            tones = "".join(c for c in decomposed if c in encodings.TONE_MARKS)
            out += (base + tones).encode("cp1258")
    return bytes(out)


# --- tables ------------------------------------------------------------------------------------------


def test_committed_tables_equal_the_build_script_output() -> None:
    rendered = runpy.run_path(str(ROOT / "scripts" / "build_legacy_tables.py"))["render_all"]()
    assert set(rendered) == {"legacy_tcvn3.json", "legacy_vni.json"}
    for name, text in rendered.items():
        assert (DATA / name).read_text(encoding="utf-8") == text, (
            f"run scripts/build_legacy_tables.py ({name})"
        )


@pytest.mark.parametrize(("kind", "size"), [("tcvn3", 90), ("vni", 130)])
def test_tables_load_validated_and_invertible(kind: legacy_tables.LegacyKind, size: int) -> None:
    table = legacy_tables.table(kind)
    assert len(table) == size
    assert len(set(table.values())) == size
    assert all(
        unicodedata.is_normalized("NFC", v) and legacy_tables.is_vietnamese_letter(v) for v in table.values()
    )


@pytest.mark.parametrize(
    ("kind", "code", "letter"),
    [
        ("tcvn3", "µ", "à"), ("tcvn3", "¸", "á"), ("tcvn3", "¹", "ạ"), ("tcvn3", "\xad", "ư"),
        ("tcvn3", "®", "đ"), ("tcvn3", "§", "Đ"), ("tcvn3", "¦", "Ư"), ("tcvn3", "Ö", "ệ"),
        ("tcvn3", "Ü", "ĩ"), ("tcvn3", "ñ", "ủ"), ("tcvn3", "þ", "ỵ"), ("tcvn3", "Ä", "Ấ"),
        ("vni", "aù", "á"), ("vni", "aê", "ă"), ("vni", "aë", "ặ"), ("vni", "eä", "ệ"),
        ("vni", "oä", "ộ"), ("vni", "ô", "ơ"), ("vni", "ôø", "ờ"), ("vni", "öï", "ự"),
        ("vni", "ñ", "đ"), ("vni", "Ñ", "Đ"), ("vni", "OÄ", "Ộ"), ("vni", "UÛ", "Ủ"),
        ("vni", "ó", "ĩ"), ("vni", "ò", "ị"), ("vni", "î", "ỵ"), ("vni", "YÕ", "Ỹ"),
    ],
)  # fmt: skip
def test_table_entries(kind: legacy_tables.LegacyKind, code: str, letter: str) -> None:
    assert legacy_tables.table(kind)[code] == letter


def _vietnamese_letters() -> list[str]:
    letters = {chr(c) for c in range(0xC0, 0x1EFA) if legacy_tables.is_vietnamese_letter(chr(c))}
    return sorted(letters)


def test_every_vietnamese_letter_is_representable() -> None:
    letters = _vietnamese_letters()
    assert len(letters) == 134  # 67 letters beyond ASCII, in two cases
    vni, tcvn3 = _inverse("vni"), _inverse("tcvn3")
    assert [c for c in letters if c not in vni] == ["Ì", "Í", "ì", "í"]  # VNI writes them as themselves
    assert all(c in tcvn3 for c in letters if c.islower())  # TCVN3 lacks most upper-case toned vowels


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"map": {"µ": "à", "µ": "á"}}', "duplicate key"),
        ('{"map": {"µ": "à", "¸": "à"}}', "same letter"),
        ('{"map": {}}', "non-empty"),
        ('{"mapping": {"µ": "à"}}', "non-empty"),
        ('{"map": {"µ": "x"}}', "Vietnamese letter"),
        ('{"map": {"µ": "ñ"}}', "Vietnamese letter"),
        ('{"map": {"µ": "a\\u0301"}}', "Vietnamese letter"),
        ('{"map": {"µ": 1}}', "Vietnamese letter"),
        ('{"map": {"µµ": "à"}}', "bad key"),
        ('{"map": {"a": "à"}}', "not legacy"),
        ('{"map": {"\\u0100": "à"}}', "not legacy"),
    ],
)
def test_malformed_tables_are_rejected(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        legacy_tables._parse_table("legacy_tcvn3.json", "tcvn3", text)


@pytest.mark.parametrize("word", SYLLABLES)
def test_sample_syllables_are_syllables_and_their_legacy_forms_are_not(word: str) -> None:
    assert encodings.is_vietnamese_syllable(word)
    for shaped in (word, word.capitalize(), word.upper()):
        assert not encodings.is_vietnamese_syllable(encode_tcvn3(shaped))
        assert not encodings.is_vietnamese_syllable(encode_vni(shaped))


@pytest.mark.parametrize(
    "word", ["nghĩa", "quyết", "người", "giữ", "gì", "khuyến", "thuở", "Ủy", "XOONG", "Việt"]
)
def test_syllable_accepts(word: str) -> None:
    assert encodings.is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["cac", "cỏch", "ViỆt", "hoáà", "µg", "café", "ñy", "x·", "Müller", "2026"])
def test_syllable_rejects(word: str) -> None:
    assert not encodings.is_vietnamese_syllable(word)


# --- Unicode encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "bom", "label"),
    [
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32-le"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
@pytest.mark.parametrize("sentence", SENTENCES[:4])
def test_bom_is_detected_and_dropped(codec: str, bom: bytes, label: str, sentence: str) -> None:
    decoded = decode_bytes(bom + sentence.encode(codec), path="plan.txt")
    assert decoded == DecodedText(sentence, label)


@pytest.mark.parametrize(("codec", "label"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_utf16_without_bom(codec: str, label: str, sentence: str) -> None:
    assert decode_bytes(sentence.encode(codec), path="plan.txt") == DecodedText(sentence, label)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_utf8_is_normalised_to_nfc(sentence: str) -> None:
    decomposed = unicodedata.normalize("NFD", sentence)
    assert decomposed != sentence
    assert decode_bytes(decomposed.encode(), path="plan.txt") == DecodedText(sentence, "utf-8")


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\n\rb\nc", "a\n\nb\nc"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("\ufeffKế hoạch\r\n", "Kế hoạch\n"),
    ],
)
def test_newlines_are_normalised(raw: str, text: str) -> None:
    assert decode_bytes(raw.encode(), path="plan.txt").text == text
    assert decode_bytes(raw.encode("utf-16"), path="plan.txt").text == text


@pytest.mark.parametrize("sentence", SENTENCES)
def test_windows_1258_decomposed_tones_become_nfc(sentence: str) -> None:
    data = encode_cp1258(sentence + "\r\n" + sentence)
    assert any(byte in data for byte in (0xCC, 0xD2, 0xDE, 0xEC, 0xF2))  # combining tone marks
    assert decode_bytes(data, path="plan.txt") == DecodedText(f"{sentence}\n{sentence}", "windows-1258")


def test_windows_1258_precomposed_letters() -> None:
    text = "Đơn vị ưu tiên: Ăn ở"
    data = encode_cp1258(text)
    assert decode_bytes(data, path="plan.txt") == DecodedText(text, "windows-1258")


# --- legacy encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "text", "kind"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "vni"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc", "tcvn3"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", "vni"),
        ("ñy ban nh©n d©n", "ủy ban nhân dân", "tcvn3"),  # "Ủ" needs the upper-case font: lost
        ("UÛy ban nhaân daân", "Ủy ban nhân dân", "vni"),
        ("Së V¨n hãa, ThÓ thao vµ Du lÞch", "Sở Văn hóa, Thể thao và Du lịch", "tcvn3"),
        ("Sôû Vaên hoùa, Theå thao vaø Du lòch", "Sở Văn hóa, Thể thao và Du lịch", "vni"),
        ("KÕ ho¹ch c¶i c¸ch hµnh chÝnh tØnh S¬n La n¨m 2026", SENTENCES[0], "tcvn3"),
        ("Keá hoaïch caûi caùch haønh chính tænh Sôn La naêm 2026", SENTENCES[0], "vni"),
        ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tcvn3"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "vni"),
        ("ñY BAN NH¢N D¢N TØNH S¥N LA", "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "tcvn3"),
        ("Ban hµnh KÕ HO¹CH c¶i c¸ch", "Ban hành KẾ HOẠCH cải cách", "tcvn3"),
        ("§éC LËP - Tù DO - H¹NH PHóC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "tcvn3"),
        ("TP. Hµ NéI, Sè: 12/Q§-UBND, Së KH&§T", "TP. HÀ NỘI, Số: 12/QĐ-UBND, Sở KH&ĐT", "tcvn3"),
    ],
)
def test_convert_legacy(legacy: str, text: str, kind: str) -> None:
    assert convert_legacy(legacy) == (text, kind)


def test_tcvn3_upper_case_needs_evidence() -> None:
    legacy = "ñY BAN NH¢N D¢N TØNH S¥N LA\nSè: 123/KH-UBND\nHµ Néi, ngµy 5 th¸ng 2 n¨m 2026"
    text, kind = convert_legacy(legacy)
    assert kind == "tcvn3"
    assert text.split("\n") == [
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
        "Số: 123/KH-UBND",
        "Hà Nội, ngày 5 tháng 2 năm 2026",
    ]


@pytest.mark.parametrize(
    ("encode", "kind"), [(encode_tcvn3, "tcvn3"), (encode_vni, "vni")], ids=["tcvn3", "vni"]
)
@pytest.mark.parametrize(
    ("codec", "label"), [("cp1252", "windows-1258"), ("utf-8", "utf-8"), ("utf-16", "utf-16-le")]
)
def test_decode_legacy_bytes(encode: object, kind: str, codec: str, label: str) -> None:
    assert callable(encode)
    text = "\n".join([*SENTENCES[1:4], "“Trích yếu” – số 5…"])
    decoded = decode_bytes(encode(text).replace("\n", "\r\n").encode(codec), path="old.txt")
    assert decoded == DecodedText(text.replace("Ủy", "ủy") if kind == "tcvn3" else text, f"{label}+{kind}")


def test_unicode_lines_in_a_legacy_document_are_kept() -> None:
    legacy = encode_tcvn3("Sở Văn hóa, Thể thao và Du lịch\nNâng cao chất lượng phục vụ người dân")
    text, kind = convert_legacy(legacy + "\nĐã ký: Nguyễn Văn A")
    assert kind == "tcvn3"
    assert text.endswith("\nĐã ký: Nguyễn Văn A")
    assert text.startswith("Sở Văn hóa, Thể thao và Du lịch\n")


# Real text always holds a word with a character only legacy text has ("và" = "vµ" / "vaø"): the fast path
# skips text without one (see convert_legacy).
COMMON = ["và", "của", "được", "đã", "những"]
_words = st.tuples(
    st.sampled_from(COMMON), st.lists(st.sampled_from(SYLLABLES), min_size=3, max_size=12, unique=True)
)
_extra = st.lists(st.sampled_from(PLAIN_WORDS), max_size=4)


def _join(words: tuple[str, list[str]]) -> list[str]:
    return [*words[1], words[0]]


def _sentence(words: list[str], extra: list[str], title: list[bool]) -> str:
    shaped = [w.capitalize() if t else w for w, t in zip(words, title, strict=False)] + words[len(title) :]
    return " ".join(shaped + extra)


@settings(max_examples=150, deadline=None)
@given(_words, _extra, st.lists(st.booleans()), st.booleans())
def test_tcvn3_round_trip(
    words: tuple[str, list[str]], extra: list[str], title: list[bool], upper_font: bool
) -> None:
    text = _sentence(_join(words), extra, title)  # no sample syllable starts with an unrepresentable capital
    legacy = encode_tcvn3(text, upper_font=upper_font)
    assert legacy != text
    assert convert_legacy(legacy) == (text, "tcvn3")
    assert decode_bytes(legacy.encode("cp1252"), path="x.txt") == DecodedText(text, "windows-1258+tcvn3")


@settings(max_examples=100, deadline=None)
@given(_words, st.booleans())
def test_tcvn3_round_trip_capitals(words: tuple[str, list[str]], upper_font: bool) -> None:
    text = " ".join(_join(words)).upper()
    assert convert_legacy(encode_tcvn3(text, upper_font=upper_font)) == (text, "tcvn3")


@settings(max_examples=150, deadline=None)
@given(_words, _extra, st.lists(st.sampled_from([str.lower, str.capitalize, str.upper])))
def test_vni_round_trip(words: tuple[str, list[str]], extra: list[str], cases: list[object]) -> None:
    joined = _join(words)
    shaped = [case(w) if callable(case) else w for w, case in zip(joined, cases, strict=False)]
    text = " ".join(shaped + joined[len(shaped) :] + extra)
    legacy = encode_vni(text)
    assert convert_legacy(legacy) == (text, "vni")
    assert decode_bytes(legacy.encode("utf-8"), path="x.txt") == DecodedText(text, "utf-8+vni")


def _encodable(path: Path) -> bool:
    """Whether every legacy encoding can write the plan (a few hold "μ", "≥" or a scraper's stray "Ƿ")."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    try:
        encode_cp1258(text), encode_vni(text), encode_tcvn3(text)
    except UnicodeEncodeError:
        return False
    return True


PLANS = [p for p in sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.md")) if _encodable(p)]


def test_most_real_plans_can_be_written_in_every_legacy_encoding() -> None:
    assert len(PLANS) >= 25


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_real_plans_survive_every_encoding(path: Path) -> None:
    raw = path.read_bytes()
    decoded = decode_bytes(raw, path=str(path))
    text = unicodedata.normalize("NFC", raw.decode("utf-8").replace("\r\n", "\n"))
    assert decoded == DecodedText(text, "utf-8")
    assert decode_bytes(encode_cp1258(text), path="x") == DecodedText(text, "windows-1258")
    assert convert_legacy(encode_vni(text)) == (text, "vni")
    converted, kind = convert_legacy(encode_tcvn3(text))
    assert kind == "tcvn3"
    assert converted.lower() == text.lower()  # only upper case lost to the .VnTimeH font may differ
    wrong_case = sum(a != b for a, b in zip(converted.split(), text.split(), strict=True))
    assert wrong_case <= len(text.split()) // 100


# --- no false positives ----------------------------------------------------------------------------------

PLAIN_TEXTS = [
    *SENTENCES,
    "Công tác cải cách hành chính\nBà Lê Thị Ánh, Ông Hà Văn Tô",
    "The plan was approved on 5 February 2026 by the Provincial People's Committee.",
    "Section 3.2 (page 14): 80% of records, 1.500 files, ratio 2,5; see #12 & @office.",
    "Nồng độ bụi PM2.5 đạt 25 µg/m³, sai số ± 0,5 µm; tỷ lệ ½ và ¼; 3 × 4 = 12; nhiệt độ 30 °C",
    "café naïve résumé Müller señor Þór Guðrún ðe «quoted» © 2026 ® · § 5",
    "µ ð µ ð µm µg ½ ¾ · ¸ © ®\n5 µ, 3 ·, và ¸ ; a·b x×y",
    "Hà Nội, ngày 26 tháng 12 năm 2025\nSố: 3350/QĐ-UBND © Cổng thông tin điện tử",
]


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_plain_text_is_never_converted(text: str) -> None:
    assert convert_legacy(text) == (text, None)
    assert convert_legacy(unicodedata.normalize("NFD", text)) == (text, None)
    assert decode_bytes(text.encode(), path="plan.txt") == DecodedText(text, "utf-8")


@pytest.mark.parametrize(
    "text", [t for t in PLAIN_TEXTS if not t.isascii() and all(ord(c) < 0x100 for c in t)]
)
def test_latin1_bytes_are_never_converted(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"), path="plan.txt").encoding == "windows-1258"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SYLLABLES + PLAIN_WORDS + ["µ", "·", "©", "µm", "½", "ð"]), min_size=1))
def test_unicode_vietnamese_is_never_converted(words: list[str]) -> None:
    text = " ".join(words)
    assert convert_legacy(text) == (text, None)


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(codec="ascii", exclude_categories=["Cc"]), min_size=1))
def test_ascii_text_is_never_converted(text: str) -> None:
    assert convert_legacy(text) == (text, None)


# --- errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (codecs.BOM_UTF8, "file is empty"),
        (codecs.BOM_UTF16_LE, "file is empty"),
        (b" \r\n\t\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file, not text"),
        (b"%PDF-1.4\n" + bytes(range(1, 9)) * 20, "binary file, not text"),
        (b"Ke hoach\x00 2026 text with one NUL", "binary file, not text"),
        ("Kế hoạch".encode("utf-16-le") + b"\x01\x00\x02\x00\x03\x00\x04\x00", "binary file, not text"),
        (codecs.BOM_UTF8 + b"K\xe1\xbb", "cannot decode as utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Kế".encode("utf-16-le") + b"\x41", "cannot decode as utf-16-le"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "cannot decode as utf-16-le"),
        (b"Bad bytes \x81\x8d\x8f\x90 here", "cannot decode: not UTF-8, UTF-16 or Windows-1258"),
    ],
)
def test_input_errors(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, path="bad.txt")
    assert caught.value.path == "bad.txt"
    assert caught.value.reason.startswith(reason)


def test_a_few_control_characters_are_tolerated() -> None:
    text = "Kế hoạch\x0cTrang 2\x1a" + "x" * 400
    assert decode_bytes(text.encode(), path="plan.txt").text == text


def test_one_megabyte_of_utf8_is_fast() -> None:
    text = ("\n".join(SENTENCES) + "\n") * (1_000_000 // len("\n".join(SENTENCES).encode()) + 1)
    data = text.encode()
    decode_bytes(data, path="big.txt")  # load tables
    elapsed = min(_timed(decode_bytes, data) for _ in range(3))
    assert elapsed < 0.05, f"{elapsed * 1000:.1f} ms"


def test_one_megabyte_of_tcvn3_converts() -> None:
    text = ("\n".join(SENTENCES[1:4]) + "\n") * 10_000
    decoded = decode_bytes(encode_tcvn3(text).encode("cp1252"), path="big.txt")
    assert decoded.encoding == "windows-1258+tcvn3"
    assert decoded.text == text.replace("Ủy", "ủy")


def _timed(function: object, data: bytes) -> float:
    assert callable(function)
    start = time.perf_counter()
    function(data, path="big.txt")
    return time.perf_counter() - start


def test_table_files_are_plain_json_objects() -> None:
    for name in ("legacy_tcvn3.json", "legacy_vni.json"):
        data = json.loads((DATA / name).read_text(encoding="utf-8"))
        assert set(data) == {"name", "description", "keys", "not_representable", "map"}
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in data["map"].items())
