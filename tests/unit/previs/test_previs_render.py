"""The previs frame: deterministic, composed by shot size/side/angle, characters where the boxes say."""

from __future__ import annotations

import io

import numpy as np
import pytest

from previs_fixtures import ELIAS, KITCHEN, MAYA, SHORE, SHORE_DAY, plain_style, shot
from tools.errors import BadInput
from tools.previs.framing import frame_camera
from tools.previs.paint import rgb
from tools.previs.render import frame_size, render_frame, render_sheet


def png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def near_share(image, box, hex_color, tolerance=70.0) -> float:
    """Share of the box's pixels within an RGB distance of a colour."""
    x, y, w, h = box
    region = np.asarray(image)[y:y + h, x:x + w].astype(np.float32)
    distance = np.linalg.norm(region - np.array(rgb(hex_color), np.float32), axis=2)
    return float((distance < tolerance).mean())


def inside(box, size) -> bool:
    x, y, w, h = box
    return x >= 0 and y >= 0 and w > 0 and h > 0 and x + w <= size[0] and y + h <= size[1]


def test_same_shot_and_seed_give_identical_png_and_another_seed_does_not(cast):
    style = plain_style(grain=0.4, line_weight=3)
    first = render_frame(shot("MS", subjects=("ELIAS", "MAYA")), SHORE, style, cast, seed=3)
    again = render_frame(shot("MS", subjects=("ELIAS", "MAYA")), SHORE, style, cast, seed=3)
    other = render_frame(shot("MS", subjects=("ELIAS", "MAYA")), SHORE, style, cast, seed=4)
    assert png(first.image) == png(again.image)
    assert first.boxes == again.boxes
    assert png(first.image) != png(other.image)


def test_boxes_lie_inside_the_frame_and_grow_with_shot_size(style, cast):
    areas = {}
    for size in ("EWS", "WS", "MS", "MCU", "CU", "ECU"):
        frame = render_frame(shot(size), SHORE_DAY, style, cast)
        assert frame.image.size == (1280, 720) and frame.image.mode == "RGB"
        box = frame.boxes["ELIAS"]
        assert inside(box, frame.image.size), (size, box)
        areas[size] = box[2] * box[3]
    order = ["EWS", "WS", "MS", "MCU", "CU", "ECU"]
    assert all(areas[a] < areas[b] for a, b in zip(order, order[1:])), areas
    assert areas["EWS"] < 0.01 * 1280 * 720


def test_characters_are_drawn_in_their_signature_colours_inside_their_boxes(style, cast):
    frame = render_frame(shot("WS", subjects=("ELIAS", "MAYA"), sides={"ELIAS": "left", "MAYA": "right"}),
                         SHORE_DAY, style, cast)
    assert near_share(frame.image, frame.boxes["ELIAS"], ELIAS.signature_colors[0]) > 0.15
    assert near_share(frame.image, frame.boxes["MAYA"], MAYA.signature_colors[0]) > 0.15
    # and not each other's: the boxes hold the right character
    assert near_share(frame.image, frame.boxes["ELIAS"], MAYA.signature_colors[0]) < 0.02


def test_screen_side_puts_characters_on_the_thirds(style, cast):
    frame = render_frame(shot("MS", subjects=("ELIAS", "MAYA"), sides={"ELIAS": "right", "MAYA": "left"}),
                         KITCHEN, style, cast)
    centre = {name: x + w / 2 for name, (x, y, w, h) in frame.boxes.items()}
    assert centre["MAYA"] < 640 < centre["ELIAS"]
    assert abs(centre["MAYA"] - 1280 / 3) < 130 and abs(centre["ELIAS"] - 2 * 1280 / 3) < 130


def test_variants_are_other_choices_and_keep_the_characters_and_palette(cast):
    import imagehash

    style = plain_style(grain=0.3)
    frames = [render_frame(shot("WS", subjects=("ELIAS", "MAYA")), SHORE_DAY, style, cast, variant=v) for v in range(3)]
    base, tighter, other_angle = frames
    # 0 is the plan; 1 a size tighter; 2 another camera height: each says so in its account
    assert base.drawn["variant"]["changed"] == ["as planned"] and base.drawn["camera"]["angle"] == "eye"
    assert any("WS → MWS" in c for c in tighter.drawn["variant"]["changed"])
    assert other_angle.drawn["camera"]["angle"] != "eye"
    assert tighter.boxes["ELIAS"][3] > 1.3 * base.boxes["ELIAS"][3]  # a real size change, not a nudge
    hashes = [imagehash.phash(f.image) for f in frames]
    assert min(hashes[0] - hashes[1], hashes[0] - hashes[2], hashes[1] - hashes[2]) >= 12
    for frame in frames:  # the consistency lock: every variant draws each character in their colours
        for name, profile, other in (("ELIAS", ELIAS, MAYA), ("MAYA", MAYA, ELIAS)):
            assert near_share(frame.image, frame.boxes[name], profile.signature_colors[0]) > 0.1, name
            assert near_share(frame.image, frame.boxes[name], other.signature_colors[0]) < 0.02, name


