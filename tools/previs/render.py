"""The previs renderer: one storyboard frame from a shot, its scene, the style and the cast.

Order of work, as on a stage: frame the variant (variant 0 is the plan; others
are another size or camera height), build the set for the scene, block and
draw the characters, paint the weather and the hour the scene is read as,
tilt (keystone) for a low or high camera, light the whole frame and lay the
film's grain, roll the camera for a dutch angle. No slate is burned in: the
picture is what the film shows (the slate lives in the storyboard PDF, the
contact sheets, the timeline's metadata and the optional --slate review copy).
Every choice comes from the inputs (and the seed), so the same shot and seed
give the same PNG byte for byte.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from graph.state import CharacterProfile, Scene, Shot, StyleBible
from tools.errors import BadInput
from tools.previs.figures import FigureLook, draw_figure, signature
from tools.previs.framing import ANGLE_TILT, Camera, frame_camera, reference_unit, variant_shot
from tools.previs.lens import background_scale, depth_scale, hfov_deg, keystone, keystone_strength, roll, row_scale
from tools.previs.light import finish, light_map, medium_pass, neon_wash, vignette
from tools.previs.paint import RGB, alpha, mix, rgb, shade, stable_int
from tools.previs.props import draw_prop
from tools.previs.set_dressing import paint_set, set_keywords, time_of_day
from tools.previs.vocabulary import drawable_for
from tools.previs.weather import Weather, read_weather
from tools.previs.weather_paint import paint_weather

# Bumped whenever the drawing changes for the same inputs: a frame cache keyed only on
# the shot, scene, style and cast would otherwise keep serving frames drawn by older code.
RENDERER_REVISION = 4
ASPECT_SIZES: dict[str, tuple[int, int]] = {"16:9": (1280, 720), "9:16": (720, 1280), "1:1": (720, 720)}
ROLE_FALLBACKS = {"key": "#7a8a99", "shadow": "#22262e", "highlight": "#e8e4da", "accent": "#c0583a",
                  "sky": "#9fb8cc", "ground": "#5d5a48", "skin": "#c89a7a"}
# How dark the shadow side of a figure falls under each lighting style.
# Figures shorter than this share of the frame get a rim, so a speck on a night set still reads.
RIM_BELOW = 0.3
FIGURE_SHADOW = {"high_key": 0.06, "natural_soft": 0.14, "butterfly": 0.1, "loop": 0.24, "rembrandt": 0.34,
                 "split": 0.5, "low_key": 0.4, "stage": 0.28, "neon": 0.3}


@dataclass
class RenderedFrame:
    """A rendered frame and where each character was drawn (x, y, w, h in pixels)."""

    image: Image.Image
    boxes: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    # What was drawn, where and as what (frames/<shot>/<variant>.json); empty when a model drew it.
    drawn: dict = field(default_factory=dict)


def frame_size(aspect: str) -> tuple[int, int]:
    """Pixel size of a frame for an aspect ratio ('16:9', '9:16', '1:1')."""
    if aspect not in ASPECT_SIZES:
        raise BadInput(f"unknown aspect {aspect!r}: use one of {', '.join(ASPECT_SIZES)}")
    return ASPECT_SIZES[aspect]


def palette_rgb(style: StyleBible) -> dict[str, RGB]:
    """Every role the renderer paints with, falling back to neutral tints for roles a bible lacks."""
    return {role: rgb(style.color(role, default)) for role, default in ROLE_FALLBACKS.items()}


def render_frame(shot: Shot, scene: Scene, style: StyleBible, cast: list[CharacterProfile],
                 size: tuple[int, int] = (1280, 720), variant: int = 0, seed: int = 0) -> RenderedFrame:
    """Render one storyboard frame for a shot."""
    width, height = _check_size(size)
    if variant < 0:
        raise BadInput(f"variant must be 0 or more, got {variant}")
    palette = palette_rgb(style)
    planned = shot
    shot, changed = variant_shot(shot, variant)
    scene_key = stable_int("scene", seed, scene.index, scene.location)
    camera = frame_camera(shot, cast, width, height, variant, scene_key)
    plate = _set_plate(scene, palette, camera, seed)
    people = {p.name: p for p in cast}
    scale = reference_unit(width, height) / 720
    look = FigureLook(
        skin=palette["skin"], outline=mix(palette["shadow"], (0, 0, 0), 0.6),
        line_width=int(round(style.line_weight * scale)) if style.line_weight else 0,
        shadow=FIGURE_SHADOW[style.lighting], key_side=camera.key_side,
    )
    boxes: dict[str, tuple[float, float, float, float]] = {}
    figures = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(figures, "RGBA")
    if shot.size == "INSERT":
        _insert(ImageDraw.Draw(plate, "RGBA"), shot, palette, look, width, height, camera)
    for mark in camera.blocking:
        profile = people[mark.name]
        box = draw_figure(draw, profile, mark.x, mark.feet_y, mark.height, mark.facing, mark.foreshorten,
                          look, top_down=camera.top_down)
        boxes[mark.name] = box
        if mark.feet_y < height * 1.02 and not camera.top_down:
            # Contact shadow on the plate (the figures layer goes over it), as wide as the
            # figure's own footprint: a dog's is long, a child's small.
            r = (box[2] - box[0]) * 0.5
            cx = (box[0] + box[2]) / 2
            ImageDraw.Draw(plate, "RGBA").ellipse(
                [cx - r, mark.feet_y - r * 0.16, cx + r * 1.2, mark.feet_y + r * 0.16],
                fill=alpha((0, 0, 0), 0.35))
    small = [name for name, b in boxes.items() if b[3] - b[1] < RIM_BELOW * height]
    if small and not camera.top_down:
        reach = max(1, int(round(max(2, style.line_weight) * scale * 0.75)))
        for name in small:
            boxes[name] = _rim(figures, plate, boxes[name], reach, palette)
    if camera.blocking and style.lighting == "neon":
        figures = _rim_light(figures, palette["accent"], palette["sky"], max(2, int(6 * scale)))
    weather = read_weather(planned, scene)
    pixel_boxes = {n: (b[0], b[1], b[2] - b[0], b[3] - b[1]) for n, b in boxes.items()}
    weather_seed = stable_int("weather", seed, scene.index, planned.id)
    painted = paint_weather(plate, weather, camera.horizon, pixel_boxes, palette, camera.top_down, weather_seed, "set")
    plate.paste(figures, (0, 0), figures)
    painted += paint_weather(plate, weather, camera.horizon, pixel_boxes, palette, camera.top_down, weather_seed)
    k = 0.0 if camera.top_down else keystone_strength(ANGLE_TILT[shot.angle], shot.lens_mm, width, height)
    plate, boxes = keystone(plate, boxes, k)
    image = _light(plate, style, camera, boxes, shot.size == "POV", seed, stable_int("grain", shot.id))
    image, boxes = roll(image, boxes, camera.roll)
    clipped = _clip_boxes(boxes, width, height)
    drawn = _drawn(shot, scene, people, clipped, camera)
    drawn["weather"] = {**weather.account(), "drawn": painted}
    drawn["camera"] = _camera_account(shot, camera, k, clipped)
    drawn["variant"] = {"index": variant, "planned": {"size": planned.size, "angle": planned.angle,
                                                      "lens_mm": planned.lens_mm},
                        "changed": changed or ["as planned"]}
    return RenderedFrame(image=image, boxes=clipped, drawn=drawn)


def _camera_account(shot: Shot, camera: Camera, k: float, boxes: dict) -> dict:
    """Where the camera stood, as numbers a test or a person can check against the picture."""
    h = camera.height
    out = {"angle": shot.angle, "tilt_deg": ANGLE_TILT[shot.angle], "roll_deg": camera.roll,
           "horizon_y": round(camera.horizon, 1), "top_down": camera.top_down,
           "lens": {"mm": shot.lens_mm, "hfov_deg": round(hfov_deg(shot.lens_mm), 1),
                    "background_scale": round(background_scale(shot.lens_mm), 3),
                    "depth_scale": round(depth_scale(shot.lens_mm), 3), "background_zoom": round(camera.zoom, 3)},
           "keystone": round(k, 4)}
    if boxes:
        # How much bigger a head is drawn than the feet by the tilt: > 1 looking down, < 1 looking up.
        x, y, bw, bh = max(boxes.values(), key=lambda b: b[3])
        out["head_to_feet_scale"] = round(row_scale(k, y / h) / row_scale(k, min(1.0, (y + bh) / h)), 3)
    return out


def _drawn(shot: Shot, scene: Scene, people: dict[str, CharacterProfile], boxes: dict, camera: Camera) -> dict:
    """The frame's own account of itself: the set, who is in it and where, the prop, each as what."""
    keys = sorted(set_keywords(scene))
    near = drawable_for(scene.location, "place") if scene.location.strip() else None
    place = {"location": scene.location, "interior": scene.interior, "time": time_of_day(scene),
             "drawn_as": keys or [("room" if scene.interior else "open ground")],
             "exact": bool(keys) and near is not None and near.exact}
    figures = [{"name": name, "silhouette": people[name].silhouette, "box": list(box)} for name, box in boxes.items()]
    missing = [name for name in shot.subjects if name in people and name not in boxes]
    drawn = {"shot": shot.id, "size": shot.size, "angle": shot.angle, "set": place, "figures": figures,
             "not_in_frame": missing, "props": []}
    if shot.size == "INSERT":
        name = _prop_name(shot)
        prop = drawable_for(name, "prop")
        drawn["props"].append({"name": name, "drawn_as": prop.name, "exact": prop.exact})
    return drawn


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    try:
        width, height = int(size[0]), int(size[1])
    except (TypeError, ValueError, IndexError):
        raise BadInput(f"frame size must be (width, height), got {size!r}") from None
    if not (64 <= width <= 8192 and 64 <= height <= 8192):
        raise BadInput(f"frame size {width}x{height} is outside 64..8192 pixels")
    return width, height


