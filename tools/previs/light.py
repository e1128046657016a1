"""Lighting and film texture as whole-frame passes (numpy, no per-pixel Python).

Each lighting style is a light map (a multiplier per pixel) plus, for some, an
additive wash: high key lifts the blacks, low key leaves a pool of light on
the subject, Rembrandt/loop/split fall off from the key side by the key:fill
ratio, butterfly comes from above, stage is a spotlight, neon adds coloured
rim washes. Maps are computed at 1/8 size and enlarged: light is smooth, so
nothing is lost and a frame stays well under 100 ms.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image

from tools.previs.paint import RGB

MAP_SCALE = 8


def _grid(width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    w, h = max(2, width // MAP_SCALE), max(2, height // MAP_SCALE)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return xs / (w - 1), ys / (h - 1)


def _smooth(t: np.ndarray) -> np.ndarray:
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3 - 2 * t)


def light_map(lighting: str, ratio: float, width: int, height: int, key_side: str,
              subjects: list[tuple[float, float]]) -> np.ndarray:
    """Multiplier per pixel at 1/8 size; subjects are (x, y) fractions the light favours."""
    xs, ys = _grid(width, height)
    fill = float(np.clip(1.0 / np.sqrt(max(ratio, 1.0)), 0.25, 1.0))
    aspect = width / height
    toward_key = xs if key_side == "left" else 1 - xs  # 0 at the key side
    if lighting in ("rembrandt", "loop", "split"):
        reach = {"loop": 1.1, "rembrandt": 0.85, "split": 0.6}[lighting]
        fall = _smooth(toward_key / reach)
        light = 1.08 - (1.08 - fill) * fall
    elif lighting == "low_key":
        ambient = fill * 0.85
        light = np.full_like(xs, ambient)
        for sx, sy in subjects or [(0.5, 0.5)]:
            d = np.sqrt(((xs - sx) * aspect) ** 2 + (ys - sy) ** 2)
            light = np.maximum(light, 1.1 - _smooth(d / 0.8) * (1.1 - ambient))
    elif lighting == "stage":
        light = np.full_like(xs, 0.32)
        for sx, sy in subjects or [(0.5, 0.6)]:
            d = np.sqrt(((xs - sx) * aspect * 0.9) ** 2 + ((ys - sy) * 0.8) ** 2)
            light = np.maximum(light, 1.1 - _smooth(d / 0.45) * 0.78)
    elif lighting == "butterfly":
        d = np.sqrt(((xs - 0.5) * aspect * 0.6) ** 2 + (ys + 0.1) ** 2)
        light = 1.1 - _smooth(d / 1.3) * (1.1 - max(fill, 0.55))
    elif lighting == "high_key":
        light = 1.06 - 0.06 * _smooth(ys)
    elif lighting == "neon":
        light = np.full_like(xs, 0.62)
    else:  # natural_soft: a big soft source from above and the key side
        light = 1.04 - 0.16 * _smooth(ys * 0.6 + toward_key * 0.4)
    return light.astype(np.float32)


def vignette(width: int, height: int, strength: float) -> np.ndarray:
    xs, ys = _grid(width, height)
    d = np.sqrt((xs - 0.5) ** 2 + (ys - 0.5) ** 2) / 0.7071
    return (1.0 - strength * _smooth((d - 0.35) / 0.65)).astype(np.float32)


def neon_wash(width: int, height: int, left: RGB, right: RGB) -> np.ndarray:
    """Additive coloured light from both frame edges: the street's signs."""
    xs, ys = _grid(width, height)
    wl = (1 - _smooth(xs / 0.55))[..., None] * np.array(left, np.float32)
    wr = (1 - _smooth((1 - xs) / 0.55))[..., None] * np.array(right, np.float32)
    return ((wl + wr) * 0.55).astype(np.float32)


def _enlarge(small: np.ndarray, width: int, height: int) -> np.ndarray:
    if small.ndim == 2:
        img = Image.fromarray(np.ascontiguousarray(small, dtype=np.float32)).resize((width, height), Image.BILINEAR)
        return np.asarray(img, dtype=np.float32)
    channels = [_enlarge(small[..., c], width, height) for c in range(small.shape[2])]
    return np.stack(channels, axis=2)


def finish(image: Image.Image, multiplier: np.ndarray, wash: np.ndarray | None = None,
           lift: RGB | None = None, lift_amount: float = 0.0, grain: float = 0.0,
           grain_seed: int = 0, grain_offset: int = 0) -> Image.Image:
    """Light (image * map + wash, blacks lifted toward a colour for high key) and grain in one pass."""
    width, height = image.size
    arr = np.array(image, dtype=np.float32)
    arr *= _enlarge(multiplier, width, height)[..., None]
    if wash is not None:
        arr += _enlarge(wash, width, height)
    if lift is not None and lift_amount > 0:
        arr *= 1 - lift_amount
        arr += np.array(lift, np.float32) * lift_amount
    if grain > 0:
        arr += grain_plate(grain_seed, width, height, grain_offset)[..., None] * np.float32(grain * 22 / 128)
    np.clip(arr, 0, 255, out=arr)
    return Image.fromarray(arr.astype(np.uint8))


