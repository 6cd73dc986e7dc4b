"""Pages scanned sideways or upside down, turned upright (readers/ocr_orientation.py), with stand-ins for
Tesseract's reading and orientation detection."""

from __future__ import annotations

import pytest
from PIL import Image

from cchc_parse.readers.ocr_orientation import clockwise_turn, read_upright

OSD = "Page number: 0\nOrientation in degrees: {o}\nRotate: {r}\nOrientation confidence: {c}\nScript: Latin\n"


@pytest.mark.parametrize(
    ("osd", "turn"),
    [
        (OSD.format(o=270, r=90, c=17.15), 90),  # Tesseract 5 on a page turned a quarter counter-clockwise
        (OSD.format(o=90, r=270, c=14.41), 270),
        (OSD.format(o=180, r=180, c=2.28), 0),  # too little confidence: an upright page at 100 dpi
        (OSD.format(o=0, r=0, c=14.57), 0),
        ("", 0),
        (None, 0),
    ],
)
def test_clockwise_turn(osd: str | None, turn: int) -> None:
    assert clockwise_turn(osd) == turn


def wide_reads_well(image: Image.Image) -> str:
    """A stand-in reading: a landscape image reads as Vietnamese, a portrait one as nonsense."""
    return "good" if image.width > image.height else "bad"


def score(reading: str) -> float:
    return {"good": 0.95, "bad": 0.1}[reading]


def test_a_sideways_page_is_read_again_turned() -> None:
    detected: list[tuple[int, int]] = []

    def detect(image: Image.Image) -> str:
        detected.append(image.size)
        return OSD.format(o=270, r=90, c=12.0)

    portrait = Image.new("L", (200, 300), 255)
    portrait.info["dpi"] = (300, 300)
    image, reading = read_upright(portrait, wide_reads_well, detect, score)
    assert (image.size, reading, image.info["dpi"]) == ((300, 200), "good", (300, 300))
    assert detected == [(100, 150)]  # on the image at half its resolution


def test_a_page_that_reads_well_is_never_looked_at_again() -> None:
    def detect(image: Image.Image) -> str:
        raise AssertionError("no orientation detection for a page that reads well")

    landscape = Image.new("L", (300, 200), 255)
    assert read_upright(landscape, wide_reads_well, detect, score) == (landscape, "good")


def test_a_turn_that_reads_no_better_is_not_kept() -> None:
    portrait = Image.new("L", (200, 300), 255)
    image, reading = read_upright(
        portrait, lambda image: "bad", lambda image: OSD.format(o=0, r=180, c=9), score
    )
    assert (image, reading) == (portrait, "bad")
    assert read_upright(portrait, lambda image: "bad", lambda image: None, score) == (portrait, "bad")
