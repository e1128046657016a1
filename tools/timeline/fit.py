"""Cutting to the music: choose each cut point on a beat, at a frame boundary.

The editor's plan gives every shot a planned length and a range it can live
with. A dynamic programme walks the beat grid and picks, for each shot, the
beat its cut lands on, so that lengths stay in range, each shot stays close to
its plan, and the film's running time stays close to the planned total.
"""

from __future__ import annotations

import numpy as np

from tools.errors import BadInput

OUT_OF_RANGE = 100.0  # cost of one shot outside [min, max]: only taken when nothing else fits


def _beat_frames(beats_s: list[float], start_frame: int, horizon_s: float, fps: int) -> np.ndarray:
    """Beat positions as frame numbers after the start, the grid extended past the music's end."""
    beats = np.unique(np.asarray([b for b in beats_s if np.isfinite(b)], dtype=float))
    if beats.size >= 2:
        step = float(np.median(np.diff(beats)))
        if step > 0 and beats[-1] < horizon_s:
            extra = beats[-1] + step * np.arange(1, int((horizon_s - beats[-1]) / step) + 2)
            beats = np.concatenate([beats, extra])
    frames = np.unique(np.round(beats * fps).astype(int))
    return frames[frames > start_frame]


def _frame_fit(planned: list[tuple[str, float, float, float]], fps: int) -> list[float]:
    """No usable beat grid: keep the plan, on whole frames, inside each shot's range."""
    return [float(max(1, round(min(max(p, lo), hi) * fps)) / fps) for _, p, lo, hi in planned]


def fit_to_beats(planned: list[tuple[str, float, float, float]], beats_s: list[float], start_s: float,
                 fps: int = 24) -> list[float]:
    """Durations (whole frames) for shots (shot_id, planned_s, min_s, max_s) starting at start_s,
    each cut on the frame nearest a beat, lengths within [min, max] when possible, total near plan."""
    for shot_id, p, lo, hi in planned:
        if not (p > 0 and 0 < lo <= hi):
            raise BadInput(f"shot {shot_id}: need 0 < min <= max and planned > 0, got {p}, {lo}, {hi}")
    if not planned:
        return []
    start_frame = int(round(start_s * fps))
    target_total = sum(p for _, p, _, _ in planned)
    horizon = start_s + sum(max(p, hi) for _, p, _, hi in planned) + 5.0
    cuts = _beat_frames(beats_s, start_frame, horizon, fps)
    if cuts.size < len(planned):
        return _frame_fit(planned, fps)

    n, m = len(planned), cuts.size
    positions = np.concatenate([[start_frame], cuts])  # node 0 is the start, node j>0 is beat j-1
    inf = np.inf
    cost = np.full((n + 1, m + 1), inf)
    back = np.zeros((n + 1, m + 1), dtype=int)
    cost[0, 0] = 0.0
    for i, (_, p, lo, hi) in enumerate(planned, start=1):
        for j in range(i, m + 1):
            prev = cost[i - 1, :j]
            if not np.isfinite(prev).any():
                continue
            length = (positions[j] - positions[:j]) / fps
            shot_cost = ((length - p) / p) ** 2
            outside = (length < lo - 1e-9) | (length > hi + 1e-9)
            shot_cost = shot_cost + outside * (OUT_OF_RANGE + (np.maximum(lo - length, length - hi) / p) ** 2)
            total = prev + shot_cost
            k = int(np.argmin(total))
            cost[i, j], back[i, j] = total[k], k
    # Running time: a drift of one average shot counts like one shot missing its plan entirely.
    mean_shot = target_total / n
    drift = ((positions - start_frame) / fps - target_total) / mean_shot
    final = cost[n] + drift ** 2
    j = int(np.argmin(final))
    nodes = [j]
    for i in range(n, 0, -1):
        j = back[i, j]
        nodes.append(j)
    nodes.reverse()
    return [float((positions[b] - positions[a]) / fps) for a, b in zip(nodes, nodes[1:])]


def snap_to_beat(t_s: float, beats_s: list[float], fps: int = 24) -> float:
    """The frame-aligned time of the beat nearest t_s (for a title card's length, say)."""
    if not beats_s:
        return round(t_s * fps) / fps
    beats = np.asarray(beats_s, dtype=float)
    return round(float(beats[np.argmin(np.abs(beats - t_s))]) * fps) / fps


def cut_offsets(durations: list[float], beats_s: list[float], start_s: float) -> list[float]:
    """|cut - nearest beat| in seconds for each cut after start_s (how well a cut sits on the music)."""
    if not beats_s:
        return []
    beats = np.asarray(beats_s, dtype=float)
    cuts = start_s + np.cumsum(durations)
    return [float(np.abs(beats - c).min()) for c in cuts]
