"""Fitting an imported script to a running time: which scenes, which lines, which shots.

A writer's script runs its own length; `--length` asks for another. An editor
cutting a long script down keeps the story's spine (the opening, the turns,
the climax, the ending), drops the least needed scenes whole, and only when
the spine alone is too long shortens speeches at sentence boundaries and
thins long exchanges. The shot breakdown then plans and times the coverage of
what is kept. The breakdown is treated as a black box: how long a scene plays
is measured by asking it (its barest coverage of the chosen scenes), never
assumed, so this keeps working when its shot lengths change.

Scene importance comes from the script doctor's report when there is one
(scene roles and the mood curve: intensity and turns), else from a scene's
position and length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from graph.state import Scene, Script, ScriptElement, ScriptReport, ShotList
from tools.errors import BadInput
from tools.screenplay.reading import scene_seconds, sentences, spoken_text
from tools.shots.grammar import CARDS_S, MIN_SHOT_S

TOLERANCE = 0.15          # the cut lands within 15 % of the length asked for
MAX_UNASKED_S = 600.0     # past ten minutes a film needs the person to say so
# The barest coverage of the kept scenes may fill this share of the shot time: the
# rest lets the breakdown keep reactions and establishing shots instead of a bare list.
FILL = 0.85
ACCEPT_OVER = 1.06        # the planned shots may run this much over before another scene goes
ACCEPT_UNDER = 0.9        # ... or this much under before another scene comes in
FIRST_RATIO = 0.45        # breakdown seconds per script-reading second, until measured

Breakdown = Callable[[Script, float], ShotList]

# Phrasings a person uses to ask for the whole script (a short, fixed set: precision first).
_AS_WRITTEN = re.compile(
    r"\b(as written|(?:keep|play|use|shoot) (?:every|all(?: the)?) scenes?|(?:the )?(?:full|whole|entire|complete) "
    r"(?:script|screenplay)|natural length|(?:do not|don'?t|never) (?:cut|drop|lose) (?:any )?scenes?|"
    r"no scenes? (?:cut|dropped|left out))\b")
_SECONDS = re.compile(r"(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|m)\b")
_LENGTH_WORDS = re.compile(r"\b(length|long|longer|shorter|runtime|running time|make it|cut (?:it )?(?:down )?to|"
                           r"fit|film|minutes?|seconds?)\b")


@dataclass(frozen=True)
class LengthNote:
    """What a note asks of the film's length: the script as written, or a number of seconds."""

    as_written: bool = False
    target_s: float | None = None

    @property
    def is_empty(self) -> bool:
        return not self.as_written and self.target_s is None


def read_length_note(note: str) -> LengthNote:
    low = note.lower()
    if _AS_WRITTEN.search(low):
        return LengthNote(as_written=True)
    found = _SECONDS.search(low)
    if found and _LENGTH_WORDS.search(low):
        value = float(found.group(1)) * (60.0 if found.group(2).startswith("m") else 1.0)
        if value >= 10:  # "hold 4 s" is about a shot, not the film
            return LengthNote(target_s=value)
    return LengthNote()


def natural_length_s(script: Script) -> float:
    """The film as written: the script doctor's reading time of every scene, plus the cards."""
    return round(CARDS_S + sum(scene_seconds(s) for s in script.scenes), 1)


@dataclass
class CutPlan:
    """The planned cut: its shots, and the scenes and lines it plays (original scene numbers)."""

    shotlist: ShotList
    script: Script
    target_s: float
    natural_s: float

    @property
    def planned_s(self) -> float:
        return round(CARDS_S + sum(s.duration_s for s in self.shotlist.shots), 1)

    @property
    def omitted(self) -> list[str]:
        return self.shotlist.omitted


# --------------------------------------------------------------------------- importance


def _importance(script: Script, report: ScriptReport | None) -> tuple[list[float], list[int]]:
    """A score per scene and the spine, most needed first: ending, climax, opening, inciting incident."""
    n = len(script.scenes)
    lengths = [scene_seconds(s) for s in script.scenes]
    longest = max(lengths) or 1.0
    roles = [s.role for s in report.scenes] if report and len(report.scenes) == n else [""] * n
    mood = report.mood_curve if report and len(report.mood_curve) == n else []
    scores = []
    for i in range(n):
        if mood:
            turn = max(abs(mood[i].valence - mood[j].valence) for j in (max(0, i - 1), min(n - 1, i + 1)))
            score = mood[i].intensity + 0.6 * turn
        else:
            # No reading of the story: longer scenes carry more of it, and the last third holds the turns.
            score = 0.5 * lengths[i] / longest + 0.4 * max(0.0, 1 - abs(i / max(1, n - 1) - 0.75) * 2)
        score += {"climax": 1.0, "inciting incident": 0.8, "resolution": 0.15}.get(roles[i], 0.0)
        score += 0.8 if "climax" in roles[i] else 0.0
        scores.append(score)
    spine = [n - 1]
    climax = next((i for i, r in enumerate(roles) if "climax" in r), None)
    inciting = next((i for i, r in enumerate(roles) if "inciting" in r), None)
    for i in (climax, 0, inciting):
        if i is not None and i not in spine:
            spine.append(i)
    return scores, spine


