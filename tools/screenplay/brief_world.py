"""The story world a template script is built in: cast, sets, the key prop, the event.

Everything here is chosen from the brief's reading, with a seeded random
generator breaking ties, so the same brief and seed always give the same world.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from tools.screenplay.brief_reading import SETTINGS, BriefReading, figure_kind

_NAMES = ["MARA", "JONAH", "NOOR", "TOMAS", "ELSIE", "RAFA", "IDA", "KIRA", "OTTO", "LENA", "SAMI", "BEA"]
_SHE = {"MARA", "NOOR", "ELSIE", "IDA", "KIRA", "LENA", "BEA"}
_HE = {"JONAH", "TOMAS", "RAFA", "OTTO"}
# Roles that fix a gender, so a grandson is not called Mara.
_MALE_ROLES = {"man", "boy", "son", "grandson", "father", "grandfather", "grandpa", "brother", "uncle", "nephew",
               "husband", "king", "fisherman"}
_FEMALE_ROLES = {"woman", "girl", "daughter", "granddaughter", "mother", "grandmother", "grandma", "sister", "aunt",
                 "niece", "wife", "queen", "princess", "widow", "witch"}
_ROBOT_NAMES = ["PIP", "BOLT", "TINK", "SPROCKET", "DOT"]
_ANIMAL_NAMES = ["BISCUIT", "PEPPER", "MOSS", "JUNIPER", "SCOUT"]
# Role word -> (age, look), so a keeper does not arrive in a courier's visor.
_LOOKS = {
    "keeper": ("60s", "weathered hands, yellow oilskin"), "child": ("8", "gap-toothed, red raincoat"),
    "girl": ("9", "muddy knees, red raincoat"), "boy": ("9", "scuffed trainers, too-big jumper"),
    "kid": ("8", "gap-toothed, red raincoat"), "nurse": ("30s", "rumpled scrubs, hair escaping its clip"),
    "courier": ("20s", "shaved head, cracked visor"), "astronaut": ("40s", "patched flight suit"),
    "woman": ("70s", "knitted hat, sharp eyes"), "man": ("50s", "grey stubble, work jacket"),
    "detective": ("40s", "rain-dark trench coat"), "barista": ("20s", "ink-stained apron"),
    "pilot": ("30s", "scuffed leather jacket"), "chef": ("40s", "burn-scarred forearms"),
    "patient": ("80s", "paper-thin hands, hospital gown"), "grandson": ("10", "bobble hat, gappy grin"),
    "granddaughter": ("10", "bobble hat, gappy grin"), "son": ("12", "scuffed trainers"),
    "daughter": ("12", "braids, scuffed trainers"), "grandfather": ("70s", "flat cap, pipe in his pocket"),
    "grandmother": ("70s", "knitted hat, sharp eyes"), "crewmate": ("30s", "shaved head, mission patch"), "friend": ("30s", "tired eyes, a scarf wound twice"),
}
_DEFAULT_LOOKS = [("30s", "tired eyes, a scarf wound twice"), ("40s", "ink on their fingers, a patched coat"),
                  ("20s", "headphones round the neck, bright trainers")]
_GENRE_HERO = {"brand": "night-shift nurse", "scifi": "courier", "thriller": "courier", "family": "child",
               "comedy": "barista", "drama": "woman"}
_GENRE_SETTINGS = {"brand": ["hospital"], "scifi": ["city", "rooftop"], "thriller": ["city"], "family": ["park"],
                   "comedy": ["cafe"], "drama": ["home", "street"]}
_GENRE_EVENT = {"brand": "long night", "scifi": "chase", "thriller": "chase", "family": "lost", "comedy": "blackout",
                "drama": "storm"}


@dataclass(frozen=True)
class Prop:
    """The object set up in scene 1 and paid off at the climax."""

    name: str  # lower case, e.g. "brass lantern"
    setup: str  # action sentence, {HERO}/{Hero} filled later; must name the prop in CAPITALS
    payoff: str  # climax action using it
    keepsake: str  # resolution image with it


_PROPS = {
    "lighthouse": Prop("brass lantern", "{Hero} polishes a BRASS LANTERN, its glass cracked along one side.",
                       "{Hero} lights the brass lantern and holds it high into the dark.",
                       "The brass lantern sits between them, still glowing faintly."),
    "park": Prop("red ball", "{Hero} bounces a RED BALL, bright as a berry, counting each catch.",
                 "{Hero} throws the red ball with all {their} strength.",
                 "The red ball rolls to a stop at their feet."),
    "city": Prop("signal flare", "{Hero} tucks a battered SIGNAL FLARE into a jacket pocket.",
                 "{Hero} strikes the signal flare. Red light floods everything.",
                 "The spent signal flare smokes in the gutter."),
    "coffee": Prop("dented thermos", "A dented THERMOS sits by {Hero}'s elbow, unopened.",
                   "{Hero} pours from the dented thermos. Steam rises, dark and rich.",
                   "The dented thermos cup is warm in {Hero}'s hands."),
    "space": Prop("brass compass", "{Hero} turns an old BRASS COMPASS over in a gloved hand.",
                  "{Hero} holds the brass compass to the dead console and reads the needle.",
                  "The brass compass points home."),
    "forest": Prop("tin whistle", "{Hero} whittles the mouthpiece of a TIN WHISTLE smooth.",
                   "{Hero} blows the tin whistle, one long shrill note.",
                   "The tin whistle hangs from {Hero}'s neck on a string."),
    "lake": Prop("carved lure", "{Hero} ties a CARVED LURE to the line with slow, sure fingers.",
                 "{Hero} casts the carved lure out across the black water.",
                 "The carved lure dries on the windowsill."),
}
_PROP_ALIASES = {"shore": "lighthouse", "beach": "lighthouse", "sea": "lighthouse", "rooftop": "city",
                 "street": "city", "train": "city", "cafe": "coffee", "hospital": "coffee", "kitchen": "coffee",
                 "home": "coffee", "snow": "lake", "river": "lake", "mountain": "space", "desert": "space",
                 "garden": "park", "school": "park", "farm": "forest", "office": "coffee", "lab": "space"}
_DEFAULT_PROPS = [Prop("pocket torch", "{Hero} clicks a POCKET TORCH on and off, testing it.",
                       "{Hero} snaps the pocket torch on and sweeps the beam across the dark.",
                       "The pocket torch lies switched off, no longer needed.")]

def quest_prop(name: str) -> Prop:
    """The thing the story is after, as the key prop: seen in scene 1, fought for, kept at the end."""
    noun = name.split()[-1]
    return Prop(name, f"{{Hero}} checks the {name.upper()} one more time, as if it might vanish.",
                f"{{Hero}} grabs the {name} and holds on with both hands.",
                f"The {noun} is safe in {{Hero}}'s hands.")


@dataclass(frozen=True)
class EventBeats:
    """How one kind of event plays across the template's beats."""

    inciting: str  # the event arriving
    danger: str  # the turn: it gets worse
    goal: str  # the protagonist says what must be done
    rush: str  # the climax's movement
    result: str  # what the prop's payoff achieves
    cry: str  # the protagonist's line at the peak


