"""What a character wears on head, face and neck, drawn over the previs figure.

The script's "knitted hat", "baseball cap", "wire-rimmed glasses", "headphones" and
"wool scarf" are what make a character recognisable at a glance, so they are drawn
in every view they show in: a hat and headphones from every side, glasses only
from the front and the side, a scarf at the neck. A colour the script names for
the piece is used; otherwise it takes a shade of the character's own colours, so
frame QC (which reads the signature colours) sees nothing foreign.
"""

from __future__ import annotations

from PIL import ImageDraw

from graph.state import CharacterProfile
from tools.cast.colors import color_words_in
from tools.cast.accessories import accessory_kind
from tools.previs.paint import RGB, mix, rgb, shade

_BEANIE_WORDS = ("knitted", "knit", "beanie", "wool", "woolly", "woollen", "bobble", "toque")
_CAP_WORDS = ("cap", "baseball")


def accessory_color(phrase: str, fallback: RGB) -> RGB:
    """The colour the script names for the piece ('red knitted hat'), else `fallback`."""
    named = color_words_in(phrase)
    return rgb(named[0][1]) if named else fallback


def hat_shape(phrase: str) -> str:
    """beanie, cap or brim (fedora, bowler, sun hat...) from the words of the hat."""
    words = phrase.lower().split()
    if any(w in _BEANIE_WORDS for w in words):
        return "beanie"
    if any(w in _CAP_WORDS for w in words):
        return "cap"
    return "brim"


def draw_accessories(draw: ImageDraw.ImageDraw, profile: CharacterProfile, head_box: list[float],
                     neck: tuple[float, float, float], facing: str, body: RGB, hair: RGB, look) -> float:
    """Draw the profile's accessories; returns the topmost y drawn (a hat raises the figure's box)."""
    x0, y0, x1, y1 = head_box
    w, h = x1 - x0, y1 - y0
    top = y0
    turn = {"left": -1, "right": 1, "profile": 1}.get(facing, 0)
    outline = {"outline": look.outline, "width": look.line_width} if look.line_width > 0 else {}
    kinds = {accessory_kind(a): a for a in profile.accessories}
    if "scarf" in kinds:
        _scarf(draw, kinds["scarf"], neck, h, body, hair, outline)
    if "hat" in kinds:
        top = _hat(draw, kinds["hat"], head_box, turn, facing, shade(body, 0.6), outline)
    if "headphones" in kinds:
        colour = accessory_color(kinds["headphones"], mix(look.outline, (40, 40, 44), 0.5))
        band = max(2, int(h * 0.09))
        draw.arc([x0 - w * 0.1, y0 - h * 0.12, x1 + w * 0.1, y1 - h * 0.1], 180, 360, fill=colour, width=band)
        for side in ((1,) if facing == "profile" else (-1, 1)):
            cx = (x0 + x1) / 2 + side * w * 0.52 if facing != "profile" else x0 + w * 0.4
            draw.rounded_rectangle([cx - w * 0.14, y0 + h * 0.38, cx + w * 0.14, y0 + h * 0.7], radius=w * 0.06,
                                   fill=colour, **outline)
        top = min(top, y0 - h * 0.12)
    if "glasses" in kinds and facing != "back":
        ink = accessory_color(kinds["glasses"], mix(look.outline, (15, 15, 20), 0.6))
        r = h * 0.11
        thick = max(1, int(h * 0.035))
        eye_y = y0 + h * 0.52
        if facing == "profile":
            ex = x1 - w * 0.2
            draw.ellipse([ex - r, eye_y - r, ex + r, eye_y + r], outline=ink, width=thick)
            draw.line([ex - r, eye_y, x0 + w * 0.35, eye_y - h * 0.04], fill=ink, width=thick)
        else:
            cx = (x0 + x1) / 2 + turn * w * 0.13
            for side in (-1, 1):
                ex = cx + side * w * 0.19 * (0.8 if side == turn else 1.0)
                draw.ellipse([ex - r, eye_y - r, ex + r, eye_y + r], outline=ink, width=thick)
            draw.line([cx - w * 0.07, eye_y, cx + w * 0.07, eye_y], fill=ink, width=thick)
    return top


def _hat(draw, phrase: str, head_box, turn: int, facing: str, fallback: RGB, outline: dict) -> float:
    x0, y0, x1, y1 = head_box
    w, h = x1 - x0, y1 - y0
    colour = accessory_color(phrase, fallback)
    shape = hat_shape(phrase)
    if shape == "beanie":
        # A dome over the crown with a turned-up band at the brow.
        draw.chord([x0 - w * 0.06, y0 - h * 0.3, x1 + w * 0.06, y0 + h * 0.62], 180, 360, fill=colour, **outline)
        draw.rectangle([x0 - w * 0.07, y0 + h * 0.08, x1 + w * 0.07, y0 + h * 0.2], fill=shade(colour, 0.8), **outline)
        return y0 - h * 0.3
    if shape == "cap":
        draw.chord([x0 - w * 0.03, y0 - h * 0.2, x1 + w * 0.03, y0 + h * 0.5], 180, 360, fill=colour, **outline)
        peak = 1 if facing == "profile" else turn
        if facing != "back":
            if peak:
                px = x1 if peak > 0 else x0
                draw.polygon([(px - peak * w * 0.2, y0 + h * 0.08), (px + peak * w * 0.35, y0 + h * 0.14),
                              (px - peak * w * 0.2, y0 + h * 0.18)], fill=shade(colour, 0.8), **outline)
            else:
                draw.chord([x0 + w * 0.05, y0 + h * 0.02, x1 - w * 0.05, y0 + h * 0.3], 0, 180,
                           fill=shade(colour, 0.8), **outline)
        return y0 - h * 0.2
    # A crown above the head on a wide brim.
    draw.rounded_rectangle([x0 + w * 0.1, y0 - h * 0.42, x1 - w * 0.1, y0 + h * 0.1], radius=w * 0.1,
                           fill=colour, **outline)
    draw.ellipse([x0 - w * 0.32, y0 + h * 0.02, x1 + w * 0.32, y0 + h * 0.18], fill=shade(colour, 0.85), **outline)
    return y0 - h * 0.42


def _scarf(draw, phrase: str, neck: tuple[float, float, float], head_h: float, body: RGB, hair: RGB,
           outline: dict) -> None:
    x, shoulder_y, shoulder = neck
    colour = accessory_color(phrase, mix(body, hair, 0.5))
    band = head_h * 0.24
    draw.rounded_rectangle([x - shoulder * 0.55, shoulder_y - band * 0.7, x + shoulder * 0.55, shoulder_y + band * 0.4],
                           radius=band * 0.3, fill=colour, **outline)
    # One end hangs down the chest.
    draw.rectangle([x + shoulder * 0.12, shoulder_y, x + shoulder * 0.36, shoulder_y + head_h * 0.9],
                   fill=shade(colour, 0.9), **outline)