# --------------------------------------------------------------------------- trimming lines


def _first_sentences(text: str, keep: int) -> str:
    said = sentences(text)
    return " ".join(said[:keep]) if len(said) > keep else text


# Trim levels: (sentences per speech, sentences per action block, lines per scene) ; None = all.
LEVELS: tuple[tuple[int | None, int | None, int | None], ...] = (
    (None, None, None), (2, 2, None), (1, 1, 6), (1, 1, 2))


def trim_scene(scene: Scene, level: int) -> tuple[Scene, int, int]:
    """The scene at a trim level: (scene, speeches shortened, lines left out). Level 0 is as written."""
    per_speech, per_action, per_scene = LEVELS[level]
    if level == 0:
        return scene, 0, 0
    spoken = [i for i, el in enumerate(scene.elements) if el.kind == "dialogue"]
    keep_lines = set(spoken)
    if per_scene is not None and len(spoken) > per_scene:
        # A long exchange keeps how it starts and how it ends.
        head = (per_scene + 1) // 2
        keep_lines = set(spoken[:head] + spoken[len(spoken) - (per_scene - head):])
    elements: list[ScriptElement] = []
    shortened = 0
    actions = [i for i, el in enumerate(scene.elements) if el.kind == "action"]
    keep_actions = set(actions) if level < 3 or len(actions) <= 2 else {actions[0], actions[-1]}
    for i, el in enumerate(scene.elements):
        if el.kind == "dialogue":
            if i not in keep_lines:
                continue
            text = _first_sentences(spoken_text(el), per_speech)
        elif el.kind == "action":
            if i not in keep_actions:
                continue
            text = _first_sentences(el.text, per_action)
        else:
            text = el.text
        if text != el.text and el.kind == "dialogue":
            shortened += 1
        elements.append(el.model_copy(update={"text": text}))
    dropped = len(spoken) - len(keep_lines)
    return scene.model_copy(update={"elements": elements}), shortened, dropped


# --------------------------------------------------------------------------- choosing scenes


def _choose(reading: list[list[float]], scores: list[float], spine: list[int],
            budget: float) -> dict[int, int]:
    """Scene -> trim level. The spine (as much as fits, the ending at least) at the lightest level
    at which it fits; then the best other scenes that fit, as written. Whole-scene drops come
    before shortened lines: only the spine is ever trimmed."""
    top = len(reading) - 1
    level = next((lv for lv in range(top + 1) if sum(reading[lv][i] for i in spine) <= budget), top)
    chosen: dict[int, int] = {}
    left = budget
    for i in spine:
        if reading[level][i] <= left or not chosen:
            chosen[i] = level
            left -= reading[level][i]
    if level > 0:
        return dict(sorted(chosen.items()))  # the spine was shortened to fit: no room is made for other scenes
    for i in sorted((i for i in range(len(scores)) if i not in chosen), key=lambda i: (-scores[i], i)):
        if reading[0][i] <= left:
            chosen[i] = 0
            left -= reading[0][i]
    return dict(sorted(chosen.items()))


def _subscript(script: Script, scenes: list[Scene]) -> Script:
    return script.model_copy(update={"scenes": scenes})


def _run(breakdown: Breakdown, script: Script, target_s: float) -> ShotList:
    """The breakdown's shots with the original scene numbers, whatever numbering it used inside."""
    shotlist = breakdown(script, target_s)
    kept = [s.index for s in script.scenes]
    if {s.scene for s in shotlist.shots} <= set(kept):
        return shotlist
    renumbered, counters = [], {}
    for shot in shotlist.shots:  # it numbered the scenes it was given 1..k
        scene = kept[min(len(kept), max(1, shot.scene)) - 1]
        counters[scene] = counters.get(scene, 0) + 1
        renumbered.append(shot.model_copy(update={"scene": scene, "id": f"{scene}.{counters[scene]}"}))
    return shotlist.model_copy(update={"shots": renumbered})


