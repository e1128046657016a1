"""Style words win over the story's mood: named colours, medium, light and tone reach the faithful bible."""

from __future__ import annotations

import matplotlib.colors as mcolors
import numpy as np
from PIL import ImageFilter

from graph.state import Brief, CharacterProfile, Scene, Shot
from tools.previs.render import render_frame
from tools.style.bible import propose_styles, propose_with_reading
from tools.style.direction import style_reading
from tools.style.harmony import hex_oklch, hue_distance, palette_distance

STORM = "Two rival street racers in a neon city must team up to escape a storm at night, rain on the road"
SUNNY = "A baker opens her sunny shop on a bright summer morning"
PASTEL = "sunlit pastel watercolour, soft high key"
NEON = "neon noir, rain, teal and magenta, low key"


def css_hue(name):
    return hex_oklch(mcolors.CSS4_COLORS[name])[2]


def has_colour(bible, name):
    return any(c.role != "skin" and hex_oklch(c.hex)[1] >= 0.05 and hue_distance(hex_oklch(c.hex)[2], css_hue(name)) <= 20
               for c in bible.palette)


def mean_lightness(bible):
    return sum(hex_oklch(c.hex)[0] for c in bible.palette) / len(bible.palette)


def faithful(style, brief="A short film", note=""):
    return propose_styles(Brief(text=brief, style_text=style), None, n=3, note=note)[0]


def test_pastel_watercolour_wins_over_a_stormy_night_story():
    bible = faithful(PASTEL, STORM)
    assert bible.medium == "watercolour" and bible.previs_look == "watercolour" and bible.name.startswith("watercolour")
    assert bible.lighting == "high_key" and bible.line_weight == 0
    for role in ("key", "sky", "highlight", "accent"):
        lightness, chroma, _ = hex_oklch(bible.color(role))
        assert lightness >= 0.72 and chroma <= 0.1, (role, lightness, chroma)
    assert not any(w in bible.description for w in ("storm", "neon", "night"))


def test_neon_noir_teal_and_magenta_wins_over_a_sunny_story_and_differs_from_pastel():
    neon, pastel = faithful(NEON, SUNNY), faithful(PASTEL, STORM)
    assert has_colour(neon, "teal") and has_colour(neon, "magenta")
    assert not has_colour(pastel, "magenta")
    assert neon.lighting == "low_key" and hex_oklch(neon.color("key"))[0] < 0.4
    assert "teal and magenta" in neon.name and "live action" not in neon.name
    assert palette_distance([c.hex for c in neon.palette], [c.hex for c in pastel.palette]) > 20


def test_a_much_darker_neon_note_moves_the_palette_as_far_as_it_says():
    before = faithful(PASTEL, STORM)
    after = faithful(PASTEL, STORM, note="much darker: neon noir, night, teal and magenta")
    assert mean_lightness(after) < mean_lightness(before) - 0.25
    assert has_colour(after, "teal") and has_colour(after, "magenta")
    assert after.lighting in ("low_key", "neon") and hex_oklch(after.color("key"))[0] < 0.35
    # "much" doubles a shift: much darker is darker than darker
    plain = Brief(text="A short film", style_text="sunny")
    darker = propose_styles(plain, None, n=1, note="darker")[0]
    much = propose_styles(plain, None, n=1, note="much darker")[0]
    assert mean_lightness(much) < mean_lightness(darker) - 0.05


def test_the_name_says_the_medium_the_previs_draws():
    assert faithful("").name.startswith("flat vector previs")
    assert "live action" not in faithful("", "A short film about a storm").name
    charcoal = faithful("charcoal sketch")
    assert charcoal.name.startswith("charcoal") and max(hex_oklch(c.hex)[1] for c in charcoal.palette) < 0.03
    war = faithful("bleach bypass war film")
    assert war.medium == "live action" and "(flat previs)" in war.name and "bleach bypass" in war.description


def test_the_reading_says_what_each_word_became_and_what_the_previs_cannot_do():
    brief = Brief(text="A short film", style_text="Wes Anderson symmetry in pink and mint, 16mm film")
    candidates, look, words, _ = propose_with_reading(brief, None, n=3)
    reading = style_reading(brief.style_text, words, look, palette_hexes=[c.hex for c in candidates[0].palette])
    said = {u.text: u.detail for u in reading.used}
    assert "pink" in said and "mint" in said and "colour" in said["pink"]
    assert said["16mm"].startswith("stock") and "medium: live action" in said["film"]
    assert reading.not_understood == ["wes anderson symmetry"]
    assert any("previs" in line for line in reading.not_applied)


def test_the_previs_draws_watercolour_soft_and_charcoal_grey():
    cast = [CharacterProfile(name="ANA", signature_colors=["#e0b020", "#2a1a10"])]
    scene = Scene(index=1, heading="EXT. PARK - DAY", location="PARK", interior=False, time_of_day="DAY")
    shot = Shot(id="1.1", scene=1, size="WS", duration_s=3, subjects=["ANA"], screen_side={"ANA": "left"})
    wash = faithful(PASTEL)
    vector = wash.model_copy(update={"previs_look": "vector"})  # the same colours drawn flat

    def edges(bible):
        image = render_frame(shot, scene, bible, cast).image.convert("L")
        # hard edges only: the share of pixels on a sharp step (paper tooth is a gentle ripple)
        return float((np.asarray(image.filter(ImageFilter.FIND_EDGES))[:-60] > 30).mean())

    assert vector.previs_look == "vector" and edges(wash) < edges(vector) * 0.75
    grey = np.asarray(render_frame(shot, scene, faithful("charcoal sketch"), cast).image, dtype=int)[:-60]
    assert np.abs(grey[..., 0] - grey[..., 2]).max() <= 3  # no colour left above the slate
