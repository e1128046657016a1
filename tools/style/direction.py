"""The person's style direction as a look: style words win, the story fills what they leave open.

The story's mood words (a storm, a night shift) are a designer's first guess;
the person's `--style` text and style notes are instructions. So every aspect
the style words set (key hue, lightness, chroma, light, medium, grain, colour
or none) is taken from them alone, and only the aspects they leave open are
read from the brief and script. Named colours become palette colours at their
own hue; "pastel" lifts and softens all of them; "low key" takes the key down.
"""

from __future__ import annotations

import math

from graph.state import Reading, Understood
from tools.style.harmony import HARMONY_OFFSETS, hex_oklch, hue_distance
from tools.style.mood import MoodReading
from tools.style.words import StyleWords, read_style_words

# What the previs draws for each family: (grain, line weight at 720p, texture, lens, medium label when none asked).
FAMILY_LOOK: dict[str, tuple[float, int, str, str]] = {
    "vector": (0.0, 3, "flat vector fills, 3 px ink line", "flat layout, no lens distortion"),
    "watercolour": (0.0, 0, "soft wet edges, paper texture, no outlines", "flat layout, soft focus"),
    "paint": (0.05, 0, "visible brush strokes, canvas texture, no outlines", "flat layout, soft focus"),
    "charcoal": (0.15, 2, "greyscale charcoal on paper, hatched shadows", "flat layout, deep focus"),
    "ink": (0.2, 5, "heavy ink line, halftone grain", "wide-angle panels, deep focus"),
    "pixel": (0.0, 0, "chunky pixels, hard edges, no outlines", "flat layout, no lens distortion"),
    "clay": (0.3, 1, "tactile clay and felt surfaces, fine grain", "macro lens look, shallow focus on miniatures"),
    "cgi": (0.05, 0, "smooth shaded surfaces, no outlines", "virtual 35 mm lens, soft depth of field"),
    "film": (0.3, 0, "film grain, no outlines", "spherical primes, gentle shallow focus"),
}
# What the previs can only approximate: the bible keeps the medium as the target, the gate says so.
APPROXIMATED = {
    "film": "the offline previs draws flat shapes; it gives live action only grain and no outlines (an image model renders it)",
    "cgi": "the offline previs draws flat shapes; 3D shading needs an image model",
    "paint": "the offline previs paints it as soft-edged washes on canvas texture, not brush strokes",
    "clay": "the offline previs gives the surfaces a tactile grain; it does not model clay or felt",
}
# Explicit SPEC lighting names beat other light words ("neon ..., low key" is low key).
SPEC_LIGHTING = {"high key", "low key"}


def read_direction(style_text: str, story: MoodReading, story_medium_voted: bool = False) -> tuple[MoodReading, StyleWords]:
    """The look: the style text's words over the story's reading."""
    words = read_style_words(style_text)
    return steer(story, words, keep_medium=story_medium_voted), words


def steer(base: MoodReading, words: StyleWords, keep_medium: bool = True) -> MoodReading:
    """base with every aspect the words set replaced by what they say."""
    if not words.words:
        return base if keep_medium else base.shifted(medium="flat vector previs", family="vector")
    # Mood words in a style text ("hopeful", "moody") are a designer's reading, not instructions:
    # they lean the story's look (3:1) instead of replacing it, as read_mood weighs them.
    moods = [w.effect for w in words.words if w.category == "mood"]
    if moods:
        base = _lean(base, moods)
    effects = [(w, w.effect) for w in words.words if w.category not in ("colour", "other", "mood")]
    changes: dict = {}
    colours = words.colours
    hues = [e["hue"] for _, e in effects if "hue" in e]
    if colours:
        changes["hue"] = hex_oklch(colours[0][1])[2]
        changes["colours"] = tuple(colours)
        chromatic = [hex_oklch(h)[2] for _, h in colours if hex_oklch(h)[1] >= 0.04]
        if len(chromatic) > 1:  # one named colour keys the palette; two or more say its harmony
            changes["harmony"] = fit_harmony(chromatic)
    elif hues:
        changes["hue"] = _circular_mean(hues)
        changes["colours"] = ()
    lights = [e["lightness"] for _, e in effects if "lightness" in e]
    if lights:
        changes["lightness"] = sum(lights) / len(lights)
    chromas = [e["chroma"] for _, e in effects if "chroma" in e]
    if chromas:
        changes["chroma"] = sum(chromas) / len(chromas)
    elif colours:
        changes["chroma"] = min(0.22, max(0.08, sum(hex_oklch(h)[1] for _, h in colours) / len(colours)))
    lighting = _lighting(words)
    if lighting:
        changes["lighting"] = lighting
    warmth = sum(e.get("warmth", 0.0) for _, e in effects)
    if warmth:
        changes["warmth"] = base.warmth + warmth
    grains = [e["grain"] for _, e in effects if "grain" in e]
    if grains:
        changes["grain"] = max(grains)
    if any(e.get("mono") for _, e in effects):
        changes["mono"] = True
    harmonies = [e["harmony"] for _, e in effects if "harmony" in e]
    if harmonies and "harmony" not in changes:
        changes["harmony"] = harmonies[0]
    media = words.of("medium")
    if media:
        first = next((w for w in media if not w.by_meaning), media[0])
        family = first.effect["family"]
        changes["family"] = family
        changes["medium"] = "live action" if family == "film" else first.text
        extra = tuple(w.text for w in media if w is not first)
    else:
        extra = ()
        if not keep_medium:
            changes["medium"], changes["family"] = "flat vector previs", "vector"
    said = [w.text for w in words.words if w.category in ("time", "weather", "stock", "era")]
    asked = [w.text for w in words.words if w.category == "other"]
    changes["said"] = tuple(dict.fromkeys(base.said + tuple(said)))
    changes["texture_words"] = tuple(dict.fromkeys(base.texture_words + extra + tuple(asked)))
    changes["words"] = tuple(dict.fromkeys(w.text for w in words.words if w.category != "other"))
    return base.shifted(**changes)