def _barest_s(breakdown: Breakdown, script: Script) -> float | None:
    """Seconds of the barest coverage the breakdown gives these scenes (asked for a near-zero length)."""
    try:
        return sum(s.duration_s for s in breakdown(script, CARDS_S + MIN_SHOT_S + 0.5).shots)
    except BadInput:
        return None


def plan_cut(script: Script, target_s: float | None, note: str = "", report: ScriptReport | None = None,
             breakdown: Breakdown | None = None) -> CutPlan:
    """Plan the cut of an imported script to target_s film seconds (None: the script as written)."""
    if not script.scenes:
        raise BadInput("the script has no scenes to break down")
    if breakdown is None:
        from tools.shots.breakdown import break_down

        breakdown = lambda s, t: break_down(s, t, note=note)  # noqa: E731
    natural = natural_length_s(script)
    if target_s is None:
        shotlist = _run(breakdown, script, natural)
        return CutPlan(shotlist.model_copy(update={"fitted_to_s": natural, "natural_s": natural}), script,
                       natural, natural)
    shot_time = target_s - CARDS_S
    if natural <= target_s * (1 + TOLERANCE):
        whole = _run(breakdown, script, target_s)
        if sum(s.duration_s for s in whole.shots) <= shot_time * ACCEPT_OVER:
            return CutPlan(whole.model_copy(update={"fitted_to_s": target_s, "natural_s": natural}), script,
                           target_s, natural)
    scores, spine = _importance(script, report)
    levels = [[trim_scene(s, level) for s in script.scenes] for level in range(len(LEVELS))]
    reading = [[scene_seconds(t[0]) for t in lv] for lv in levels]
    ratio, budget = FIRST_RATIO, shot_time * FILL
    best: tuple[float, dict[int, int], ShotList] | None = None
    tried: set[tuple] = set()
    for _ in range(8):
        chosen = _choose(reading, scores, spine, budget / ratio)
        if tuple(chosen.items()) in tried:
            budget *= 0.9  # the same choice again: ask for less
            continue
        tried.add(tuple(chosen.items()))
        kept = _subscript(script, [levels[lv][i][0] for i, lv in chosen.items()])
        barest = _barest_s(breakdown, kept)
        read = sum(reading[lv][i] for i, lv in chosen.items())
        can_shrink = len(chosen) > 1 or max(chosen.values()) < len(LEVELS) - 1
        if barest is not None and read > 0 and barest > budget * 1.02 and can_shrink:
            ratio = barest / read  # measured: choose again with what these scenes really cost
            continue
        shotlist = _run(breakdown, kept, target_s)
        planned = sum(s.duration_s for s in shotlist.shots)
        if best is None or abs(planned - shot_time) < abs(best[0] - shot_time):
            best = (planned, chosen, shotlist)
        if shot_time * ACCEPT_UNDER <= planned <= shot_time * ACCEPT_OVER or not can_shrink and planned > shot_time:
            break
        # Over: ask for less. Under (a breakdown that does not stretch to the length): room for more scenes.
        budget *= shot_time / max(planned, 0.1) * (0.95 if planned > shot_time else 0.98)
        if barest is not None and read > 0:
            ratio = barest / read
    if best is None:  # every choice measured over: the spine's end, as bare as it goes
        chosen = {spine[0]: len(LEVELS) - 1}
        kept = _subscript(script, [levels[lv][i][0] for i, lv in chosen.items()])
        best = (0.0, chosen, _run(breakdown, kept, target_s))
    _, chosen, shotlist = best
    omitted = [f"{s.index}. {s.heading}" for i, s in enumerate(script.scenes) if i not in chosen]
    trimmed = []
    for i, lv in chosen.items():
        _, shortened, dropped = levels[lv][i]
        if shortened or dropped:
            said = [f"{shortened} speeches cut to their first sentence{'s' if LEVELS[lv][0] != 1 else ''}"
                    ] if shortened else []
            said += [f"{dropped} lines left out of a long exchange"] if dropped else []
            trimmed.append(f"{script.scenes[i].index}. {script.scenes[i].heading}: {', '.join(said)}")
    played = _subscript(script, [levels[lv][i][0] for i, lv in chosen.items()])
    shotlist = shotlist.model_copy(update={"fitted_to_s": target_s, "natural_s": natural, "omitted": omitted,
                                           "trimmed": trimmed})
    return CutPlan(shotlist, played, target_s, natural)


__all__ = ["CutPlan", "LengthNote", "MAX_UNASKED_S", "TOLERANCE", "natural_length_s", "plan_cut",
           "read_length_note", "trim_scene"]
