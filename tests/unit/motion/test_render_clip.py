"""Rendering clips: exact length, visible moves in the right direction, byte-stable and cached."""

import os
import threading

import cv2
import numpy as np
import pytest

from graph.state import MOVEMENTS
from tools.errors import BadInput
from tools.motion.camera import ClipJob, render_clip, render_clips
from tools.timeline.probe import probe_media

SIZE = (320, 180)


def _shift(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """How far the picture content moved from a to b, in pixels (+x right, +y down)."""
    ga = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY).astype(np.float32)
    gb = cv2.cvtColor(b, cv2.COLOR_RGB2GRAY).astype(np.float32)
    (dx, dy), _ = cv2.phaseCorrelate(ga, gb)
    return dx, dy


def _spread(frame: np.ndarray) -> float:
    """Mean gradient energy: a punched-in frame shows fewer, larger shapes, so lower energy."""
    g = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY).astype(np.float32)
    return float(np.abs(cv2.Sobel(g, cv2.CV_32F, 1, 0)).mean())


@pytest.fixture(scope="module")
def clips(tmp_path_factory, make_frame):
    """Every movement rendered once from the same frame (half a second, 12 frames)."""
    folder = tmp_path_factory.mktemp("clips")
    frame = make_frame(folder / "frame.png", SIZE)
    jobs = [ClipJob(frame, m, 0.5, folder / f"{m}.mp4", 24, SIZE, seed=2) for m in MOVEMENTS]
    render_clips(jobs, workers=2)
    return folder


@pytest.mark.parametrize("movement", MOVEMENTS)
def test_every_movement_has_exact_frames_and_moves(clips, read_frames, movement):
    path = clips / f"{movement}.mp4"
    facts = probe_media(path)
    assert facts["video_codec"] == "h264" and not facts["has_audio"]
    assert (facts["width"], facts["height"], facts["fps"]) == (320, 180, 24.0)
    frames = read_frames(path, SIZE)
    assert len(frames) == facts["frames"] == 12
    change = np.abs(frames[0].astype(int) - frames[-1].astype(int)).mean()
    if movement == "static":
        assert change < 1.0
    else:
        assert change > 4.0, f"{movement} barely moved ({change:.2f})"


def test_moves_read_the_right_way_on_screen(clips, read_frames):
    def first_last(m):
        frames = read_frames(clips / f"{m}.mp4", SIZE)
        return frames[0], frames[-1]

    # The camera pans left, so the scene slides right across the screen.
    assert _shift(*first_last("pan_left"))[0] > 3
    assert _shift(*first_last("pan_right"))[0] < -3
    assert _shift(*first_last("truck_left"))[0] > 3
    assert _shift(*first_last("tilt_up"))[1] > 3
    assert _shift(*first_last("tilt_down"))[1] < -3
    assert _shift(*first_last("pedestal_up"))[1] > 3
    a, b = first_last("dolly_in")
    assert _spread(b) < _spread(a)  # pushed in: bigger, fewer shapes
    a, b = first_last("zoom_out")
    assert _spread(b) > _spread(a)


def test_dolly_zoom_holds_the_subject_while_the_background_stretches(clips, read_frames):
    frames = read_frames(clips / "dolly_zoom.mp4", SIZE).astype(int)
    first, last = frames[0], frames[-1]
    centre = np.abs(first[60:120, 120:200] - last[60:120, 120:200]).mean()
    edges = np.abs(first[:, :40] - last[:, :40]).mean() + np.abs(first[:, -40:] - last[:, -40:]).mean()
    assert edges / 2 > 3 * centre, (centre, edges)


