"""Brief to script, offline: a short-film structure template filled from the brief.

The template is the five-beat short (setup, inciting incident, turn, climax,
resolution), grown to six with a quiet bonding beat or cut to four for short
running times. The key prop is set up in capitals in scene 1 and pays off at
the climax; the last scene returns to the first scene's place so the film
bookends. Output is labelled `template:three-act-short` (SPEC §2).
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass

from graph.state import Brief, Script
from tools.errors import BadInput
from tools.screenplay.brief_reading import QUEST_MARKS, BriefReading, read_brief, settings_named_in
from tools.screenplay.brief_world import World, build_world
from tools.screenplay.fountain_io import parse_fountain
from tools.screenplay.reading import scene_seconds

TEMPLATE = "three-act-short"
SECONDS_PER_SCENE = 12.0

_DARK = re.compile(r"\b(dark|darker|grim|bleak|sad|sadder|tragic|bittersweet|moody|noir|serious)\b", re.I)
_HOPEFUL = re.compile(r"\b(hope|hopeful|happier|happy|light|lighter|uplifting|warm|warmer|joy|joyful|upbeat)\b", re.I)
_COMIC = re.compile(r"\b(funny|funnier|comic|comedy|humou?r|jokes?|silly|playful)\b", re.I)
_SHORTER = re.compile(r"\b(shorter|tighter|faster|cut|trim)\b", re.I)
_LONGER = re.compile(r"\b(longer|slower|expand|more scenes)\b", re.I)


@dataclass(frozen=True)
class Tone:
    """How a revise note bends the template."""

    dark: bool = False
    hopeful: bool = False
    comic: bool = False

    @classmethod
    def from_note(cls, note: str) -> "Tone":
        dark = bool(_DARK.search(note))
        return cls(dark=dark, hopeful=bool(_HOPEFUL.search(note)) and not dark, comic=bool(_COMIC.search(note)))


def _fill(text: str, w: World) -> str:
    their = "her" if w.they == "she" else "his"
    return (text.replace("{HERO}", w.hero).replace("{Hero}", w.hero.title()).replace("{they}", w.they)
            .replace("{their}", their).replace("{Comp}", w.companion.title() if w.companion else f"the {w.prop.name}"))


def _line(name: str, text: str, paren: str = "") -> str:
    # Fountain only hears an all-caps ASCII line as a cue; "@" forces it for names like ZOË or SØREN.
    cue = name if name.isascii() else f"@{name}"
    return f"{cue}\n({paren})\n{text}" if paren else f"{cue}\n{text}"


@dataclass(frozen=True)
class Plan:
    """Which set and time of day each beat plays in."""

    places: dict[str, tuple[bool, str]]
    times: dict[str, str]


def _plan(w: World, tone: Tone, beats: list[str]) -> Plan:
    """Distinct sets where possible; the ending returns to the opening set so the film bookends."""
    home, others = w.places[0], w.places[1:] or [w.places[0]]
    outside = [p for p in others if not p[0]]
    inciting = outside[0] if outside and w.companion_kind in ("robot", "animal") and not w.together else others[0]
    rest = [p for p in others if p != inciting] or [inciting]
    turn = rest[0]
    climax = rest[1] if len(rest) > 1 else turn
    exteriors = [p for p in w.places if not p[0]]
    interiors = [p for p in w.places if p[0]]
    if w.event in ("chase", "rain", "lost", "ice") and exteriors:
        # These events happen out in the open: the middle of the film stays outside.
        inciting, turn, climax = (exteriors[min(i, len(exteriors) - 1)] for i in (1, 1, 2))
    elif w.event in ("fire", "blackout", "malfunction") and interiors and w.genre != "brand":
        # ... and these are trapped indoors.
        inside = [p for p in interiors if p != home] or interiors
        inciting, turn, climax = (inside[min(i, len(inside) - 1)] for i in (0, 0, 1))
    if w.genre in ("family",) and not tone.dark:
        times = {"setup": "MORNING", "inciting": "DAY", "turn": "DAY", "climax": "AFTERNOON", "resolution": "DUSK"}
    elif w.genre == "brand":
        times = {"setup": "NIGHT", "inciting": "NIGHT", "turn": "NIGHT", "climax": "NIGHT", "resolution": "DAWN"}
    else:
        times = {"setup": "NIGHT" if tone.dark else "DUSK", "inciting": "NIGHT", "turn": "NIGHT",
                 "climax": "NIGHT", "resolution": "DAWN"}
    if tone.dark:
        times["resolution"] = "NIGHT"
    elif tone.hopeful:
        times["resolution"] = "MORNING"
    places = {"setup": home, "inciting": inciting, "bond": inciting, "turn": turn, "climax": climax,
              "resolution": home}
    if w.genre == "brand":
        # A brand short ends on the product moment and an open sky, not back where the shift began.
        places.update(turn=inciting, climax=home, resolution=rest[-1] if rest[-1] != inciting else home)
    times["bond"] = times["inciting"]
    return Plan(places=places, times=times)


def _heading(plan: Plan, beat: str, previous: str = "") -> str:
    """The beat's heading; a scene that stays in the same set reads LATER or CONTINUOUS, never a repeat."""
    interior, location = plan.places[beat]
    place = f"{'INT.' if interior else 'EXT.'} {location}"
    time = plan.times[beat]
    if previous.startswith(place + " - ") and beat != "resolution":
        if previous.endswith("CONTINUOUS"):
            time = "LATER"
        else:
            time = "CONTINUOUS" if previous.endswith("LATER") or beat == "climax" else "LATER"
    return f"{place} - {time}"


