"""Staging a director would sign off: small figures read, feet on the ground, nobody cut at the sides."""

from __future__ import annotations

import numpy as np
import pytest

from previs_fixtures import BOLT, ELIAS, KITCHEN, MAYA, REX, SHORE, SHORE_DAY, plain_style, shot
from tools.previs.framing import FOOT_MARGIN, MIN_FIGURE, frame_camera
from tools.previs.render import render_frame

W, H = 1280, 720
CAST = [ELIAS, MAYA, BOLT, REX]


@pytest.mark.parametrize("subjects", [("ELIAS", "BOLT"), ("MAYA", "REX")])
def test_establishing_shots_draw_every_character_big_enough_to_read(subjects):
    for size in ("EWS", "WS"):
        for angle in ("eye", "high"):
            frame = render_frame(shot(size, angle=angle, subjects=subjects), SHORE_DAY, plain_style(), CAST)
            assert set(frame.boxes) == set(subjects)
            for name, (x, y, w, h) in frame.boxes.items():
                assert h >= MIN_FIGURE * H * 0.95, (size, angle, name, h)


def test_a_small_figure_on_a_night_set_carries_a_light_rim():
    frame = render_frame(shot("EWS", subjects=("ELIAS",)), SHORE, plain_style("low_key"), CAST)
    x, y, w, h = frame.boxes["ELIAS"]
    grey = np.asarray(frame.image.convert("L")).astype(int)
    ground = np.median(grey[y:y + h, max(0, x - 60):x])  # the set just left of the figure
    # The box's outermost columns are the rim: lighter than the night behind it.
    edge = np.concatenate([grey[y + h // 4:y + h - 4, x + 1], grey[y + h // 4:y + h - 4, x + w - 2]])
    assert (edge > ground + 40).mean() > 0.25, (ground, edge)


@pytest.mark.parametrize("angle", ["eye", "low", "worms_eye", "high"])
@pytest.mark.parametrize("size", ["EWS", "WS"])
def test_wide_shots_stand_figures_on_the_ground_inside_the_frame(size, angle):
    camera = frame_camera(shot(size, angle=angle, subjects=("ELIAS", "MAYA", "REX")), CAST, W, H, 0, 0)
    for mark in camera.blocking:
        assert mark.feet_y <= H * (1 - FOOT_MARGIN) + 1e-6, (mark.name, mark.feet_y)  # feet never cut by the frame
        assert mark.feet_y > camera.horizon, (mark.name, mark.feet_y, camera.horizon)  # no one stands in the sky
    frame = render_frame(shot(size, angle=angle, subjects=("ELIAS", "MAYA", "REX")), SHORE_DAY, plain_style(), CAST)
    assert set(frame.boxes) == {"ELIAS", "MAYA", "REX"}


@pytest.mark.parametrize("subjects", [("MAYA", "REX"), ("ELIAS", "BOLT"), ("ELIAS", "MAYA", "BOLT"), ("BOLT", "REX")])
@pytest.mark.parametrize("size", ["MWS", "MS", "TWO"])
def test_side_by_side_sizes_keep_everyone_inside_the_frame_sides_and_apart(size, subjects):
    frame = render_frame(shot(size, subjects=subjects), KITCHEN, plain_style(), CAST)
    assert set(frame.boxes) == set(subjects)
    for name, (x, y, w, h) in frame.boxes.items():
        assert x >= 0.02 * W and x + w <= 0.98 * W, (size, name, x, w)
    # a character on the left third and one on the right never stand inside each other
    left = [b for b in frame.boxes.values() if b[0] + b[2] / 2 < W / 2]
    right = [b for b in frame.boxes.values() if b[0] + b[2] / 2 >= W / 2]
    if left and right:
        assert max(b[0] + b[2] for b in left) <= min(b[0] for b in right), frame.boxes


@pytest.mark.parametrize("pair", [("MAYA", "ELIAS"), ("BOLT", "ELIAS"), ("ELIAS", "BOLT")])
def test_ots_shoulder_frames_the_edge_without_covering_the_face(pair):
    subject, shoulder = pair
    frame = render_frame(shot("OTS", subjects=pair), KITCHEN, plain_style(), CAST)
    fx, fy, fw, fh = frame.boxes[shoulder]
    sx, sy, sw, sh = frame.boxes[subject]
    assert fx == 0 or fx + fw == W  # cut by its edge of frame
    assert fw <= 0.4 * W, fw  # a shoulder, not a wall
    assert fx + fw <= sx or sx + sw <= fx, frame.boxes  # the subject's face stays clear


@pytest.mark.parametrize("profile", [ELIAS, BOLT, REX], ids=["human", "robot", "animal"])
def test_form_shadow_darkens_the_body_without_holes(profile):
    from PIL import Image, ImageDraw

    from tools.previs.figures import FigureLook, draw_figure, signature

    layer = Image.new("RGBA", (300, 420), (0, 0, 0, 0))
    look = FigureLook(skin=(200, 150, 120), outline=(20, 20, 20), line_width=0, shadow=0.5, key_side="left")
    x0, y0, x1, y1 = draw_figure(ImageDraw.Draw(layer, "RGBA"), profile, 150, 400, 380, "front", 1.0, look)
    pixels = np.asarray(layer)
    body = np.array(signature(profile)[0])
    # the row through the body's middle, across the shadowed right half
    row = int(y0 + (y1 - y0) * (0.62 if profile.silhouette == "animal" else 0.45))  # a dog's belly sits low
    span = pixels[row, 150:150 + int((x1 - x0) * 0.15)]
    assert (span[:, 3] == 255).all()  # solid: the set does not show through the coat
    darker = span[:, :3].astype(int).sum(axis=1) < body.sum() - 20
    assert darker.any()  # and the shadow side is darker than the lit body colour


@pytest.mark.parametrize("aspect_size", [(1280, 720), (720, 1280), (720, 720), (320, 180)])
@pytest.mark.parametrize("angle", ["eye", "low", "high"])
def test_an_insert_keeps_its_prop_and_label_inside_the_frame(aspect_size, angle):
    from tools.previs.props import prop_shape

    assert prop_shape("Mara's red kite") == "kite" and prop_shape("wooden crate") == "box"
    width, height = aspect_size
    frame = render_frame(shot("INSERT", angle=angle, subjects=("KITE",), props=["red kite"]), SHORE_DAY,
                         plain_style(), CAST, size=aspect_size)
    # The label's box is dark and its letters light: no light letter pixels may sit in the
    # frame's bottom rows, where a label pushed down would be cut.
    band = np.asarray(frame.image.convert("L"))[height - max(4, height // 60):]
    assert (band > 200).mean() < 0.002, (aspect_size, angle)


def test_a_long_bodied_character_sheet_keeps_each_view_in_its_own_column():
    from tools.previs.paint import rgb
    from tools.previs.render import render_sheet

    dog = REX.model_copy(update={"figure": {"height": 0.45, "width": 1.3, "head": 0.9}})
    sheet = np.asarray(render_sheet(dog, plain_style())).astype(np.float32)
    hits = (np.linalg.norm(sheet - np.array(rgb(dog.signature_colors[0]), np.float32), axis=2) < 40).any(axis=0)
    columns = np.nonzero(hits[: int(W * 0.66)])[0]
    gaps = np.nonzero(np.diff(columns) > 8)[0]
    assert len(gaps) >= 2, columns  # three separate bodies: front, side, back
