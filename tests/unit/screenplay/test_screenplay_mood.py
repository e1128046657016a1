from tools.screenplay.mood import mood_curve, mood_jumps, pacing


def test_curve_has_a_point_per_scene_in_range(keeper):
    curve = mood_curve(keeper)
    assert [p.scene for p in curve] == [1, 2, 3, 4, 5]
    assert all(-1 <= p.valence <= 1 and 0 <= p.intensity <= 1 for p in curve)
    # The storm at night is more intense than the quiet opening; the dawn is brighter than the storm.
    assert curve[1].intensity > curve[0].intensity
    assert curve[4].valence > curve[3].valence


def test_abrupt_swing_on_a_hard_cut_is_a_mood_jump(plant):
    script = plant(("She sets the lantern by the door and watches black clouds roll in from the sea.",
                    "She laughs, delighted and happy, and hugs the lantern like a wonderful old friend."),
                   ("Rain hammers the window.", "Mara weeps, devastated. Grief, loss, terrible pain. Rain hammers the window."))
    findings = mood_jumps(script, mood_curve(script))
    assert [(f.kind, f.scene) for f in findings] == [("mood_jump", 2)]
    assert "weeps" in findings[0].evidence


def test_the_same_swing_with_a_transition_is_not_a_jump(plant):
    script = plant(("She sets the lantern by the door and watches black clouds roll in from the sea.",
                    "She laughs, delighted and happy, and hugs the lantern like a wonderful old friend."),
                   ("Rain hammers the window.", "Hours later. Mara weeps, devastated. Grief, loss, terrible pain. Rain hammers the window."))
    assert mood_jumps(script, mood_curve(script)) == []


def test_clean_script_has_no_jumps_or_pacing_problems(keeper):
    assert mood_jumps(keeper, mood_curve(keeper)) == []
    assert pacing(keeper) == []


def test_one_scene_eating_the_film_and_a_long_speech(plant):
    speech = " ".join(["I kept this light burning for forty years and my father before me and his before him."] * 6)
    script = plant(("MARA\nThere you are.", f"MARA\n{speech}"))
    kinds = [(f.kind, f.scene, f.severity) for f in pacing(script)]
    assert ("pacing", 2, "medium") in kinds and ("pacing", 2, "low") in kinds
