"""Coverage planning: the shots a director of photography would get for one scene.

Establish a new place wide, then the master, then closer: shot/reverse-shot for
dialogue with every character held on one side of frame for the whole scene,
inserts for the props the writer emphasised, look-and-POV pairs where the
script says someone sees something, reactions on the beats that land hard.
Each planned shot carries a priority so the timing pass knows what a short
film can lose first (a reaction) and what it cannot (a line of dialogue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.state import Scene
from tools.shots.beats import STORY_TONES, Beat, sentence_with
from tools.shots.directions import Direction, scripted_reason
from tools.shots.grammar import MAX_SHOT_S, SIZE_PHRASES, lens_for, speech_time_s, split_line
from tools.shots.motivation import excerpt_of, move_for

_PRONOUN = re.compile(r"\b(she|he|they|her|his|him|them|their)\b", re.IGNORECASE)

# What a shot is for, and how much the cut needs it.
KEEP = 100          # never dropped: openers, dialogue, inserts the writer asked for
# A look outranks its POV: a POV with no one seen looking belongs to nobody.
PRIORITY = {"establishing": KEEP, "opener": KEEP, "dialogue": 90, "insert": 80, "look": 75,
            "pov": 70, "action": 45, "master": 40, "cutaway": 30, "reaction": 20}
# A character's first moment in frame, and a beat that turns the story, outrank the
# shot count: a short film can lose a master, not the moment the robot is found.
ENTRANCE = 85
STORY_BEAT = 65
# A face answering a beat that lands hard: kept while the shot count allows.
EMOTIONAL_REACTION = 55
# A framing or move the script itself asks for: kept before any coverage of the planner's own.
SCRIPTED = 85


@dataclass
class PlannedShot:
    """A shot before timing: what it shows, why it moves, how much the cut needs it."""

    scene: int
    role: str
    size: str
    subjects: list[str]
    screen_side: dict[str, str]
    description: str
    movement: str = "static"
    movement_reason: str = ""
    angle: str = "eye"
    lens_mm: int = 0
    lines: list[tuple[str, str]] = field(default_factory=list)
    props: list[str] = field(default_factory=list)
    base_s: float = 3.0
    priority: int | None = None
    notes: str = ""
    duration_s: float = 0.0
    scripted: bool = False   # size, angle or move set by the script's own direction

    def __post_init__(self) -> None:
        if not self.lens_mm:
            self.lens_mm = lens_for(self.size)
        if self.priority is None:
            self.priority = PRIORITY.get(self.role, 50)

    @property
    def reading_s(self) -> float:
        return sum(speech_time_s(text) for _, text in self.lines)


def place_words(scene: Scene) -> str:
    """'the rocky shore at night' from a scene heading."""
    time = scene.time_of_day.strip().lower()
    time_words = {"day": "by day", "night": "at night", "dusk": "at dusk", "dawn": "at dawn"}
    where = f"the {scene.location.strip().lower()}" if scene.location.strip() else "the place"
    return f"{where} {time_words[time]}" if time in time_words else where


def assign_sides(order: list[str], earlier: dict[str, str]) -> dict[str, str]:
    """One screen side per character for the scene, keeping sides they held before."""
    sides = {name: earlier[name] for name in order if name in earlier}
    # The two leads of a scene must face each other across the line, whatever came before.
    leads = [n for n in order if n in sides][:2]
    if len(leads) == 2 and sides[leads[0]] == sides[leads[1]]:
        sides[leads[1]] = "right" if sides[leads[0]] == "left" else "left"
    for name in order:
        if name not in sides:
            taken = list(sides.values())
            sides[name] = "right" if taken.count("left") > taken.count("right") else "left"
    return {name: sides[name] for name in order}


def _action_s(text: str) -> float:
    # About a page a minute (tools.shots.beats.page_seconds), never under a readable flash.
    from tools.shots.beats import page_seconds

    return max(2.0, page_seconds(text))


class ScenePlanner:
    """Plans one scene's coverage from its beats."""

    def __init__(self, scene: Scene, beats: list[Beat], new_location: bool,
                 sides: dict[str, str], shot_heading: bool = False):
        self.scene = scene
        self.shot_heading = shot_heading
        self.beats = beats
        self.new_location = new_location
        self.sides = sides
        self.shots: list[PlannedShot] = []
        self.spoken: set[str] = set()
        self.last_speaker: str | None = None
        self.place = place_words(scene)
        # Characters some shot the cut will keep has already put in frame in this scene.
        self.framed: set[str] = set()

    def _shot(self, role: str, size: str, subjects: list[str], description: str, **kw) -> PlannedShot:
        sides = {n: self.sides[n] for n in subjects if n in self.sides}
        shot = PlannedShot(scene=self.scene.index, role=role, size=size, subjects=subjects,
                           screen_side=sides, description=description, **kw)
        self.shots.append(shot)
        if (shot.priority or 0) >= STORY_BEAT:
            self.framed.update(sides)
        return shot

    def plan(self) -> list[PlannedShot]:
        beats = list(self.beats)
        first = beats[0] if beats and beats[0].kind == "action" else None
        # A scene the writer opens close ('CLOSE ON the plates') opens on that shot; the wide
        # that places it comes right after. A shot heading continues the place it is in.
        framed_first = first is not None and any(d.size for d in first.directions)
        if self.shot_heading:
            pass
        elif framed_first:
            self._beat(beats.pop(0), beats[0] if beats else None)
            self._open(None)
        else:
            start = len(self.shots)
            self._open(beats.pop(0) if first else None)
            if first is not None:
                self._direct(first, self.shots[start:])
        for i, beat in enumerate(beats):
            self._beat(beat, beats[i + 1] if i + 1 < len(beats) else None)
        return self.shots

    def _beat(self, beat: Beat, nxt: Beat | None) -> None:
        start = len(self.shots)
        if beat.kind == "dialogue":
            self._dialogue(beat, nxt)
        else:
            self._action(beat)
            self._direct(beat, self.shots[start:])

    # ------------------------------------------------------------------ the script's directions

    def _direct(self, beat: Beat, made: list[PlannedShot]) -> None:
        """Give the shot of a beat the size, angle and move the script writes for it."""
        for d in beat.directions:
            if not (d.size or d.angle or d.movement):
                continue
            if not made:
                made.append(self._shot("action", "WS", [], f"{SIZE_PHRASES['WS']} of {self.place}: {beat.text}",
                                       base_s=max(beat.page_s, 2.0)))
            self._apply(d, self._directed_shot(d, beat, made), beat)

    def _directed_shot(self, d: Direction, beat: Beat, made: list[PlannedShot]) -> PlannedShot:
        target = d.target.upper()
        if d.size in ("INSERT", "CU", "ECU"):
            on_prop = [p for p in made if p.role == "insert" and p.props and p.props[0].upper() in target]
            if on_prop:
                return on_prop[0]
        people = [p for p in made if any(n.upper() in target or n.title() in d.target for n in p.subjects)
                  and p.role != "insert"]
        return people[0] if people else next((p for p in made if p.role != "insert"), made[0])

    def _apply(self, d: Direction, shot: PlannedShot, beat: Beat) -> None:
        why = scripted_reason(d, beat.text)
        if d.size and d.size != shot.size:
            size = d.size
            people = [n for n in shot.subjects if n in self.sides]
            if size in ("CU", "ECU") and not people:
                size = "INSERT"  # 'CLOSE ON the license plates': a close shot of a thing
            old = SIZE_PHRASES.get(shot.size, "")
            if size == "POV":
                owner = self._pov_owner(d, beat)
                shot.subjects = list(shot.props)
                shot.screen_side = {}
                seen = d.target or beat.text
                if owner:
                    shot.description = f"{SIZE_PHRASES['POV']} of {owner}: {seen}"
                elif d.owner:
                    # 'SNIPER SCOPE POV': seen through a thing, whose holder the script does not name.
                    shot.description = f"{SIZE_PHRASES['POV']} through the {d.owner.lower()}: {seen}"
                else:
                    shot.description = f"{SIZE_PHRASES['POV']}: {seen}"
            elif old and shot.description.startswith(old):
                shot.description = SIZE_PHRASES[size] + shot.description[len(old):]
            else:
                shot.description = f"{SIZE_PHRASES[size]}: {shot.description}"
            shot.size, shot.lens_mm = size, lens_for(size)
        if d.angle:
            shot.angle = d.angle
        if d.movement:
            shot.movement, shot.movement_reason = d.movement, f"{d.movement}: {why}"
        elif not shot.scripted:
            shot.movement_reason = f"{shot.movement}: {why}" if shot.movement == "static" else \
                f"{shot.movement_reason}; framed as {why}"
        shot.scripted = True
        shot.priority = max(shot.priority or 0, SCRIPTED)

    def _pov_owner(self, d: Direction, beat: Beat) -> str | None:
        """Whose eyes a written POV is: the name before it, or whoever in the scene was just seen
        acting; never someone absent or a thing ('SNIPER SCOPE POV' is the sniper's, if present)."""
        if d.owner and d.owner in self.sides:
            return d.owner
        if beat.looker and beat.looker in self.sides:
            return beat.looker
        for shot in reversed(self.shots):
            people = [n for n in shot.subjects if n in self.sides]
            if people and shot.size != "POV":
                return people[0]
        return None

    # ------------------------------------------------------------------ openers

    def _acting(self, beat: Beat | None) -> list[str]:
        """Who is in frame doing what a beat describes: the characters it names, or, in a
        scene with one character, the 'she', 'his' it speaks of. In an opening beat they
        belong in the establishing wide, small in frame."""
        if beat is None:
            return []
        named = [n for n in beat.characters if n in self.sides]
        if not named and len(self.sides) == 1 and _PRONOUN.search(beat.text):
            named = list(self.sides)
        return named

    def _open(self, first: Beat | None) -> None:
        cast = list(self.sides)
        what = first.text if first else f"{self.place}"
        tone = first.tone if first else "calm"
        exterior = not self.scene.interior
        acting = self._acting(first)
        lead_side = self.sides[acting[0]] if acting else None
        if self.new_location:
            size = "EWS" if exterior else "WS"
            move, why = move_for(tone, lead_side, exterior, what, size)
            desc = f"{SIZE_PHRASES[size]} establishing {self.place}"
            if acting:
                desc += ", " + " and ".join(f"{n} small in frame {self.sides[n]}" for n in acting)
            desc += f": {first.text}" if first else "."
            self._shot("establishing", size, acting, desc, movement=move, movement_reason=why,
                       angle=first.angle if first and acting else "eye",
                       base_s=max(3.5, _action_s(what)), priority=KEEP)
        if cast:
            size = "TWO" if len(cast) == 2 else ("MWS" if len(cast) > 2 or not first else "MS")
            role = "master" if self.new_location else "opener"
            if not self.new_location and size == "MS":
                size = "MWS"  # a returning scene still opens wide enough to place people
            who = " and ".join(f"{n} frame {self.sides[n]}" for n in cast)
            move, why = move_for(tone, lead_side, exterior, what, size)
            opened_on = self.shots[-1].movement if self.shots else "static"
            if move == opened_on and move not in ("static", "handheld"):
                # The wide already made this move; a second tilt or crane at once reads as a retake.
                move, why = "static", "static: the establishing move has set the scene, the master lets it play"
            desc = f"{SIZE_PHRASES[size]} master of {who} in {self.place}"
            if first and not self.new_location:
                desc += f": {first.text}"
            self._shot(role, size, cast, desc, movement=move, movement_reason=why,
                       angle=first.angle if first else "eye", base_s=_action_s(what))
        elif not self.new_location:
            move, why = move_for(tone, None, exterior, what, "WS")
            desc = f"Wide shot back in {self.place}" + (f": {first.text}" if first else ".")
            self._shot("opener", "WS", [], desc, movement=move, movement_reason=why,
                       base_s=_action_s(what))
        if first:
            self._props_and_pov(first)

    # ------------------------------------------------------------------ action

    def _weight(self, beat: Beat, who: list[str]) -> int:
        """How much the cut needs an action beat: an entrance, a story turn, a move, or calm."""
        if any(n not in self.framed for n in who):
            return ENTRANCE
        if beat.tone in STORY_TONES or beat.emotional:
            return STORY_BEAT
        return PRIORITY["action"] + (5 if beat.tone != "calm" else 0)

    def _action(self, beat: Beat) -> None:
        if beat.looker and beat.looker in self.sides:
            self._props_and_pov(beat)  # the look and its POV cover the character
            return
        who = self._acting(beat)
        # Shoot in the order the writer shows things: "A KNIFE glints. Ana freezes." is insert first.
        low = beat.text.lower()
        prop_at = min((low.find(p.lower()) for p in beat.props), default=len(low))
        person_at = min((low.find(n.split()[-1].lower()) for n in who if n.split()[-1].lower() in low),
                        default=len(low))
        props_first = bool(beat.props) and prop_at < person_at
        if props_first:
            self._inserts(beat, [])
        exterior = not self.scene.interior
        if who:
            side = self.sides.get(who[0])
            size = {"chaos": "MWS", "follow": "MS", "reveal": "MWS", "departure": "MWS",
                    "arrival": "MWS", "isolation": "MWS", "height": "MWS"}.get(beat.tone, "MS")
            if beat.emotional and beat.tone in ("calm", "tension", "realisation") and len(who) == 1:
                size = "CU"
            move, why = move_for(beat.tone, side, exterior, beat.text, size)
            priority = self._weight(beat, who)
            self._shot("action", size, who, f"{SIZE_PHRASES[size]} of {' and '.join(who)}: {beat.text}",
                       movement=move, movement_reason=why, angle=beat.angle,
                       base_s=_action_s(beat.text), priority=priority)
        elif not beat.props:
            move, why = move_for(beat.tone, None, exterior, beat.text, "WS")
            self._shot("cutaway", "WS", [], f"Wide shot of {self.place}: {beat.text}",
                       movement=move, movement_reason=why, angle=beat.angle,
                       base_s=_action_s(beat.text),
                       priority=STORY_BEAT if beat.tone in STORY_TONES else PRIORITY["cutaway"])
        if not props_first:
            self._inserts(beat, [])
        self._react_to_action(beat, who)

    def _react_to_action(self, beat: Beat, who: list[str]) -> None:
        """A face answering a beat that lands: someone across the line from whoever acts,
        or, for a world beat with nobody in it, whoever in the scene is watching it happen."""
        if not (beat.emotional or beat.tone in ("shock", "reveal", "realisation")):
            return
        prev = self.shots[-1] if self.shots else None
        if prev is None or prev.size in ("CU", "ECU"):
            return
        if not who and (prev.priority or 0) < STORY_BEAT:
            return  # the cut may lose the world beat; a face reacting to nothing seen must not stay
        acting_sides = {self.sides[n] for n in who}
        witnesses = [n for n in self.sides if n not in who and self.sides[n] not in acting_sides]
        if who and not witnesses:
            return  # a lone actor's own close-up is the action shot's job, not a reaction's
        witnesses.sort(key=lambda n: (n not in self.framed, n != self.last_speaker))
        if not witnesses:
            return
        name = witnesses[0]
        side = self.sides[name]
        self._shot("reaction", "CU", [name],
                   f"{SIZE_PHRASES['CU']} of {name}, frame {side}, reacting to '{excerpt_of(beat.text)}'",
                   movement="static", movement_reason="static: the reaction plays on the face",
                   base_s=1.8, priority=EMOTIONAL_REACTION)

    def _props_and_pov(self, beat: Beat) -> None:
        """A look and the POV it motivates, then inserts for props the POV does not show."""
        seen_props = [p for p in beat.props if beat.seen and p.lower() in beat.seen.lower()]
        if beat.looker and beat.looker in self.sides:
            side = self.sides[beat.looker]
            self._shot("look", "MCU", [beat.looker],
                       f"{SIZE_PHRASES['MCU']} of {beat.looker}, frame {side}, looking: {beat.text}",
                       movement="static", movement_reason="static: hold on the face before the look pays off",
                       base_s=2.0)
            # The POV moves the way the eye does: following, rising, pulled in by what it sees.
            tone = "calm" if beat.tone in ("chaos", "shock", "arrival", "isolation") else beat.tone
            move, why = move_for(tone, side, not self.scene.interior, beat.seen, "POV")
            self._shot("pov", "POV", seen_props, f"{SIZE_PHRASES['POV']} of {beat.looker}: {beat.seen}",
                       movement=move, movement_reason=why, props=seen_props, base_s=2.5)
        else:
            seen_props = []
        self._inserts(beat, seen_props)

    def _inserts(self, beat: Beat, shown: list[str]) -> None:
        """An insert for each prop the writer emphasised, unless a POV already shows it."""
        for prop in beat.props:
            if prop in shown:
                continue
            tense = beat.tone == "tension"
            self._shot("insert", "INSERT", [prop],
                       f"{SIZE_PHRASES['INSERT']} on the {prop}: {sentence_with(beat.text, prop)}",
                       movement="dolly_in" if tense else "static",
                       movement_reason=(f"slow push in: the {prop} carries the tension" if tense
                                        else f"static: let the {prop} read clearly"),
                       props=[prop], base_s=2.0)

    # ------------------------------------------------------------------ dialogue

    @staticmethod
    def _note(shot: PlannedShot, beat: Beat) -> None:
        """A parenthetical is how the line is played: a note for the actor, never a subtitle."""
        if beat.notes:
            note = f"{beat.speaker}: ({beat.notes})"
            shot.notes = f"{shot.notes}; {note}" if shot.notes else note

    def _listener(self, speaker: str) -> str | None:
        if self.last_speaker and self.last_speaker != speaker and self.last_speaker in self.sides:
            return self.last_speaker
        others = [n for n in self.sides if n != speaker]
        return others[0] if others else None

    def _offscreen(self, beat: Beat) -> None:
        """A voice-over or off-screen line plays over what we already see, or over a listener."""
        speaker = beat.speaker or ""
        for chunk in split_line(beat.text):
            prev = self.shots[-1] if self.shots else None
            if prev and prev.reading_s + speech_time_s(chunk) <= MAX_SHOT_S:
                if not prev.lines:
                    prev.description = f"{prev.description.rstrip('.')}; {speaker} heard off screen"
                prev.lines.append((speaker, chunk))
                prev.base_s = max(prev.base_s, prev.reading_s + 0.3)
                prev.priority = max(prev.priority or 0, PRIORITY["dialogue"])
                self._note(prev, beat)
                continue
            on_screen = [n for n in self.sides if n != speaker]
            # Prefer a face across the line from the last single, so the cut keeps eyelines apart.
            last_side = prev.screen_side.get(prev.subjects[0]) if prev and prev.subjects else None
            on_screen.sort(key=lambda n: self.sides[n] == last_side)
            if on_screen:
                who = on_screen[0]
                made = self._shot("dialogue", "MCU", [who],
                                  f"{SIZE_PHRASES['MCU']} of {who}, frame {self.sides[who]}, as {speaker} is heard off screen",
                                  movement_reason="static: the voice carries the beat",
                                  lines=[(speaker, chunk)], base_s=speech_time_s(chunk) + 0.3)
            else:
                made = self._shot("dialogue", "MWS", [], f"{SIZE_PHRASES['MWS']} of {self.place}; {speaker} heard off screen",
                                  movement_reason="static: the voice carries the beat",
                                  lines=[(speaker, chunk)], base_s=speech_time_s(chunk) + 0.3)
            self._note(made, beat)

    def _dialogue(self, beat: Beat, nxt: Beat | None) -> None:
        if beat.offscreen:
            self._offscreen(beat)
            return
        speaker = beat.speaker or ""
        if speaker not in self.sides:
            self.sides[speaker] = "left" if list(self.sides.values()).count("left") <= \
                list(self.sides.values()).count("right") else "right"
        listener = self._listener(speaker)
        prev = self.shots[-1] if self.shots else None
        # A speaker carrying on with nothing cut in between stays in the same shot.
        if (prev and prev.role == "dialogue" and prev.subjects[:1] == [speaker]
                and prev.reading_s + speech_time_s(beat.text) <= MAX_SHOT_S):
            prev.lines.append((speaker, beat.text))
            prev.base_s = prev.reading_s + 0.3
            self._note(prev, beat)
            self.last_speaker = speaker
            return
        chunks = split_line(beat.text)
        on_camera = [speaker, listener] if listener else [speaker]
        for k, chunk in enumerate(chunks):
            who = on_camera[k % len(on_camera)]
            self._line_shot(who, speaker, listener, chunk, beat, k > 0)
            if k == 0:
                self._note(self.shots[-1], beat)
        self.spoken.add(speaker)
        self.last_speaker = speaker
        if listener and beat.emotional and not (nxt and nxt.kind == "dialogue" and nxt.speaker == listener):
            side = self.sides.get(listener, "right")
            self._shot("reaction", "CU", [listener],
                       f"{SIZE_PHRASES['CU']} of {listener}, frame {side}, reacting to {speaker}",
                       movement="static", movement_reason="static: the reaction plays on the face",
                       base_s=1.8, priority=EMOTIONAL_REACTION)

    def _line_shot(self, who: str, speaker: str, listener: str | None, chunk: str,
                   beat: Beat, continued: bool) -> None:
        side = self.sides[who]
        other = listener if who == speaker else speaker
        exterior = not self.scene.interior
        move, why = ("static", "static: the words carry the beat")
        # Calm dialogue plays on a still frame; a line that tightens or turns earns the move.
        if beat.tone in ("tension", "chaos", "realisation", "shock"):
            move, why = move_for(beat.tone, side, exterior, chunk)
        if other and self.sides.get(other) == side:
            # Both held on the same side: singles would mismatch eyelines, so share a frame.
            pair = [speaker, listener] if listener else [speaker]
            size, subjects = "TWO", pair
            desc = f"{SIZE_PHRASES['TWO']} of {speaker} and {listener} as {speaker} speaks"
        elif continued and who != speaker:
            size, subjects = "MCU", [who]
            desc = f"{SIZE_PHRASES['MCU']} of {who}, frame {side}, listening as {speaker} goes on"
        elif continued:
            size, subjects = "CU", [who]  # no one to cut to: tighten on the speaker as the line goes on
            desc = f"{SIZE_PHRASES['CU']} of {who}, frame {side}, going on"
        elif who not in self.spoken and listener:
            size, subjects = "OTS", [who, listener]
            desc = (f"{SIZE_PHRASES['OTS']} past {listener}, frame {self.sides[listener]}, "
                    f"onto {who}, frame {side}, speaking")
        elif beat.emotional or beat.tone == "tension":
            size, subjects = "CU", [who]
            desc = f"{SIZE_PHRASES['CU']} of {who}, frame {side}, speaking"
        elif listener:
            size, subjects = "MCU", [who]
            desc = f"{SIZE_PHRASES['MCU']} of {who}, frame {side}, speaking"
        else:
            size, subjects = ("MS" if who not in self.spoken else "MCU"), [who]
            desc = f"{SIZE_PHRASES[size]} of {who}, frame {side}, speaking"
        self._shot("dialogue", size, subjects, desc, movement=move, movement_reason=why,
                   lines=[(speaker, chunk)], base_s=speech_time_s(chunk) + 0.3)
