"""The single-agent commands through the CLI: doctor, shots, shots check, qc."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from graph.runner import FilmRunner
from tests.e2e.test_cli_bad_input import assert_bad_input, filmcrew

DATA = Path(__file__).resolve().parents[2] / "evals" / "datasets"


def test_doctor_json_finds_the_planted_payoff_with_evidence():
    result = filmcrew("doctor", str(DATA / "script_doctor" / "scripts" / "payoff_whistle.fountain"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    hits = [f for f in report["findings"] if f["kind"] == "payoff_missing"]
    assert hits and hits[0]["scene"] == 1 and "WHISTLE" in hits[0]["evidence"].upper()
    assert len(report["mood_curve"]) == len(report["scenes"])


def test_doctor_refuses_non_utf8_and_non_screenplays(tmp_path):
    latin = tmp_path / "latin.fountain"
    latin.write_bytes("INT. CAFÉ - DAY\n\nMarie entre.\n".encode("latin-1"))
    assert_bad_input(filmcrew("doctor", str(latin)), "utf-8")
    recipe = tmp_path / "recipe.txt"
    recipe.write_text("Two eggs, flour, milk. Whisk and fry.\n")
    assert_bad_input(filmcrew("doctor", str(recipe)), "screenplay")
    huge = tmp_path / "huge.fountain"
    huge.write_bytes(b"INT. ROOM - DAY\n\n" + b"Words go here. " * 400_000)
    assert_bad_input(filmcrew("doctor", str(huge)), "MB")


def test_shots_breakdown_json_and_its_own_check_is_clean(tmp_path):
    script = DATA / "script_doctor" / "scripts" / "clean_keeper.fountain"
    result = filmcrew("shots", str(script), "--json")
    assert result.returncode == 0, result.stderr
    shots = json.loads(result.stdout)
    assert shots and {"id", "scene", "size", "angle", "movement", "lens_mm", "duration_s"} <= set(shots[0])
    listing = tmp_path / "shots.json"
    listing.write_text(result.stdout)
    check = filmcrew("shots", "check", str(listing), "--json")
    assert check.returncode == 0 and json.loads(check.stdout) == {"violations": []}
    # With no --length the breakdown plays the script as written, every scene at its own page time.
    from tools.screenplay.fountain_io import load_script
    from tools.shots.fit import natural_length_s

    written = load_script(script)
    assert {s["scene"] for s in shots} == {sc.index for sc in written.scenes}
    assert sum(s["duration_s"] for s in shots) >= 0.8 * (natural_length_s(written) - 6)


def test_shots_check_reports_a_broken_axis():
    result = filmcrew("shots", "check", str(DATA / "shots" / "axis_single_flip.json"), "--json")
    assert result.returncode == 0, result.stderr
    rules = {v["rule"] for v in json.loads(result.stdout)["violations"]}
    labels = [json.loads(line) for line in (DATA / "shots" / "labels.jsonl").read_text().splitlines() if line.strip()]
    expected = next({v["rule"] for v in c["violations"]} for c in labels if c["shotlist"] == "axis_single_flip.json")
    assert "axis_180" in rules and rules == expected


def test_qc_flags_the_frame_edited_outside_the_tool_and_only_that_one(tmp_path):
    project = tmp_path / "qc"
    made = filmcrew("make", "A lighthouse keeper finds a small robot washed ashore after a storm", "--length", "15",
                    "--variants", "1", "--yes", "--project", str(project))
    assert made.returncode == 0, made.stderr[-2000:]
    clean = json.loads(filmcrew("qc", str(project), "--json").stdout)
    assert not any(s["flagged"] for s in clean["shots"])

    runner = FilmRunner(project)
    frames = runner.state().frames
    runner.close()
    target = next(shot_id for shot_id, variants in frames.items() if variants[0].character_boxes)
    boxes = frames[target][0].character_boxes
    frame_path = project / frames[target][0].path
    image = np.asarray(Image.open(frame_path).convert("RGB")).copy()
    x, y, w, h = next(iter(boxes.values()))
    region = image[y:y + h, x:x + w]
    image[y:y + h, x:x + w] = region[..., ::-1]  # swap red and blue: a different coat, a different person
    Image.fromarray(image).save(frame_path)

    result = json.loads(filmcrew("qc", str(project), "--json").stdout)
    flagged = [s["id"] for s in result["shots"] if s["flagged"]]
    assert flagged == [target]
    assert (project / "qc" / "report.json").is_file()
