"""The set: sky, ground and simple dressing read from the scene heading.

Everything is placed from the scene's own seed (its location and number), so
every shot of a scene sees the same lighthouse in the same place; the camera
only changes how much of it is seen (zoom) and from where (pan, horizon).
"""

from __future__ import annotations

import random
import re

import numpy as np
from PIL import Image, ImageDraw

from graph.state import Scene
from tools.previs.paint import RGB, alpha, mix, shade, stable_int
from tools.previs.interiors import DRESSERS
from tools.previs.vocabulary import REPERTOIRE, drawable_for

NIGHT_SKY: RGB = (12, 16, 34)


def time_of_day(scene: Scene) -> str:
    """day, night, dusk or dawn from the heading's time."""
    text = f"{scene.time_of_day} {scene.heading}".upper()
    if "NIGHT" in text or "MIDNIGHT" in text:
        return "night"
    if any(w in text for w in ("DUSK", "SUNSET", "EVENING", "TWILIGHT")):
        return "dusk"
    if any(w in text for w in ("DAWN", "SUNRISE", "DAYBREAK")):
        return "dawn"
    return "day"


_STATED_TIME = re.compile(r"\b(DAY|MORNING|NOON|AFTERNOON|NIGHT|MIDNIGHT|DUSK|SUNSET|EVENING|TWILIGHT|DAWN|SUNRISE|"
                          r"DAYBREAK|GOLDEN HOUR)\b")


def lit_scene(scenes: list[Scene], index: int) -> Scene:
    """The scene at 1-based `index` with the time of day it is really lit by.

    LATER, CONTINUOUS, SAME or no time at all in a heading means the clock runs on
    from the scene before, so a dawn sequence stays at dawn in every set.
    """
    scene = scenes[index - 1]
    if _STATED_TIME.search(f"{scene.time_of_day} {scene.heading}".upper()):
        return scene
    for earlier in reversed(scenes[:index - 1]):
        stated = _STATED_TIME.search(f"{earlier.time_of_day} {earlier.heading}".upper())
        if stated:
            return scene.model_copy(update={"time_of_day": stated.group(1)})
    return scene


def set_keywords(scene: Scene) -> set[str]:
    """The sets the heading names, or the one nearest in meaning ('roastery' is drawn as a kitchen)."""
    text = f"{scene.location} {scene.heading}".lower()
    own = REPERTOIRE["place"]
    tokens = {_noun_lemma(t) for t in re.findall(r"[a-zé]+", text)} | set(re.findall(r"[a-zé]+", text))
    # Whole words only ("street" holds "tree").
    found = {name for name, words in own.items() if any(w in tokens for w in words)}
    if not found and scene.location.strip():
        near = drawable_for(scene.location, "place")
        if near.name in own:
            found.add(near.name)
    if "lighthouse" in found:
        found.add("sea")  # a lighthouse stands over water
    return found


def _noun_lemma(token: str) -> str:
    from lemminflect import getLemma

    lemmas = getLemma(token, upos="NOUN")
    return lemmas[0].lower() if lemmas else token


def sky_colors(palette: dict[str, RGB], when: str) -> tuple[RGB, RGB]:
    """(top, horizon) of the sky for the time of day, in the bible's colours."""
    sky, highlight, accent, shadow, skin = (palette[k] for k in ("sky", "highlight", "accent", "shadow", "skin"))
    if when == "night":
        return mix(sky, NIGHT_SKY, 0.6), mix(sky, shadow, 0.35)
    if when == "dusk":
        return mix(sky, shadow, 0.55), mix(accent, highlight, 0.35)
    if when == "dawn":
        return mix(sky, highlight, 0.25), mix(highlight, skin, 0.5)
    return sky, mix(sky, highlight, 0.6)


def vertical_gradient(width: int, height: int, stops: list[tuple[float, RGB]]) -> np.ndarray:
    """An HxWx3 uint8 gradient through (y fraction, colour) stops; one column, then broadcast."""
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)
    fracs = [s[0] for s in stops]
    column = np.stack([np.interp(ys, fracs, [s[1][ch] for s in stops]) for ch in range(3)], axis=1)
    return np.broadcast_to(column[:, None, :].astype(np.uint8), (height, width, 3))


