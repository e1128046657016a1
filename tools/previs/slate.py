"""The slate strip under each frame: what a storyboard panel's caption carries.

Scene and shot, size, angle, camera move with an arrow glyph, lens and
duration, so a frame read alone still says how it is shot.
"""

from __future__ import annotations

from PIL import ImageDraw

from graph.state import Shot
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


def slate_text(shot: Shot, compact: bool = False) -> str:
    move = f"{MOVE_GLYPHS.get(shot.movement, '')} {shot.movement.replace('_', ' ')}"
    angle = shot.angle.replace("_", " ")
    if compact:
        return f"{shot.id}  {shot.size}  {angle}  {move}  {shot.lens_mm}mm  {shot.duration_s:.1f}s"
    return (f"SC {shot.scene}  ·  SHOT {shot.id}  │  {shot.size}  │  {angle}  │  {move}  │  "
            f"{shot.lens_mm} mm  │  {shot.duration_s:.1f} s")


def draw_slate(draw: ImageDraw.ImageDraw, shot: Shot, width: int, height: int, shadow: RGB, highlight: RGB) -> None:
    strip = slate_height(width, height)
    top = height - strip
    draw.rectangle([0, top, width, height], fill=alpha(mix(shadow, (8, 8, 10), 0.5), 0.88))
    text = slate_text(shot, compact=width < 1000)
    typeface = fit_font(text, width - 24, int(strip * 0.52))
    ink = mix(highlight, (245, 245, 240), 0.6)
    draw.text((12, top + (strip - typeface.size) / 2 - 1), text, font=typeface, fill=ink)
