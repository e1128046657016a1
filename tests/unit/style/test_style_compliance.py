"""Style compliance: frames in their bible pass; hue-rotated or foreign frames are flagged."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from graph.state import Brief, CharacterProfile, Scene, Shot
from tools.previs.render import render_frame
from tools.style.bible import propose_styles
from tools.style.compliance import STYLE_THRESHOLD, dominant_colors, style_score

CAST = [CharacterProfile(name="ELIAS", signature_colors=["#e0b020", "#9a9a9a"]),
        CharacterProfile(name="MAYA", silhouette="child", signature_colors=["#c03030", "#2a1a10"])]
SHORE = Scene(index=1, heading="EXT. ROCKY SHORE - NIGHT", location="ROCKY SHORE", interior=False, time_of_day="NIGHT")
KITCHEN = Scene(index=2, heading="INT. KITCHEN - DAY", location="KITCHEN", interior=True, time_of_day="DAY")
PARK = Scene(index=3, heading="EXT. PARK - DAY", location="PARK", interior=False, time_of_day="DAY")
CASES = {"storm": ("storm night", SHORE), "cozy": ("warm cozy coffee", KITCHEN), "sunny": ("sunny playful", PARK)}


def bible(name):
    return propose_styles(Brief(text="A short film", style_text=CASES[name][0]), None, n=1)[0]


def frame(name, size="WS"):
    shot = Shot(id="1.1", scene=1, size=size, duration_s=3, subjects=["ELIAS", "MAYA"],
                screen_side={"ELIAS": "left", "MAYA": "right"})
    return render_frame(shot, CASES[name][1], bible(name), CAST).image


def hue_rotated(image, degrees=180):
    hsv = np.asarray(image.convert("HSV")).copy()
    hsv[..., 0] = (hsv[..., 0].astype(int) + round(degrees / 360 * 256)) % 256
    return Image.merge("HSV", [Image.fromarray(hsv[..., i]) for i in range(3)]).convert("RGB")


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("size", ["WS", "MS"])
def test_frame_rendered_in_its_bible_passes_and_its_hue_rotation_is_flagged(name, size):
    image = frame(name, size)
    score, reasons = style_score(image, bible(name))
    assert score >= STYLE_THRESHOLD and reasons == [], (score, reasons)
    rotated, why = style_score(hue_rotated(image), bible(name))
    assert rotated < STYLE_THRESHOLD and any("off-palette" in r for r in why), rotated


def test_frame_scored_against_another_bible_is_flagged():
    score, reasons = style_score(frame("cozy"), bible("storm"))
    assert score < STYLE_THRESHOLD and reasons


def test_wrong_key_is_named():
    storm = bible("storm")
    assert storm.lighting in ("low_key", "split")
    bright = Image.new("RGB", (320, 180), storm.color("highlight"))
    score, reasons = style_score(bright, storm)
    assert any("too bright" in r for r in reasons)


def test_dominant_colours_measure_a_known_split():
    image = Image.new("RGB", (100, 100), "#102030")
    image.paste(Image.new("RGB", (25, 100), "#e0b020"), (0, 0))
    colors = dict((hex_color, share) for share, hex_color in dominant_colors(image))
    assert colors["#102030"] == pytest.approx(0.75, abs=0.03) and colors["#e0b020"] == pytest.approx(0.25, abs=0.03)