def paint_set(scene: Scene, palette: dict[str, RGB], size: tuple[int, int], horizon: float, zoom: float,
              pan: float, top_down: bool, seed: int = 0) -> Image.Image:
    """The background plate; horizon and pan are fractions of the canvas."""
    width, height = size
    when = time_of_day(scene)
    keys = set_keywords(scene)
    rng = random.Random(stable_int("set", seed, scene.index, scene.location))
    if top_down:
        return _ground_from_above(scene, palette, size, pan, zoom, rng, when)
    if scene.interior:
        return _interior(palette, size, horizon, zoom, pan, rng, when, keys)
    top, low = sky_colors(palette, when)
    ground = palette["ground"]
    far_ground = mix(ground, low, 0.35)
    near_ground = shade(ground, 0.7 if when in ("night", "dusk") else 0.9)
    hz = min(max(horizon, -0.5), 1.5)
    stops: list[tuple[float, RGB]] = [(0.0, top)]
    if 0 < hz < 1:
        stops += [(hz - 0.001, low), (hz, far_ground), (1.0, near_ground)]
    elif hz >= 1:
        stops += [(1.0, mix(top, low, min(1.0, 1 / hz)))]
    else:
        stops = [(0.0, mix(far_ground, near_ground, -hz / (1 - hz))), (1.0, near_ground)]
    plate = Image.fromarray(np.ascontiguousarray(vertical_gradient(width, height, stops)))
    draw = ImageDraw.Draw(plate, "RGBA")
    y_h = hz * height

    def wx(frac: float) -> float:
        """World x (0..1 across the set) to canvas px under this camera's zoom and pan."""
        return (0.5 + (frac - 0.5) * zoom + pan) * width

    unit = min(width, height * 16 / 9) / 1280 * zoom
    _sky_dressing(draw, palette, when, width, y_h, wx, unit, rng)
    if "mountain" in keys or not keys:
        _hills(draw, palette, low, y_h, wx, unit, rng, tall="mountain" in keys)
    if "city" in keys:
        _city(draw, palette, when, y_h, wx, unit, rng, height)
    if "sea" in keys:
        _sea(draw, palette, low, when, width, height, y_h, unit, rng, wx)
    if "forest" in keys:
        _trees(draw, palette, y_h, wx, unit, rng)
    if "lighthouse" in keys:
        _lighthouse(draw, palette, when, y_h, wx, unit, rng)
    return plate


def _sky_dressing(draw, palette, when, width, y_h, wx, unit, rng):
    if when == "night":
        for _ in range(60):
            sx, sy = rng.uniform(0, 1), rng.uniform(0, 0.9)
            r = rng.choice((1, 1, 1.5, 2)) * max(0.6, unit)
            draw.ellipse([wx(sx) - r, sy * y_h - r, wx(sx) + r, sy * y_h + r], fill=alpha(palette["highlight"], 0.8))
        mx, my, r = wx(0.78), y_h * 0.25, 34 * unit
        draw.ellipse([mx - r * 1.8, my - r * 1.8, mx + r * 1.8, my + r * 1.8], fill=alpha(palette["highlight"], 0.08))
        draw.ellipse([mx - r, my - r, mx + r, my + r], fill=mix(palette["highlight"], (255, 255, 240), 0.4))
    elif when in ("dusk", "dawn"):
        sx, r = wx(0.3 if when == "dawn" else 0.7), 60 * unit
        # half a sun on the horizon line: the ground hides the rest
        draw.chord([sx - r * 2, y_h - r * 2, sx + r * 2, y_h + r * 2], 180, 360, fill=alpha(palette["highlight"], 0.15))
        draw.chord([sx - r, y_h - r, sx + r, y_h + r], 180, 360, fill=mix(palette["accent"], (255, 220, 150), 0.5))
    else:
        for _ in range(3):
            cx, cy, cw = rng.uniform(0.05, 0.95), rng.uniform(0.15, 0.55), rng.uniform(90, 180) * unit
            for k in range(4):
                ox = (k - 1.5) * cw * 0.35
                draw.ellipse([wx(cx) + ox - cw * 0.3, cy * y_h - cw * 0.12 - (k % 2) * cw * 0.08,
                              wx(cx) + ox + cw * 0.3, cy * y_h + cw * 0.1], fill=alpha(palette["highlight"], 0.55))


def _hills(draw, palette, low, y_h, wx, unit, rng, tall):
    for layer in range(2):
        color = mix(palette["ground"], low, 0.55 - layer * 0.25)
        pts = [(wx(-0.6), y_h + 1)]
        x = -0.6
        while x < 1.6:
            x += rng.uniform(0.08, 0.2)
            peak = rng.uniform(0.5, 1.0) * (260 if tall else 70) * unit * (1 - layer * 0.4)
            pts.append((wx(x), y_h - peak))
        pts.append((wx(1.6), y_h + 1))
        draw.polygon(pts, fill=color)


