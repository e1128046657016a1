"""Blocking and framing: where the horizon sits and where each character stands.

A shot's size decides how big a person is in frame (EWS a speck on the land,
ECU a face filling it), its angle tilts the camera (tools/previs/lens.py: the
horizon moves by the focal length times the tilt's tangent, so a high angle
sees only ground behind the figure and a low one only sky), the lens decides
how big the set looms and how far apart in depth people look, and
screen_side puts each character on a third line. Variants (variant_shot) are
a director's alternatives: a different size, then a different camera height,
each with its own composition; never who is in shot or how they look.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from graph.state import CharacterProfile, Shot
from tools.previs.figures import measure_figure, proportions
from tools.previs.lens import background_scale, depth_scale, horizon_shift
from tools.shots.grammar import lens_for

# Standing adult height as a multiple of the frame's reference unit, and where
# the eyes sit (fraction of frame height) for sizes framed on the face; wide
# sizes stand the figure on the ground instead (eye_y None).
SIZE_SCALE: dict[str, tuple[float, float | None]] = {
    "EWS": (0.16, None), "WS": (0.56, None), "MWS": (1.05, 0.31), "MS": (1.65, 0.33),
    "TWO": (1.35, 0.33), "MCU": (2.5, 0.36), "CU": (4.3, 0.41), "ECU": (8.5, 0.43),
    "OTS": (1.9, 0.34), "POV": (1.1, 0.35), "INSERT": (1.0, None),
}
# Feet line for wide sizes, fraction of frame height.
WIDE_FEET = {"EWS": 0.80, "WS": 0.88, "INSERT": 0.9}
# Background magnification: a closer, longer-lens shot sees a bigger slice of set.
SIZE_ZOOM = {"EWS": 0.7, "WS": 1.0, "MWS": 1.15, "MS": 1.3, "TWO": 1.25, "MCU": 1.5, "CU": 1.8,
             "ECU": 2.2, "OTS": 1.4, "POV": 1.2, "INSERT": 2.0}
# Background drawn at 1/n resolution then enlarged: shallow focus behind close shots.
SIZE_DEFOCUS = {"MCU": 2, "CU": 3, "ECU": 4, "OTS": 2, "INSERT": 3}
# (horizon shift as fraction of H, figure scale, leg foreshortening)
ANGLE_CAMERA: dict[str, tuple[float, float, float]] = {
    "eye": (0.0, 1.0, 1.0), "low": (0.26, 1.12, 1.15), "worms_eye": (0.5, 1.22, 1.3),
    "high": (-0.26, 0.86, 0.85), "birds_eye": (-0.9, 0.8, 1.0), "dutch": (0.0, 1.0, 1.0),
}
# Camera tilt in degrees, down positive: a high angle looks down on its subject.
ANGLE_TILT = {"eye": 0.0, "high": 22.0, "low": -18.0, "worms_eye": -32.0, "birds_eye": 0.0, "dutch": 0.0}
DUTCH_DEG = 11.0
# Nothing stands in the bottom sliver of the frame's height: feet there read as cut.
FOOT_MARGIN = 0.03
# Sizes that show people whole or to the waist side by side: nobody may be cut by
# the frame's sides (close sizes crop by design; the OTS shoulder is cut on purpose).
SIDE_BY_SIDE = {"EWS", "WS", "MWS", "MS", "TWO", "POV"}
# Room kept between a figure and the frame's side, fraction of width.
SIDE_MARGIN = 0.03
# No one figure wider than this share of the frame when two or more share it.
MAX_SHARE = 0.42
# ...and alone: a long body (a dog at MS) framed like a person's would fill the frame with flank.
MAX_SHARE_ALONE = 0.62
# The smallest a figure may be drawn in a wide shot (fraction of the reference unit):
# below this a person is a smudge on the set, not a character.
MIN_FIGURE = 0.085


@dataclass(frozen=True)
class Blocking:
    """One character's mark in this frame."""

    name: str
    x: float  # centre line, px
    feet_y: float  # px; below the frame bottom for close sizes
    height: float  # standing height before the profile's own proportions, px
    facing: str  # left, right, front, back
    foreshorten: float  # >1 legs loom (low angle), <1 legs recede (high angle)
    depth: int = 0  # drawing order: 0 far, higher nearer