# An animal companion raises the alarm in its own voice.
_ANIMAL_CRY = {"dog": "barks and barks", "puppy": "yaps and yaps", "cat": "yowls, fur on end",
               "kitten": "mews, thin and frantic", "bird": "shrieks and beats its wings", "horse": "rears and whinnies",
               "owl": "hoots, sharp and urgent", "crow": "caws and caws", "fox": "yips into the dark",
               "wolf": "howls", "dragon": "roars, smoke pouring from its jaws", "parrot": "squawks, over and over"}
_ROUTINE = {"MORNING": "starts the day", "DUSK": "goes about the evening routine",
            "NIGHT": "works through the small hours"}
_OPENING_LINE = {"family": "Ready? Ready?", "brand": "Four more hours.", "scifi": "Paid by the minute.",
                 "thriller": "Paid by the minute."}


def _setup(w: World, tone: Tone, plan: Plan) -> list[str]:
    routine = _ROUTINE.get(plan.times["setup"], "goes about the day")
    blocks = [f"Quiet. {w.hero_intro} {routine}, slow and careful."
              + (f" {w.companion_intro.rstrip(',')}{'' if w.companion_intro.endswith(')') else ','} keeps close."
                 if w.together and w.companion else "")
              + (f" {w.guest_intro.rstrip(',')}{'' if w.guest_intro.endswith(')') else ','} trails behind."
                 if w.guest and w.guest_together else "")
              + (_fill(f" All {{they}} wants is to {w.want}.", w) if w.want else ""),
              _fill(w.prop.setup, w)]
    line = "Same as always." if tone.dark else _OPENING_LINE.get(w.genre, "One more night. Then we'll see.")
    blocks.append(_line(w.hero, line))
    return blocks


_GUEST_AT_PEACE = {"animal": "{Guest} curls up at their feet, safe at last.",
                   "robot": "{Guest} hums quietly beside them, its eye glowing warm.",
                   "person": "{Guest} stays close, smiling."}


def _arrival(kind: str, intro: str, event: str) -> str:
    """A figure met on the way, introduced as they enter the film."""
    if kind == "robot":
        return f"In the wreckage lies {intro} half buried and sparking."
    if kind == "animal":
        return f"Out of the dark limps {intro} shivering and alone."
    wet = "soaked and " if event in ("storm", "rain", "ice") else ""
    return f"{intro} stumbles in, {wet}out of breath."


