"""Briefs of any subject give scripts about those briefs; notes change what they say, or say why not."""

import re

import pytest

from graph.state import Brief
from tools.errors import BadInput
from tools.screenplay.brief_writer import script_from_brief, write_from_brief
from tools.screenplay.fountain_io import parse_fountain
from tools.screenplay.setups import emphasised_props

COFFEE = ("A 30-second spot for a neighbourhood coffee roaster: dawn, the roaster at work, the first cup, "
          "a regular customer's smile")
JAZZ = "A jazz singer in 1920s Paris loses her voice the night before the big show"
CHESS = "Two rival chess grandmasters fall in love during a tournament in Reykjavik"
RACERS = "Two rival street racers in a neon city must team up to escape a storm"
KITE = "A girl and her grandfather fly a kite together on a windy hill as a storm rolls in"
KITE_NOTE = "the kite is the key prop; only two characters; no storm; end flying the kite at sunset"
_HEADING = re.compile(r"^(INT|EXT)\. .+ - (DAY|NIGHT|DUSK|DAWN|MORNING|LATER|CONTINUOUS)$")


def _story(script) -> str:
    return " ".join([s.heading for s in script.scenes] + [e.text for s in script.scenes for e in s.elements]).lower()


def test_the_coffee_spot_plays_its_beats_in_order_and_ends_on_the_brand():
    script, readings = write_from_brief(Brief(text=COFFEE, length_s=30))
    assert script.generated_by == "template:brief-structure" and script.source == "brief"
    actions = [" ".join(e.text for e in s.elements).lower() for s in script.scenes]
    order = [next(i for i, a in enumerate(actions) if word in a) for word in ("dawn", "at work", "cup", "smile")]
    assert order == sorted(order) and len(set(order)) == 4
    assert script.scenes[0].time_of_day == "DAWN"
    assert all("COFFEE ROASTER" in s.heading for s in script.scenes)  # the roastery is the set
    assert {"ROASTER", "CUSTOMER"} <= {c.name for c in script.characters}
    last = script.scenes[-1].elements[-1].text
    assert last.startswith("SUPER: Neighbourhood Coffee Roaster")
    assert "nurse" not in script.fountain.lower() and "hospital" not in script.fountain.lower()
    became = {(u.text, u.became) for u in readings[0].used}
    assert ("roaster", "character") in became and ("cup", "prop") in became and ("dawn", "time") in became


def test_the_jazz_brief_is_set_in_1920s_paris_the_night_before_the_show():
    script, readings = write_from_brief(Brief(text=JAZZ))
    story = _story(script)
    assert "paris" in story and "1920s" in story and "voice" in story and "show" in story
    assert script.characters[0].name == "SINGER" and "jazz singer" in script.characters[0].description
    assert all(s.time_of_day in ("NIGHT", "LATER", "CONTINUOUS") for s in script.scenes)
    assert script.title == "The Big Show" and "torch" not in story and "storm" not in story
    paris = next(u for u in readings[0].used if u.text == "Paris")
    assert paris.became == "place" and paris.drawn_as == "city"  # drawn by its stand-in, and said so


def test_the_chess_brief_is_a_tournament_in_reykjavik():
    script = script_from_brief(Brief(text=CHESS))
    story = _story(script)
    assert "reykjavik" in story and "tournament" in story and "chess" in story and "love" in story
    assert [c.name for c in script.characters] == ["GRANDMASTER 1", "GRANDMASTER 2"]
    assert "torch" not in story and "storm" not in story and script.title != script_from_brief(
        Brief(text=JAZZ)).title


def test_the_racers_never_get_a_team_prop_and_the_kite_never_a_together_character():
    racers = script_from_brief(Brief(text=RACERS))
    assert not any("TEAM" in p.name for p in emphasised_props(racers))
    assert "storm" in _story(racers) and "neon city" in _story(racers)
    kite = script_from_brief(Brief(text=KITE))
    assert not any("together" in c.description.lower().split(",")[0] or "TOGETHER" in c.name
                   for c in kite.characters)
    assert [c.name for c in kite.characters] == ["GIRL", "GRANDFATHER"]
    assert emphasised_props(kite)[0].name == "KITE"


