"""The one-line words a gate shows of what the crew understood and could not do."""

from __future__ import annotations

from graph.alternatives import alternatives_asked
from graph.readings import gate_lines, readings_report, understood_line
from graph.state import (Brief, FilmState, GateAnswer, GateRecord, Reading, Shot, ShotList, Understood)
from studio.report import gate_said
from tools.shots.revise import read_shot_note


def test_understood_lines_say_what_the_words_became_and_what_draws_them():
    assert understood_line(Understood(text="roastery", became="place", drawn_as="workshop")) == \
        "roastery: place, drawn as workshop"
    assert understood_line(Understood(text="ROASTER", became="character", detail="the roaster, a woman in her 40s")) \
        == "ROASTER: character — the roaster, a woman in her 40s"


def _state(readings, history=()):
    return FilmState(brief=Brief(text="x"), readings=list(readings), history=list(history))


def test_a_gate_shows_only_the_readings_made_since_the_last_answer():
    brief = Reading(source="brief", stage="script_doctor", text="a roaster at dawn",
                    used=[Understood(text="roaster", became="character")], not_understood=["make it rhyme"])
    understood, missed, nothing = gate_lines(_state([brief]))
    assert understood == ["roaster: character"] and missed == ["'make it rhyme': not understood"] and not nothing
    note = Reading(source="note", stage="editor", text="more cinematic", not_understood=["more cinematic"])
    answered = GateRecord(gate="cut", answer=GateAnswer(action="revise", note="more cinematic"), at="t",
                          readings_seen=1)
    understood, missed, nothing = gate_lines(_state([brief, note], [answered]))
    assert understood == [] and nothing
    assert missed[0].startswith("Nothing of the note 'more cinematic' was applied")


def test_status_lists_every_reading_with_its_lines():
    brief = Reading(source="brief", stage="script_doctor", text="a roaster",
                    used=[Understood(text="roastery", became="place", drawn_as="workshop")])
    rows = readings_report(_state([brief]))
    assert rows[0]["source"] == "brief" and rows[0]["understood"] == ["roastery: place, drawn as workshop"]
    assert gate_said({"understood": ["a"], "not_applied": ["b"]}) == ["understood:", "  - a", "not applied:", "  - b"]


def _shots():
    return ShotList(shots=[Shot(id="1.1", scene=1, size="WS", duration_s=3.0),
                           Shot(id="1.2", scene=1, size="MS", duration_s=3.0)])


def test_a_shot_note_naming_a_missing_shot_applies_the_rest_and_says_the_missing_one():
    shots, changed, reading = read_shot_note(_shots(), "shot 1.2: low angle; shot 9.9: close-up")
    assert changed == ["1.2"] and shots.shots[1].angle == "low" and shots.shots[0] == _shots().shots[0]
    assert reading.used[0].text == "shot 1.2" and "low angle" in reading.used[0].detail
    assert any("9.9" in line for line in reading.not_applied)


def test_a_shot_note_that_cannot_apply_at_all_changes_nothing_and_says_why():
    shots, changed, reading = read_shot_note(_shots(), "shot 9.9: low angle")
    assert changed == [] and shots == _shots() and reading.used == []
    assert "9.9" in reading.not_applied[0]


def test_alternative_endings_are_counted_and_a_plain_ending_note_is_not_a_fork():
    assert alternatives_asked("give me two alternative endings")[0] == 2
    assert alternatives_asked("give me 3 alternative versions with different endings")[0] == 3
    assert alternatives_asked("two alternative endings, one sad and one twist") == (2, ["sad", "twist"])
    assert alternatives_asked("make the ending sad") == (0, [])
    assert alternatives_asked("a different ending") == (0, [])
