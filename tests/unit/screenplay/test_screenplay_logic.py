from tools.screenplay.logic import logic_gaps


def test_clean_script_has_no_logic_gaps(keeper):
    assert logic_gaps(keeper) == []


def test_character_acting_before_introduction(plant):
    script = plant(("She sets the lantern by the door", "Pip watches from the doorway as she sets the lantern down"))
    findings = logic_gaps(script)
    assert [(f.kind, f.scene, f.character) for f in findings] == [("logic_gap", 1, "PIP")]
    assert "scene 3" in findings[0].evidence


def test_again_without_a_first_time(plant):
    script = plant(("Rain hammers the window. The lights flicker and die.", "Rain hammers the window."),
                   ("The great lamp is dead.", "The great lamp sputters again and goes dark."))
    findings = logic_gaps(script)
    assert [(f.kind, f.scene) for f in findings] == [("logic_gap", 4)]
    assert "sputters" in findings[0].evidence


def test_again_with_a_first_time_is_fine(plant):
    script = plant(("The great lamp is dead.", "The lights flicker again. The great lamp is dead."))
    assert logic_gaps(script) == []


def test_state_with_no_cause_on_the_page(plant):
    script = plant(("Gold light on calm water.", "Gold light on calm water. The kitchen table is scorched."))
    findings = logic_gaps(script)
    assert [(f.kind, f.scene) for f in findings] == [("logic_gap", 5)]
    assert "scorched" in findings[0].evidence


def test_state_whose_cause_was_shown_is_fine(plant):
    # The storm was on the page, so a soaked oilskin needs no more explaining.
    script = plant(("Gold light on calm water.", "Gold light on calm water. Her oilskin is soaked."))
    assert logic_gaps(script) == []
