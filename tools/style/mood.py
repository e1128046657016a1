"""Reading a brief's mood words as colour, light and medium decisions.

An art director hears "storm" and reaches for cold, low-key light; hears "cozy"
and reaches for warm analogous colour. This module is that reflex written down:
each mood word pulls the look toward a hue, a lightness and a chroma (OKLCh),
and may vote for a harmony scheme, a lighting style or a medium. Words from the
person's own style text weigh more than words found in the brief or script.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

# word -> (hue deg OKLCh or None, lightness 0..1 or None, chroma 0..0.3 or None, votes)
# Votes are {"harmony"|"lighting"|"medium"|"texture": value}. Hues are OKLCh
# degrees: ~30 red, ~60 orange, ~95 yellow, ~145 green, ~200 teal, ~255 blue, ~320 magenta.
MOOD_WORDS: dict[str, tuple[float | None, float | None, float | None, dict]] = {
    # cold, dark, dramatic
    "storm": (240, 0.38, 0.06, {"lighting": "low_key", "harmony": "analogous"}),
    "stormy": (240, 0.38, 0.06, {"lighting": "low_key", "harmony": "analogous"}),
    "rain": (230, 0.42, 0.05, {"lighting": "low_key"}),
    "night": (262, 0.30, 0.07, {"lighting": "low_key"}),
    "noir": (250, 0.28, 0.03, {"lighting": "split", "harmony": "mono", "medium": "graphic novel"}),
    "moody": (245, 0.36, 0.06, {"lighting": "rembrandt"}),
    "dark": (255, 0.30, 0.05, {"lighting": "low_key"}),
    "cold": (235, 0.50, 0.06, {"harmony": "analogous"}),
    "winter": (230, 0.72, 0.04, {"lighting": "natural_soft"}),
    "snow": (230, 0.80, 0.03, {"lighting": "high_key"}),
    "sea": (220, 0.52, 0.08, {}),
    "ocean": (220, 0.50, 0.09, {}),
    "lighthouse": (225, 0.45, 0.07, {"harmony": "complementary"}),
    "mystery": (280, 0.34, 0.07, {"lighting": "low_key"}),
    "horror": (20, 0.24, 0.09, {"lighting": "split", "harmony": "complementary"}),
    "thriller": (215, 0.34, 0.06, {"lighting": "split"}),
    "tense": (30, 0.36, 0.08, {"lighting": "rembrandt"}),
    "sad": (245, 0.45, 0.03, {"lighting": "natural_soft", "harmony": "mono"}),
    "melancholy": (250, 0.46, 0.04, {"lighting": "natural_soft", "harmony": "mono"}),
    "lonely": (240, 0.42, 0.04, {"harmony": "mono"}),
    "grief": (250, 0.40, 0.03, {"harmony": "mono"}),
    # warm, soft, bright
    "warm": (60, 0.66, 0.11, {"harmony": "analogous"}),
    "coffee": (55, 0.52, 0.08, {"harmony": "analogous", "lighting": "natural_soft"}),
    "cozy": (62, 0.62, 0.10, {"harmony": "analogous", "lighting": "natural_soft"}),
    "cosy": (62, 0.62, 0.10, {"harmony": "analogous", "lighting": "natural_soft"}),
    "autumn": (55, 0.58, 0.12, {"harmony": "analogous"}),
    "sunset": (45, 0.62, 0.15, {"harmony": "complementary"}),
    "golden": (80, 0.72, 0.13, {"lighting": "natural_soft"}),
    "summer": (90, 0.78, 0.14, {"lighting": "high_key"}),
    "sunny": (95, 0.80, 0.14, {"lighting": "high_key"}),
    "bright": (100, 0.82, 0.13, {"lighting": "high_key"}),
    "happy": (95, 0.78, 0.15, {"lighting": "high_key", "harmony": "triad"}),
    "joy": (90, 0.78, 0.16, {"lighting": "high_key", "harmony": "triad"}),
    "playful": (120, 0.76, 0.16, {"harmony": "triad", "medium": "2D animation"}),
    "hopeful": (85, 0.72, 0.11, {"lighting": "natural_soft"}),
    "romantic": (15, 0.66, 0.10, {"lighting": "butterfly", "harmony": "analogous"}),
    "love": (10, 0.64, 0.11, {"lighting": "butterfly"}),
    "calm": (180, 0.72, 0.05, {"lighting": "natural_soft", "harmony": "analogous"}),
    "peaceful": (160, 0.74, 0.05, {"lighting": "natural_soft", "harmony": "analogous"}),
    "nature": (140, 0.62, 0.10, {"lighting": "natural_soft", "harmony": "analogous"}),
    "forest": (145, 0.46, 0.09, {"lighting": "natural_soft", "harmony": "analogous"}),
    "spring": (135, 0.78, 0.11, {"lighting": "high_key", "harmony": "analogous"}),
    "pastel": (330, 0.84, 0.06, {"lighting": "high_key", "harmony": "square"}),
    "desert": (70, 0.70, 0.10, {"harmony": "complementary"}),
    "vintage": (70, 0.62, 0.06, {"texture": "heavy grain"}),
    "retro": (50, 0.64, 0.12, {"harmony": "triad", "texture": "heavy grain"}),
    # electric, saturated
    "neon": (355, 0.45, 0.26, {"lighting": "neon", "harmony": "complementary"}),
    "cyberpunk": (350, 0.40, 0.26, {"lighting": "neon", "harmony": "complementary"}),
    "synthwave": (310, 0.42, 0.24, {"lighting": "neon", "harmony": "split"}),
    "futuristic": (215, 0.55, 0.14, {"lighting": "neon", "harmony": "split"}),
    "sci-fi": (210, 0.48, 0.12, {"harmony": "split"}),
    "electric": (280, 0.50, 0.22, {"lighting": "neon", "harmony": "complementary"}),
    "vibrant": (None, None, 0.22, {"harmony": "triad"}),
    "bold": (None, None, 0.20, {"harmony": "complementary"}),
    "epic": (40, 0.45, 0.12, {"lighting": "rembrandt", "harmony": "complementary"}),
    "heroic": (50, 0.55, 0.13, {"lighting": "loop", "harmony": "complementary"}),
    "theatre": (20, 0.40, 0.14, {"lighting": "stage"}),
    "theater": (20, 0.40, 0.14, {"lighting": "stage"}),
    "stage": (20, 0.40, 0.14, {"lighting": "stage"}),
    "muted": (None, None, 0.03, {}),
}

MEDIUM_WORDS: dict[str, str] = {
    "anime": "2D animation", "cartoon": "2D animation", "2d": "2D animation", "animated": "2D animation",
    "hand-drawn": "2D animation", "watercolor": "2D animation", "watercolour": "2D animation",
    "pixar": "3D animation", "3d": "3D animation", "cgi": "3D animation",
    "claymation": "stop motion", "stop-motion": "stop motion", "puppet": "stop motion", "clay": "stop motion",
    "comic": "graphic novel", "graphic": "graphic novel", "ink": "graphic novel", "manga": "graphic novel",
    "film": "live action", "cinematic": "live action", "documentary": "live action", "live-action": "live action",
}

DEFAULT_MEDIUM = "flat vector previs"
# What the previs draws for the media a brief's words name (families: tools/style/direction.py).
STORY_FAMILY = {"2D animation": "vector", "3D animation": "cgi", "stop motion": "clay", "graphic novel": "ink",
                "live action": "film", DEFAULT_MEDIUM: "vector"}

# Texture each medium usually carries: (grain, line weight at 720p, words).
MEDIUM_TEXTURE: dict[str, tuple[float, int, str]] = {
    "live action": (0.35, 0, "35 mm film grain, no outlines"),
    "2D animation": (0.05, 3, "clean cel fills, 3 px ink line"),
    "3D animation": (0.08, 0, "smooth shaded surfaces, no outlines"),
    "stop motion": (0.45, 1, "tactile clay and felt surfaces, fine grain"),
    "graphic novel": (0.25, 5, "heavy ink line, halftone grain"),
}

LENS_BY_MEDIUM: dict[str, str] = {
    "live action": "spherical primes, gentle shallow focus",
    "2D animation": "flat layout, no lens distortion",
    "3D animation": "virtual 35 mm lens, soft depth of field",
    "stop motion": "macro lens look, shallow focus on miniatures",
    "graphic novel": "wide-angle panels, deep focus",
}


@dataclass(frozen=True)
class MoodReading:
    """The look a text asks for, before it becomes a palette."""

    hue: float  # OKLCh degrees of the key colour
    lightness: float  # OKLCh L of the key colour, 0..1
    chroma: float  # OKLCh C of the key colour
    harmony: str
    lighting: str
    medium: str
    words: tuple[str, ...] = field(default_factory=tuple)  # mood words that drove it
    texture_words: tuple[str, ...] = field(default_factory=tuple)
    # How far revise notes pushed the temperature: >0 warmer, <0 cooler. The palette
    # builder uses it to warm highlights and soften shadows, the proposer to keep
    # every take on the asked-for side of the wheel.
    warmth: float = 0.0
    # What the person's style words set beyond mood (tools/style/direction.py): named colours
    # (name, hex) in palette order, the family the previs draws, no colour at all, a grain
    # asked for by stock or era, and the time, weather, stock and era words for the description.
    family: str = "vector"
    colours: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    mono: bool = False
    grain: float | None = None
    said: tuple[str, ...] = field(default_factory=tuple)

    def shifted(self, **changes) -> "MoodReading":
        return replace(self, **changes)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9\-]*", text.lower())


def _circular_mean(hues: list[tuple[float, float]]) -> float:
    x = sum(w * math.cos(math.radians(h)) for h, w in hues)
    y = sum(w * math.sin(math.radians(h)) for h, w in hues)
    return math.degrees(math.atan2(y, x)) % 360


def read_mood(style_text: str, context_text: str = "") -> MoodReading:
    """Read a look from the person's style text (weight 3) and the brief/script (weight 1)."""
    hues: list[tuple[float, float]] = []
    lights: list[tuple[float, float]] = []
    chromas: list[tuple[float, float]] = []
    votes: dict[str, dict[str, float]] = {"harmony": {}, "lighting": {}, "medium": {}, "texture": {}}
    words: list[str] = []
    for text, weight in ((style_text, 3.0), (context_text, 1.0)):
        for token in _tokens(text):
            if token in MEDIUM_WORDS:
                medium_votes = votes["medium"]
                medium_votes[MEDIUM_WORDS[token]] = medium_votes.get(MEDIUM_WORDS[token], 0) + weight
            if token not in MOOD_WORDS:
                continue
            hue, light, chroma, word_votes = MOOD_WORDS[token]
            words.append(token)
            if hue is not None:
                hues.append((hue, weight))
            if light is not None:
                lights.append((light, weight))
            if chroma is not None:
                chromas.append((chroma, weight))
            for kind, value in word_votes.items():
                votes[kind][value] = votes[kind].get(value, 0) + weight
    if not hues:
        hue, light, chroma = _sentiment_default(style_text + " " + context_text)
        hues, lights = [(hue, 1.0)], lights or [(light, 1.0)]
        chromas = chromas or [(chroma, 1.0)]

    def mean(pairs: list[tuple[float, float]], default: float) -> float:
        total = sum(w for _, w in pairs)
        return sum(v * w for v, w in pairs) / total if total else default

    def winner(kind: str, default: str) -> str:
        # Ties break alphabetically so the reading never depends on dict order.
        options = votes[kind]
        return max(sorted(options), key=lambda k: options[k]) if options else default

    # "A short film", "cinematic": a story's film words are not a medium the previs draws;
    # only animation words in a brief choose one. The person's style words choose freely.
    if not style_text.strip():
        votes["medium"].pop("live action", None)
    medium = winner("medium", DEFAULT_MEDIUM)
    return MoodReading(
        hue=_circular_mean(hues),
        lightness=mean(lights, 0.6),
        chroma=mean(chromas, 0.1),
        harmony=winner("harmony", "analogous"),
        lighting=winner("lighting", "natural_soft"),
        medium=medium,
        family=STORY_FAMILY.get(medium, "vector"),
        words=tuple(dict.fromkeys(words)),
        texture_words=tuple(sorted(votes["texture"])),
    )


