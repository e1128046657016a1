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


def card_colors(style_colors: dict) -> dict[str, tuple[int, int, int]]:
    """Background, text and accent from a style's colours, accepting palette role names too."""
    pick = lambda *roles: next((style_colors[r] for r in roles if style_colors.get(r)), None)  # noqa: E731
    return {
        "background": _rgb(pick("background", "shadow", "ground"), DEFAULT_COLORS["background"]),
        "text": _rgb(pick("text", "highlight", "sky"), DEFAULT_COLORS["text"]),
        "accent": _rgb(pick("accent", "key"), DEFAULT_COLORS["accent"]),
    }


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
    shade = np.linspace(1.12, 0.78, h, dtype=np.float32)[:, None, None]
    lift = np.clip(bg * shade + 6 * (shade - 0.78), 0, 255).astype(np.uint8)
    image = Image.fromarray(np.broadcast_to(lift, (h, w, 3)).copy(), "RGB")
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
