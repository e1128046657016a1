"""One-shot revise: a director's note on a named shot changes that shot and nothing else.

Understands the way people talk on set: "shot 3.2: low angle, slow push in",
"redo shot 4 as a low angle" (the 4th shot of the film), "3.1 close-up,
handheld", "shot 2.3 longer", "85mm", "4 seconds". Every other shot in the
list stays the very same object, so caches keyed on shots stay warm.
"""

from __future__ import annotations

import re

from graph.state import Reading, Shot, ShotList, Understood
from tools.errors import BadInput
from tools.shots.grammar import (
    DEAD_HOLD_S, MIN_SHOT_S, SIZE_LADDER, SIZE_PHRASES, dialogue_speech_time_s, lens_for,
    round_up_tenth,
)

# '3.2' but not '2.5 seconds' or '3.5mm'.
_DOTTED = re.compile(r"(?:\bshots?\s*#?\s*)?(?<![\d.])(\d+)\.(\d+)(?![\d.]|\s*(?:s\b|secs?\b|seconds?\b|mm\b))",
                     re.IGNORECASE)
_NTH = re.compile(r"\bshot\s*#?\s*(\d+)(?![\d.])|\b(\d+)(?:st|nd|rd|th)\s+shot\b", re.IGNORECASE)

_SIZES: list[tuple[str, str]] = [
    ("ECU", r"\b(extreme close[- ]?up|ecu)\b"), ("MCU", r"\b(medium close[- ]?up|mcu)\b"),
    ("EWS", r"\b(extreme wide|ews|establishing)\b"), ("MWS", r"\b(medium wide|mws|cowboy)\b"),
    ("OTS", r"\b(over[- ]the[- ]shoulder|ots)\b"), ("POV", r"\b(pov|point[- ]of[- ]view)\b"),
    ("TWO", r"\btwo[- ]shot\b"), ("INSERT", r"\binsert\b"), ("CU", r"\b(close[- ]?up|cu)\b"),
    ("MS", r"\b(medium shot|mid[- ]shot|ms|medium)\b"),
    ("WS", r"\b(wide shot|wide|ws|long shot|full shot)\b"),
]
_ANGLES: list[tuple[str, str]] = [
    ("worms_eye", r"\bworm'?s[- ]eye\b"), ("birds_eye", r"\b(bird'?s[- ]eye|overhead|top[- ]down)\b"),
    ("dutch", r"\b(dutch|canted)\b"), ("low", r"\b(low(?:[- ]angle)?|from below)\b"),
    ("high", r"\b(high(?:[- ]angle)?|from above)\b"), ("eye", r"\beye[- ]level\b"),
]
_MOVES: list[tuple[str, str]] = [
    ("dolly_zoom", r"\b(dolly[- ]zoom|vertigo|zolly)\b"),
    ("dolly_in", r"\b(push(?:es|ing)?[- ]in|dolly[- ]in|move in|track in)\b"),
    ("dolly_out", r"\b(pull(?:s|ing)?[- ](?:out|back)|dolly[- ]out|track out)\b"),
    ("handheld", r"\bhand[- ]?held\b"),
    ("static", r"\b(static|locked[- ]off|lock it off|no (?:camera )?move(?:ment)?|tripod)\b"),
    ("pan_left", r"\bpan(?:s|ning)?[- ]left\b"), ("pan_right", r"\bpan(?:s|ning)?[- ]right\b"),
    ("tilt_up", r"\btilt(?:s|ing)?[- ]up\b"), ("tilt_down", r"\btilt(?:s|ing)?[- ]down\b"),
    ("truck_left", r"\b(truck|track)[- ]left\b"), ("truck_right", r"\b(truck|track)[- ]right\b"),
    ("pedestal_up", r"\b(pedestal|ped)[- ]up\b"), ("pedestal_down", r"\b(pedestal|ped)[- ]down\b"),
    ("crane_up", r"\b(crane|boom|jib)[- ]up\b"), ("crane_down", r"\b(crane|boom|jib)[- ]down\b"),
    ("arc_left", r"\b(arc|orbit)[- ]left\b"), ("arc_right", r"\b(arc|orbit)(?:[- ]right)?\b"),
    ("zoom_in", r"\bzoom(?:s|ing)?[- ]in\b"), ("zoom_out", r"\bzoom(?:s|ing)?[- ]out\b"),
]
_WIDE_LENS = re.compile(r"\b(wide[- ]angle(?: lens)?|wide lens)\b", re.IGNORECASE)
_LENS = re.compile(r"\b(\d{1,3})\s*mm\b", re.IGNORECASE)
_SECONDS = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)\b", re.IGNORECASE)
_LONGER = re.compile(r"\b(much longer|longer|hold (?:it )?longer|linger)\b", re.IGNORECASE)
_SHORTER = re.compile(r"\b(much shorter|shorter|quicker|trim it|cut it shorter)\b", re.IGNORECASE)
# One step in or out; shots off the size ladder step to their nearest neighbour.
_TIGHTER_THAN = {**{a: b for a, b in zip(SIZE_LADDER, SIZE_LADDER[1:])}, "TWO": "MS", "OTS": "MCU",
                 "INSERT": "ECU", "POV": "CU"}
