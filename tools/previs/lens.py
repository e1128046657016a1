"""What the camera body does to the whole picture: keystone for a tilted camera, roll for a dutch angle.

Looking up (low angle), verticals converge toward the top and what is near
the lens (the bottom of frame) looms; looking down, they converge toward the
bottom. A keystone warp of the composed frame gives exactly that cue, without
empty corners: the frame's edge rows are never pulled inward past the frame.
Boxes go through the same maps so they still say where each character is.
"""

from __future__ import annotations

import math

from PIL import Image

# Fraction of the frame width each side of the narrow edge is pulled in.
KEYSTONE = {"low": 0.07, "worms_eye": 0.12, "high": -0.07}
DUTCH_FILL = 1.24  # enlarge after the roll so no empty corners show

Box = tuple[float, float, float, float]


def _source_span(k: float, t: float, width: int) -> tuple[float, float]:
    """Source x range shown on output row t (0 top .. 1 bottom)."""
    inset = (k * t if k > 0 else -k * (1 - t)) * width
    return inset, width - inset


def keystone(image: Image.Image, boxes: dict[str, Box], angle: str) -> tuple[Image.Image, dict[str, Box]]:
    k = KEYSTONE.get(angle, 0.0)
    if not k:
        return image, boxes
    width, height = image.size
    top = _source_span(k, 0.0, width)
    bottom = _source_span(k, 1.0, width)
    # QUAD takes the source corners: upper-left, lower-left, lower-right, upper-right.
    quad = (top[0], 0, bottom[0], height, bottom[1], height, top[1], 0)
    warped = image.transform(image.size, Image.QUAD, quad, resample=Image.BILINEAR)
    moved = {}
    for name, (x0, y0, x1, y1) in boxes.items():
        xs = []
        for y in (y0, y1):
            a, b = _source_span(k, min(max(y / height, 0.0), 1.0), width)
            xs += [(x0 - a) / (b - a) * width, (x1 - a) / (b - a) * width]
        moved[name] = (min(xs), y0, max(xs), y1)
    return warped, moved


def roll(image: Image.Image, boxes: dict[str, Box], degrees: float) -> tuple[Image.Image, dict[str, Box]]:
    """Dutch angle: roll the camera, then enlarge so the frame stays full."""
    if not degrees:
        return image, boxes
    width, height = image.size
    rolled = image.rotate(degrees, resample=Image.BICUBIC, center=(width / 2, height / 2))
    cw, ch = width / DUTCH_FILL, height / DUTCH_FILL
    left, top = (width - cw) / 2, (height - ch) / 2
    rolled = rolled.crop((round(left), round(top), round(left + cw), round(top + ch))).resize((width, height), Image.BICUBIC)
    # PIL turns the picture counter-clockwise on screen: turn each box corner the same way.
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)
    moved = {}
    for name, (x0, y0, x1, y1) in boxes.items():
        pts = []
        for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            dx, dy = x - width / 2, y - height / 2
            rx, ry = dx * cos + dy * sin, -dx * sin + dy * cos
            pts.append((width / 2 + rx * DUTCH_FILL, height / 2 + ry * DUTCH_FILL))
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        moved[name] = (min(xs), min(ys), max(xs), max(ys))
    return rolled, moved
