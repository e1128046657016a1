"""The slate: what a storyboard panel's caption carries, never burned into the film.

Scene and shot, size, angle, camera move with an arrow glyph, lens and
duration, so a frame read alone still says how it is shot. It is printed under
the storyboard PDF's panels and the contact sheets, written into the
timeline's clip metadata and markers, and drawn only on request over a copy
of a finished cut (`filmcrew render --slate` -> edit/slated/<version>.mp4):
after the camera move, with the cut's real duration, inside the picture (a
vertical cut's padded fill is left alone).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image, ImageDraw

from graph.state import Cut, Shot
from tools.previs.paint import RGB, alpha, fit_font, mix

# DejaVu Sans carries every glyph here (checked against the font's cmap).
MOVE_GLYPHS = {
    "static": "■", "pan_left": "←", "pan_right": "→", "tilt_up": "↑", "tilt_down": "↓",
    "dolly_in": "⇲", "dolly_out": "⇱", "truck_left": "⇠", "truck_right": "⇢",
    "pedestal_up": "⇡", "pedestal_down": "⇣", "crane_up": "⇡⇡", "crane_down": "⇣⇣",
    "arc_left": "↶", "arc_right": "↷", "zoom_in": "⊕", "zoom_out": "⊖", "dolly_zoom": "⇲⊖",
    "handheld": "≈",
}


def slate_height(width: int, height: int) -> int:
    # by the short side, so a vertical frame's slate is no taller than a wide one's
    return max(26, int(min(width, height) * 0.055))


def slate_text(shot: Shot, compact: bool = False, duration_s: float | None = None) -> str:
    """The slate's words; duration_s is the cut's real length when the shot is in an edit."""
    seconds = shot.duration_s if duration_s is None else duration_s
    move = f"{MOVE_GLYPHS.get(shot.movement, '')} {shot.movement.replace('_', ' ')}"
    angle = shot.angle.replace("_", " ")
    if compact:
        return f"{shot.id}  {shot.size}  {angle}  {move}  {shot.lens_mm}mm  {seconds:.1f}s"
    return (f"SC {shot.scene}  ·  SHOT {shot.id}  │  {shot.size}  │  {angle}  │  {move}  │  "
            f"{shot.lens_mm} mm  │  {seconds:.1f} s")


def draw_slate(draw: ImageDraw.ImageDraw, shot: Shot, width: int, height: int, shadow: RGB, highlight: RGB,
               duration_s: float | None = None, bottom: int | None = None) -> None:
    """The strip along the bottom of the picture (bottom: the picture's last row, default the frame's)."""
    strip = slate_height(width, height)
    height = height if bottom is None else max(strip, min(height, bottom))
    top = height - strip
    draw.rectangle([0, top, width, height], fill=alpha(mix(shadow, (8, 8, 10), 0.5), 0.88))
    text = slate_text(shot, compact=width < 1000, duration_s=duration_s)
    typeface = fit_font(text, width - 24, int(strip * 0.52))
    ink = mix(highlight, (245, 245, 240), 0.6)
    draw.text((12, top + (strip - typeface.size) / 2 - 1), text, font=typeface, fill=ink)


SHADOW: RGB = (20, 20, 24)
INK: RGB = (235, 235, 228)


def slate_png(shot: Shot, size: tuple[int, int], duration_s: float, bottom: int | None = None) -> bytes:
    """A transparent overlay of the slate for one cut."""
    width, height = size
    overlay = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw_slate(ImageDraw.Draw(overlay, "RGBA"), shot, width, height, SHADOW, INK, duration_s, bottom)
    buffer = io.BytesIO()
    overlay.save(buffer, format="PNG")
    return buffer.getvalue()


def slate_film(film: Path, cuts: list[Cut], shots: dict[str, Shot], out: Path, size: tuple[int, int],
               bottoms: dict[str, int] | None = None, fps: int = 24) -> Path:
    """A copy of a finished cut with each shot's slate over its own stretch of the picture.

    Drawn over the film, so after every camera move; each slate says the cut's own length.
    bottoms: per shot id, the last row of the picture (a vertical cut's fill lies below).
    Cards (title, end) get none.
    """
    from tools.motion.encode import run_ffmpeg, scratch_path, x264_args

    out.parent.mkdir(parents=True, exist_ok=True)
    inputs, chain, last = ["-i", str(film)], [], "0:v"
    pngs = []
    try:
        for cut in cuts:
            shot = shots.get(cut.shot_id)
            if shot is None:
                continue
            png = scratch_path(out.with_name(f"slate-{len(pngs)}.png"))
            png.write_bytes(slate_png(shot, size, cut.duration_s, (bottoms or {}).get(cut.shot_id)))
            pngs.append(png)
            inputs += ["-i", str(png)]
            start, end = cut.record_in_s, cut.record_in_s + cut.duration_s
            label = f"v{len(pngs)}"
            chain.append(f"[{last}][{len(pngs)}:v]overlay=0:0:enable='gte(t,{start:.4f})*lt(t,{end:.4f})'[{label}]")
            last = label
        tmp = scratch_path(out)
        if not chain:
            raise ValueError("the cut has no shots to slate")
        try:
            run_ffmpeg([*inputs, "-filter_complex", ";".join(chain) + f";[{last}]format=yuv420p[out]",
                        "-map", "[out]", "-map", "0:a?", *[a for a in x264_args(fps) if a != "-an"], "-c:a", "copy",
                        "-f", "mp4", str(tmp)],
                       f"the slated copy {out.name}")
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        for png in pngs:
            png.unlink(missing_ok=True)
    return out