EVENT_BEATS = {
    "storm": EventBeats("Thunder cracks. Rain lashes down. Every light on the coast flickers and dies.",
                        "The storm howls. Out at sea, a fishing boat drifts toward the rocks, blind in the dark.",
                        "They can't see the rocks. We have to get the light back.",
                        "{Hero} races up the spiral stairs, heart pounding.",
                        "The beam swings out across the water. Far out, the fishing boat turns away from the rocks.",
                        "Come on, come on!"),
    "chase": EventBeats("Sirens. Searchlights sweep the street. Three police drones drop from the clouds, hunting.",
                        "The drones close in, searchlights slicing the rain. Nowhere left to run.",
                        "We have to lose them.", "{Hero} sprints for the edge, drones screaming behind.",
                        "The drones swerve toward the red glare and smash into each other, sparks raining down.",
                        "Now!"),
    "rain": EventBeats("The sky opens. Rain hammers down, sudden and cold.",
                       "The water rises in the gutters, fast and loud. The crossing is gone.",
                       "We have to get across.", "{Hero} wades in, the current tugging at every step.",
                       "{Hero} pushes through the flood, soaked to the bone, laughing, and reaches the far side.",
                       "Hold on to me!"),
    "fire": EventBeats("Smoke curls under the door. An alarm shrieks.",
                       "Flames lick the ceiling. The way out is burning.", "We have to get out.",
                       "{Hero} drops low and crawls through the smoke.",
                       "Smoke parts. A way through. {Hero} crashes out into clean night air, coughing, alive.",
                       "This way!"),
    "blackout": EventBeats("Every light in the street dies at once. Silence.",
                           "In the dark, something crashes and breaks. Glass on the floor.",
                           "We have to find the fuse box.", "{Hero} feels along the wall, step by step.",
                           "The lights surge back, room by room, like a wave.", "There!"),
    "lost": EventBeats("A sudden gust. The ball is torn away and tumbles out of reach.",
                       "The ball snags somewhere high and dangerous, further out of reach every second.",
                       "We have to get it back.",
                       "{Hero} scrambles up after it, branches whipping, and lunges. Crack! A fall!",
                       "Scraped, muddy and proud, {Hero} brings the ball home.", "Got it! I got it!"),
    "lost_water": EventBeats("A sudden gust. The ball bounces away, splashes into the pond and drifts off.",
                             "The water is deeper than it looks. The ball drifts further out.",
                             "We have to get it back.", "{Hero} runs to the water's edge, arms out.",
                             "Wet, muddy and proud, they bring the ball back to the bank.", "Come back! Come back!"),
    "ice": EventBeats("A crack like a gunshot. The ice splits, and black water opens beside the fishing hole.",
                      "The crack races across the lake. {Comp} is stranded on the wrong side of it.",
                      "Don't move. I'm coming to get you.", "{Hero} drops flat and crawls across the groaning ice.",
                      "{Hero} hauls {Comp} onto solid ice. They lie there, shaking, then laughing.",
                      "Take my hand!"),
    "malfunction": EventBeats("Alarms. Red lights. A hiss of escaping air: the oxygen line has split.",
                              "The gauge drops into the red. One tank left, and not enough time.",
                              "We have to seal the leak.", "{Hero} pulls along the handholds toward the breach.",
                              "The hiss stops. The gauge needle shivers, then climbs.", "Hold it... hold it..."),
    "storm_inland": EventBeats("Thunder cracks. Rain lashes down. Every light flickers and dies.",
                               "The storm howls. Somewhere out in the dark, a cry for help.",
                               "Someone's out there. We have to find them.", "{Hero} pushes out into the storm.",
                               "Through the rain, an answering call. A face, a hand reaching back. Everyone is safe.",
                               "Over here! Over here!"),
    "long night": EventBeats("An alarm shrieks down the corridor. A patient needs help. Then another.",
                             "Every bed is calling. No time to sit, no time to drink.", "I have to keep going.",
                             "{Hero} slips back into the break room, hands shaking.",
                             "One sip. The noise falls away. {Hero} breathes. Steady.",
                             "Just one minute."),
}


