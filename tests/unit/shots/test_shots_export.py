"""Shot list files: JSON round trip, strict loading, the CSV and the storyboard PDF."""

from __future__ import annotations

import csv
import json
import re

import pytest
from film_scripts import lighthouse
from PIL import Image

from graph.state import Shot, ShotList
from tools.errors import BadInput
from tools.shots.breakdown import break_down
from tools.shots.export import CSV_COLUMNS, write_shotlist_csv, write_storyboard_pdf
from tools.shots.io import load_shotlist, shotlist_json


@pytest.fixture(scope="module")
def shotlist():
    return break_down(lighthouse(), 60)


def test_json_round_trip_and_spec_shape(tmp_path, shotlist):
    text = shotlist_json(shotlist)
    data = json.loads(text)
    assert isinstance(data, list) and data[0]["id"] == "1.1"
    assert {"id", "scene", "size", "angle", "movement", "lens_mm", "duration_s", "subjects",
            "screen_side", "description"} <= set(data[0])
    assert "dialogue" not in data[0]  # absent, not null, when nobody speaks
    path = tmp_path / "shotlist.json"
    path.write_text(text)
    assert load_shotlist(path) == shotlist
    path.write_text(json.dumps({"shots": data}))
    assert load_shotlist(str(path)) == shotlist


@pytest.mark.parametrize("content, why", [
    ("not json", "not JSON"),
    ('{"scenes": []}', "not a shot list"),
    ('[1, 2]', "not a JSON object"),
    ('[{"id": "1.1", "scene": 1, "size": "HUGE", "duration_s": 2}]', "size"),
    ('[{"id": "1.1", "scene": 1, "size": "WS", "duration_s": 0}]', "duration_s"),
    ('[{"id": "1.1", "scene": 1, "size": "WS", "duration_s": 2, "colour": "red"}]', "colour"),
    ('[{"id": "A", "scene": 1, "size": "WS", "duration_s": 2}]', "'<scene>.<n>'"),
    ('[{"id": "2.1", "scene": 1, "size": "WS", "duration_s": 2}]', "'<scene>.<n>'"),
    ('[{"id": "1.1", "scene": 1, "size": "WS", "duration_s": 2},'
     ' {"id": "1.1", "scene": 1, "size": "MS", "duration_s": 2}]', "twice"),
])
def test_bad_shot_list_files_fail_with_one_line(tmp_path, content, why):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(BadInput) as err:
        load_shotlist(path)
    assert why in str(err.value) and "\n" not in str(err.value)


def test_missing_file_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match="not found"):
        load_shotlist(tmp_path / "nope.json")


def test_csv_has_the_crew_columns_and_every_shot(tmp_path, shotlist):
    path = write_shotlist_csv(shotlist, tmp_path / "shots" / "shotlist.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["shot"] for r in rows] == [s.id for s in shotlist.shots]
    eli = next(r for r in rows if r["shot"] == "2.4")
    shot = next(s for s in shotlist.shots if s.id == "2.4")
    assert (eli["size"], eli["lens"], float(eli["duration"])) == (shot.size, str(shot.lens_mm), shot.duration_s)
    assert eli["dialogue"] == shot.dialogue and eli["subjects"] == "; ".join(shot.subjects)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_storyboard_pdf_lays_out_frames_and_empty_panels(tmp_path, shotlist):
    frame = tmp_path / "1.1.png"
    Image.new("RGB", (320, 180), (30, 60, 90)).save(frame)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    frames = {"1.1": str(frame), "1.2": str(broken)}
    path = write_storyboard_pdf(shotlist, frames, tmp_path / "storyboard.pdf", title="The Keeper")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert _pages(data) == -(-len(shotlist.shots) // 6)  # six panels a page
    assert data.count(b"/Subtype /Image") == 1  # only the readable frame is placed
    no_frames = write_storyboard_pdf(shotlist, {}, tmp_path / "empty.pdf").read_bytes()
    assert b"/Subtype /Image" not in no_frames


def test_storyboard_prints_dialogue_beyond_latin_1(tmp_path, caplog):
    shots = ShotList(shots=[Shot(id="1.1", scene=1, size="CU", duration_s=3, subjects=["ЮЛЯ"],
                                 description="Крупный план", dialogue="ЮЛЯ: Ça va? Ελπίδα — «ok»")])
    with caplog.at_level("WARNING"):
        data = write_storyboard_pdf(shots, {}, tmp_path / "u.pdf").read_bytes()
    assert b"DejaVu" in data and _pages(data) == 1
    assert not [r for r in caplog.records if "missing" in r.getMessage().lower()]
    with pytest.raises(BadInput):
        write_storyboard_pdf(ShotList(), {}, tmp_path / "none.pdf")
