"""Waste removal: what an editor leaves on the cutting-room floor, and why.

Three kinds of waste are cut from the draft:
- a shot whose storyboard frame QC flagged in every variant scored (a drifting
  character is worse than a missing shot); when another variant passed QC,
  that variant plays instead;
- a shot whose clip failed to render (the film is made without it, and the
  reason is kept in `Edit.dropped`);
- a hold longer than the shot needs: long enough to read its dialogue, never
  a dead still on screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph.state import Cut, Frame, Shot
from tools.motion.camera import ClipJob, clip_is_current, clip_key, render_clip
from tools.motion.encode import sweep_scratch

WORDS_PER_S = 2.5          # a comfortable subtitle reading rate
READ_MARGIN_S = 0.6        # time to find the subtitle before reading it
SHORTEST_S = 1.5           # under this a shot reads as a flash frame in a narrative cut
DEAD_HOLD_S = 4.0          # a still that neither moves nor speaks says all it has by then


def dialogue_words(shot: Shot) -> int:
    """Words heard over the shot, not counting the 'NAME:' cues."""
    return len(re.findall(r"\w+", re.sub(r"^[A-Z .'-]+:", "", shot.dialogue or "", flags=re.M)))


def reading_time(shot: Shot) -> float:
    """Seconds a viewer needs to read the shot's subtitles (0 with no dialogue)."""
    words = dialogue_words(shot)
    return words / WORDS_PER_S + READ_MARGIN_S if words else 0.0


def readable_range(shot: Shot) -> tuple[float, float]:
    """Shortest and longest a shot can play: long enough to read its dialogue, never a dead hold.

    A static shot with no dialogue is a still picture with nothing happening in it, so it
    is held at most a quarter past its plan and never past DEAD_HOLD_S (unless its plan
    asks for longer, in which case the plan is the limit); anything that moves or speaks
    may stretch to 1.6x its plan to land on the beat.
    """
    shortest = max(SHORTEST_S, reading_time(shot))
    if shot.movement == "static" and not dialogue_words(shot):
        # The range stays a beat or more wide, or no beat grid could land the cut inside it.
        return shortest, max(shortest + 1.0, min(shot.duration_s * 1.25, max(DEAD_HOLD_S, shot.duration_s)))
    return shortest, max(shortest + 0.5, shot.duration_s * 1.6, 2.5)


# --------------------------------------------------------------------------- flagged frames


@dataclass(frozen=True)
class FrameVerdict:
    """QC's verdict on one frame variant (from qc/report.json or a fresh score)."""

    shot_id: str
    variant: int
    flagged: bool
    reasons: tuple[str, ...] = ()


@dataclass
class Selection:
    """Which frame each shot plays with, and the shots left out with why."""

    variants: dict[str, int] = field(default_factory=dict)
    swapped: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, str] = field(default_factory=dict)


def choose_usable_frames(shots: list[Shot], frames: dict[str, list[Frame]], chosen: dict[str, int],
                         verdicts: list[FrameVerdict]) -> Selection:
    """Keep each shot's chosen frame unless QC flagged it; then take a variant QC passed,
    or drop the shot when every variant scored was flagged (or it has no frame at all).

    A variant with no verdict was not measured and counts as usable.
    """
    by_frame = {(v.shot_id, v.variant): v for v in verdicts}
    selection = Selection()
    for shot in shots:
        options = frames.get(shot.id) or []
        if not options:
            selection.dropped[shot.id] = "no storyboard frame"
            continue
        pick = chosen.get(shot.id, 0)
        pick = pick if 0 <= pick < len(options) else 0
        verdict = by_frame.get((shot.id, options[pick].variant))
        if verdict is None or not verdict.flagged:
            selection.variants[shot.id] = pick
            continue
        passing = [i for i, f in enumerate(options)
                   if i != pick and (shot.id, f.variant) in by_frame and not by_frame[(shot.id, f.variant)].flagged]
        if passing:
            selection.variants[shot.id] = selection.swapped[shot.id] = passing[0]
            continue
        why = "; ".join(verdict.reasons[:2]) or "QC flagged the frame"
        selection.dropped[shot.id] = f"every storyboard variant flagged by QC ({why})"
    return selection


# --------------------------------------------------------------------------- failed clips


def render_or_drop(jobs: list[ClipJob], workers: int = 2,
                   on_done: Callable[[ClipJob], None] | None = None) -> dict[str, str]:
    """Render every clip job side by side; a job that fails costs only its own shot.

    Returns {shot_id: why} for the clips that could not be made (their partial files
    are already gone: the encoder writes through a temp file).
    """
    for folder in {Path(job.out_path).parent for job in jobs}:
        sweep_scratch(folder)
    pending = [job for job in jobs if not (Path(job.frame_path).is_file() and clip_is_current(
        job.out_path, clip_key(job.frame_path, job.movement, job.duration_s, job.fps, job.size, job.seed)))]
    threads = max(1, workers) if len(pending) == 1 else 1  # one changed shot gets every core
    failed: dict[str, str] = {}

    def one(job: ClipJob) -> None:
        try:
            render_clip(job.frame_path, job.movement, job.duration_s, job.out_path, job.fps, job.size, job.seed,
                        threads)
        except Exception as error:  # noqa: BLE001 - any failure of one clip is that shot's waste, not the film's
            failed[job.shot_id or Path(job.out_path).stem] = f"clip failed to render ({_one_line(error)})"
        if on_done is not None:
            on_done(job)

    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            one(job)
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="clip") as pool:
            list(pool.map(one, jobs))
    return failed


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:160]


def close_gaps(cuts: list[Cut], dropped: set[str]) -> list[Cut]:
    """The cut without the dropped shots, every later event moved up to close the hole.

    A dropped shot's length is a whole number of beats on the grid it was fitted to,
    so on a steady tempo the later cuts still land on beats.
    """
    kept, clock = [], cuts[0].record_in_s if cuts else 0.0
    for cut in cuts:
        if cut.shot_id in dropped:
            continue
        kept.append(cut.model_copy(update={"record_in_s": round(clock, 4)}))
        clock += cut.duration_s
    return kept