@lru_cache(maxsize=1)
def _sentiment():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()  # loads its lexicon once


def _sentiment_default(text: str) -> tuple[float, float, float]:
    """With no mood words, bright briefs lean warm and dark ones cool (VADER valence)."""
    valence = _sentiment().polarity_scores(text or "")["compound"]
    if valence > 0.2:
        return 75.0, 0.68, 0.11
    if valence < -0.2:
        return 245.0, 0.42, 0.06
    return 195.0, 0.58, 0.08


# Revise notes a person gives at the style gate, as shifts of the reading.
# In a note "golden", "warm" and "sunset" act as temperature shifts, not mood
# words: "golden hour" asks for warm low sun and softer shadows, not just a hue.
NOTE_SHIFTS: dict[str, dict[str, float]] = {
    "darker": {"lightness": -0.16},
    "dark": {"lightness": -0.12},
    "moodier": {"lightness": -0.12, "chroma": -0.02},
    "brighter": {"lightness": 0.16},
    "lighter": {"lightness": 0.16},
    "warmer": {"warmth": 1.0},
    "warm": {"warmth": 1.0},
    "golden": {"warmth": 1.0, "lightness": 0.04},
    "sunset": {"warmth": 1.0},
    "cooler": {"warmth": -1.0},
    "colder": {"warmth": -1.0},
    "cool": {"warmth": -1.0},
    "bolder": {"chroma": 0.07},
    "saturated": {"chroma": 0.07},
    "vivid": {"chroma": 0.07},
    "colourful": {"chroma": 0.07},
    "colorful": {"chroma": 0.07},
    "muted": {"chroma": -0.05},
    "desaturated": {"chroma": -0.06},
    "softer": {"chroma": -0.03, "lightness": 0.05},
    "subtler": {"chroma": -0.04},
}
NEGATORS = {"less", "not", "no", "without"}
STRONGER = {"much", "lot", "way", "far", "very", "really", "significantly", "lots", "extremely", "considerably"}
GENTLER = {"slightly", "bit", "little", "touch", "tad", "somewhat", "subtly"}
# Amber-gold and steel blue: where "warmer" and "cooler" land the key.
WARM_HUE, COOL_HUE = 66.0, 245.0
# A warm key stays between orange and gold: past ~85° OKLCh it turns olive, below ~40° red.
WARM_BAND = (42.0, 84.0)
COOL_BAND = (215.0, 265.0)


