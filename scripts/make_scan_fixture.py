"""Make tests/fixtures/pdf/QD-3350-scan-table.pdf: a 'scan' of pages 1 and 13 of the LibreOffice print of
seed 001 (the header, and the first page of its ruled 7-column task table), rendered at 200 dpi in grey and
saved as JPEG pages (quality 60) without a text layer.

Usage: python scripts/make_scan_fixture.py
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "fixtures" / "pdf" / "QD-3350-QD-UBND-26-12-2025-libreoffice.pdf"
TARGET = ROOT / "tests" / "fixtures" / "pdf" / "QD-3350-scan-table.pdf"
PAGES = [0, 12]
DPI = 200


def main() -> None:
    source = pdfium.PdfDocument(str(SOURCE))
    images = [source[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L") for i in PAGES]
    images[0].save(TARGET, save_all=True, append_images=images[1:], resolution=DPI, quality=60)
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
