"""Characters as previs figures: the same build, colours and silhouette in every frame.

A figure is drawn from its profile alone (silhouette, figure proportions,
signature colours), so continuity holds by construction: the first signature
colour dresses the body, the second marks the head (hair, a robot's head, an
animal's head and ears). Only the camera's view changes: front, three-quarter
toward the facing side, side, back, or top-down for a bird's-eye shot.

Form shadows are painted as the body colour made darker, never as translucent
black: figures are drawn on a transparent layer, and Pillow blends a
translucent fill only onto RGB images; on RGBA it replaces the pixels and
would punch see-through holes in a coat.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from graph.state import CharacterProfile
from memory.look import age_group
from tools.previs.accessories import draw_accessories
from tools.previs.paint import RGB, alpha, mix, rgb, shade, stable_int

# Proportions a silhouette implies when the profile does not say (height, width, head).
SILHOUETTE_DEFAULTS = {
    "human": (1.0, 1.0, 1.0), "child": (0.62, 0.85, 1.3), "robot": (1.05, 1.2, 1.1),
    "animal": (0.45, 1.0, 1.0),
}
# Stand-in colours for a profile with no signature colours: stable per name.
FALLBACK_BODY = ["#b5523b", "#3b6fb5", "#5b8c3a", "#8a4fb0", "#c49a2c", "#2f8f8a"]
FALLBACK_ACCENT = ["#3a2a20", "#d9c27a", "#1f1f1f", "#a0522d", "#e8e0d0", "#5a3a6a"]


@dataclass(frozen=True)
class FigureLook:
    """How this frame's light and line treat a figure (never its identity)."""

    skin: RGB
    outline: RGB
    line_width: int
    shadow: float  # opacity of the shadow side, 0..0.7
    key_side: str  # side the key light comes from