def _lean(base: MoodReading, moods: list[dict]) -> MoodReading:
    # A story with no mood words of its own has only a default look: the style's mood words take it all.
    story = 1.0 if base.words else 0.0
    changes: dict = {}
    hues = [m["hue"] for m in moods if "hue" in m]
    if hues:
        pairs = [(h, 3.0 / len(hues)) for h in hues] + [(base.hue, story)]
        x = sum(w * math.cos(math.radians(h)) for h, w in pairs)
        y = sum(w * math.sin(math.radians(h)) for h, w in pairs)
        changes["hue"] = math.degrees(math.atan2(y, x)) % 360
    for aspect in ("lightness", "chroma"):
        values = [m[aspect] for m in moods if aspect in m]
        if values:
            changes[aspect] = (3.0 * sum(values) / len(values) + story * getattr(base, aspect)) / (3.0 + story)
    for aspect in ("lighting", "harmony"):
        votes = [m[aspect] for m in moods if aspect in m]
        if votes:
            changes[aspect] = max(sorted(set(votes)), key=votes.count)
    return base.shifted(**changes)


def _lighting(words: StyleWords) -> str | None:
    lit = [w for w in words.words if "lighting" in w.effect and w.category != "mood"]
    if not lit:
        return None
    spec = [w for w in lit if w.look in SPEC_LIGHTING]
    first_light = [w for w in lit if w.category == "lighting" and not w.by_meaning]
    return (spec or first_light or lit)[0].effect["lighting"]


def fit_harmony(hues: list[float]) -> str:
    """The harmony scheme the named colours form (the key is the first colour)."""
    if len(hues) < 2:
        return "mono"
    best, best_cost = "analogous", math.inf
    for scheme, offsets in HARMONY_OFFSETS.items():
        if scheme == "mono":
            continue
        scheme_hues = [(hues[0] + o) % 360 for o in offsets]
        # Each colour's distance to the scheme, plus a little per unused scheme hue: the simplest scheme that fits.
        cost = sum(min(hue_distance(h, s) for s in scheme_hues) for h in hues[1:]) + 8 * max(0, len(offsets) - len(hues))
        if cost < best_cost:
            best, best_cost = scheme, cost
    return best


def _circular_mean(hues: list[float]) -> float:
    x = sum(math.cos(math.radians(h)) for h in hues)
    y = sum(math.sin(math.radians(h)) for h in hues)
    return math.degrees(math.atan2(y, x)) % 360


def style_reading(text: str, words: StyleWords, reading: MoodReading, source: str = "style",
                  palette_hexes: list[str] | None = None) -> Reading:
    """What each style word became, what was not understood, and what the previs cannot do (for the gate)."""
    used: list[Understood] = []
    became = {"time": "time", "weather": "weather", "era": "era"}
    for w in words.words:
        if w.category == "other":
            continue
        if w.category == "colour":
            near = _nearest(w.look, palette_hexes or [])
            detail = f"colour {w.look} in the palette" + (f" as {near}" if near else "")
        elif w.category == "medium":
            detail = (f"medium: {reading.medium}" if w.text == reading.medium or reading.medium == "live action"
                      else f"texture: {w.text}") + (f" (read as {w.look})" if w.by_meaning else "")
        else:
            detail = f"{w.category}: " + ", ".join(f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}"
                                                   for k, v in w.effect.items() if k != "family")
            if w.by_meaning:
                detail += f" (read as '{w.look}', nearest in meaning)"
        used.append(Understood(text=w.text, became=became.get(w.category, "style"), detail=detail))
    not_applied = []
    if reading.family in APPROXIMATED:
        not_applied.append(f"{reading.medium}: {APPROXIMATED[reading.family]}")
    unread = words.unread  # the gate says these as not understood; the bible keeps them for an image model
    return Reading(source=source, stage="art_director", text=text, used=used, not_understood=unread,
                   not_applied=not_applied)


def _nearest(hex_color: str, palette_hexes: list[str]) -> str:
    if not palette_hexes:
        return ""
    _, _, hue = hex_oklch(hex_color)
    return min(palette_hexes, key=lambda h: hue_distance(hex_oklch(h)[2], hue))
