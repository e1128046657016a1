"""Brief to script, offline: a structure template told in the brief's own words.

The template is structure only. A story brief (a line, a logline, a paragraph)
is played as setup, its acts in order, and a last scene that returns to the
first scene's set (the bookend); a twist ("until...", "only to...") is held for
the end; the key prop is set up in capitals in scene 1 and comes back at the
end. A beat list or a product spot keeps its beats, in order, one scene each,
and a spot ends on its brand and line. Every person, place, thing, time and
event is the brief's (or a note's); the writer adds only connective lines.
Output is labelled `template:brief-structure` (SPEC §2).
"""

from __future__ import annotations

import re

from graph.state import Brief, Reading, Script, Understood
from tools.errors import BadInput
from tools.screenplay.brief_grammar import FUNCTION_WORDS
from tools.screenplay.brief_reading import BriefReading, read_brief
from tools.screenplay.brief_world import World, build_world, default_time, introduce
from tools.screenplay.fountain_io import parse_fountain
from tools.screenplay.script_notes import ENDINGS, parse_note

TEMPLATE = "brief-structure"
SECONDS_PER_SCENE = 12.0

# Connective lines by the beat's job and the tone: structure, never story content.
_LINES = {
    "setup": {"": "Here we go.", "dark": "Not tonight.", "light": "Today's the day.", "comic": "What could go wrong?",
              "tense": "Did you hear that?"},
    "inciting": {"": "No. Not now.", "dark": "Not now. Not like this.", "light": "Oh! Well, then.",
                 "comic": "Of course. Of course it does.", "tense": "Who's there?"},
    "turn": {"": "What do we do?", "dark": "There's no way out.", "light": "We can do this.",
             "comic": "Is this a bad time?", "tense": "Don't move."},
    "climax": {"": "Now.", "dark": "Now. Before it's too late.", "light": "Now!", "comic": "Now! No, wait. Now!",
               "tense": "Now. Run."},
}
_ENDING_LINES = {"happy": ("{lead} smiles. It is all right, after all.", "We did it."),
                 "sad": ("{lead} is alone now. It is over, and nothing can change that.", "I'm sorry."),
                 "open": ("{lead} looks out, waiting. No answer yet.", "What now?"),
                 "twist": ("And then {lead} sees it: nothing was what it seemed.", "It was you. All along.")}


def scene_count(length_s: float, note: str = "") -> int:
    """Scenes for a running time: about one every 12 s, four to six for a short story."""
    n = max(4, min(6, round(length_s / SECONDS_PER_SCENE)))
    if re.search(r"\b(shorter|tighter|trim)\b", note, re.I):
        n = max(4, n - 1)
    elif re.search(r"\b(longer|expand|more scenes)\b", note, re.I):
        n = min(6, n + 1)
    return n


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


class _Pen:
    """Fills an act's figure slots: an introduction the first time a character appears, the cue after."""

    def __init__(self, world: World):
        self.world = world
        self.seen: set[int] = set()
        self.props_seen: set[str] = set()

    def who(self, figure: int) -> str:
        names = self.world.cues.get(figure)
        if not names:
            return self.world.reading.figures[figure].words  # dropped by a note: said, not cast
        if figure in self.seen:
            return " and ".join(names)
        self.seen.add(figure)
        return introduce(self.world, figure)

    def act(self, text: str, figures: list[int]) -> str:
        for slot, fig in enumerate(figures):
            if fig not in self.world.cues:  # "{0} and {1} fly a kite" without {1}
                text = re.sub(r"\s+and\s+\{%d\}|\{%d\}\s+and\s+" % (slot, slot), "", text)
        intros = []
        for m in re.finditer(r"\{(\d+)\}'s", text):  # "CUSTOMER (a regular customer)'s smile" reads badly
            fig = figures[int(m.group(1))]
            if fig in self.world.cues and fig not in self.seen:
                intros.append(self.who(fig).rstrip(",") + ".")
        out = re.sub(r"\{(\d+)\}", lambda m: self.who(figures[int(m.group(1))]), text)
        if intros:
            out = " ".join(intros) + " " + _cap(out.strip())
        out = re.sub(r",\s*([.,;:!?])", r"\1", out.strip()).rstrip(",").strip()  # an intro's comma before a stop
        return self.props(_cap(out) + ("" if re.search(r"[.!?]$", out) else "."))

    def props(self, text: str) -> str:
        """The key prop in capitals where it first appears (the screenplay convention the previs reads)."""
        prop = self.world.key_prop
        if prop and prop not in self.props_seen and re.search(rf"\b{re.escape(prop)}s?\b", text, re.I):
            self.props_seen.add(prop)
            text = re.sub(rf"\b{re.escape(prop)}(s?)\b", lambda m: prop.upper() + m.group(1).upper(), text,
                          count=1, flags=re.I)
        return text

    def lead(self) -> str:
        return self.world.characters[0].cue if self.world.characters else ""


