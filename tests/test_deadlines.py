"""Deadline texts read into periods and recurrences, table-driven, plus property tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_parse import lexicon
from cchc_parse.extract.deadline_words import WORDS, deadline_words
from cchc_parse.extract.deadlines import find_deadline, parse_deadline
from cchc_parse.models import Deadline


def dl(text: str, start: str | None = None, end: str | None = None, rec: str | None = None) -> Deadline:
    """A deadline from ISO date strings: dl("Quý I/2026", "2026-01-01", "2026-03-31")."""
    return Deadline.model_validate(
        {
            "text": text,
            "start": date.fromisoformat(start) if start else None,
            "end": date.fromisoformat(end) if end else None,
            "recurrence": rec,
        }
    )


def whole(text: str, first: str, last: str) -> Deadline:
    """A deadline covering first..last whose text is the input itself."""
    return dl(text, first, last)


def every(text: str, recurrence: str) -> Deadline:
    """A recurring deadline without dates."""
    return dl(text, rec=recurrence)


def text_only(text: str) -> Deadline:
    return dl(text)


PERIODS = [
    ("Quý I/2026", whole("Quý I/2026", "2026-01-01", "2026-03-31")),
    ("Quý IV năm 2025", whole("Quý IV năm 2025", "2025-10-01", "2025-12-31")),
    ("quý 2/2026", whole("quý 2/2026", "2026-04-01", "2026-06-30")),
    ("Tháng 01/2026", whole("Tháng 01/2026", "2026-01-01", "2026-01-31")),
    ("tháng 8/2026", whole("tháng 8/2026", "2026-08-01", "2026-08-31")),
    ("tháng 2 năm 2024", whole("tháng 2 năm 2024", "2024-02-01", "2024-02-29")),
    ("12/2026", whole("12/2026", "2026-12-01", "2026-12-31")),
    ("Năm 2026", whole("Năm 2026", "2026-01-01", "2026-12-31")),
    ("2026", whole("2026", "2026-01-01", "2026-12-31")),
    ("ngày 10/01/2026", whole("ngày 10/01/2026", "2026-01-10", "2026-01-10")),
    ("ngày 26 tháng 12 năm 2025", whole("ngày 26 tháng 12 năm 2025", "2025-12-26", "2025-12-26")),
    ("Từ tháng 3 đến tháng 6/2026", whole("Từ tháng 3 đến tháng 6/2026", "2026-03-01", "2026-06-30")),
    ("Tháng 11 - 12/2025", whole("Tháng 11 - 12/2025", "2025-11-01", "2025-12-31")),
    ("Quý I - Quý II/2026", whole("Quý I - Quý II/2026", "2026-01-01", "2026-06-30")),
    ("Quý I/2026; Quý IV/2026", whole("Quý I/2026; Quý IV/2026", "2026-01-01", "2026-12-31")),
    ("2026-2030", whole("2026-2030", "2026-01-01", "2030-12-31")),
    ("giai đoạn 2026 - 2030", whole("giai đoạn 2026 - 2030", "2026-01-01", "2030-12-31")),
    ("Hoàn thành trong năm 2025", whole("Hoàn thành trong năm 2025", "2025-01-01", "2025-12-31")),
    (
        "Từ ngày 01/01/2026 đến ngày 31/3/2026",
        whole("Từ ngày 01/01/2026 đến ngày 31/3/2026", "2026-01-01", "2026-03-31"),
    ),
    (
        "- Ban hành kế hoạch tháng 01/2026; - Báo cáo lần 1 (tháng 11/2026).",
        whole(
            "- Ban hành kế hoạch tháng 01/2026; - Báo cáo lần 1 (tháng 11/2026).", "2026-01-01", "2026-11-30"
        ),
    ),
    (
        "Báo cáo kết quả năm (tháng 12/2026)",
        whole("Báo cáo kết quả năm (tháng 12/2026)", "2026-12-01", "2026-12-31"),
    ),
]

END_ONLY = [
    ("chậm nhất ngày 05/02/2026", dl("chậm nhất ngày 05/02/2026", end="2026-02-05")),
    ("chậm nhất là ngày 10/01/2026", dl("chậm nhất là ngày 10/01/2026", end="2026-01-10")),
    ("trước ngày 15/9/2025", dl("trước ngày 15/9/2025", end="2025-09-15")),
    ("Trước ngày 31/5/2026", dl("Trước ngày 31/5/2026", end="2026-05-31")),
    ("trước ngày 30 tháng 6 năm 2026", dl("trước ngày 30 tháng 6 năm 2026", end="2026-06-30")),
    ("trước tháng 6/2026", dl("trước tháng 6/2026", end="2026-05-31")),
    ("đến hết tháng 6/2026", dl("đến hết tháng 6/2026", end="2026-06-30")),
    ("đến năm 2030", dl("đến năm 2030", end="2030-12-31")),
]

OPEN_END = [
    (
        "Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê",
        dl("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê", "2025-11-01"),
    ),
    (
        "Quý IV năm 2025 và các năm tiếp theo",
        dl("Quý IV năm 2025 và các năm tiếp theo", "2025-10-01", rec="yearly"),
    ),
    ("Năm 2026 và các năm tiếp theo", dl("Năm 2026 và các năm tiếp theo", "2026-01-01", rec="yearly")),
]

RECURRING = [
    ("Thường xuyên", every("Thường xuyên", "continuous")),
    ("Thực hiện thường xuyên", every("Thực hiện thường xuyên", "continuous")),
    (
        "Thường xuyên (theo chỉ đạo của Chính phủ Bộ, Ngành Trung ương)",
        every("Thường xuyên (theo chỉ đạo của Chính phủ Bộ, Ngành Trung ương)", "continuous"),
    ),
    ("Hàng tháng", every("Hàng tháng", "monthly")),
    ("hằng tháng", every("hằng tháng", "monthly")),
    ("định kỳ hàng tháng", every("định kỳ hàng tháng", "monthly")),
    ("Công bố theo hàng tháng", every("Công bố theo hàng tháng", "monthly")),
    ("trước ngày 20 hằng tháng", every("trước ngày 20 hằng tháng", "monthly")),
    ("Hàng quý", every("Hàng quý", "quarterly")),
    ("quý", every("quý", "quarterly")),
    ("Báo cáo định kỳ theo quý, năm", every("Báo cáo định kỳ theo quý, năm", "quarterly")),
    ("trước ngày 12 của tháng cuối kỳ", every("trước ngày 12 của tháng cuối kỳ", "quarterly")),
    ("6 tháng", every("6 tháng", "half-yearly")),
    ("2 lần/năm", every("2 lần/năm", "half-yearly")),
    ("01 năm 2 lần (06 tháng/lần)", every("01 năm 2 lần (06 tháng/lần)", "half-yearly")),
    ("hàng năm", every("hàng năm", "yearly")),
    ("hằng năm", every("hằng năm", "yearly")),
    ("1 lần/quý", every("1 lần/quý", "quarterly")),
    ("hàng tuần", every("hàng tuần", "weekly")),
]

REPORTS = "- Quyết định (tháng 01/2026); - Báo cáo định kỳ quý/6 tháng/năm"
MIXED = [
    (
        "- Quyết định (tháng 01/2026); - Báo cáo định kỳ quý/6 tháng/năm",
        dl(
            "- Quyết định (tháng 01/2026); - Báo cáo định kỳ quý/6 tháng/năm",
            "2026-01-01",
            "2026-01-31",
            "quarterly",
        ),
    ),
    # "năm 2026" names the report here, it is no period of its own.
    (
        f"{REPORTS} (lồng ghép với Báo cáo CCHC năm 2026).",
        dl(f"{REPORTS} (lồng ghép với Báo cáo CCHC năm 2026).", "2026-01-01", "2026-01-31", "quarterly"),
    ),
]

UNDATED = [
    ("Sau khi Chính phủ ban hành Nghị quyết", text_only("Sau khi Chính phủ ban hành Nghị quyết")),
    (
        "Báo cáo (sau khi Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI) tổ chức Hội nghị công bố)",
        text_only(
            "Báo cáo (sau khi Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI) tổ chức Hội nghị công bố)"
        ),
    ),
    (
        "Theo Quyết định số 06/QĐ-TTg ngày 06/01/2022",
        text_only("Theo Quyết định số 06/QĐ-TTg ngày 06/01/2022"),
    ),
    ("31/02/2026", text_only("31/02/2026")),
    ("ngày 29/02/2025", text_only("ngày 29/02/2025")),
    ("Kế hoạch CCHC năm 2026", text_only("Kế hoạch CCHC năm 2026")),
    ("6 tháng đầu năm", text_only("6 tháng đầu năm")),  # no plan year given
    ("  Quý I/2026  ", whole("Quý I/2026", "2026-01-01", "2026-03-31")),  # printed text is stripped
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [*PERIODS, *END_ONLY, *OPEN_END, *RECURRING, *MIXED, *UNDATED],
)
def test_parse_deadline(text: str, expected: Deadline) -> None:
    assert parse_deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "plan_year", "expected"),
    [
        ("6 tháng đầu năm", 2026, whole("6 tháng đầu năm", "2026-01-01", "2026-06-30")),
        ("6 tháng cuối năm", 2026, whole("6 tháng cuối năm", "2026-07-01", "2026-12-31")),
        ("6 tháng đầu năm 2025", 2026, whole("6 tháng đầu năm 2025", "2025-01-01", "2025-06-30")),
        ("Quý III", 2026, whole("Quý III", "2026-07-01", "2026-09-30")),
        ("tháng 3", 2025, whole("tháng 3", "2025-03-01", "2025-03-31")),
        ("trước ngày 20/11", 2026, dl("trước ngày 20/11", end="2026-11-20")),
        ("ngày 29/02", 2024, whole("ngày 29/02", "2024-02-29", "2024-02-29")),
        ("ngày 29/02", 2025, text_only("ngày 29/02")),
        # A year printed nearby wins over the plan year.
        (
            "Từ tháng 3 đến tháng 6/2027",
            2026,
            whole("Từ tháng 3 đến tháng 6/2027", "2027-03-01", "2027-06-30"),
        ),
    ],
)
def test_parse_deadline_with_plan_year(text: str, plan_year: int, expected: Deadline) -> None:
    assert parse_deadline(text, plan_year=plan_year) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_parse_deadline_of_nothing_is_none(text: str) -> None:
    assert parse_deadline(text) is None


FOUND = [
    (
        "Chủ động xây dựng kế hoạch tuyên truyền CCHC (thời gian ban hành Kế hoạch chậm nhất ngày "
        "05/02/2026) và tổ chức thực hiện",
        dl("chậm nhất ngày 05/02/2026", end="2026-02-05"),
    ),
    (
        "Các cơ quan, đơn vị báo cáo kết quả CCHC hằng quý, 6 tháng, năm, gửi về UBND tỉnh (qua Sở Nội vụ "
        "tổng hợp) trước ngày 12 của tháng cuối kỳ báo cáo.",
        every("trước ngày 12 của tháng cuối kỳ báo cáo", "quarterly"),
    ),
    ("Hàng tháng, mỗi sở, ban, ngành, có ít nhất 02 tin, bài", every("Hàng tháng", "monthly")),
    (
        "Tham mưu tổ chức đối thoại của lãnh đạo UBND tỉnh với doanh nghiệp định kỳ 2 lần/năm để trao đổi",
        every("định kỳ 2 lần/năm", "half-yearly"),
    ),
    (
        "Theo dõi, tổng hợp tình hình theo định kỳ hàng quý, 6 tháng, năm để gửi Bộ Nội vụ theo quy định",
        every("định kỳ hàng quý, 6 tháng, năm", "quarterly"),
    ),
    # A recurrence note filling a bracket is taken whole.
    (
        "Chủ trì tổng hợp báo cáo UBND tỉnh (định kỳ hằng quý, 6 tháng, năm theo quy định).",
        every("định kỳ hằng quý, 6 tháng, năm theo quy định", "quarterly"),
    ),
    (
        "Báo cáo Chủ tịch UBND tỉnh kết quả thực hiện hằng năm theo quy định; đề xuất khen thưởng",
        every("hằng năm", "yearly"),
    ),
    (
        "Sở Khoa học và Công nghệ tổng hợp, báo cáo trước ngày 30/11/2026 hằng năm.",
        dl("trước ngày 30/11/2026 hằng năm", end="2026-11-30", rec="yearly"),
    ),
    (
        "Thời điểm ban hành Kế hoạch chậm nhất là ngày 10/01/2026.",
        dl("chậm nhất là ngày 10/01/2026", end="2026-01-10"),
    ),
    ("Tổ chức hội nghị sơ kết trong Quý II/2026.", whole("trong Quý II/2026", "2026-04-01", "2026-06-30")),
    ("Tổ chức hội nghị sơ kết Quý II/2026 tại tỉnh.", whole("Quý II/2026", "2026-04-01", "2026-06-30")),
    (
        "Thực hiện kiểm kê tài sản từ ngày 01/01/2026 đến ngày 31/3/2026 theo hướng dẫn.",
        whole("từ ngày 01/01/2026 đến ngày 31/3/2026", "2026-01-01", "2026-03-31"),
    ),
    (
        "Tổ chức triển khai Chiến lược.\n"
        "Thời gian thực hiện sau khi Chiến lược tiêu chuẩn quốc gia được ban hành.",
        text_only("sau khi Chiến lược tiêu chuẩn quốc gia được ban hành"),
    ),
    ("Xây dựng kế hoạch (Thời gian thực hiện: Quý I/2026)", whole("Quý I/2026", "2026-01-01", "2026-03-31")),
    ("Bảo đảm an toàn thông tin, thực hiện thường xuyên.", every("thực hiện thường xuyên", "continuous")),
]

NOT_FOUND = [
    "Tiếp tục thực hiện các nội dung theo Quyết định 06/QĐ-TTg ngày 06/01/2022 phê duyệt Đề án",
    "Triển khai Kế hoạch số 142/KH- UBND ngày 04/6/2025 của UBND tỉnh",
    "Lồng ghép nội dung giai đoạn 2021-2030 và kế hoạch CCHC hằng năm vào chương trình giảng dạy",
    "Chủ trì tổ chức hoạt động hưởng ứng ngày Chuyển đổi số quốc gia năm 2026; xây dựng phóng sự",
    "Thường xuyên rà soát, đánh giá các quy định, TTHC",
    "Ưu tiên cân đối từ định mức chi thường xuyên ngân sách hằng năm của các sở",
    "Hoàn thiện Chiến lược dữ liệu thành phố đến năm 2030, tầm nhìn đến năm 2045",
    "Rút ngắn thời gian thực hiện TTHC cho doanh nghiệp.",
    "Tổ chức họp định kỳ của Lãnh đạo Sở; định kỳ tổng hợp kết quả.",
    "Tổ chức hội nghị ngày 10/01/2026 tại Hội trường.",
    "",
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_find_deadline(sentence: str, expected: Deadline) -> None:
    assert find_deadline(sentence, plan_year=2026) == expected


@pytest.mark.parametrize("sentence", NOT_FOUND)
def test_find_deadline_finds_none(sentence: str) -> None:
    assert find_deadline(sentence, plan_year=2026) is None


# --- data file validation -------------------------------------------------------------------------------


@pytest.fixture
def broken_words(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A copy of the deadline words, served instead of the packaged file; edit it in the test."""
    data = dict(lexicon.load_json(WORDS))
    data["recurrence"] = dict(data["recurrence"])
    real = lexicon.load_json
    monkeypatch.setattr(lexicon, "load_json", lambda name: data if name == WORDS else real(name))
    deadline_words.cache_clear()
    yield data
    deadline_words.cache_clear()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(cues={**d["cues"], "soon": ["sắp"]}), "'cues' must be an object with the keys"),
        (lambda d: d.update(cues={**d["cues"], "before": []}), "'cues.before'"),
        (lambda d: d.update(cue_fillers=[]), "'cue_fillers'"),
        (lambda d: d["recurrence"].update(units={"quý": "every quarter"}), "'recurrence.units'"),
        (lambda d: d["recurrence"].update(numbers={"hai": "2"}), "'recurrence.numbers'"),
        (lambda d: d.update(open_end={"trở đi": 3}), "'open_end'"),
        (lambda d: d.pop("labels"), "'labels'"),
    ],
)
def test_bad_data_file_is_reported(broken_words: dict[str, Any], edit: Any, message: str) -> None:
    edit(broken_words)
    with pytest.raises(lexicon.DataFileError, match=message):
        parse_deadline("Quý I/2026")


