"""Style comparisons for the style gate: one key shot in every candidate look, and a sheet of them all."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image, ImageDraw

from graph.state import CharacterProfile, Scene, Shot, StyleBible
from tools.atomic import write_bytes
from tools.errors import BadInput
from tools.previs.paint import fit_font
from tools.previs.render import render_frame
from tools.style.files import png_bytes

SHEET_LABEL = 44


def render_comparison(candidates: list[StyleBible], shot: Shot, scene: Scene, cast: list[CharacterProfile],
                      out_folder: Path, size: tuple[int, int] = (1280, 720)) -> list[Path]:
    """Render the same shot in each candidate style, plus a side-by-side sheet; returns the paths (sheet last)."""
    if not candidates:
        raise BadInput("no style candidates to compare")
    out_folder = Path(out_folder)
    # Looks from an earlier proposal must not sit beside the new ones at the gate.
    for stale in out_folder.glob("[0-9]*-*.png"):
        stale.unlink(missing_ok=True)
    paths: list[Path] = []
    frames: list[Image.Image] = []
    for index, style in enumerate(candidates):
        frame = render_frame(shot, scene, style, cast, size=size).image
        frames.append(frame)
        paths.append(write_bytes(out_folder / f"{index}-{_slug(style.name)}.png", png_bytes(frame)))
    paths.append(write_bytes(out_folder / "sheet.png", png_bytes(comparison_sheet(frames, candidates))))
    return paths


def comparison_sheet(frames: list[Image.Image], candidates: list[StyleBible]) -> Image.Image:
    """Frames side by side (wide frames stacked in a grid of up to three across), each captioned."""
    across = min(3, len(frames))
    rows = -(-len(frames) // across)
    thumb_w = 640 if frames[0].width >= frames[0].height else 360
    thumb_h = round(frames[0].height * thumb_w / frames[0].width)
    sheet = Image.new("RGB", (across * thumb_w, rows * (thumb_h + SHEET_LABEL)), (24, 24, 28))
    draw = ImageDraw.Draw(sheet)
    for index, (frame, style) in enumerate(zip(frames, candidates)):
        x, y = (index % across) * thumb_w, (index // across) * (thumb_h + SHEET_LABEL)
        sheet.paste(frame.resize((thumb_w, thumb_h), Image.LANCZOS), (x, y + SHEET_LABEL))
        label = f"{index}: {style.name} · {style.harmony} · {style.lighting.replace('_', ' ')}"
        draw.text((x + 10, y + 10), label, font=fit_font(label, thumb_w - 20, 20, bold=True), fill=(240, 240, 235))
        for k, color in enumerate(style.palette):
            draw.rectangle([x + thumb_w - 12 - (len(style.palette) - k) * 14, y + SHEET_LABEL - 10,
                            x + thumb_w - 12 - (len(style.palette) - k - 1) * 14 - 2, y + SHEET_LABEL - 2], fill=color.hex)
    return sheet


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "style"
