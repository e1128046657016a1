"""Through the CLI, each call a new process: the gate says what was understood, status lists it,
and 'two alternative endings' makes versions (stops at the script gate: no full film is made)."""

from __future__ import annotations

import json

from tests.e2e.test_cli_bad_input import filmcrew

BRIEF = "A 30-second spot for a neighbourhood coffee roaster: dawn, the roaster at work, the first cup"


def test_the_script_gate_says_what_was_understood_and_alternatives_become_versions(tmp_path):
    project = tmp_path / "spot"
    made = filmcrew("make", BRIEF, "--length", "30", "--variants", "1", "--project", str(project))
    assert made.returncode == 3, made.stderr[-2000:]
    assert "understood:" in made.stderr and "roaster" in made.stderr.lower()
    status = filmcrew("status", str(project), "--json")
    report = json.loads(status.stdout)
    assert report["readings"][0]["source"] == "brief" and report["gate"]["understood"]
    forked = filmcrew("revise", str(project), "two alternative endings")
    assert forked.returncode == 3, forked.stderr[-2000:]
    assert "Made 2 version(s)" in forked.stderr and "ending-sad" in forked.stderr
    versions = json.loads(filmcrew("versions", str(project), "--json").stdout)
    assert {"main", "ending-sad"} <= {v["name"] for v in versions} and len(versions) == 3
