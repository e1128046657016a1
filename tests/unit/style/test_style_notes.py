"""Revise notes at the style gate: "warmer" lands on amber-gold, never olive; "cooler" on blue."""

from __future__ import annotations

import pytest

from graph.state import Brief
from tools.style.bible import propose_styles
from tools.style.harmony import hex_oklch, palette_warmth
from tools.style.mood import apply_note, read_mood

COOL = Brief(text="A walk by the sea", style_text="cold sea")
NEUTRAL = Brief(text="A short film")  # no mood words: read as a neutral teal
STORM = Brief(text="A lighthouse keeper finds a small robot washed ashore after a storm")


def hue(bible, role):
    return hex_oklch(bible.color(role))[2]


@pytest.mark.parametrize("brief", [COOL, NEUTRAL, STORM], ids=["cool", "neutral", "storm"])
@pytest.mark.parametrize("note", ["warmer", "warmer, golden hour"])
def test_warmer_turns_key_and_highlight_to_orange_gold_and_raises_warmth(brief, note):
    before = propose_styles(brief, None, n=3)
    after = propose_styles(brief, None, n=3, note=note)
    assert palette_warmth(after[0].palette) > 0.5 > palette_warmth(before[0].palette)
    for old, new in zip(before, after):
        # warmer than it was, unless it was already nearly all warm
        warmth = palette_warmth(new.palette)
        assert warmth > palette_warmth(old.palette) + 0.1 or warmth > 0.85, (old.name, new.name)
    # The faithful and bolder takes keep the note's temperature in key and highlight:
    # 40-90° OKLCh is orange to gold; past it the look turns olive.
    for take in after[:2]:
        for role in ("key", "highlight"):
            assert 40 <= hue(take, role) <= 90, (note, take.name, role, hue(take, role))
    # The other take turns medium and light, but not back to the cool side.
    assert not 150 <= hue(after[2], "key") <= 300


def test_golden_hour_softens_the_shadows_and_warms_the_highlight():
    plain = propose_styles(COOL, None, n=1, note="warmer")[0]
    golden = propose_styles(COOL, None, n=1, note="warmer, golden hour")[0]
    ratio = lambda b: hex_oklch(b.color("shadow"))[0] / hex_oklch(b.color("key"))[0]  # noqa: E731
    assert ratio(golden) > ratio(plain) + 0.03  # shadows closer to the key: lower contrast
    assert hex_oklch(golden.color("highlight"))[1] >= 0.03  # the highlight carries visible gold
    assert 40 <= hue(golden, "sky") <= 90  # a golden-hour sky, not the olive next door on the wheel


def test_cooler_turns_a_warm_look_blue_without_passing_through_green():
    warm = Brief(text="Coffee on a rainy morning", style_text="warm cozy autumn")
    cooler = propose_styles(warm, None, n=1, note="cooler")[0]
    assert 205 <= hue(cooler, "key") <= 270
    assert palette_warmth(cooler.palette) < palette_warmth(propose_styles(warm, None, n=1)[0].palette) - 0.5


def test_a_negated_note_shifts_the_other_way():
    reading = read_mood("", "A short film")
    assert apply_note(reading, "not so dark").lightness > reading.lightness
    assert apply_note(reading, "darker").lightness < reading.lightness
    assert apply_note(reading, "less warm").warmth < 0 < apply_note(reading, "warmer").warmth
