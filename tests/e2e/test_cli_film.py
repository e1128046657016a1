"""End to end through the CLI, each call a new process: a brief becomes a draft film."""

from __future__ import annotations

import json

from tests.e2e.test_cli_bad_input import filmcrew
from tools.timeline.probe import probe_media

BRIEF = "A lighthouse keeper finds a small robot washed ashore after a storm"
SPEC_FOLDERS = ["script", "shots", "style", "cast", "frames", "clips", "edit", "qc", "memory"]


def test_make_yes_gives_a_sixty_second_film_with_every_folder(tmp_path):
    project = tmp_path / "p1"
    result = filmcrew("make", BRIEF, "--yes", "--project", str(project))
    assert result.returncode == 0, result.stderr[-3000:]
    for folder in SPEC_FOLDERS:
        assert (project / folder).is_dir(), folder
    for name in ["script/script.fountain", "script/report.md", "script/report.json", "script/mood_curve.png",
                 "shots/shotlist.json", "shots/shotlist.csv", "shots/storyboard.pdf", "style/bible.json",
                 "style/bible.md", "style/palette.png", "edit/subtitles.srt", "edit/music.wav", "edit/beats.json",
                 "edit/timeline.otio", "qc/report.json", "filmcrew.sqlite"]:
        assert (project / name).is_file(), name
    media = probe_media(project / "edit" / "full.mp4")
    assert media["has_video"] and media["has_audio"]
    assert media["video_codec"] == "h264" and media["audio_codec"] == "aac"
    assert (media["width"], media["height"]) == (1280, 720)
    assert abs(media["duration"] - 60) <= 9, media["duration"]
    assert list((project / "cast").glob("*/sheet.png"))
    # Every frame has its own account beside it: the set and who is in it, where, as what.
    sidecars = sorted((project / "frames").glob("*/*.json"))
    assert len(sidecars) == len(list((project / "frames").glob("*/*.png")))
    accounts = [json.loads(p.read_text()) for p in sidecars]
    assert all(a["set"]["drawn_as"] and a["set"]["location"] for a in accounts)
    assert any(f["silhouette"] == "robot" for a in accounts for f in a["figures"])


def test_gates_walked_one_approve_at_a_time_each_in_a_new_process(tmp_path):
    project = tmp_path / "p2"
    first = filmcrew("make", BRIEF, "--length", "20", "--aspect", "9:16", "--project", str(project))
    assert first.returncode == 3, first.stderr[-2000:]
    status = filmcrew("status", str(project), "--json")
    assert status.returncode == 3
    report = json.loads(status.stdout)
    assert report["gate"]["gate"] == "script"
    assert report["gate"]["choices"][0] == "original script"

    gates = ["script"]
    for _ in range(8):
        step = filmcrew("approve", str(project))
        if step.returncode == 0:
            break
        assert step.returncode == 3, step.stderr[-2000:]
        gates.append(json.loads(filmcrew("status", str(project), "--json").stdout)["gate"]["gate"])
    assert gates == ["script", "shots", "style", "storyboard", "cut"]
    final = json.loads(filmcrew("status", str(project), "--json").stdout)
    assert final["status"] == "done" and final["gate"] is None
    media = probe_media(project / "edit" / "full.mp4")
    assert (media["width"], media["height"]) == (720, 1280)
    history = filmcrew("status", str(project), "--history")
    assert history.returncode == 0 and "storyboard" in history.stdout
