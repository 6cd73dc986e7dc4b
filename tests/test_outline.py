"""Section tree: labels, nesting, the plan body, and headings restored after scraping lost them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_parse.document import Block, DocWarning
from cchc_parse.grammar.labels import read_label
from cchc_parse.structure.labels import ensure_labels
from cchc_parse.structure.outline import Node, body_range, item_title
from cchc_parse.structure.sections import analyse_outline


def blocks_of(*texts: str) -> list[Block]:
    """Paragraph blocks, labelled as the labels-and-roles stage labels them."""
    blocks = [Block("paragraph", t, i, i) for i, t in enumerate(texts, start=1)]
    ensure_labels(blocks)
    return blocks


def label_of(text: str) -> tuple[str, str, str] | None:
    """(outline kind, label, rest) of a paragraph, as the outline reads its label."""
    label = read_label(text)
    return None if label is None else (label.outline_kind, label.outline_label, text[label.end :].strip())


def outline(*texts: str) -> tuple[Node, list[DocWarning]]:
    warnings: list[DocWarning] = []
    return analyse_outline(blocks_of(*texts), warnings).root, warnings


def paths(node: Node) -> list[str]:
    return [f"{n.path}:{n.title}" for n in node.walk()[1:] if not n.is_bullet]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", ("roman", "I", "MỤC ĐÍCH, YÊU CẦU")),
        ("1. Mục đích", ("decimal1", "1", "Mục đích")),
        ("3.1. Tham gia góp ý", ("decimal2", "3.1", "Tham gia góp ý")),
        ("đ) Tuyên truyền", ("letter", "đ", "Tuyên truyền")),
        ("- Chủ trì tham mưu", ("bullet-", "-", "Chủ trì tham mưu")),
        ("+ Các mục tiêu", ("bullet+", "-", "Các mục tiêu")),
        ("PHẦN I. DANH MỤC", ("part", "I", "DANH MỤC")),
        ("A. THÀNH PHẦN ĐOÀN LÀM VIỆC", ("part", "A", "THÀNH PHẦN ĐOÀN LÀM VIỆC")),
        ("Điều 1. Ban hành kèm theo", ("article", "Điều 1", "Ban hành kèm theo")),
        ("2026 là năm", None),
        ("Quý I/2026", None),
        ("04 số/tháng", None),
    ],
)
def test_label_of(text: str, expected: tuple[str, str, str] | None) -> None:
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Sở Tư pháp: lồng ghép tuyên truyền về CCHC.", "Sở Tư pháp"),
        ("Đối tượng: cán bộ, công chức", "Đối tượng"),
        ("Các sở, ban, ngành tỉnh; UBND các xã, phường", "Các sở, ban, ngành tỉnh; UBND các xã, phường"),
        ("Tuyên truyền công tác quản lý. Việc đổi mới cơ chế.", "Tuyên truyền công tác quản lý"),
    ],
)
def test_item_title(text: str, title: str) -> None:
    assert item_title(text) == title


def test_nesting_follows_label_kinds() -> None:
    root, warnings = outline(
        "I. MỤC ĐÍCH",
        "1. Mục đích",
        "a) Một",
        "- gạch",
        "b) Hai",
        "2. Yêu cầu",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nội vụ",
    )
    assert paths(root) == [
        "I:MỤC ĐÍCH",
        "I.1:Mục đích",
        "I.1.a:Một",
        "I.1.b:Hai",
        "I.2:Yêu cầu",
        "II:TỔ CHỨC THỰC HIỆN",
        "II.1:Sở Nội vụ",
    ]
    assert warnings == []


def test_parts_lettered_in_capitals_are_the_top_level() -> None:
    # Bien-ban-kiem-tra-hien-truong-Yen-Thanh: "A. THÀNH PHẦN …" / "B. NỘI DUNG …", numbered items under them
    # (not restarting decimal items under inferred Roman headings)
    root, warnings = outline(
        "A. THÀNH PHẦN ĐOÀN LÀM VIỆC",
        "1. Đại diện Sở Công Thương Lào Cai",
        "- Ông Vũ Việt Linh",
        "B. NỘI DUNG KIỂM TRA",
        "1. Về hồ sơ pháp lý: đầy đủ.",
        "I. HỒ SƠ",
    )
    assert paths(root) == [
        "A:THÀNH PHẦN ĐOÀN LÀM VIỆC",
        "A.1:Đại diện Sở Công Thương Lào Cai",
        "B:NỘI DUNG KIỂM TRA",
        "B.1:Về hồ sơ pháp lý",
        "B.I:HỒ SƠ",
    ]
    assert warnings == []


def test_letter_after_bullets_is_not_a_child_of_the_bullet() -> None:
    root, _ = outline("I. NHIỆM VỤ", "1. Công tác chỉ đạo", "- việc một", "a) Chỉ tiêu", "b) Nhiệm vụ")
    assert paths(root) == ["I:NHIỆM VỤ", "I.1:Công tác chỉ đạo", "I.1.a:Chỉ tiêu", "I.1.b:Nhiệm vụ"]


def test_lost_roman_headings_are_inferred_from_restarts() -> None:
    root, warnings = outline(
        "1. Mục đích",
        "2. Yêu cầu",
        "1. Công tác chỉ đạo, điều hành",
        "1. Trách nhiệm của Sở Nội vụ",
        "Nội dung.",
    )
    assert [(n.label, n.title, n.inferred) for n in root.children] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", True),
        ("II", "NHIỆM VỤ TRỌNG TÂM", True),
        ("III", "TỔ CHỨC THỰC HIỆN", True),
    ]
    assert [w.code for w in warnings] == ["lost_headings"]


def test_lost_numbered_heading_takes_the_trailing_letter_run() -> None:
    root, warnings = outline(
        "I. NHIỆM VỤ", "1. Chỉ đạo", "- việc", "a) Chỉ tiêu", "b) Nhiệm vụ", "3. Thủ tục", "a) Chỉ tiêu"
    )
    assert paths(root) == [
        "I:NHIỆM VỤ",
        "I.1:Chỉ đạo",
        "I.2:",
        "I.2.a:Chỉ tiêu",
        "I.2.b:Nhiệm vụ",
        "I.3:Thủ tục",
        "I.3.a:Chỉ tiêu",
    ]
    assert root.children[0].children[1].inferred
    assert [w.code for w in warnings] == []


@pytest.mark.parametrize(
    ("texts", "code"),
    [
        (("I. A", "1. x", "3. y"), "numbering_gap"),
        (("I. A", "1. x", "1. y", "2. z"), "numbering_repeat"),
        (("I. A", "III. B"), "numbering_gap"),
    ],
)
def test_numbering_warnings(texts: tuple[str, ...], code: str) -> None:
    _, warnings = outline(*texts)
    assert code in [w.code for w in warnings]


def test_body_starts_after_the_attached_plan_marker_and_ends_before_recipients() -> None:
    blocks = blocks_of(
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.",
        "(Kèm theo Quyết định số 1/QĐ-UBND)",
        "I. MỤC ĐÍCH",
        "Nơi nhận:",
        "(Kèm theo Kế hoạch)",
    )
    assert body_range(blocks) == (3, 4)


labels = st.sampled_from(["I.", "II.", "1.", "2.", "3.", "a)", "b)", "-", "+", ""])


@given(st.lists(st.tuples(labels, st.sampled_from(["Mục đích", "Sở Nội vụ", "nội dung"])), max_size=40))
def test_outline_covers_every_numbered_paragraph_once(items: list[tuple[str, str]]) -> None:
    texts = [f"{label} {text}".strip() for label, text in items]
    root, _ = outline(*texts)
    nodes = [n for n in root.walk()[1:] if not n.inferred]
    assert len({n.block for n in nodes}) == len(nodes)
    start, end = body_range(blocks_of(*texts))
    numbered = sum(1 for t in texts[start:end] if label_of(t) is not None)
    assert len(nodes) == numbered
    for node in nodes:
        assert node.end_block >= node.block


def test_a_documents_own_appendix_opens_no_plan_body() -> None:
    # ND-146/2025/NĐ-CP: its Phụ lục I comes "kèm theo" the decree itself, after its articles and signature
    blocks = blocks_of(
        "Điều 1. Phạm vi điều chỉnh",
        "Nghị định này quy định việc phân quyền, phân cấp.",
        "Điều 2. Hiệu lực thi hành",
        "PHỤ LỤC I",
        "TRÌNH TỰ, THỦ TỤC TRONG LĨNH VỰC DẦU KHÍ",
        "(Kèm theo Nghị định số 146/2025/NĐ-CP ngày 12 tháng 6 năm 2025 của Chính phủ)",
        "1. Trình tự, thủ tục về phê duyệt danh mục đề án điều tra cơ bản về dầu khí",
    )
    assert body_range(blocks)[0] == 0


def test_a_plan_a_decision_issues_opens_its_body() -> None:
    blocks = blocks_of(
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2026",
        "(Ban hành kèm theo Quyết định số 3350/QĐ-UBND ngày 26/12/2025 của UBND tỉnh)",
        "I. MỤC ĐÍCH, YÊU CẦU",
    )
    assert body_range(blocks)[0] == 4