def apply_note(reading: MoodReading, note: str) -> MoodReading:
    """Shift a reading by a revise note ("darker", "warmer", "golden hour", "more neon"...)."""
    tokens = _tokens(note)
    light, chroma, hue, warmth = reading.lightness, reading.chroma, reading.hue, reading.warmth
    for index, token in enumerate(tokens):
        shift = NOTE_SHIFTS.get(token, {})
        # "less warm", "not so dark": the word before flips the shift.
        before = tokens[max(0, index - 2):index]
        sign = -1.0 if any(t in NEGATORS for t in before) else 1.0
        # "much darker" moves twice as far as "darker", "a bit darker" half as far.
        sign *= 2.0 if any(t in STRONGER for t in before) else 0.5 if any(t in GENTLER for t in before) else 1.0
        light += sign * shift.get("lightness", 0.0)
        chroma += sign * shift.get("chroma", 0.0)
        turn = (1.0 if sign > 0 else -1.0) * shift.get("warmth", 0.0)
        if turn:
            hue = _warmed(hue) if turn > 0 else _cooled(hue)
            warmth += turn
            # A warmer look carries a little more colour: a warm grey still reads grey.
            chroma += 0.02
    changes: dict = {"lightness": min(0.9, max(0.15, light)), "chroma": min(0.3, max(0.01, chroma)), "hue": hue,
                     "warmth": warmth}
    # Mood words inside a note ("more neon", "like a noir") also steer the look.
    mood = [t for t in tokens if t in MOOD_WORDS and t not in NOTE_SHIFTS]
    if mood:
        steer = read_mood(" ".join(mood))
        if any(MOOD_WORDS[t][0] is not None for t in mood):
            changes["hue"] = _toward(changes["hue"], steer.hue, 0.7)
            if warmth > 0:
                changes["hue"] = _into_band(changes["hue"], WARM_BAND)
            elif warmth < 0:
                changes["hue"] = _into_band(changes["hue"], COOL_BAND)
        changes["lighting"] = steer.lighting if steer.lighting != "natural_soft" else reading.lighting
        changes["words"] = tuple(dict.fromkeys(reading.words + tuple(mood)))
    if "darker" in tokens and reading.lighting in ("high_key", "natural_soft", "butterfly", "loop"):
        changes["lighting"] = "low_key"
    if ("brighter" in tokens or "lighter" in tokens) and reading.lighting in ("low_key", "split"):
        changes["lighting"] = "high_key"
    return reading.shifted(**changes)


