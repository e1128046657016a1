"""Fitting shot lengths to the beat grid: cuts on beats, on frames, in range, on time."""

import numpy as np
import pytest

from tools.errors import BadInput
from tools.timeline.fit import cut_offsets, fit_to_beats, snap_to_beat

FPS = 24


def _whole_frames(durations):
    return all(abs(d * FPS - round(d * FPS)) < 1e-6 for d in durations)


def test_cuts_land_on_a_regular_grid_in_range_and_on_time():
    beats = list(np.arange(0, 40, 0.5))  # 120 bpm
    planned = [("1.1", 2.3, 1.5, 3.5), ("1.2", 3.1, 2.0, 4.0), ("2.1", 1.7, 1.0, 2.5), ("2.2", 4.2, 3.0, 6.0)]
    durations = fit_to_beats(planned, beats, start_s=2.0)
    assert len(durations) == 4 and _whole_frames(durations)
    assert max(cut_offsets(durations, beats, 2.0)) < 1e-6  # beats at 0.5 s are whole frames
    for d, (_, _, lo, hi) in zip(durations, planned):
        assert lo <= d <= hi
    assert abs(sum(durations) - sum(p for _, p, _, _ in planned)) <= 0.25  # within half a beat
    # Each shot takes the beat nearest its own plan (2.3 -> 2.5, 3.1 -> 3.0, 1.7 -> 1.5); the last
    # takes 4.5 over 4.0 because it brings the running time back to 11.5 s against 11.3 planned.
    assert durations == [2.5, 3.0, 1.5, 4.5]


def test_off_frame_irregular_beats_stay_within_a_frame():
    rng = np.random.default_rng(3)
    beats = list(np.cumsum(rng.normal(60 / 97, 0.01, 120)) + 0.113)  # a live drummer at 97 bpm
    planned = [(f"{i}.1", float(p), 1.5, 6.0) for i, p in enumerate(rng.uniform(2, 5, 15), 1)]
    start = snap_to_beat(3.0, beats)
    durations = fit_to_beats(planned, beats, start_s=start)
    assert _whole_frames(durations)
    assert np.mean(cut_offsets(durations, beats, start)) <= 1 / FPS / 2 + 1e-9
    assert abs(sum(durations) - sum(p for _, p, _, _ in planned)) <= 60 / 97


def test_tight_ranges_are_honoured_over_the_plan():
    beats = list(np.arange(0, 30, 0.5))
    durations = fit_to_beats([("a", 2.0, 3.0, 3.4), ("b", 5.0, 1.0, 1.2)], beats, start_s=0.0)
    assert durations == [3.0, 1.0]


def test_total_running_time_does_not_drift():
    beats = list(np.arange(0, 120, 60 / 128))
    planned = [(f"s{i}", 3.7, 2.0, 6.0) for i in range(15)]  # each 3.7 s wants 7.9 beats: rounding would drift
    durations = fit_to_beats(planned, beats, start_s=snap_to_beat(3, beats))
    assert abs(sum(durations) - 15 * 3.7) <= 60 / 128 / 2 + 1 / FPS


def test_sparse_beats_still_cut_on_beats_when_no_length_fits():
    beats = list(np.arange(0, 30, 2.0))  # a beat every 2 s, shots that want under a second
    durations = fit_to_beats([("a", 0.8, 0.5, 1.0), ("b", 0.8, 0.5, 1.0)], beats, start_s=0.0)
    assert durations == [2.0, 2.0]
    assert max(cut_offsets(durations, beats, 0.0)) < 1e-9


def test_music_shorter_than_the_film_extends_the_grid():
    beats = list(np.arange(0, 6, 0.5))  # the music stops at 6 s
    durations = fit_to_beats([("a", 4.0, 2, 6), ("b", 4.0, 2, 6), ("c", 4.0, 2, 6)], beats, start_s=1.0)
    assert durations == [4.0, 4.0, 4.0]


def test_no_beats_keeps_the_plan_on_whole_frames():
    durations = fit_to_beats([("a", 2.01, 1, 3), ("b", 9.0, 1, 4)], [], start_s=0.0)
    assert durations == [48 / 24, 4.0]


def test_bad_ranges_are_bad_input():
    with pytest.raises(BadInput, match="shot b"):
        fit_to_beats([("a", 2, 1, 3), ("b", 2, 3, 1)], [0.5, 1.0], 0.0)
    with pytest.raises(BadInput):
        fit_to_beats([("a", 0, 1, 3)], [0.5, 1.0], 0.0)
    assert fit_to_beats([], [0.5], 0.0) == []
