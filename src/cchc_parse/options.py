"""The options that say how a document is read, as one object every command and the batch workers share.

>>> ParseOptions(ocr="never", repair="always").repair
'always'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Mode = Literal["auto", "always", "never"]
MODES: tuple[Mode, ...] = ("auto", "always", "never")


@dataclass(frozen=True)
class ParseOptions:
    """``ocr``: when PDF pages are read by OCR (auto: pages without a usable text layer); ``repair``: where
    lost diacritics are repaired (auto: OCR'd pages and Vietnamese text without marks); ``jobs``: PDF pages
    OCR reads at the same time."""

    ocr: Mode = "auto"
    repair: Mode = "auto"
    jobs: int = 1

    def __post_init__(self) -> None:
        if self.ocr not in MODES or self.repair not in MODES:
            raise ValueError(f"ocr and repair must be one of {', '.join(MODES)}")
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")