@dataclass(frozen=True)
class Camera:
    """The camera's placement for one frame."""

    width: int
    height: int
    unit: float  # reference length in px so sizes read the same in every aspect
    horizon: float  # y px; may sit outside the frame
    zoom: float
    pan: float  # background x offset, px
    roll: float  # dutch roll, degrees
    top_down: bool
    defocus: int
    key_side: str  # "left" or "right": where the key light comes from
    blocking: list[Blocking] = field(default_factory=list)


def reference_unit(width: int, height: int) -> float:
    return min(height, width * 0.75)


def frame_camera(shot: Shot, cast: list[CharacterProfile], width: int, height: int,
                 variant: int, scene_key: int) -> Camera:
    """Place the camera and block the characters for a shot."""
    unit = reference_unit(width, height)
    shift, scale, foreshorten = ANGLE_CAMERA[shot.angle]
    # The size's own zoom is for its usual lens; another lens magnifies the set as a real one does.
    planned = lens_for(shot.size)
    lens = max(0.3, min(4.0, background_scale(shot.lens_mm) / background_scale(planned)))
    figure_height, eye_frac = SIZE_SCALE[shot.size]
    pan_frac, third_jitter, push, height_jitter = variant_offsets(variant)
    figure_height *= unit * scale * push
    if eye_frac is not None:
        base_horizon = eye_frac
    else:
        base_horizon = 0.58 if shot.size == "EWS" else 0.45
    tilt = ANGLE_TILT[shot.angle]
    # The eye line is where a level camera's horizon falls; a tilt moves it by f·tan(tilt).
    horizon = (base_horizon + height_jitter) * height + horizon_shift(tilt, shot.lens_mm, width)
    pan = pan_frac * width
    defocus = SIZE_DEFOCUS.get(shot.size, 1)
    if shot.lens_mm > planned * 1.3:  # a longer lens than the size's usual: shallower focus
        defocus = min(6, max(2, round(defocus * shot.lens_mm / planned)))
    camera = Camera(
        width=width, height=height, unit=unit, horizon=horizon,
        zoom=SIZE_ZOOM[shot.size] * lens, pan=pan,
        roll=(DUTCH_DEG if scene_key % 2 else -DUTCH_DEG) if shot.angle == "dutch" else 0.0,
        top_down=shot.angle == "birds_eye", defocus=defocus,
        key_side="left" if scene_key % 2 == 0 else "right",
    )
    step = depth_scale(shot.lens_mm) / depth_scale(planned) * 0.86
    camera.blocking.extend(_block(shot, cast, camera, figure_height, eye_frac, foreshorten,
                                  height_jitter, third_jitter, shift, step))
    if eye_frac is None and camera.blocking and not camera.top_down:
        # A camera above the ground sees every foot below the horizon: a worm's-eye
        # horizon lands at the feet rather than under them, so no one floats in the sky.
        ground_line = min(m.feet_y for m in camera.blocking) - 0.02 * height
        if camera.horizon > ground_line:
            camera = replace(camera, horizon=ground_line)
    return camera


# Compositions per variant: (background pan, shift along the thirds, push-in scale, horizon shift).
# Variant 0 is the shot as planned; 1 and 2 are framed differently (variant_shot) and
# also slide the group along the thirds, as an operator offering another composition.
VARIANT_OFFSETS = [(0.0, 0.0, 1.0, 0.0), (0.12, 0.06, 1.0, 0.0), (-0.12, -0.06, 1.0, 0.03)]
# Sizes from widest to tightest: variant 1 steps one along it.
SIZE_LADDER = ["EWS", "WS", "MWS", "MS", "MCU", "CU", "ECU"]
# A size outside the ladder and its usual alternative.
SIZE_ALTERNATIVE = {"TWO": "MWS", "OTS": "MCU", "POV": "WS", "INSERT": "INSERT"}
# Variant 2's camera height: a level camera goes high on wide shots (the geography) and
# low on close ones (the character); a tilted one comes back to eye level.
ANGLE_ALTERNATIVE = {"high": "low", "birds_eye": "high", "low": "high", "worms_eye": "high", "dutch": "eye"}


