"""Each gate answered with Command(resume=...): approve, pick and revise route where they should."""

from __future__ import annotations

from langgraph.types import Command

from graph.state import GateAnswer
from tests.graph.conftest import new_film


def answer(runner, context, **kw):
    """Resume the graph directly with Command(resume=...), as LangGraph documents."""
    for _ in runner.graph.stream(Command(resume=GateAnswer(**kw).model_dump()), runner.config, context=context,
                                 stream_mode="updates", durability="sync"):
        pass
    return runner.outcome()


def start(runner, context, initial):
    runner.save_settings(context)
    for _ in runner.graph.stream(initial, runner.config, context=context, stream_mode="updates", durability="sync"):
        pass
    return runner.outcome()


def test_script_gate_payload_is_small_json_with_choices(film):
    runner, context, initial = film
    outcome = start(runner, context, initial)
    assert outcome.status == "waiting"
    gate = outcome.gate
    assert gate["gate"] == "script" and gate["stage"] == "script_doctor"
    assert gate["choices"][0] == "original script" and len(gate["choices"]) >= 3
    assert "script/script.fountain" in gate["files"]
    assert all((runner.project / f).exists() for f in gate["files"])


def test_script_gate_revise_goes_back_to_the_script_doctor_with_the_note(film):
    runner, context, initial = film
    start(runner, context, initial)
    before = runner.state().script.fountain
    outcome = answer(runner, context, action="revise", note="make it darker, a night storm")
    assert outcome.status == "waiting" and outcome.gate["gate"] == "script"
    state = runner.state()
    assert state.script.fountain != before
    assert state.history[-1].answer.action == "revise" and state.revise_note == ""


def test_script_gate_pick_adopts_the_alternative_direction(film):
    runner, context, initial = film
    start(runner, context, initial)
    variant = runner.state().script_variants[0]
    outcome = answer(runner, context, action="pick", pick=1)
    assert outcome.gate["gate"] == "shots"
    state = runner.state()
    assert state.script_choice == 1
    assert state.script.fountain == variant.script.fountain
    assert (runner.project / "script" / "versions" / "0-original.fountain").exists()


def test_shots_gate_revise_changes_only_the_named_shot(film):
    runner, context, initial = film
    start(runner, context, initial)
    answer(runner, context, action="approve")
    shots_before = runner.state().shotlist.shots
    target = shots_before[0].id
    outcome = answer(runner, context, action="revise", note=f"shot {target}: low angle, slow push in")
    assert outcome.gate["gate"] == "shots"
    shots_after = runner.state().shotlist.shots
    changed = [a.id for a, b in zip(shots_after, shots_before) if a != b]
    assert changed == [target]
    assert shots_after[0].angle == "low" and shots_after[0].movement == "dolly_in"


def test_every_gate_in_order_then_done(film):
    runner, context, initial = film
    seen = [start(runner, context, initial).gate["gate"]]
    seen.append(answer(runner, context, action="approve").gate["gate"])          # script -> shots
    seen.append(answer(runner, context, action="approve").gate["gate"])          # shots -> style
    outcome = answer(runner, context, action="pick", pick=2)                     # style: third look
    seen.append(outcome.gate["gate"])
    state = runner.state()
    assert state.style == state.style_candidates[2]
    outcome = answer(runner, context, action="pick", pick=2)                     # storyboard: variant 1 everywhere
    seen.append(outcome.gate["gate"])
    state = runner.state()
    assert set(state.chosen_variant.values()) == {1}
    assert all(c.frame_path.endswith("/1.png") for c in state.clips.values())
    outcome = answer(runner, context, action="approve")
    assert seen == ["script", "shots", "style", "storyboard", "cut"]
    assert outcome.status == "done"
    assert (runner.project / "edit" / "full.mp4").stat().st_size > 10_000
    assert [h.gate for h in runner.state().history] == ["script", "shots", "style", "storyboard", "cut"]


def test_cut_gate_revise_recuts_faster_on_the_beat_and_says_what_it_did(tmp_path):
    runner, context, initial = new_film(tmp_path, length=45, variants=1)
    start(runner, context, initial)
    for _ in range(4):
        outcome = answer(runner, context, action="approve")
    assert outcome.gate["gate"] == "cut"
    before = runner.state().edit
    outcome = answer(runner, context, action="revise", note="faster cutting, and lose the subtitles")
    assert outcome.gate["gate"] == "cut"
    said = " | ".join(outcome.gate["understood"])
    assert "faster cutting" in said and "no subtitles in the picture" in said and outcome.gate["not_applied"] == []
    after = runner.state()
    shots_before = [c.duration_s for c in before.cuts if "." in c.shot_id]
    shots_after = [c.duration_s for c in after.edit.cuts if "." in c.shot_id]
    assert sum(shots_after) < sum(shots_before)
    assert all(c.dialogue is None for c in after.edit.cuts)
    assert "faster cutting" in after.notes[-1] or any("faster cutting" in n for n in after.notes[-4:])
    beats = after.edit.beats_s
    for cut in after.edit.cuts[1:]:
        assert min(abs(cut.record_in_s - b) for b in beats) <= 1 / 24 + 1e-6  # still on the beat
    outcome = answer(runner, context, action="revise", note="make it pop")
    assert any("not understood" in n for n in runner.state().notes[-4:])
    # An unclear note is reported at the gate, plainly, and changes nothing.
    assert outcome.gate["understood"] == [] and outcome.gate["not_applied"][0].startswith("Nothing of the note")
    assert "Nothing of your last note was applied" in outcome.gate["summary"]
    assert [c.duration_s for c in runner.state().edit.cuts] == [c.duration_s for c in after.edit.cuts]


def test_a_shot_note_that_cannot_apply_comes_back_to_the_gate_unchanged(film):
    runner, context, initial = film
    start(runner, context, initial)
    answer(runner, context, action="approve")
    before = runner.state().shotlist
    outcome = answer(runner, context, action="revise", note="shot 9.9: low angle")
    assert outcome.status == "waiting" and outcome.gate["gate"] == "shots"  # not stuck mid-stage
    state = runner.state()
    assert state.shotlist == before and "note not applied" in state.notes[-2]
    assert any("9.9" in line for line in outcome.gate["not_applied"])  # said at the gate, in words


def test_a_whole_film_shot_note_keeps_earlier_one_shot_changes(film):
    runner, context, initial = film
    start(runner, context, initial)
    answer(runner, context, action="approve")
    target = runner.state().shotlist.shots[0].id
    answer(runner, context, action="revise", note=f"shot {target}: low angle, 85mm")
    answer(runner, context, action="revise", note="more handheld")
    first = runner.state().shotlist.shots[0]
    assert (first.id, first.angle, first.lens_mm) == (target, "low", 85)