def _set_plate(scene: Scene, palette: dict[str, RGB], camera: Camera, seed: int) -> Image.Image:
    """The set, drawn small and enlarged behind close shots: the lens's shallow focus for free."""
    width, height = camera.width, camera.height
    d = camera.defocus
    small = (max(16, math.ceil(width / d)), max(16, math.ceil(height / d)))
    plate = paint_set(scene, palette, small, camera.horizon / height, camera.zoom, camera.pan / width,
                      camera.top_down, seed)
    return plate.resize((width, height), Image.BILINEAR) if d > 1 else plate


def _insert(draw: ImageDraw.ImageDraw, shot: Shot, palette: dict[str, RGB], look: FigureLook,
            width: int, height: int, camera: Camera) -> None:
    """Tabletop and the prop, big and labelled."""
    # The table's far edge is the insert's horizon: high above a camera looking down on it.
    table_top = height * (min(0.7, max(0.25, camera.horizon / height + 0.05)) + camera.pan / width * 0.2)
    table = mix(palette["ground"], palette["key"], 0.35)
    draw.rectangle([0, table_top, width, height], fill=table)
    for k in range(1, 7):
        y = table_top + (height - table_top) * (k / 7) ** 1.4
        draw.line([(0, y), (width, y)], fill=alpha(shade(table, 0.75), 0.5), width=max(1, int(height / 360)))
    draw.line([(0, table_top), (width, table_top)], fill=shade(table, 1.25), width=max(2, int(height / 180)))
    name = _prop_name(shot)
    # A longer lens fills more of the frame with the prop (an insert's variant goes tighter).
    prop_size = min(width, height) * 0.42 * min(1.5, max(0.7, (shot.lens_mm / 100) ** 0.5))
    cx = width * (0.5 + camera.pan / width)
    # The prop and its name label stay inside the frame, whatever the aspect.
    label_bottom = prop_size * (0.54 + 0.16) + 12
    cy = min(table_top + prop_size * 0.05, height - label_bottom - 0.02 * height)
    draw_prop(draw, name, cx, cy, prop_size, palette["key"], palette["accent"],
              look.outline, max(2, look.line_width), palette["highlight"])