def variant_offsets(variant: int) -> tuple[float, float, float, float]:
    """(background pan, shift along the thirds, push-in scale, horizon shift) for a variant, as fractions."""
    if variant < len(VARIANT_OFFSETS):
        return VARIANT_OFFSETS[variant]
    rng = random.Random(variant * 7919 + 17)
    return (rng.uniform(-0.12, 0.12), rng.uniform(-0.06, 0.06), rng.uniform(0.9, 1.1), rng.uniform(-0.05, 0.05))


def variant_shot(shot: Shot, variant: int) -> tuple[Shot, list[str]]:
    """The shot as this variant frames it, and in words what it changed from the plan.

    0 is the plan. 1 is one size tighter (looser from CU in, where tighter loses the
    face's context), on the new size's usual lens. 2 keeps the size and moves the camera's
    height. Later variants mix the two by the variant's own seed.
    """
    if variant == 0:
        return shot, []
    rng = random.Random(variant * 104729 + 3)
    change_size = variant == 1 or (variant > 2 and rng.random() < 0.5)
    change_angle = variant == 2 or (variant > 2 and not change_size) or (variant > 2 and rng.random() < 0.5)
    update: dict = {}
    said = []
    if change_size:
        new = _other_size(shot.size)
        if new != shot.size:
            update.update(size=new, lens_mm=lens_for(new))
            said.append(f"size {shot.size} → {new} on {lens_for(new)} mm")
        elif shot.size == "INSERT":
            update.update(lens_mm=min(200, shot.lens_mm * 2))
            said.append(f"tighter on the prop: lens {shot.lens_mm} → {min(200, shot.lens_mm * 2)} mm")
    if change_angle:
        wide = (update.get("size") or shot.size) in ("EWS", "WS", "MWS", "TWO", "INSERT")
        new = ANGLE_ALTERNATIVE.get(shot.angle, "high" if wide else "low")
        update["angle"] = new
        said.append(f"angle {shot.angle.replace('_', ' ')} → {new.replace('_', ' ')}")
    said.append("composition slid " + ("right" if variant_offsets(variant)[1] > 0 else "left") + " along the thirds")
    return shot.model_copy(update=update), said


def _other_size(size: str) -> str:
    if size in SIZE_ALTERNATIVE:
        return SIZE_ALTERNATIVE[size]
    i = SIZE_LADDER.index(size)
    return SIZE_LADDER[i - 1] if size in ("CU", "ECU") else SIZE_LADDER[i + 1]


def in_shot(shot: Shot, cast: list[CharacterProfile]) -> list[CharacterProfile]:
    """The characters the frame must show, in the shot's order."""
    if shot.size == "INSERT":
        return []
    by_name = {}
    for profile in cast:
        by_name[profile.name.upper()] = profile
        for alias in profile.aliases:
            by_name.setdefault(alias.upper(), profile)
    seen: list[CharacterProfile] = []
    for subject in shot.subjects:
        profile = by_name.get(subject.upper())
        if profile is not None and profile not in seen:
            seen.append(profile)
    if shot.size == "POV" and seen:
        # The POV owner is behind the lens: we see what they see, not them.
        seen = seen[1:]
    if shot.size in ("CU", "ECU", "MCU") and seen:
        seen = seen[:1]
    return seen


def ots_foreground(shot: Shot, people: list[CharacterProfile]) -> CharacterProfile | None:
    """Whose shoulder we look over: the one named after 'over' in the description, else the second subject."""
    if shot.size != "OTS" or len(people) < 2:
        return None
    text = shot.description.upper()
    if " OVER " in f" {text} ":
        after = text.split("OVER", 1)[1]
        for profile in people:
            if profile.name.upper() in after:
                return profile
    return people[1]


