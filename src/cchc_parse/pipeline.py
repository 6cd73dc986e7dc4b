"""The parsing pipeline: a reader's Document in, the output PlanDocument out."""

from __future__ import annotations

from cchc_parse._version import __version__
from cchc_parse.document import Document, DocWarning
from cchc_parse.extract.areas import is_cchc
from cchc_parse.extract.context import Context
from cchc_parse.extract.indicators import extract_indicators
from cchc_parse.extract.metadata import extract_plan
from cchc_parse.extract.tasks import extract_tasks
from cchc_parse.models import PlanDocument, Source, Warning_
from cchc_parse.options import ParseOptions
from cchc_parse.spans import TextIndex
from cchc_parse.structure.sections import analyse_outline, to_sections

BODY_SAMPLE_BLOCKS = 200


def build_plan_document(document: Document, options: ParseOptions | None = None) -> PlanDocument:
    """Structure and extract everything from a reader's intermediate document (read with diacritic repair
    ``options.repair``, its PDF pages OCR'd as ``options.ocr`` says: both recorded in ``source``)."""
    chosen = options or ParseOptions()
    blocks = document.blocks
    warnings: list[DocWarning] = list(document.warnings)
    index = TextIndex.build(blocks)
    plan = extract_plan(blocks, document.site_meta)
    outline = analyse_outline(blocks, warnings)
    sample = " ".join(b.text for b in blocks[outline.body_start : outline.body_start + BODY_SAMPLE_BLOCKS])
    plan.is_cchc = is_cchc(plan.title, sample)  # the one verdict: extraction and validate read it
    ctx = Context(
        blocks=blocks,
        index=index,
        root=outline.root,
        body_start=outline.body_start,
        body_end=outline.body_end,
        plan_year=plan.year,
        is_cchc=plan.is_cchc,
    )
    tasks = extract_tasks(ctx)
    indicators = extract_indicators(ctx)
    return PlanDocument(
        tool_version=__version__,
        source=Source(
            path=document.path,
            format=document.format,
            sha256=document.sha256,
            encoding=document.encoding,
            ocr=document.ocr,
            repaired=document.repaired,
            repair_mode=chosen.repair,
            ocr_mode=chosen.ocr,
        ),
        plan=plan,
        sections=to_sections(outline.root, index),
        tasks=tasks,
        indicators=indicators,
        warnings=[Warning_(code=w.code, message=w.message, line=w.source_line) for w in warnings],
    )
