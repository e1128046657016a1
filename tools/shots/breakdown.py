"""Shot breakdown: a script in, a timed shot list in real camera language out.

Reads each scene's beats, plans its coverage (tools.shots.coverage), trims and
times the whole film to its length (tools.shots.timing), then numbers the shots
'<scene>.<n>' and smooths any cut between two near-identical framings of the
same subject. A director's note can reshape the whole breakdown ("more
close-ups", "handheld", "fewer shots") or name one shot, which is then changed
through the one-shot revise tool. Deterministic: the same script, length and
note always give the same shot list.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from graph.state import Script, ScriptElement, Shot, ShotList
from tools.errors import BadInput
from tools.screenplay.fountain_io import _OFF_SCREEN as OFF_SCREEN
from tools.screenplay.presence import Matcher, declared_aliases, is_extra, prime_extras
from tools.shots.beats import cue_name, prime_props, read_beats
from tools.shots.directions import is_shot_heading
from tools.shots.coverage import PlannedShot, ScenePlanner, assign_sides, place_words
from tools.shots.motivation import final_move
from tools.shots.grammar import CARDS_S, MIN_SHOT_S, SIZE_LADDER, SIZE_PHRASES, lens_for
from tools.shots.revise import apply_shot_note, note_names_shot
from tools.shots.rules import check_shots, is_jump_cut
from tools.shots.timing import (
    AVERAGE_SHOT_S, pad_coverage, page_budgets, share_budgets, time_to_length, trim_coverage,
)


@dataclass(frozen=True)
class BreakdownNote:
    """What a director's note asks of the whole breakdown (or of the scenes it names)."""

    average_shot_s: float = AVERAGE_SHOT_S
    scenes: tuple[int, ...] = ()  # empty: every scene
    size_step: int = 0            # +1 one size tighter, -1 one size wider
    movement: str | None = None   # 'handheld' or 'static' everywhere
    angle: str | None = None      # one camera height for every character shot
    no_inserts: bool = False
    no_reactions: bool = False

    @property
    def is_empty(self) -> bool:
        return self == BreakdownNote(scenes=self.scenes)


_NOTE_PATTERNS: list[tuple[str, dict]] = [
    (r"\b(fewer shots|longer takes|slower cutting|slower pace|let it breathe)\b", {"average_shot_s": 5.0}),
    (r"\b(more shots|faster cutting|quicker cutting|faster pace|more coverage|punchier)\b", {"average_shot_s": 2.6}),
    (r"\b(more close[- ]?ups|tighter|closer)\b", {"size_step": 1}),
    (r"\b(wider|more wides|looser|pull back)\b", {"size_step": -1}),
    (r"\b(hand[- ]?held|documentary|shaky)\b", {"movement": "handheld"}),
    (r"\b(static|locked[- ]off|no camera moves?|no movement|tripod)\b", {"movement": "static"}),
    (r"\blow angles?\b", {"angle": "low"}),
    (r"\bhigh angles?\b", {"angle": "high"}),
    (r"\b(no inserts|drop the inserts|fewer inserts)\b", {"no_inserts": True}),
    (r"\b(no reactions|drop the reactions|fewer reactions)\b", {"no_reactions": True}),
]


def read_breakdown_note(note: str) -> BreakdownNote:
    """The whole-film directives a note contains (empty when it asks for none of them)."""
    found: dict = {}
    low = note.lower()
    for pattern, effect in _NOTE_PATTERNS:
        if re.search(pattern, low):
            for key, value in effect.items():
                found.setdefault(key, value)
    # "handheld in scenes 2 and 3": the same directives, only where named.
    named = re.search(r"\bscenes?\s+(\d+(?:\s*(?:,|and|&)\s*\d+)*)", low)
    if named:
        found["scenes"] = tuple(sorted({int(n) for n in re.findall(r"\d+", named.group(1))}))
    return BreakdownNote(**found)