def _line(name: str, text: str) -> str:
    cue = name if name.isascii() else f"@{name}"
    return f"{cue}\n{text}"


def _heading(world: World, set_index: int, when: str, previous: str) -> str:
    """INT./EXT., the set, the time; a scene in the same set at the same time reads LATER or CONTINUOUS."""
    place = world.sets[set_index % len(world.sets)]
    head = f"{'INT.' if place.interior else 'EXT.'} {place.location}"
    same_time = world.last_time == when
    world.last_time = when
    if previous.startswith(head + " - ") and same_time:
        when = "LATER" if not previous.endswith("LATER") else "CONTINUOUS"
    return f"{head} - {when}"


def _opening(world: World, pen: _Pen) -> list[str]:
    reading = world.reading
    blocks: list[str] = []
    where = ", ".join(w for w in (world.city, reading.era) if w)
    if where:
        blocks.append(f"SUPER: {where}.")
    if world.weather and reading.shape not in ("beat_list", "product_spot") and not any(
            world.weather[0] in a.text.lower() for a in world.acts):
        blocks.append(f"{_cap(world.weather[0])}.")
    return blocks


def _prop_setup(world: World, pen: _Pen) -> list[str]:
    if not world.key_prop or world.key_prop in pen.props_seen:
        return []
    if not world.characters:
        return [pen.props(f"The {world.key_prop}.")]
    return [pen.props(f"The {world.key_prop} is never far from {pen.lead()}.")]


def _closing(world: World, pen: _Pen, tone: str) -> list[str]:
    """The last scene's own lines: a note's ending action, the ending's mode, the prop's return, the brand."""
    reading, blocks = world.reading, []
    lead = pen.lead()
    if world.ending_action and world.characters:
        action = world.ending_action
        people = " and ".join(c.cue for c in world.characters[:2])
        verb = "are" if len(world.characters) > 1 else "is"
        blocks.append(pen.props(_cap(f"{people} {verb} {action}." if action.split()[0].endswith("ing")
                                     else f"{people} {action}.")))
    if world.ending in _ENDING_LINES and lead:
        action, said = _ENDING_LINES[world.ending]
        blocks.append(action.format(lead=lead))
        blocks.append(_line(lead, said))
    elif lead and reading.shape not in ("beat_list", "product_spot"):
        blocks.append(_line(lead, {"dark": "It's over.", "comic": "Well. That happened."}.get(tone, "There.")))
    if world.key_prop and world.key_prop in pen.props_seen and world.ending != "sad" \
            and reading.shape not in ("beat_list", "product_spot"):
        blocks.append(f"The {world.key_prop}, back where it started.")
    if reading.brand and world.key_prop and reading.shape in ("beat_list", "product_spot"):
        blocks.append(f"The {world.key_prop}, in the light.")
    if reading.brand and (reading.product or reading.line):
        brand = reading.product if reading.product[:1].isupper() else reading.product.title()
        line = reading.line
        if line.lower().startswith(brand.lower()):
            line = line[len(brand):].strip(" .") + "."  # "Halden. Ride the city." is said once
        what = f" {_cap(reading.category)}." if reading.category and reading.category.lower() not in line.lower() else ""
        blocks.append(f"SUPER: {brand}." + what + (f" {line}" if line.strip(" .") else ""))
    return blocks