def test_insert_shows_no_characters_and_pov_hides_its_owner(style, cast):
    insert = render_frame(shot("INSERT", subjects=("KEY",), props=["brass key"]), KITCHEN, style, cast)
    assert insert.boxes == {}
    pov = render_frame(shot("POV", subjects=("ELIAS", "MAYA")), KITCHEN, style, cast)
    assert set(pov.boxes) == {"MAYA"}


def test_ots_puts_one_shoulder_large_at_the_frame_edge(style, cast):
    frame = render_frame(shot("OTS", subjects=("MAYA", "ELIAS"), sides={"MAYA": "right", "ELIAS": "left"}),
                         KITCHEN, style, cast)
    fx, fy, fw, fh = frame.boxes["ELIAS"]
    mx, my, mw, mh = frame.boxes["MAYA"]
    assert fx == 0 and fw * fh > mw * mh  # the foreground shoulder is bigger and cut by the left edge
    assert mx + mw / 2 > 640


def test_angle_moves_the_horizon_and_scales_figures(cast):
    cameras = {a: frame_camera(shot("WS", angle=a), cast, 1280, 720, 0, 0) for a in ("low", "eye", "high")}
    assert cameras["low"].horizon > cameras["eye"].horizon > cameras["high"].horizon
    assert cameras["low"].blocking[0].height > cameras["eye"].blocking[0].height > cameras["high"].blocking[0].height


def test_dutch_angle_rolls_the_frame_and_keeps_boxes_in_frame(style, cast):
    level = render_frame(shot("MS"), SHORE_DAY, style, cast)
    dutch = render_frame(shot("MS", angle="dutch"), SHORE_DAY, style, cast)
    assert png(level.image) != png(dutch.image)
    assert inside(dutch.boxes["ELIAS"], dutch.image.size)
    # a rolled horizon: the sky/ground boundary sits at different heights at the two sides
    grey = np.asarray(dutch.image.convert("L")).astype(float)
    left_edge, right_edge = np.abs(np.diff(grey[:600, 40])).argmax(), np.abs(np.diff(grey[:600, 1240])).argmax()
    assert abs(int(left_edge) - int(right_edge)) > 60


def test_night_is_darker_than_day_and_low_key_darker_than_high_key(cast):
    shot_ws = shot("WS")
    day = render_frame(shot_ws, SHORE_DAY, plain_style(), cast).image.convert("L")
    night = render_frame(shot_ws, SHORE, plain_style(), cast).image.convert("L")
    assert np.asarray(night).mean() < np.asarray(day).mean() - 20
    high = render_frame(shot_ws, SHORE_DAY, plain_style("high_key"), cast).image.convert("L")
    low = render_frame(shot_ws, SHORE_DAY, plain_style("low_key"), cast).image.convert("L")
    assert np.asarray(low).mean() < np.asarray(high).mean() - 30


@pytest.mark.parametrize("aspect", ["16:9", "9:16", "1:1"])
def test_every_aspect_frames_the_characters(aspect, style, cast):
    size = frame_size(aspect)
    for shot_size in ("WS", "MCU"):
        frame = render_frame(shot(shot_size, subjects=("ELIAS", "MAYA")), KITCHEN, style, cast, size=size)
        assert frame.image.size == size
        assert frame.boxes and all(inside(b, size) for b in frame.boxes.values())


def test_bad_aspect_and_size_are_bad_input(style, cast):
    with pytest.raises(BadInput):
        frame_size("4:3")
    with pytest.raises(BadInput):
        render_frame(shot("WS"), SHORE, style, cast, size=(10, 10))


def test_no_slate_is_burned_into_the_picture(style, cast):
    frame = render_frame(shot("MS", movement="dolly_in", lens_mm=50), SHORE_DAY, style, cast)
    grey = np.asarray(frame.image.convert("L")).astype(np.float32)
    # the bottom rows are the set's ground, as dark as the rows just above them: no caption strip
    assert abs(np.median(grey[-30:, :]) - np.median(grey[-90:-60, :])) < 25
    assert "slate" not in frame.drawn


def test_character_sheet_shows_three_views(style):
    sheet = render_sheet(ELIAS, style)
    assert sheet.size == (1280, 720)
    body = np.array(rgb(ELIAS.signature_colors[0]), np.float32)
    hits = np.linalg.norm(np.asarray(sheet).astype(np.float32) - body, axis=2) < 40
    columns = hits.any(axis=0)
    thirds = [columns[int(i * 845 / 3): int((i + 1) * 845 / 3)].any() for i in range(3)]
    assert all(thirds)
    assert render_sheet(MAYA, style, size=(720, 1280)).size == (720, 1280)


def test_every_size_and_angle_renders_its_subjects_inside_the_frame(style, cast):
    from graph.state import ANGLES, SHOT_SIZES

    for size in SHOT_SIZES:
        for angle in ANGLES:
            frame = render_frame(shot(size, angle=angle, subjects=("ELIAS", "MAYA", "BOLT")), KITCHEN, style, cast,
                                 size=(320, 180))
            assert all(inside(b, (320, 180)) for b in frame.boxes.values()), (size, angle, frame.boxes)
            if size == "INSERT":
                assert frame.boxes == {}
            else:
                assert frame.boxes, (size, angle)
