"""Continuity rules a script supervisor would check a shot list against (SPEC §7, §8).

Each rule reads consecutive shots within a scene, the way the cut will play:
the 180° axis, the 30°/size-change rule, eyeline match in shot/reverse-shot,
establishing-then-closer progression, readable durations and, with the
script at hand, that every line of dialogue is covered by some shot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from graph.state import Script, Shot, ShotList, Violation
from tools.shots.beats import cue_name
from tools.shots.directions import is_shot_heading
from tools.shots.grammar import (
    CLOSE_SIZES, DEAD_HOLD_S, SINGLE_SIZES, UNREADABLE_S, WIDE_SIZES, dialogue_lines,
    dialogue_speech_time_s,
)

# A cut between two framings of one subject needs a real change: another size,
# another angle, or at least this much lens change.
JUMP_LENS_MM = 20
_NEUTRAL = re.compile(r"\bneutral\b|\bon the (?:axis|line)\b|\bhead-on\b|"
                      r"\bstraight (?:at|into|down) (?:the )?(?:lens|camera|barrel)\b", re.IGNORECASE)
_CROSSING = re.compile(r"\bcross(?:es|ing|ed)?\b", re.IGNORECASE)
_READ_SLACK_S = 0.05


def characters_of(shot: Shot) -> list[str]:
    """People in frame: subjects that are not props."""
    return [s for s in shot.subjects if s not in shot.props]


def is_jump_cut(a: Shot, b: Shot) -> bool:
    """Two consecutive framings of the same subject too alike to cut between."""
    # An over-the-shoulder is on its first subject: A-over-B and B-over-A are a reverse, not a repeat.
    same = (a.subjects == b.subjects if a.size == "OTS"
            else sorted(a.subjects) == sorted(b.subjects))
    return (a.scene == b.scene and bool(a.subjects) and same
            and a.size == b.size and a.angle == b.angle
            and abs(a.lens_mm - b.lens_mm) < JUMP_LENS_MM)


def _is_crossing(shot: Shot) -> bool:
    return shot.movement in ("arc_left", "arc_right") or bool(_CROSSING.search(shot.description))


def _is_neutral(shot: Shot) -> bool:
    people = characters_of(shot)
    unsided = bool(people) and not any(p in shot.screen_side for p in people)
    return unsided or bool(_NEUTRAL.search(shot.description))


def scene_runs(shots: list[Shot]) -> Iterator[list[Shot]]:
    """Shots grouped into runs of one scene, in cut order."""
    run: list[Shot] = []
    for shot in shots:
        if run and shot.scene != run[-1].scene:
            yield run
            run = []
        run.append(shot)
    if run:
        yield run


def _people_sided(run: Iterable[Shot]) -> set[str]:
    return {name for shot in run for name in shot.screen_side}


def _axis_180(run: list[Shot]) -> list[Violation]:
    if len(_people_sided(run)) < 2:
        return []  # no second character, no line between them to cross
    found: list[Violation] = []
    held: dict[str, tuple[str, str]] = {}
    for shot in run:
        if _is_crossing(shot) or _is_neutral(shot):
            held = {}  # the audience has seen the camera move to the other side
            continue
        flipped = [n for n, side in shot.screen_side.items() if n in held and held[n][0] != side]
        if flipped:
            name = flipped[0]
            side, where = held[name]
            found.append(Violation(
                rule="axis_180", shots=[where, shot.id],
                message=(f"{name} jumps from frame {side} in {where} to frame "
                         f"{shot.screen_side[name]} in {shot.id} with no crossing or neutral "
                         "shot between: the cut crosses the 180° line")))
        for name, side in shot.screen_side.items():
            held[name] = (side, shot.id)
    return found


def _focus(shot: Shot) -> str | None:
    """The character a single is on (for OTS, the face, not the shoulder)."""
    people = characters_of(shot)
    if shot.size not in SINGLE_SIZES or not people:
        return None
    if shot.size != "OTS" and len(people) != 1:
        return None
    return people[0] if people[0] in shot.screen_side else None


def _eyeline(run: list[Shot]) -> list[Violation]:
    pair_scene = len(_people_sided(run)) == 2
    found: list[Violation] = []
    for a, b in zip(run, run[1:]):
        fa, fb = _focus(a), _focus(b)
        if not fa or not fb or fa == fb:
            continue
        # In a crowd only an over-the-shoulder says who is talking to whom.
        paired = pair_scene or (a.size == "OTS" and fb in a.subjects) or (b.size == "OTS" and fa in b.subjects)
        if paired and a.screen_side[fa] == b.screen_side[fb]:
            found.append(Violation(
                rule="eyeline", shots=[a.id, b.id],
                message=(f"{fa} in {a.id} and {fb} in {b.id} both sit frame {a.screen_side[fa]}, "
                         "so both look the same way: the reverse needs them on opposite sides")))
    return found


def _jump_cuts(run: list[Shot]) -> list[Violation]:
    return [Violation(
        rule="jump_cut_30", shots=[a.id, b.id],
        message=(f"{a.id} and {b.id} frame {', '.join(a.subjects)} both as {a.size} from {a.angle} "
                 f"level with {a.lens_mm}->{b.lens_mm} mm: change size, angle or lens by "
                 f"{JUMP_LENS_MM} mm or more to avoid a jump cut"))
        for a, b in zip(run, run[1:]) if is_jump_cut(a, b)]


def _new_places(script: Script | None, runs: list[list[Shot]]) -> set[int]:
    """Scene numbers whose location the film has not shown before."""
    if script is None:
        # Without the script every scene may be a new place; the first run of each is.
        return {run[0].scene for run in runs}
    seen: set[tuple[str, bool]] = set()
    fresh: set[int] = set()
    for scene in script.scenes:
        if is_shot_heading(scene.heading) and scene.index > 1:
            continue  # '.THE FINGER' is a new shot in the same place, not a place to establish
        place = (scene.location.strip().upper(), scene.interior)
        if place not in seen:
            fresh.add(scene.index)
        seen.add(place)
    return fresh


def _size_progression(runs: list[list[Shot]], script: Script | None) -> list[Violation]:
    fresh = _new_places(script, runs)
    found: list[Violation] = []
    opened: set[int] = set()
    for run in runs:
        scene = run[0].scene
        if scene in opened or scene not in fresh:
            continue
        opened.add(scene)
        first = run[0]
        if first.size in CLOSE_SIZES and not any(s.size in WIDE_SIZES for s in run):
            found.append(Violation(
                rule="size_progression", shots=[first.id],
                message=(f"scene {scene} opens a new location on a {first.size} ({first.id}) "
                         "and never establishes it: open wide (EWS/WS), then go closer")))
    return found


def _duration(shots: list[Shot]) -> list[Violation]:
    found: list[Violation] = []
    for shot in shots:
        needed = dialogue_speech_time_s(shot.dialogue)
        if shot.duration_s < UNREADABLE_S:
            found.append(Violation(rule="duration", shots=[shot.id], message=(
                f"{shot.id} lasts {shot.duration_s:g} s: too short to read (under {UNREADABLE_S:g} s)")))
        elif needed > shot.duration_s + _READ_SLACK_S:
            found.append(Violation(rule="duration", shots=[shot.id], message=(
                f"{shot.id} has {shot.duration_s:g} s but its dialogue needs {needed:.1f} s "
                "to be heard: lengthen it or split the lines across a reverse")))
        elif shot.duration_s > DEAD_HOLD_S and not shot.dialogue and shot.movement == "static":
            found.append(Violation(rule="duration", shots=[shot.id], message=(
                f"{shot.id} holds {shot.duration_s:g} s with no dialogue and no camera move: "
                "cut it down or motivate a move")))
    return found


def _words(text: str) -> str:
    # A parenthetical ('(beat)', '(quietly)') is how a line is played, not what is heard.
    text = re.sub(r"\([^)]*\)", " ", text)
    return " " + " ".join(re.findall(r"[a-z0-9']+", text.lower())) + " "


def _coverage(shots: list[Shot], script: Script) -> list[Violation]:
    found: list[Violation] = []
    for scene in script.scenes:
        heard: dict[str, str] = {}
        for shot in shots:
            if shot.scene != scene.index:
                continue
            for name, line in dialogue_lines(shot.dialogue):
                key = cue_name(name)
                heard[key] = heard.get(key, " ") + _words(line).strip() + " "
        cursor: dict[str, int] = {}
        for el in scene.elements:
            if el.kind != "dialogue" or not _words(el.text).strip():
                continue
            name = cue_name(el.character or "")
            line = _words(el.text)
            at = heard.get(name, "").find(line, cursor.get(name, 0))
            if at < 0:
                where = f" (line {el.line})" if el.line else ""
                found.append(Violation(rule="coverage", shots=[], message=(
                    f"scene {scene.index}{where}: no shot covers {name}: \"{el.text.strip()[:80]}\"")))
            else:
                cursor[name] = at + len(line) - 1
    return found


def check_shots(shotlist: ShotList, script: Script | None = None) -> list[Violation]:
    """Every continuity rule broken by the shot list, in cut order within each rule."""
    shots = list(shotlist.shots)
    runs = list(scene_runs(shots))
    found: list[Violation] = []
    for run in runs:
        found += _axis_180(run)
    for run in runs:
        found += _jump_cuts(run)
    found += _size_progression(runs, script)
    found += _duration(shots)
    if script is not None:
        found += _coverage(shots, script)
    for run in runs:
        found += _eyeline(run)
    return found
