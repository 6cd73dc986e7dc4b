"""The output contract: pydantic models of the JSON document cchc-parse prints.

Field names are a public interface (schema_version "1.0"); add fields, never rename them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from cchc_parse.document import FormatName
from cchc_parse.options import Mode

SCHEMA_VERSION: Final = "1.0"

Comparator = Literal[">=", "=", "<="]
TaskOrigin = Literal["table", "assignment", "list"]


class Strict(BaseModel):
    """Base for every output model: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class Span(Strict):
    """Where a record stands: lines (1-based, inclusive) and character offsets (end exclusive)
    in the normalised text, plus the matching lines of the source file and the page, if any."""

    start_line: int
    end_line: int
    start_char: int
    end_char: int
    source_start_line: int | None = None
    source_end_line: int | None = None
    page: int | None = None


class Source(Strict):
    path: str
    format: FormatName
    sha256: str
    encoding: str | None
    ocr: bool = False
    repaired: bool = False
    repair_mode: Mode = "auto"  # the --repair the document was parsed with
    ocr_mode: Mode = "auto"  # the --ocr it was read with
    options_key: str | None = None  # the digest of the options the output depends on (ParseOptions.key)


class DocRef(Strict):
    """A document cited by number, e.g. 'Quyết định số 3350/QĐ-UBND ngày 26/12/2025'."""

    doc_type: str | None
    number: str
    date: date | None


class LegalBasis(Strict):
    text: str
    refs: list[DocRef]


class Signer(Strict):
    name: str | None
    title: str | None


class DigitalSignature(Strict):
    """A digital signature's stamp as the page shows it: who signed (a person or a body), for which body,
    the e-mail address, and when (as printed, and as a date-time with its offset when it has a clock)."""

    signer: str | None
    organisation: str | None = None
    email: str | None = None
    time_text: str | None = None
    time: datetime | None = None
    page: int | None = None


class Plan(Strict):
    doc_type: str | None
    number: str | None
    issuer: str | None
    parent_issuer: str | None
    place: str | None
    issued_date: date | None
    title: str | None
    year: int | None
    signers: list[Signer] = Field(default_factory=list)
    legal_bases: list[LegalBasis] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    # the stamps of the document's digital signatures (page furniture, read before it is set aside)
    digital_signatures: list[DigitalSignature] = Field(default_factory=list)
    # an administrative-reform (CCHC) plan: its title names the reform, or its body often does; only such
    # plans' tasks and indicators get a reform area, and validate's CP060 checks only them
    is_cchc: bool = False


class Section(Strict):
    label: str
    title: str
    level: int
    path: str
    inferred: bool = False
    span: Span
    children: list[Section] = Field(default_factory=list)


class Deadline(Strict):
    """A deadline as printed, with the period it means (start/end) or how often it recurs."""

    text: str
    start: date | None = None
    end: date | None = None
    recurrence: (
        Literal["continuous", "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"] | None
    ) = None


class Task(Strict):
    id: str
    origin: TaskOrigin
    section: str | None
    text: str
    lead: list[str] = Field(default_factory=list)
    partners: list[str] = Field(default_factory=list)
    output: str | None = None
    deadline: Deadline | None = None
    area: str | None = None
    span: Span


class Indicator(Strict):
    id: str
    section: str | None
    text: str
    value: float | None
    unit: str | None
    comparator: Comparator | None
    required: bool = False
    deadline: Deadline | None = None
    area: str | None = None
    span: Span


class Warning_(Strict):
    code: str
    message: str
    line: int | None = None


class PlanDocument(Strict):
    """The whole JSON document for one input file."""

    schema_version: Literal["1.0"] = "1.0"
    tool_version: str
    source: Source
    plan: Plan
    sections: list[Section] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    warnings: list[Warning_] = Field(default_factory=list)


Section.model_rebuild()