def test_identical_inputs_give_identical_bytes_and_a_cache_hit(tmp_path, make_frame):
    frame = make_frame(tmp_path / "f.png", SIZE)
    one = render_clip(frame, "arc_left", 0.4, tmp_path / "one.mp4", size=SIZE)
    two = render_clip(frame, "arc_left", 0.4, tmp_path / "two.mp4", size=SIZE)
    assert one.read_bytes() == two.read_bytes()

    stamp = os.stat(one).st_mtime_ns
    render_clip(frame, "arc_left", 0.4, one, size=SIZE)
    assert os.stat(one).st_mtime_ns == stamp  # cache hit: not rewritten

    render_clip(frame, "arc_right", 0.4, one, size=SIZE)  # another move: rendered again
    assert os.stat(one).st_mtime_ns != stamp and one.read_bytes() != two.read_bytes()

    two.write_bytes(b"damaged")  # a clip that is not what its key says is made again
    render_clip(frame, "arc_left", 0.4, two, size=SIZE)
    assert two.read_bytes() == render_clip(frame, "arc_left", 0.4, tmp_path / "three.mp4", size=SIZE).read_bytes()
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]


def test_frame_of_another_size_still_fills_the_picture(tmp_path, make_frame, read_frames):
    frame = make_frame(tmp_path / "tall.png", (200, 300))
    clip = render_clip(frame, "dolly_in", 0.25, tmp_path / "c.mp4", size=SIZE)
    frames = read_frames(clip, SIZE)
    assert len(frames) == 6 and frames.shape[1:3] == (180, 320)


def test_parallel_render_reports_each_job(tmp_path, make_frame):
    frame = make_frame(tmp_path / "f.png", SIZE)
    jobs = [ClipJob(frame, m, 0.25, tmp_path / f"{i}.mp4", 24, SIZE) for i, m in
            enumerate(["zoom_in", "pan_left", "handheld"])]
    done, lock = [], threading.Lock()

    def on_done(job):
        with lock:
            done.append(job.movement)

    paths = render_clips(jobs, workers=2, on_done=on_done)
    assert paths == [j.out_path for j in jobs] and sorted(done) == sorted(j.movement for j in jobs)


def test_bad_frames_and_lengths_are_bad_input(tmp_path):
    with pytest.raises(BadInput):
        render_clip(tmp_path / "missing.png", "static", 1.0, tmp_path / "x.mp4", size=SIZE)
    (tmp_path / "junk.png").write_bytes(b"not a png")
    with pytest.raises(BadInput):
        render_clip(tmp_path / "junk.png", "static", 1.0, tmp_path / "x.mp4", size=SIZE)
    with pytest.raises(BadInput):
        render_clip(tmp_path / "junk.png", "static", 0.0, tmp_path / "x.mp4", size=SIZE)
    assert not (tmp_path / "x.mp4").exists()


def test_changing_one_shot_renders_only_that_clip(tmp_path, make_frame):
    frame = make_frame(tmp_path / "f.png", SIZE)
    jobs = [ClipJob(frame, m, 0.25, tmp_path / f"{i}.mp4", 24, SIZE) for i, m in
            enumerate(["zoom_in", "pan_left", "tilt_up"])]
    render_clips(jobs, workers=2)
    stamps = [os.stat(j.out_path).st_mtime_ns for j in jobs]
    jobs[1] = ClipJob(frame, "pan_right", 0.25, tmp_path / "1.mp4", 24, SIZE)
    finished = []
    render_clips(jobs, workers=2, on_done=lambda job: finished.append(job.movement))
    assert sorted(finished) == ["pan_right", "tilt_up", "zoom_in"]  # progress covers cache hits too
    after = [os.stat(j.out_path).st_mtime_ns for j in jobs]
    assert after[0] == stamps[0] and after[2] == stamps[2] and after[1] != stamps[1]
    assert probe_media(jobs[1].out_path)["frames"] == 6


def test_leftovers_of_a_killed_render_are_swept_but_live_ones_kept(tmp_path, make_frame):
    import subprocess
    import sys

    from tools.motion.encode import scratch_path, sweep_scratch

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f".1.1.{gone.stdout.strip()}-1-abcdef.part.mp4"
    dead.write_bytes(b"half a clip")
    alive = scratch_path(tmp_path / "2.1.mp4")  # this process: still writing
    alive.write_bytes(b"in progress")
    frame = make_frame(tmp_path / "f.png", SIZE)
    render_clips([ClipJob(frame, "static", 0.1, tmp_path / "3.1.mp4", 24, SIZE)])
    assert not dead.exists() and alive.exists()
    assert sweep_scratch(tmp_path) == 0
