"""The options that say how a document is read, as one object every command and the batch workers share.

>>> ParseOptions(ocr="never", repair="always").repair
'always'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cchc_parse.progress import Progress

# when a step runs: "auto" where it is needed, "always", "never" (--ocr, --repair)
Mode = Literal["auto", "always", "never"]
MODES: tuple[Mode, ...] = ("auto", "always", "never")
MAX_PDF_PAGES = 2000  # a longer PDF is refused: the hostile-input bound of the PDF reader


@dataclass(frozen=True)
class ParseOptions:
    """``ocr``: when PDF pages are read by OCR (auto: pages without a usable text layer); ``repair``: where
    lost diacritics are repaired (auto: OCR'd pages and Vietnamese text without marks); ``jobs``: PDF pages
    OCR reads at the same time; ``max_pages``: the longest PDF read; ``progress`` hears how long work gets
    on (it is no part of an option's identity: equal options differ only in what they say to whom)."""

    ocr: Mode = "auto"
    repair: Mode = "auto"
    jobs: int = 1
    max_pages: int = MAX_PDF_PAGES
    progress: Progress | None = field(default=None, compare=False, hash=False, repr=False)

    @property
    def key(self) -> str:
        """What the output depends on, as a short digest (``source.options_key``; batch's resume key with the
        input's SHA-256 and the tool version): the modes and the page limit, not ``jobs`` or ``progress``."""
        import hashlib

        identity = f"ocr={self.ocr};repair={self.repair};max_pages={self.max_pages}"
        return hashlib.sha256(identity.encode("ascii")).hexdigest()[:16]

    def __post_init__(self) -> None:
        if self.ocr not in MODES or self.repair not in MODES:
            raise ValueError(f"ocr and repair must be one of {', '.join(MODES)}")
        if self.jobs < 1 or self.max_pages < 1:
            raise ValueError("jobs and max_pages must be at least 1")