def _story_scenes(world: World, n: int) -> list[tuple[int, list]]:
    """Acts per scene: a setup that introduces, the acts in order, the held-back twist at the end."""
    reading = world.reading
    acts = list(world.acts)
    twist = None
    if reading.twist >= 0 and world.ending in ("", "twist") and reading.twist < len(reading.acts):
        held = reading.acts[reading.twist]
        twist = next((a for a in acts if a.text == held.text), None)
        acts = [a for a in acts if a is not twist]
    middle = max(1, n - 2)
    slots: list[list] = [[] for _ in range(middle)]
    for i, act in enumerate(acts):
        slots[min(middle - 1, i * middle // max(1, len(acts)))].append(act)
    return [[]] + slots + [[twist] if twist else []]


_DEFAULT_ENDING = {"comedy": "happy", "romance": "happy", "family": "happy", "music": "happy", "sport": "happy",
                   "horror": "open", "thriller": "open"}


def _write_story(world: World, n: int, tone: str) -> list[str]:
    pen = _Pen(world)
    parts: list[str] = []
    previous = ""
    scenes = _story_scenes(world, n)
    ending = world.ending or _DEFAULT_ENDING.get(world.reading.genre, "")
    bridges = 0
    for index, acts in enumerate(scenes):
        last = index == len(scenes) - 1
        job = "setup" if index == 0 else "climax" if index == len(scenes) - 2 else "inciting" if index == 1 \
            else "turn"
        named = next((a.place for a in acts if a.place >= 0), -1)
        set_index = _set_for(world, named, index, len(scenes))
        previous = _heading(world, set_index, default_time(world, index, len(scenes)), previous)
        parts.append(previous)
        if index == 0:
            parts += _opening(world, pen)
            first = world.acts[0].figures if world.acts else []
            cast = [f for f in dict.fromkeys(first) if f in world.cues] or list(world.cues)[:1]
            if cast:
                parts.append(" ".join(f"{pen.who(f).rstrip(',')}." for f in cast))
            parts += _prop_setup(world, pen)
        for act in acts:
            parts.append(pen.act(act.text, act.figures))
        if 0 < index and not acts and not last:
            parts.append(_bridge(world, pen, job, bridges))
            bridges += 1
        if world.weather and 0 < index < len(scenes) - 1 and not any(
                w in " ".join(parts).lower() for w in world.weather):
            parts.append(f"{_cap(world.weather[-1])}.")
        if last:
            for fig in list(world.cues):
                if fig not in pen.seen:
                    parts.append(f"{pen.who(fig).rstrip(',')} is there.")
            saved, world.ending = world.ending, ending
            parts += _closing(world, pen, tone)
            world.ending = saved
        elif pen.lead():
            second = world.characters[1] if len(world.characters) > 1 else None
            speaker = second.cue if job == "turn" and second and second.figure in pen.seen else pen.lead()
            parts.append(_line(speaker, _LINES[job].get(tone, _LINES[job][""])))
    return parts


def _set_for(world: World, named: int, index: int, total: int) -> int:
    """The scene's set: the one its act names, else the sets in turn, and the first again at the end."""
    if index == total - 1 or index == 0:
        return 0 if named < 0 else _set_of_place(world, named)
    if named >= 0:
        return _set_of_place(world, named)
    return index % len(world.sets) if len(world.sets) > 1 else 0


def _set_of_place(world: World, place: int) -> int:
    phrase = world.reading.places[place].phrase.upper() if place < len(world.reading.places) else ""
    return next((i for i, s in enumerate(world.sets) if s.location == phrase), 0)


def _bridge(world: World, pen: _Pen, job: str, count: int) -> str:
    """A connective beat made of the brief's own event, weather or prop, when the brief has no act to play."""
    lead = pen.lead()
    event = world.reading.events[0] if world.reading.events else ""
    weather = world.weather[-1] if world.weather else ""
    prop = world.key_prop
    if job == "climax":
        thing = event or weather
        if thing and lead:
            return f"{lead} faces the {thing}."
        return f"Everything comes down to the {prop}." if prop else f"{lead or 'Everything'} stops. This is it."
    options = [f"The {event} is close now." if event else "", f"The {weather} gets worse." if weather else "",
               pen.props(f"{lead} holds on to the {prop}.") if prop and lead else "",
               pen.props(f"The {prop}, up close.") if prop and not lead else "",
               f"{lead} keeps going. It gets harder." if lead else ""]
    options = [o for o in options if o]
    return options[count] if count < len(options) else "A moment. Nothing moves."


def _write_beats(world: World, tone: str) -> list[str]:
    """One scene per beat, in the brief's order; the set and time carry on until a beat names new ones."""
    pen = _Pen(world)
    parts: list[str] = []
    previous = ""
    set_index, when = 0, default_time(world, 0, 1)
    acts = world.acts or []
    for index, act in enumerate(acts):
        if act.place >= 0:
            set_index = _set_of_place(world, act.place)
        when = world.time_override or act.time or when
        if index == len(acts) - 1 and world.ending_time:
            when = world.ending_time
        previous = _heading(world, set_index, when, previous)
        parts.append(previous)
        if index == 0:
            parts += _opening(world, pen)
            if world.reading.heading:
                parts.append(f"{_cap(world.reading.heading)}.")
        parts.append(pen.act(act.text, act.figures))
        if index == 0 and not any(world.key_prop and world.key_prop in a.text.lower() for a in acts):
            parts += _prop_setup(world, pen)  # a spot plants its product early and shows it again at the end
        if world.weather and index == len(acts) // 2 and not any(w in act.text.lower() for w in world.weather):
            parts.append(f"{_cap(world.weather[-1])}.")
        if index == len(acts) - 1:
            if len(acts) < 3:  # a one- or two-beat spot still gets its product shot on a card of its own
                parts.append(_heading(world, set_index, when, previous))
            parts += _closing(world, pen, tone)
    return parts


def write_from_brief(brief: Brief, notes: list[str] | None = None, ending: str = "") -> tuple[Script, list[Reading]]:
    """The script, and what was read: the brief's Reading, then one Reading per note (notes accumulate in order).

    `ending` forces the last scene's mode (happy, sad, open, twist), as the note "ending: sad" does.
    """
    if not brief.text.strip():
        raise BadInput("the brief is empty; describe the film in a sentence")
    if ending and ending not in ENDINGS:
        raise BadInput(f"ending must be one of {', '.join(ENDINGS)}, not {ending!r}")
    reading = read_brief(brief.text)
    parsed = [parse_note(n) for n in notes or [] if n.strip()]
    world = build_world(reading, parsed, ending=ending)
    tone = next((p.tone for p in reversed(parsed) if p.tone), "")
    n = scene_count(brief.length_s, " ".join(p.length for p in parsed))
    title = _title(reading, world)
    page = [f"Title: {title}", f"Credit: written by template:{TEMPLATE}", f"Draft: {brief.text.strip()}"]
    if parsed:
        page.append("Notes: " + " / ".join(p.text for p in parsed))
    body = _write_beats(world, tone) if reading.shape in ("beat_list", "product_spot") and world.acts \
        else _write_story(world, n, tone)
    script = parse_fountain("\n\n".join(["\n".join(page)] + body) + "\n", title=title)
    script = script.model_copy(update={"source": "brief", "generated_by": f"template:{TEMPLATE}"})
    return script, [_brief_reading(brief, reading, world, script)] + _note_readings(world)


def script_from_brief(brief: Brief, note: str = "") -> Script:
    """Write a short script from a brief; `note` is one revise note (see write_from_brief for several)."""
    return write_from_brief(brief, [note] if note.strip() else [])[0]


def _title(reading: BriefReading, world: World) -> str:
    """From the brief: the brand, the beat list's heading, the key prop, the event, else the lead's role."""
    if reading.brand and reading.product:
        return reading.product if reading.product[:1].isupper() else reading.product.title()
    if reading.heading and len(reading.heading.split()) <= 5:
        return _cap(reading.heading)
    thing = (reading.quest if world.key_prop == reading.key_prop else world.key_prop) or (
        reading.events[0] if reading.events else "")
    sought = next((f.words for f in reading.figures[1:] if re.search(r"\b(?:lost|missing|stolen|runaway)\b", f.words)),
                  "")
    if sought or thing:
        return "The " + (sought or thing).title()  # "The Missing Cat", "The Lost Kite", "The Big Show"
    lead = reading.figures[0] if reading.figures else None
    if lead is not None:
        return lead.name or "The " + (lead.words if lead.count > 1 else lead.role).title()
    place = next((p.phrase for p in reading.places), "")
    if place:
        return place if place[:1].isupper() else "The " + place.title()
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", reading.text) if w.lower() not in FUNCTION_WORDS]
    return " ".join(words[:3]).title() or "Untitled"


def _brief_reading(brief: Brief, reading: BriefReading, world: World, script: Script) -> Reading:
    used = list(world.used)
    for scene in script.scenes:
        for act in reading.acts:
            plain = re.sub(r"\{\d+\}", "", act.text).strip(" ,.").lower()
            if plain and plain in " ".join(e.text.lower() for e in scene.elements):
                words = re.sub(r"\{(\d+)\}", lambda m: reading.figures[act.figures[int(m.group(1))]].words, act.text)
                used.append(Understood(text=words,
                                       became="beat" if reading.shape in ("beat_list", "product_spot") else "event",
                                       detail=f"scene {scene.index}: {scene.heading}"))
    if reading.brand and reading.product:
        used.append(Understood(text=reading.product, became="beat", detail="the end card"))
    story = " ".join([script.title] + [e.text for s in script.scenes for e in s.elements]
                     + [s.heading for s in script.scenes]).lower()
    missing = [p for p in reading.props + reading.events + [f.words for f in reading.figures]
               if p.lower().split()[-1].rstrip("s") not in story]
    return Reading(source="brief", stage="script_doctor", text=brief.text.strip(), used=used,
                   not_understood=missing)


def _note_readings(world: World) -> list[Reading]:
    out = []
    for note, used, missed in world.note_readings:
        missed = list(missed) + [f"'{part}': not understood by the offline writer" for part in note.not_understood]
        out.append(Reading(source="note", stage="script_doctor", text=note.text, used=used,
                           not_understood=list(note.not_understood), not_applied=missed))
    return out
