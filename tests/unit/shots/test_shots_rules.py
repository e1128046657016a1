"""Continuity rules: each one caught when broken and quiet when kept."""

from __future__ import annotations

from film_scripts import line, scene, script

from graph.state import Shot, ShotList
from tools.shots.rules import check_shots, is_jump_cut


def shot(id: str, size: str, subjects=(), sides=None, **kw) -> Shot:
    kw.setdefault("duration_s", 3.0)
    kw.setdefault("lens_mm", {"EWS": 18, "WS": 24, "MWS": 35, "MS": 50, "TWO": 40, "OTS": 50,
                              "MCU": 75, "CU": 85, "ECU": 100, "INSERT": 100, "POV": 40}[size])
    return Shot(id=id, scene=int(id.split(".")[0]), size=size, subjects=list(subjects),
                screen_side=sides or {}, **kw)


def rules(shots, film=None) -> list[tuple[str, list[str]]]:
    return [(v.rule, v.shots) for v in check_shots(ShotList(shots=shots), film)]


A_LEFT = {"ANA": "left", "BEN": "right"}


def dialogue_scene(*flip):
    return [
        shot("1.1", "WS"),
        shot("1.2", "TWO", ["ANA", "BEN"], A_LEFT),
        shot("1.3", "MCU", ["ANA"], {"ANA": "left"}),
        *flip,
    ]


# ---------------------------------------------------------------- axis_180

def test_axis_kept_when_sides_hold():
    assert rules(dialogue_scene(shot("1.4", "MCU", ["BEN"], {"BEN": "right"}))) == []


def test_axis_broken_when_a_character_jumps_sides():
    found = rules(dialogue_scene(shot("1.4", "TWO", ["ANA", "BEN"], {"ANA": "right", "BEN": "left"})))
    assert ("axis_180", ["1.3", "1.4"]) in found


def test_axis_may_change_after_a_crossing_or_a_neutral_shot():
    arc = shot("1.4", "MS", ["ANA", "BEN"], {"ANA": "left", "BEN": "right"}, movement="arc_right")
    swapped = shot("1.5", "TWO", ["ANA", "BEN"], {"ANA": "right", "BEN": "left"})
    assert rules(dialogue_scene(arc, swapped)) == []
    crossing = shot("1.4", "WS", ["ANA"], {"ANA": "left"}, description="Ana crosses behind Ben")
    assert rules(dialogue_scene(crossing, swapped)) == []
    neutral = shot("1.4", "MS", ["ANA", "BEN"], {}, description="Both walk straight at the camera")
    assert rules(dialogue_scene(neutral, swapped)) == []


def test_axis_does_not_reach_across_scenes():
    later = shot("2.1", "TWO", ["ANA", "BEN"], {"ANA": "right", "BEN": "left"})
    assert [r for r, _ in rules(dialogue_scene(later))] == []


# ---------------------------------------------------------------- jump_cut_30

def test_jump_cut_on_same_subject_size_angle_and_close_lens():
    found = rules(dialogue_scene(shot("1.4", "MCU", ["ANA"], {"ANA": "left"}, lens_mm=85)))
    assert ("jump_cut_30", ["1.3", "1.4"]) in found


def test_no_jump_cut_when_size_angle_or_lens_changes_enough():
    for change in ({"size": "CU"}, {"angle": "low"}, {"lens_mm": 100}):
        kw = {"size": "MCU", **change}
        size = kw.pop("size")
        assert rules(dialogue_scene(shot("1.4", size, ["ANA"], {"ANA": "left"}, **kw))) == [], change


def test_reverse_over_the_shoulders_are_not_a_jump_cut():
    a = shot("1.2", "OTS", ["ANA", "BEN"], A_LEFT)
    b = shot("1.3", "OTS", ["BEN", "ANA"], A_LEFT)
    assert not is_jump_cut(a, b)
    assert is_jump_cut(a, a.model_copy(update={"id": "1.3"}))


# ---------------------------------------------------------------- size_progression

def test_new_location_opened_on_a_close_up_with_no_wide():
    shots = [shot("1.1", "CU", ["ANA"], {"ANA": "left"}), shot("1.2", "MCU", ["ANA"], {"ANA": "left"})]
    assert rules(shots) == [("size_progression", ["1.1"])]


