"""Candidate style bibles from a brief: mood words steer colour and light, notes shift every take."""

from __future__ import annotations

import pytest

from graph.state import Brief, Scene, Script
from tools.errors import BadInput
from tools.style.bible import SURFACE_WORDS, propose_styles
from tools.style.harmony import hex_oklch, hue_distance, palette_distance


def hexes(bible):
    return [c.hex for c in bible.palette]


def mean_lightness(bible):
    return sum(hex_oklch(c.hex)[0] for c in bible.palette) / len(bible.palette)


def mean_chroma(bible):
    return sum(hex_oklch(c.hex)[1] for c in bible.palette) / len(bible.palette)


def faithful(text="A short film", style_text="", script=None, note=""):
    return propose_styles(Brief(text=text, style_text=style_text), script, n=1, note=note)[0]


def test_two_style_texts_give_clearly_different_palettes():
    storm = faithful(style_text="storm at night, noir")
    cozy = faithful(style_text="warm cozy coffee shop")
    # mean ΔE2000 to the nearest colour of the other palette; 10 is already an obvious change
    assert palette_distance(hexes(storm), hexes(cozy)) > 15
    storm_key, cozy_key = hex_oklch(storm.color("key")), hex_oklch(cozy.color("key"))
    assert storm_key[0] < cozy_key[0]  # darker
    assert hue_distance(storm_key[2], 245) < 45 and hue_distance(cozy_key[2], 60) < 45  # cool vs warm
    assert storm.lighting in ("low_key", "split") and cozy.lighting == "natural_soft"
    assert cozy.harmony == "analogous"


def test_neon_reads_as_neon_light_high_chroma_complementary():
    neon = faithful(style_text="neon cyberpunk chase")
    assert neon.lighting == "neon" and neon.harmony == "complementary"
    assert max(hex_oklch(c.hex)[1] for c in neon.palette) > 0.15


def test_medium_words_choose_the_medium_and_its_texture():
    clay = faithful(style_text="claymation")
    assert clay.medium == "claymation" and "clay" in clay.texture and "claymation" in clay.name
    comic = faithful(style_text="a graphic novel, heavy ink")
    assert comic.medium == "graphic novel" and comic.line_weight >= 4
    assert faithful(style_text="cinematic").line_weight == 0


def test_three_candidates_are_clearly_different_and_every_bible_is_complete():
    brief = Brief(text="A lighthouse keeper and a girl in a storm", style_text="moody")
    candidates = propose_styles(brief, None, n=3)
    assert len(candidates) == 3
    for i, a in enumerate(candidates):
        assert 5 <= len(a.palette) <= 7 and {"key", "shadow", "accent", "skin"} <= {c.role for c in a.palette}
        assert a.description and a.warm_cool and a.lens_look
        for b in candidates[i + 1:]:
            assert palette_distance(hexes(a), hexes(b)) >= 12
    assert candidates[2].medium != candidates[0].medium
    assert mean_chroma(candidates[1]) > mean_chroma(candidates[0]) + 0.02  # the bolder take
    assert len({c.name for c in propose_styles(brief, None, n=5)}) >= 3


def test_notes_shift_every_candidate():
    brief = Brief(text="A walk in the park", style_text="sunny")
    base = propose_styles(brief, None, n=3)
    darker = propose_styles(brief, None, n=3, note="darker")
    for a, b in zip(base, darker):
        assert mean_lightness(b) < mean_lightness(a) - 0.05
    cool = Brief(text="A walk by the sea", style_text="cold sea")
    warmer = propose_styles(cool, None, n=1, note="warmer")[0]
    before = propose_styles(cool, None, n=1)[0]
    assert hue_distance(hex_oklch(warmer.color("key"))[2], 60) < hue_distance(hex_oklch(before.color("key"))[2], 60) - 30


def test_a_night_script_darkens_the_look_and_proposals_are_deterministic():
    brief = Brief(text="A friendly visit", style_text="hopeful")
    nights = Script(title="Visit", source="fountain", fountain="", scenes=[
        Scene(index=i, heading=f"EXT. FIELD - NIGHT", location="FIELD", interior=False, time_of_day="NIGHT")
        for i in (1, 2, 3)])
    assert mean_lightness(propose_styles(brief, nights, n=1)[0]) < mean_lightness(propose_styles(brief, None, n=1)[0])
    assert propose_styles(brief, nights) == propose_styles(brief, nights)


def test_no_candidates_is_bad_input():
    with pytest.raises(BadInput):
        propose_styles(Brief(text="x"), None, n=0)


@pytest.mark.parametrize("text", [
    "A girl and her dog look for a lost kite in a windy park",
    "A lighthouse keeper finds a small robot washed ashore after a storm",
    "storm noir", "A short film"])
def test_candidate_names_are_distinct_and_say_what_sets_each_apart(text):
    nights = Script(title="Night", source="fountain", fountain="", scenes=[
        Scene(index=i, heading="EXT. CITY PARK - NIGHT", location="CITY PARK", interior=False, time_of_day="NIGHT")
        for i in (1, 2, 3)])
    for script in (None, nights):
        for n in (3, 5):
            candidates = propose_styles(Brief(text=text), script, n=n)
            names = [c.name for c in candidates]
            assert len(set(names)) == n, names
            # each name carries its medium, and the alternative take names its surface
            assert all(c.medium in c.name for c in candidates)
            assert candidates[2].name.split()[0] in SURFACE_WORDS.values()
