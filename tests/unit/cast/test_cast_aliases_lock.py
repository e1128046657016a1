from __future__ import annotations

from graph.state import CharacterProfile
from tools.cast.aliases import merge_aliases, references
from tools.cast.extract import extract_cast
from tools.cast.lock import enforce_lock, feature_lock


def _cast(script):
    return {p.name: p for p in merge_aliases(script, extract_cast(script, None))}


def test_descriptive_references_join_the_right_character(script):
    cast = _cast(script)
    assert "the old man" in cast["ELIAS"].aliases
    assert "the keeper" in cast["ELIAS"].aliases
    assert "the little machine" in cast["BOLT"].aliases
    assert "the girl" in cast["MAYA"].aliases
    every_alias = [a for p in cast.values() for a in p.aliases]
    assert len(every_alias) == len(set(every_alias))  # nobody is two people
    assert "the boat" not in references(script)


def test_old_man_goes_to_whoever_is_described_old(script):
    # Swap who is old: the rule must follow the descriptions, not the order or the names.
    for scene in script.scenes:
        for element in scene.elements:
            element.text = (element.text.replace("ELIAS (60s), weathered", "ELIAS (30s), wiry")
                            .replace("BOLT, a small robot with one glass eye", "TOMAS (70s), a stooped old fisherman"))
    cast = _cast(script)
    assert "the old man" in cast["TOMAS"].aliases
    assert "the old man" not in cast["ELIAS"].aliases


def test_a_contradicting_colour_is_corrected_and_reported():
    maya = CharacterProfile(name="MAYA", age="10", silhouette="child", wardrobe="blue raincoat",
                            signature_colors=["#2e64c8", "#e3c16f"], aliases=["the girl"])
    elias = CharacterProfile(name="ELIAS", age="60s", wardrobe="yellow oilskin coat", hair="grey hair")
    text, notes = enforce_lock("MAYA pulls her red coat tight; ELIAS, his black hair wet, watches.", [maya, elias])
    assert "her blue coat" in text and "red" not in text
    assert "grey hair" in text and "black" not in text
    assert len(notes) == 2 and notes[0].startswith("MAYA") and "red coat" in notes[0]
    # A description that agrees with the lock, or colours something else, is left alone.
    same = "The girl in a blue raincoat runs past a red boat."
    assert enforce_lock(same, [maya, elias]) == (same, [])


def test_feature_lock_carries_the_look(script):
    elias = _cast(script)["ELIAS"]
    fragment = feature_lock(elias)
    assert "ELIAS" in fragment and "yellow oilskin coat" in fragment and "60s" in fragment
    assert elias.signature_colors[0] in fragment