# --- properties ------------------------------------------------------------------------------------------

FRAGMENTS = [
    "Quý", "quý", "I", "IV", "II/2026", "tháng", "năm", "ngày", "12", "31/02/2026", "05/02/2026", "2026",
    "2025-2030", "-", "–", "đến", "từ", "trước", "chậm nhất", "là", "hằng", "hàng", "định kỳ", "6 tháng",
    "đầu", "cuối", "lần/năm", "2", "thường xuyên", "thực hiện", ";", ",", "(", ")", ".", "và",
    "các năm tiếp theo", "Quyết định", "06/QĐ-TTg", "Kế hoạch", "Thời gian thực hiện:", "\n",
]  # fmt: skip
deadline_like = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map(" ".join)
any_text = st.one_of(st.text(max_size=80), deadline_like)


@settings(max_examples=300, deadline=None)
@given(any_text, st.one_of(st.none(), st.integers(1990, 2099)))
def test_parse_deadline_keeps_text_and_order(text: str, plan_year: int | None) -> None:
    result = parse_deadline(text, plan_year=plan_year)
    if not text.strip():
        assert result is None
        return
    assert result is not None
    assert result.text == text.strip()
    if result.start and result.end:
        assert result.start <= result.end


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_find_deadline_returns_a_phrase_of_the_sentence(sentence: str) -> None:
    result = find_deadline(sentence, plan_year=2026)
    if result is not None:
        assert result.text and result.text in sentence
        assert result == parse_deadline(result.text, plan_year=2026)
