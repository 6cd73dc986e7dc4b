"""What validation reports: findings (path, line, code, severity, message) and how they add up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    """One problem in one file, at a source line and column (1-based; line 1 when the problem has no place
    of its own) and, in a paged document, a page."""

    path: str
    line: int
    code: str
    severity: Severity
    message: str
    column: int = 1
    page: int | None = None

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "page": self.page,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


@dataclass(frozen=True)
class FileResult:
    """The findings of one file, sorted by line and code."""

    path: str
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    def failed(self, *, strict: bool = False) -> bool:
        """Errors fail a file; with ``strict`` warnings do too."""
        return self.errors > 0 or (strict and self.warnings > 0)

    def summary(self, *, strict: bool = False) -> dict[str, str | int]:
        return {
            "path": self.path,
            "errors": self.errors,
            "warnings": self.warnings,
            "status": "failed" if self.failed(strict=strict) else "passed",
        }


def file_result(path: str, findings: Iterable[Finding]) -> FileResult:
    return FileResult(path, tuple(sorted(findings, key=lambda f: (f.line, f.column, f.code))))


def exit_code(results: Iterable[FileResult], *, strict: bool = False) -> int:
    """1 when any file failed (errors, or warnings with ``strict``), else 0."""
    return 1 if any(r.failed(strict=strict) for r in results) else 0
