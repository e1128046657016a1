"""End to end through the CLI: the cut's versions rendered again and exported for other software.

Needs `from studio import edit_commands` in studio/cli.py (the commands register on its app).
"""

from __future__ import annotations

import csv

import opentimelineio as otio
import pytest

from tests.e2e.test_cli_bad_input import assert_bad_input, filmcrew
from tools.screenplay.fountain_io import load_script, parse_fountain
from tools.timeline.probe import probe_media

BRIEF = "A lighthouse keeper finds a small robot washed ashore after a storm"


@pytest.fixture(scope="module")
def film(tmp_path_factory):
    project = tmp_path_factory.mktemp("edit") / "p"
    made = filmcrew("make", BRIEF, "--length", "15", "--variants", "1", "--aspect", "16:9", "--yes",
                    "--project", str(project))
    assert made.returncode == 0, made.stderr[-3000:]
    return project


def test_make_leaves_all_three_cuts(film):
    full = probe_media(film / "edit" / "full.mp4")
    teaser = probe_media(film / "edit" / "teaser.mp4")
    vertical = probe_media(film / "edit" / "vertical.mp4")
    assert (vertical["width"], vertical["height"]) == (720, 1280)
    assert abs(vertical["duration"] - full["duration"]) < 0.1
    assert teaser["duration"] <= 30.0 and teaser["duration"] < full["duration"]
    assert teaser["has_audio"] and vertical["has_audio"]


@pytest.mark.parametrize("version", ["teaser", "vertical"])
def test_render_a_version_again_prints_the_film_it_wrote(film, version):
    before = (film / "edit" / f"{version}.mp4").stat().st_mtime_ns
    result = filmcrew("render", str(film), "--version", version)
    assert result.returncode == 0, result.stderr[-2000:]
    path = result.stdout.strip()
    assert path.endswith(f"edit/{version}.mp4")
    assert (film / "edit" / f"{version}.mp4").stat().st_mtime_ns >= before
    assert probe_media(path)["has_video"]


def test_timeline_exports_load_back_in_opentimelineio(film):
    for fmt, name in [("otio", "timeline.otio"), ("fcpxml", "timeline.xml"), ("edl", "timeline.edl")]:
        result = filmcrew("export", str(film), "--format", fmt)
        assert result.returncode == 0, result.stderr[-2000:]
        assert result.stdout.strip().endswith(f"edit/{name}")
    timeline = otio.adapters.read_from_file(str(film / "edit" / "timeline.otio"))
    shots = [c for c in timeline.tracks[0].find_clips() if c.metadata["filmcrew"]["kind"] == "shot"]
    assert shots and all(c.markers and c.metadata["filmcrew"]["size"] for c in shots)
    xml = otio.adapters.read_from_file(str(film / "edit" / "timeline.xml"), adapter_name="fcp_xml")
    edl = otio.adapters.read_from_file(str(film / "edit" / "timeline.edl"), adapter_name="cmx_3600")
    assert len(list(xml.find_clips())) >= len(shots) and len(list(edl.find_clips())) >= len(shots)


def test_shot_list_storyboard_and_script_exports(film):
    paths = {}
    for fmt in ("csv", "pdf", "fountain", "fdx"):
        result = filmcrew("export", str(film), "--format", fmt)
        assert result.returncode == 0, result.stderr[-2000:]
        paths[fmt] = result.stdout.strip()
    rows = list(csv.reader(open(paths["csv"], encoding="utf-8")))
    assert len(rows) > 2 and "movement" in [h.lower() for h in rows[0]]
    assert open(paths["pdf"], "rb").read(5) == b"%PDF-"
    script = parse_fountain(open(paths["fountain"], encoding="utf-8").read())
    assert len(script.scenes) >= 2
    # The Final Draft export reads back as the same scenes and speakers.
    final_draft = load_script(paths["fdx"])
    assert [s.heading for s in final_draft.scenes] == [s.heading for s in script.scenes]
    assert [e.character for s in final_draft.scenes for e in s.elements if e.kind == "dialogue"] == \
        [e.character for s in script.scenes for e in s.elements if e.kind == "dialogue"]


def test_bad_cut_or_format_is_one_line_and_exit_2(film):
    assert_bad_input(filmcrew("render", str(film), "--version", "square"), "unknown cut")
    assert_bad_input(filmcrew("export", str(film), "--format", "mov"), "unknown export format")