@dataclass
class World:
    """Cast, sets and story furniture for one template script."""

    hero: str
    hero_intro: str
    they: str
    companion: str | None
    companion_intro: str
    companion_kind: str
    places: list[tuple[bool, str]]
    prop: Prop
    event: str
    beats: EventBeats
    product: str  # the brand's name for brand shorts, else ""
    genre: str
    together: bool  # the companion is there from the first scene
    want: str = ""  # what the protagonist wants, e.g. "bake bread"
    variant: str = ""  # the event beats played, e.g. "lost_water"
    guest: str | None = None  # a third figure the brief names, met on the way or there from the start
    guest_intro: str = ""
    guest_kind: str = ""
    guest_together: bool = False
    species: str = ""  # an animal companion's kind, so a cat is not written barking


_CREATURE_LOOKS = {"dragon": "emerald scales and smoke curling from its nostrils", "robot": "one round blinking eye",
                   "cat": "a torn ear and a white bib", "dog": "one ear up and one ear down",
                   "fox": "a white-tipped tail", "bird": "one bent feather"}


def _pick_name(names: list[str], role: str) -> str:
    """The first name in the shuffled list that fits the role's gender, if it has one."""
    words = set(role.split())
    pool = _HE if words & _MALE_ROLES else _SHE if words & _FEMALE_ROLES else None
    return next((n for n in names if pool is None or n in pool), names[0])


