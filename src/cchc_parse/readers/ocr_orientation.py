"""Pages scanned sideways or upside down: turned upright before their words are kept.

A landscape page (a task table across the sheet) is often scanned as a portrait image, its lines running
down the page; Tesseract then reads nonsense ("0} “uEp 1on8u ủA 2ñqd"), which scores low as Vietnamese.
Only such a page pays for more: Tesseract's orientation detection (``--psm 0 -l osd``) runs on the image
at half its resolution, and where it says with some confidence that the page is turned, the turned image is
read again and kept if it reads better. A page that reads well is never looked at again.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PIL import Image

__all__ = ["SIDEWAYS_QUALITY", "read_upright"]

SIDEWAYS_QUALITY = 0.5  # a page's words scoring below this as Vietnamese may be turned
OSD_CONFIDENCE = 3.0  # Tesseract's orientation confidence a turn needs
OSD_SCALE = 2  # the orientation is detected on the image this many times smaller
# Tesseract's answer: "Rotate: 90" (degrees clockwise that make the page upright) and its confidence.
ROTATE = re.compile(r"^Rotate:\s*(?P<degrees>\d+)\s*$", re.MULTILINE)
CONFIDENCE = re.compile(r"^Orientation confidence:\s*(?P<value>[\d.]+)\s*$", re.MULTILINE)


def read_upright(
    image: Image.Image,
    read: Callable[[Image.Image], str],
    detect: Callable[[Image.Image], str | None],
    quality: Callable[[str], float],
) -> tuple[Image.Image, str]:
    """The page image upright and what ``read`` (Tesseract's TSV run) makes of it. ``detect`` runs the
    orientation detection (its output, None when it fails); ``quality`` scores a reading (0-1)."""
    reading = read(image)
    score = quality(reading)
    if score >= SIDEWAYS_QUALITY:
        return image, reading
    small = image.resize((max(1, image.width // OSD_SCALE), max(1, image.height // OSD_SCALE)))
    small.info = {**image.info, "dpi": _scaled_dpi(image, OSD_SCALE)}
    degrees = clockwise_turn(detect(small))
    if not degrees:
        return image, reading
    turned = image.rotate(-degrees, expand=True)  # PIL turns counter-clockwise
    turned.info = dict(image.info)
    again = read(turned)
    return (turned, again) if quality(again) > score else (image, reading)


def clockwise_turn(osd: str | None) -> int:
    """The turn (90, 180 or 270 degrees clockwise) Tesseract's orientation output asks for with enough
    confidence; 0 for none."""
    if not osd:
        return 0
    rotate, confidence = ROTATE.search(osd), CONFIDENCE.search(osd)
    if rotate is None or confidence is None or float(confidence["value"]) < OSD_CONFIDENCE:
        return 0
    degrees = int(rotate["degrees"]) % 360
    return degrees if degrees in (90, 180, 270) else 0


def _scaled_dpi(image: Image.Image, scale: int) -> tuple[float, float]:
    dpi = image.info.get("dpi")
    if isinstance(dpi, tuple) and len(dpi) == 2:
        return (float(dpi[0]) / scale, float(dpi[1]) / scale)
    return (300.0 / scale, 300.0 / scale)
