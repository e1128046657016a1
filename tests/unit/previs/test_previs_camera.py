"""Angles and lenses measured in the picture: horizon row, head-to-feet scale, background and depth."""

from __future__ import annotations

import numpy as np
import pytest

from graph.state import Scene
from previs_fixtures import ELIAS, MAYA, plain_style, shot
from tools.previs.lens import background_scale, depth_scale, hfov_deg, keystone_strength
from tools.previs.paint import rgb
from tools.previs.render import render_frame

HILLS = Scene(index=3, heading="EXT. OPEN PLAIN - DAY", location="OPEN PLAIN", interior=False, time_of_day="DAY")
CAST = [ELIAS, MAYA]


def _sky_rows(image, column: int) -> int:
    """The first row from the top, in one column, that is greener than blue (the land): the horizon row."""
    arr = np.asarray(image).astype(np.int32)[:, column]
    land = arr[:, 1] > arr[:, 2] + 8
    return int(np.argmax(land)) if land.any() else len(land)


def _frame(angle: str, size: str = "WS", lens: int = 24, **kw):
    return render_frame(shot(size, angle=angle, subjects=("ELIAS",), sides={"ELIAS": "left"}, lens_mm=lens, **kw),
                        HILLS, plain_style(), CAST)


def test_the_horizon_row_moves_with_the_camera_tilt_as_the_account_says():
    rows = {}
    for angle in ("eye", "high", "low"):
        frame = _frame(angle)
        rows[angle] = _sky_rows(frame.image, 1180)  # a column no one stands in
        said = frame.drawn["camera"]["horizon_y"]
        if 0 < said < 720:
            # the hills rise a little above the true horizon: the sky ends at or above it
            assert said - 0.2 * 720 <= rows[angle] <= said + 4, (angle, rows[angle], said)
    assert rows["high"] < 0.1 * 720  # looking down: ground fills the frame behind the figure
    assert rows["low"] > rows["eye"] + 0.2 * 720  # looking up: the figure stands against the sky


def _yellow_width(frame, at: float) -> int:
    x, y, w, h = frame.boxes["ELIAS"]
    row = np.asarray(frame.image).astype(np.float32)[int(y + h * at)]
    near = np.linalg.norm(row - np.array(rgb(ELIAS.signature_colors[0]), np.float32), axis=1) < 70
    return int(near.sum())


def test_high_angle_draws_the_head_end_bigger_and_low_angle_the_feet_end():
    ratios = {}
    for angle in ("eye", "high", "low"):
        frame = _frame(angle, size="MWS", lens=24)
        ratios[angle] = _yellow_width(frame, 0.35) / max(1, _yellow_width(frame, 0.8))
        said = frame.drawn["camera"]["head_to_feet_scale"]
        assert (said > 1.05) if angle == "high" else (said < 0.95) if angle == "low" else said == 1.0, (angle, said)
    assert ratios["high"] > ratios["eye"] * 1.05 > ratios["low"] * 1.1, ratios


def test_a_wide_lens_tilts_harder_than_a_long_one_and_the_field_of_view_narrows():
    assert abs(keystone_strength(-18, 24, 1280, 720)) > 2 * abs(keystone_strength(-18, 100, 1280, 720))
    assert hfov_deg(24) > 70 > 35 > hfov_deg(100) > 15


def test_a_long_lens_magnifies_the_set_and_compresses_people_in_depth():
    assert background_scale(100) / background_scale(24) > 2.5
    assert depth_scale(100) > depth_scale(24) + 0.2
    pair = {"ELIAS": "left", "MAYA": "left"}  # one a step behind the other on the same third
    frames = {mm: render_frame(shot("WS", subjects=("ELIAS", "MAYA"), sides=pair, lens_mm=mm), HILLS, plain_style(),
                               CAST) for mm in (24, 100)}
    zoom = {mm: f.drawn["camera"]["lens"]["background_zoom"] for mm, f in frames.items()}
    assert zoom[100] > 2.5 * zoom[24]
    behind = {mm: f.boxes["MAYA"][3] / f.boxes["ELIAS"][3] for mm, f in frames.items()}
    assert behind[100] > behind[24] * 1.25, behind  # the long lens stacks them; the wide one separates them
    # the pictures differ in the set itself, not only in the figures
    a, b = (np.asarray(frames[mm].image.convert("L"))[:120].astype(np.float32) for mm in (24, 100))
    assert np.abs(a - b).mean() > 6


@pytest.mark.parametrize("angle", ["birds_eye", "worms_eye", "dutch"])
def test_the_other_angles_say_how_they_were_drawn(angle):
    frame = _frame(angle)
    camera = frame.drawn["camera"]
    assert camera["angle"] == angle
    assert camera["top_down"] == (angle == "birds_eye")
    assert (camera["roll_deg"] != 0) == (angle == "dutch")
    if angle == "worms_eye":
        assert camera["head_to_feet_scale"] < 0.85
