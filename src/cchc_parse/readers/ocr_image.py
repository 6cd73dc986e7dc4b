"""The page image Tesseract reads: grey, without the coloured ink of seals and signatures.

A signed scan carries the body's red seal and the signer's blue signature over the signer's title and
name; in grey they are as dark as the print and Tesseract reads the name under them as noise or not at all
("Hoàng Văn Thuân" lost under the seal of 31.3.2026_BB_kiemtra). Printed text is black or grey: its
channels are alike. A pixel whose channels differ by more than INK_CHROMA is coloured ink and becomes
white paper, so only the print is left (administrative documents are printed in black: a heading printed
in colour would be lost, a red "DỰ THẢO" or "KHẨN" mark goes too).
"""

from __future__ import annotations

from PIL import Image

__all__ = ["INK_CHROMA", "without_coloured_ink"]

INK_CHROMA = 60  # a pixel whose brightest and darkest channels differ by more (0-255) is coloured ink


def without_coloured_ink(image: Image.Image) -> Image.Image:
    """``image`` (RGB) in grey, its coloured pixels made white."""
    import numpy as np  # only pages read by OCR pay for importing it

    red, green, blue = (np.asarray(band) for band in image.convert("RGB").split())
    # elementwise over the bands (a reduction over a last axis of 3 is ten times slower); uint8, and the
    # brightest band is never below the darkest: no wrap-around
    chroma = np.maximum(np.maximum(red, green), blue) - np.minimum(np.minimum(red, green), blue)
    grey = np.array(image.convert("L"))
    grey[chroma > INK_CHROMA] = 255
    out = Image.fromarray(grey)
    out.info = dict(image.info)
    return out
