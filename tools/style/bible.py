"""The art director's proposals: candidate style bibles from a brief, a script and the person's style words.

Three takes, as a designer would pin them up: the faithful one first (every
word of `--style` and of a style note honoured: named colours in the palette,
the asked-for medium, light and tone; the story fills only what they leave
open), one bolder (more contrast in colour and light, same medium and colours),
and one in another medium the previs can draw with the key hue turned. Each
name says what the take is: the medium asked for, or "flat vector previs",
which is what the offline renderer draws.
"""

from __future__ import annotations

from graph.state import Brief, PaletteColor, Script, StyleBible
from tools.errors import BadInput
from tools.style.direction import FAMILY_LOOK, APPROXIMATED, read_direction
from tools.style.harmony import build_palette, hex_oklch, oklch_hex, palette_distance, warm_cool_summary
from tools.style.mood import DEFAULT_MEDIUM, MoodReading, read_mood
from tools.style.notes import apply_style_note

# Bolder: the harmony one step further from the key, the light one step more dramatic.
BOLDER_HARMONY = {"mono": "analogous", "analogous": "complementary", "complementary": "split",
                  "split": "triad", "triad": "square", "square": "complementary"}
BOLDER_LIGHTING = {"natural_soft": "rembrandt", "high_key": "loop", "butterfly": "rembrandt",
                   "loop": "rembrandt", "rembrandt": "split", "split": "low_key",
                   "low_key": "split", "stage": "neon", "neon": "stage"}
# The alternative take moves to another family the previs draws as itself.
ALTERNATIVE_FAMILY = {"vector": "watercolour", "watercolour": "ink", "paint": "ink", "charcoal": "watercolour",
                      "ink": "watercolour", "pixel": "vector", "clay": "vector", "cgi": "clay", "film": "ink"}
FAMILY_MEDIUM = {"vector": DEFAULT_MEDIUM, "watercolour": "watercolour wash", "paint": "painterly wash",
                 "charcoal": "charcoal sketch", "ink": "ink graphic novel", "pixel": "pixel art",
                 "clay": "stop-motion clay", "cgi": "CG animation", "film": "live action"}
# The alternative take answers the mood in the other temperature's language.
ALTERNATIVE_LIGHTING = {"low_key": "neon", "split": "stage", "neon": "low_key", "high_key": "natural_soft",
                        "natural_soft": "loop", "rembrandt": "natural_soft", "loop": "butterfly",
                        "butterfly": "high_key", "stage": "rembrandt"}
KEY_FILL = {"high_key": 1.5, "natural_soft": 2.0, "butterfly": 2.5, "loop": 3.0, "rembrandt": 4.0,
            "stage": 4.0, "neon": 5.0, "split": 8.0, "low_key": 8.0}
# Candidates must look clearly different at the gate, not like three tints of one idea.
MIN_CANDIDATE_DELTA_E = 12.0
# Named colours take these roles in order; a named white or black takes a light or dark role.
NAMED_ROLES = ("key", "accent", "sky", "ground")
GOLDEN_SKY = 78.0


def propose_styles(brief: Brief, script: Script | None, n: int = 3, note: str = "") -> list[StyleBible]:
    """n clearly different candidate style bibles: faithful, bolder, alternative medium, then further turns."""
    return propose_with_reading(brief, script, n, note)[0]