_WIDER_THAN = {**{b: a for a, b in zip(SIZE_LADDER, SIZE_LADDER[1:])}, "TWO": "MWS", "OTS": "MS",
               "INSERT": "MCU", "POV": "WS"}
_TIGHTER = re.compile(r"\b(tighter|closer)\b", re.IGNORECASE)
_WIDER = re.compile(r"\b(wider|looser)\b", re.IGNORECASE)


def _references(shotlist: ShotList, note: str, missing: list[str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, shot id) for every shot the note names, in note order. A name that is not in the list
    raises, or with `missing` given is said there and skipped."""
    refs: list[tuple[int, int, str]] = []
    ids = {s.id for s in shotlist.shots}

    def refuse(message: str) -> None:
        if missing is None:
            raise BadInput(message)
        missing.append(message)

    spans: list[tuple[int, int]] = []
    for m in _DOTTED.finditer(note):
        spans.append((m.start(), m.end()))
        shot_id = f"{int(m.group(1))}.{int(m.group(2))}"
        if shot_id not in ids:
            refuse(f"the note names shot {shot_id}, which is not in the shot list")
            continue
        refs.append((m.start(), m.end(), shot_id))
    for m in _NTH.finditer(note):
        if any(a <= m.start() < b for a, b in spans):
            continue
        nth = int(m.group(1) or m.group(2))
        if not 1 <= nth <= len(shotlist.shots):
            refuse(f"the note names shot {nth}, but the film has {len(shotlist.shots)} shots")
            continue
        refs.append((m.start(), m.end(), shotlist.shots[nth - 1].id))
    return sorted(refs)


def note_names_shot(note: str) -> bool:
    """Whether a note points at particular shots ('shot 3.2', '3.1', 'shot 4', '4th shot')."""
    return bool(_DOTTED.search(note) or _NTH.search(note))


def _first(table: list[tuple[str, str]], text: str) -> str | None:
    return next((value for value, pattern in table if re.search(pattern, text, re.IGNORECASE)), None)


def _changes(text: str, shot: Shot) -> dict:
    """The field updates a fragment of a note asks for, for this shot."""
    update: dict = {}
    if _WIDE_LENS.search(text):
        update["lens_mm"] = 24
        text = _WIDE_LENS.sub(" ", text)
    lens = _LENS.search(text)
    if lens:
        mm = int(lens.group(1))
        if not 8 <= mm <= 600:
            raise BadInput(f"a {mm} mm lens is outside 8-600 mm")
        update["lens_mm"] = mm
        text = _LENS.sub(" ", text)
    seconds = _SECONDS.search(text)
    if seconds:
        value = float(seconds.group(1))
        if value <= 0:
            raise BadInput("a shot needs more than 0 seconds")
        update["duration_s"] = round(value, 1)
        text = _SECONDS.sub(" ", text)
    size = _first(_SIZES, text)
    if size is None and _TIGHTER.search(text):
        size = _TIGHTER_THAN.get(shot.size)
    elif size is None and _WIDER.search(text):
        size = _WIDER_THAN.get(shot.size)
    if size and size != shot.size:
        update["size"] = size
        update.setdefault("lens_mm", lens_for(size))
        if shot.size == "OTS" and size in ("MS", "MCU", "CU", "ECU") and shot.subjects:
            # Going in past the shoulder leaves only the face the shot was on.
            face = shot.subjects[0]
            update["subjects"] = [face]
            update["screen_side"] = {k: v for k, v in shot.screen_side.items() if k == face}
    angle = _first(_ANGLES, text)
    if angle:
        update["angle"] = angle
    move = _first(_MOVES, text)
    if move:
        update["movement"] = move
    if "duration_s" not in update:
        # Relative changes stay readable: never under the lines' time or 1.5 s.
        floor = max(MIN_SHOT_S, round_up_tenth(dialogue_speech_time_s(shot.dialogue)))
        if _LONGER.search(text):
            factor = 2.0 if "much" in text.lower() else 1.5
            update["duration_s"] = round(min(max(shot.duration_s * factor, floor), DEAD_HOLD_S), 1)
        elif _SHORTER.search(text):
            factor = 0.5 if "much" in text.lower() else 0.67
            update["duration_s"] = round(max(shot.duration_s * factor, floor), 1)
    return update


def _revised(shot: Shot, update: dict, fragment: str, note: str) -> Shot:
    if "size" in update and shot.description.startswith(SIZE_PHRASES[shot.size]):
        update["description"] = SIZE_PHRASES[update["size"]] + shot.description[len(SIZE_PHRASES[shot.size]):]
    if "movement" in update:
        update["movement_reason"] = f"director's note: {fragment.strip(' :,;-') or note.strip()}"
    update["notes"] = f"{shot.notes}\n{note.strip()}" if shot.notes else note.strip()
    # Revalidate so a note can never smuggle a value outside the vocabularies.
    return Shot.model_validate({**shot.model_dump(), **update})


def _planned(shotlist: ShotList, note: str, refs: list[tuple[int, int, str]]) -> list[tuple[dict, str, str]]:
    """(field updates, shot id, the note's words for it) for every shot the note names."""
    by_id = {s.id: s for s in shotlist.shots}
    # Each named shot gets the words up to the next name; words before the first
    # name belong to it too ("low angle on shot 3.2").
    fragments = []
    for k, (start, end, shot_id) in enumerate(refs):
        stop = refs[k + 1][0] if k + 1 < len(refs) else len(note)
        text = note[end:stop] + (" " + note[:start] if k == 0 else "")
        fragments.append((shot_id, text))
    updates = [(_changes(text, by_id[sid]), sid, text) for sid, text in fragments]
    # "shots 3.2 and 3.3: low angle" - a name with no words of its own shares the next one's.
    for k in range(len(updates) - 1, -1, -1):
        if not updates[k][0]:
            donor = next((u for u in updates[k + 1:] if u[0]), None) or next(
                (u for u in reversed(updates[:k]) if u[0]), None)
            if donor:
                sid, text = updates[k][1], donor[2]
                updates[k] = (_changes(text, by_id[sid]), sid, text)
    return updates


def _applied(shotlist: ShotList, note: str, updates: list[tuple[dict, str, str]]) -> tuple[ShotList, list[str]]:
    by_id = {s.id: s for s in shotlist.shots}
    changed: dict[str, Shot] = {}
    for update, sid, text in updates:
        if update:
            changed[sid] = _revised(changed.get(sid, by_id[sid]), update, text, note)
    shots = [changed.get(s.id, s) for s in shotlist.shots]
    return ShotList(shots=shots), [s.id for s in shotlist.shots if s.id in changed]


NO_CHANGE = ("asks for no change I can make: give a size, angle, move, lens (e.g. 85mm) "
             "or 'longer'/'shorter'")


def apply_shot_note(shotlist: ShotList, note: str) -> tuple[ShotList, list[str]]:
    """Change only the shots a note names; return the new list and the changed ids."""
    refs = _references(shotlist, note)
    if not refs:
        raise BadInput("the note names no shot: say which, e.g. 'shot 3.2: low angle, slow push in'")
    updates = _planned(shotlist, note, refs)
    if not any(update for update, _, _ in updates):
        raise BadInput("the note names a shot but " + NO_CHANGE)
    return _applied(shotlist, note, updates)


def _in_words(update: dict) -> str:
    said = []
    for key, value in update.items():
        if key == "size":
            said.append(f"size {value}")
        elif key == "angle":
            said.append(f"{value.replace('_', ' ')} angle")
        elif key == "movement":
            said.append(f"camera {value.replace('_', ' ')}")
        elif key == "lens_mm":
            said.append(f"{value} mm lens")
        elif key == "duration_s":
            said.append(f"{value:.1f} s")
    return ", ".join(said)


def read_shot_note(shotlist: ShotList, note: str, stage: str = "cinematographer") -> tuple[ShotList, list[str], Reading]:
    """Apply what can be applied of a one-shot note and say the rest: a shot that is not in the list, or words
    that ask for no change, are the Reading's not_applied; nothing here raises on the note's content."""
    missing: list[str] = []
    refs = _references(shotlist, note, missing)
    try:
        updates = _planned(shotlist, note, refs) if refs else []
    except BadInput as error:  # "a 900 mm lens": said at the gate, the list unchanged
        return shotlist, [], Reading(source="note", stage=stage, text=note, not_applied=missing + [str(error)])
    if not refs and not missing:
        missing.append("the note names no shot: say which, e.g. 'shot 3.2: low angle, slow push in'")
    try:
        revised, changed = _applied(shotlist, note, updates)
    except ValueError as error:  # a value outside the vocabularies (pydantic): the list stays as it was
        return shotlist, [], Reading(source="note", stage=stage, text=note,
                                     not_applied=missing + [f"the change is outside what a shot can be ({error})"])
    used, seen = [], set()
    for update, sid, text in updates:
        if update and sid not in seen:
            seen.add(sid)
            used.append(Understood(text=f"shot {sid}", became="other", detail=_in_words(update)))
        elif not update:
            missing.append(f"shot {sid}: '{text.strip(' :,;-') or note.strip()}' " + NO_CHANGE)
    return revised, changed, Reading(source="note", stage=stage, text=note, used=used, not_applied=missing)


def shot_list_reading(note: str, directives, stage: str = "cinematographer") -> Reading:
    """A whole-film note (fewer shots, tighter, handheld...) as the gate reports it; `directives` is the
    breakdown's reading of it (tools.shots.breakdown.BreakdownNote)."""
    from tools.shots.timing import AVERAGE_SHOT_S

    said = []
    if directives.average_shot_s != AVERAGE_SHOT_S:
        said.append(("fewer, longer shots" if directives.average_shot_s > AVERAGE_SHOT_S else "more, shorter shots")
                    + f" (about {directives.average_shot_s:.1f} s a shot)")
    if directives.size_step:
        said.append("one size tighter" if directives.size_step > 0 else "one size wider")
    if directives.movement:
        said.append(f"camera {directives.movement} throughout")
    if directives.angle:
        said.append(f"{directives.angle} angles on the characters")
    if directives.no_inserts:
        said.append("no inserts")
    if directives.no_reactions:
        said.append("no reaction shots")
    where = f" in scene(s) {', '.join(map(str, directives.scenes))}" if directives.scenes else ""
    used = [Understood(text=note, became="other", detail="; ".join(said) + where)] if said else []
    return Reading(source="note", stage=stage, text=note, used=used,
                   not_understood=[] if said else [note])
