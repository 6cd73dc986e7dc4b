"""Ruled tables on scanned pages (readers/ocr_tables.py): grids found on page images drawn here, words put
into their cells, merged cells; a scanned task table read with Tesseract gives the text layer's tasks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from cchc_parse import parse_file
from cchc_parse.readers.ocr import render_page, tesseract_available
from cchc_parse.readers.ocr_tables import Word, find_grids, grid_rows, page_items
from cchc_parse.readers.pdf_tables import PdfTable

PDFS = Path(__file__).parent / "fixtures" / "pdf"
SCAN_TABLE = PDFS / "QD-3350-scan-table.pdf"  # header page and the first page of a ruled task table
DPI = 200


def page(*draw: tuple[str, tuple[int, int, int, int]], skew: int = 0) -> Image.Image:
    """A white A4 page at DPI with lines ("line", (x0, y0, x1, y1)) and boxes of ink ("ink", box) drawn;
    ``skew`` pixels of drop over each line across (a scan fed in at a slant)."""
    image = Image.new("L", (1654, 2339), 255)
    pen = ImageDraw.Draw(image)
    for kind, (x0, y0, x1, y1) in draw:
        if kind == "line":
            pen.line((x0, y0, x1, y1 + (skew if y0 == y1 else 0)), fill=0, width=2)
        else:
            pen.rectangle((x0, y0, x1, y1), fill=0)
    image.info["dpi"] = (DPI, DPI)
    return image


def ruled(
    xs: list[int], ys: list[int], missing: tuple[tuple[str, int, int], ...] = ()
) -> list[tuple[str, tuple[int, int, int, int]]]:
    """The lines of a grid; ``missing`` leaves out a rule's piece: ("down", boundary, row) or
    ("across", boundary, column), making a merged cell."""
    lines = []
    for i, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if ("across", i, c) not in missing:
                lines.append(("line", (xs[c], y, xs[c + 1], y)))
    for j, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if ("down", j, r) not in missing:
                lines.append(("line", (x, ys[r], x, ys[r + 1])))
    return lines


XS = [200, 300, 800, 1100, 1400]
YS = [300, 400, 600, 800]


@pytest.mark.parametrize(
    ("drawn", "expected"),
    [
        (ruled(XS, YS), [(3, 4)]),  # a 4-column table of 3 rows
        ([("line", (200, 300, 1400, 300)), ("line", (200, 500, 1400, 500))], []),  # rules across only
        (ruled([200, 1400], [300, 900]), []),  # a frame around a paragraph: one column
        (ruled(XS, YS) + ruled([200, 700, 1200], [1200, 1300, 1400]), [(3, 4), (2, 2)]),  # two tables
        ([("ink", (200, 300 + 40 * k, 230, 330 + 40 * k)) for k in range(20)], []),  # letters' strokes
    ],
)
def test_grids_are_found(
    drawn: list[tuple[str, tuple[int, int, int, int]]], expected: list[tuple[int, int]]
) -> None:
    assert [(g.rows, g.columns) for g in find_grids(page(*drawn))] == expected


def test_a_skewed_grid_is_one_grid_with_its_columns() -> None:
    across = [("line", (XS[0], y, XS[-1], y)) for y in YS]  # each drops 6 pixels over its length
    down = [("line", (x, YS[0], x, YS[-1] + 6)) for x in XS]
    grids = find_grids(page(*across, *down, skew=6))
    assert [(g.rows, g.columns) for g in grids] == [(3, 4)]
    assert [round(x) for x in grids[0].xs] == [200, 300, 800, 1100, 1400]


def word(text: str, x: int, y: int, line: str = "1") -> Word:
    return Word(text, (x, y, x + 40, y + 30), ("1", "1", line))


def test_words_go_into_cells_and_merged_cells_keep_theirs_in_the_top_left() -> None:
    # the lead column's cell spans rows 2-3 (no rule across it between them); row 1's first two cells
    # are one (no rule down between them)
    missing = (("across", 2, 2), ("down", 1, 0))
    grid = find_grids(page(*ruled(XS, YS, missing)))[0]
    words = [
        word("STT", 210, 320),
        word("Nội", 320, 320),
        word("dung", 380, 320),
        word("1.", 210, 420),
        word("Rà", 320, 420),
        word("soát", 380, 420),
        word("TTHC", 320, 460, "2"),
        word("Sở", 820, 500),
        word("Nội", 880, 500),
        word("vụ", 940, 500),
        word("2.", 210, 620),
        word("Số", 320, 620),
        word("hóa", 380, 620),
        word("Quý", 1120, 620),
    ]
    assert grid_rows(grid, words) == [
        ["STT Nội dung", "", "", ""],
        ["1.", "Rà soát\nTTHC", "Sở Nội vụ", ""],
        ["2.", "Số hóa", "", "Quý"],
    ]


def test_a_page_s_items_put_the_table_among_its_lines() -> None:
    grid = find_grids(page(*ruled([100, 300, 600], [400, 500, 600])))[0]
    rows = [
        "5\t1\t1\t1\t1\t1\t100\t100\t200\t30\t95\tKẾ HOẠCH",
        "5\t1\t2\t1\t1\t1\t120\t420\t60\t30\t95\tSTT",
        "5\t1\t2\t1\t1\t2\t320\t420\t90\t30\t95\tChủ trì",
        "5\t1\t2\t1\t1\t3\t305\t450\t5\t30\t95\t|",
        "5\t1\t2\t1\t2\t1\t120\t520\t30\t30\t95\t1.",
        "5\t1\t2\t1\t2\t2\t320\t520\t90\t30\t95\tSở Nội vụ",
        "5\t1\t2\t1\t2\t3\t310\t520\t5\t30\t96\t`",  # a speck in the cell (Quy-trinh-noi-bo printed)
        "5\t1\t3\t1\t1\t1\t100\t700\t200\t30\t95\tHết.",
    ]
    items = page_items("\n".join(rows), [grid], 72 / DPI, 0)
    assert [type(i).__name__ for i in items] == ["PdfLine", "PdfLine", "PdfTable", "PdfLine"]
    table = items[2]
    assert isinstance(table, PdfTable)
    assert table.rows == [["STT", "Chủ trì"], ["1.", "Sở Nội vụ"]]  # the rule read as "|", the speck go
    assert table.page == 0 and table.row_lines == [(4, 4), (5, 5)]  # numbered on after the 3 lines


@pytest.mark.skipif(not tesseract_available("vie"), reason="needs tesseract with the vie model")
def test_a_scanned_task_table_gives_the_tasks_of_its_text_layer() -> None:
    result = parse_file(SCAN_TABLE)
    assert result.source.ocr
    tasks = [t for t in result.tasks if t.origin == "table"]
    assert [t.text[:38] for t in tasks] == [
        "Quyết định ban hành Kế hoạch tuyên tru",
        "Quyết định ban hành Kế hoạch kiểm tra ",
        "Quyết định quy định về tiêu chí và quy",
        "Quyết định ban hành Kế hoạch cải cách ",
        "Kế hoạch của UBND tỉnh về tiếp tục thự",
        "Báo cáo kết quả Chỉsố năng lực cạnh tr",
    ]
    assert [t.lead for t in tasks] == [["Sở Nội vụ"]] * 4 + [["Sở Tài chính"]] * 2
    assert [t.deadline.text if t.deadline else None for t in tasks][1:5] == [
        "Tháng 04/2026",
        "Tháng 8/2026",
        "Tháng 12/2026",
        "Sau khi Chính phủ ban hành Nghị quyết",
    ]
    assert result.plan.number == "3350/QĐ-UBND" and str(result.plan.issued_date) == "2025-12-26"


@pytest.mark.skipif(not tesseract_available("vie"), reason="needs tesseract with the vie model")
def test_a_task_table_scanned_sideways_is_turned_upright(tmp_path: Path) -> None:
    # the table page of the fixture as a landscape page is often scanned: the image turned a quarter
    upright = render_page(str(SCAN_TABLE), 1, dpi=200).convert("RGB")
    upright.rotate(90, expand=True).save(tmp_path / "sideways.pdf", "PDF", resolution=200)
    tasks = [t for t in parse_file(tmp_path / "sideways.pdf").tasks if t.origin == "table"]
    assert [t.text[:38] for t in tasks] == [
        t.text[:38] for t in parse_file(SCAN_TABLE).tasks if t.span.page == 2
    ]
    assert len(tasks) >= 4 and all(t.lead for t in tasks)
