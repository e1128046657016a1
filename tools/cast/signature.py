"""Identity by colour signature: is this character's costume on this figure?

Offline there is no face model to ask (OFFLINE.md), so identity is measured the
way a continuity supervisor checks a costume. The previs renderer paints the
body in `signature_colors[0]` and the head in `signature_colors[1]`; a frame is
faithful when, down the middle of the character's box, both colours show in
about the amount a faithful rendering has, and no other clear colour stands
where they should be.

Colours are compared by chromaticity direction (see `_chromaticity`), which
lighting passes leave alone, so a coat in shadow is still the coat. Thresholds
were measured on the consistency eval (evals/consistency.py): previs frames of
every lighting style with planted drift.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from graph.state import CharacterProfile, StyleBible
from tools.cast.colors import color_words_in

# A faithful rendering fills at least this share of the middle of the character's box with each colour
# (body: torso and legs; head: the head disc). Measured on the previs figure shapes with margin.
EXPECTED_BOX_SHARE = (0.12, 0.03)
# With no box the character is somewhere in frame: a figure covers at least this much of it.
EXPECTED_FRAME_SHARE = (0.015, 0.002)
COLOR_WEIGHTS = (0.7, 0.3)  # the body carries identity at previs scale more than the head
HUE_TOLERANCE_DEG = 14.0  # colour direction within which a pixel shows a signature colour
EXPLAINED_DEG = 24.0  # ... and within which a stray pixel is a shade of a known colour
BACKDROP_DEG = 10.0  # ... and within which a set colour explains it (tight: a coat may be near a set hue)
NEUTRAL_SATURATION = 0.035  # chromaticity distance from grey below which a colour is a grey
SATURATED = 0.06  # pixels more coloured than this can contradict a character's look
DARKEST = 45.0  # r+g+b below this is too dark to tell colours apart
FOREIGN_TOLERATED = 0.06  # stray colour share ignored (eyes, props, outlines under grain)
FOREIGN_FULL = 0.2  # stray colour share above the tolerance that counts as a whole wrong garment
FOREIGN_WEIGHT = 0.7
HIDDEN_PART_CREDIT = 0.85  # a figure cut to nothing recognisable passes, but only just
MIDDLE = 0.4  # share of the box width, centred, that is the figure rather than the set
LIGHT_MIX = (0.2, 0.4)  # how far an additive light may pull a surface toward its own colour
BOTTOM_BAND = 0.02  # a box ending this near the frame's bottom is cut by it (frames carry no slate strip)
SAMPLE_SIDE = 64  # regions are downsampled to at most this many pixels a side


def _rgb(hexcode: str) -> np.ndarray:
    h = hexcode.lstrip("#")
    return np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)], dtype=np.float32)


def region(image: Image.Image, box: tuple[int, int, int, int] | list[int] | None) -> np.ndarray:
    """The box [x, y, w, h] (clipped to the frame), downsampled, as float RGB pixels [n, 3]."""
    rgb = image.convert("RGB")
    if box is not None:
        x, y, w, h = (int(v) for v in box)
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(rgb.width, x + w), min(rgb.height, y + h)
        if x1 <= x0 or y1 <= y0:
            return np.zeros((0, 3), dtype=np.float32)
        rgb = rgb.crop((x0, y0, x1, y1))
    scale = SAMPLE_SIDE / max(rgb.width, rgb.height)
    if scale < 1:
        # NEAREST keeps flat fills exact; averaging would invent edge colours at boundaries.
        rgb = rgb.resize((max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale))), Image.NEAREST)
    return np.asarray(rgb, dtype=np.float32).reshape(-1, 3)


_NEUTRAL = np.full(3, 1.0 / 3.0, dtype=np.float32)


def _chromaticity(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Colour direction away from grey in (r, g, b) / (r + g + b), and r + g + b.

    Light and shadow multiply a colour and keep its chromaticity; mixing it with
    grey or black (shading, a high-key lift) keeps its direction from grey and
    only shortens it. So a coat in the key light, in shadow and in a lifted
    grade points the same way, while a coat of another hue does not.
    """
    brightness = pixels.sum(axis=-1)
    return pixels / np.maximum(brightness, 1.0)[..., None] - _NEUTRAL, brightness


