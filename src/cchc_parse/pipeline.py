"""The parsing pipeline: a reader's Document in, the output PlanDocument out.

Reading is the readers' (:mod:`cchc_parse.formats` picks one by suffix): a text file's lines as decoded,
a PDF's or Word document's blocks as laid out by what the format knows. Every format then goes through the
same :data:`STAGES`, in order, each reading what the earlier ones left on one :class:`Parse`: the first
:data:`DOCUMENT_STAGES` make the document (:func:`prepare`; ``api.read_document`` stops there), the others
build the plan from its labelled blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cchc_parse._version import __version__
from cchc_parse.document import Block, Document, DocWarning
from cchc_parse.extract.areas import is_cchc
from cchc_parse.extract.context import Context
from cchc_parse.extract.digital_signatures import read_signatures
from cchc_parse.extract.indicators import extract_indicators
from cchc_parse.extract.metadata import extract_plan, is_plan
from cchc_parse.extract.tasks import extract_tasks
from cchc_parse.models import Indicator, Plan, PlanDocument, Source, Task, Warning_
from cchc_parse.normalize.layout import layout_stage
from cchc_parse.normalize.legacy import legacy_stage
from cchc_parse.options import ParseOptions
from cchc_parse.spans import TextIndex
from cchc_parse.structure.labels import assign_labels_and_roles
from cchc_parse.structure.sections import Outline, analyse_outline, to_sections

BODY_SAMPLE_BLOCKS = 200  # blocks of the body the CCHC verdict counts reform words in


@dataclass
class Parse:
    """The one result the stages work on: the document read, and what each stage adds."""

    document: Document
    options: ParseOptions
    warnings: list[DocWarning] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # the body layer, once laid out
    index: TextIndex | None = None
    plan: Plan | None = None
    outline: Outline | None = None
    context: Context | None = None
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def open_body(self) -> None:
        """Between the document and the plan stages: the body layer they read, its text index, and the
        warnings so far."""
        self.blocks = self.document.body
        self.index = TextIndex.build(self.blocks)
        self.warnings = list(self.document.warnings)

    def the_index(self) -> TextIndex:
        assert self.index is not None, "the plan stages run on an opened body"
        return self.index

    def the_plan(self) -> Plan:
        assert self.plan is not None, "the metadata stage runs first"
        return self.plan

    def the_outline(self) -> Outline:
        assert self.outline is not None, "the outline stage runs first"
        return self.outline

    def the_context(self) -> Context:
        assert self.context is not None, "the context stage runs first"
        return self.context


def _legacy(p: Parse) -> None:
    legacy_stage(p.document)


def _repair(p: Parse) -> None:
    if p.options.repair != "never":
        from cchc_parse.repair.document import repair_stage  # the model loads only when needed

        repair_stage(p.document, p.options.repair, p.options.progress)


def _layout(p: Parse) -> None:
    layout_stage(p.document)


def _labels_and_roles(p: Parse) -> None:
    assign_labels_and_roles(p.document.blocks)


def _metadata(p: Parse) -> None:
    signatures = read_signatures(p.document.blocks)  # their stamps are furniture: off the body
    p.plan = extract_plan(p.blocks, p.document.site_meta, signatures)


def _outline(p: Parse) -> None:
    p.outline = analyse_outline(p.blocks, p.warnings)


def _cchc_verdict(p: Parse) -> None:
    """The one verdict (``plan.is_cchc``) that reform areas and validate's CP060 read."""
    outline, blocks = p.the_outline(), p.blocks
    sample = " ".join(b.text for b in blocks[outline.body_start : outline.body_start + BODY_SAMPLE_BLOCKS])
    plan = p.the_plan()
    plan.is_cchc = is_cchc(plan.title, sample)


def _context(p: Parse) -> None:
    outline, plan = p.the_outline(), p.the_plan()
    p.context = Context(
        blocks=p.blocks,
        index=p.the_index(),
        root=outline.root,
        body_start=outline.body_start,
        body_end=outline.body_end,
        plan_year=plan.year,
        is_cchc=plan.is_cchc,
        is_plan=is_plan(plan),
    )


def _tasks(p: Parse) -> None:
    p.tasks = extract_tasks(p.the_context())


def _indicators(p: Parse) -> None:
    p.indicators = extract_indicators(p.the_context())


Stage = Callable[[Parse], None]
# the stages that make the document, then those that build the plan; README.md's "How it works" lists the
# same names in the same order (a test checks it)
DOCUMENT_STAGES: tuple[tuple[str, Stage], ...] = (
    ("legacy encodings", _legacy),
    ("repair", _repair),
    ("layout", _layout),
    ("labels and roles", _labels_and_roles),
)
PLAN_STAGES: tuple[tuple[str, Stage], ...] = (
    ("metadata", _metadata),
    ("outline", _outline),
    ("cchc verdict", _cchc_verdict),
    ("context", _context),
    ("tasks", _tasks),
    ("indicators", _indicators),
)
STAGES = DOCUMENT_STAGES + PLAN_STAGES


def _run_document_stages(parse: Parse) -> None:
    """Run the document stages the document has not been through yet, recording each in
    ``document.stages`` (the plan stages write to the Parse only, and run on every call)."""
    for name, stage in DOCUMENT_STAGES:
        if name not in parse.document.stages:
            stage(parse)
            parse.document.stages.append(name)


def prepare(document: Document, options: ParseOptions | None = None) -> Document:
    """A reader's document through the document stages: legacy fonts converted, repaired where
    ``options.repair`` says, laid out into blocks, its labels and roles given."""
    _run_document_stages(Parse(document, options or ParseOptions()))
    return document


def build_plan_document(document: Document, options: ParseOptions | None = None) -> PlanDocument:
    """Run every stage on a reader's document (the document stages only where it has not been through
    them), read with diacritic repair ``options.repair``, its PDF pages OCR'd as ``options.ocr`` says
    (both recorded in ``source``), and assemble the output."""
    parse = Parse(document, options or ParseOptions())
    _run_document_stages(parse)
    parse.open_body()
    for _name, stage in PLAN_STAGES:
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
        sections=to_sections(p.the_outline().root, p.the_index()),
        tasks=p.tasks,
        indicators=p.indicators,
        warnings=[Warning_(code=w.code, message=w.message, line=w.source_line) for w in p.warnings],
    )
