"""The previs painter's box: colours as RGB tuples, mixes, shades and the house font.

Colour mixing here is plain sRGB interpolation: previs needs fast, stable
tints of the bible's colours, not colour science (that lives in tools/style).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import matplotlib
from PIL import ImageFont

RGB = tuple[int, int, int]

FONT_PATH = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
FONT_BOLD_PATH = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"


def rgb(hex_color: str) -> RGB:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(color: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """a at t=0, b at t=1."""
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))  # type: ignore[return-value]


def shade(color: RGB, factor: float) -> RGB:
    """Darker (<1) or lighter (>1) without leaving 0..255."""
    if factor <= 1:
        return tuple(int(c * factor) for c in color)  # type: ignore[return-value]
    return mix(color, (255, 255, 255), min(1.0, factor - 1))


def luma(color: RGB) -> float:
    return (0.2126 * color[0] + 0.7152 * color[1] + 0.0722 * color[2]) / 255


def alpha(color: RGB, a: float) -> tuple[int, int, int, int]:
    return (*color, int(round(255 * max(0.0, min(1.0, a)))))


def stable_int(*parts: object) -> int:
    """A seed from names: the same scene or character always gets the same number."""
    digest = hashlib.sha256("\x00".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_BOLD_PATH if bold else FONT_PATH), max(6, int(size)))


def fit_font(text: str, max_width: float, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The largest font up to size that fits text in max_width."""
    while size > 7 and font(size, bold).getlength(text) > max_width:
        size -= 1
    return font(size, bold)