@pytest.mark.parametrize("brief", [COFFEE, JAZZ, CHESS, RACERS, KITE])
def test_every_script_is_valid_fountain_with_clean_headings(brief):
    script = script_from_brief(Brief(text=brief))
    again = parse_fountain(script.fountain)
    assert [s.heading for s in again.scenes] == [s.heading for s in script.scenes]
    assert all(_HEADING.match(s.heading) for s in script.scenes), [s.heading for s in script.scenes]
    headings = [s.heading for s in script.scenes]
    assert all(a != b for a, b in zip(headings, headings[1:]))


def test_the_kite_note_changes_exactly_what_it_asks():
    base, _ = write_from_brief(Brief(text=KITE))
    noted, readings = write_from_brief(Brief(text=KITE), [KITE_NOTE])
    assert "storm" in _story(base) and "storm" not in _story(noted)
    assert [c.name for c in noted.characters] == [c.name for c in base.characters] == ["GIRL", "GRANDFATHER"]
    assert emphasised_props(noted)[0].name == "KITE"
    last = noted.scenes[-1]
    assert last.time_of_day == "DUSK" and base.scenes[-1].time_of_day != "DUSK"
    assert "flying the kite" in " ".join(e.text for e in last.elements).lower()
    # The other scenes keep their sets: the note touched the weather and the ending, not the places.
    assert [s.location for s in noted.scenes] == [s.location for s in base.scenes]
    note = readings[-1]
    assert note.source == "note" and note.text == KITE_NOTE and note.not_applied == []
    assert {u.became for u in note.used} >= {"prop", "weather", "ending"}


def test_a_note_part_that_cannot_be_applied_is_listed_in_words():
    _, readings = write_from_brief(Brief(text=KITE), ["lose the dragon; make it night; subtitles off"])
    note = readings[-1]
    assert any("dragon" in line for line in note.not_applied)
    assert any("subtitles off" in line for line in note.not_applied) and note.not_understood == ["subtitles off"]
    assert not any("night" in line for line in note.not_applied)


def test_notes_accumulate_and_a_forced_ending_changes_only_the_last_scene():
    one, _ = write_from_brief(Brief(text=KITE), ["no storm"])
    two, readings = write_from_brief(Brief(text=KITE), ["no storm", "make it night"])
    assert "storm" not in _story(two) and all(s.time_of_day in ("NIGHT", "LATER", "CONTINUOUS") for s in two.scenes)
    assert [r.source for r in readings] == ["brief", "note", "note"]
    happy, _ = write_from_brief(Brief(text=KITE), ["ending: happy"])
    sad, _ = write_from_brief(Brief(text=KITE), ["ending: sad"])
    forced, _ = write_from_brief(Brief(text=KITE), ending="sad")
    def texts(scene):
        return [e.text for e in scene.elements]

    assert texts(happy.scenes[-1]) != texts(sad.scenes[-1])
    assert [texts(s) for s in happy.scenes[:-1]] == [texts(s) for s in sad.scenes[:-1]]
    assert texts(forced.scenes[-1]) == texts(sad.scenes[-1])
    assert one != two


def test_dropping_and_adding_characters():
    dropped, readings = write_from_brief(Brief(text=KITE), ["drop the grandfather"])
    assert [c.name for c in dropped.characters] == ["GIRL"]
    added, readings = write_from_brief(Brief(text=KITE), ["add a dog"])
    assert "DOG" in [c.name for c in added.characters] and readings[-1].not_applied == []
    capped, readings = write_from_brief(Brief(text=KITE), ["only one character"])
    assert [c.name for c in capped.characters] == ["GIRL"]


def test_a_brief_with_names_keeps_them_and_length_sets_the_scene_count():
    script = script_from_brief(Brief(text="Maya and Leo build a raft to cross the river"))
    assert [c.name for c in script.characters][:2] == ["MAYA", "LEO"] and "raft" in _story(script)
    counts = [len(script_from_brief(Brief(text=JAZZ, length_s=s)).scenes) for s in (30, 60, 90)]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_same_brief_same_script_and_an_empty_brief_is_refused():
    assert script_from_brief(Brief(text=JAZZ)) == script_from_brief(Brief(text=JAZZ))
    with pytest.raises(BadInput):
        script_from_brief(Brief(text="   "))
    with pytest.raises(BadInput):
        write_from_brief(Brief(text=JAZZ), ending="bittersweet-ish")
