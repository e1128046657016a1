"""One-shot revise: the named shot changes as asked and every other shot stays the same."""

from __future__ import annotations

import pytest
from film_scripts import lighthouse

from tools.errors import BadInput
from tools.shots.breakdown import break_down
from tools.shots.revise import apply_shot_note, note_names_shot


@pytest.fixture(scope="module")
def shotlist():
    return break_down(lighthouse(), 60)


def by_id(shotlist, shot_id):
    return next(s for s in shotlist.shots if s.id == shot_id)


def assert_only(before, after, changed):
    assert [s.id for s in after.shots] == [s.id for s in before.shots]
    for old, new in zip(before.shots, after.shots):
        if old.id in changed:
            assert old != new
        else:
            assert old == new


def test_low_angle_slow_push_in_on_a_dotted_shot(shotlist):
    note = "shot 2.3: low angle, slow push in"
    after, changed = apply_shot_note(shotlist, note)
    assert changed == ["2.3"]
    assert_only(shotlist, after, changed)
    new = by_id(after, "2.3")
    assert (new.angle, new.movement) == ("low", "dolly_in")
    assert "slow push in" in new.movement_reason
    assert note in new.notes
    old = by_id(shotlist, "2.3")
    assert (new.size, new.lens_mm, new.duration_s, new.dialogue) == (old.size, old.lens_mm, old.duration_s, old.dialogue)


def test_shot_number_without_a_dot_counts_through_the_film(shotlist):
    after, changed = apply_shot_note(shotlist, "redo shot 4 as a low angle")
    assert changed == [shotlist.shots[3].id]
    assert after.shots[3].angle == "low"
    assert_only(shotlist, after, changed)


def test_bare_shot_id_with_size_and_move(shotlist):
    after, changed = apply_shot_note(shotlist, "3.1 close-up, handheld")
    new = by_id(after, "3.1")
    assert changed == ["3.1"]
    assert (new.size, new.movement, new.lens_mm) == ("CU", "handheld", 85)
    assert new.description.startswith("Close-up")


def test_longer_and_shorter_keep_lines_readable(shotlist):
    old = by_id(shotlist, "2.4")  # ELI's long line
    longer, _ = apply_shot_note(shotlist, "shot 2.4 longer")
    assert by_id(longer, "2.4").duration_s == pytest.approx(min(old.duration_s * 1.5, 12.0), abs=0.05)
    shorter, _ = apply_shot_note(shotlist, "shot 2.4 shorter")
    # 14 words need 6.1 s: shorter stops there rather than cutting the line off
    assert by_id(shorter, "2.4").duration_s == pytest.approx(6.1, abs=0.05)
    silent = by_id(shotlist, "2.1")
    trimmed, _ = apply_shot_note(shotlist, "2.1 shorter")
    assert by_id(trimmed, "2.1").duration_s == pytest.approx(max(1.5, round(silent.duration_s * 0.67, 1)))


def test_lens_and_seconds_are_not_mistaken_for_shot_ids(shotlist):
    after, changed = apply_shot_note(shotlist, "shot 1.2 on an 85mm, 2.5 seconds")
    assert changed == ["1.2"]
    assert (by_id(after, "1.2").lens_mm, by_id(after, "1.2").duration_s) == (85, 2.5)


def test_several_shots_in_one_note(shotlist):
    after, changed = apply_shot_note(shotlist, "shots 2.3 and 2.4: high angle")
    assert changed == ["2.3", "2.4"]
    assert {by_id(after, i).angle for i in changed} == {"high"}
    assert_only(shotlist, after, changed)


def test_notes_that_name_no_real_shot_are_refused(shotlist):
    for note in ("make it moodier", "shot 9.1: low angle", "shot 99 low angle", "shot 2.3: make it sing"):
        with pytest.raises(BadInput):
            apply_shot_note(shotlist, note)


def test_note_names_shot():
    assert note_names_shot("shot 3.2: low") and note_names_shot("3.1 close-up")
    assert note_names_shot("the 4th shot wider") and not note_names_shot("use an 85mm for 2.5 s")


def test_tighter_and_wider_step_one_size(shotlist):
    after, _ = apply_shot_note(shotlist, "shot 2.3 tighter")  # an over-the-shoulder on MARA
    new = by_id(after, "2.3")
    assert (new.size, new.subjects, new.screen_side) == ("MCU", ["MARA"], {"MARA": "left"})
    assert 75 <= new.lens_mm <= 100
    wider, _ = apply_shot_note(shotlist, "1.2 wider")  # MCU look -> MS
    assert by_id(wider, "1.2").size == "MS" and by_id(wider, "1.2").lens_mm == 50