def _inciting(w: World, tone: Tone, plan: Plan) -> list[str]:
    blocks = [_fill(w.beats.inciting, w) + (" Something is very wrong." if tone.dark else "")]
    if w.companion and not w.together:
        if w.genre == "brand" and w.companion_kind == "person":
            blocks.append(f"In the last bed, {w.companion_intro} catches {_fill('{Hero}', w)}'s sleeve.")
            blocks.append(_line(w.companion, "You look more tired than me."))
        else:
            blocks.append(_arrival(w.companion_kind, w.companion_intro, w.event))
            if w.companion_kind == "robot":
                blocks.append(_line(w.companion, "Cold... cold...", "weak, static"))
            elif w.companion_kind == "person":
                blocks.append(_line(w.companion, "Please. I need help."))
    elif w.companion and w.companion_kind == "animal":
        where = " at the water's edge" if w.variant == "lost_water" else ""
        blocks.append(_fill(f"{{Comp}} {_ANIMAL_CRY.get(w.species, 'cries out, over and over')}{where}.", w))
    elif w.companion:
        blocks.append(_line(w.companion, "What was that?", "scared"))
    if w.guest and not w.guest_together:
        blocks.append(_arrival(w.guest_kind, w.guest_intro, w.event))
    if tone.comic and w.companion:
        blocks.append(_fill("{Comp} sneezes, loudly, and knocks a mug off the shelf. {Hero} stares.", w))
    if w.genre == "brand":
        blocks.append(_line(w.hero, "Occupational hazard."))
    else:
        blocks.append(_line(w.hero, "Easy. I've got you." if w.companion and not w.together else "Oh no."))
    return blocks


def _bond(w: World, tone: Tone, plan: Plan) -> list[str]:
    if not w.companion:
        return [_fill("A moment to breathe. {Hero} wraps both hands round a chipped mug. Nothing moves.", w),
                _line(w.hero, "Breathe. Just breathe.")]
    blocks = [_fill("A moment to breathe. {Hero} sits close to {Comp}. For a moment, neither moves.", w)]
    if w.companion_kind != "animal":
        blocks.append(_line(w.companion, "Why help me?"))
    blocks.append(_line(w.hero, "Nobody should be out there alone tonight."))
    return blocks


def _turn(w: World, tone: Tone, plan: Plan) -> list[str]:
    blocks = [_fill(w.beats.danger, w)]
    if w.companion and w.companion_kind not in ("animal",) and w.genre != "brand":
        blocks.append(_line(w.companion, "It's too late. Leave me." if tone.dark else "What do we do?"))
    blocks.append(_line(w.hero, _fill(w.beats.goal, w)))
    return blocks


def _climax(w: World, tone: Tone, plan: Plan) -> list[str]:
    blocks = [_fill(w.beats.rush, w)] + ([_fill(w.prop.payoff, w)] if w.prop.payoff else [])
    if w.companion_kind == "animal" and w.variant == "lost_water":
        blocks.append(_fill("{Comp} paddles out after it, grabs the " + w.prop.name + " and struggles back "
                            "against the current. {Hero} hauls {Comp} onto the bank.", w))
    result = _fill(w.beats.result, w)
    if tone.dark:
        result += " But not everyone makes it. In the wreckage, something stops moving."
    blocks.append(result)
    blocks.append(_line(w.hero, "No. No, no, no." if tone.dark else _fill(w.beats.cry, w)))
    if w.companion and w.companion_kind not in ("animal",) and w.genre != "brand" and not tone.dark:
        blocks.append(_line(w.companion, "You did it!"))
    return blocks


def _resolution(w: World, tone: Tone, plan: Plan) -> list[str]:
    if tone.dark:
        return [_fill(f"Rain on the glass. {w.prop.keepsake} {{Hero}} sits alone where two sat before.", w),
                _line(w.hero, "Goodnight, old friend.", "barely a whisper")]
    together = _fill("{Hero} and {Comp} sit side by side.", w) if w.companion and w.genre != "brand" else \
        _fill("{Hero} watches the sun come up." if w.genre == "brand" or not w.places[0][0]
              else "{Hero} sits by the window as the sun comes up.", w)
    if w.guest:
        together += " " + _GUEST_AT_PEACE.get(w.guest_kind, _GUEST_AT_PEACE["person"]).format(
            Guest=w.guest.title())
    blocks = [f"It is over. {together} " + _fill(w.prop.keepsake, w)
              + (_fill(f" And at last, {{Hero}} gets to {w.want}.", w) if w.want else "")]
    if tone.hopeful:
        blocks.append(_fill("First light spills across everything, gold and new. {Hero} laughs, free and happy, "
                            "and a bird starts to sing.", w))
        blocks.append(_line(w.hero, "Tomorrow will be a good day. I'm glad you're here." if w.companion
                            else "Tomorrow will be a good day."))
    elif w.genre == "brand":
        blocks.append(_line(w.hero, "There you are."))
    else:
        blocks.append(_line(w.hero, "Stay as long as you like." if w.companion else "Quiet, at last."))
    if w.genre == "brand" and w.product:
        blocks.append(f"SUPER: {w.product}. For the ones who keep going.")
    return blocks


