from __future__ import annotations

from itertools import combinations

from graph.state import PaletteColor, StyleBible
from tools.cast.colors import COLOR_WORDS, MIN_DELTA_E, delta_e
from tools.cast.extract import extract_cast, find_characters
from tools.cast.features import parse_features


def _by_name(cast):
    return {p.name: p for p in cast}


def test_features_come_from_the_introduction(script):
    cast = _by_name(extract_cast(script, None))
    elias, maya, bolt = cast["ELIAS"], cast["MAYA"], cast["BOLT"]
    assert elias.age == "60s"
    assert elias.wardrobe == "yellow oilskin coat"
    assert "weathered" in elias.face
    assert maya.age == "10" and maya.silhouette == "child" and maya.wardrobe == "blue raincoat"
    assert maya.props == ["jar of shells"]
    assert bolt.silhouette == "robot"
    assert elias.silhouette == "human"
    # A child and a small robot are drawn smaller than an adult.
    assert maya.figure["height"] < elias.figure["height"]
    assert bolt.figure["height"] < elias.figure["height"]


def test_sound_cues_and_voice_over_are_not_new_people(script):
    names = [name for name, _, _ in find_characters(script)]
    assert names == ["ELIAS", "MAYA", "BOLT"]  # not GULL/SCREAMS, and MAYA (V.O.) is MAYA


def test_named_colours_are_kept(script):
    cast = _by_name(extract_cast(script, None))
    assert cast["ELIAS"].signature_colors[0] == COLOR_WORDS["yellow"]
    assert cast["MAYA"].signature_colors[0] == COLOR_WORDS["blue"]


def test_chosen_colours_keep_characters_apart_and_are_seeded(script):
    style = StyleBible(name="storm", harmony="complementary", medium="2D animation", lighting="low_key",
                       palette=[PaletteColor(role="sky", hex="#1d2b44"), PaletteColor(role="ground", hex="#3a3f3a"),
                                PaletteColor(role="accent", hex="#e0a030"), PaletteColor(role="key", hex="#5a7090"),
                                PaletteColor(role="highlight", hex="#f2e6c8")])
    cast = extract_cast(script, style, seed=3)
    assert all(len(p.signature_colors) >= 2 for p in cast)
    for a, b in combinations(cast, 2):
        # Colours the script did not fix must keep each character recognisable.
        closest = min(delta_e(x, y) for x in a.signature_colors for y in b.signature_colors)
        assert closest >= MIN_DELTA_E, (a.name, b.name, a.signature_colors, b.signature_colors)
    assert extract_cast(script, style, seed=3) == cast
    assert extract_cast(script, style, seed=4) != cast


def test_hair_and_props_parse():
    feats = parse_features("DR. ANNA REYES, late 30s, tall, with cropped black hair and a white lab coat, "
                           "carrying a clipboard into the lab.")
    assert feats.age == "late30s" or feats.age == "late 30s"
    assert feats.hair == "cropped black hair"
    assert feats.wardrobe == "white lab coat"
    assert feats.props == ["clipboard"]
    assert parse_features("a scruffy terrier").silhouette == "animal"


def test_bracketed_introductions_props_and_neighbours():
    from graph.state import Scene, Script, ScriptElement

    scene = Scene(index=1, heading="EXT. PARK - DAY", location="PARK", interior=False, elements=[
        ScriptElement(kind="action", text="MARA (60s, weathered, yellow oilskin) polishes a BRASS LANTERN."),
        ScriptElement(kind="action", text="NOOR (8, gap-toothed, red raincoat) races across the grass with "
                                          "BISCUIT, a scruffy terrier. An old man, WALT (80s, shaved head), waves."),
    ])
    cast = _by_name(extract_cast(Script(title="t", source="fountain", fountain="", scenes=[scene]), None))
    assert sorted(cast) == ["BISCUIT", "MARA", "NOOR", "WALT"]  # the capitalised lantern is a prop
    assert cast["MARA"].age == "60s" and cast["MARA"].wardrobe == "yellow oilskin"
    assert cast["MARA"].signature_colors[0] == COLOR_WORDS["yellow"]
    # NOOR's line mentions the terrier, but the terrier is BISCUIT, not NOOR.
    assert cast["NOOR"].silhouette == "child" and cast["NOOR"].wardrobe == "red raincoat"
    assert cast["BISCUIT"].silhouette == "animal"
    assert cast["WALT"].age == "80s" and cast["WALT"].hair == "shaved head"