@lru_cache(maxsize=8)
def _base_grain(seed: int, width: int, height: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    plate = rng.integers(-128, 128, size=(height, width), dtype=np.int16).astype(np.float32)
    plate.setflags(write=False)
    return plate


def grain_plate(seed: int, width: int, height: int, offset: int) -> np.ndarray:
    """Monochrome film grain, -128..127; one plate per seed and size, shifted per shot so frames differ."""
    plate = _base_grain(seed, width, height)
    return np.roll(plate, (offset % height, (offset // height) % width), axis=(0, 1))


# ---------------------------------------------------------------- the medium's surface
# The previs draws flat shapes; these passes give them the surface the bible's medium asks
# for, so a watercolour look is not judged on a vector frame. What they cannot give (brush
# strokes, clay, real film) the bible says in its description and the gate in not_applied.


def _noise(seed: int, width: int, height: int, scale: int) -> np.ndarray:
    """Smooth noise in -1..1 at a feature size of about `scale` pixels."""
    rng = np.random.default_rng(seed)
    small = rng.uniform(-1, 1, size=(max(2, height // scale), max(2, width // scale))).astype(np.float32)
    return np.asarray(Image.fromarray(small).resize((width, height), Image.BICUBIC), dtype=np.float32)


def medium_pass(image: Image.Image, look: str, seed: int = 0) -> Image.Image:
    """The medium's surface over a lit frame: watercolour/paint, charcoal, pixel art or clay; others unchanged."""
    if look in ("watercolour", "paint"):
        return _wash(image, seed, canvas=look == "paint")
    if look == "charcoal":
        return _charcoal(image, seed)
    if look == "pixel":
        return _pixels(image)
    if look == "clay":
        return _clay(image, seed)
    return image


def _wash(image: Image.Image, seed: int, canvas: bool) -> Image.Image:
    """Soft wet edges, pigment pooling at the edges of each wash, paper (or canvas) showing through."""
    from PIL import ImageFilter

    width, height = image.size
    radius = max(1.5, width / 360)
    soft = np.asarray(image.filter(ImageFilter.GaussianBlur(radius)), dtype=np.float32)
    sharp = np.asarray(image, dtype=np.float32)
    arr = soft * 0.8 + sharp * 0.2
    # Pigment pools where a wash meets the next: a darker rim along colour edges.
    edges = np.asarray(image.convert("L").filter(ImageFilter.FIND_EDGES).filter(ImageFilter.GaussianBlur(radius)),
                       dtype=np.float32) / 255.0
    arr *= (1.0 - np.clip(edges * 1.6, 0, 0.22))[..., None]
    # Uneven wash (blooms) and paper tooth; the white of the paper lifts every colour a little.
    bloom = _noise(seed, width, height, max(8, width // 24))
    tooth = _noise(seed + 1, width, height, 2)
    if canvas:
        ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
        tooth = np.sin(xs * 1.6) * np.sin(ys * 1.6) * 0.8 + tooth * 0.2
    arr *= (1.0 + bloom * 0.06 + tooth * 0.035)[..., None]
    paper = np.array((246, 241, 230), np.float32)
    arr = arr * 0.9 + paper * 0.1
    np.clip(arr, 0, 255, out=arr)
    return Image.fromarray(arr.astype(np.uint8))


def _charcoal(image: Image.Image, seed: int) -> Image.Image:
    """Greyscale on toothy paper, with diagonal hatching that thickens in the shadows."""
    from PIL import ImageFilter

    width, height = image.size
    grey = np.asarray(image.convert("L").filter(ImageFilter.GaussianBlur(max(1.0, width / 900))), dtype=np.float32)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    period = max(5.0, width / 160)
    stripe = ((xs + ys) % period) / period  # 0..1 across each diagonal stroke
    darkness = 1.0 - grey / 255.0
    # A stroke is drawn where the tone is dark enough; darker tones draw wider strokes, and a cross-hatch below.
    strokes = (stripe < darkness * 0.9).astype(np.float32)
    cross = ((((xs - ys) % period) / period) < (darkness - 0.55) * 1.4).astype(np.float32)
    ink = np.clip(strokes * 0.35 + cross * 0.3, 0, 0.6)
    tooth = _noise(seed, width, height, 2) * 10
    arr = grey * (1.0 - ink * darkness) + tooth
    arr = arr * 0.92 + 242 * 0.08
    np.clip(arr, 0, 255, out=arr)
    return Image.fromarray(arr.astype(np.uint8)).convert("RGB")


def _pixels(image: Image.Image) -> Image.Image:
    """Chunky pixels and a small palette, as an 8-bit game draws."""
    width, height = image.size
    block = max(4, width // 200)
    small = image.resize((max(8, width // block), max(8, height // block)), Image.BILINEAR)
    small = small.quantize(colors=24, method=Image.Quantize.MEDIANCUT).convert("RGB")
    return small.resize((width, height), Image.NEAREST)


def _clay(image: Image.Image, seed: int) -> Image.Image:
    """A handmade surface: soft modelled edges and thumb-sized bumps catching the light."""
    from PIL import ImageFilter

    width, height = image.size
    arr = np.asarray(image.filter(ImageFilter.GaussianBlur(max(1.0, width / 700))), dtype=np.float32)
    bumps = _noise(seed, width, height, max(3, width // 160))
    arr *= (1.0 + bumps * 0.07)[..., None]
    np.clip(arr, 0, 255, out=arr)
    return Image.fromarray(arr.astype(np.uint8))
