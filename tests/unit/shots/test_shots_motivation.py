"""Motivated coverage: people in the establishing wides, camera moves earned by the beat,
reactions and points of view where the script implies them."""

from __future__ import annotations

import pytest
from film_scripts import (
    action, brass_lantern, crowd, kitchen_argument, lighthouse, line, market_chase,
    morning_with_dog, scene, script, two_hander,
)

from tools.shots.beats import tone_of
from tools.shots.breakdown import break_down
from tools.shots.rules import check_shots

STORIES = {"brass_lantern": brass_lantern, "kitchen_argument": kitchen_argument,
           "market_chase": market_chase, "morning_with_dog": morning_with_dog}


def scene_shots(shotlist, index):
    return [s for s in shotlist.shots if s.scene == index]


def scene_sides(shotlist, index):
    """Every side each character holds in the scene, across all its shots."""
    sides: dict[str, set[str]] = {}
    for s in scene_shots(shotlist, index):
        for name, side in s.screen_side.items():
            sides.setdefault(name, set()).add(side)
    return sides


@pytest.mark.parametrize("name", sorted(STORIES))
@pytest.mark.parametrize("length", [30, 60, 120])
def test_every_new_story_breaks_down_clean(name, length):
    film = STORIES[name]()
    assert check_shots(break_down(film, length), film) == []


def test_establishing_wide_of_an_action_line_shows_who_is_acting():
    shotlist = break_down(brass_lantern(), 60)
    routine = scene_shots(shotlist, 1)[0]  # "OTTO goes about the evening routine"
    stairs = scene_shots(shotlist, 4)[0]   # "Otto races up the spiral stairs"
    for wide in (routine, stairs):
        assert wide.size in ("EWS", "WS")
        assert wide.subjects == ["OTTO"]
        assert "OTTO small in frame" in wide.description
    # The side in the wide is the side Otto keeps for the rest of the scene.
    for index in (1, 4):
        assert len(scene_sides(shotlist, index)["OTTO"]) == 1


def test_two_people_in_the_opening_beat_both_appear_on_their_scene_sides():
    shotlist = break_down(morning_with_dog(), 60)
    wide = scene_shots(shotlist, 1)[0]  # "MAY sleeps. Her old dog BISCUIT watches the door."
    assert set(wide.subjects) == {"MAY", "BISCUIT"}
    assert wide.screen_side["MAY"] != wide.screen_side["BISCUIT"]
    assert {n: len(sides) for n, sides in scene_sides(shotlist, 1).items()} == {"MAY": 1, "BISCUIT": 1}


def test_an_establishing_beat_with_nobody_in_it_stays_empty():
    shotlist = break_down(brass_lantern(), 60)
    assert scene_shots(shotlist, 2)[0].subjects == []  # thunder and rain, Tink not found yet
    assert scene_shots(break_down(crowd(), 60), 2)[0].subjects == []  # an empty street


def test_a_wide_of_a_characters_action_includes_them_even_as_a_pronoun():
    shots = break_down(market_chase(), 60).shots
    torn = next(s for s in shots if "tears it" in s.description)  # "A COP grabs at his jacket"
    assert torn.subjects == ["RIO"] and torn.screen_side == {"RIO": "left"}


def test_storm_and_running_go_handheld():
    shotlist = break_down(brass_lantern(), 60)
    storm = scene_shots(shotlist, 2)[0]   # "Thunder cracks. Rain lashes down."
    racing = scene_shots(shotlist, 4)[0]  # "Otto races up the spiral stairs, heart pounding."
    for shot in (storm, racing):
        assert shot.movement == "handheld" and "chaos" in shot.movement_reason
    chase = scene_shots(break_down(market_chase(), 60), 2)[0]  # "Rio runs, scattering chickens"
    assert chase.movement == "handheld"


def test_a_realisation_pushes_in_and_a_sudden_shock_zooms():
    shots = break_down(kitchen_argument(), 60).shots
    realises = next(s for s in shots if "realises" in s.description and s.size != "INSERT")
    assert realises.movement == "dolly_in" and "realisation" in realises.movement_reason
    boils = next(s for s in shots if "boils over" in s.description and "reacting" not in s.description)
    assert boils.movement == "zoom_in" and "shock" in boils.movement_reason


def test_height_tilts_the_way_the_eye_travels():
    shotlist = break_down(market_chase(), 60)
    ladder = scene_shots(shotlist, 3)[0]  # "Rio climbs the fire ladder to the rooftops"
    assert ladder.movement == "tilt_up" and "height" in ladder.movement_reason
    below = next(s for s in scene_shots(shotlist, 3) if s.size == "POV")  # "looks down at ... far below"
    assert below.movement == "tilt_down"


