"""Style compliance: does a frame look like its style bible?

Two things a colourist checks first: are the frame's dominant colours the
bible's colours (ΔE2000 to the nearest palette colour, via coloraide), and is
the overall key right for the lighting (a low-key film should be dark). The
frame is shrunk and quantised to a dozen colours first, so a check costs a
few milliseconds and film grain does not count as colour.

Lightness is weighted half in the colour match (ΔE2000 with kL=2): light and
shadow legitimately move a palette colour up and down in lightness across a
frame, but not round the hue wheel. An accent that floods the frame is
counted off-palette beyond its share: that is what a complementary palette
turned 180° looks like.

Limits, said plainly: the check sees colour and key, not where colour sits.
A complementary palette whose key and sky are the two hues of the pair maps
onto itself under a 180° turn, so such a turn is not flagged; and a frame
that is nearly black everywhere (a low-key night close-up) carries too
little colour for any palette test to tell apart.
"""

from __future__ import annotations

from coloraide import Color
from PIL import Image

from graph.state import StyleBible

STYLE_THRESHOLD = 0.6
SAMPLE_LONG_SIDE = 96
DOMINANT_COLORS = 12
# ΔE2000 (kL=2) below NEAR counts as the palette colour; above FAR as off-palette.
NEAR, FAR = 10.0, 20.0
# Hue counts double (kH=0.5): a night scene turned from blue to brown is off-style
# even though both are nearly black, and ΔE2000 alone barely sees it.
DELTA_E_WEIGHTS = {"kl": 2.0, "kc": 1.0, "kh": 0.5}
# Small-area roles: more of the frame than this in one of them is a flood, not an accent.
AREA_CAP = {"accent": 0.3, "highlight": 0.35, "skin": 0.3}
PALETTE_WEIGHT = 0.75
# Mean luminance (0..1) each lighting style allows.
KEY_RANGE: dict[str, tuple[float, float]] = {
    "low_key": (0.0, 0.33), "split": (0.0, 0.4), "neon": (0.03, 0.42), "high_key": (0.45, 1.0),
    "rembrandt": (0.08, 0.6), "stage": (0.05, 0.55), "loop": (0.12, 0.75), "butterfly": (0.15, 0.85),
    "natural_soft": (0.15, 0.85),
}
KEY_TOLERANCE = 0.15


def dominant_colors(image: Image.Image, count: int = DOMINANT_COLORS) -> list[tuple[float, str]]:
    """(share of the frame, hex) of the frame's dominant colours, largest first."""
    small = image.convert("RGB")
    small.thumbnail((SAMPLE_LONG_SIDE, SAMPLE_LONG_SIDE), Image.BILINEAR)
    quantised = small.quantize(colors=count, method=Image.Quantize.MEDIANCUT)
    flat = quantised.getpalette() or []
    counts = quantised.getcolors() or []
    total = sum(n for n, _ in counts) or 1
    colors = []
    for n, index in sorted(counts, reverse=True):
        r, g, b = flat[index * 3: index * 3 + 3]
        colors.append((n / total, f"#{r:02x}{g:02x}{b:02x}"))
    return colors


def mean_luminance(image: Image.Image) -> float:
    small = image.convert("L")
    small.thumbnail((SAMPLE_LONG_SIDE, SAMPLE_LONG_SIDE), Image.BILINEAR)
    histogram = small.histogram()
    return sum(i * n for i, n in enumerate(histogram)) / (255 * max(1, sum(histogram)))


def _references(style: StyleBible) -> list[tuple[str, Color]]:
    """The palette plus what light and paint make of it: shades, tints and half-mixes of pairs.

    Skin is kept as itself: its shades are browns that would let a warm-rotated
    night scene pass as on-palette.
    """
    colors = [(c.role, Color(c.hex)) for c in style.palette]
    refs = list(colors)
    paint = [(role, color) for role, color in colors if role != "skin"]
    black, white = Color("srgb", [0, 0, 0]), Color("srgb", [1, 1, 1])
    for role, color in paint:
        refs.append((role, color.mix(black, 0.5, space="srgb-linear")))
        refs.append((role, color.mix(white, 0.4, space="srgb")))
    for i, (role_a, a) in enumerate(paint):
        for role_b, b in paint[i + 1:]:
            refs.append(("mix", a.mix(b, 0.5, space="oklab")))
    return refs


def style_score(image: Image.Image, style: StyleBible) -> tuple[float, list[str]]:
    """0..1: how well a frame keeps its bible's palette and key; reasons when out of tolerance."""
    palette = _references(style)
    reasons: list[str] = []
    fit = 0.0
    off: list[tuple[float, str, float]] = []
    used: dict[str, float] = {}
    for share, hex_color in dominant_colors(image):
        color = Color(hex_color)
        distance, role = min((color.delta_e(p, method="2000", **DELTA_E_WEIGHTS), r) for r, p in palette)
        match = min(1.0, max(0.0, (FAR - distance) / (FAR - NEAR)))
        room = AREA_CAP.get(role, 1.0) - used.get(role, 0.0)
        counted = min(share * match, max(0.0, room))
        used[role] = used.get(role, 0.0) + counted
        fit += counted
        if counted < share * 0.5:
            off.append((share, hex_color, distance))
    if fit < STYLE_THRESHOLD:
        worst = ", ".join(f"{h} ({s:.0%} of frame, ΔE {d:.0f})" for s, h, d in sorted(off, reverse=True)[:3])
        reasons.append(f"off-palette: only {fit:.0%} of the frame is near the bible's colours; furthest: {worst}")
    luminance = mean_luminance(image)
    low, high = KEY_RANGE[style.lighting]
    miss = max(0.0, low - luminance, luminance - high)
    key_fit = max(0.0, 1.0 - miss / KEY_TOLERANCE)
    if miss > 0:
        side = "too dark" if luminance < low else "too bright"
        reasons.append(f"{side} for {style.lighting}: mean luminance {luminance:.2f}, expected {low:.2f}-{high:.2f}")
    score = PALETTE_WEIGHT * fit + (1 - PALETTE_WEIGHT) * key_fit
    return round(score, 4), reasons