def _city(draw, palette, when, y_h, wx, unit, rng, height):
    wall = mix(palette["key"], palette["shadow"], 0.45)
    lit = mix(palette["accent"], (255, 230, 160), 0.5) if when in ("night", "dusk") else mix(palette["sky"], palette["highlight"], 0.4)
    x = -0.5
    while x < 1.5:
        bw = rng.uniform(0.06, 0.13)
        bh = rng.uniform(140, 420) * unit
        tone = mix(wall, palette["sky"], rng.uniform(0.0, 0.3))
        x0, x1 = wx(x), wx(x + bw * 0.95)
        draw.rectangle([x0, y_h - bh, x1, y_h + 2], fill=tone)
        step = 22 * unit
        if step > 4:
            yy = y_h - bh + step
            while yy < y_h - step:
                xx = x0 + step * 0.6
                while xx < x1 - step * 0.6:
                    if rng.random() < (0.45 if when == "night" else 0.8):
                        draw.rectangle([xx, yy, xx + step * 0.45, yy + step * 0.55], fill=lit)
                    xx += step
                yy += step * 1.1
        x += bw
    # street: a road edge converging on the vanishing point
    draw.polygon([(wx(0.42), y_h), (wx(0.58), y_h), (wx(1.3), height * 2), (wx(-0.3), height * 2)],
                 fill=mix(palette["ground"], palette["shadow"], 0.45))


def _sea(draw, palette, low, when, width, height, y_h, unit, rng, wx):
    water = mix(mix(palette["sky"], palette["shadow"], 0.45), low, 0.2)
    if when == "night":
        water = mix(water, (8, 12, 30), 0.4)
    band = max(0.16 * height, 110 * unit)
    draw.rectangle([0, y_h, width, y_h + band], fill=water)
    crest = alpha(palette["highlight"], 0.55)
    rows = 7
    for row in range(rows):
        yy = y_h + band * (row + 0.6) / rows
        span = (18 + row * 10) * unit
        x = -rng.uniform(0, span)
        while x < width:
            draw.arc([x, yy - span * 0.18, x + span, yy + span * 0.18], 200, 340, fill=crest,
                     width=max(1, int(unit * (1 + row * 0.4))))
            x += span * rng.uniform(1.1, 1.8)
    # rocks at the shore line
    shore_y = y_h + band
    for _ in range(5):
        rx, rw = wx(rng.uniform(-0.2, 1.2)), rng.uniform(40, 120) * unit
        draw.ellipse([rx - rw, shore_y - rw * 0.35, rx + rw, shore_y + rw * 0.3], fill=shade(palette["shadow"], 1.1))


def _trees(draw, palette, y_h, wx, unit, rng):
    leaf = mix(palette["ground"], palette["key"], 0.3)
    bark = shade(palette["shadow"], 1.2)
    trees = sorted((rng.uniform(-0.3, 1.3), rng.uniform(0.6, 1.3)) for _ in range(9))
    for tx, s in trees:
        th = 230 * unit * s
        x = wx(tx)
        draw.rectangle([x - 9 * unit * s, y_h - th * 0.55, x + 9 * unit * s, y_h + 6 * unit], fill=bark)
        for k in range(4):
            ox, oy, r = (k - 1.5) * 28 * unit * s, -th * (0.55 + 0.12 * (k % 2)), 52 * unit * s
            draw.ellipse([x + ox - r, y_h + oy - r, x + ox + r, y_h + oy + r], fill=shade(leaf, 0.85 + 0.1 * k))
        draw.ellipse([x - 45 * unit * s, y_h - th - 30 * unit * s, x + 45 * unit * s, y_h - th * 0.6],
                     fill=shade(leaf, 1.15))


