"""The art director's proposals: candidate style bibles from a brief and script.

Three takes, as a designer would pin them up: one faithful to the brief, one
bolder (more contrast in colour and light), one in another medium with the
key hue turned to a different temperature. A revise note ("darker",
"warmer", "more neon") shifts every take the same way.
"""

from __future__ import annotations

from graph.state import Brief, Script, StyleBible
from tools.errors import BadInput
from tools.style.harmony import build_palette, palette_distance, warm_cool_summary
from tools.style.mood import LENS_BY_MEDIUM, MEDIUM_TEXTURE, MoodReading, apply_note, read_mood

# Bolder: the harmony one step further from the key, the light one step more dramatic.
BOLDER_HARMONY = {"mono": "analogous", "analogous": "complementary", "complementary": "split",
                  "split": "triad", "triad": "square", "square": "complementary"}
BOLDER_LIGHTING = {"natural_soft": "rembrandt", "high_key": "loop", "butterfly": "rembrandt",
                   "loop": "rembrandt", "rembrandt": "split", "split": "low_key",
                   "low_key": "split", "stage": "neon", "neon": "stage"}
ALTERNATIVE_MEDIUM = {"live action": "graphic novel", "graphic novel": "2D animation",
                      "2D animation": "stop motion", "stop motion": "3D animation",
                      "3D animation": "2D animation"}
# The alternative take answers the mood in the other temperature's language.
ALTERNATIVE_LIGHTING = {"low_key": "neon", "split": "stage", "neon": "low_key", "high_key": "natural_soft",
                        "natural_soft": "loop", "rembrandt": "natural_soft", "loop": "butterfly",
                        "butterfly": "high_key", "stage": "rembrandt"}
KEY_FILL = {"high_key": 1.5, "natural_soft": 2.0, "butterfly": 2.5, "loop": 3.0, "rembrandt": 4.0,
            "stage": 4.0, "neon": 5.0, "split": 8.0, "low_key": 8.0}
# Candidates must look clearly different at the gate, not like three tints of one idea.
MIN_CANDIDATE_DELTA_E = 12.0


