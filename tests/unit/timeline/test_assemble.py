"""Assembly: the film has the right streams and length, reuses what it can, and burns subtitles."""

import os

import numpy as np
import pytest

from graph.state import Cut
from tools.errors import BadInput
from tools.motion.camera import render_clip
from tools.timeline.assemble import assemble_film, segment_dir, write_srt
from tools.timeline.probe import probe_media

SIZE = (320, 180)


def _assemble(project, cuts, name="full.mp4", music="edit/music.wav"):
    report = {}
    out = assemble_film(cuts, project, project / music if music else None, project / "edit" / name, SIZE,
                        on_segment=lambda cut, made: report.__setitem__(cut.shot_id, made))
    return out, report


def test_film_has_video_and_music_of_the_edit_length(cuts_for, project, read_frames):
    cuts = cuts_for(project)
    out, report = _assemble(project, cuts)
    facts = probe_media(out)
    assert facts["video_codec"] == "h264" and facts["audio_codec"] == "aac"
    assert (facts["width"], facts["height"]) == SIZE
    total = sum(c.duration_s for c in cuts)  # 6.75 s
    assert facts["frames"] == round(total * 24)
    assert facts["duration_s"] == pytest.approx(total, abs=0.05)
    data = out.read_bytes()
    assert data.find(b"moov") < data.find(b"mdat")  # +faststart: playable while it downloads
    frames = read_frames(out)
    assert frames[0].mean() < 40  # the title fades up from black
    assert frames[12].mean() > frames[0].mean() + 10
    # Shots without dialogue go in as rendered: their frames match the clip exactly.
    clip_frames = read_frames(project / "clips" / "1.1.mp4")
    np.testing.assert_array_equal(frames[24:24 + len(clip_frames)], clip_frames)
    assert report == {"title": True, "1.1": False, "1.2": True, "2.1": False, "end": True}


def test_dialogue_is_burned_in_low_in_frame(cuts_for, project, read_frames):
    out, _ = _assemble(project, cuts_for(project))
    film = read_frames(out)
    clip = read_frames(project / "clips" / "1.2.mp4")
    start = 24 + 36  # title 1 s + shot 1.1 1.5 s
    burned, plain = film[start + 10].astype(int), clip[10].astype(int)
    low = np.abs(burned[120:175] - plain[120:175]).mean()
    high = np.abs(burned[:90] - plain[:90]).mean()
    assert low > 10 * high and high < 1, (low, high)
    white = lambda f: int((f[120:175] > 230).all(axis=2).sum())  # noqa: E731
    assert white(burned) > 40 and white(plain) == 0  # white letters


def test_changing_one_cut_remakes_only_its_segment(cuts_for, project):
    _assemble(project, cuts_for(project))
    cache = segment_dir(project)
    before = {p.name: os.stat(p).st_mtime_ns for p in cache.glob("*.mp4")}
    out, report = _assemble(project, cuts_for(project, dialogue_12="MARA: The lamp is lit."))
    assert report == {"title": False, "1.1": False, "1.2": True, "2.1": False, "end": False}
    after = {p.name: os.stat(p).st_mtime_ns for p in cache.glob("*.mp4")}
    assert {k: after[k] for k in before} == before  # nothing old rewritten
    assert len(set(after) - set(before)) == 1  # exactly one new segment

    # A new clip for a shot without dialogue needs no segment at all.
    render_clip(project / "frames" / "1.2" / "0.png", "zoom_in", 2.0, project / "clips" / "1.2b.mp4", size=SIZE)
    cuts = cuts_for(project, dialogue_12=None, clip_12="clips/1.2b.mp4")
    _, report = _assemble(project, cuts)
    assert not any(report.values())


def test_short_music_is_padded_and_no_music_is_silence(cuts_for, project, tmp_path):
    cuts = cuts_for(project)
    for name, music in (("nomusic.mp4", None), ("full.mp4", "edit/music.wav")):
        facts = probe_media(_assemble(project, cuts, name, music)[0])
        assert facts["has_audio"] and facts["duration_s"] == pytest.approx(6.75, abs=0.05)


def test_clip_of_wrong_length_is_conformed(cuts_for, project, read_frames):
    cuts = cuts_for(project)
    cuts[1] = Cut(shot_id="1.1", clip="clips/1.1.mp4", record_in_s=1.0, duration_s=1.0)  # clip holds 1.5 s
    for later in cuts[2:]:
        later.record_in_s -= 0.5
    out, report = _assemble(project, cuts, "trimmed.mp4")
    assert report["1.1"] is True and probe_media(out)["frames"] == round(6.25 * 24)


def test_bad_edits_are_bad_input(cuts_for, project):
    good = cuts_for(project)
    with pytest.raises(BadInput, match="outside the project"):
        _assemble(project, [Cut(shot_id="x", clip="../../etc/passwd", record_in_s=0, duration_s=1)])
    with pytest.raises(BadInput, match="not found"):
        _assemble(project, [Cut(shot_id="x", clip="clips/none.mp4", record_in_s=0, duration_s=1)])
    gap = [good[0], good[1].model_copy(update={"record_in_s": 3.0})]
    with pytest.raises(BadInput, match="starts at"):
        _assemble(project, gap)
    with pytest.raises(BadInput):
        _assemble(project, [])
    assert not (project / "edit" / "bad.mp4").exists()


def test_srt_times_each_line_to_its_cut(cuts_for, project, tmp_path):
    path = write_srt(cuts_for(project), tmp_path / "subtitles.srt")
    assert path.read_text() == "1\n00:00:02,500 --> 00:00:04,500\nMARA: The lamp is out.\n"


def test_a_copied_clip_without_its_render_record_is_still_reused(cuts_for, project, read_frames):
    # The editor publishes clips out of the asset cache by copying, which leaves render_clip's record behind.
    (project / "clips" / "copied.mp4").write_bytes((project / "clips" / "2.1.mp4").read_bytes())
    cuts = cuts_for(project)
    cuts[3] = cuts[3].model_copy(update={"clip": "clips/copied.mp4"})
    out, report = _assemble(project, cuts, "copied.mp4")
    assert report["2.1"] is False
    assert list(segment_dir(project).glob("probe-*.json"))
    np.testing.assert_array_equal(read_frames(out)[108:138], read_frames(project / "clips" / "2.1.mp4"))
