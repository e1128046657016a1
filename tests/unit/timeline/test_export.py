"""Timelines for editing software: every format loads back with the cut intact."""

from pathlib import Path
from urllib.parse import unquote, urlparse

import opentimelineio as otio
import pytest

from graph.state import Edit
from tools.errors import BadInput
from tools.timeline.export import build_timeline, export_timeline, reel_name


@pytest.fixture
def edit(project, cuts_for):
    cuts = cuts_for(project)
    return Edit(cuts=cuts, music="edit/music.wav", tempo_bpm=120.0, beats_s=[0.0, 0.5],
                duration_s=sum(c.duration_s for c in cuts))


def test_otio_round_trip_keeps_cuts_ranges_markers_and_shot_facts(project, edit, shots):
    paths = export_timeline(build_timeline(edit, shots, project), project, formats=("otio",))
    assert paths == [project / "edit" / "timeline.otio"]
    back = otio.adapters.read_from_file(str(paths[0]))
    video, music = back.tracks
    assert video.kind == "Video" and music.kind == "Audio"
    clips = list(video.find_clips())
    assert [c.name for c in clips] == [c.shot_id for c in edit.cuts]
    for clip, cut in zip(clips, edit.cuts):
        assert clip.source_range.duration.to_frames() == round(cut.duration_s * 24)
        assert video.range_of_child(clip).start_time.to_seconds() == pytest.approx(cut.record_in_s)
        target = Path(unquote(urlparse(clip.media_reference.target_url).path))
        assert target.is_absolute() and target.exists() and target == (project / cut.clip).resolve()
        assert len(clip.markers) == 1 and clip.markers[0].name.startswith(cut.shot_id)
    about = clips[3].metadata["filmcrew"]
    assert (about["shot_id"], about["size"], about["movement"]) == ("2.1", "CU", "handheld")
    assert clips[2].metadata["filmcrew"]["dialogue"] == "MARA: The lamp is out."
    assert music.duration().to_seconds() == pytest.approx(edit.duration_s)
    assert back.duration().to_seconds() == pytest.approx(6.75)


def test_fcp_xml_and_edl_load_back(project, edit, shots):
    xml, edl = export_timeline(build_timeline(edit, shots, project), project, formats=("fcp_xml", "cmx_3600"))
    assert (xml.name, edl.name) == ("timeline.xml", "timeline.edl")
    from_xml = otio.adapters.read_from_file(str(xml), adapter_name="fcp_xml")
    assert [t.kind for t in from_xml.tracks] == ["Video", "Audio"]
    assert [c.name for c in from_xml.tracks[0].find_clips()] == [c.shot_id for c in edit.cuts]
    assert from_xml.duration().to_frames() == 162
    from_edl = otio.adapters.read_from_file(str(edl), adapter_name="cmx_3600", rate=24)
    assert len(from_edl.tracks) == 1  # an EDL holds one video track
    events = list(from_edl.tracks[0].find_clips())
    assert [e.metadata["cmx_3600"]["reel"] for e in events] == ["TITLE", "S0101", "S0102", "S0201", "END"]
    assert [e.source_range.duration.to_frames() for e in events] == [24, 36, 48, 30, 24]


def test_gaps_stay_gaps_and_formats_are_checked(project, edit, shots):
    holed = edit.model_copy(deep=True)
    for cut in holed.cuts[2:]:
        cut.record_in_s += 0.5
    timeline = build_timeline(holed, shots, project)
    assert any(isinstance(item, otio.schema.Gap) for item in timeline.tracks[0])
    assert timeline.tracks[0].duration().to_seconds() == pytest.approx(7.25)
    written = export_timeline(timeline, project, formats=("edl", "fcpxml"))
    assert [p.name for p in written] == ["timeline.edl", "timeline.xml"]
    with pytest.raises(BadInput):
        export_timeline(timeline, project, formats=("aaf",))
    with pytest.raises(BadInput):
        build_timeline(Edit(), shots, project)


def test_reel_names_fit_an_edl():
    assert reel_name("3.2") == "S0302" and reel_name("title") == "TITLE" and reel_name("12.10") == "S1210"
    assert len(reel_name("a-very-long-card-name")) <= 8
