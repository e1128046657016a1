from tools.screenplay.directions import alternative_directions
from tools.screenplay.fountain_io import parse_fountain


def _added_lines(diff: str) -> list[str]:
    return [ln[1:] for ln in diff.splitlines() if ln.startswith("+") and not ln.startswith("+++")]


def test_three_directions_with_diffs(keeper):
    variants = alternative_directions(keeper)
    assert [v.name for v in variants] == ["cold open", "tightened cut", "reorder"]
    for v in variants:
        assert v.diff.startswith("--- original.fountain") and v.rationale
        assert v.script.source == "variant" and v.script.generated_by.startswith("direction:")
        # Every added line is the writer's own text moved, apart from the cold open's cut.
        original_lines = set(keeper.fountain.splitlines())
        assert all(line in original_lines or line in ("", "SMASH CUT TO:") for line in _added_lines(v.diff))


def test_cold_open_starts_on_the_climax_image(keeper):
    cold = alternative_directions(keeper)[0]
    first = cold.script.scenes[0]
    assert first.heading == "INT. LIGHTHOUSE LAMP ROOM - NIGHT"
    assert first.elements[0].text.startswith("The great lamp is dead.")
    assert first.elements[-1].kind == "transition"
    assert len(cold.script.scenes) == len(keeper.scenes) + 1


def test_tightened_cut_is_shorter_and_keeps_setups(keeper):
    tight = alternative_directions(keeper)[1]
    before = sum(len(s.elements) for s in keeper.scenes)
    after = sum(len(s.elements) for s in tight.script.scenes)
    assert after < before
    assert "brass lantern" in tight.script.fountain.lower()


def test_reorder_opens_on_the_inciting_incident(keeper):
    reorder = alternative_directions(keeper)[2]
    assert reorder.script.scenes[0].heading == "INT. LIGHTHOUSE KITCHEN - NIGHT"
    assert sorted(s.heading for s in reorder.script.scenes) == sorted(s.heading for s in keeper.scenes)
    # Mara now acts before her introduction: the doctor says what the move costs.
    assert "Trade-off" in reorder.rationale and "logic gap" in reorder.rationale


def test_n_limits_and_tiny_scripts_get_fewer():
    tiny = parse_fountain("INT. ROOM - DAY\n\nShe waits.\n")
    assert alternative_directions(tiny) == []
    assert len(alternative_directions(parse_fountain(
        "INT. A - DAY\n\nOne.\n\nINT. B - DAY\n\nTwo runs!\n\nINT. C - DAY\n\nThree.\n\nINT. D - DAY\n\nFour.\n"), n=1)) == 1
