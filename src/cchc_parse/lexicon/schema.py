"""The models every data file is validated by when it is loaded (:func:`cchc_parse.lexicon.load_json`).

One model per file, one file per concept. A word is a non-empty NFC string without white space before it
(one space after it means "followed by a space"); a word list is non-empty and holds no word twice;
unknown keys are errors (a misspelt key would otherwise be silently ignored). Each file says what it is
for in its ``_comment`` (``_about``, ``about``).
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


def _word(value: str) -> str:
    # one trailing space is allowed: the word must be followed by a space ("Chương " opens "Chương II")
    if not value.strip() or value != value.lstrip() or value.rstrip() + " " * value.endswith(" ") != value:
        raise ValueError(f"{value!r} is empty or has white space around it")
    if not unicodedata.is_normalized("NFC", value):
        raise ValueError(f"{value!r} is not NFC")
    return value


def _distinct(values: list[str]) -> list[str]:
    seen = [v for i, v in enumerate(values) if v in values[:i]]
    if seen:
        raise ValueError(f"listed twice: {', '.join(map(repr, seen))}")
    return values


def _case_variants(values: dict[str, str]) -> dict[str, str]:
    for upper, spelled in values.items():
        if upper != upper.upper() or spelled.upper() != upper:
            raise ValueError(f"maps {upper!r} to {spelled!r}, not a case variant")
    return values


def _upper(values: list[str]) -> list[str]:
    lower = [v for v in values if v != v.upper()]
    if lower:
        raise ValueError(f"not in capitals: {', '.join(map(repr, lower))}")
    return values


Word = Annotated[str, AfterValidator(_word)]
Words = Annotated[list[Word], Field(min_length=1), AfterValidator(_distinct)]
Spellings = dict[Word, Word]  # a key's customary spelling, or its meaning
CaseSpellings = Annotated[Spellings, AfterValidator(_case_variants)]  # "ỦY BAN" -> "Ủy ban"
StampField = Literal["signer", "organisation", "email", "time"]  # the fields of a digital-signature stamp
ColumnRole = Literal["serial", "procedure", "group", "task", "output", "lead", "partners", "deadline", "note"]


class DataFile(BaseModel):
    """A data file: its own description, then its keys (no others)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _described(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise ValueError("the top level must be an object")
        notes = [k for k in ("_comment", "_about", "about") if k in data]
        if len(notes) != 1 or not isinstance(data[notes[0]], str) or not data[notes[0]].strip():
            raise ValueError("the file must say what it is for in one '_comment'")
        return {k: v for k, v in data.items() if k != notes[0]}


class Agencies(DataFile):
    protected_names: Words
    collective_heads: Words
    agency_heads: Words
    not_heads: Words
    collective_starts: Words
    collective_nouns: Words
    split_heads: Words
    request_prefixes: Words
    department_prefixes: Spellings
    department_names: Words
    heads_in_capitals: CaseSpellings
    exact_agencies: CaseSpellings


class Acronyms(DataFile):
    acronyms: Words  # as printed: "CCHC", "VNeID", "TTg"


class Areas(DataFile):
    cchc_markers: Words
    areas: Annotated[list[tuple[Word, Words]], Field(min_length=1)]  # (area, its words)


Period = Literal["daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"]


class Recurrence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    leads: Words  # "định kỳ", "hằng"
    units: dict[Word, Period]  # "quý" -> quarterly
    bare_units: Words
    fixed: dict[Word, Period]  # "tháng cuối kỳ báo cáo" -> quarterly
    continuous: Words  # "thường xuyên"
    continuous_verbs: Words
    numbers: dict[Word, int]  # "hai" -> 2
    tails: Words


class DeadlineWords(DataFile):
    cues: dict[Literal["by", "before", "from", "within"], Words]
    cue_fillers: Words
    weak_cues: Words
    horizon_cues: Words
    recurrence: Recurrence
    open_end: dict[Word, Period | None]
    labels: Words
    recurrence_nouns: Words
    document_nouns: Words


class DocumentTypes(DataFile):
    doc_types: Words
    doc_type_codes: Spellings
    party_doc_type_codes: Spellings
    number_code_case: Spellings
    issuing_verbs: Words
    plan_types: Words  # documents that are plans (also as the title a decision issues)
    subject_line_type: Word  # the type of a document with a "V/v" subject line and no title keyword


class FlatTables(DataFile):
    linking_words: Words
    table_ends: Words


class Indicators(DataFile):
    at_least: Words
    at_most: Words
    target_cues: Words
    count_units: Words
    rate_periods: Words


class Layout(DataFile):
    site_head_end_markers: Words
    site_head_markers: Words
    site_tail_markers: Words
    site_meta_keys: Spellings
    paragraph_starters: Words
    repeated_header_markers: Words
    table_breakers: Words


class LegalBasis(DataFile):
    legal_basis_openers: Words
    legal_basis_openers_with_ref: Words


class Places(DataFile):
    provinces: Words
    local_places: Words
    localities: Annotated[Words, AfterValidator(_upper)]


class Repair(DataFile):
    code_letters: Spellings
    proper_names: Words
    characters: dict[str, str]


class Sections(DataFile):
    body_start: Words
    body_end: Words
    body_end_titles: Words  # close the body only as a title in capitals, never inside a sentence
    inferred_top_titles: list[tuple[Word, Word]]  # (cue pattern, the heading it restores)
    execution_titles: Words
    enactment_titles: Words
    task_list_titles: Words
    task_list_not: Words
    demand_titles: Words
    appendix_titles: Words
    indicator_titles: Words


class Signatures(DataFile):
    signature_prefixes: Words
    representative_prefixes: Annotated[Words, AfterValidator(_upper)]
    name_prefixes: Words
    authority_titles: Annotated[Words, AfterValidator(_upper)]
    stamp_markers: Words
    stamp_fields: dict[StampField, Words]
    surnames: Words  # the commonest first


class TableColumns(DataFile):
    columns: dict[ColumnRole, Words]
    column_priority: Annotated[list[ColumnRole], AfterValidator(_distinct)]
    page_header_words: Words


TaskSource = Literal["tables", "assignments", "attribute items", "attribute siblings", "lists", "requests"]


class Tasks(DataFile):
    source_priority: Annotated[list[TaskSource], Field(min_length=6), AfterValidator(_distinct)]
    attributes: dict[Literal["lead", "partners", "deadline", "output", "text"], Words]
    duty_verbs: Words
    duty_verb_exceptions: Words  # names that hold a duty verb: "Tiểu ban giúp việc", never a duty
    agency_continuations: Words
    request_connectives: Words  # "do vậy" before a request verb ("…, do vậy đề nghị Chủ đầu tư …")
    asked_verbs: Words  # what a request asks, ending its addressee ("Đề nghị Chủ đầu tư| tổ chức …")
    closing_openers: Words  # a letter's closing formula ("Trên đây là …"), which asks for nothing new


class TitleCase(DataFile):
    proper_phrases: CaseSpellings
    law_name_stop_words: Words


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: Word
    severity: Literal["error", "warning", "info"]
    message: Word
    checks: Word


class Validate(DataFile):
    rules: Annotated[list[Rule], Field(min_length=1)]
    required_parts: dict[Word, Words]
    required_areas: Words
    letter_order: Word


# every JSON data file, by name; None: a model file, not vocabulary, checked by its own loader
SCHEMAS: dict[str, type[DataFile] | None] = {
    "acronyms.json": Acronyms,
    "agencies.json": Agencies,
    "areas.json": Areas,
    "deadline_words.json": DeadlineWords,
    "document_types.json": DocumentTypes,
    "flat_tables.json": FlatTables,
    "indicators.json": Indicators,
    "layout.json": Layout,
    "legal_basis.json": LegalBasis,
    "places.json": Places,
    "repair.json": Repair,
    "sections.json": Sections,
    "signatures.json": Signatures,
    "table_columns.json": TableColumns,
    "tasks.json": Tasks,
    "title_case.json": TitleCase,
    "validate.json": Validate,
    "legacy_tcvn3.json": None,  # normalize/legacy_tables.py validates the conversion tables
    "legacy_vni.json": None,
    "ocr_channel.json": None,  # repair/channel.py: the OCR channel model
    "repair_candidates.json": None,  # repair/corrector.py: made by scripts/build_candidate_table.py
}
