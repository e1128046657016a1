"""A chat that starts from a brief reaches a draft film (offline grammar, a new process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def chat(project, lines: list[str], *extra):
    return subprocess.run([sys.executable, "-m", "studio", "chat", str(project), *extra],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "200"})


def test_chat_from_brief_to_draft_film_with_a_note_and_a_version(tmp_path):
    project = tmp_path / "chatfilm"
    transcript = ["A lighthouse keeper finds a small robot washed ashore after a storm",
                  "approve",                              # script
                  "redo shot 1.1 as a low angle",        # at the shots gate: a revise of that shot only
                  "approve",                              # shots
                  "pick 1",                               # style: the second look
                  "approve",                              # storyboard
                  "approve",                              # cut → draft film
                  "make it warmer",                       # style is behind us → a new version
                  "versions",
                  "quit"]
    result = chat(project, transcript, "--length", "15", "--aspect", "1:1")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "The draft film is ready" in result.stdout
    assert (project / "edit" / "full.mp4").stat().st_size > 10_000
    shots = json.loads((project / "shots" / "shotlist.json").read_text())
    assert shots[0]["angle"] == "low"
    assert "make-it-warmer" in result.stdout and (project / "versions" / "make-it-warmer").is_dir()
    status = subprocess.run([sys.executable, "-m", "studio", "status", str(project), "--json"],
                            capture_output=True, text=True, timeout=120)
    history = json.loads(status.stdout)["history"]
    assert [h["gate"] for h in history] == ["script", "shots", "shots", "style", "storyboard", "cut"]
    assert history[1]["answer"] == {"action": "revise", "pick": 0, "shot": None, "note": "redo shot 1.1 as a low angle"}