def test_five_scenes_get_a_varied_set_of_motivated_moves():
    for film in (brass_lantern(), lighthouse()):
        shots = break_down(film, 60).shots
        assert len({s.movement for s in shots}) >= 4
        for s in shots:
            assert s.movement_reason
            if s.movement != "static":
                assert not s.movement_reason.startswith("static")


def test_calm_dialogue_plays_on_a_still_frame():
    shots = break_down(two_hander(), 60).shots
    calm = [s for s in shots if s.dialogue and ("I had to." in s.dialogue or "You sold the boat." in s.dialogue)]
    assert calm and all(s.movement == "static" for s in calm)
    late = next(s for s in break_down(kitchen_argument(), 60).shots
                if s.dialogue and "late again" in s.dialogue)
    assert late.movement == "static"


def test_the_films_last_shot_lets_go():
    for film in (brass_lantern(), morning_with_dog(), two_hander()):
        last = break_down(film, 60).shots[-1]
        assert last.movement in ("crane_up", "dolly_out") and "last image" in last.movement_reason


def test_an_ending_on_a_reveal_keeps_its_reveal():
    film = lighthouse()
    # End the film on the reveal itself: "The beam rises and sweeps the sea".
    ending = film.scenes[-1].model_copy(update={"elements": film.scenes[-1].elements[:1]})
    film = film.model_copy(update={"scenes": film.scenes[:-1] + [ending]})
    last = break_down(film, 60).shots[-1]
    assert "beam rises" in last.description
    assert last.movement == "crane_down"


def test_a_static_note_still_holds_every_frame_still():
    shots = break_down(brass_lantern(), 60, note="locked-off, no camera moves").shots
    assert {s.movement for s in shots} == {"static"}


@pytest.mark.parametrize("name", ["kitchen_argument", "market_chase", "morning_with_dog", "brass_lantern"])
def test_points_of_view_and_reactions_appear_where_the_script_implies_them(name):
    film = STORIES[name]()
    shots = break_down(film, 60).shots
    looks = [e.text for sc in film.scenes for e in sc.elements
             if e.kind == "action" and any(w in e.text for w in (" sees ", " watches ", " looks ", " stares "))]
    povs = [s for s in shots if s.size == "POV"]
    assert len(povs) == len(looks)
    for pov in povs:  # a POV is always cut from the face doing the looking
        before = shots[shots.index(pov) - 1]
        assert before.size == "MCU" and "looking" in before.description
        assert pov.description.startswith(f"Point of view of {before.subjects[0]}")
    if name != "market_chase":  # Rio is alone: nobody is there to react
        assert any("reacting" in s.description for s in shots)


def test_a_reaction_answers_the_beat_that_landed_from_across_the_line():
    shots = break_down(kitchen_argument(), 60).shots
    for i, s in enumerate(shots):
        if "reacting" in s.description:
            landed = shots[i - 1]
            assert s.size == "CU" and landed.subjects != s.subjects
            face = s.subjects[0]
            assert all(side != s.screen_side[face] for n, side in landed.screen_side.items() if n != face)


def test_no_reaction_is_left_to_a_beat_the_cut_dropped():
    film = script("Alley", [scene(1, "EXT. ALLEY - NIGHT", [
        action("ZOE (20s) and KAI (20s) wait under a lamp."),
        line("ZOE", "He's late."),
        line("KAI", "He's always late."),
        action("A car explodes at the end of the street!"),
        line("ZOE", "Run!"),
    ], ["ZOE", "KAI"])])
    reacted = False
    for length in (15, 30, 60):
        shots = break_down(film, length).shots
        for i, s in enumerate(shots):
            if "reacting to 'A car explodes" in s.description:
                assert "explodes" in shots[i - 1].description
                reacted = True
    assert reacted  # with time to spare, the explosion does get its reaction


@pytest.mark.parametrize("text, tone", [
    ("Rain lashes the deck as the storm hits.", "chaos"),
    ("Without warning, a gunshot.", "shock"),
    ("The city comes into view below the clouds.", "reveal"),
    ("Ana realises the letter was never sent.", "realisation"),
    ("He slowly opens the door.", "tension"),
    ("She climbs the bell tower.", "height"),
    ("The bus drives off into the rain-free night.", "departure"),
    ("The doctor enters with the results.", "arrival"),
    ("Ben walks to the window.", "follow"),
    ("She sits alone in the empty hall.", "isolation"),
    ("Tea on the table. Sun on the floor.", "calm"),
])
def test_the_beat_reader_names_what_each_line_asks_of_the_camera(text, tone):
    assert tone_of(text) == tone