def signature(profile: CharacterProfile) -> tuple[RGB, RGB]:
    """(body, head accent) colours of a character."""
    colors = [c for c in profile.signature_colors if isinstance(c, str) and len(c) == 7 and c.startswith("#")]
    pick = stable_int("figure", profile.name)
    body = rgb(colors[0]) if colors else rgb(FALLBACK_BODY[pick % len(FALLBACK_BODY)])
    head = rgb(colors[1]) if len(colors) > 1 else rgb(FALLBACK_ACCENT[(pick // 7) % len(FALLBACK_ACCENT)])
    return body, head


def proportions(profile: CharacterProfile) -> tuple[float, float, float]:
    default = SILHOUETTE_DEFAULTS.get(profile.silhouette, SILHOUETTE_DEFAULTS["human"])
    fig = profile.figure or {}
    return (float(fig.get("height", default[0])), float(fig.get("width", default[1])),
            float(fig.get("head", default[2])))


def draw_figure(draw: ImageDraw.ImageDraw, profile: CharacterProfile, x: float, feet_y: float,
                height: float, facing: str, foreshorten: float, look: FigureLook,
                top_down: bool = False) -> tuple[float, float, float, float]:
    """Draw one character standing at (x, feet_y); returns its box (x0, y0, x1, y1), unclipped."""
    h_mult, w_mult, head_mult = proportions(profile)
    body, head = signature(profile)
    h = height * h_mult
    if top_down:
        return _top_down(draw, x, feet_y, h * 2.4, w_mult, body, head, look)
    if profile.silhouette == "animal":
        return _animal(draw, x, feet_y, height, h_mult, w_mult, head_mult, facing, body, head, look)
    if profile.silhouette == "robot":
        return _robot(draw, x, feet_y, h, w_mult, head_mult, facing, body, head, look)
    child = profile.silhouette == "child"
    box, head_box, neck = _human(draw, x, feet_y, h, w_mult, head_mult * (1.35 if child else 1.0), facing,
                                 foreshorten, body, head, look, f"{profile.hair} {profile.face}", stooped(profile))
    top = draw_accessories(draw, profile, head_box, neck, facing, body, head, look)
    return box[0], min(box[1], top), box[2], box[3]


def measure_figure(profile: CharacterProfile, height: float, facing: str, foreshorten: float,
                   x: float = 0.0, feet_y: float = 0.0) -> tuple[float, float, float, float]:
    """The box draw_figure would return, without drawing: the figure is drawn onto a
    1x1 scratch image, so the blocking can never disagree with what gets drawn."""
    scratch = ImageDraw.Draw(Image.new("RGBA", (1, 1)), "RGBA")
    look = FigureLook(skin=(0, 0, 0), outline=(0, 0, 0), line_width=0, shadow=0.0, key_side="left")
    return draw_figure(scratch, profile, x, feet_y, height, facing, foreshorten, look)


def _outline(look: FigureLook) -> dict:
    return {"outline": look.outline, "width": look.line_width} if look.line_width > 0 else {}


def _shade_side(look: FigureLook) -> int:
    """+1 when the shadow falls on the right half, -1 left."""
    return 1 if look.key_side == "left" else -1


def stooped(profile: CharacterProfile) -> bool:
    """An old or stooped character carries the head low and forward."""
    return "stoop" in profile.build.lower() or "hunch" in profile.build.lower() or (
        profile.silhouette == "human" and age_group(profile.age) == "old")


def _human(draw, x, feet, h, w_mult, head_mult, facing, foreshorten, body, hair, look, profile_hair="",
           stoop=False):
    legs = 0.46 * h * foreshorten
    upper = h - legs
    head_h = upper * 0.25 * head_mult
    head_w = head_h * 0.8
    top = feet - legs - upper
    profile_view = facing == "profile"
    side = facing in ("left", "right")
    turn = {"left": -1, "right": 1, "profile": 1}.get(facing, 0)
    shoulder = h * 0.125 * w_mult * (0.55 if profile_view else 0.8 if side else 1.0)
    hip = shoulder * 0.8
    neck_top = top + head_h * 0.92
    shoulder_y = top + head_h + upper * 0.06
    hip_y = feet - legs
    hem_y = hip_y + legs * 0.28
    ol = _outline(look)
    trousers = mix(shade(body, 0.45), look.outline, 0.3)
    leg_w = hip * 0.42
    # legs and shoes
    for sign in (-1, 1):
        lx = x + sign * hip * (0.2 if profile_view else 0.48)
        draw.polygon([(lx - leg_w / 2, hip_y), (lx + leg_w / 2, hip_y), (lx + leg_w * 0.42, feet - h * 0.02),
                      (lx - leg_w * 0.42, feet - h * 0.02)], fill=trousers, **ol)
        foot = leg_w * 0.7
        draw.ellipse([lx - foot + turn * foot * 0.4, feet - h * 0.035, lx + foot + turn * foot * 0.4, feet + h * 0.008],
                     fill=shade(look.outline, 1.2))
    # coat: shoulders to hem, the body colour carries the character
    coat = [(x - shoulder, shoulder_y + shoulder * 0.15), (x - shoulder * 0.75, shoulder_y - shoulder * 0.08),
            (x + shoulder * 0.75, shoulder_y - shoulder * 0.08), (x + shoulder, shoulder_y + shoulder * 0.15),
            (x + hip * 1.12, hem_y), (x - hip * 1.12, hem_y)]
    draw.polygon(coat, fill=body, **ol)
    s = _shade_side(look)
    if look.shadow > 0:
        # Form shadow on the outer part of the fill side, so the body colour still reads.
        draw.polygon([(x + s * shoulder * 0.3, shoulder_y - shoulder * 0.08), (x + s * shoulder * 0.75, shoulder_y - shoulder * 0.08),
                      (x + s * shoulder, shoulder_y + shoulder * 0.15), (x + s * hip * 1.12, hem_y), (x + s * hip * 0.3, hem_y)],
                     fill=shade(body, 1 - look.shadow * 0.6))
    # arms over the coat edge, a shade darker, hanging in a slight A so the silhouette has shoulders
    arm_w = shoulder * 0.3
    hand_y = hip_y + legs * 0.1
    for sign in ((1,) if profile_view else (-1, 1)):
        ax = x if profile_view else x + sign * shoulder * 0.84
        hx = x + shoulder * 0.2 if profile_view else x + sign * shoulder * 1.02
        sleeve = shade(body, 0.8 if sign == s else 0.92)
        draw.polygon([(ax - arm_w / 2, shoulder_y + arm_w * 0.05), (ax + arm_w / 2, shoulder_y + arm_w * 0.05),
                      (hx + arm_w * 0.36, hand_y), (hx - arm_w * 0.36, hand_y)], fill=sleeve, **ol)
        r = arm_w * 0.4
        draw.ellipse([hx - r, hand_y - r * 0.3, hx + r, hand_y + r * 1.4], fill=look.skin, **ol)
    # neck and head
    neck_w = head_w * 0.42
    draw.rectangle([x - neck_w / 2, neck_top, x + neck_w / 2, shoulder_y + 1], fill=shade(look.skin, 0.85))
    hx = x + turn * head_w * 0.06
    if stoop:
        # The head sinks toward the shoulders and leans forward (in profile, toward the nose).
        top += head_h * 0.2
        hx += (1 if profile_view else turn) * head_w * 0.22
    head_box = [hx - head_w / 2, top, hx + head_w / 2, top + head_h]
    back = facing == "back"
    if back:
        draw.ellipse(head_box, fill=look.skin if "bald" in hair_style(profile_hair) else hair, **ol)
    elif look.shadow > 0:
        # shadow-side skin first, then the lit face offset toward the key: a soft crescent of shadow
        draw.ellipse(head_box, fill=shade(look.skin, 1 - look.shadow * 0.7), **ol)
        x0, y0, x1, y1 = head_box
        inset = (x1 - x0) * (0.1 + look.shadow * 0.25)
        lit = [x0 + (0 if s > 0 else inset), y0, x1 - (inset if s > 0 else 0), y1]
        draw.ellipse(lit, fill=look.skin)
    else:
        draw.ellipse(head_box, fill=look.skin, **ol)
    style = hair_style(profile_hair)
    if profile_view:
        _profile_head(draw, head_box, hair, look, style)
    elif not back:
        _hair(draw, head_box, hair, turn, style)
        _face(draw, head_box, turn, look)
        if "beard" in style:
            x0, y0, x1, y1 = head_box
            draw.chord([x0 + (x1 - x0) * 0.08, y0 + (y1 - y0) * 0.35, x1 - (x1 - x0) * 0.08, y1 + (y1 - y0) * 0.06],
                       20, 160, fill=hair)
    elif "long" in style:
        x0, y0, x1, y1 = head_box
        draw.rectangle([x0, (y0 + y1) / 2, x1, y1 + (y1 - y0) * 0.35], fill=hair)
    if "moustache" in style and not back:
        x0, y0, x1, y1 = head_box
        cx = (x0 + x1) / 2 + (1 if profile_view else turn) * head_w * (0.3 if profile_view else 0.1)
        draw.chord([cx - head_w * 0.2, y0 + head_h * 0.62, cx + head_w * 0.2, y0 + head_h * 0.8], 180, 360, fill=hair)
    width = max(shoulder * 0.86 + arm_w, hip * 1.12)
    # The head and neck are returned too: accessories are drawn over them.
    return (x - width, top, x + width, feet), head_box, (x, shoulder_y, shoulder)


def hair_style(text: str) -> set[str]:
    """Hair words that change the silhouette: bald, long, beard, bun."""
    words = text.lower()
    found = {name for name, keys in (("bald", ("bald", "shaved", "shaven")), ("long", ("long", "braid", "flowing")),
                                     ("beard", ("beard", "bearded")), ("bun", ("bun", "ponytail", "pigtail")),
                                     ("moustache", ("moustache", "mustache")))
             if any(k in words for k in keys)}
    if "clean-shaven" in words:
        found -= {"bald"}
    return found


def _hair(draw, head_box, hair, turn, style=frozenset()):
    x0, y0, x1, y1 = head_box
    w, h = x1 - x0, y1 - y0
    if "bun" in style:
        bx = (x0 + x1) / 2 - turn * w * 0.3
        draw.ellipse([bx - w * 0.22, y0 - h * 0.22, bx + w * 0.22, y0 + h * 0.18], fill=hair)
    if "bald" in style:
        # a fringe round the back of the head only
        draw.chord([x0 - w * 0.03, y0 + h * 0.25, x1 + w * 0.03, y0 + h * 0.8], 160, 200, fill=hair)
        draw.chord([x0 - w * 0.03, y0 + h * 0.25, x1 + w * 0.03, y0 + h * 0.8], 340, 20, fill=hair)
        return
    # A cap over the crown, longer on the side the head turns away from.
    draw.chord([x0 - w * 0.04, y0 - h * 0.05, x1 + w * 0.04, y0 + h * 0.75], 180, 360, fill=hair)
    if "long" in style:
        draw.rectangle([x0 - w * 0.06, y0 + h * 0.3, x0 + w * 0.12, y1 + h * 0.3], fill=hair)
        draw.rectangle([x1 - w * 0.12, y0 + h * 0.3, x1 + w * 0.06, y1 + h * 0.3], fill=hair)
    draw.rectangle([x0 - w * 0.04, y0 + h * 0.32, x0 + w * (0.3 if turn > 0 else 0.12), y0 + h * 0.62], fill=hair)
    draw.rectangle([x1 - w * (0.3 if turn < 0 else 0.12), y0 + h * 0.32, x1 + w * 0.04, y0 + h * 0.62], fill=hair)


def _profile_head(draw, head_box, hair, look, style):
    """A head seen from its right side: nose forward, one eye, hair over the back."""
    x0, y0, x1, y1 = head_box
    w, h = x1 - x0, y1 - y0
    ink = mix(look.outline, (20, 20, 30), 0.5)
    draw.polygon([(x1 - w * 0.05, y0 + h * 0.45), (x1 + w * 0.14, y0 + h * 0.62), (x1 - w * 0.02, y0 + h * 0.68)],
                 fill=look.skin)
    if "bald" not in style:
        draw.chord([x0 - w * 0.05, y0 - h * 0.05, x1 + w * 0.03, y0 + h * 0.7], 180, 360, fill=hair)
        draw.pieslice([x0 - w * 0.06, y0, x1 - w * 0.1, y1 - h * 0.1], 90, 270, fill=hair)
    if "bun" in style:
        draw.ellipse([x0 - w * 0.3, y0 + h * 0.05, x0 + w * 0.12, y0 + h * 0.45], fill=hair)
    if "long" in style:
        draw.rectangle([x0 - w * 0.06, y0 + h * 0.4, x0 + w * 0.35, y1 + h * 0.3], fill=hair)
    if "beard" in style:
        draw.chord([x0 + w * 0.3, y0 + h * 0.4, x1 + w * 0.05, y1 + h * 0.06], 0, 180, fill=hair)
    r = max(1.0, h * 0.045)
    ex, ey = x1 - w * 0.2, y0 + h * 0.52
    draw.ellipse([ex - r, ey - r, ex + r, ey + r], fill=ink)


def _face(draw, head_box, turn, look):
    x0, y0, x1, y1 = head_box
    w, h = x1 - x0, y1 - y0
    if h < 9:
        return
    cx = (x0 + x1) / 2 + turn * w * 0.13
    eye_y = y0 + h * 0.52
    eye_r = max(1.0, h * 0.045)
    ink = mix(look.outline, (20, 20, 30), 0.5)
    for sign in (-1, 1):
        ex = cx + sign * w * 0.19 * (0.8 if sign == turn else 1.0)
        draw.ellipse([ex - eye_r, eye_y - eye_r, ex + eye_r, eye_y + eye_r], fill=ink)
        if h > 60:
            draw.line([ex - eye_r * 2.2, eye_y - eye_r * 3.2, ex + eye_r * 2.2, eye_y - eye_r * 3.6],
                      fill=ink, width=max(1, int(h * 0.02)))
    if h > 30:
        mouth_y = y0 + h * 0.78
        draw.line([cx - w * 0.12, mouth_y, cx + w * 0.12, mouth_y], fill=shade(look.skin, 0.55),
                  width=max(1, int(h * 0.025)))
    if h > 60:
        nose_x = cx + turn * w * 0.08
        draw.line([nose_x, eye_y + h * 0.05, nose_x + turn * w * 0.05 - w * 0.02, y0 + h * 0.68],
                  fill=shade(look.skin, 0.7), width=max(1, int(h * 0.02)))


def _robot(draw, x, feet, h, w_mult, head_mult, facing, body, head, look):
    ol = _outline(look)
    metal = mix(shade(body, 0.5), (90, 95, 105), 0.4)
    head_h = h * 0.15 * head_mult
    head_w = head_h * 1.15
    top = feet - h
    shoulder = h * 0.15 * w_mult
    torso_top = top + head_h * 1.25
    hip_y = feet - h * 0.42
    turn = {"left": -1, "right": 1, "profile": 1}.get(facing, 0)
    # antenna
    draw.line([x, top - head_h * 0.35, x, top], fill=metal, width=max(1, int(h * 0.012)))
    r = head_h * 0.1
    draw.ellipse([x - r, top - head_h * 0.45 - r, x + r, top - head_h * 0.45 + r], fill=head)
    leg_w = shoulder * 0.38
    for sign in (-1, 1):
        lx = x + sign * shoulder * 0.45
        draw.rectangle([lx - leg_w / 2, hip_y, lx + leg_w / 2, feet - h * 0.04], fill=metal, **ol)
        draw.rectangle([lx - leg_w * 0.75, feet - h * 0.05, lx + leg_w * 0.75, feet], fill=shade(metal, 0.7), **ol)
        ax = x + sign * shoulder * 1.18
        draw.rectangle([ax - leg_w * 0.4, torso_top + h * 0.02, ax + leg_w * 0.4, hip_y + h * 0.04], fill=metal, **ol)
        draw.ellipse([ax - leg_w * 0.55, torso_top, ax + leg_w * 0.55, torso_top + leg_w * 1.1], fill=body, **ol)
    draw.rounded_rectangle([x - shoulder, torso_top, x + shoulder, hip_y + h * 0.02], radius=shoulder * 0.2,
                           fill=body, **ol)
    draw.rectangle([x - shoulder * 0.45, torso_top + h * 0.06, x + shoulder * 0.45, torso_top + h * 0.15],
                   fill=shade(body, 0.7))
    if look.shadow > 0:
        s = _shade_side(look)
        draw.rectangle([min(x, x + s * shoulder), torso_top, max(x, x + s * shoulder), hip_y + h * 0.02],
                       fill=shade(body, 1 - look.shadow * 0.7))
    hx = x + turn * head_w * 0.08
    head_box = [hx - head_w / 2, top, hx + head_w / 2, top + head_h]
    draw.rounded_rectangle(head_box, radius=head_h * 0.18, fill=head, **ol)
    if facing != "back":
        visor = [hx - head_w * 0.38 + turn * head_w * 0.08, top + head_h * 0.32,
                 hx + head_w * 0.38 + turn * head_w * 0.08, top + head_h * 0.62]
        draw.rectangle(visor, fill=(25, 28, 36))
        eye_r = head_h * 0.08
        for sign in (-1, 1):
            ex = (visor[0] + visor[2]) / 2 + sign * head_w * 0.18
            draw.ellipse([ex - eye_r, top + head_h * 0.47 - eye_r, ex + eye_r, top + head_h * 0.47 + eye_r],
                         fill=(250, 235, 160))
    width = shoulder * 1.18 + leg_w * 0.55
    return x - width, top - head_h * 0.55, x + width, feet


def _animal(draw, x, feet, height, h_mult, w_mult, head_mult, facing, body, head, look):
    ol = _outline(look)
    h = height * h_mult * 0.8  # head-top height of the animal
    length = height * 0.42 * w_mult
    turn = -1 if facing == "left" else 1
    body_top = feet - h * 0.8
    body_bottom = feet - h * 0.38
    leg_w = length * 0.11
    for offset in (-0.36, -0.22, 0.22, 0.36):
        lx = x + offset * length
        # Legs start inside the body (drawn over them), so the outer pair meets the belly's curve.
        draw.rectangle([lx - leg_w / 2, (body_top + body_bottom) / 2, lx + leg_w / 2, feet], fill=shade(body, 0.75), **ol)
    # tail
    tx = x - turn * length * 0.5
    draw.line([tx, body_top + h * 0.15, tx - turn * length * 0.2, body_top - h * 0.2], fill=body,
              width=max(2, int(leg_w * 0.8)))
    draw.ellipse([x - length / 2, body_top, x + length / 2, body_bottom + leg_w], fill=body, **ol)
    if look.shadow > 0:
        draw.chord([x - length / 2, body_top, x + length / 2, body_bottom + leg_w], 0, 180,
                   fill=shade(body, 1 - look.shadow * 0.6))
    head_r = h * 0.24 * head_mult
    hx = x + turn * length * 0.48
    hy = body_top - head_r * 0.2
    # ears in the accent colour, then the head
    for sign in (-1, 1):
        ex = hx + sign * head_r * 0.55
        draw.polygon([(ex - head_r * 0.35, hy - head_r * 0.5), (ex + head_r * 0.35, hy - head_r * 0.5),
                      (ex + sign * head_r * 0.15, hy - head_r * 1.35)], fill=head, **ol)
    draw.ellipse([hx - head_r, hy - head_r, hx + head_r, hy + head_r], fill=head, **ol)
    snout = [hx + turn * head_r * 0.45 - head_r * 0.45, hy, hx + turn * head_r * 0.45 + head_r * 0.45, hy + head_r * 0.8]
    draw.ellipse(snout, fill=mix(head, (235, 225, 210), 0.35))
    if facing != "back":
        eye_r = max(1.0, head_r * 0.12)
        ex = hx + turn * head_r * 0.3
        draw.ellipse([ex - eye_r, hy - head_r * 0.3 - eye_r, ex + eye_r, hy - head_r * 0.3 + eye_r], fill=(20, 20, 25))
    x0 = min(x - length / 2, hx - head_r, tx - turn * length * 0.2)
    x1 = max(x + length / 2, hx + head_r, tx - turn * length * 0.2)
    return x0, hy - head_r * 1.35, x1, feet


def _top_down(draw, x, y, h, w_mult, body, head, look):
    """A figure seen from straight above: shoulders, arms, the crown of the head, a cast shadow."""
    ol = _outline(look)
    shoulder = h * 0.13 * w_mult
    depth = shoulder * 0.55
    draw.ellipse([x - shoulder + depth * 0.4, y - depth + depth * 0.5, x + shoulder + depth * 0.4, y + depth + depth * 0.5],
                 fill=alpha((0, 0, 0), 0.35))
    draw.ellipse([x - shoulder, y - depth, x + shoulder, y + depth], fill=body, **ol)
    r = shoulder * 0.42
    draw.ellipse([x - r, y - r, x + r, y + r], fill=head, **ol)
    return x - shoulder, y - depth, x + shoulder + depth * 0.4, y + depth * 1.5