def _apply_note(plans: list[PlannedShot], directives: BreakdownNote, note: str) -> list[PlannedShot]:
    kept = []
    for plan in plans:
        if directives.scenes and plan.scene not in directives.scenes:
            kept.append(plan)
            continue
        if directives.no_inserts and plan.role == "insert":
            continue
        if directives.no_reactions and plan.role == "reaction":
            continue
        touched = False
        people = [s for s in plan.subjects if s not in plan.props]
        if directives.size_step and plan.size in SIZE_LADDER and plan.role not in ("establishing", "opener"):
            i = SIZE_LADDER.index(plan.size) + directives.size_step
            # Tighter stops at CU: an ECU of a speaking face loses the performance.
            new = SIZE_LADDER[max(1, min(i, SIZE_LADDER.index("CU")))]
            if new != plan.size:
                plan.description = plan.description.replace(SIZE_PHRASES[plan.size], SIZE_PHRASES[new], 1)
                plan.size, plan.lens_mm, touched = new, lens_for(new), True
        if directives.movement and plan.movement != directives.movement:
            plan.movement = directives.movement
            plan.movement_reason = f"{directives.movement}: director's note '{note.strip()}'"
            touched = True
        if directives.angle and people and plan.angle != directives.angle:
            plan.angle, touched = directives.angle, True
        if touched:
            plan.notes = note.strip()
        kept.append(plan)
    return kept


def _scene_order(scene, beats, shot_heading: bool = False) -> list[str]:
    """Who is placed in frame, in order of appearance: people seen in the scene's beats
    (speaking on screen or named in its action), never voices or crowds."""
    order: list[str] = []
    for beat in beats:
        for name in beat.characters:
            if name and name not in order and not is_extra(name):
                order.append(name)
    return order


def _offscreen_lines(script: Script) -> set[int]:
    """Source lines of cues marked (V.O.), (O.S.) and the like, read once for the whole script."""
    lines = script.fountain.split("\n") if script.fountain else []
    found: set[int] = set()
    for scene in script.scenes:
        for el in scene.elements:
            if el.kind == "dialogue" and 0 < el.line <= len(lines) and OFF_SCREEN.search(lines[el.line - 1].upper()):
                found.add(el.line)
    return found


def _plan_film(script: Script) -> list[PlannedShot]:
    names = list(dict.fromkeys([cue_name(c.name) for c in script.characters]
                               + [cue_name(n) for s in script.scenes for n in s.characters]))
    matcher = Matcher(names, declared_aliases(script.scenes, names))
    offscreen = _offscreen_lines(script)
    # Meaning is judged for the whole script in two embedding batches, not word by word.
    prime_extras(names + [cue_name(el.character or "") for s in script.scenes for el in s.elements
                          if el.kind == "dialogue"])
    prime_props([el.text for s in script.scenes for el in s.elements if el.kind == "action"]
                + [s.heading for s in script.scenes], matcher)
    plans: list[PlannedShot] = []
    seen_places: set[tuple[str, bool]] = set()
    held_sides: dict[str, str] = {}
    place = None
    last_order: list[str] = []
    for scene in script.scenes:
        shot_heading = is_shot_heading(scene.heading) and place is not None
        beats = read_beats(scene, matcher, offscreen)
        if shot_heading:
            # '.SNIPER SCOPE POV', '.THE FINGER': a new shot in the same place, its heading the first beat.
            heading = scene.heading.strip().lstrip(".").strip()
            beats = read_beats(scene.model_copy(update={"elements": [
                ScriptElement(kind="action", text=heading, line=0)] + list(scene.elements)}), matcher, offscreen)
        else:
            place = (scene.location.strip().upper(), scene.interior)
        order = _scene_order(scene, beats)
        if shot_heading:
            # A shot heading stays in the scene it cuts into: its people are still there.
            order = list(dict.fromkeys(last_order + order))
        last_order = order
        sides = assign_sides(order, held_sides)
        new_location = place not in seen_places and not shot_heading
        seen_places.add(place)
        plans.extend(ScenePlanner(scene, beats, new_location, sides, shot_heading=shot_heading).plan())
        held_sides.update(sides)
    return plans


def _end_on_a_move(plans: list[PlannedShot], directives: BreakdownNote,
                   exteriors: dict[int, bool]) -> None:
    """The film's last shot cranes up or pulls back, unless a note fixed the camera there."""
    if not plans:
        return
    last = plans[-1]
    if last.scripted:
        return  # the script wrote how its last shot moves
    if directives.movement and (not directives.scenes or last.scene in directives.scenes):
        return
    ending = final_move(last.size, exteriors.get(last.scene, False), last.movement,
                        last.description.split(": ", 1)[-1])
    if ending:
        last.movement, last.movement_reason = ending


def _scripted(shot: Shot) -> bool:
    return "the script's own direction" in shot.movement_reason