def _lighthouse(draw, palette, when, y_h, wx, unit, rng):
    x = wx(0.8 if rng.random() < 0.5 else 0.2)
    base, top_w, th = 30 * unit, 20 * unit, 230 * unit
    white, red = mix(palette["highlight"], (240, 240, 235), 0.4), mix(palette["accent"], (200, 40, 40), 0.4)
    draw.polygon([(x - base, y_h), (x + base, y_h), (x + top_w, y_h - th), (x - top_w, y_h - th)], fill=white)
    for band in range(4):
        y0 = y_h - th * (0.15 + band * 0.22)
        y1 = y0 - th * 0.1
        w0 = base - (base - top_w) * (y_h - y0) / th
        w1 = base - (base - top_w) * (y_h - y1) / th
        draw.polygon([(x - w0, y0), (x + w0, y0), (x + w1, y1), (x - w1, y1)], fill=red)
    lamp_y = y_h - th
    draw.rectangle([x - top_w * 1.3, lamp_y - 6 * unit, x + top_w * 1.3, lamp_y], fill=shade(palette["shadow"], 1.3))
    glow = (255, 236, 170) if when in ("night", "dusk") else mix(palette["highlight"], (255, 255, 255), 0.3)
    draw.rectangle([x - top_w * 0.8, lamp_y - 40 * unit, x + top_w * 0.8, lamp_y - 6 * unit], fill=glow)
    draw.polygon([(x - top_w, lamp_y - 40 * unit), (x + top_w, lamp_y - 40 * unit), (x, lamp_y - 70 * unit)],
                 fill=red)
    if when in ("night", "dusk"):
        ly = lamp_y - 23 * unit
        draw.polygon([(x, ly), (x - 900 * unit, ly - 160 * unit), (x - 900 * unit, ly + 90 * unit)],
                     fill=alpha(glow, 0.22))


