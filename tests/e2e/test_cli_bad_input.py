"""Bad input of every kind: one clear line on stderr, exit code 2, no traceback, nothing made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def filmcrew(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "studio", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env={**os.environ, "COLUMNS": "200"})


def assert_bad_input(result, mentions: str):
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert mentions.lower() in lines[0].lower()


def test_empty_brief(tmp_path):
    assert_bad_input(filmcrew("make", "   ", "--project", str(tmp_path / "p")), "brief is empty")
    assert not (tmp_path / "p").exists()


def test_script_that_is_a_directory(tmp_path):
    assert_bad_input(filmcrew("make", "--script", str(tmp_path), "--project", str(tmp_path / "p")), "folder")


def test_script_that_is_binary(tmp_path):
    blob = tmp_path / "film.fountain"
    blob.write_bytes(bytes(range(256)) * 64)
    assert_bad_input(filmcrew("make", "--script", str(blob), "--project", str(tmp_path / "p")), "")


def test_brief_file_that_is_binary(tmp_path):
    blob = tmp_path / "brief.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    assert_bad_input(filmcrew("make", "--brief-file", str(blob), "--project", str(tmp_path / "p")), "binary")


@pytest.mark.parametrize("aspect", ["4:3", "wide", ""])
def test_unknown_aspect(tmp_path, aspect):
    assert_bad_input(filmcrew("make", "a robot", "--aspect", aspect, "--project", str(tmp_path / "p")), "aspect")


@pytest.mark.parametrize("length", ["0", "-5", "nan"])
def test_zero_or_negative_length(tmp_path, length):
    assert_bad_input(filmcrew("make", "a robot", f"--length={length}", "--project", str(tmp_path / "p")), "--length")


def test_unwritable_project_folder(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert_bad_input(filmcrew("make", "a robot", "--project", str(blocker / "film")), "cannot write")
    assert blocker.read_text() == "not a folder"


def test_project_path_that_is_a_file(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("keep me")
    assert_bad_input(filmcrew("make", "a robot", "--project", str(blocker)), "file, not a folder")
    assert blocker.read_text() == "keep me"


def test_status_of_a_folder_that_is_not_a_project(tmp_path):
    assert_bad_input(filmcrew("status", str(tmp_path)), "not a filmcrew project")


def test_approve_with_a_pick_that_does_not_exist(tmp_path):
    project = tmp_path / "p"
    made = filmcrew("make", "a small robot learns to fly", "--length", "15", "--project", str(project))
    assert made.returncode == 3, made.stderr
    before = (project / "script" / "script.fountain").read_bytes()
    assert_bad_input(filmcrew("approve", str(project), "--pick", "99"), "no choice 99")
    assert (project / "script" / "script.fountain").read_bytes() == before


def test_model_engine_without_a_key_is_refused_before_any_work(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert_bad_input(filmcrew("make", "a robot", "--llm", "openai:gpt-5-mini", "--project", str(tmp_path / "p")),
                     "OPENAI_API_KEY")
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize("flag, spec, says", [("--video", "openai:sora-2", "sora"), ("--images", "openai:gpt-image-1", "shut down"),
                                              ("--llm", "banana", "llm")])
def test_shut_down_or_unknown_providers_are_refused(tmp_path, flag, spec, says):
    assert_bad_input(filmcrew("make", "a robot", flag, spec, "--project", str(tmp_path / "p")), says)


def test_music_file_missing(tmp_path):
    assert_bad_input(filmcrew("make", "a robot", "--music", str(tmp_path / "none.wav"), "--project",
                              str(tmp_path / "p")), "music")


def test_music_that_is_not_audio_is_refused_before_any_work(tmp_path):
    fake = tmp_path / "song.wav"
    fake.write_text("not a song, just words\n" * 100)
    assert_bad_input(filmcrew("make", "a robot", "--music", str(fake), "--project", str(tmp_path / "p")), "audio")
    assert not (tmp_path / "p").exists()


def test_script_over_ten_minutes_without_a_length(tmp_path):
    """A long script as written would make a long film nobody asked for: the person is asked for --length."""
    scenes = [f"INT. ROOM {i} - DAY\n\nAda waits by the window.\n\nADA\n" + "We cannot stay here tonight. " * 12
              for i in range(1, 41)]
    script = tmp_path / "long.fountain"
    script.write_text("Title: Long\n\n" + "\n\n".join(scenes) + "\n")
    result = filmcrew("make", "--script", str(script), "--project", str(tmp_path / "p"), "--yes")
    assert_bad_input(result, "--length")
    assert "as written" in result.stderr and not (tmp_path / "p").exists()
