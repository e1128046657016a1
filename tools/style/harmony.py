"""Colour harmony: hue rotations in OKLCh and ΔE2000 distances, through coloraide.

OKLCh is used for building palettes because equal hue steps look like equal
steps to the eye (HSV rotations do not), and ΔE2000 is the distance a colourist
would accept as "the same colour". Gamut mapping keeps the OKLCh hue, so a
complementary accent stays complementary after it is made printable.
"""

from __future__ import annotations

import math

from coloraide import Color

from graph.state import PaletteColor

HARMONY_OFFSETS: dict[str, tuple[float, ...]] = {
    "mono": (0.0,),
    "complementary": (0.0, 180.0),
    "split": (0.0, 150.0, 210.0),
    "analogous": (0.0, -30.0, 30.0),
    "triad": (0.0, 120.0, 240.0),
    "square": (0.0, 90.0, 180.0, 270.0),
}

# Skin sits on a narrow hue band whatever the palette, so faces read as faces.
SKIN_HUE = 55.0


def oklch_hex(lightness: float, chroma: float, hue: float) -> str:
    """An OKLCh colour as sRGB hex, gamut-mapped keeping its hue."""
    color = Color("oklch", [lightness, chroma, hue % 360]).convert("srgb")
    return color.fit(method="raytrace", pspace="oklch").to_string(hex=True)


def hex_oklch(hex_color: str) -> tuple[float, float, float]:
    """(L, C, h) of a hex colour; hue 0 for greys."""
    lightness, chroma, hue = Color(hex_color).convert("oklch").coords(nans=False)
    return lightness, chroma, hue % 360


def harmony_hues(base_hue: float, scheme: str) -> list[float]:
    """The hues of a harmony scheme around base_hue (OKLCh degrees)."""
    return [(base_hue + offset) % 360 for offset in HARMONY_OFFSETS[scheme]]


def harmony_colors(hex_color: str, scheme: str) -> list[str]:
    """The colours a scheme pairs with a known colour, same lightness and chroma."""
    lightness, chroma, hue = hex_oklch(hex_color)
    return [oklch_hex(lightness, chroma, h) for h in harmony_hues(hue, scheme)]


def rotate_hue(hex_color: str, degrees: float) -> str:
    """The same colour with its OKLCh hue turned by degrees."""
    lightness, chroma, hue = hex_oklch(hex_color)
    return oklch_hex(lightness, chroma, hue + degrees)


def delta_e(a: str, b: str) -> float:
    """ΔE2000 between two hex colours."""
    return Color(a).delta_e(b, method="2000")


def palette_distance(a: list[str], b: list[str]) -> float:
    """How different two palettes look: mean ΔE2000 of each colour to its nearest in the other (symmetric)."""
    def one_way(src: list[str], dst: list[str]) -> float:
        return sum(min(delta_e(s, d) for d in dst) for s in src) / len(src)

    return (one_way(a, b) + one_way(b, a)) / 2


def hue_distance(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


# Warm highlights sit on gold: sunlight on a warm scene, never a green-yellow.
GOLD_HUE = 72.0


def build_palette(hue: float, lightness: float, chroma: float, scheme: str, warmth_contrast: bool = True,
                  warmth: float = 0.0) -> list[PaletteColor]:
    """Seven roles from a key colour and a harmony scheme.

    key carries the mood; sky takes the scheme's bluest hue (a sky reads as
    sky when it can); accent takes the hue furthest from the key so the
    harmony is visible; ground takes what is left, or a near-key hue; shadow and highlight are the
    key pushed dark and light with a small temperature shift, as a painter
    cools shadows of warm scenes and warms highlights of cool ones. A warm
    key's highlight is pulled toward gold. warmth (from "warmer" notes) gives
    the highlight visible colour and lifts the shadows: golden-hour light is
    warm and low in contrast.
    """
    hues = harmony_hues(hue, scheme)
    lightness = min(0.88, max(0.18, lightness))
    chroma = min(0.3, max(0.01, chroma))
    others = hues[1:]
    # The sky takes the scheme's bluest hue, the accent the hue furthest from the key.
    sky_pool = others if len(hues) > 2 else hues
    sky_hue = min(sky_pool, key=lambda h: hue_distance(h, 235.0))
    accent_pool = [h for h in others if h != sky_hue] if len(hues) > 2 else others
    accent_hue = max(accent_pool, key=lambda h: hue_distance(h, hue)) if accent_pool else hue
    rest = [h for h in others if h not in (sky_hue, accent_hue)]
    ground_hue = rest[0] if rest else (hue + 15) % 360
    warm = hue_distance(hue, 60) < 90
    temp_shift = -20.0 if warm else 20.0
    if not warmth_contrast:
        temp_shift = 0.0
    accent_chroma = min(0.3, chroma * 1.6 + 0.04) if scheme != "mono" else min(0.3, chroma * 1.8 + 0.02)
    accent_light = min(0.85, max(0.5, lightness + 0.12))
    highlight_hue = hue - temp_shift
    if warm:
        # Measured along the short way so a red-orange key's highlight warms to gold, not past it.
        delta = (GOLD_HUE - hue + 540) % 360 - 180
        highlight_hue = hue + delta * 0.6 if temp_shift else hue
    warm_push = max(0.0, min(1.5, warmth))
    if warm_push and 85.0 < sky_hue < 160.0:
        # Asked warmer, a warm key's "bluest" neighbour is a yellow-green: a golden-hour sky is gold.
        sky_hue = GOLD_HUE + 8.0
    highlight_chroma = max(chroma * 0.35, 0.035 * warm_push)
    shadow_depth = 0.42 + 0.1 * warm_push  # golden hour: shadows filled by bounce light
    roles = [
        ("key", lightness, chroma, hue),
        ("shadow", max(0.12, lightness * shadow_depth), max(0.015, chroma * 0.6), hue + temp_shift),
        ("highlight", min(0.97, lightness + (1 - lightness) * 0.75), highlight_chroma, highlight_hue),
        ("accent", accent_light, accent_chroma, accent_hue),
        ("sky", min(0.9, lightness + 0.12), chroma * 0.8, sky_hue),
        ("ground", max(0.2, lightness * 0.72), chroma * 0.75, ground_hue),
        ("skin", min(0.82, max(0.58, 0.55 + lightness * 0.2)), 0.07, SKIN_HUE),
    ]
    return [PaletteColor(role=role, hex=oklch_hex(l, c, h)) for role, l, c, h in roles]


def palette_warmth(palette: list[PaletteColor]) -> float:
    """How warm a palette reads, -1 (all steel blue) .. 1 (all amber): the
    chroma-weighted pull of its colours toward orange (60°) against blue (240°).
    Skin is left out: it is warm in every palette."""
    pull = weight = 0.0
    for color in palette:
        if color.role == "skin":
            continue
        _, chroma, hue = hex_oklch(color.hex)
        pull += chroma * math.cos(math.radians(hue - 60))
        weight += chroma
    return pull / weight if weight else 0.0


def warm_cool_summary(palette: list[PaletteColor]) -> str:
    """How warm and cool are set against each other, in words."""
    warm, cool = [], []
    for color in palette:
        if color.role == "skin":
            continue
        _, chroma, hue = hex_oklch(color.hex)
        if chroma < 0.02:
            continue
        (warm if hue_distance(hue, 60) < 90 else cool).append(color.role)
    if not cool:
        return "all warm: " + ", ".join(warm) + " (no cool relief)"
    if not warm:
        return "all cool: " + ", ".join(cool) + " (skin is the only warmth)"
    return f"warm {', '.join(warm)} against cool {', '.join(cool)}"
