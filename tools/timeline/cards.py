"""Title and end cards: the film's name and credits set in the style's colours.

DejaVu Sans ships with matplotlib, so cards look the same on every machine
with no font installed.
"""

from __future__ import annotations

import io
import textwrap
import threading
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tools.atomic import write_bytes
from tools.errors import BadInput

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
DEFAULT_COLORS = {"background": "#111318", "text": "#f1ede4", "accent": "#d4a24c"}


def font(px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans at a pixel size (one face per thread: FreeType faces are not thread-safe,
    and the assembler sets subtitles on two threads at once)."""
    return _face(int(px), bool(bold), threading.get_ident())


@lru_cache(maxsize=128)
def _face(px: int, bold: bool, _thread: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), px)


def _rgb(value: str, fallback: str) -> tuple[int, int, int]:
    text = (value or fallback).lstrip("#")
    if len(text) != 6:
        text = fallback.lstrip("#")
    try:
        return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return tuple(int(fallback.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


# WCAG 2 contrast floors: body text must reach 4.5:1 on its background, a
# graphic such as the accent rule 3:1. The title aims higher so it still reads
# after video compression softens the letter edges.
TEXT_CONTRAST, TITLE_CONTRAST, RULE_CONTRAST = 4.5, 7.0, 3.0
# The card's vertical falloff: the top is lifted, the bottom darkened (see render_card).
SHADE_TOP, SHADE_BOTTOM = 1.12, 0.78


def relative_luminance(color: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour, 0 (black) .. 1 (white)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(v)) for v in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio between two sRGB colours, 1 .. 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(color: tuple[int, int, int], backgrounds: list[tuple[int, int, int]],
                floor: float) -> tuple[int, int, int]:
    """The colour, lightened or darkened in OKLCh (hue kept) until it clears floor on every background.

    The palette's highlight stays the highlight: only its lightness moves, and
    only as far as legibility needs, so a gold title stays gold.
    """
    if min(contrast_ratio(color, bg) for bg in backgrounds) >= floor:
        return color
    from coloraide import Color  # a main dependency; imported here so cards stay quick to import

    lightness, chroma, hue = Color("srgb", [v / 255 for v in color]).convert("oklch").coords(nans=False)
    # Lighten on a dark ground, darken on a light one: whichever way can reach the floor further.
    dark_ground = (min(contrast_ratio((255, 255, 255), bg) for bg in backgrounds)
                   >= min(contrast_ratio((0, 0, 0), bg) for bg in backgrounds))
    candidate = color
    for step in range(1, 41):
        target = lightness + (1 - lightness) * step / 40 if dark_ground else lightness * (1 - step / 40)
        fitted = Color("oklch", [target, chroma * (1 - step / 60), hue]).convert("srgb").fit(method="raytrace")
        candidate = tuple(int(round(min(1.0, max(0.0, v)) * 255)) for v in fitted.coords(nans=False))
        if min(contrast_ratio(candidate, bg) for bg in backgrounds) >= floor:
            return candidate  # type: ignore[return-value]
    return (255, 255, 255) if dark_ground else (0, 0, 0)


def card_colors(style_colors: dict) -> dict[str, tuple[int, int, int]]:
    """Background, text and accent from a style's colours, accepting palette role names too.

    Set as a title designer would with a locked palette: the highlight on the
    shadow with the accent as the rule; then the text and rule are nudged in
    lightness (hue kept) until they read against every part of the graded
    background (WCAG 4.5:1 for text, 7:1 aimed for the title, 3:1 for the rule).
    """
    pick = lambda *roles: next((style_colors[r] for r in roles if style_colors.get(r)), None)  # noqa: E731
    background = _rgb(pick("background", "shadow", "ground"), DEFAULT_COLORS["background"])
    grounds = [card_shade(background, SHADE_TOP), card_shade(background, SHADE_BOTTOM)]
    text = readable_on(_rgb(pick("text", "highlight", "sky"), DEFAULT_COLORS["text"]), grounds, TITLE_CONTRAST)
    if min(contrast_ratio(text, g) for g in grounds) < TEXT_CONTRAST:
        text = readable_on(text, grounds, TEXT_CONTRAST)
    accent = readable_on(_rgb(pick("accent", "key"), DEFAULT_COLORS["accent"]), grounds, RULE_CONTRAST)
    return {"background": background, "text": text, "accent": accent}


def card_shade(background: tuple[int, int, int], shade: float) -> tuple[int, int, int]:
    """The background at one point of the card's falloff (shade 1.12 at the top .. 0.78 at the bottom)."""
    return tuple(int(min(255.0, max(0.0, v * shade + 6 * (shade - SHADE_BOTTOM)))) for v in background)  # type: ignore[return-value]


def _fit(draw: ImageDraw.ImageDraw, text: str, px: int, bold: bool, max_w: int) -> ImageFont.FreeTypeFont:
    """Largest font no bigger than px that sets text within max_w."""
    while px > 10:
        face = font(px, bold)
        if draw.textlength(text, font=face) <= max_w:
            return face
        px = int(px * 0.9)
    return font(10, bold)


def _set_title(draw: ImageDraw.ImageDraw, text: str, px: int, max_w: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The title's face and lines: one line while it fits at a readable size, else up to three."""
    floor = max(10, px // 3)
    size = px
    while True:
        face = font(size, True)
        for count in (1, 2, 3):
            width = max(1, -(-len(text) // count) + 2)
            lines = textwrap.wrap(text, width) or [text]
            if len(lines) <= count and all(draw.textlength(line, font=face) <= max_w for line in lines):
                return face, lines
        if size <= floor:
            return face, textwrap.wrap(text, max(1, -(-len(text) // 3) + 2))[:3]
        size = max(floor, int(size * 0.9))


def render_card(text_lines: list[str], size: tuple[int, int], style_colors: dict, out_png: Path) -> Path:
    """A card PNG: first line as the title, the rest as smaller lines under an accent rule."""
    lines = [line.strip() for line in text_lines if line and line.strip()]
    if not lines:
        raise BadInput("a card needs at least one line of text")
    w, h = int(size[0]), int(size[1])
    colors = card_colors(style_colors)
    # A soft vertical falloff reads as a lit card rather than a flat fill.
    bg = np.array(colors["background"], dtype=np.float32)
    shade = np.linspace(SHADE_TOP, SHADE_BOTTOM, h, dtype=np.float32)[:, None, None]
    lift = np.clip(bg * shade + 6 * (shade - SHADE_BOTTOM), 0, 255).astype(np.uint8)
    image = Image.fromarray(np.broadcast_to(lift, (h, w, 3)).copy())
    draw = ImageDraw.Draw(image)

    unit = min(w, h)
    margin = int(w * 0.1)
    # Short titles read as a title in capitals; a long one stays as written to stay legible.
    title_text = lines[0].upper() if len(lines[0]) < 40 else lines[0]
    title, title_lines = _set_title(draw, title_text, int(unit * 0.11), w - 2 * margin)
    subs = [_fit(draw, line, int(unit * 0.045), False, w - 2 * margin) for line in lines[1:]]
    line_h = int(title.size * 1.15)
    title_h = line_h * (len(title_lines) - 1) + title.getbbox("HQ")[3]
    gap = int(unit * 0.05)
    block = title_h + (gap + sum(int(f.size * 1.5) for f in subs) if subs else 0)
    y = (h - block) // 2
    for i, line in enumerate(title_lines):
        draw.text((w // 2, y + i * line_h), line, font=title, fill=colors["text"], anchor="mt")
    y += title_h + gap // 2
    if subs:
        rule_w = int(w * 0.12)
        draw.rectangle((w // 2 - rule_w // 2, y, w // 2 + rule_w // 2, y + max(2, unit // 180)), fill=colors["accent"])
        y += gap // 2 + max(2, unit // 180)
        for face, line in zip(subs, lines[1:]):
            draw.text((w // 2, y), line, font=face, fill=colors["text"], anchor="mt")
            y += int(face.size * 1.5)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return write_bytes(out_png, buffer.getvalue())
