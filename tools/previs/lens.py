"""What the lens and the camera body do to the whole picture.

A pinhole camera on a 36 mm-wide (35 mm still) sensor: the focal length gives
the field of view and where a tilted camera puts the horizon; how far the
camera stands for a given framing gives how big the background looms behind
the subject (a long lens stands back, so the set is magnified and the people
in depth are compressed together; a wide lens stands close and separates them).

Looking up (low angle), verticals converge toward the top and what is near
the lens (the bottom of frame) looms; looking down, they converge toward the
bottom, so a head is drawn bigger than the feet. A keystone warp of the
composed frame gives exactly that cue, as strong as the tilt and focal length
make it, without empty corners: the warp only ever magnifies rows (the near
edge), never shrinks them. Boxes go through the same maps.
"""

from __future__ import annotations

import math

from PIL import Image

SENSOR_W_MM = 36.0
# The framing's camera-to-subject distance on a 35 mm lens (m), the set's distance behind the
# subject, and a second figure's step back: from these the lens's depth compression follows.
SUBJECT_M = 2.0
BACKGROUND_M = 10.0
STEP_BACK_M = 1.5
MAX_KEYSTONE = 0.2  # each side's pull at the near edge, fraction of the width
DUTCH_FILL = 1.24  # enlarge after the roll so no empty corners show

Box = tuple[float, float, float, float]


def focal_px(lens_mm: float, width: int) -> float:
    return width * max(1.0, lens_mm) / SENSOR_W_MM


def hfov_deg(lens_mm: float) -> float:
    return math.degrees(2 * math.atan(SENSOR_W_MM / 2 / max(1.0, lens_mm)))


def horizon_shift(tilt_deg: float, lens_mm: float, width: int) -> float:
    """Pixels the horizon moves from the eye line when the camera tilts (down is positive: it rises)."""
    return -focal_px(lens_mm, width) * math.tan(math.radians(max(-60.0, min(60.0, tilt_deg))))


def background_scale(lens_mm: float) -> float:
    """Magnification of the set behind a subject framed the same way, relative to a 35 mm lens."""
    def m(f: float) -> float:
        return f / (SUBJECT_M * f / 35 + BACKGROUND_M)
    return m(max(1.0, lens_mm)) / m(35.0)


def depth_scale(lens_mm: float, step_m: float = STEP_BACK_M) -> float:
    """How big a figure one step behind the subject is drawn, relative to the subject."""
    d = SUBJECT_M * max(1.0, lens_mm) / 35
    return d / (d + step_m)


def keystone_strength(tilt_deg: float, lens_mm: float, width: int, height: int) -> float:
    """Each side's pull at the near edge (fraction of width): + looking up, - looking down.

    Verticals meet at a vanishing point f/tan(tilt) from the frame's centre, so the
    frame's far edge shows (d - H/2)/(d + H/2) of the near edge's width.
    """
    t = math.tan(math.radians(max(-60.0, min(60.0, tilt_deg))))
    if abs(t) < 1e-6:
        return 0.0
    d = focal_px(lens_mm, width) / abs(t)
    ratio = max(0.0, (d - height / 2) / (d + height / 2))
    k = min(MAX_KEYSTONE, (1 - ratio) / 2)
    return k if tilt_deg < 0 else -k


def row_scale(k: float, t: float) -> float:
    """Horizontal magnification the keystone gives output row t (0 top .. 1 bottom)."""
    inset = k * t if k > 0 else -k * (1 - t)
    return 1.0 / (1.0 - 2 * inset)


def _source_span(k: float, t: float, width: int) -> tuple[float, float]:
    """Source x range shown on output row t (0 top .. 1 bottom). Looking up (k > 0) the near
    edge is the bottom: its rows are magnified, so verticals converge toward the top."""
    inset = (k * t if k > 0 else -k * (1 - t)) * width
    return inset, width - inset


def keystone(image: Image.Image, boxes: dict[str, Box], k: float) -> tuple[Image.Image, dict[str, Box]]:
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