def _unjump(shots: list[Shot]) -> list[Shot]:
    """Change the framing of the second of two near-identical shots of one subject."""
    fixed: list[Shot] = []
    for shot in shots:
        prev = fixed[-1] if fixed else None
        if prev is not None and is_jump_cut(prev, shot):
            if _scripted(shot):
                # The script chose this size, angle and move: only the lens changes.
                shot = shot.model_copy(update={"lens_mm": min(600, shot.lens_mm + 25)})
            elif shot.size in SIZE_LADDER and shot.size != "EWS":
                step = {"MCU": "CU", "CU": "MCU", "ECU": "CU", "MS": "MCU"}.get(shot.size)
                new = step or SIZE_LADDER[SIZE_LADDER.index(shot.size) + 1]
                shot = shot.model_copy(update={
                    "size": new, "lens_mm": lens_for(new),
                    "description": shot.description.replace(SIZE_PHRASES[shot.size], SIZE_PHRASES[new], 1)})
            else:
                # An insert or a two-shot cannot step size; change the camera height instead.
                shot = shot.model_copy(update={"angle": "high" if prev.angle != "high" else "low"})
        fixed.append(shot)
    return fixed


def _loosen_eyelines(shots: list[Shot]) -> list[Shot]:
    """Where two singles would look the same way, loosen the second to a medium wide:
    wide enough to read the room, the cut no longer plays as a reverse."""
    for _ in range(20):
        index = {s.id: k for k, s in enumerate(shots)}
        clashes = [[index[x] for x in v.shots] for v in check_shots(ShotList(shots=shots))
                   if v.rule == "eyeline"]
        # Loosen the planner's shot of the pair, never one whose framing the script chose.
        # All clashes of one pass at once: one check per pass keeps a feature linear.
        movable = sorted({next((k for k in (pair[1], pair[0]) if not _scripted(shots[k])), -1)
                          for pair in clashes} - {-1})
        if not movable:
            break
        for i in movable:
            shot = shots[i]
            shots[i] = shot.model_copy(update={
                "size": "MWS", "lens_mm": lens_for("MWS"),
                "description": shot.description.replace(SIZE_PHRASES.get(shot.size, ""), SIZE_PHRASES["MWS"], 1)
                if shot.size in SIZE_PHRASES else shot.description})
    return shots


def _to_shots(plans: list[PlannedShot]) -> list[Shot]:
    shots: list[Shot] = []
    counters: dict[int, int] = {}
    for plan in plans:
        counters[plan.scene] = counters.get(plan.scene, 0) + 1
        dialogue = "\n".join(f"{name}: {text}" for name, text in plan.lines) or None
        shots.append(Shot(
            id=f"{plan.scene}.{counters[plan.scene]}", scene=plan.scene, size=plan.size,
            angle=plan.angle, movement=plan.movement, lens_mm=plan.lens_mm,
            duration_s=plan.duration_s, subjects=list(plan.subjects),
            screen_side=dict(plan.screen_side), description=plan.description,
            dialogue=dialogue, movement_reason=plan.movement_reason, props=list(plan.props),
            notes=plan.notes))
    return _unjump(_loosen_eyelines(_unjump(shots)))


def break_down(script: Script, target_length_s: float, note: str = "") -> ShotList:
    """Plan, trim and time the coverage of every scene so the shots fill target_length_s less the cards."""
    if not script.scenes:
        raise BadInput("the script has no scenes to break down")
    if not math.isfinite(target_length_s) or target_length_s - CARDS_S < MIN_SHOT_S:
        raise BadInput(f"a {target_length_s:g} s film leaves no time for shots after "
                       f"{CARDS_S:g} s of title and end cards")
    total_s = target_length_s - CARDS_S
    # A note that names shots is about those shots alone ("shot 2.3: low angle").
    names_shot = bool(note.strip()) and note_names_shot(note)
    directives = BreakdownNote() if names_shot else read_breakdown_note(note)
    plans = _plan_film(script)
    if not directives.is_empty:
        plans = _apply_note(plans, directives, note)
    # Every scene gets its page's share of the film: silent scenes are not starved by talk.
    budgets = page_budgets(script.scenes, total_s)
    plans = trim_coverage(plans, total_s, directives.average_shot_s, budgets)
    plans = pad_coverage(plans, total_s, {s.index: place_words(s) for s in script.scenes}, budgets)
    _end_on_a_move(plans, directives, {s.index: not s.interior for s in script.scenes})
    share_budgets(plans, budgets)
    time_to_length(plans, total_s)
    shotlist = ShotList(shots=_to_shots(plans))
    if names_shot:
        shotlist, _ = apply_shot_note(shotlist, note)
    return shotlist


__all__ = ["BreakdownNote", "break_down", "read_breakdown_note"]
