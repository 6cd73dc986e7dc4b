"""The parsing pipeline: a reader's Document in, the output PlanDocument out.

Reading is the readers' (:mod:`cchc_parse.formats` picks one by suffix): decoding and legacy encodings,
diacritic repair where the options say, layout into blocks. Every format then goes through the same
:data:`STAGES`, in order, each reading what the earlier ones left on one :class:`Parse`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cchc_parse._version import __version__
from cchc_parse.document import Document, DocWarning
from cchc_parse.extract.areas import is_cchc
from cchc_parse.extract.context import Context
from cchc_parse.extract.indicators import extract_indicators
from cchc_parse.extract.metadata import extract_plan
from cchc_parse.extract.tasks import extract_tasks
from cchc_parse.models import Indicator, Plan, PlanDocument, Source, Task, Warning_
from cchc_parse.options import ParseOptions
from cchc_parse.spans import TextIndex
from cchc_parse.structure.sections import Outline, analyse_outline, to_sections

BODY_SAMPLE_BLOCKS = 200  # blocks of the body the CCHC verdict counts reform words in


@dataclass
class Parse:
    """The one result the stages work on: the document read, and what each stage adds."""

    document: Document
    options: ParseOptions
    index: TextIndex
    warnings: list[DocWarning]
    plan: Plan | None = None
    outline: Outline | None = None
    context: Context | None = None
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def the_plan(self) -> Plan:
        assert self.plan is not None, "the metadata stage runs first"
        return self.plan

    def the_outline(self) -> Outline:
        assert self.outline is not None, "the outline stage runs first"
        return self.outline

    def the_context(self) -> Context:
        assert self.context is not None, "the context stage runs first"
        return self.context


def _metadata(p: Parse) -> None:
    p.plan = extract_plan(p.document.blocks, p.document.site_meta)


def _outline(p: Parse) -> None:
    p.outline = analyse_outline(p.document.blocks, p.warnings)


def _cchc_verdict(p: Parse) -> None:
    """The one verdict (``plan.is_cchc``) that reform areas and validate's CP060 read."""
    outline, blocks = p.the_outline(), p.document.blocks
    sample = " ".join(b.text for b in blocks[outline.body_start : outline.body_start + BODY_SAMPLE_BLOCKS])
    plan = p.the_plan()
    plan.is_cchc = is_cchc(plan.title, sample)


def _context(p: Parse) -> None:
    outline, plan = p.the_outline(), p.the_plan()
    p.context = Context(
        blocks=p.document.blocks,
        index=p.index,
        root=outline.root,
        body_start=outline.body_start,
        body_end=outline.body_end,
        plan_year=plan.year,
        is_cchc=plan.is_cchc,
    )


def _tasks(p: Parse) -> None:
    p.tasks = extract_tasks(p.the_context())


def _indicators(p: Parse) -> None:
    p.indicators = extract_indicators(p.the_context())


Stage = Callable[[Parse], None]
# the stages in their order; README.md's "How it works" lists the same names (a test checks it)
STAGES: tuple[tuple[str, Stage], ...] = (
    ("metadata", _metadata),
    ("outline", _outline),
    ("cchc verdict", _cchc_verdict),
    ("context", _context),
    ("tasks", _tasks),
    ("indicators", _indicators),
)


def build_plan_document(document: Document, options: ParseOptions | None = None) -> PlanDocument:
    """Run every stage on a reader's document (read with diacritic repair ``options.repair``, its PDF
    pages OCR'd as ``options.ocr`` says: both recorded in ``source``) and assemble the output."""
    chosen = options or ParseOptions()
    parse = Parse(document, chosen, TextIndex.build(document.blocks), list(document.warnings))
    for _name, stage in STAGES:
        stage(parse)
    return _assemble(parse)


def _assemble(p: Parse) -> PlanDocument:
    document = p.document
    return PlanDocument(
        tool_version=__version__,
        source=Source(
            path=document.path,
            format=document.format,
            sha256=document.sha256,
            encoding=document.encoding,
            ocr=document.ocr,
            repaired=document.repaired,
            repair_mode=p.options.repair,
            ocr_mode=p.options.ocr,
            options_key=p.options.key,
        ),
        plan=p.the_plan(),
        sections=to_sections(p.the_outline().root, p.index),
        tasks=p.tasks,
        indicators=p.indicators,
        warnings=[Warning_(code=w.code, message=w.message, line=w.source_line) for w in p.warnings],
    )
