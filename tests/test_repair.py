"""Diacritic and OCR repair (cchc_parse/repair): tokens, model file, corrector, where the pipeline repairs."""

from __future__ import annotations

import gzip
import importlib.util
import os
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_parse.api import parse_file, parse_text, repair_file
from cchc_parse.lexicon import DataFileError
from cchc_parse.normalize.encodings import HAT_MARKS, TONE_MARKS, without_tone
from cchc_parse.repair import corrector, repair_text
from cchc_parse.repair.case import apply_case
from cchc_parse.repair.channel import load_channel
from cchc_parse.repair.corrector import Corrector, ocr_kind
from cchc_parse.repair.document import RepairCount, needs_repair, repair_source_text
from cchc_parse.repair.model import MAGIC, decode, encode, load_model
from cchc_parse.repair.syllables import is_syllable, skeleton
from cchc_parse.repair.tokens import NUM, START, lm_sentences, scan
from cli_helpers import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
OCR_SEED = SEEDS / "002_44ed5409a343b470.txt"  # OCR without the Vietnamese model
CLEAN_SEED = SEEDS / "000_a7882dc0dd6dec42.txt"
MODEL = ROOT / "src" / "cchc_parse" / "data" / "repair_lm.bin"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- syllables and tokens -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [("được", "duoc"), ("Đường", "duong"), ("KIỂM", "kiem"), ("s¢", "s¢"), ("năm", "nam")],
)
def test_skeleton(word: str, expected: str) -> None:
    assert skeleton(word) == expected


@pytest.mark.parametrize(
    ("word", "valid"),
    [
        ("tác", True),
        ("tàc", False),
        ("nghiêng", True),
        ("của", True),
        ("cia", False),
        ("s6", False),
        ("ubnd", False),
    ],
)
def test_is_syllable(word: str, valid: bool) -> None:
    assert is_syllable(word) is valid


@pytest.mark.parametrize(
    ("pattern", "word", "expected"),
    [("MUC", "mục", "MỤC"), ("Son", "sơn", "Sơn"), ("cia", "của", "của"), ("S¢", "sở", "Sở")],
)
def test_apply_case(pattern: str, word: str, expected: str) -> None:
    assert apply_case(pattern, word) == expected


def test_scan_kinds() -> None:
    units = list(scan("Quyết định số 1783/QD-UBND ngày 14/7/2025 của S¢: (CCHC) 16i"))
    kinds = [(u.kind, u.text) for u in units]
    assert ("fixed", "1783/QD-UBND") in kinds
    assert ("fixed", "14/7/2025") in kinds
    assert ("word", "S¢") in kinds
    assert ("word", "16i") in kinds
    assert ("break", ":") in kinds
    assert ("word", "CCHC") in kinds


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aăâbcdđeêioôơuưy ÀÁẢÃẠàáảãạ0123456789/-.,:;()\n¢&|*CHU")), max_size=80
    )
)
def test_scan_units_are_ordered_slices(text: str) -> None:
    position = 0
    for unit in scan(text):
        assert unit.start >= position
        assert text[unit.start : unit.end] == unit.text
        position = unit.end


def test_lm_sentences_break_at_punctuation_and_number_digits() -> None:
    sentences = list(lm_sentences("Năm 2025, tỉnh Sơn La. Kế hoạch số 12/KH-UBND: tuyên truyền"))
    assert sentences == [
        [START, "năm", NUM, "tỉnh", "sơn", "la"],
        [START, "kế", "hoạch", "số", NUM],
        [START, "tuyên", "truyền"],
    ]


# --- the model file -----------------------------------------------------------------------------------


