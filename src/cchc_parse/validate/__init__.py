"""Validation of plan documents: rules with stable codes (``data/validate.json``), findings, reports.

>>> from cchc_parse.validate import validate_file
>>> result = validate_file("plan.txt")  # doctest: +SKIP
>>> [(f.line, f.code, f.severity) for f in result.findings]  # doctest: +SKIP
"""

from __future__ import annotations

from cchc_parse.validate.catalog import Rule, resolve_codes, rule_table
from cchc_parse.validate.engine import validate_document, validate_file, validate_files
from cchc_parse.validate.findings import FileResult, Finding, Severity, exit_code

__all__ = [
    "FileResult",
    "Finding",
    "Rule",
    "Severity",
    "exit_code",
    "resolve_codes",
    "rule_table",
    "validate_document",
    "validate_file",
    "validate_files",
]
