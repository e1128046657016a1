from tools.screenplay.mood import mood_curve
from tools.screenplay.setups import emphasised_props, payoffs_missing, setups_missing


def test_props_are_capitalised_nouns_not_characters_or_sounds(keeper):
    props = [p.name for p in emphasised_props(keeper)]
    assert props == ["BRASS LANTERN"]  # MARA, PIP are characters; THUD is a sound


def test_paid_off_prop_is_not_flagged(keeper):
    assert payoffs_missing(keeper, mood_curve(keeper)) == []


def test_prop_never_used_again_is_flagged_on_its_setup_scene(plant):
    script = plant(("She sets the lantern by the door", "She hangs a SILVER WHISTLE by the door, sets the lantern down"))
    findings = payoffs_missing(script, mood_curve(script))
    assert [(f.kind, f.scene) for f in findings] == [("payoff_missing", 1)]
    assert "SILVER WHISTLE" in findings[0].evidence and "whistle" in findings[0].suggestion


def test_climax_solved_by_an_unplanted_object_is_flagged(plant):
    script = plant(("It pulls the brass lantern toward the dead lamp and plugs a thin cable into the lantern's base.",
                    "Mara pulls out a spare generator and jams it into the lamp's base."))
    findings = setups_missing(script, mood_curve(script))
    assert [(f.kind, f.scene) for f in findings] == [("setup_missing", 4)]
    assert "generator" in findings[0].evidence


def test_planted_object_used_at_climax_is_fine(keeper):
    assert setups_missing(keeper, mood_curve(keeper)) == []
