"""A cast saved from one film is found, and reused, in the next (through the CLI, new processes)."""

from __future__ import annotations

import json

from tests.e2e.test_cli_bad_input import filmcrew

BRIEF = "A lighthouse keeper finds a small robot washed ashore after a storm"


def cast_of(project):
    result = filmcrew("cast", "list", str(project), "--json")
    assert result.returncode == 0, result.stderr
    return {p["name"]: p for p in json.loads(result.stdout)}


def test_cast_saved_from_one_project_is_reused_by_the_next(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    made = filmcrew("make", BRIEF, "--length", "15", "--variants", "1", "--yes", "--project", str(first))
    assert made.returncode == 0, made.stderr[-2000:]
    original = cast_of(first)
    assert filmcrew("cast", "add", str(first)).returncode == 0
    library = json.loads(filmcrew("cast", "list", "--library", "--json").stdout)
    assert {p["name"] for p in library} == set(original)
    name = next(iter(original))
    shown = filmcrew("cast", "show", name, "--library")
    assert json.loads(shown.stdout)["signature_colors"] == original[name]["signature_colors"]

    # The next film has a different look, which would give its people other colours...
    started = filmcrew("make", BRIEF, "--length", "15", "--variants", "1", "--style", "neon cyberpunk night",
                       "--project", str(second))
    assert started.returncode == 3
    # ...unless the cast is imported from the library before the cast stage: then they are the same people.
    assert filmcrew("cast", "import", "library", str(second)).returncode == 0
    done = filmcrew("approve", str(second), "--yes")
    assert done.returncode == 0, done.stderr[-2000:]
    reused = cast_of(second)
    assert all(reused[n]["signature_colors"] == original[n]["signature_colors"] for n in original)
    profile = json.loads((second / "cast" / name / "profile.json").read_text())
    assert profile["signature_colors"] == original[name]["signature_colors"]


def test_cast_show_of_an_unknown_character_is_bad_input(tmp_path):
    result = filmcrew("cast", "show", "NOBODY", "--library")
    assert result.returncode == 2 and "no character" in result.stderr
