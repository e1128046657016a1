"""Harmony schemes as OKLCh hue rotations, distances as ΔE2000."""

from __future__ import annotations

import pytest

from tools.style.harmony import (build_palette, delta_e, harmony_colors, hex_oklch, hue_distance,
                                 palette_distance, rotate_hue)


@pytest.mark.parametrize("scheme, offsets", [
    ("complementary", [180]), ("split", [150, 210]), ("analogous", [-30, 30]),
    ("triad", [120, 240]), ("square", [90, 180, 270]),
])
def test_scheme_hues_sit_at_their_angles_from_a_known_colour(scheme, offsets):
    base_hue = hex_oklch("#c05020")[2]
    colors = harmony_colors("#c05020", scheme)
    assert len(colors) == len(offsets) + 1
    assert delta_e(colors[0], "#c05020") < 1.5
    for color, offset in zip(colors[1:], offsets):
        assert hue_distance(hex_oklch(color)[2], base_hue + offset) < 3.0, (scheme, color)


def test_complement_of_pure_red_is_a_cyan_and_of_blue_an_orange():
    r, g, b = (int(harmony_colors("#ff0000", "complementary")[1][i:i + 2], 16) for i in (1, 3, 5))
    assert g > r and b > r  # cyan-ish
    r, g, b = (int(harmony_colors("#2040ff", "complementary")[1][i:i + 2], 16) for i in (1, 3, 5))
    assert r > b  # orange-ish


def test_rotating_a_full_turn_returns_the_colour_and_half_a_turn_moves_it_far():
    assert delta_e(rotate_hue("#3a7d5c", 360), "#3a7d5c") < 1.0
    assert delta_e(rotate_hue("#3a7d5c", 180), "#3a7d5c") > 30


def test_delta_e_bounds():
    assert delta_e("#000000", "#ffffff") == pytest.approx(100, abs=0.5)
    assert delta_e("#336699", "#336699") == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize("scheme", ["mono", "complementary", "split", "analogous", "triad", "square"])
def test_palette_roles_follow_the_scheme(scheme):
    palette = {c.role: c.hex for c in build_palette(40.0, 0.6, 0.12, scheme)}
    assert set(palette) == {"key", "shadow", "highlight", "accent", "sky", "ground", "skin"}
    key_l, _, key_h = hex_oklch(palette["key"])
    offsets = {"mono": [0], "complementary": [180], "split": [150, 210], "analogous": [-30, 30],
               "triad": [120, 240], "square": [90, 180, 270]}[scheme]
    for role in ("accent", "sky"):
        hue = hex_oklch(palette[role])[2]
        allowed = offsets + ([0] if role == "sky" and len(offsets) == 1 else [])
        assert min(hue_distance(hue, key_h + o) for o in allowed) < 3, (scheme, role, hue, key_h)
    # the accent is never on the key's hue unless the scheme is mono
    assert (hue_distance(hex_oklch(palette["accent"])[2], key_h) < 3) == (scheme == "mono")
    assert hex_oklch(palette["shadow"])[0] < key_l < hex_oklch(palette["highlight"])[0]


def test_palette_distance_is_zero_for_equal_and_large_for_opposite_palettes():
    warm = [c.hex for c in build_palette(60, 0.65, 0.12, "analogous")]
    cool = [c.hex for c in build_palette(245, 0.35, 0.06, "analogous")]
    assert palette_distance(warm, warm) == pytest.approx(0, abs=1e-6)
    assert palette_distance(warm, cool) > 20
