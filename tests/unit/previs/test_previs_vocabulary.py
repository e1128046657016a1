"""The previs names what it draws for any word: itself, the nearest drawable by meaning, or a generic stand-in."""

from graph.state import Scene
from tools.previs.props import prop_shape
from tools.previs.set_dressing import set_keywords
from tools.previs.vocabulary import GENERIC, REPERTOIRE, drawable_for, drawables


def test_own_words_are_drawn_as_themselves_in_any_form():
    for phrase, name in [("brass lanterns", "lamp"), ("the harbours", "sea"), ("KEEPER'S COTTAGE - KITCHEN", "kitchen"),
                         ("Mara's red kite", "kite"), ("little girl", "child")]:
        kind = "prop" if name in REPERTOIRE["prop"] else "place" if name in REPERTOIRE["place"] else "figure"
        d = drawable_for(phrase, kind)
        assert (d.name, d.exact, d.stand_in) == (name, True, ""), phrase


def test_unknown_words_map_to_the_nearest_drawable_by_meaning():
    bakery = drawable_for("bakery", "place")
    assert (bakery.name, bakery.exact, bakery.stand_in) == ("kitchen", False, "kitchen")
    assert drawable_for("trophy", "prop").name == "ring"
    assert drawable_for("customer", "figure").name == "human"


def test_nothing_near_gives_the_generic_stand_in_not_a_wrong_likeness():
    assert drawable_for("xqzzv", "prop").name == GENERIC["prop"]
    assert drawable_for("xqzzv", "place").name == GENERIC["place"]
    assert drawable_for("stock certificate", "prop").name == "box"  # no painter looks like one yet
    assert not drawable_for("coffee roaster", "prop").exact  # the head noun decides, not "coffee"
    assert drawable_for("", "prop").name == "box"


def test_renderer_uses_the_vocabulary():
    def scene(location, interior=True):
        return Scene(index=1, heading=f"INT. {location} - DAY", location=location, interior=interior)

    assert set_keywords(scene("ROASTERY")) == {"kitchen"}
    assert set_keywords(scene("OLD LIGHTHOUSE", False)) == {"lighthouse", "sea"}
    assert set_keywords(scene("XQZZV")) == set()
    assert prop_shape("wooden crate") == "box" and prop_shape("coffee cup") == "cup"
    assert set(drawables("figure")) == {"human", "child", "robot", "animal"}


def test_dressed_interiors_read_as_their_place():
    import numpy as np
    from tools.previs.set_dressing import paint_set

    pal = {"sky": (120, 160, 200), "highlight": (240, 220, 180), "accent": (200, 90, 60), "shadow": (40, 40, 60),
           "skin": (220, 180, 150), "ground": (140, 120, 90), "key": (200, 180, 140)}

    def plate(location):
        scene = Scene(index=1, heading=f"INT. {location} - DAY", location=location, interior=True)
        assert set_keywords(scene), location
        return np.asarray(paint_set(scene, pal, (320, 180), 0.45, 1.0, 0.0, False), dtype=float)

    rooms = {name: plate(name) for name in ("JAZZ CLUB", "HOSPITAL WARD", "TRAIN CARRIAGE", "TOURNAMENT HALL", "WORKSHOP")}
    names = list(rooms)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert np.abs(rooms[a] - rooms[b]).mean() > 3, (a, b)  # each set is its own picture


def test_the_clock_runs_on_through_later_and_continuous():
    from tools.previs.set_dressing import lit_scene, time_of_day

    scenes = [Scene(index=1, heading="INT. ROASTERY - DAWN", location="ROASTERY", interior=True, time_of_day="DAWN"),
              Scene(index=2, heading="INT. ROASTERY - LATER", location="ROASTERY", interior=True, time_of_day="LATER"),
              Scene(index=3, heading="EXT. STREET - CONTINUOUS", location="STREET", interior=False,
                    time_of_day="CONTINUOUS"),
              Scene(index=4, heading="EXT. STREET - NIGHT", location="STREET", interior=False, time_of_day="NIGHT")]
    assert [time_of_day(lit_scene(scenes, i)) for i in range(1, 5)] == ["dawn", "dawn", "dawn", "night"]
    assert lit_scene(scenes, 1) is scenes[0]