def test_establishing_first_or_later_keeps_progression():
    assert rules([shot("1.1", "WS"), shot("1.2", "CU", ["ANA"], {"ANA": "left"})]) == []
    # opening on a detail, then revealing the place, is a choice, not an error
    assert rules([shot("1.1", "INSERT", ["KEY"], props=["KEY"]), shot("1.2", "EWS")]) == []


def test_returning_location_may_open_close_when_the_script_says_so():
    film = script("Back", [scene(1, "INT. HALL - DAY", [], []), scene(2, "INT. HALL - NIGHT", [], [])])
    shots = [shot("1.1", "WS"), shot("2.1", "CU", ["ANA"], {"ANA": "left"})]
    assert rules(shots, film) == []
    assert rules(shots) == [("size_progression", ["2.1"])]  # without the script every scene is new


# ---------------------------------------------------------------- duration

def test_duration_readable_shots_pass():
    ok = [shot("1.1", "WS", duration_s=1.5),
          shot("1.2", "MCU", ["ANA"], {"ANA": "left"}, duration_s=2.1, dialogue="ANA: Four words right here."),
          shot("1.3", "EWS", duration_s=14.0, movement="crane_up")]
    assert rules(ok) == []


def test_duration_flags_flash_cuts_unreadable_lines_and_dead_holds():
    shots = [shot("1.1", "WS", duration_s=0.6),
             shot("1.2", "MCU", ["ANA"], {"ANA": "left"}, duration_s=2.0,
                  dialogue="ANA: This line has far too many words to be heard in two seconds."),
             shot("1.3", "EWS", duration_s=14.0)]
    assert rules(shots) == [("duration", ["1.1"]), ("duration", ["1.2"]), ("duration", ["1.3"])]


# ---------------------------------------------------------------- coverage

FILM = script("Talk", [scene(1, "INT. CAR - DAY", [
    line("ANA", "Where are we going?"), line("BEN", "Home."), line("ANA", "Where are we going?")],
    ["ANA", "BEN"])])


def test_coverage_passes_when_every_line_is_heard_even_split():
    shots = [shot("1.1", "WS", dialogue="ANA: Where are"),
             shot("1.2", "MCU", ["ANA"], {"ANA": "left"}, dialogue="ANA: we going?\nBEN: Home."),
             shot("1.3", "MCU", ["BEN"], {"BEN": "right"}, dialogue="ANA (O.S.): Where are we going?")]
    assert rules(shots, FILM) == []


def test_coverage_flags_a_line_no_shot_carries():
    shots = [shot("1.1", "WS", dialogue="ANA: Where are we going?\nBEN: Home.")]
    found = check_shots(ShotList(shots=shots), FILM)
    assert [v.rule for v in found] == ["coverage"]
    assert "ANA" in found[0].message and "Where are we going?" in found[0].message


def test_coverage_needs_the_script():
    assert rules([shot("1.1", "WS")]) == []
    assert [r for r, _ in rules([shot("1.1", "WS")], FILM)] == ["coverage"] * 3


# ---------------------------------------------------------------- eyeline

def test_eyeline_reverse_pair_on_opposite_sides_passes():
    assert rules(dialogue_scene(shot("1.4", "MCU", ["BEN"], {"BEN": "right"}))) == []


def test_eyeline_flags_both_singles_looking_the_same_way():
    shots = [shot("1.1", "WS"),
             shot("1.2", "MCU", ["ANA"], {"ANA": "left"}),
             shot("1.3", "MCU", ["BEN"], {"BEN": "left"})]
    assert rules(shots) == [("eyeline", ["1.2", "1.3"])]


def test_eyeline_in_a_crowd_only_judged_through_over_the_shoulders():
    crowd = {"ANA": "left", "BEN": "right", "CY": "left"}
    base = [shot("1.1", "WS", ["ANA", "BEN", "CY"], crowd)]
    both_looking_right = [shot("1.2", "MCU", ["ANA"], {"ANA": "left"}), shot("1.3", "MCU", ["CY"], {"CY": "left"})]
    assert rules(base + both_looking_right) == []  # both may be looking at BEN
    ots = [shot("1.2", "OTS", ["ANA", "CY"], {"ANA": "left", "CY": "left"}), shot("1.3", "MCU", ["CY"], {"CY": "left"})]
    assert ("eyeline", ["1.2", "1.3"]) in rules(base + ots)
