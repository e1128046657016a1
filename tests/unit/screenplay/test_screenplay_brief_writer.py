import re

import pytest

from graph.state import Brief
from tools.errors import BadInput
from tools.screenplay.analysis import analyze
from tools.screenplay.brief_reading import read_brief
from tools.screenplay.brief_writer import script_from_brief
from tools.screenplay.setups import emphasised_props

LIGHTHOUSE = "A lighthouse keeper finds a small robot washed ashore after a storm"
BRIEFS = [LIGHTHOUSE, "A 30-second brand short for Ember, a coffee brand", "A sci-fi chase through a neon city",
          "A child and a dog in a park", "Rain", "Two astronauts argue about the last oxygen tank on a broken station"]


def test_reading_the_lighthouse_brief():
    reading = read_brief(LIGHTHOUSE)
    assert reading.protagonist == "lighthouse keeper"
    assert (reading.companion, reading.companion_kind) == ("small robot", "robot")
    assert reading.settings[:2] == ["lighthouse", "shore"] and reading.event == "storm"


@pytest.mark.parametrize("text,field,value", [
    ("A 30-second brand short for Ember, a coffee brand", "product", "Ember"),
    ("A 15 second ad for Nimbus running shoes", "category", "running shoes"),
    ("Promo for a bike shop called Spokes", "product", "Spokes"),
    ("A dragon learns to bake bread", "want", "bake bread"),
    ("A child and a dog in a park", "together", True),
    ("An old woman teaches her grandson to fish on a frozen lake", "event", "ice"),
])
def test_reading_other_briefs(text, field, value):
    assert getattr(read_brief(text), field) == value


def test_brand_short_ends_on_the_brand():
    script = script_from_brief(Brief(text="A 30-second brand short for Ember, a coffee brand", length_s=30))
    assert script.title == "Ember" and len(script.scenes) == 4
    assert "SUPER: Ember." in script.fountain


def test_no_two_scenes_in_a_row_share_a_heading():
    for text in BRIEFS:
        for length in (30, 60, 90):
            headings = [s.heading for s in script_from_brief(Brief(text=text, length_s=length)).scenes]
            assert all(a != b for a, b in zip(headings, headings[1:])), headings


def test_lighthouse_script_names_the_keeper_and_meets_the_robot():
    script = script_from_brief(Brief(text=LIGHTHOUSE))
    assert script.source == "brief" and script.generated_by == "template:three-act-short"
    assert len(script.scenes) == 5
    hero, robot = script.characters[0], script.characters[1]
    assert "lighthouse keeper" in hero.description and hero.first_scene == 1
    assert "small robot" in robot.description and robot.first_scene == 2
    headings = " ".join(s.heading for s in script.scenes)
    assert "LIGHTHOUSE" in headings and "SHORE" in headings
    assert all(re.match(r"^(INT|EXT)\. .+ - (DAY|NIGHT|DUSK|DAWN|MORNING|AFTERNOON|LATER|CONTINUOUS)$", s.heading)
               for s in script.scenes)
    assert "storm" in script.fountain.lower() or "thunder" in script.fountain.lower()
    # First appearance in capitals, as Fountain writes it.
    assert re.search(rf"\b{hero.name} \(", script.scenes[0].elements[0].text)


@pytest.mark.parametrize("text", BRIEFS)
def test_every_brief_gives_a_storyboardable_script(text):
    script = script_from_brief(Brief(text=text))
    assert 4 <= len(script.scenes) <= 6
    assert sum(1 for s in script.scenes for el in s.elements if el.kind == "dialogue") >= 3
    props = emphasised_props(script)
    assert props and props[0].scene == 1
    # The prop set up in capitals comes back later in the film.
    later = " ".join(el.text.lower() for s in script.scenes[1:] for el in s.elements)
    assert props[0].name.split()[-1].lower() in later
    report = analyze(script)
    assert sum(1 for f in report.findings if f.severity != "low") <= 1, [f.evidence for f in report.findings]
    assert 0.6 * 60 <= sum(s.est_duration_s for s in report.scenes) <= 1.4 * 60


def test_length_sizes_the_script():
    counts = [len(script_from_brief(Brief(text=LIGHTHOUSE, length_s=s)).scenes) for s in (30, 60, 90)]
    assert counts[0] < counts[1] < counts[2]


def test_same_seed_same_script_other_seed_other_cast():
    a = script_from_brief(Brief(text=LIGHTHOUSE, seed=3))
    assert a == script_from_brief(Brief(text=LIGHTHOUSE, seed=3))
    names = {script_from_brief(Brief(text=LIGHTHOUSE, seed=s)).characters[0].name for s in range(6)}
    assert len(names) > 1


def test_revise_notes_change_the_script_visibly():
    base = script_from_brief(Brief(text=LIGHTHOUSE))
    dark = script_from_brief(Brief(text=LIGHTHOUSE), note="make it darker")
    hopeful = script_from_brief(Brief(text=LIGHTHOUSE), note="more hopeful ending")
    assert dark.scenes[-1].time_of_day == "NIGHT" and base.scenes[-1].time_of_day == "DAWN"
    assert hopeful.scenes[-1].time_of_day == "MORNING"
    last = {name: analyze(s).mood_curve[-1].valence for name, s in (("base", base), ("dark", dark), ("hope", hopeful))}
    assert last["dark"] < last["base"] <= last["hope"]
    assert "make it darker" in dark.fountain
    forest = script_from_brief(Brief(text=LIGHTHOUSE), note="set it in a forest")
    assert any("FOREST" in s.heading for s in forest.scenes) and not any("LIGHTHOUSE" in s.heading for s in forest.scenes)


def test_empty_brief_is_bad_input():
    with pytest.raises(BadInput):
        script_from_brief(Brief(text="   "))