def _figure_kind(role: str) -> str:
    return figure_kind(role.split()[-1]) if role else ""


def _role_look(role: str, rng: random.Random) -> tuple[str, str]:
    for word in reversed(role.split()):
        if word.rstrip("s") in _LOOKS:
            return _LOOKS[word.rstrip("s")]
    return rng.choice(_DEFAULT_LOOKS)


def _places(reading: BriefReading, override: list[str]) -> list[tuple[bool, str]]:
    named = [k for k in reading.settings if not (reading.genre == "brand" and k in ("coffee", "cafe"))]
    keys = override or named or _GENRE_SETTINGS.get(reading.genre, ["home"])
    if reading.event == "rain" and not (override or named):
        keys = ["street", "river", "home"]
    elif reading.event == "lost" and not (override or named):
        keys = ["park", "street"]
    places: list[tuple[bool, str]] = []
    for key in keys:
        for place in SETTINGS.get(key, []):
            if place not in places:
                places.append(place)
    # A short needs somewhere to go: a single named place is paired with a home to come back to.
    for place in SETTINGS["home"]:
        if len(places) >= 3:
            break
        if place not in places:
            places.append(place)
    return places


def _they_for_name(name: str) -> str:
    """A guess at the pronoun for a name the brief gives; the person can rename in the script gate."""
    return "she" if name.lower().rstrip("ëé")[-1:] in "aei" or name.lower().endswith(("ë", "é", "y")) else "he"


def _a(phrase: str) -> str:
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def _guest(reading: BriefReading, rng: random.Random, names: list[str], taken: set[str],
           hero_look: str) -> tuple[str | None, str]:
    """The third figure's name and introduction, never sharing a name or a look with the two before."""
    kind, phrase = reading.guest_kind, reading.guest
    if not kind:
        return None, ""
    if reading.guest_name:
        name = reading.guest_name.upper()
        age, look = rng.choice([lk for lk in _DEFAULT_LOOKS if lk[1] != hero_look] or _DEFAULT_LOOKS)
        return name, f"{name} ({age}, {look})"
    if kind == "robot":
        name = rng.choice([n for n in _ROBOT_NAMES if n not in taken])
        return name, f"{name}, {_a(phrase)} with a dented shell and one flickering eye,"
    if kind == "animal":
        name = rng.choice([n for n in _ANIMAL_NAMES if n not in taken])
        look = _CREATURE_LOOKS.get(phrase.split()[-1], "bright, wary eyes")
        return name, f"{name}, {_a(phrase)} with {look},"
    name = _pick_name([n for n in names if n not in taken], phrase)
    age, look = _role_look(phrase, rng)
    return name, f"{name} ({age}, the {phrase}, {look})"


