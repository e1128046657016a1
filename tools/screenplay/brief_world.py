"""The film's world from the reading of a brief and every script note so far: cast, sets, key prop, time, weather.

Everything here comes from the brief's words or a note's; nothing is a stock
hero or a stock setting. Cue names are the brief's names, or its role words
("SINGER", "ROASTER"); two of a kind are told apart as A and B. Sets are the
brief's places (a city is said in a SUPER and its streets are the exterior);
an event ("the big show", "a tournament") is a set where it happens. What the
previs will draw for each set, prop and figure is asked of the previs
vocabulary, and a stand-in is recorded as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.state import Understood
from tools.screenplay.brief_meaning import is_interior, kind_of, stand_in
from tools.screenplay.brief_reading import _TIME_OF_DAY, Act, BriefReading, Figure, Place, _nearest
from tools.screenplay.script_notes import ScriptNote

_DEFAULT_TIME = {"horror": "NIGHT", "thriller": "NIGHT"}  # tone: where a brief names no time


@dataclass
class Character:
    cue: str  # "SINGER", "RACER A", "MAYA"
    intro: str  # "SINGER (a jazz singer)"
    figure: int  # index into reading.figures
    pronoun: str = "they"


@dataclass
class Set:
    location: str  # upper case, the brief's words: "WINDY PIER", "BIG SHOW", "PARIS"
    interior: bool
    drawn_as: str = ""  # the previs place that stands in, "" when drawn as itself
    phrase: str = ""


@dataclass
class World:
    reading: BriefReading
    characters: list[Character] = field(default_factory=list)
    cues: dict[int, list[str]] = field(default_factory=dict)  # figure index -> its cue names
    sets: list[Set] = field(default_factory=list)
    city: str = ""
    key_prop: str = ""
    prop_drawn: str = ""
    times: list[str] = field(default_factory=list)  # heading times the brief or notes name
    time_override: str = ""  # a note's "make it night": every scene
    weather: list[str] = field(default_factory=list)
    ending: str = ""  # happy, sad, open, twist ("" = as the brief tells it)
    ending_action: str = ""
    ending_time: str = ""
    tone: str = ""
    length: str = ""
    acts: list[Act] = field(default_factory=list)
    used: list[Understood] = field(default_factory=list)
    not_applied: list[str] = field(default_factory=list)
    note_used: list[Understood] = field(default_factory=list)
    last_time: str = ""  # the heading time of the scene last written (the writer's running state)
    note_readings: list[tuple[ScriptNote, list[Understood], list[str]]] = field(default_factory=list)


def _cue_word(role: str) -> str:
    return re.sub(r"[^A-Z0-9' -]", "", role.split()[-1].upper()) or "FIGURE"


def _article(role: str) -> str:
    return f"{'an' if role[:1].lower() in 'aeiou' else 'a'} {role}"


def _cast(world: World, drop: set[int]) -> None:
    reading = world.reading
    taken: set[str] = set()
    for i, fig in enumerate(reading.figures):
        if i in drop:
            continue
        base = fig.name.upper() if fig.name else _cue_word(fig.role)
        if base in taken and fig.role:
            base = re.sub(r"[^A-Z0-9' -]", "", fig.role.upper())
        names = [base] if fig.count == 1 else [f"{base} {k + 1}" for k in range(fig.count)]  # "RACER 1", "RACER 2"
        taken |= set(names)
        world.cues[i] = names
        for name in names:
            world.characters.append(Character(name, "", i, fig.pronoun))
        drawn, exact = stand_in(fig.role or fig.name, "figure")
        who = fig.words if fig.name else (fig.role if fig.count == 1 else fig.words)
        world.used.append(Understood(text=fig.words, became="character",
                                     detail=f"{' and '.join(names)}: {_describe(world, fig) or fig.name}",
                                     drawn_as="" if exact else drawn))
        del who


def _describe(world: World, fig: Figure) -> str:
    """The words a character is introduced with: age, role and relation, only as the brief says them."""
    if fig.name:
        return "" if fig.kind == "person" else _article(fig.kind)
    text = _article(fig.role)
    if fig.relation:
        owner = fig.relation
        if owner in {"his", "her", "their", "its"}:
            lead = world.characters[0].cue if world.characters else ""
            owner = lead if lead else ""
        if owner and owner not in {"my", "your", "our"}:
            text += f" ({owner.upper()}'s)"
    return text


def introduce(world: World, figure: int) -> str:
    """'SINGER, a jazz singer,' the first time (the form a script introduces a silent character in), then the cue."""
    names = world.cues.get(figure, [])
    if not names:
        return ""
    described = _describe(world, world.reading.figures[figure])
    return " and ".join(f"{name}, {described}," if described else name for name in names)


def _sets(world: World, setting: str) -> None:
    reading = world.reading
    places = list(reading.places)
    city = next((p for p in places if p.proper), None)
    world.city = city.phrase if city else ""
    if setting:
        places = [Place(setting, is_interior(setting))] + [p for p in places if p.event]
    common = [p for p in places if not p.proper and not p.event]
    for place in places:
        if place.proper and (common or setting):
            continue  # a city is said once in a SUPER; the scenes play in its places
        drawn, exact = stand_in(f"the streets of {place.phrase}" if place.proper else place.phrase, "place")
        world.sets.append(Set(place.phrase.upper(), place.interior, "" if exact else drawn, place.phrase))
        world.used.append(Understood(text=place.phrase, became="event" if place.event else "place",
                                     detail=f"{'INT.' if place.interior else 'EXT.'} {place.phrase.upper()}",
                                     drawn_as="" if exact else drawn))
    if city is not None:
        drawn, exact = stand_in(f"the streets of {city.phrase}", "place")
        world.used.append(Understood(text=city.phrase, became="place", detail=f"SUPER: {city.phrase}; its streets",
                                     drawn_as="" if exact else drawn))
    if reading.brand and reading.product and not reading.product[:1].isupper() and not world.sets:
        # "a spot for a neighbourhood coffee roaster": the business is the set.
        where = reading.product
        drawn, exact = stand_in(where, "place")
        world.sets.append(Set(where.upper(), is_interior(where), "" if exact else drawn, where))
        world.used.append(Understood(text=where, became="place", detail=f"the business: {where.upper()}",
                                     drawn_as="" if exact else drawn))
    if not world.sets:
        # The brief names nowhere: the scenes play where its lead would be, said plainly and drawn as a room.
        lead = reading.figures[0].role if reading.figures and reading.figures[0].role else ""
        where = f"{lead}'s place" if lead else (reading.product or "the place")
        drawn, exact = stand_in(where, "place")
        world.sets.append(Set(where.upper(), is_interior(where), "" if exact else drawn, where))
        world.used.append(Understood(text=where, became="place", detail=f"no place named; {where.upper()}",
                                     drawn_as="" if exact else drawn))


def build_world(reading: BriefReading, notes: list[ScriptNote] | None = None, ending: str = "") -> World:
    """Cast, sets, prop, times and weather from the brief, then every note in order (later notes win)."""
    world = World(reading=reading, acts=list(reading.acts), times=list(reading.times),
                  weather=list(reading.weather), key_prop=reading.key_prop)
    drop: set[int] = set()
    setting = ""
    for note in notes or []:
        world.note_used, world.not_applied = [], []
        setting = _apply(world, note, drop) or setting
        world.note_readings.append((note, world.note_used, world.not_applied))
    _cast(world, drop)
    _sets(world, setting)
    if world.key_prop:
        drawn, exact = stand_in(world.key_prop, "prop")
        world.prop_drawn = "" if exact else drawn
        world.used.append(Understood(text=world.key_prop, became="prop", detail=f"key prop {world.key_prop.upper()}",
                                     drawn_as=world.prop_drawn))
    for prop in reading.props:
        if prop != world.key_prop and any(prop in a.props for a in world.acts):
            drawn, exact = stand_in(prop, "prop")
            world.used.append(Understood(text=prop, became="prop", detail=prop.upper(), drawn_as="" if exact else drawn))
    for when in world.times:
        words = reading.time_words.get(when, when.lower())
        world.used.append(Understood(text=words, became="time", detail=f"{when} in the headings",
                                     drawn_as="" if words.upper() == when else f"{when.lower()} sky"))
    for wx in world.weather:
        world.used.append(Understood(text=wx, became="weather", detail=wx))
    if reading.era:
        world.used.append(Understood(text=reading.era, became="era", detail=f"SUPER: {reading.era}"))
    world.ending = ending or world.ending
    return world


def default_time(world: World, index: int, total: int) -> str:
    """The heading time of scene `index`: a note's time, the brief's times in order, else the genre's tone."""
    if world.time_override:
        return world.time_override
    if index == total - 1 and world.ending_time:
        return world.ending_time
    if world.times:
        return world.times[min(len(world.times) - 1, index * len(world.times) // max(1, total))]
    return _DEFAULT_TIME.get(world.reading.genre, "DAY")


def _heading_time(words: str) -> str:
    return _nearest(words, _TIME_OF_DAY, 0.3) or "DAY"


def _match_figure(world: World, phrase: str) -> int | None:
    head = phrase.split()[-1].rstrip("s") if phrase else ""
    for i, fig in enumerate(world.reading.figures):
        words = {w.rstrip("s") for w in (fig.role or fig.name).lower().split()}
        if head and head in words or phrase.upper() in {c for c in world.cues.get(i, [])}:
            return i
    return None


def _apply(world: World, note: ScriptNote, drop: set[int]) -> str:
    """Carry out one note on the world; what cannot be done goes to not_applied, in words."""
    reading = world.reading
    used, missed = world.note_used, world.not_applied
    for what in note.drop:
        fig = _match_figure(world, what)
        if fig is not None:
            drop.add(fig)
            used.append(Understood(text=what, became="cast", detail=f"dropped the {what}"))
        elif any(what.rstrip("s") in w for w in world.weather):
            world.weather = [w for w in world.weather if what.rstrip("s") not in w]
            world.acts = [_without(a, what) for a in world.acts]
            world.acts = [a for a in world.acts if a.text]
            used.append(Understood(text=what, became="weather", detail=f"no {what}"))
        elif what in reading.props or what == world.key_prop:
            world.key_prop = "" if what == world.key_prop else world.key_prop
            used.append(Understood(text=what, became="prop", detail=f"dropped the {what}"))
        else:
            missed.append(f"lose {what}: the script has no {what} to lose")
    for who in note.add_characters:
        kind = kind_of(who.split()[-1])
        if kind not in ("person", "animal", "robot"):
            missed.append(f"add {who}: '{who}' does not read as a person or creature")
            continue
        reading.figures.append(Figure(role=who, kind=kind, words=who))
        used.append(Understood(text=who, became="character", detail=f"added the {who}"))
    if note.max_characters is not None:
        kept, count = [], 0
        for i, fig in enumerate(reading.figures):
            if i in drop:
                continue
            if count + fig.count <= note.max_characters:
                kept.append(i)
                count += fig.count
            else:
                drop.add(i)
                used.append(Understood(text=fig.words, became="cast",
                                       detail=f"dropped to keep to {note.max_characters} characters"))
        if count < note.max_characters:
            missed.append(f"keep to {note.max_characters} characters: the brief names only {count}; "
                          "the template does not invent more")
        world.acts = [a for a in world.acts if not a.figures or any(f not in drop for f in a.figures)]
    if note.key_prop:
        world.key_prop = note.key_prop
        used.append(Understood(text=note.key_prop, became="prop", detail=f"key prop {note.key_prop.upper()}"))
    if note.time_of_day:
        world.time_override = _heading_time(note.time_of_day)
        used.append(Understood(text=note.time_of_day, became="time", detail=f"every scene {world.time_override}"))
    if note.weather:
        world.weather.append(note.weather)
        used.append(Understood(text=note.weather, became="weather", detail=f"{note.weather} in the middle scenes"))
    if note.ending:
        world.ending = note.ending
        used.append(Understood(text=note.ending, became="ending", detail=f"a {note.ending} last scene"))
    if note.ending_action or note.ending_time:
        world.ending_action = note.ending_action or world.ending_action
        world.ending_time = _heading_time(note.ending_time) if note.ending_time else world.ending_time
        used.append(Understood(text=" ".join(filter(None, (note.ending_action, note.ending_time))), became="ending",
                               detail=f"the last scene: {note.ending_action or 'as written'}"
                                      + (f", {world.ending_time}" if note.ending_time else "")))
    if note.tone:
        world.tone = note.tone
        used.append(Understood(text=note.tone, became="tone", detail=f"{note.tone} lines"))
    if note.length:
        world.length = note.length
        used.append(Understood(text=note.length, became="length", detail=f"one scene {note.length}"))
    if note.setting:
        used.append(Understood(text=note.setting, became="place", detail=f"set in the {note.setting}"))
    return note.setting


def _without(act: Act, word: str) -> Act:
    """The act with a weather phrase cut out ('to escape a storm'); '' when nothing is left but the weather."""
    stem = re.escape(word.rstrip("s"))
    # "... as a storm rolls in": the whole clause of the weather goes.
    text = re.sub(rf"\s*,?\s*\b(?:as|while|when|until)\s+(?:an?|the)\s+(?:\w+\s+)?{stem}s?\s+\w+"
                  rf"(?:\s+(?:in|up|over|down|out|through|on))?\b", "", act.text, flags=re.I)
    act = Act(text=text, figures=act.figures, lead=act.lead, place=act.place, time=act.time, weather=act.weather,
              props=act.props)
    text = re.sub(rf"\s*(?:,\s*)?\b(?:(?:to\s+)?(?:escape|outrun|flee|before|after|in|during|through|into|from|"
                  rf"under|against)\s+)?(?:an?|the)?\s*(?:\w+\s+)?{stem}s?\b", "", act.text, flags=re.I).strip()
    text = re.sub(r"\b(?:must|to|and)\s*$", "", text).strip(" ,")
    if not re.search(r"[a-z]", re.sub(r"\{\d+\}", "", text)):
        text = ""
    return Act(text=text, figures=act.figures, lead=act.lead, place=act.place, time=act.time,
               weather="" if act.weather.startswith(word.rstrip("s")) else act.weather, props=act.props)