def _warmed(hue: float) -> float:
    """The key one step warmer, always ending amber-to-gold.

    A cool key is not dragged the short way round the wheel: from teal that
    path runs through green and lands on olive, which nobody means by warmer.
    A hue far from warm jumps to the warm band's nearer edge instead.
    """
    if _distance(hue, WARM_HUE) <= 60:
        return _into_band(_toward(hue, WARM_HUE, 0.6), WARM_BAND)
    # Greens and teals (the yellow side) land gold; violets and reds land orange.
    return WARM_BAND[1] - 8 if 84 < hue <= 245 else WARM_BAND[0] + 8


def _cooled(hue: float) -> float:
    """The key one step cooler, ending in the blue band (never through the greens from gold)."""
    if _distance(hue, COOL_HUE) <= 60:
        return _into_band(_toward(hue, COOL_HUE, 0.6), COOL_BAND)
    return COOL_BAND[0] + 8 if 84 < hue <= 245 else COOL_BAND[1] - 8


def _into_band(hue: float, band: tuple[float, float]) -> float:
    low, high = band
    if low <= hue <= high:
        return hue
    return low if _distance(hue, low) < _distance(hue, high) else high


def _distance(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def _toward(hue: float, target: float, amount: float) -> float:
    """Rotate hue toward target along the short way round the wheel."""
    delta = (target - hue + 540) % 360 - 180
    return (hue + delta * amount) % 360