def _beats(n: int):
    if n <= 4:
        return [("setup", _setup), ("inciting", _inciting), ("climax", _climax), ("resolution", _resolution)]
    beats = [("setup", _setup), ("inciting", _inciting), ("turn", _turn), ("climax", _climax),
             ("resolution", _resolution)]
    return beats if n == 5 else beats[:2] + [("bond", _bond)] + beats[2:]


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):
        return verb + verb[-1] + "ing"  # swim -> swimming
    return verb + "ing"


def title_for(reading: BriefReading, world: World) -> str:
    """A title from what the story is after: the brand, the lost thing, the goal, else the key prop.

    Never from the brief's first words, which are a subject and a verb ("The Dog Look").
    """
    if world.genre == "brand" and world.product:
        return world.product
    quest = reading.quest.split()
    if quest and set(quest) & QUEST_MARKS:
        return "The " + reading.quest.title()  # "The Lost Kite", "The Last Oxygen Tank"
    if reading.want:
        verb, *rest = reading.want.split()
        return " ".join([_gerund(verb)] + rest).title()  # "Baking Bread"
    return f"The {(reading.quest or world.prop.name).title()}"


def scene_count(length_s: float, note: str = "") -> int:
    """Scenes for a running time: about one every 12 s, four to six for a short."""
    n = max(4, min(6, round(length_s / SECONDS_PER_SCENE)))
    if _SHORTER.search(note):
        n = max(4, n - 1)
    elif _LONGER.search(note):
        n = min(6, n + 1)
    return n


def script_from_brief(brief: Brief, note: str = "") -> Script:
    """Write a short script from a brief with the structure template; `note` is a revise note."""
    if not brief.text.strip():
        raise BadInput("the brief is empty; describe the film in a sentence")
    reading = read_brief(brief.text)
    rng = random.Random(zlib.crc32(f"{brief.seed}|{brief.text.strip()}".encode()))
    tone = Tone.from_note(note)
    world = build_world(reading, rng, settings_named_in(note))
    title = title_for(reading, world)
    page = [f"Title: {title}", f"Credit: written by template:{TEMPLATE}", f"Draft: {brief.text.strip()}"]
    if note.strip():
        page.append(f"Notes: revised for \"{note.strip()}\"")
    n = scene_count(brief.length_s, note)
    script = _write(world, tone, n, title, page)
    # Size to the running time: one beat more or less when the estimate misses by a wide margin.
    estimate = sum(scene_seconds(s) for s in script.scenes)
    if estimate < 0.85 * brief.length_s and n < 6 and not _SHORTER.search(note):
        script = _write(world, tone, n + 1, title, page)
    elif estimate > 1.25 * brief.length_s and n > 4 and not _LONGER.search(note):
        script = _write(world, tone, n - 1, title, page)
    return script.model_copy(update={"source": "brief", "generated_by": f"template:{TEMPLATE}"})


def _write(world: World, tone: Tone, n: int, title: str, page: list[str]) -> Script:
    beats = _beats(n)
    plan = _plan(world, tone, [name for name, _ in beats])
    parts = ["\n".join(page)]
    previous = ""
    for name, beat in beats:
        previous = _heading(plan, name, previous)
        parts.append(previous)
        parts.extend(beat(world, tone, plan))
    return parse_fountain("\n\n".join(parts) + "\n", title=title)
