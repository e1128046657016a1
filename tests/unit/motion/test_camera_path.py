"""The camera path: eased, deterministic, and never showing past the frame's edge."""

import numpy as np
import pytest

from graph.state import MOVEMENTS
from tools.errors import BadInput
from tools.motion.camera import camera_path

W, H = 1280, 720


@pytest.mark.parametrize("movement", MOVEMENTS)
def test_view_never_leaves_the_frame(movement):
    for t in np.linspace(0, 1, 41):
        corners = camera_path(movement, float(t), seed=3, duration_s=6).view_corners(W, H)
        assert corners[:, 0].min() >= -0.5 and corners[:, 0].max() <= W + 0.5, (movement, t)
        assert corners[:, 1].min() >= -0.5 and corners[:, 1].max() <= H + 0.5, (movement, t)


@pytest.mark.parametrize("movement", [m for m in MOVEMENTS if m not in ("static", "handheld")])
def test_moves_start_and_land_gently(movement):
    def speed(t0, t1):
        a, b = camera_path(movement, t0), camera_path(movement, t1)
        return abs(a.scale - b.scale) + abs(a.x - b.x) + abs(a.y - b.y) + abs(a.rotation_deg - b.rotation_deg) / 100

    start, end = camera_path(movement, 0.0), camera_path(movement, 1.0)
    assert start != end
    # Eased: the first and last 2 % of the shot move far less than the middle 2 % (linear: equal).
    assert speed(0.0, 0.02) < 0.3 * speed(0.49, 0.51)
    assert speed(0.98, 1.0) < 0.2 * speed(0.49, 0.51)


def test_directions_follow_camera_language():
    assert camera_path("pan_left", 1).x < camera_path("pan_left", 0).x
    assert camera_path("pan_right", 1).x > camera_path("pan_right", 0).x
    assert camera_path("tilt_up", 1).y < camera_path("tilt_up", 0).y
    assert camera_path("pedestal_down", 1).y > camera_path("pedestal_down", 0).y
    assert camera_path("crane_up", 1).y < camera_path("crane_up", 0).y
    assert camera_path("crane_up", 1).scale < camera_path("crane_up", 0).scale  # rising reveals more
    assert camera_path("dolly_in", 1).scale > camera_path("dolly_in", 0).scale
    assert camera_path("zoom_out", 1).scale < camera_path("zoom_out", 0).scale
    arc = camera_path("arc_left", 1), camera_path("arc_left", 0)
    assert arc[0].rotation_deg != arc[1].rotation_deg and arc[0].x != arc[1].x
    vertigo = camera_path("dolly_zoom", 1)
    assert vertigo.background_scale - camera_path("dolly_zoom", 0).background_scale > 0.2
    assert vertigo.scale - camera_path("dolly_zoom", 0).scale < 0.05  # the subject holds its size
    assert camera_path("static", 0.5) == camera_path("static", 0.0)


def test_handheld_is_smooth_deterministic_and_seeded():
    fps, dur = 24, 5.0
    path = [camera_path("handheld", i / (fps * dur), seed=4, duration_s=dur) for i in range(int(fps * dur) + 1)]
    again = [camera_path("handheld", i / (fps * dur), seed=4, duration_s=dur) for i in range(int(fps * dur) + 1)]
    other = [camera_path("handheld", i / (fps * dur), seed=5, duration_s=dur) for i in range(int(fps * dur) + 1)]
    assert path == again and path != other
    xs = np.array([p.x for p in path])
    assert xs.std() > 0.002  # it does shake
    assert np.abs(np.diff(xs)).max() < 0.004  # but drifts, never jumps (under 5 px a frame at 720p)


def test_unknown_movement_is_bad_input():
    with pytest.raises(BadInput):
        camera_path("whip_pan", 0.5)
