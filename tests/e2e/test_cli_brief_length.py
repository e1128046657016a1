"""A brief that names its length ("A 30-second spot") sets the film's length when --length is not given."""

from __future__ import annotations

import json

from tests.e2e.test_cli_bad_input import filmcrew

COFFEE = ("A 30-second spot for a neighbourhood coffee roaster: dawn, the roaster at work, the first cup, "
          "a regular customer's smile")


def test_a_thirty_second_spot_is_planned_at_thirty_seconds_and_the_gate_lists_what_was_read(tmp_path):
    project = tmp_path / "spot"
    made = filmcrew("make", COFFEE, "--project", str(project))
    assert made.returncode == 3, made.stderr[-2000:]
    assert "making a 30 s" in made.stderr
    script = (project / "script" / "script.fountain").read_text()
    assert "ROASTER" in script and "SUPER: Neighbourhood Coffee Roaster" in script and "nurse" not in script.lower()
    report = json.loads(filmcrew("status", str(project), "--json").stdout)
    brief = next(r for r in report["readings"] if r["source"] == "brief")
    assert any("roaster" in line.lower() for line in brief["understood"])
