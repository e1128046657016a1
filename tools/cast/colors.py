"""Signature colours: the colours that make a character recognisable in every frame.

Two rules from continuity practice: a colour the script names is kept (the
yellow oilskin stays yellow), and two characters never share a look, so chosen
colours sit at least `MIN_DELTA_E` (CIEDE2000) from every other character's.
Chosen colours take their lightness and saturation from the style palette so
they belong to the film, and keep clear of the background roles (sky, ground,
shadow) so a figure does not melt into the set.
"""

from __future__ import annotations

import random
from functools import lru_cache
import re

from coloraide import Color

from graph.state import StyleBible

MIN_DELTA_E = 25.0  # a clearly different colour at a glance; 10 is "noticeable", 50 "opposite"
BACKGROUND_ROLES = ("sky", "ground", "shadow", "background", "key")

# Colour words as scripts use them, mapped to a mid-saturation sRGB a previs frame can show.
COLOR_WORDS: dict[str, str] = {
    "red": "#c0392b", "crimson": "#a31621", "scarlet": "#d7261e", "maroon": "#7b1e2b",
    "burgundy": "#7a1f3d", "pink": "#e58fb1", "magenta": "#c2185b", "rose": "#d9667f",
    "orange": "#e67e22", "amber": "#f0a202", "rust": "#b7410e", "rusty": "#b7410e",
    "rusted": "#b7410e", "copper": "#b87333", "bronze": "#8c6d2f", "ochre": "#cc7722",
    "yellow": "#f1c40f", "mustard": "#d4a017", "gold": "#d4af37", "golden": "#d4af37",
    "brass": "#b5a642", "blonde": "#e3c16f", "blond": "#e3c16f", "ginger": "#c1502e",
    "auburn": "#922724", "green": "#2e8b57", "olive": "#708238", "emerald": "#1b9e5a",
    "lime": "#9acd32", "teal": "#128277", "turquoise": "#30b5b0", "cyan": "#28b4d2",
    "blue": "#2e64c8", "navy": "#1f2f5c", "cobalt": "#0047ab", "denim": "#3b5b92",
    "azure": "#3c8dde", "purple": "#7d3c98", "violet": "#8f5bd1", "lilac": "#b69ad8",
    "lavender": "#a99ad6", "brown": "#7b4a2a", "chestnut": "#8b4513", "tan": "#c19a6b",
    "beige": "#d8c3a5", "khaki": "#b5a36a", "sand": "#d6b98c", "cream": "#efe3c8",
    "ivory": "#f1ead8", "white": "#eeeeee", "silver": "#b8bec6", "chrome": "#c8ccd2",
    "grey": "#8a8d91", "gray": "#8a8d91", "charcoal": "#36393d", "black": "#1c1c1e",
    "dark": "#3a2a22", "brunette": "#4a2e1f",
}


# Colour words that are also things ("buried in sand", "a brass lantern"): they colour a
# character only when the wardrobe or hair says so, never from elsewhere in the line.
NOUN_COLORS = {"sand", "rose", "olive", "cream", "ivory", "chestnut", "lime", "gold", "copper", "bronze",
               "brass", "silver", "chrome", "amber", "emerald", "khaki", "denim", "tan", "dark", "lavender",
               "lilac", "charcoal", "rust", "ginger", "mustard", "navy", "sand", "azure"}


def color_words_in(text: str) -> list[tuple[str, str, int]]:
    """(word, hex, position) for every colour word in text, in order of appearance."""
    found = []
    for match in re.finditer(r"[A-Za-z]+", text):
        word = match.group(0).lower()
        if word in COLOR_WORDS:
            found.append((word, COLOR_WORDS[word], match.start()))
    return found


@lru_cache(maxsize=1 << 16)
def delta_e(a: str, b: str) -> float:
    """CIEDE2000 between two hex colours (cached: casting a feature compares the same
    few hundred colours hundreds of thousands of times)."""
    return float(Color(a).delta_e(Color(b), method="2000"))


def to_hex(color: Color) -> str:
    return color.convert("srgb").fit("srgb").to_string(hex=True, fit=False)[:7]


def _palette_feel(style: StyleBible | None) -> tuple[float, float, list[float]]:
    """Lightness, chroma and the hues of the style's saturated colours, in OKLCh."""
    if style is None or not style.palette:
        return 0.62, 0.13, []
    lch = [Color(c.hex).convert("oklch") for c in style.palette]
    lightness = sorted(c["lightness"] for c in lch)[len(lch) // 2]
    chromas = sorted(c["chroma"] for c in lch)
    # Figures need to read against the set: never greyer than a muted colour.
    chroma = max(0.09, min(0.2, chromas[-1] * 0.9))
    hues = [c["hue"] for c in lch if c["chroma"] > 0.04]
    return min(0.72, max(0.5, lightness)), chroma, hues


def candidate_colors(style: StyleBible | None) -> list[tuple[str, float]]:
    """Colours that suit the style, each with a harmony penalty (0 = on a palette hue)."""
    lightness, chroma, hues = _palette_feel(style)
    candidates = []
    for hue in range(0, 360, 15):
        for dl in (-0.14, 0.0, 0.12):
            hexcode = to_hex(Color("oklch", [lightness + dl, chroma, hue]))
            if hues:
                gap = min(min(abs(hue - h) % 360, 360 - abs(hue - h) % 360) for h in hues)
                # Analogous (near a palette hue) or complementary (opposite one) both harmonise.
                penalty = min(gap, abs(180 - gap)) / 90.0
            else:
                penalty = 0.0
            candidates.append((hexcode, penalty))
    return candidates


def choose_colors(count: int, taken: list[str], style: StyleBible | None, rng: random.Random,
                  own: list[str] | None = None) -> list[str]:
    """`count` new colours, each >= MIN_DELTA_E from `taken` (other characters) when possible.

    `own` are the character's colours already fixed; new ones keep a smaller
    distance from those so the figure's parts stay readable.
    """
    own = list(own or [])
    background = [c.hex for c in style.palette if c.role in BACKGROUND_ROLES] if style else []
    # The seed chooses among comparably good colours (a few ΔE of slack), so another seed
    # offers another casting of colours without ever breaking the distance rule.
    pool = [(hexcode, penalty, rng.uniform(0.0, 8.0)) for hexcode, penalty in candidate_colors(style)]
    chosen: list[str] = []
    for _ in range(count):
        best, best_score = None, float("-inf")
        for hexcode, penalty, jitter in pool:
            others = min((delta_e(hexcode, t) for t in taken), default=100.0)
            mine = min((delta_e(hexcode, o) for o in own + chosen), default=100.0)
            set_gap = min((delta_e(hexcode, b) for b in background), default=100.0)
            score = (min(others, 60.0) + (0 if others >= MIN_DELTA_E else -100)
                     + min(mine, 20.0) + min(set_gap, 15.0) - 12.0 * penalty + jitter)
            if score > best_score:
                best, best_score = hexcode, score
        chosen.append(best)
        pool = [p for p in pool if p[0] != best]
    return chosen
