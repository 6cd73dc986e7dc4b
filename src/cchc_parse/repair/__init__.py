"""Repair of Vietnamese diacritics and letters that OCR lost or garbled ("cong tic cai cach" → "công tác
cải cách"), by a noisy-channel corrector (:mod:`cchc_parse.repair.corrector`).

``repair_text`` repairs any text; ``repair_document`` repairs a reader's document where it needs it
(mode "auto": OCR'd pages, and stretches of Vietnamese that lost their marks), everywhere ("always"), or
nowhere ("never").
"""

from __future__ import annotations

from functools import cache

from cchc_parse.options import Mode
from cchc_parse.repair.corrector import Corrector, RepairStats

__all__ = ["RepairMode", "RepairStats", "corrector", "repair_text"]

RepairMode = Mode  # --repair: auto, always, never


@cache
def corrector() -> Corrector:
    """The corrector with the packaged model and its syllable index, loaded on first use (a fifth of a
    second or so) and kept."""
    return Corrector.load()


def repair_text(text: str) -> RepairStats:
    """Repair ``text`` (same line structure); the kind of OCR (with or without the Vietnamese model) is
    told from the share of words bearing marks, and text that already has them changes only where the
    language model is sure."""
    return corrector().repair_with_stats(text)