def _block(shot: Shot, cast: list[CharacterProfile], camera: Camera, figure_height: float,
           eye_frac: float | None, foreshorten: float, height_jitter: float,
           third_jitter: float, angle_shift: float, step: float = 0.86) -> list[Blocking]:
    people = in_shot(shot, cast)
    if not people:
        return []
    width, height = camera.width, camera.height
    sides = _sides(shot, people)
    foreground = ots_foreground(shot, people)
    tallest = max(proportions(p)[0] for p in people if p is not foreground)
    if eye_frac is not None:
        # The shot size frames the tallest subject: a close-up of a child is as close as one of an adult.
        figure_height /= tallest
    marks: list[Blocking] = []
    per_side: dict[str, int] = {}
    for profile in people:
        side = sides[profile.name]
        slot = per_side.get(side, 0)
        per_side[side] = slot + 1
        third = {"left": 1 / 3, "right": 2 / 3, "centre": 0.5}[side]
        # A second character on the same third stands a step further away and outward.
        spread = (-1 if side == "left" else 1) * slot * 0.13
        x = (third + spread + third_jitter) * width
        h = figure_height * (step ** slot)  # a step back: smaller on a wide lens, near-equal on a long one
        facing = {"left": "right", "right": "left", "centre": "front"}[side]
        if eye_frac is None:
            feet = WIDE_FEET.get(shot.size, 0.86) * height + angle_shift * height * 0.35
            feet -= slot * 0.03 * height
        else:
            # Frame on the tallest subject's eyes; everyone shares its floor,
            # but a child or a dog is never left entirely below the frame.
            eye_y = (eye_frac + height_jitter * 0.5 + angle_shift * 0.25) * height
            feet = eye_y + h * tallest * 0.93
            feet = min(feet, 0.45 * height + h * proportions(profile)[0])
        if camera.top_down:
            # seen from above, "feet" is where the figure stands on the plan: stagger the rows
            feet = (0.5 + (0.12 if len(marks) % 2 else -0.08)) * height
        depth = 1
        if foreground is not None:
            if profile is foreground:
                # A shoulder and the back of a head in the lower corner, about a third of the
                # frame: big enough to place us behind them, never a wall in front of the face.
                h = figure_height * 1.2
                fg_side = -1 if side == "left" else 1
                x = (0.5 + fg_side * 0.41 + third_jitter) * width
                feet = (eye_frac + 0.2) * height + h * proportions(profile)[0] * 0.93
                facing, depth = "back", 2
            else:
                x = (0.5 + (0.17 if side == "right" else -0.17) + third_jitter) * width
        marks.append(Blocking(name=profile.name, x=x, feet_y=feet, height=h, facing=facing,
                              foreshorten=foreshorten, depth=depth))
    by_name = {p.name: p for p in people}
    if foreground is not None:
        marks = [_shoulder(m, by_name[m.name], width) if m.depth == 2 else m for m in marks]
    if not camera.top_down:
        if shot.size in SIDE_BY_SIDE:
            marks = _fit_sides(marks, by_name, camera, eye_frac)
        if eye_frac is None:
            marks = [_grounded(_readable(m, by_name[m.name], camera), by_name[m.name], camera) for m in marks]
    return sorted(marks, key=lambda m: (m.depth, -m.feet_y if m.depth < 2 else 0))


# The most of the frame's width an OTS shoulder may fill.
SHOULDER_SHARE = 0.36


def _shoulder(mark: Blocking, profile: CharacterProfile, width: int) -> Blocking:
    """Slide a broad OTS shoulder (a robot, a big coat) further off its edge until it fills
    no more than SHOULDER_SHARE of the width."""
    x0, _, x1, _ = _box(mark, profile)
    excess = min(x1, width) - max(x0, 0.0) - SHOULDER_SHARE * width
    if excess <= 0:
        return mark
    return replace(mark, x=mark.x - excess if mark.x < width / 2 else mark.x + excess)


def _box(mark: Blocking, profile: CharacterProfile) -> tuple[float, float, float, float]:
    return measure_figure(profile, mark.height, mark.facing, mark.foreshorten, mark.x, mark.feet_y)