def _interior(palette, size, horizon, zoom, pan, rng, when, keys):
    """A box set: back wall, side walls and floor converging on the vanishing point."""
    width, height = size
    wall = mix(palette["key"], palette["highlight"], 0.35)
    side_wall = shade(wall, 0.82)
    floor = palette["ground"]
    if when == "night":
        wall, side_wall = shade(wall, 0.75), shade(side_wall, 0.7)
    plate = Image.new("RGB", size, side_wall)
    draw = ImageDraw.Draw(plate, "RGBA")
    vx, vy = (0.5 + pan) * width, horizon * height
    half_w, up, down = 0.42 * width * zoom, 0.62 * height * zoom, 0.24 * height * zoom
    back = (vx - half_w, vy - up, vx + half_w, vy + down)
    draw.polygon([(back[0], back[3]), (back[2], back[3]), (vx + (back[2] - vx) * 9, vy + (back[3] - vy) * 9),
                  (vx + (back[0] - vx) * 9, vy + (back[3] - vy) * 9)], fill=floor)
    for k in range(-6, 7):
        fx = vx + k * half_w / 3
        draw.line([(fx, back[3]), (vx + (fx - vx) * 9, vy + (back[3] - vy) * 9)],
                  fill=alpha(shade(floor, 0.7), 0.6), width=max(1, int(2 * zoom)))
    draw.polygon([(back[0], back[1]), (back[2], back[1]), (vx + (back[2] - vx) * 9, vy + (back[1] - vy) * 9),
                  (vx + (back[0] - vx) * 9, vy + (back[1] - vy) * 9)], fill=shade(side_wall, 0.9))
    draw.rectangle(back, fill=wall)
    draw.line([(back[0], back[3]), (back[2], back[3])], fill=shade(floor, 0.6), width=max(1, int(3 * zoom)))
    bw, bh = back[2] - back[0], back[3] - back[1]
    dresser = next((k for k in DRESSERS if k in keys), None)
    if dresser is None:  # the dressed sets bring their own windows and exits
        # window onto the time of day
        top, low = sky_colors(palette, when)
        wx0, wy0 = back[0] + bw * 0.12, back[1] + bh * 0.22
        ww, wh = bw * 0.26, bh * 0.36
        sky_strip = vertical_gradient(max(1, int(ww)), max(1, int(wh)), [(0.0, top), (1.0, low)])
        plate.paste(Image.fromarray(np.ascontiguousarray(sky_strip)), (int(wx0), int(wy0)))
        frame_c = mix(palette["highlight"], (245, 240, 230), 0.3)
        fw = max(2, int(6 * zoom))
        draw.rectangle([wx0, wy0, wx0 + ww, wy0 + wh], outline=frame_c, width=fw)
        draw.line([(wx0 + ww / 2, wy0), (wx0 + ww / 2, wy0 + wh)], fill=frame_c, width=fw)
        draw.line([(wx0, wy0 + wh / 2), (wx0 + ww, wy0 + wh / 2)], fill=frame_c, width=fw)
        if when == "night":
            r = ww * 0.08
            draw.ellipse([wx0 + ww * 0.7 - r, wy0 + wh * 0.25 - r, wx0 + ww * 0.7 + r, wy0 + wh * 0.25 + r],
                         fill=palette["highlight"])
        # door
        dx0 = back[0] + bw * 0.7
        draw.rectangle([dx0, back[1] + bh * 0.3, dx0 + bw * 0.16, back[3]], fill=mix(palette["shadow"], palette["key"], 0.45),
                       outline=shade(palette["shadow"], 0.8), width=max(1, int(3 * zoom)))
        kr = bw * 0.008
        draw.ellipse([dx0 + bw * 0.13 - kr, back[1] + bh * 0.68 - kr, dx0 + bw * 0.13 + kr, back[1] + bh * 0.68 + kr],
                     fill=palette["accent"])
    if dresser is not None:
        DRESSERS[dresser](draw, back, palette, zoom, when)
    elif "kitchen" in keys:
        counter = mix(palette["ground"], palette["highlight"], 0.3)
        draw.rectangle([back[0], back[3] - bh * 0.3, back[0] + bw * 0.62, back[3]], fill=shade(counter, 0.85))
        draw.rectangle([back[0], back[3] - bh * 0.32, back[0] + bw * 0.64, back[3] - bh * 0.28], fill=counter)
        for k in range(4):
            draw.rectangle([back[0] + bw * (0.02 + k * 0.15), back[1] + bh * 0.02, back[0] + bw * (0.14 + k * 0.15),
                            back[1] + bh * 0.16], fill=shade(counter, 0.9), outline=shade(counter, 0.6))
        for k in range(3):
            lx = back[0] + bw * (0.3 + k * 0.15)
            draw.line([(lx, back[1]), (lx, back[1] + bh * 0.12)], fill=shade(palette["shadow"], 1.2))
            draw.pieslice([lx - bw * 0.03, back[1] + bh * 0.1, lx + bw * 0.03, back[1] + bh * 0.17], 180, 360,
                          fill=palette["accent"])
    elif "office" in keys:
        desk = mix(palette["ground"], palette["shadow"], 0.3)
        draw.rectangle([back[0] + bw * 0.4, back[3] - bh * 0.26, back[0] + bw * 0.68, back[3] - bh * 0.22], fill=desk)
        draw.rectangle([back[0] + bw * 0.42, back[3] - bh * 0.22, back[0] + bw * 0.44, back[3]], fill=desk)
        draw.rectangle([back[0] + bw * 0.64, back[3] - bh * 0.22, back[0] + bw * 0.66, back[3]], fill=desk)
        draw.rectangle([back[0] + bw * 0.5, back[3] - bh * 0.42, back[0] + bw * 0.6, back[3] - bh * 0.28],
                       fill=(30, 34, 40), outline=shade(palette["shadow"], 0.8))
        for k in range(5):
            draw.rectangle([back[0] + bw * (0.42 + k * 0.02), back[1] + bh * 0.08, back[0] + bw * (0.435 + k * 0.02),
                            back[1] + bh * 0.2], fill=mix(palette["accent"], palette["key"], k / 5))
    elif "bedroom" in keys:
        bed = mix(palette["highlight"], palette["accent"], 0.25)
        draw.rectangle([back[0] + bw * 0.38, back[3] - bh * 0.2, back[0] + bw * 0.66, back[3]], fill=bed)
        draw.rectangle([back[0] + bw * 0.38, back[3] - bh * 0.3, back[0] + bw * 0.42, back[3]], fill=shade(bed, 0.7))
    else:
        pic = (back[0] + bw * 0.45, back[1] + bh * 0.22, back[0] + bw * 0.6, back[1] + bh * 0.42)
        draw.rectangle(pic, fill=mix(palette["accent"], palette["sky"], 0.5), outline=shade(palette["shadow"], 1.2),
                       width=max(1, int(4 * zoom)))
    return plate


def _ground_from_above(scene, palette, size, pan, zoom, rng, when):
    """Bird's-eye: the ground fills the frame, with the set's features as plan shapes."""
    width, height = size
    ground = palette["ground"] if not scene.interior else mix(palette["ground"], palette["key"], 0.2)
    if when == "night":
        ground = shade(ground, 0.7)
    plate = Image.new("RGB", size, ground)
    draw = ImageDraw.Draw(plate, "RGBA")
    keys = set_keywords(scene)
    if "sea" in keys:
        draw.rectangle([0, 0, width, height * 0.35], fill=mix(palette["sky"], palette["shadow"], 0.4))
    step = 90 * zoom * width / 1280
    for k in range(int(width / max(step, 8)) + 2):
        x = k * step + (pan * width) % step
        draw.line([(x, 0), (x, height)], fill=alpha(shade(ground, 0.8), 0.5), width=max(1, int(2 * zoom)))
    if "forest" in keys:
        for _ in range(6):
            cx, cy, r = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(40, 90) * zoom
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=mix(palette["ground"], palette["key"], 0.4))
    return plate