def _prop_name(shot: Shot) -> str:
    if shot.props:
        return shot.props[0]
    if shot.subjects:
        return shot.subjects[0]
    words = [w for w in shot.description.split() if w.isupper() and len(w) > 2]
    return words[0] if words else "prop"


def _rim(figures: Image.Image, plate: Image.Image, box: tuple[float, float, float, float], reach: int,
         palette: dict[str, RGB]) -> tuple[float, float, float, float]:
    """A thin rim round a small figure, light on a dark set and dark on a light one, as an
    animator separates a distant character from the background; returns the grown box."""
    width, height = figures.size
    x0, y0 = max(0, int(box[0]) - reach - 1), max(0, int(box[1]) - reach - 1)
    x1, y1 = min(width, int(math.ceil(box[2])) + reach + 1), min(height, int(math.ceil(box[3])) + reach + 1)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return box
    region = (x0, y0, x1, y1)
    patch = figures.crop(region)
    body = patch.getchannel("A")
    ring = ImageChops.subtract(body.filter(ImageFilter.MaxFilter(2 * reach + 1)), body)
    ground = float(np.asarray(plate.crop(region).convert("L")).mean())
    color = mix(palette["highlight"], (255, 255, 255), 0.3) if ground < 110 else mix(palette["shadow"], (0, 0, 0), 0.5)
    patch.paste(Image.new("RGBA", patch.size, color + (255,)), (0, 0), ring.point(lambda v: v * 3 // 4))
    figures.paste(patch, (x0, y0))
    return box[0] - reach, box[1] - reach, box[2] + reach, box[3] + reach


def _rim_light(figures: Image.Image, left: RGB, right: RGB, reach: int) -> Image.Image:
    """Neon edges: coloured light wrapping each silhouette from both sides."""
    arr = np.asarray(figures).copy()
    mask = arr[..., 3] > 0
    from_left = mask & ~np.roll(mask, reach, axis=1)
    from_right = mask & ~np.roll(mask, -reach, axis=1)
    for edge, color in ((from_left, left), (from_right, right)):
        glow = mix(color, (255, 255, 255), 0.35)
        arr[edge, :3] = (arr[edge, :3] * 0.3 + np.array(glow) * 0.7).astype(np.uint8)
    return Image.fromarray(arr)


def _light(plate: Image.Image, style: StyleBible, camera: Camera,
           boxes: dict[str, tuple[float, float, float, float]], pov: bool, seed: int, grain_offset: int) -> Image.Image:
    width, height = camera.width, camera.height
    subjects = [(((b[0] + b[2]) / 2) / width, (b[1] + (b[3] - b[1]) * 0.2) / height) for b in boxes.values()]
    subjects = [(min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)) for x, y in subjects]
    light = light_map(style.lighting, style.key_fill_ratio, width, height, camera.key_side, subjects)
    light *= vignette(width, height, 0.6 if pov else 0.16)
    palette = palette_rgb(style)
    wash = neon_wash(width, height, palette["accent"], palette["sky"]) if style.lighting == "neon" else None
    lift = 0.14 if style.lighting == "high_key" else 0.0
    lit = finish(plate, light, wash, palette["highlight"], lift, style.grain, seed, grain_offset)
    return medium_pass(lit, style.previs_look, seed)  # the medium's surface: wash, charcoal, pixels, clay


def _clip_boxes(boxes: dict[str, tuple[float, float, float, float]], width: int, height: int) -> dict[str, tuple[int, int, int, int]]:
    clipped = {}
    for name, (x0, y0, x1, y1) in boxes.items():
        cx0, cy0 = max(0, int(math.floor(x0))), max(0, int(math.floor(y0)))
        cx1, cy1 = min(width, int(math.ceil(x1))), min(height, int(math.ceil(y1)))
        if cx1 - cx0 >= 2 and cy1 - cy0 >= 2:
            clipped[name] = (cx0, cy0, cx1 - cx0, cy1 - cy0)
    return clipped


def render_sheet(profile: CharacterProfile, style: StyleBible, size: tuple[int, int] = (1280, 720)) -> Image.Image:
    """A character reference sheet: front, side and back views with the name and features."""
    from tools.previs.sheet import draw_sheet

    return draw_sheet(profile, style, _check_size(size), palette_rgb(style), signature(profile))