def _fit_sides(marks: list[Blocking], people: dict[str, CharacterProfile], camera: Camera,
               eye_frac: float | None) -> list[Blocking]:
    """Keep everyone inside the frame's sides, as an operator would: slide the group in
    if it fits, else ease the lens out (zoom about the eye line or the horizon)."""
    width, height = camera.width, camera.height
    low, high = SIDE_MARGIN * width, (1 - SIDE_MARGIN) * width
    marks = _separate(marks, people, width)
    boxes = [_box(m, people[m.name]) for m in marks]
    widest = max(b[2] - b[0] for b in boxes)
    span = max(b[2] for b in boxes) - min(b[0] for b in boxes)
    zoom = min(1.0, (high - low) / span if span > 0 else 1.0)
    zoom = min(zoom, (MAX_SHARE if len(marks) > 1 else MAX_SHARE_ALONE) * width / widest)
    if zoom < 1.0:
        zoom *= 0.98
        anchor_y = camera.horizon if eye_frac is None else eye_frac * height
        marks = [replace(m, x=width / 2 + (m.x - width / 2) * zoom, feet_y=anchor_y + (m.feet_y - anchor_y) * zoom,
                         height=m.height * zoom) for m in marks]
        boxes = [_box(m, people[m.name]) for m in marks]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    slide = (low - left) if left < low else (high - right) if right > high else 0.0
    return [replace(m, x=m.x + slide) for m in marks] if slide else marks


def _separate(marks: list[Blocking], people: dict[str, CharacterProfile], width: int) -> list[Blocking]:
    """Neighbours must not stand inside each other: a big dog facing a girl reaches toward
    her, a robot beside a man covers his coat. Walking left to right, each figure steps
    clear of the one before it: fully apart across the frame's middle, overlapping by at
    most a third of the narrower one on the same side (one a step behind the other)."""
    order = sorted(range(len(marks)), key=lambda i: marks[i].x)
    placed = list(marks)
    for previous, current in zip(order, order[1:]):
        a, b = placed[previous], placed[current]
        box_a, box_b = _box(a, people[a.name]), _box(b, people[b.name])
        across = (a.x < width / 2) != (b.x < width / 2)
        allowed = -0.02 * width if across else min(box_a[2] - box_a[0], box_b[2] - box_b[0]) / 3
        overlap = box_a[2] - box_b[0] - allowed
        if overlap > 0:
            # Move the right-hand one; the side fit afterwards re-centres the group.
            for i in order[order.index(current):]:
                placed[i] = replace(placed[i], x=placed[i].x + overlap)
    return placed


def _readable(mark: Blocking, profile: CharacterProfile, camera: Camera) -> Blocking:
    """A figure in a wide shot is drawn at least MIN_FIGURE of the frame tall."""
    x0, y0, x1, y1 = _box(mark, profile)
    floor = MIN_FIGURE * camera.unit
    return replace(mark, height=mark.height * floor / (y1 - y0)) if 0 < y1 - y0 < floor else mark


def _grounded(mark: Blocking, profile: CharacterProfile, camera: Camera) -> Blocking:
    """Feet on the ground below the horizon and inside the frame, where they can be seen.

    The frame's edge wins over the horizon: if both cannot hold (a worm's-eye horizon
    under the frame), frame_camera lifts the horizon to the feet instead.
    """
    height = camera.height
    lowest = height * (1 - FOOT_MARGIN)
    feet = min(max(mark.feet_y, camera.horizon + 0.025 * height), lowest)
    return replace(mark, feet_y=feet) if feet != mark.feet_y else mark


def _sides(shot: Shot, people: list[CharacterProfile]) -> dict[str, str]:
    """Screen side per character: the shot's screen_side, else spread across the thirds."""
    given = {name.upper(): side for name, side in shot.screen_side.items()}
    sides: dict[str, str] = {}
    for index, profile in enumerate(people):
        side = given.get(profile.name.upper())
        if side is None:
            if len(people) == 1:
                side = "centre" if shot.size in ("ECU",) else ("left" if index % 2 == 0 else "right")
            else:
                side = "left" if index % 2 == 0 else "right"
        sides[profile.name] = side
    if shot.size == "OTS" and len(people) >= 2 and len(set(sides.values())) == 1:
        # OTS needs the pair on opposite sides or the shoulder hides the face.
        sides[people[1].name] = "right" if sides[people[0].name] == "left" else "left"
    return sides
