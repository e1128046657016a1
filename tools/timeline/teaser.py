"""The teaser: the film's strongest moments, in story order, cut faster, in thirty seconds.

Strength comes from the script's mood curve: a shot in an intense scene, in
the climax, or in a scene of strong feeling (either way) plays before a calm
one; moving and close shots carry more energy than static wide ones; shots
of the resolution are held back so the teaser does not give the ending away.
A shot whose dialogue cannot be read at teaser speed stays out.

Each teaser shot is a short excerpt from the middle of its clip (where the
camera move travels fastest), with cuts on the same beat grid as the film.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from graph.state import Clip, Cut, ScriptReport, Shot
from tools.errors import BadInput
from tools.timeline.fit import fit_to_beats, snap_to_beat
from tools.timeline.waste import reading_time

TEASER_MAX_S = 30.0
TEASER_TITLE_S = 2.0
TEASER_END_S = 2.0
SHORTEST_EXCERPT_S = 0.75     # shorter than this a shot is a flash, not a moment
BEATS_PER_SHOT = 2            # teasers cut about twice as often as the narrative film
MOST_OF_CLIP = 0.8            # an excerpt is a part of its shot, never the whole of it
SHARE_OF_SHOTS = 0.5          # a teaser that shows everything is a recap, not a teaser

ROLE_WEIGHT = {"climax": 0.6, "inciting incident": 0.3, "rising action": 0.15, "resolution": -0.5}
CLOSE_SIZES = {"CU", "ECU", "MCU"}


@dataclass
class TeaserPlan:
    """The teaser as cuts on the film's beat grid.

    Cut.clip still names the full clip; source_in_s says where in it each excerpt
    starts (the Cut model has no source in-point yet).
    """

    cuts: list[Cut]
    source_in_s: dict[str, float] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    left_out: dict[str, str] = field(default_factory=dict)

    @property
    def duration_s(self) -> float:
        return self.cuts[-1].record_in_s + self.cuts[-1].duration_s if self.cuts else 0.0


def shot_strength(shot: Shot, report: ScriptReport | None) -> float:
    """How strongly a shot sells the film: its scene's intensity and feeling, its place in the
    structure, and the energy of its framing and move."""
    mood = {m.scene: m for m in (report.mood_curve if report else [])}
    roles = {s.index: s.role.lower() for s in (report.scenes if report else [])}
    peak = max((m.intensity for m in mood.values()), default=0.0)
    point = mood.get(shot.scene)
    score = 0.0
    if point is not None:
        score += point.intensity / peak if peak > 0 else 0.0
        score += 0.3 * min(1.0, abs(point.valence))
    score += ROLE_WEIGHT.get(roles.get(shot.scene, ""), 0.0)
    score += 0.2 if shot.movement != "static" else 0.0
    score += 0.1 if shot.size in CLOSE_SIZES else 0.0
    return round(score, 4)


def _excerpt_range(shot: Shot, clip_s: float, beat_s: float) -> tuple[float, float, float]:
    """(planned, shortest, longest) seconds for a shot's excerpt: about two beats, long enough
    to read its line, and a true part of its clip."""
    read = reading_time(shot)
    planned = min(max(BEATS_PER_SHOT * beat_s, 1.2), 2.2)
    shortest = max(SHORTEST_EXCERPT_S, read)
    longest = min(clip_s * MOST_OF_CLIP, max(shortest + 0.75, 3.0))
    return min(max(planned, shortest), longest), min(shortest, longest), longest


def teaser_cuts(shots: list[Shot], clips: dict[str, Clip], report: ScriptReport | None, beats_s: list[float],
                title_card: str, end_card: str, dropped: set[str] | frozenset[str] = frozenset(),
                max_s: float = TEASER_MAX_S, fps: int = 24) -> TeaserPlan:
    """Choose the strongest shots, keep them in script order, and cut them on the beat grid
    between a title and an end card, the whole teaser at most max_s seconds."""
    if max_s < TEASER_TITLE_S + TEASER_END_S + SHORTEST_EXCERPT_S:
        raise BadInput(f"a teaser needs at least {TEASER_TITLE_S + TEASER_END_S + 1:.0f} s, not {max_s}")
    beats = sorted(b for b in beats_s if math.isfinite(b))
    beat_s = (beats[-1] - beats[0]) / (len(beats) - 1) if len(beats) >= 2 else 0.5
    order = {s.id: i for i, s in enumerate(shots)}
    plan = TeaserPlan(cuts=[])
    eligible: list[tuple[Shot, tuple[float, float, float]]] = []
    for shot in shots:
        clip = clips.get(shot.id)
        if shot.id in dropped or clip is None:
            plan.left_out[shot.id] = "not in the film"
            continue
        planned, shortest, longest = _excerpt_range(shot, clip.duration_s, beat_s)
        if reading_time(shot) > longest:
            plan.left_out[shot.id] = "too much dialogue to read at teaser speed"
            continue
        plan.scores[shot.id] = shot_strength(shot, report)
        eligible.append((shot, (planned, shortest, longest)))
    if not eligible:
        raise BadInput("no shot can go into a teaser: every shot was dropped or has too much dialogue")

    title_s = max(1.0, snap_to_beat(TEASER_TITLE_S, [b for b in beats if b >= 1.0], fps))
    room = max_s - title_s - TEASER_END_S
    mean_s = sum(r[0] for _, r in eligible) / len(eligible)
    count = max(1, min(len(eligible), int(room // mean_s), math.ceil(len(eligible) * SHARE_OF_SHOTS)))
    ranked = sorted(eligible, key=lambda e: (-plan.scores[e[0].id], order[e[0].id]))
    chosen = ranked[:count]
    while True:
        chosen.sort(key=lambda e: order[e[0].id])
        durations = fit_to_beats([(s.id, *r) for s, r in chosen], beats, title_s, fps)
        end_s = _end_length(title_s + sum(durations), beats, max_s, fps)
        if title_s + sum(durations) + end_s <= max_s + 1e-6 or len(chosen) == 1:
            break
        weakest = min(chosen, key=lambda e: (plan.scores[e[0].id], -order[e[0].id]))
        chosen.remove(weakest)
    if title_s + sum(durations) + end_s > max_s + 1e-6:
        raise BadInput(f"no teaser of at most {max_s:.0f} s fits this film's shots")
    kept = {s.id for s, _ in chosen}
    for shot, _ in eligible:
        if shot.id not in kept:
            plan.left_out[shot.id] = f"weaker than the shots kept (strength {plan.scores[shot.id]:.2f})"

    cuts = [Cut(shot_id="title", clip=title_card, record_in_s=0.0, duration_s=title_s)]
    at = title_s
    for (shot, _), length in zip(chosen, durations):
        clip = clips[shot.id]
        spare = max(0.0, clip.duration_s - length)
        plan.source_in_s[shot.id] = round(spare / 2 * fps) / fps  # the middle of the move
        line = shot.dialogue if shot.dialogue and reading_time(shot) <= length else None
        cuts.append(Cut(shot_id=shot.id, clip=clip.path, record_in_s=round(at, 4), duration_s=length, dialogue=line))
        at += length
    cuts.append(Cut(shot_id="end", clip=end_card, record_in_s=round(at, 4), duration_s=end_s))
    plan.cuts = cuts
    return plan


def _end_length(at_s: float, beats: list[float], max_s: float, fps: int) -> float:
    """The end card runs to the beat nearest TEASER_END_S later, so the teaser ends on the music;
    when that beat would pass max_s, to the last frame that fits."""
    later = [b - at_s for b in beats if b - at_s >= 1.0]
    length = min(later, key=lambda d: abs(d - TEASER_END_S)) if later else TEASER_END_S
    length = round(length * fps) / fps
    if at_s + length > max_s:
        length = math.floor((max_s - at_s) * fps) / fps
    return max(length, 1.0)
