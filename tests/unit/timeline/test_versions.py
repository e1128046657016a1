"""The teaser and vertical versions rendered from the full cut's material, reusing its cache."""

import numpy as np
import pytest

from graph.state import Clip, Edit, Frame, MoodPoint, ScriptReport
from tools.errors import BadInput
from tools.timeline.probe import probe_media
from tools.timeline.versions import CutMaterials, render_version, teaser_edit, vertical_edit

from tests.unit.timeline.conftest import SHOTS, SIZE

BOXES = {"MARA": [110, 40, 100, 100]}  # the figure every conftest frame draws


@pytest.fixture
def full(project, cuts_for):
    cuts = cuts_for(project)
    return Edit(cuts=cuts, beats_s=list(np.arange(0, 12, 0.5)), tempo_bpm=120, music="edit/music.wav",
                duration_s=cuts[-1].record_in_s + cuts[-1].duration_s)


@pytest.fixture
def materials(project, shots):
    frames = {sid: Frame(shot_id=sid, variant=0, path=f"frames/{sid}/0.png", seed=1, character_boxes=BOXES)
              for sid, *_ in SHOTS}
    clips = {sid: Clip(shot_id=sid, path=f"clips/{sid}.mp4", duration_s=dur, movement=move,
                       frame_path=f"frames/{sid}/0.png") for sid, move, dur, _, _ in SHOTS}
    report = ScriptReport(mood_curve=[MoodPoint(scene=1, valence=0.1, intensity=0.2),
                                      MoodPoint(scene=2, valence=-0.6, intensity=0.9)])
    return CutMaterials(project=project, cache_dir=project, shots=list(shots.values()), frames=frames, clips=clips,
                        report=report, title_lines=["The Lamp"], end_lines=["THE END"], seed=1, workers=2)


def test_teaser_plays_excerpts_from_inside_the_clips(project, full, materials, read_frames):
    teaser = teaser_edit(full, materials, SIZE)
    facts = probe_media(project / teaser.outputs["film"])
    assert facts["duration"] <= 30.0 and facts["has_audio"]
    assert teaser.version == "teaser" and teaser.cuts[0].shot_id == "title"
    shot_cuts = teaser.cuts[1:-1]
    assert "2.1" in [c.shot_id for c in shot_cuts], "the intense scene makes the teaser"
    film = read_frames(project / teaser.outputs["film"])
    for cut in shot_cuts:
        clip = read_frames(project / "clips" / f"{cut.shot_id}.mp4")
        first = film[round(cut.record_in_s * 24)].astype(int)
        # the excerpt starts inside the clip: its first frame matches a clip frame past the first
        errors = [np.abs(first - frame.astype(int)).mean() for frame in clip]
        assert int(np.argmin(errors)) > 0 and min(errors) < 6.0


def test_vertical_is_9_16_same_cut_and_one_changed_shot_remakes_only_its_reframe(project, full, materials):
    size = (180, 320)
    vertical = vertical_edit(full, materials, size=size)
    facts = probe_media(project / vertical.outputs["film"])
    assert (facts["width"], facts["height"]) == size
    assert [c.duration_s for c in vertical.cuts] == [c.duration_s for c in full.cuts]
    assert vertical.cuts[0].clip.endswith("title_vertical.png")
    cache = project / ".cache" / "vertical"
    before = {p.name for p in cache.glob("*.mp4")}
    moved = dict(materials.frames)
    moved["1.2"] = moved["1.2"].model_copy(update={"character_boxes": {"MARA": [0, 40, 100, 100]}})
    again = vertical_edit(full, CutMaterials(**{**materials.__dict__, "frames": moved}), size=size)
    after = {p.name for p in cache.glob("*.mp4")}
    assert len(after - before) == 1, "only the changed shot is reframed again"
    assert again.duration_s == vertical.duration_s


def test_unknown_version_and_missing_frames_are_bad_input(full, materials):
    with pytest.raises(BadInput):
        render_version("square", full, materials, SIZE)
    with pytest.raises(BadInput):
        vertical_edit(full, CutMaterials(**{**materials.__dict__, "frames": {}}), size=(180, 320))
