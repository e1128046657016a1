"""Subtitles: the .srt file beside the film and the lines burned into dialogue shots."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw

from graph.state import Cut
from tools.atomic import write_bytes, write_text
from tools.timeline.cards import font


def _stamp(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def write_srt(cuts: list[Cut], path: Path) -> Path:
    """SubRip subtitles: one cue per cut that carries dialogue, timed to the cut."""
    cues = []
    for cut in cuts:
        if not (cut.dialogue and cut.dialogue.strip()):
            continue
        start, end = cut.record_in_s, cut.record_in_s + cut.duration_s
        text = "\n".join(line.strip() for line in cut.dialogue.strip().splitlines() if line.strip())
        cues.append(f"{len(cues) + 1}\n{_stamp(start)} --> {_stamp(end)}\n{text}\n")  # a blank line would end the cue
    return write_text(path, "\n".join(cues))


def _wrap(text: str, width_chars: int) -> list[str]:
    lines = []
    for line in text.strip().splitlines():
        lines.extend(textwrap.wrap(line, width_chars) or [""])
    return lines[:4]  # more than four lines covers the picture; the .srt keeps the full text


def subtitle_png(text: str, size: tuple[int, int]) -> bytes:
    """A transparent frame-sized PNG with the dialogue set low in frame, outlined for any picture."""
    w, h = int(size[0]), int(size[1])
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    px = max(12, int(min(w, h) * 0.05))
    face = font(px)
    lines = _wrap(text, max(16, int(w * 0.8 / (px * 0.55))))
    step = int(px * 1.3)
    y = h - int(h * 0.07) - step * len(lines)
    for line in lines:
        draw.text((w // 2, y), line, font=face, fill=(255, 255, 255, 255), anchor="mt",
                  stroke_width=max(1, px // 12), stroke_fill=(0, 0, 0, 230))
        y += step
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def write_subtitle_png(text: str, size: tuple[int, int], path: Path) -> Path:
    return write_bytes(path, subtitle_png(text, size))