def build_world(reading: BriefReading, rng: random.Random, setting_override: list[str]) -> World:
    named = reading.hero_name.upper()
    role = reading.protagonist or ("" if named else _GENRE_HERO.get(reading.genre, "woman"))
    role = " ".join(w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in role.split())
    names = [n for n in _NAMES if n not in {named, reading.companion_name.upper()}]
    rng.shuffle(names)
    hero = named or _pick_name(names, role)
    age, look = _role_look(role, rng)
    they = (_they_for_name(reading.hero_name) if named else "she" if hero in _SHE else "he")
    hero_intro = f"{hero} ({age}, the {role}, {look})" if role else f"{hero} ({age}, {look})"
    if _figure_kind(role) in ("animal", "robot"):
        hero_intro = f"{hero}, {_a(role)} with {_CREATURE_LOOKS.get(role.split()[-1], 'bright, curious eyes')},"

    kind, companion, companion_intro = reading.companion_kind, None, ""
    phrase = reading.companion
    if reading.companion_name:
        companion = reading.companion_name.upper()
        # Two people the brief only names still need telling apart on the page and in previs.
        c_age, c_look = rng.choice([lk for lk in _DEFAULT_LOOKS if lk[1] != look] or _DEFAULT_LOOKS)
        companion_intro = f"{companion} ({c_age}, {c_look})"
        kind = "person"
    elif kind == "robot":
        companion = rng.choice(_ROBOT_NAMES)
        companion_intro = f"{companion}, {_a(phrase)} with one round blinking eye,"
    elif kind == "animal":
        companion = rng.choice(_ANIMAL_NAMES)
        companion_intro = f"{companion}, a scruffy {phrase},"
    elif kind == "person" or not phrase:
        companion = None
        who = phrase if kind == "person" else (
            "patient" if "nurse" in role else "regular" if reading.genre == "brand"
            else "crewmate" if "space" in reading.settings else "old friend")
        who = " ".join(w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in who.split())
        if who == role:
            who = f"fellow {who}"
        companion = _pick_name([n for n in names if n != hero], who)
        c_age, c_look = _role_look(who, rng)
        companion_intro = f"{companion} ({c_age}, the {who}, {c_look})"
        kind = "person"

    guest, guest_intro = _guest(reading, rng, names, {hero, companion or ""}, look)
    places = _places(reading, setting_override)
    prop_key = next((k for k in (setting_override or reading.settings) if k in _PROPS or k in _PROP_ALIASES), None)
    prop = _PROPS.get(_PROP_ALIASES.get(prop_key or "", prop_key or ""), None) or rng.choice(_DEFAULT_PROPS)
    if reading.genre == "brand":
        cat = reading.category
        verb = "sit" if cat.endswith("s") and not cat.endswith("ss") else "sits"
        prop = _PROPS["coffee"] if cat in ("coffee", "tea", "espresso", "") else Prop(
            cat, f"The well-worn {cat.upper()} {verb} by the door, never far from reach.",
            f"{{Hero}} reaches for the {cat} and, for a moment, everything slows.",
            f"The {cat} {verb} right where {'they belong' if verb == 'sit' else 'it belongs'}, beside {{Hero}}.")
    if reading.quest_prop and reading.genre != "brand":
        prop = quest_prop(reading.quest_prop)
    event = reading.event or ("malfunction" if "space" in reading.settings
                              else _GENRE_EVENT.get(reading.genre, "storm"))
    keys = set(setting_override or reading.settings)
    variant = event
    if event == "lost" and keys & {"park", "lake", "river", "sea", "beach"}:
        variant = "lost_water"
    elif event == "storm" and not keys & {"lighthouse", "shore", "sea", "beach"}:
        variant = "storm_inland"
    beats = EVENT_BEATS.get(variant, EVENT_BEATS["storm_inland"])
    if event == "lost":
        prop = Prop(prop.name, prop.setup, "", prop.keepsake)  # the prop is what is lost: no trick to use it
        beats = EventBeats(*(re.sub(r"\b([Tt])he ball\b", rf"\1he {prop.name}", f) for f in (
            beats.inciting, beats.danger, beats.goal, beats.rush, beats.result, beats.cry)))
    return World(hero=hero, hero_intro=hero_intro, they=they, companion=companion, companion_intro=companion_intro,
                 companion_kind=kind, places=places, prop=prop, event=event, beats=beats, product=reading.product,
                 genre=reading.genre, together=reading.together, want=reading.want, variant=variant,
                 species=next((w for w in reversed(phrase.split()) if figure_kind(w) == "animal"), "")
                 if kind == "animal" else "", guest=guest, guest_intro=guest_intro,
                 guest_kind=reading.guest_kind if guest else "", guest_together=reading.guest_together)
