"""Accuracy on scanned documents, counted as the project's scorer counts (tests/gold_eval.py).

Usage: python bench/bench_scans.py [--corpus DIR] [--jobs N] [--docx all|tables|none] [-v]

Three kinds of scans, all with gold annotations in the corpus beside the project (../shared/corpus):

* ``scan``: the corpus PDFs whose pages are images (or whose text layer is broken), read as a user reads
  them (``--ocr auto``);
* ``printed``: the corpus PDFs with a good text layer (signed documents: seals, signatures, form fields)
  read with ``--ocr always``: every page rendered and OCR'd, a scan without the scanner's noise;
* ``docx``: corpus Word files converted to PDF by LibreOffice and read with ``--ocr always`` (``tables``,
  the default: those whose gold has task-table rows, the scanned task tables of issue #13; ``all``: every
  one), skipped without LibreOffice;
* ``seed``: the seed texts whose gold has task-table rows, made a Word file (tests/fixtures/seed_to_docx.py:
  ruled tables), printed by LibreOffice and read with ``--ocr always``;
* ``turned`` (with ``--turned``): the printed Word files and seeds again, as scans of sideways pages (every
  page an image at 200 dpi, a quarter turned), read as they come.

Prints a row per document (metadata, sections, tasks, lead, deadline) and the figures of each kind, of all
of them, of the task-table rows alone, and of the held-back third (gold_eval.held_back), whose misses are
never listed. Needs Tesseract with the Vietnamese model.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from cchc_parse import parse_file  # noqa: E402
from cchc_parse.api import normalized_text  # noqa: E402
from cchc_parse.errors import CchcParseError  # noqa: E402
from cchc_parse.readers.ocr import render_page, tesseract_available  # noqa: E402
from cchc_parse.readers.pdf import _read_pages, page_state  # noqa: E402
from fixtures.seed_to_docx import build  # noqa: E402
from gold_eval import Counts, gold_files, held_back, load_gold, score, summary  # noqa: E402

Json = dict[str, Any]
HEADS = ["meta", "sections", "tasks", "lead", "deadline"]


def is_scan(pdf: Path) -> bool:
    """Whether a PDF holds a page read by OCR in auto mode (no text layer, or a broken one)."""
    return any(page_state(page) in ("missing", "broken") for page in _read_pages(str(pdf), 1000))


def to_pdf(docx: Path, folder: Path) -> Path | None:
    """The Word file printed to PDF by LibreOffice, or None when it fails."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        return None
    command = [binary, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)]
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    pdf = folder / (docx.stem + ".pdf")
    return pdf if pdf.exists() else None


def table_gold(gold: Json) -> Json:
    """The gold with only its task-table rows: the tasks a scanned task table must give."""
    tasks = [t for t in gold.get("tasks") or [] if isinstance(t, dict) and t.get("origin") == "table"]
    return {**gold, "tasks": tasks, "indicators": []}


def row(kind: str, c: Counts) -> str:
    sec = "-" if c.sections is None else f"{c.sections[0]}/{c.sections[1]}"
    cells = [f"{c.meta[0]}/{c.meta[1]}", sec, f"{c.tasks[0]}/{c.tasks[1]}", f"{c.lead[0]}/{c.lead[1]}"]
    cells.append(f"{c.deadline[0]}/{c.deadline[1]}")
    third = "held" if held_back(c.name) else ""
    return f"{c.name[:46]:46} {kind:8} {third:4} " + " ".join(f"{x:>8}" for x in cells)


def figures(title: str, rows: list[Counts]) -> str:
    wanted = ("metadata_acc", "section_recall", "task_recall", "lead_acc", "deadline_acc")
    values = summary(rows)
    shown = ", ".join(f"{k} {100 * v:.1f}" for k, v in values.items() if k in wanted and v is not None)
    return f"{title} ({len(rows)} files): {shown or '-'}"


def turned(pdf: Path, folder: Path) -> Path:
    """The printed PDF as a scan of sideways pages: every page an image at 200 dpi, a quarter turned."""
    images = [render_page(str(pdf), page, dpi=200).rotate(90, expand=True) for page in range(page_count(pdf))]
    target = folder / (pdf.stem + "-turned.pdf")
    images[0].save(target, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return target


def page_count(pdf: Path) -> int:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def documents(corpus: Path, docx: str, folder: Path, turn: bool) -> list[tuple[str, Path, str, Json]]:
    """(kind, file to read, OCR mode, gold) for every scan this run reads."""
    out = _documents(corpus, docx, folder)
    if turn:
        out.extend(
            ("turned", turned(pdf, folder), "auto", gold)
            for kind, pdf, _, gold in list(out)
            if kind in ("docx", "seed")
        )
    return out


def _documents(corpus: Path, docx: str, folder: Path) -> list[tuple[str, Path, str, Json]]:
    out: list[tuple[str, Path, str, Json]] = []
    for path in gold_files(corpus / "gold"):
        gold = load_gold(path)
        name = str(gold["file"])
        if name.endswith(".pdf") and (corpus / "pdf" / name).exists():
            pdf = corpus / "pdf" / name
            out.append(("scan", pdf, "auto", gold) if is_scan(pdf) else ("printed", pdf, "always", gold))
        elif (corpus / "seeds" / name).exists() and docx != "none" and table_gold(gold)["tasks"]:
            word = Path(folder) / (Path(name).stem + ".docx")
            build(normalized_text(corpus / "seeds" / name).splitlines()).save(str(word))
            printed = to_pdf(word, folder)
            if printed is not None:
                out.append(("seed", printed, "always", gold))
        elif name.endswith(".docx") and (corpus / "docx" / name).exists() and docx != "none":
            if docx == "tables" and not table_gold(gold)["tasks"]:
                continue
            printed = to_pdf(corpus / "docx" / name, folder)
            if printed is not None:
                out.append(("docx", printed, "always", gold))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--jobs", type=int, default=2, help="pages OCR'd at the same time")
    parser.add_argument("--docx", choices=["all", "tables", "none"], default="tables")
    parser.add_argument("--turned", action="store_true", help="also read the printed Word files sideways")
    parser.add_argument(
        "-v", action="store_true", help="list the records missed (not of the held-back third)"
    )
    args = parser.parse_args()
    if not tesseract_available("vie"):
        sys.exit("needs tesseract with the Vietnamese model (apt-get install tesseract-ocr-vie)")
    print(f"{'file':46} {'kind':8} {'':4} " + " ".join(f"{h:>8}" for h in HEADS))
    kinds: dict[str, list[Counts]] = {}
    tables: list[Counts] = []
    with tempfile.TemporaryDirectory() as folder:
        for kind, source, mode, gold in documents(args.corpus, args.docx, Path(folder), args.turned):
            try:
                out = json.loads(parse_file(source, ocr=mode, jobs=args.jobs).model_dump_json())  # type: ignore[arg-type]
            except CchcParseError as exc:
                print(f"{str(gold['file'])[:46]:46} {kind:8} {exc}")
                out = {}
            counts = score(gold, out)
            print(row(kind, counts))
            if args.v and not held_back(counts.name):
                for miss in counts.misses:
                    print(f"      missed {miss}")
            kinds.setdefault(kind, []).append(counts)
            if table_gold(gold)["tasks"]:
                tables.append(score(table_gold(gold), out))
    every = [c for rows in kinds.values() for c in rows]
    for kind, rows in kinds.items():
        print(figures(kind, rows))
    print(figures("every scan", every))
    print(figures("task-table rows", tables))
    print(figures("the held-back third", [c for c in every if held_back(c.name)]))


if __name__ == "__main__":
    main()