def test_packaged_model_is_compact_safe_and_attributed() -> None:
    data = MODEL.read_bytes()
    assert len(data) <= 20_000_000
    assert data.startswith(MAGIC)  # our own format, not a pickle
    model = load_model()
    assert "underthesea" in model.header["attribution"] and "Apache" in model.header["attribution"]
    held_out = {
        line.strip()
        for line in (ROOT / "bench" / "data" / "repair" / "holdout.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert held_out <= set(model.header["left_out_documents"])


def test_model_prefers_the_right_spelling_in_context() -> None:
    model = load_model()
    ids = model.ids
    right = model.score(ids["cải"], ids["cách"], ids["hành"])
    wrong = model.score(ids["cải"], ids["cách"], ids["hạnh"])
    assert right > wrong


def test_model_round_trip_and_damage() -> None:
    from array import array

    arrays: dict[str, array[Any]] = {
        "unigram": array("f", [-1.0, -2.0]),
        "bigram_keys": array("Q", [1]),
        "bigram": array("f", [-0.5]),
        "trigram_keys": array("Q", []),
        "trigram": array("f", []),
        "trigram_contexts": array("Q", []),
    }
    data = encode(["a", "b"], arrays, {"backoff": -0.9, "unknown": -15.0})
    model = decode(data)
    assert model.vocab == ["a", "b"] and model.followers(0) == {1: -0.5} and model.followers(1) == {}
    assert model.score(-1, 0, 1) == pytest.approx(-0.9 - 0.5)
    assert model.score(-1, 1, 0) == pytest.approx(2 * -0.9 - 1.0)  # no bigram: unigram, backed off twice
    with pytest.raises(DataFileError):
        decode(b"not a model")
    with pytest.raises(DataFileError):
        decode(data[:-10])


def _tiny_corpus(folder: Path) -> Path:
    documents = "<<<document aaa>>>\nKế hoạch cải cách hành chính năm 2025.\nCông tác cải cách hành chính.\n"
    documents += "<<<document bbb>>>\nTuyên truyền cải cách hành chính của tỉnh.\n"
    with gzip.open(folder / "legal-documents.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(documents)
    with gzip.open(folder / "news-syllable-unigrams.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("syllable\tcount\ncủa\t20\ncải\t8\n")
    with gzip.open(folder / "news-syllable-bigrams.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("first\tsecond\tcount\ncải\tcách\t8\n")
    return folder


def test_model_build_is_deterministic(tmp_path: Path) -> None:
    build = _script("build_repair_model")
    corpus = _tiny_corpus(tmp_path)
    first, second = build.build(corpus), build.build(corpus)
    assert first == second
    model = decode(first)
    ids = model.ids
    assert {"cải", "cách", "hành", "chính", "của", NUM, START} <= set(model.vocab)
    assert model.score(ids["cải"], ids["cách"], ids["hành"]) == pytest.approx(0.0, abs=0.01)  # always follows


@pytest.mark.skipif(
    not os.environ.get("CCHC_LM_CORPUS"),
    reason="set CCHC_LM_CORPUS to the LM corpus folder to rebuild the model",
)
def test_packaged_model_matches_a_rebuild() -> None:
    build = _script("build_repair_model")
    assert build.build(Path(os.environ["CCHC_LM_CORPUS"])) == MODEL.read_bytes()


def test_candidate_table_matches_a_rebuild() -> None:
    build = _script("build_candidate_table")
    assert build.build() == (ROOT / "src" / "cchc_parse" / "data" / "repair_candidates.json").read_text(
        encoding="utf-8"
    ), "run scripts/build_candidate_table.py"


def test_candidate_table_gives_what_the_search_finds() -> None:
    fresh, channel = Corrector.load(), load_channel("eng")
    for token in ("cia", "nudc", "16i", "tuyén", "cong"):
        listed = corrector()._token_candidates(token, channel)
        assert token in corrector()._candidate_table  # common OCR tokens
        found = fresh.candidates(token, channel)
        assert [c.word for c in listed] == [c.word for c in found]
        assert [c.cost for c in listed] == pytest.approx([c.cost for c in found], abs=1e-4)


# --- the corrector ------------------------------------------------------------------------------------

REPAIRS = [
    # OCR without the Vietnamese model (seed 002's own lines)
    ("Tuyén truyén cong tic cai cach hanh chinh", "Tuyên truyền công tác cải cách hành chính"),
    ("UBND TINH SON LA", "UBND TỈNH SƠN LA"),
    (
        "Thuc hién Quyét dinh sé 1783/QD-UBND ngay 14/7/2025",
        "Thực hiện Quyết định số 1783/QĐ-UBND ngày 14/7/2025",
    ),
    ("nang cao nhan thuc cua can bo, cong chuc", "nâng cao nhận thức của cán bộ, công chức"),
    ("tham gia day du cac 1op dao tao", "tham gia đầy đủ các lớp đào tạo"),
    ("nguoi dan 6 cac xa vung cao", "người dân ở các xã vùng cao"),  # a lone "6" for "ở"
    ("trong 6 thang dau nam", "trong 6 tháng đầu năm"),  # ... but a number where it is one
    ("Cur cong chirc, vién chirc", "Cử công chức, viên chức"),
    ("I. MUC PiCH, YEU CAU", "I. MỤC ĐÍCH, YÊU CẦU"),  # P for Đ, a capital read small
    ("I1. POI TUQNG, NOI DUNG", "II. ĐỐI TƯỢNG, NỘI DUNG"),
    ("III. KINH PHi THUC HIEN", "III. KINH PHÍ THỰC HIỆN"),
    ("UBND tinh (qua SO NOi vu) 16ng ghép", "UBND tỉnh (qua Sở Nội vụ) lồng ghép"),  # capitals for marks
    ("phong chong ma tuy\na) Phat huy vai tro", "phòng chống ma túy\na) Phát huy vai trò"),  # a label
    ("c) Tang cuong\nd) Phoi hop\nd) To chuc day nghe", "c) Tăng cường\nd) Phối hợp\nđ) Tổ chức dạy nghề"),
    (
        "va dang tai tren Cong/Trang thong tin dien tu cua co quan",
        "và đăng tải trên Cổng/Trang thông tin điện tử của cơ quan",
    ),
    ("muc ti€u, nhiém vu va k¥ nang", "mục tiêu, nhiệm vụ và kỹ năng"),  # € and ¥ for marked letters
    ("chu nhiém Iép la cau néi gitta ban giam déc", "chủ nhiệm lớp là cầu nối giữa ban giám đốc"),  # I for l
    ("quan ly I6p hoc theo dung quy dinh", "quản lý lớp học theo đúng quy định"),
    # text that lost only its marks
    (
        "Ke hoach cai cach hanh chinh nha nuoc tinh Son La nam 2026",
        "Kế hoạch cải cách hành chính nhà nước tỉnh Sơn La năm 2026",
    ),
    # OCR with the Vietnamese model: slips on marks
    ("KIÊM TRA công tác cải cách hành chính", "KIỂM TRA công tác cải cách hành chính"),
]


@pytest.mark.parametrize(("ocr", "clean"), REPAIRS)
def test_repairs(ocr: str, clean: str) -> None:
    assert repair_text(ocr).text == clean


CLEAN = [
    "Kế hoạch cải cách hành chính tỉnh Sơn La năm 2026",
    "Sở Văn hóa, Thể thao và Du lịch; UBND các huyện, thành phố",
    "Tối thiểu 80% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến (Quyết định số 1074/QĐ-BXD).",
    "đăng tải trên Cổng/Trang thông tin điện tử của cơ quan, đơn vị",
    "d) Phối hợp chặt chẽ\nđ) Tổ chức dạy nghề\ne) In ấn tài liệu",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_passes_through(text: str) -> None:
    assert repair_text(text).text == text


def test_clean_seed_is_left_alone() -> None:
    text = unicodedata.normalize("NFC", CLEAN_SEED.read_text(encoding="utf-8"))
    result = repair_text(text)
    assert result.changed <= result.syllables * 0.0005


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeioucdnght đươ ăâ\n.,;:-0123/()SCHUBND")), max_size=120))
def test_repair_keeps_lines_and_everything_between_words(text: str) -> None:
    repaired = repair_text(text).text
    assert repaired.count("\n") == text.count("\n")
    breaks = [u.text for u in scan(text) if u.kind == "break"]
    assert [u.text for u in scan(repaired) if u.kind == "break"] == breaks


def test_ligatures_and_look_alikes_are_replaced() -> None:
    assert repair_text("Cong chﬁ ﬂ").text == "Công chfi fl"
    assert repair_text("Quyết định số 512/QÐ-UBND").text == "Quyết định số 512/QĐ-UBND"  # eth for Đ


def test_ocr_kind() -> None:
    assert ocr_kind(list(scan("Tuyén truyén cong tic cai cach hanh chinh cia S¢ Xay dwng"))) == "eng"
    assert ocr_kind(list(scan("Tuyên truyền công tác cải cách hành chính của Sở Xây dựng"))) == "vie"


def drop_tones(text: str, every: int) -> tuple[str, set[int]]:
    """``text`` with the tone dropped from every ``every``-th word whose vowel also has a hat, breve or horn
    ("cổ" → "cô"), as Tesseract -l vie does on real scans; and the indexes of those words."""
    words, dropped = text.split(" "), set()
    seen = 0
    for i, word in enumerate(words):
        decomposed = set(unicodedata.normalize("NFD", word))
        if not HAT_MARKS & decomposed or not TONE_MARKS & decomposed:
            continue
        seen += 1
        if seen % every == 0:
            words[i] = without_tone(word)
            dropped.add(i)
    return " ".join(words), dropped


def test_channel_tone_drop_makes_only_lost_tones_cheaper() -> None:
    plain, dropping = load_channel("vie"), load_channel("vie", 0.1)
    assert dropping.cost("cổ", "cô") < plain.cost("cổ", "cô") - 3  # the tone lost from a vowel with a hat
    assert dropping.cost("nhất", "nhât") < plain.cost("nhất", "nhât") - 3
    assert dropping.cost("có", "co") == plain.cost("có", "co")  # a plain vowel: unchanged
    assert dropping.cost("cổ", "có") == plain.cost("cổ", "có")  # another mark, not a lost tone
    assert load_channel("vie", 0.1) is dropping


def test_lost_tones_are_told_and_repaired() -> None:
    clean = " ".join(CLEAN_SEED.read_text(encoding="utf-8").split())[:12000]
    damaged, dropped = drop_tones(clean, every=8)
    rates = corrector().tone_drop.rate
    assert rates(list(scan(clean))) == 0.0
    assert rates(list(scan(damaged))) >= 0.05
    repaired = corrector().repair(damaged, "vie").split(" ")
    words = clean.split(" ")
    restored = sum(repaired[i] == words[i] for i in dropped)
    assert restored >= 0.97 * len(dropped)  # 94% when the channel does not know tones get lost
    others = sum(a != b for i, (a, b) in enumerate(zip(words, repaired, strict=True)) if i not in dropped)
    assert others <= 0.002 * len(words)


def test_lost_tones_are_told_from_the_whole_run_not_each_short_paragraph() -> None:
    clean = " ".join(CLEAN_SEED.read_text(encoding="utf-8").split())[:6000]
    damaged, dropped = drop_tones(clean, every=8)
    words = damaged.split(" ")
    paragraphs = "\n\n".join(" ".join(words[i : i + 12]) for i in range(0, len(words), 12))  # few hats each
    repaired = repair_source_text(paragraphs, "always", RepairCount(), ocr=True).split()
    assert len(repaired) == len(words)
    restored = sum(repaired[i] == clean.split(" ")[i] for i in dropped)
    assert restored >= 0.97 * len(dropped)


def test_a_long_repair_reports_its_progress_by_runs_of_lines(tmp_path: Path) -> None:
    text = "\n".join(["Tuyén truyén cong tic cai cach hanh chinh"] * 150)
    heard: list[tuple[str, int, int]] = []
    repair_source_text(text, "always", RepairCount(), progress=lambda *a: heard.append(a))
    assert heard == [("repair lines", 60, 150), ("repair lines", 120, 150), ("repair lines", 150, 150)]
    heard.clear()
    repair_source_text("cong tic\n" * 10, "always", RepairCount(), progress=lambda *a: heard.append(a))
    assert heard == []  # one run: too short to report
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    repair_file(path, progress=lambda *a: heard.append(a))
    assert heard[-1] == ("repair lines", 150, 150)


def test_needs_repair() -> None:
    assert needs_repair(OCR_SEED.read_text(encoding="utf-8")[:3000])
    assert not needs_repair(CLEAN_SEED.read_text(encoding="utf-8")[:3000])
    assert not needs_repair("UBND CCHC TTHC")  # too little to tell


def test_corrector_is_loaded_once() -> None:
    assert corrector() is corrector()


# --- the pipeline -------------------------------------------------------------------------------------


def test_ocr_seed_is_repaired_and_parsed() -> None:
    document = parse_file(OCR_SEED)
    assert document.source.repaired
    assert any(w.code == "repaired" for w in document.warnings)
    assert (
        document.plan.title == "Kế hoạch tuyên truyền công tác cải cách hành chính của Sở Xây dựng năm 2025"
    )
    top = [(s.label, s.title) for s in document.sections]
    assert [label for label, _ in top] == ["I", "II", "III", "IV"]
    assert top[3][1] == "TỔ CHỨC THỰC HIỆN"
    leads = {lead for task in document.tasks for lead in task.lead}
    assert "Phòng Kế hoạch - Tài chính" in leads


def test_repair_never_leaves_the_text() -> None:
    document = parse_file(OCR_SEED, repair="never")
    assert not document.source.repaired
    assert document.sections[0].title == "MUC PiCH, YEU CAU"


def test_clean_text_is_not_repaired_in_auto_mode() -> None:
    document = parse_text(CLEAN_SEED.read_text(encoding="utf-8"))
    assert not document.source.repaired
    assert all(w.code != "repaired" for w in document.warnings)


def test_repair_file_keeps_lines() -> None:
    result = repair_file(OCR_SEED)
    assert result.text.count("\n") == result.original.count("\n")
    assert result.changed > 1500
    assert "Tuyên truyền công tác cải cách hành chính của Sở Xây dựng năm 2025" in result.text


# --- the command line ---------------------------------------------------------------------------------


def test_repair_command_prints_the_repaired_text_line_for_line() -> None:
    result = cli("repair", str(OCR_SEED))
    assert result.exit_code == 0
    lines = result.stdout.rstrip("\n").split("\n")
    assert lines[6] == "Tuyên truyền công tác cải cách hành chính của Sở Xây dựng năm 2025"
    assert len(lines) == len(OCR_SEED.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    assert "repaired" in result.stderr and "syllables" in result.stderr


def test_repair_diff_shows_only_changed_lines(tmp_path: Path) -> None:
    source = tmp_path / "scan.txt"
    source.write_text("UBND TINH SON LA\n2026\ncong tac cai cach hanh chinh\n", encoding="utf-8")
    result = cli("repair", str(source), "--diff")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "    1 - UBND TINH SON LA",
        "    1 + UBND TỈNH SƠN LA",
        "    3 - cong tac cai cach hanh chinh",
        "    3 + công tác cải cách hành chính",
    ]


def test_repair_output_file(tmp_path: Path) -> None:
    source, target = tmp_path / "scan.txt", tmp_path / "out" / "fixed.txt"
    source.write_text("Ke hoach cai cach hanh chinh nam 2026\n", encoding="utf-8")
    target.parent.mkdir()
    result = cli("repair", str(source), "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == "Kế hoạch cải cách hành chính năm 2026\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["repair", "missing.txt"], 1, "no such file"),
        (["repair", "plan.xyz"], 1, "unsupported file type"),
        (["parse", "plan.txt", "--repair", "sometimes"], 2, "sometimes"),
    ],
)
def test_repair_errors(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    (tmp_path / "plan.xyz").write_text("x", encoding="utf-8")
    (tmp_path / "plan.txt").write_text("Kế hoạch", encoding="utf-8")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = cli(*args)
    finally:
        os.chdir(old)
    assert result.exit_code == code
    assert message in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1


def test_parse_repair_option() -> None:
    repaired = cli(str(OCR_SEED), "--compact")
    plain = cli(str(OCR_SEED), "--compact", "--repair", "never")
    assert repaired.exit_code == plain.exit_code == 0
    assert '"repaired":true' in repaired.stdout and '"repaired":false' in plain.stdout