def propose_styles(brief: Brief, script: Script | None, n: int = 3, note: str = "") -> list[StyleBible]:
    """n clearly different candidate style bibles: faithful, bolder, alternative medium, then further turns."""
    if n < 1:
        raise BadInput(f"need at least one style candidate, got n={n}")
    base = read_mood(brief.style_text, _context_text(brief, script))
    base = _night_bias(base, script)
    if note.strip():
        base = apply_note(base, note)
    takes: list[tuple[str, MoodReading]] = [("faithful", base)]
    if n > 1:
        takes.append(("bolder", base.shifted(
            chroma=min(0.3, base.chroma * 1.5 + 0.03),
            lightness=max(0.2, base.lightness - 0.06),
            harmony=BOLDER_HARMONY[base.harmony],
            lighting=BOLDER_LIGHTING[base.lighting])))
    turn = 0
    while len(takes) < n:
        turn += 1
        hue = (base.hue + (150 if turn == 1 else 150 + 70 * (turn - 1))) % 360
        if base.warmth:
            # The person asked for a temperature: the other take changes medium and light, and
            # only leans round the same side of the wheel (gold to ember, steel to indigo).
            hue = (base.hue + (-24 if base.warmth > 0 else 18) * (1 if turn == 1 else -1) * (1 + (turn - 1) // 2)) % 360
        medium = ALTERNATIVE_MEDIUM[base.medium] if turn == 1 else list(MEDIUM_TEXTURE)[(turn + 1) % len(MEDIUM_TEXTURE)]
        takes.append((f"alternative {turn}" if turn > 1 else "alternative", base.shifted(
            hue=hue, medium=medium, lighting=ALTERNATIVE_LIGHTING[base.lighting],
            lightness=min(0.85, max(0.25, base.lightness + (0.1 if base.lightness < 0.5 else -0.1))))))
    bibles = [_bible(take, reading) for take, reading in takes]
    _keep_apart(bibles, takes)
    return _distinct_names(bibles, [reading for _, reading in takes])


def _context_text(brief: Brief, script: Script | None) -> str:
    parts = [brief.text]
    if script is not None:
        parts.append(script.title)
        for scene in script.scenes:
            parts.append(scene.heading)
            parts.extend(el.text for el in scene.elements if el.kind == "action")
    return " ".join(parts)


def _night_bias(reading: MoodReading, script: Script | None) -> MoodReading:
    """A script set mostly at night pulls the key down, whatever the brief says."""
    if script is None or not script.scenes:
        return reading
    nights = sum(1 for s in script.scenes if s.time_of_day.upper() in ("NIGHT", "DUSK"))
    if nights * 2 > len(script.scenes) and reading.lightness > 0.45:
        return reading.shifted(lightness=reading.lightness - 0.1)
    return reading


def _bible(take: str, reading: MoodReading) -> StyleBible:
    palette = build_palette(reading.hue, reading.lightness, reading.chroma, reading.harmony, warmth=reading.warmth)
    grain, line_weight, texture = MEDIUM_TEXTURE[reading.medium]
    if reading.texture_words:
        grain = min(1.0, grain + 0.25)
        texture += ", " + ", ".join(reading.texture_words)
    name = _take_name(take, reading)
    lighting = reading.lighting
    ratio = KEY_FILL[lighting]
    lens = LENS_BY_MEDIUM[reading.medium]
    if lighting == "neon":
        lens += ", anamorphic streak flares"
    warm_cool = warm_cool_summary(palette)
    description = (
        f"{take.capitalize()} take: {reading.medium} with {texture}. "
        f"{reading.harmony.capitalize()} palette keyed on {palette[0].hex} "
        f"({'mood words: ' + ', '.join(reading.words) if reading.words else 'read from the brief as a whole'}); "
        f"{warm_cool}. Light it {lighting.replace('_', ' ')} at {ratio:g}:1 key to fill; {lens}."
    )
    return StyleBible(
        name=name, palette=palette, harmony=reading.harmony, warm_cool=warm_cool,
        medium=reading.medium, texture=texture, grain=round(grain, 2), line_weight=line_weight,
        lighting=lighting, key_fill_ratio=ratio, lens_look=lens, description=description,
    )


def _mood_name(reading: MoodReading) -> str:
    light = reading.lightness
    warm = abs((reading.hue - 60 + 180) % 360 - 180) < 90
    if reading.lighting == "neon":
        return "neon-soaked"
    if light < 0.36:
        return "ember-lit" if warm else "storm-lit"
    if reading.chroma > 0.17:
        return "sun-bright" if warm else "electric"
    if light > 0.7:
        return "sunlit" if warm else "pale"
    return "warm-toned" if warm else "cool-toned"


# What a take changes, said in its name: the bolder take by its light, the
# alternative by its medium's surface.
LIGHT_WORDS = {"high_key": "high-key", "natural_soft": "soft-lit", "butterfly": "glamour-lit",
               "loop": "sculpted", "rembrandt": "chiaroscuro", "split": "high-contrast",
               "low_key": "low-key", "stage": "spotlit", "neon": "neon"}
MEDIUM_WORDS_IN_NAMES = {"live action": "35 mm", "2D animation": "cel-shaded", "3D animation": "CG-rendered",
                         "stop motion": "handmade", "graphic novel": "ink-wash"}
# Named colour families (OKLCh hue lower bounds) for telling apart takes that still share a name.
HUE_WORDS = [(0, "rose"), (20, "crimson"), (40, "ember"), (60, "amber"), (80, "gold"), (100, "olive"),
             (130, "green"), (165, "jade"), (195, "teal"), (225, "steel-blue"), (255, "indigo"),
             (285, "violet"), (320, "magenta"), (345, "rose")]


def _take_name(take: str, reading: MoodReading) -> str:
    mood = _mood_name(reading)
    if take == "bolder":
        light = LIGHT_WORDS[reading.lighting]
        return f"{mood} {reading.medium}" if light in mood else f"{light} {mood} {reading.medium}"
    if take.startswith("alternative"):
        return f"{MEDIUM_WORDS_IN_NAMES[reading.medium]} {mood} {reading.medium}"
    return f"{mood} {reading.medium}"


def _hue_word(hue: float) -> str:
    return [word for start, word in HUE_WORDS if hue % 360 >= start][-1]


def _distinct_names(bibles: list[StyleBible], readings: list[MoodReading]) -> list[StyleBible]:
    """No two candidates share a name: a repeat gains its key colour, then its harmony, then a number."""
    seen: set[str] = set()
    named = []
    for bible, reading in zip(bibles, readings):
        name = bible.name
        for extra in (f"{_hue_word(reading.hue)} {name}", f"{name}, {reading.harmony} palette"):
            if name not in seen:
                break
            name = extra
        number = 2
        base = name
        while name in seen:
            name, number = f"{base} {number}", number + 1
        seen.add(name)
        named.append(bible.model_copy(update={"name": name}) if name != bible.name else bible)
    return named


def _keep_apart(bibles: list[StyleBible], takes: list[tuple[str, MoodReading]]) -> None:
    """Turn a candidate's hue further while it sits too close to an earlier one."""
    for i in range(1, len(bibles)):
        take, reading = takes[i]
        for step in range(1, 6):
            hexes = [c.hex for c in bibles[i].palette]
            closest = min(palette_distance(hexes, [c.hex for c in b.palette]) for b in bibles[:i])
            if closest >= MIN_CANDIDATE_DELTA_E:
                break
            if reading.warmth:
                # Turning the hue would undo the person's temperature note: move light and colour instead.
                step_light = 0.07 if reading.lightness < 0.6 else -0.07
                reading = reading.shifted(lightness=min(0.85, max(0.2, reading.lightness + step_light)),
                                          chroma=min(0.3, reading.chroma + 0.03))
            else:
                reading = reading.shifted(hue=(reading.hue + 20) % 360, chroma=min(0.3, reading.chroma + 0.03))
            bibles[i] = _bible(take, reading)
