"""Changing one shot redoes that shot only: every other frame and clip stays byte for byte (and is not rewritten)."""

from __future__ import annotations

from graph.state import GateAnswer
from tests.graph.conftest import new_film
from tools.atomic import file_hash


def files_of(folder, pattern):
    return {p.relative_to(folder).as_posix(): (file_hash(p), p.stat().st_mtime_ns) for p in folder.glob(pattern)}


def test_revise_one_shot_at_the_storyboard_leaves_every_other_frame_and_clip_untouched(tmp_path):
    runner, context, initial = new_film(tmp_path, length=20, variants=2)
    runner.start(initial, context)
    for _ in range(5):  # script, shots, style, storyboard, cut → done
        outcome = runner.resume(GateAnswer(action="approve"))
    assert outcome.status == "done"
    project = runner.project
    target = runner.state().shotlist.shots[1].id
    frames_before = files_of(project, "frames/*/*.png")
    clips_before = files_of(project, "clips/*.mp4")

    # The film is finished, so the change is a version forked before the storyboard (main is kept).
    from graph.versions import fork

    forked, outcome = fork(project, "storyboard", "lowangle", note=f"shot {target}: low angle, slow push in")
    assert outcome.gate["gate"] == "storyboard"
    outcome = forked.resume(GateAnswer(action="approve"))
    assert outcome.gate["gate"] == "cut"
    alt = forked.version_dir
    frames_after = files_of(alt, "frames/*/*.png")
    clips_after = files_of(alt, "clips/*.mp4")

    changed_frames = {k for k in frames_before if frames_before[k][0] != frames_after[k][0]}
    assert changed_frames and {k.split("/")[1] for k in changed_frames} == {target}
    changed_clips = {k for k in clips_before if clips_before[k][0] != clips_after[k][0]}
    assert changed_clips == {f"clips/{target}.mp4"}
    assert forked.state().shotlist.shots[1].angle == "low"
    # And main is exactly as it was.
    assert files_of(project, "frames/*/*.png") == frames_before and files_of(project, "clips/*.mp4") == clips_before


def test_revise_one_shot_at_the_storyboard_gate_redraws_only_that_shot(tmp_path):
    runner, context, initial = new_film(tmp_path, length=20, variants=2)
    runner.start(initial, context)
    for _ in range(3):  # script, shots, style → storyboard gate
        outcome = runner.resume(GateAnswer(action="approve"))
    assert outcome.gate["gate"] == "storyboard"
    project = runner.project
    first = runner.state().shotlist.shots[0]
    target = first.id
    # Ask for an angle the shot does not already have, so the note is a real change.
    wanted = "low" if first.angle == "high" else "high"
    before = files_of(project, "frames/*/*.png")
    outcome = runner.resume(GateAnswer(action="revise", note=f"shot {target}: {wanted} angle"))
    assert outcome.gate["gate"] == "storyboard"
    after = files_of(project, "frames/*/*.png")
    redrawn = {k for k in before if before[k] != after[k]}
    assert redrawn and all(k.split("/")[1] == target for k in redrawn)
    assert runner.state().shotlist.shots[0].angle == wanted
