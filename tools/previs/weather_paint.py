"""Painting the weather and the hour onto a composed frame (before light, grain and the lens).

Each painter is a few C-speed PIL calls (lines, ellipses, a blurred small layer
enlarged, a per-channel lookup table), so a storm with rain costs a few
milliseconds at 720p. Everything placed comes from the seed, so a shot and its
variants share one weather and a redraw is byte for byte the same.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFilter

from tools.previs.paint import RGB, mix
from tools.previs.weather import Weather

# Per-channel gains of the hour's colour (the set already paints night, dusk and dawn skies;
# this carries the hour onto faces and interiors too).
TIME_GRADE: dict[str, tuple[float, float, float]] = {
    "dawn": (1.02, 0.94, 1.0), "golden": (1.1, 0.96, 0.72), "dusk": (0.95, 0.84, 1.0),
    "night": (0.82, 0.86, 1.02), "day": (1.0, 1.0, 1.0),
}
OVERCAST = (0.82, 0.85, 0.9)  # rain and storm take the sun away
NEON_COLOURS: tuple[RGB, ...] = ((255, 60, 170), (40, 230, 255), (255, 200, 40), (140, 90, 255))


def paint_weather(image: Image.Image, weather: Weather, horizon: float, boxes: dict, palette: dict[str, RGB],
                  top_down: bool, seed: int, layer: str = "air") -> list[str]:
    """Paint the weather on image (RGB, in place); return what was drawn, in words.

    layer "set" is what stands behind the characters (the sun, lightning, neon, fire,
    smoke): painted before they are pasted; "air" is between them and the lens (the
    hour's colour, fog, rain, snow).
    """
    if layer == "set":
        return _paint_set(image, weather, horizon, boxes, top_down, random.Random(seed * 31 + 11))
    width, height = image.size
    rng = random.Random(seed * 31 + 7)
    drawn: list[str] = []
    kinds = set(weather.kinds)
    gain = TIME_GRADE.get(weather.time, TIME_GRADE["day"])
    if kinds & {"rain", "storm"}:
        gain = tuple(g * o for g, o in zip(gain, OVERCAST))
    if gain != (1.0, 1.0, 1.0):
        _grade(image, gain)
        drawn.append(f"{weather.time} grade" if weather.time != "day" else "overcast grade")
    if "fog" in kinds:
        _fog(image, horizon, palette)
        drawn.append("fog")
    if "rain" in kinds or "storm" in kinds:
        _rain(image, top_down, heavy="storm" in kinds, rng=rng)
        drawn.append("rain")
    if "snow" in kinds:
        _snow(image, rng)
        drawn.append("snow")
    return drawn


def _paint_set(image: Image.Image, weather: Weather, horizon: float, boxes: dict, top_down: bool,
               rng: random.Random) -> list[str]:
    width, height = image.size
    kinds, drawn = set(weather.kinds), []
    if weather.time == "golden" and not top_down and 0.05 * height < horizon < height:
        _low_sun(image, horizon, rng)
        drawn.append("low sun")
    if "storm" in kinds:
        _lightning(image, horizon, top_down, rng)
        drawn.append("lightning")
    if "neon" in kinds and not top_down:
        _neon(image, horizon, boxes, rng)
        drawn.append("neon signs")
    if "smoke" in kinds:
        _smoke(image, _clear_x(boxes, width, rng), horizon, rng)
        drawn.append("smoke plume")
    if "fire" in kinds:
        _fire(image, _clear_x(boxes, width, rng), horizon, top_down, rng)
        drawn.append("fire")
    return drawn


def _grade(image: Image.Image, gain: tuple[float, float, float]) -> None:
    lut = [min(255, int(v * g)) for g in gain for v in range(256)]
    image.paste(image.point(lut))


def _layer(image: Image.Image, overlay: Image.Image) -> None:
    image.paste(overlay.convert("RGB"), (0, 0), overlay)


def _clear_x(boxes: dict, width: int, rng: random.Random) -> float:
    """The middle of the widest stretch of the frame no character stands in."""
    spans = sorted((b[0], b[0] + b[2]) for b in boxes.values())
    edges, last = [], 0.0
    for x0, x1 in spans:
        if x0 > last:
            edges.append((last, x0))
        last = max(last, x1)
    if last < width:
        edges.append((last, float(width)))
    if not edges:
        return width * rng.choice((0.1, 0.9))
    a, b = max(edges, key=lambda e: e[1] - e[0])
    return (a + b) / 2


def _low_sun(image: Image.Image, horizon: float, rng: random.Random) -> None:
    width, height = image.size
    small = Image.new("RGBA", (max(8, width // 8), max(8, height // 8)), (0, 0, 0, 0))
    d = ImageDraw.Draw(small)
    sx, sy, r = small.width * rng.uniform(0.6, 0.85), horizon / 8 - small.height * 0.06, small.height * 0.5
    d.ellipse([sx - r, sy - r, sx + r, sy + r], fill=(255, 190, 90, 110))
    glow = small.filter(ImageFilter.GaussianBlur(small.height * 0.15)).resize((width, height), Image.BILINEAR)
    _layer(image, glow)
    ImageDraw.Draw(image).ellipse([sx * 8 - 30, sy * 8 - 30, sx * 8 + 30, sy * 8 + 30], fill=(255, 226, 160))


def _fog(image: Image.Image, horizon: float, palette: dict[str, RGB]) -> None:
    """A veil thickest at the horizon's distance, thinning toward the lens."""
    width, height = image.size
    colour = mix(palette["highlight"], (190, 196, 204), 0.6)
    column = Image.new("L", (1, 64))
    hz = min(max(horizon / height, 0.1), 0.9)
    column.putdata([int(255 * (0.78 - 0.5 * min(1.0, abs(i / 63 - hz) / 0.7))) for i in range(64)])
    image.paste(Image.new("RGB", image.size, colour), (0, 0), column.resize((width, height), Image.BILINEAR))


def _smoke(image: Image.Image, x: float, horizon: float, rng: random.Random) -> None:
    width, height = image.size
    scale = 8
    small = Image.new("RGBA", (width // scale, height // scale), (0, 0, 0, 0))
    d = ImageDraw.Draw(small)
    base = min(height * 0.9, max(horizon + height * 0.15, height * 0.55)) / scale
    for k in range(9):
        t = k / 8
        cx = x / scale + math.sin(t * 3 + rng.random()) * small.width * 0.04 + t * small.width * 0.06
        cy = base - t * base * 0.95
        r = small.height * (0.06 + 0.16 * t)
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(38, 38, 42, int(235 - 110 * t)))
    _layer(image, small.filter(ImageFilter.GaussianBlur(2)).resize((width, height), Image.BILINEAR))


def _flame(d: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, colour, rng: random.Random) -> None:
    tip = (x + rng.uniform(-0.2, 0.2) * w, y - h)
    d.polygon([(x - w / 2, y), (x - w * 0.35, y - h * 0.45), tip, (x + w * 0.35, y - h * 0.45), (x + w / 2, y)],
              fill=colour)


def _fire(image: Image.Image, x: float, horizon: float, top_down: bool, rng: random.Random) -> None:
    width, height = image.size
    base = height * 0.5 if top_down else min(height * 0.93, max(horizon + height * 0.2, height * 0.7))
    size = height * 0.22
    glow = Image.new("RGBA", (width // 8, height // 8), (0, 0, 0, 0))
    r = size / 8 * 1.6
    ImageDraw.Draw(glow).ellipse([x / 8 - r, base / 8 - r * 1.2, x / 8 + r, base / 8 + r * 0.5],
                                 fill=(255, 140, 40, 120))
    _layer(image, glow.filter(ImageFilter.GaussianBlur(r * 0.5)).resize((width, height), Image.BILINEAR))
    d = ImageDraw.Draw(image, "RGBA")
    for colour, k in (((220, 60, 20, 235), 1.0), ((255, 150, 30, 240), 0.72), ((255, 230, 120, 250), 0.42)):
        for j in range(-2, 3):
            _flame(d, x + j * size * 0.16 * k, base, size * 0.32 * k, size * k * (1 - abs(j) * 0.18), colour, rng)
    d.rectangle([x - size * 0.45, base - size * 0.04, x + size * 0.45, base + size * 0.04], fill=(60, 36, 24, 255))


def _neon(image: Image.Image, horizon: float, boxes: dict, rng: random.Random) -> None:
    """Glowing tube signs on the walls above head height, clear of the characters' faces."""
    width, height = image.size
    scale = 4
    glow = Image.new("RGBA", (width // scale, height // scale), (0, 0, 0, 0))
    tubes = Image.new("RGBA", image.size, (0, 0, 0, 0))
    g, t = ImageDraw.Draw(glow), ImageDraw.Draw(tubes)
    heads = [(b[0], b[1], b[0] + b[2], b[1] + b[3] * 0.35) for b in boxes.values()]
    placed = 0
    for k in range(12):
        if placed >= 3:
            break
        w, h = width * rng.uniform(0.12, 0.2), height * rng.uniform(0.07, 0.12)
        x0, y0 = width * rng.uniform(0.03, 0.85), height * rng.uniform(0.06, 0.38)
        box = (x0, y0, x0 + w, y0 + h)
        if any(box[0] < hx1 and box[2] > hx0 and box[1] < hy1 and box[3] > hy0 for hx0, hy0, hx1, hy1 in heads):
            continue
        colour = NEON_COLOURS[(placed + rng.randrange(4)) % len(NEON_COLOURS)]
        line = max(2, int(height / 180))
        g.rounded_rectangle([c / scale for c in box], radius=h / scale * 0.3, outline=colour + (255,), width=5,
                            fill=colour + (70,))
        t.rounded_rectangle(box, radius=h * 0.3, outline=mix(colour, (255, 255, 255), 0.3) + (255,), width=line)
        for j in range(3):  # the sign's lettering as tube strokes
            lx = x0 + w * (0.18 + j * 0.26)
            t.line([(lx, y0 + h * 0.3), (lx + w * 0.12, y0 + h * 0.7)], fill=colour + (255,), width=line)
        placed += 1
    soft = glow.filter(ImageFilter.GaussianBlur(5)).resize(image.size, Image.BILINEAR)
    _layer(image, soft)
    _layer(image, soft)  # twice: a tube's glow is brighter than the wall it lights
    _layer(image, tubes)


def _lightning(image: Image.Image, horizon: float, top_down: bool, rng: random.Random) -> None:
    width, height = image.size
    sky_bottom = min(max(horizon, 0.0), float(height))
    d = ImageDraw.Draw(image, "RGBA")
    if sky_bottom > height * 0.08 and not top_down:
        # storm clouds close the sky, lit from inside by the flash
        d.rectangle([0, 0, width, sky_bottom], fill=(30, 32, 44, 110))
        x, y = width * rng.uniform(0.15, 0.85), 0.0
        points = [(x, y)]
        while y < sky_bottom * 0.95:
            y += height * rng.uniform(0.04, 0.09)
            x += width * rng.uniform(-0.035, 0.035)
            points.append((x, min(y, sky_bottom)))
        d.line(points, fill=(200, 210, 255, 90), width=max(6, int(height / 60)))
        d.line(points, fill=(250, 250, 255, 255), width=max(2, int(height / 240)))
    else:
        d.rectangle([0, 0, width, height], fill=(220, 225, 255, 40))  # only the flash is seen


def _rain(image: Image.Image, top_down: bool, heavy: bool, rng: random.Random) -> None:
    width, height = image.size
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    count = int(width * height / (1400 if heavy else 2400))
    slant = 0.25 if heavy else 0.12
    line = max(1, int(height / 500))
    for _ in range(count):
        x, y = rng.uniform(-0.1, 1.0) * width, rng.uniform(-0.05, 1.0) * height
        if top_down:  # seen from above: drops and their splashes are specks
            d.ellipse([x, y, x + line * 2, y + line * 2], fill=(210, 220, 235, 120))
            continue
        length = height * rng.uniform(0.03, 0.07)
        d.line([(x, y), (x + length * slant, y + length)], fill=(205, 215, 230, rng.randint(70, 150)), width=line)
    _layer(image, layer)


def _snow(image: Image.Image, rng: random.Random) -> None:
    width, height = image.size
    d = ImageDraw.Draw(image, "RGBA")
    for _ in range(int(width * height / 3500)):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        r = height * rng.choice((0.002, 0.003, 0.004, 0.007))
        d.ellipse([x - r, y - r, x + r, y + r], fill=(248, 250, 255, rng.randint(150, 235)))
