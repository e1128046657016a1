"""Timing the coverage to the film's length, the way an editor trims a first assembly.

A short film cannot hold every shot a scene could use: the lowest-priority
coverage goes first (reactions, then looks, cutaways, masters), then quick
exchanges share a two-shot. What is left is scaled to the running time while
every shot stays readable and every line stays long enough to hear.
"""

from __future__ import annotations

from graph.state import Scene
from tools.shots.beats import SECONDS_PER_LINE
from tools.shots.coverage import KEEP, PlannedShot
from tools.shots.grammar import MAX_SHOT_S, MIN_SHOT_S, SIZE_PHRASES, round_up_tenth

# Average shot length of a brisk short: about 3.3 s (about 18 shots a minute), room
# for the reactions and looks that make a cut feel directed rather than recorded.
AVERAGE_SHOT_S = 3.3
DROPPABLE_BELOW = 60
# Coverage the cut loses before it folds an exchange into a two-shot: masters,
# cutaways, calm action. Reactions and motivated moves go only after.
SPARE_BELOW = 50


def scene_page_s(scene: Scene) -> float:
    """A scene's screen time by the page-a-minute rule: its printed lines (action 60
    characters wide, dialogue 35, a cue and a blank line each) at 55 lines a minute."""
    def wrapped(text: str, width: int) -> int:
        return sum(-(-len(line.strip()) // width) or 1 for line in text.split("\n") if line.strip()) or 1

    lines = 2
    for el in scene.elements:
        if el.kind == "action":
            lines += wrapped(el.text, 60) + 1
        elif el.kind == "dialogue":
            lines += 2 + wrapped(el.text, 35) + (1 if el.parenthetical else 0)
        else:
            lines += 2
    return lines * SECONDS_PER_LINE


def page_budgets(scenes: list[Scene], total_s: float) -> dict[int, float]:
    """Each scene's share of total_s, in proportion to its page time."""
    pages = {s.index: scene_page_s(s) for s in scenes}
    whole = sum(pages.values()) or 1.0
    return {index: total_s * page / whole for index, page in pages.items()}


def shortest_s(plan: PlannedShot) -> float:
    """The least time a shot can have: readable, and long enough for its lines."""
    return max(MIN_SHOT_S, round_up_tenth(plan.reading_s))


def longest_s(plan: PlannedShot) -> float:
    return max(MAX_SHOT_S, shortest_s(plan))


def _drop_one(plans: list[PlannedShot]) -> bool:
    """Drop the least needed shot (the later one on ties); False when only essentials remain."""
    candidates = [(p.priority, -i) for i, p in enumerate(plans) if p.priority < DROPPABLE_BELOW]
    if not candidates:
        return False
    _, neg_index = min(candidates)
    del plans[-neg_index]
    return True


def _merge_one(plans: list[PlannedShot]) -> bool:
    """Fold the quickest adjacent exchange into one two-shot; False when none fits."""
    best: tuple[float, int] | None = None
    for i in range(len(plans) - 1):
        a, b = plans[i], plans[i + 1]
        if a.role != "dialogue" or b.role != "dialogue" or a.scene != b.scene:
            continue
        people = list(dict.fromkeys(a.subjects + b.subjects))
        sides = {**a.screen_side, **b.screen_side}
        if len(people) != 2 or len(set(sides.get(n) for n in people)) != 2:
            continue
        both = a.reading_s + b.reading_s
        if both <= MAX_SHOT_S and (best is None or both < best[0]):
            best = (both, i)
    if best is None:
        return False
    i = best[1]
    a, b = plans[i], plans[i + 1]
    people = list(dict.fromkeys(a.subjects + b.subjects))
    sides = {**a.screen_side, **b.screen_side}
    who = " and ".join(f"{n} frame {sides[n]}" for n in people)
    plans[i:i + 2] = [PlannedShot(
        scene=a.scene, role="dialogue", size="TWO", subjects=people,
        screen_side={n: sides[n] for n in people},
        description=f"{SIZE_PHRASES['TWO']} of {who} trading lines",
        movement=a.movement, movement_reason=a.movement_reason, angle="eye",
        lines=a.lines + b.lines, base_s=a.reading_s + b.reading_s + 0.3, priority=KEEP,
        notes=a.notes or b.notes)]
    return True


def _fold_one(plans: list[PlannedShot], any_saving: bool = False) -> bool:
    """Let a line play over the shot before it (a wide, a master, an insert), where that
    saves the most screen time (or merely a cut, with any_saving); False when none fits."""
    best: tuple[float, int] | None = None
    for i in range(1, len(plans)):
        prev, plan = plans[i - 1], plans[i]
        if plan.role != "dialogue" or prev.scene != plan.scene:
            continue
        together = max(MIN_SHOT_S, round_up_tenth(prev.reading_s + plan.reading_s))
        saving = shortest_s(prev) + shortest_s(plan) - together
        if together <= MAX_SHOT_S and (saving > 0.05 or any_saving) and (best is None or saving > best[0]):
            best = (saving, i)
    if best is None:
        return False
    prev, plan = plans[best[1] - 1], plans.pop(best[1])
    speakers = ", ".join(dict.fromkeys(name for name, _ in plan.lines))
    if not prev.lines:
        prev.description = f"{prev.description.rstrip('.')}; {speakers} heard over it"
    prev.lines += plan.lines
    prev.base_s = max(prev.base_s, prev.reading_s + 0.3)
    prev.priority = KEEP
    return True


def _drop_below(plans: list[PlannedShot], ceiling: int) -> bool:
    candidates = [(p.priority, -i) for i, p in enumerate(plans) if p.priority < ceiling]
    if not candidates:
        return False
    del plans[-min(candidates)[1]]
    return True


def _trim(plans: list[PlannedShot], total_s: float, max_count: int) -> list[PlannedShot]:
    while len(plans) > max_count:
        if not (_drop_below(plans, SPARE_BELOW) or _merge_one(plans) or _drop_one(plans)
                or _fold_one(plans, any_saving=True)):
            break
    # Over time even at the shortest readable lengths: lose coverage, then let lines
    # play over other shots, and only then lose looks, POVs and inserts.
    while sum(shortest_s(p) for p in plans) > total_s:
        if not (_drop_one(plans) or _fold_one(plans) or _drop_below(plans, KEEP - 10)):
            break
    return plans


def by_scene(plans: list[PlannedShot]) -> dict[int, list[PlannedShot]]:
    groups: dict[int, list[PlannedShot]] = {}
    for plan in plans:
        groups.setdefault(plan.scene, []).append(plan)
    return groups


def trim_coverage(plans: list[PlannedShot], total_s: float,
                  average_shot_s: float = AVERAGE_SHOT_S,
                  budgets: dict[int, float] | None = None) -> list[PlannedShot]:
    """Lose coverage until the shots fit the time and a brisk shot count. With budgets
    (each scene's share of the film, from its page time), each scene is trimmed to its own
    share first, so a cut-down keeps silent scenes in proportion instead of spending
    everything on dialogue; work stays linear in the script's length."""
    plans = list(plans)
    if budgets:
        kept: list[PlannedShot] = []
        for scene, group in by_scene(plans).items():
            budget = budgets.get(scene, 0.0)
            kept += _trim(group, budget, max(1, round(budget / average_shot_s)))
        plans = kept
    return _trim(plans, total_s, max(1, round(total_s / average_shot_s)))


def share_budgets(plans: list[PlannedShot], budgets: dict[int, float] | None) -> None:
    """Scale each scene's shot bases to its share of the film, so timing keeps proportion."""
    if not budgets:
        return
    for scene, group in by_scene(plans).items():
        base = sum(max(p.base_s, 0.1) for p in group)
        if scene in budgets and base > 0:
            factor = budgets[scene] / base
            for plan in group:
                plan.base_s = max(plan.base_s * factor, shortest_s(plan))


def _residual_steps(durations: list[float], lows: list[float], highs: list[float],
                    total_s: float, order: list[int]) -> None:
    """Spread the rounding remainder in 0.1 s steps over shots that have room."""
    for _ in range(10 * len(durations) + 10):
        diff = round(total_s - sum(durations), 6)
        if abs(diff) < 0.05:
            return
        step = 0.1 if diff > 0 else -0.1
        moved = False
        for i in order:
            new = round(durations[i] + step, 1)
            if lows[i] - 1e-9 <= new <= highs[i] + 1e-9:
                durations[i] = new
                moved = True
                if abs(round(total_s - sum(durations), 6)) < 0.05:
                    return
        if not moved:
            return


def time_to_length(plans: list[PlannedShot], total_s: float) -> None:
    """Set duration_s on every plan so they sum to total_s, each within its readable range."""
    if not plans:
        return
    lows = [shortest_s(p) for p in plans]
    highs = [longest_s(p) for p in plans]
    bases = [max(p.base_s, 0.1) for p in plans]

    def fill(factor: float) -> list[float]:
        return [min(hi, max(lo, b * factor)) for b, lo, hi in zip(bases, lows, highs)]

    lo_f, hi_f = 0.0, 1.0
    while sum(fill(hi_f)) < total_s and hi_f < 1e4:
        hi_f *= 2
    for _ in range(60):
        mid = (lo_f + hi_f) / 2
        if sum(fill(mid)) < total_s:
            lo_f = mid
        else:
            hi_f = mid
    durations = [max(lo, round(d, 1)) for d, lo in zip(fill(hi_f), lows)]
    # Longest shots absorb the remainder first: a tenth of a second shows least there.
    order = sorted(range(len(plans)), key=lambda i: (-durations[i], i))
    _residual_steps(durations, lows, highs, total_s, order)
    for plan, duration in zip(plans, durations):
        plan.duration_s = duration


# ---------------------------------------------------------------- padding a short script

def _scene_sides(plans: list[PlannedShot], scene: int) -> dict[str, str]:
    sides: dict[str, str] = {}
    for p in plans:
        if p.scene == scene:
            sides.update(p.screen_side)
    return sides


def _pads(plans: list[PlannedShot], scene: int, place: str) -> list[tuple[int, PlannedShot]]:
    """Extra coverage for one scene, best first: the place around it, listeners, closer angles."""
    where = [i for i, p in enumerate(plans) if p.scene == scene]
    if not where:
        return []
    sides = _scene_sides(plans, scene)
    pads: list[tuple[int, PlannedShot]] = []
    if not any(p.role == "cutaway" for p in plans if p.scene == scene):
        # After the scene is set up and before anyone speaks, or at its end.
        at = next((i for i in where if plans[i].lines), where[-1] + 1)
        at = max(at, where[0] + 1)
        size = "WS" if plans[at - 1].size == "MWS" else "MWS"
        pads.append((at, PlannedShot(
            scene=scene, role="cutaway", size=size, subjects=[], screen_side={},
            description=f"{SIZE_PHRASES[size]} cutaway across {place}: the world around the scene",
            movement="pan_right", movement_reason="slow pan across the place: room for the scene to breathe",
            base_s=3.0)))
    for i in where:
        plan = plans[i]
        nxt = plans[i + 1] if i + 1 < len(plans) else None
        if plan.role == "dialogue" and plan.size != "TWO" and plan.lines:
            speaker = plan.lines[-1][0]
            # Only the character across the line from the speaker: anyone else risks an eyeline mismatch.
            listeners = [n for n, side in sides.items() if n != speaker and side != sides.get(speaker)]
            if listeners and not (nxt and nxt.subjects[:1] == listeners[:1]):
                name = listeners[0]
                pads.append((i + 1, PlannedShot(
                    scene=scene, role="reaction", size="MCU", subjects=[name],
                    screen_side={name: sides[name]},
                    description=f"{SIZE_PHRASES['MCU']} of {name}, frame {sides[name]}, listening to {speaker}",
                    movement="static", movement_reason="static: the listener's face carries the beat",
                    base_s=2.0)))
        if plan.role in ("action", "master", "opener") and plan.subjects and plan.size not in ("CU", "ECU"):
            name = plan.subjects[0]
            if name in sides and not (nxt and nxt.subjects == [name]):
                pads.append((i + 1, PlannedShot(
                    scene=scene, role="reaction", size="CU", subjects=[name],
                    screen_side={name: sides[name]},
                    description=f"{SIZE_PHRASES['CU']} of {name}, frame {sides[name]}, closer on the moment",
                    movement="static", movement_reason="static: hold on the face", base_s=2.0)))
    return pads


def pad_coverage(plans: list[PlannedShot], total_s: float, places: dict[int, str],
                 budgets: dict[int, float] | None = None) -> list[PlannedShot]:
    """Add cutaways, listeners and closer angles where a scene's longest readable shots fall
    short of its share of the film (or, without budgets, of the film's length)."""
    plans = list(plans)
    if budgets:
        padded: list[PlannedShot] = []
        for scene, group in by_scene(plans).items():
            want = budgets.get(scene, 0.0)
            for _ in range(len(group) + 8):
                if sum(longest_s(p) for p in group) >= want:
                    break
                pads = _pads(group, scene, places.get(scene, "the place"))
                if not pads:
                    break
                at, shot = pads[0]
                group.insert(at, shot)
            padded += group
        plans = padded
    while sum(longest_s(p) for p in plans) < total_s:
        # The scene with least screen time gets the next shot, so padding spreads evenly.
        time_by_scene = {s: sum(longest_s(p) for p in plans if p.scene == s) for s in places}
        for scene in sorted(places, key=lambda s: (time_by_scene[s], s)):
            pads = _pads(plans, scene, places[scene])
            if pads:
                at, shot = pads[0]
                plans.insert(at, shot)
                break
        else:
            break
    return plans