def _angle(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Angle in degrees between colour directions (rows of a against vector b)."""
    dot = (a * b).sum(axis=-1)
    norms = np.linalg.norm(a, axis=-1) * float(np.linalg.norm(b))
    return np.degrees(np.arccos(np.clip(dot / np.maximum(norms, 1e-9), -1.0, 1.0)))


def _seen(hexcode: str, light: list[str] | None) -> list[np.ndarray]:
    """A colour as it may reach the camera: itself, and washed by each light colour."""
    base = _rgb(hexcode)
    return [base] + [base * (1 - t) + _rgb(tint) * t for tint in light or [] for t in LIGHT_MIX]


def _mask_one(p_dir: np.ndarray, p_bright: np.ndarray, target: np.ndarray) -> np.ndarray:
    t_dir, t_bright = _chromaticity(target)
    ratio = p_bright / max(float(t_bright), 1.0)
    lit = p_bright > DARKEST
    t_sat = float(np.linalg.norm(t_dir))
    p_sat = np.linalg.norm(p_dir, axis=-1)
    if t_sat < NEUTRAL_SATURATION:
        # Greys, blacks and whites share one direction (none), so brightness must roughly
        # agree too: within what a key-to-fill falloff does, never as dark as an outline.
        return lit & (p_sat < NEUTRAL_SATURATION * 1.5) & (ratio > 0.35) & (ratio < 1.6)
    return (lit & (_angle(p_dir, t_dir) < HUE_TOLERANCE_DEG) & (p_sat > t_sat * 0.5) & (p_sat < t_sat * 1.4)
            & (ratio > 0.18) & (ratio < 1.8))


def color_mask(pixels: np.ndarray, hexcode: str, light: list[str] | None = None) -> np.ndarray:
    """Pixels that show this colour under any plausible light (`light`: colours the film's light adds)."""
    p_dir, p_bright = _chromaticity(pixels)
    mask = np.zeros(len(pixels), dtype=bool)
    for target in _seen(hexcode, light):
        mask |= _mask_one(p_dir, p_bright, target)
    return mask


def color_share(pixels: np.ndarray, hexcode: str, light: list[str] | None = None) -> float:
    """Share of pixels that show the colour."""
    return float(color_mask(pixels, hexcode, light).mean()) if len(pixels) else 0.0


BACKDROP_ROLES = ("sky", "ground", "shadow", "key", "background")


def backdrop_colors(style: StyleBible | None) -> list[str]:
    """The set's colours: what shows around and between a figure inside its box."""
    return [c.hex for c in style.palette if c.role in BACKDROP_ROLES] if style is not None else []


def light_colors(style: StyleBible | None) -> list[str]:
    """Colours the film's light adds on top of every surface (rather than multiplying it):
    a high-key lift toward the highlight, neon's coloured washes."""
    if style is None:
        return []
    if style.lighting == "high_key":
        return [style.color("highlight", "#e8e4da")]
    if style.lighting == "neon":
        return [style.color("accent", "#c0583a"), style.color("sky", "#9fb8cc")]
    return []


def foreign_share(pixels: np.ndarray, known: list[str], light: list[str] | None = None,
                  backdrop: list[str] | None = None) -> float:
    """Share of clearly coloured pixels whose hue none of the `known` colours explain:
    a coat that came out the wrong colour shows up here; a darker or greyer shade of
    a known colour (trousers, robot plating), or one seen through the film's `light`
    colours, does not. `backdrop` colours (the set seen between legs, above a head)
    explain only pixels of very nearly their own hue, so a coat of a roughly
    similar colour still counts as wrong."""
    if len(pixels) == 0:
        return 0.0
    p_dir, p_bright = _chromaticity(pixels)
    saturated = (np.linalg.norm(p_dir, axis=-1) > SATURATED) & (p_bright > DARKEST * 2)
    explained = np.zeros(len(pixels), dtype=bool)
    for hexcode in known:
        for colour in _seen(hexcode, light):
            k_dir, _ = _chromaticity(colour)
            if float(np.linalg.norm(k_dir)) >= NEUTRAL_SATURATION:
                explained |= _angle(p_dir, k_dir) < EXPLAINED_DEG
    for hexcode in backdrop or []:
        for colour in _seen(hexcode, light):
            k_dir, _ = _chromaticity(colour)
            if float(np.linalg.norm(k_dir)) >= NEUTRAL_SATURATION:
                explained |= _angle(p_dir, k_dir) < BACKDROP_DEG
    return float((saturated & ~explained).mean())


def _hidden_parts(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[bool, bool]:
    """(body may be out of frame, head may be out of frame) for a box the frame cuts.

    A box cut at the bottom that is no taller than it is wide is a head-and-shoulders
    view (the coat may be all below the frame line); a box cut at the top has lost
    the head.
    """
    x, y, w, h = box
    cut_top = y <= image.height * 0.01
    cut_bottom = y + h >= image.height * (1 - BOTTOM_BAND)
    return cut_bottom and h <= w * 1.0, cut_top


def figure_middle(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The middle of a box: the figure itself. Its sides show the set, whose colours
    say nothing about identity."""
    x, y, w, h = box
    return x + int(w * (0.5 - MIDDLE / 2)), y, max(1, int(w * MIDDLE)), h


def score_character(image: Image.Image, box: tuple[int, int, int, int] | None, profile: CharacterProfile,
                    known: list[str] | None = None, light: list[str] | None = None,
                    backdrop: list[str] | None = None) -> tuple[float, list[str]]:
    """0..1: how much of the character's figure carries their signature colours, against a faithful frame.

    `known` are colours that may legitimately appear on the figure besides its own
    (skin, a character standing in front); a saturated colour down the figure's
    middle that none of them explains counts against identity. `light` are the
    colours the film's lighting adds (see `light_colors`); `backdrop` the set's
    colours (see `backdrop_colors`).
    """
    colours = profile.signature_colors[:2]
    if not colours:
        return 1.0, [f"{profile.name}: no signature colours in the library, identity not measured"]
    pixels = region(image, figure_middle(box) if box is not None else None)
    if len(pixels) == 0:
        return 0.0, [f"{profile.name}: box {list(box or [])} lies outside the frame"]
    expected = EXPECTED_BOX_SHARE if box is not None else EXPECTED_FRAME_SHARE
    where = "figure" if box is not None else "frame"
    # A hat or scarf the script gives a colour ("red knitted hat") is drawn in it: not a stray colour.
    worn = [hexcode for piece in profile.accessories for _, hexcode, _ in color_words_in(piece)]
    stray = foreign_share(pixels, colours + worn + list(known or []), light, backdrop) if box is not None else 0.0
    hidden = _hidden_parts(image, box) if box is not None else (False, False)
    parts, weights, reasons = [], [], []
    for i, (hexcode, want, weight) in enumerate(zip(colours, expected, COLOR_WEIGHTS)):
        share = color_share(pixels, hexcode, light)
        if share < want and hidden[i] and stray < FOREIGN_TOLERATED:
            continue  # the frame cut this part off and nothing wrong shows in its place
        parts.append(min(1.0, share / want))
        weights.append(weight)
        if share < want:
            label = "body/wardrobe" if i == 0 else "head/hair"
            reasons.append(f"{profile.name}: {label} colour {hexcode} covers {share:.1%} of the {where} "
                           f"(a faithful frame shows at least {want:.1%})")
    if not parts:
        return HIDDEN_PART_CREDIT, [f"{profile.name}: cut off by the frame, identity barely visible"]
    # Weighted geometric mean: one signature part wholly gone (grey hair come out red)
    # sinks the score however right the rest is; a weighted average would let a
    # correct coat hide a wrong head.
    evidence = float(np.prod([max(p, 0.01) ** (w / sum(weights)) for w, p in zip(weights, parts)]))
    if stray >= FOREIGN_TOLERATED:
        reasons.append(f"{profile.name}: {stray:.0%} of the figure is a colour the library does not give them")
    penalty = min(1.0, max(0.0, stray - FOREIGN_TOLERATED) / FOREIGN_FULL) * FOREIGN_WEIGHT
    return round(max(0.0, evidence * (1.0 - penalty)), 3), reasons
