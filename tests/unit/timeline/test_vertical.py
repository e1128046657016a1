"""The vertical version: 9:16, with every character the renderer drew kept inside the picture."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from graph.state import MOVEMENTS
from tools.timeline.probe import probe_media
from tools.timeline.vertical import render_vertical_clip, resting_window, window_path

FRAME = (1280, 720)
CASES = {
    "one at the right edge": {"OTTO": [1090, 180, 150, 480]},
    "one at the left edge": {"TINK": [10, 300, 120, 260]},
    "two far apart": {"OTTO": [120, 160, 160, 500], "TINK": [980, 300, 140, 300]},
    "close-up filling the height": {"OTTO": [500, 0, 300, 720]},
}


@pytest.mark.parametrize("movement", MOVEMENTS)
@pytest.mark.parametrize("case", list(CASES))
def test_every_move_keeps_every_character_inside_a_9_16_window(movement, case):
    boxes = CASES[case]
    windows = window_path(movement, 48, FRAME, boxes, seed=3, duration_s=2.0)
    assert len(windows) == 48
    for window in windows:
        assert window.w / window.h == pytest.approx(9 / 16)
        for name, box in boxes.items():
            assert window.contains(box), (movement, case, name, window)


def test_the_window_sits_on_the_characters_not_the_frame_centre():
    right = resting_window(FRAME, CASES["one at the right edge"])
    left = resting_window(FRAME, CASES["one at the left edge"])
    assert right.cx > 900 and left.cx < 350
    assert right.h == 720 and right.box[2] <= 1280  # full height, inside the frame: no pad needed
    apart = resting_window(FRAME, CASES["two far apart"])
    assert apart.h > 720, "too far apart for the frame's height: the window grows and pads"
    nobody = resting_window(FRAME, {})
    assert nobody.cx == 640 and nobody.h == 720


def test_moves_still_move_where_the_characters_allow():
    boxes = {"OTTO": [600, 300, 80, 200]}
    push = window_path("dolly_in", 24, FRAME, boxes)
    assert push[-1].w < push[0].w * 0.85, "a small figure leaves room for the push-in"
    pan = window_path("pan_right", 24, FRAME, boxes)
    assert pan[-1].cx > pan[0].cx


def test_rendered_clip_is_9_16_and_shows_the_whole_character(tmp_path, read_frames):
    frame = tmp_path / "frame.png"
    image = Image.new("RGB", (320, 180), (40, 60, 90))
    ImageDraw.Draw(image).rectangle((262, 40, 301, 139), fill=(250, 20, 20))  # 40x100 figure at the right edge
    image.save(frame)
    boxes = {"OTTO": [262, 40, 40, 100]}
    out = render_vertical_clip(frame, boxes, "zoom_in", 1.0, tmp_path / "v.mp4", size=(180, 320), fps=24)
    facts = probe_media(out)
    assert (facts["width"], facts["height"]) == (180, 320) and facts["frames"] == 24
    windows = window_path("zoom_in", 24, (320, 180), boxes, out_size=(180, 320))
    for pixels, window in zip(read_frames(out, (180, 320)), windows):
        red = (pixels[..., 0] > 180) & (pixels[..., 1] < 90) & (pixels[..., 2] < 90)
        expected = 40 * 100 * (180 / window.w) ** 2
        assert red.sum() >= 0.85 * expected, "the figure is cut off"
        ys, xs = np.nonzero(red)
        assert xs.min() > 0 and xs.max() < 179 and ys.min() > 0 and ys.max() < 319
