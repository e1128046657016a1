"""The slate is never in the film: only over a requested copy, after the move, inside the picture."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from tools.previs.slate import slate_film, slate_png, slate_text
from tools.timeline.assemble import assemble_film
from tools.timeline.vertical import picture_bottom, resting_window

from conftest import SIZE


def test_the_slated_copy_draws_each_shots_slate_over_its_own_cut_only(project, cuts_for, shots, read_frames, tmp_path):
    cuts = cuts_for(project)
    film = assemble_film(cuts, project, project / "edit" / "music.wav", tmp_path / "full.mp4", SIZE)
    planned = {sid: s.model_copy(update={"duration_s": 9.0}) for sid, s in shots.items()}
    slated = slate_film(film, cuts, planned, tmp_path / "slated" / "full.mp4", SIZE)
    clean, marked = read_frames(film).astype(np.int32), read_frames(slated).astype(np.int32)
    assert clean.shape == marked.shape
    strip = slice(SIZE[1] - 26, SIZE[1])
    title = 12  # frame 12 = 0.5 s: the title card has no slate
    in_shot = int((cuts[1].record_in_s + 0.75) * 24)
    assert np.abs(clean[title, strip] - marked[title, strip]).mean() < 3
    assert np.abs(clean[in_shot, strip] - marked[in_shot, strip]).mean() > 8
    assert np.abs(clean[in_shot, :100] - marked[in_shot, :100]).mean() < 3  # the picture above is untouched
    # the words carry the cut's real length, not the planned one
    assert "1.5 s" in slate_text(planned["1.1"], duration_s=cuts[1].duration_s)


def test_a_vertical_slate_stays_above_the_padded_fill():
    boxes = {"A": [20, 300, 120, 400], "B": [1100, 300, 120, 400]}  # too far apart for a 9:16 window: padded
    rest = resting_window((1280, 720), boxes)
    bottom = picture_bottom((1280, 720), boxes)
    assert rest.h > 720 and bottom < 1280 * 0.8
    overlay = np.asarray(Image.open(io.BytesIO(slate_png(_shot(), (720, 1280), 2.0, bottom))))
    drawn_rows = np.nonzero(overlay[..., 3].max(axis=1))[0]
    assert drawn_rows.max() < bottom and drawn_rows.min() > bottom - 80


def _shot():
    from graph.state import Shot

    return Shot(id="1.1", scene=1, size="MS", angle="low", duration_s=3.0)