def propose_with_reading(brief: Brief, script: Script | None, n: int = 3, note: str = ""):
    """The candidates, plus the faithful reading and what the style text and the note were read as."""
    if n < 1:
        raise BadInput(f"need at least one style candidate, got n={n}")
    story = _night_bias(read_mood("", _context_text(brief, script)), script)
    base, style_words = read_direction(brief.style_text, story, story_medium_voted=story.medium != DEFAULT_MEDIUM)
    note_words = None
    if note.strip():
        base, note_words = apply_style_note(base, note)
    takes: list[tuple[str, MoodReading]] = [("faithful", base)]
    if n > 1:
        takes.append(("bolder", base.shifted(
            chroma=min(0.3, base.chroma * 1.5 + 0.03) if not base.mono else base.chroma,
            lightness=max(0.2, base.lightness - 0.08),
            harmony=BOLDER_HARMONY[base.harmony],
            lighting=BOLDER_LIGHTING[base.lighting])))
    turn = 0
    families = list(FAMILY_MEDIUM)
    while len(takes) < n:
        turn += 1
        hue = (base.hue + (150 if turn == 1 else 150 + 70 * (turn - 1))) % 360
        if base.warmth:
            # The person asked for a temperature: the other take changes medium and light, and
            # only leans round the same side of the wheel (gold to ember, steel to indigo).
            hue = (base.hue + (-24 if base.warmth > 0 else 18) * (1 if turn == 1 else -1) * (1 + (turn - 1) // 2)) % 360
        family = ALTERNATIVE_FAMILY[base.family] if turn == 1 else families[(families.index(base.family) + turn) % len(families)]
        takes.append((f"alternative {turn}" if turn > 1 else "alternative", base.shifted(
            hue=hue, medium=FAMILY_MEDIUM[family], family=family, colours=(), mono=family == "charcoal",
            lighting=ALTERNATIVE_LIGHTING[base.lighting], grain=None,
            chroma=max(base.chroma, 0.08) if base.mono else base.chroma,
            lightness=min(0.85, max(0.25, base.lightness + (0.1 if base.lightness < 0.5 else -0.1))))))
    bibles = [_bible(take, reading) for take, reading in takes]
    _keep_apart(bibles, takes)
    return _distinct_names(bibles, [reading for _, reading in takes]), base, style_words, note_words


def _context_text(brief: Brief, script: Script | None) -> str:
    parts = [brief.text]
    if script is not None:
        parts.append(script.title)
        for scene in script.scenes:
            parts.append(scene.heading)
            parts.extend(el.text for el in scene.elements if el.kind == "action")
    return " ".join(parts)


def _night_bias(reading: MoodReading, script: Script | None) -> MoodReading:
    """A script set mostly at night pulls the key down (style words that set the light override it)."""
    if script is None or not script.scenes:
        return reading
    nights = sum(1 for s in script.scenes if s.time_of_day.upper() in ("NIGHT", "DUSK"))
    if nights * 2 > len(script.scenes) and reading.lightness > 0.45:
        return reading.shifted(lightness=reading.lightness - 0.1)
    return reading


def _palette(reading: MoodReading) -> list[PaletteColor]:
    """The harmony palette, with the person's named colours in it at their own hue, in the asked-for tone."""
    palette = build_palette(reading.hue, reading.lightness, reading.chroma, reading.harmony, warmth=reading.warmth)
    pastel = reading.lightness >= 0.74 and reading.chroma <= 0.09
    roles = {c.role: list(hex_oklch(c.hex)) for c in palette}
    chromatic = [(name, hexcode) for name, hexcode in reading.colours if hex_oklch(hexcode)[1] >= 0.04]
    for role, (_, hexcode) in zip(NAMED_ROLES, chromatic):
        hue = hex_oklch(hexcode)[2]
        lightness = roles[role][0] if role != "key" else reading.lightness
        chroma = max(0.06, reading.chroma if role == "key" else max(roles[role][1], reading.chroma * 1.2))
        roles[role] = [lightness, min(chroma, 0.1) if pastel else chroma, hue]
    for name, hexcode in reading.colours:
        lightness, chroma, hue = hex_oklch(hexcode)
        if chroma < 0.04:  # white, black, grey: the light or dark role takes it as named
            role = "highlight" if lightness > 0.6 else "shadow"
            roles[role] = [min(0.97, max(0.1, lightness)), chroma, hue]
    named_roles = set(NAMED_ROLES[:len(chromatic)])
    if reading.warmth > 0 and "sky" not in named_roles:
        roles["sky"][2] = GOLDEN_SKY  # a warm look's sky is gold light, whatever blue the harmony offers
    if reading.lightness < 0.38:
        # A low-key look stays dark beyond its key: the sky is night and the highlight a glint, not a wash.
        roles["sky"][0] = min(roles["sky"][0], reading.lightness + 0.06)
        roles["highlight"][0] = min(roles["highlight"][0], 0.68)
        roles["ground"][0] = min(roles["ground"][0], reading.lightness)
    if reading.chroma <= 0.05:
        # Muted means muted everywhere: the accent may stand out a little, never at full colour.
        for role in roles:
            if role != "skin":
                roles[role][1] = min(roles[role][1], 0.08)
    if pastel:
        for role in ("key", "sky", "highlight", "accent"):
            roles[role] = [max(0.74, roles[role][0]), min(0.1, roles[role][1]), roles[role][2]]
    if reading.mono:
        roles = {role: [l, 0.004, h] for role, (l, _, h) in roles.items()}
    return [PaletteColor(role=c.role, hex=oklch_hex(*roles[c.role])) for c in palette]


def _bible(take: str, reading: MoodReading) -> StyleBible:
    palette = _palette(reading)
    grain, line_weight, texture, lens = FAMILY_LOOK[reading.family]
    if reading.grain is not None:
        grain = reading.grain
    extra = [w for w in reading.texture_words if w != "heavy grain"]
    if "heavy grain" in reading.texture_words:
        grain = min(1.0, grain + 0.25)
        texture += ", heavy grain"
    if extra:
        texture += ", " + ", ".join(extra)
    lighting = reading.lighting
    ratio = KEY_FILL[lighting]
    if lighting == "neon":
        lens += ", anamorphic streak flares"
    warm_cool = warm_cool_summary(palette)
    named = ", ".join(f"{name} as {role}" for (name, _), role in zip(reading.colours, NAMED_ROLES)) if reading.colours else ""
    drive = f"named colours: {named}" if named else (
        f"style and mood words: {', '.join(reading.words)}" if reading.words else "read from the brief as a whole")
    previs = f" (the previs approximates it: {APPROXIMATED[reading.family]})" if reading.family in APPROXIMATED else ""
    said = f" Time, weather, stock and era: {', '.join(reading.said)}." if reading.said else ""
    description = (
        f"{take.capitalize()} take: {reading.medium}{previs} with {texture}. "
        f"{reading.harmony.capitalize()} palette keyed on {palette[0].hex} ({drive}); "
        f"{warm_cool}. Light it {lighting.replace('_', ' ')} at {ratio:g}:1 key to fill; {lens}.{said}"
    )
    return StyleBible(
        name=_take_name(take, reading), palette=palette, harmony=reading.harmony, warm_cool=warm_cool,
        medium=reading.medium, texture=texture, grain=round(min(1.0, grain), 2), line_weight=line_weight,
        lighting=lighting, key_fill_ratio=ratio, lens_look=lens, description=description,
        previs_look=reading.family,
    )


def _mood_name(reading: MoodReading) -> str:
    light = reading.lightness
    warm = abs((reading.hue - 60 + 180) % 360 - 180) < 90
    if reading.mono:
        return "greyscale"
    if reading.lighting == "neon":
        return "neon-soaked"
    if light < 0.36:
        return "ember-lit" if warm else "storm-lit"
    if reading.chroma > 0.17:
        return "sun-bright" if warm else "electric"
    if light > 0.7:
        return "sunlit" if warm else "pale"
    return "warm-toned" if warm else "cool-toned"


# What a take changes, said in its name: the bolder take by its light, the alternative by its surface.
LIGHT_WORDS = {"high_key": "high-key", "natural_soft": "soft-lit", "butterfly": "glamour-lit",
               "loop": "sculpted", "rembrandt": "chiaroscuro", "split": "high-contrast",
               "low_key": "low-key", "stage": "spotlit", "neon": "neon"}
SURFACE_WORDS = {"vector": "clean-line", "watercolour": "wet-edged", "paint": "brushy", "charcoal": "hatched",
                 "ink": "ink-wash", "pixel": "8-bit", "clay": "handmade", "cgi": "CG-rendered", "film": "grainy"}
# Named colour families (OKLCh hue lower bounds) for naming a key colour and telling takes apart.
HUE_WORDS = [(0, "rose"), (20, "crimson"), (40, "ember"), (60, "amber"), (80, "gold"), (100, "olive"),
             (130, "green"), (165, "jade"), (195, "teal"), (225, "steel-blue"), (255, "indigo"),
             (285, "violet"), (320, "magenta"), (345, "rose")]


def _tone_word(reading: MoodReading) -> str:
    if reading.mono:
        return "black-and-white"
    if reading.lightness >= 0.74 and reading.chroma <= 0.09:
        return "pastel"
    if reading.chroma <= 0.05:
        return "muted"
    if reading.chroma >= 0.18:
        return "vivid"
    return "dark" if reading.lightness < 0.36 else ""


def _take_name(take: str, reading: MoodReading) -> str:
    if take == "bolder":
        mood, light = _mood_name(reading), LIGHT_WORDS[reading.lighting]
        return f"{mood} {reading.medium}" if light in mood else f"{light} {mood} {reading.medium}"
    if take.startswith("alternative"):
        return f"{SURFACE_WORDS[reading.family]} {_mood_name(reading)} {reading.medium}"
    # The faithful take says what it is: the medium, the colours, the light.
    colours = [name for name, _ in reading.colours][:3]
    tone = _tone_word(reading)
    if reading.mono:
        colour_words = tone
    else:
        named = " and ".join(colours) if colours else _hue_word(reading.hue)
        colour_words = named if tone in named else f"{tone} {named}".strip()
    medium = f"{reading.medium} (flat previs)" if reading.family in ("film", "cgi") else reading.medium
    return f"{medium} in {colour_words}, {LIGHT_WORDS[reading.lighting]}"


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
            if reading.warmth or reading.colours or reading.mono:
                # Turning the hue would undo the person's temperature or colours: move light and colour instead.
                step_light = 0.07 if reading.lightness < 0.6 else -0.07
                reading = reading.shifted(lightness=min(0.85, max(0.2, reading.lightness + step_light)),
                                          chroma=min(0.3, reading.chroma + 0.03))
            else:
                reading = reading.shifted(hue=(reading.hue + 20) % 360, chroma=min(0.3, reading.chroma + 0.03))
            bibles[i] = _bible(take, reading)
