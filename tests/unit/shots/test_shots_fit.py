"""Fitting an imported script to --length: scenes chosen, lines trimmed, the story kept."""

from __future__ import annotations

import random

import pytest

from graph.state import MoodPoint, SceneSummary, ScriptReport, Shot, ShotList
from tools.screenplay.reading import scene_seconds
from tools.shots.fit import natural_length_s, plan_cut, read_length_note, trim_scene
from tools.shots.grammar import CARDS_S
from tests.unit.shots.film_scripts import action, line, scene, script

WORDS = ("I never asked for this. You knew the train was late. Tell me where the key is. "
         "We cannot stay here tonight. She said the money was gone. Look at me when I talk to you.").split(". ")


def long_script(scenes: int = 36, seed: int = 4):
    """A feature-sized script nobody tuned to: scenes of one line to long exchanges, three speakers."""
    rng = random.Random(seed)
    places = ["KITCHEN", "ROOFTOP", "STATION", "OFFICE", "BEACH", "GARAGE"]
    out = []
    for i in range(1, scenes + 1):
        who = rng.sample(["ADA", "BRUNO", "CLEO"], rng.randint(1, 3))
        els = [action(f"{who[0].title()} waits in the {places[i % 6].lower()}. Rain on the glass.")]
        for k in range(rng.choice([0, 1, 2, 4, 8, 12])):
            speech = ". ".join(rng.sample(WORDS, rng.randint(1, 5))) + "."
            els.append(line(who[k % len(who)], speech))
        out.append(scene(i, f"{'INT' if i % 3 else 'EXT'}. {places[i % 6]} {i} - DAY", els, who))
    return script("Long Night", out)


def report_for(sc, climax: int) -> ScriptReport:
    n = len(sc.scenes)
    roles = ["setup" if i < 3 else "resolution" if i > climax else "rising action" for i in range(n)]
    roles[3], roles[climax] = "inciting incident", "climax"
    return ScriptReport(
        scenes=[SceneSummary(index=s.index, heading=s.heading, est_duration_s=scene_seconds(s), role=r)
                for s, r in zip(sc.scenes, roles)],
        mood_curve=[MoodPoint(scene=i + 1, valence=0.0, intensity=0.9 if i == climax else 0.3) for i in range(n)])


def test_a_long_script_with_length_60_is_planned_within_15_percent_and_keeps_its_spine():
    sc = long_script()
    assert natural_length_s(sc) > 600  # a script that would run over ten minutes as written
    cut = plan_cut(sc, 60.0, report=report_for(sc, climax=27))
    assert 51 <= cut.planned_s <= 69
    kept = {s.scene for s in cut.shotlist.shots}
    assert {1, 4, 28, 36} <= kept  # opening, inciting incident, climax, ending
    # What was left out is said in words: every dropped scene's heading, none of the kept ones.
    headings = {s.index: s.heading for s in sc.scenes}
    assert len(cut.omitted) == len(sc.scenes) - len(kept) > 10
    for said in cut.omitted:
        number, heading = said.split(". ", 1)
        assert headings[int(number)] == heading and int(number) not in kept
    assert cut.shotlist.fitted_to_s == 60.0 and cut.shotlist.natural_s == natural_length_s(sc)
    # Every shot's lines are lines of the script the cut plays, which holds only the kept scenes.
    assert [s.index for s in cut.script.scenes] == sorted(kept)


def test_the_script_as_written_plays_every_scene_at_its_natural_length():
    sc = long_script(scenes=12, seed=2)
    cut = plan_cut(sc, None)
    natural = natural_length_s(sc)
    assert cut.omitted == [] and cut.shotlist.trimmed == []
    assert {s.scene for s in cut.shotlist.shots} == {s.index for s in sc.scenes}
    assert abs(cut.planned_s - natural) <= 0.15 * natural


def test_without_a_report_position_and_length_keep_the_opening_and_the_ending():
    sc = long_script(scenes=40, seed=9)
    for target in (30.0, 120.0):
        cut = plan_cut(sc, target)
        kept = {s.scene for s in cut.shotlist.shots}
        assert {1, 40} <= kept
        assert abs(cut.planned_s - target) <= 0.15 * target


def test_a_breakdown_that_cannot_stretch_or_squeeze_is_still_fitted_by_choosing_scenes():
    """The breakdown is a black box: one whose shots are fixed by the lines, whatever length is asked."""
    def rigid(sc, _target):
        return ShotList(shots=[Shot(id=f"{s.index}.1", scene=s.index, size="MS", duration_s=0.6 * scene_seconds(s))
                               for s in sc.scenes])

    sc = long_script(scenes=36, seed=5)
    cut = plan_cut(sc, 90.0, breakdown=rigid)
    assert abs(cut.planned_s - 90.0) <= 0.15 * 90.0
    assert cut.omitted


def test_a_breakdown_that_numbers_the_scenes_it_is_given_from_one_gets_the_scripts_numbers_back():
    from tools.shots.breakdown import break_down

    def renumbering(sc, target):
        return break_down(sc.model_copy(update={"scenes": [s.model_copy(update={"index": i + 1})
                                                           for i, s in enumerate(sc.scenes)]}), target)

    sc = long_script(scenes=30, seed=6)
    cut = plan_cut(sc, 60.0, breakdown=renumbering)
    kept = {s.scene for s in cut.shotlist.shots}
    assert {1, 30} <= kept and all(s.id.split(".")[0] == str(s.scene) for s in cut.shotlist.shots)
    assert kept == {s.index for s in cut.script.scenes}


def test_speeches_are_trimmed_at_sentence_boundaries_and_long_exchanges_keep_their_ends():
    lines = [line("ADA" if k % 2 else "BRUNO", f"Line {k} starts. It goes on. It ends here.") for k in range(10)]
    sc = scene(1, "INT. KITCHEN - DAY", [action("Ada waits. The kettle sings. Nobody moves.")] + lines, ["ADA", "BRUNO"])
    light, shortened, dropped = trim_scene(sc, 1)
    spoken = [e.text for e in light.elements if e.kind == "dialogue"]
    assert spoken[0] == "Line 0 starts. It goes on." and len(spoken) == 10 and shortened == 10 and dropped == 0
    bare, _, dropped = trim_scene(sc, 2)
    spoken = [e.text for e in bare.elements if e.kind == "dialogue"]
    assert spoken == ["Line 0 starts.", "Line 1 starts.", "Line 2 starts.",
                      "Line 7 starts.", "Line 8 starts.", "Line 9 starts."] and dropped == 4
    assert trim_scene(sc, 0)[0] == sc


@pytest.mark.parametrize("note", ["the script as written", "Keep every scene", "play the full script please",
                                  "don't drop any scenes", "use the whole screenplay"])
def test_notes_asking_for_the_whole_script(note):
    assert read_length_note(note).as_written


@pytest.mark.parametrize("note,seconds", [("make it 2 minutes", 120.0), ("cut it down to 45 seconds", 45.0),
                                          ("length 90 s", 90.0)])
def test_notes_giving_a_length(note, seconds):
    assert read_length_note(note).target_s == seconds


@pytest.mark.parametrize("note", ["shot 3.2: hold 4 s", "more close-ups", "handheld in scenes 2 and 3", "tighter"])
def test_notes_about_shots_say_nothing_of_the_length(note):
    assert read_length_note(note).is_empty


def test_natural_length_is_the_reading_time_plus_the_cards():
    sc = long_script(scenes=5, seed=1)
    assert natural_length_s(sc) == pytest.approx(CARDS_S + sum(scene_seconds(s) for s in sc.scenes), abs=0.1)
