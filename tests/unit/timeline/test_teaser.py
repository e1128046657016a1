"""The teaser: the strongest shots by the mood curve, in script order, on the beat, at most 30 s."""

import numpy as np
import pytest

from graph.state import Clip, MoodPoint, SceneSummary, ScriptReport, Shot
from tools.errors import BadInput
from tools.timeline.teaser import shot_strength, teaser_cuts

FPS = 24
ROLES = ["setup", "inciting incident", "rising action", "climax", "resolution"]
INTENSITY = [0.05, 0.3, 0.45, 0.9, 0.1]


def _film(shots_per_scene=4):
    shots, clips = [], {}
    for scene in range(1, 6):
        for n in range(1, shots_per_scene + 1):
            sid = f"{scene}.{n}"
            move = "static" if n % 2 else "dolly_in"
            shots.append(Shot(id=sid, scene=scene, size="WS" if n == 1 else "MCU", movement=move, duration_s=3.5))
            clips[sid] = Clip(shot_id=sid, path=f"clips/{sid}.mp4", duration_s=3.5, movement=move,
                              frame_path=f"frames/{sid}/0.png")
    report = ScriptReport(scenes=[SceneSummary(index=i + 1, heading=f"S{i + 1}", est_duration_s=10, role=r)
                                  for i, r in enumerate(ROLES)],
                          mood_curve=[MoodPoint(scene=i + 1, valence=0.1, intensity=x) for i, x in enumerate(INTENSITY)])
    return shots, clips, report


@pytest.mark.parametrize("bpm", [72, 110, 150])
def test_teaser_is_short_in_script_order_and_cut_on_beats(bpm):
    shots, clips, report = _film()
    beats = list(np.arange(0, 90, 60.0 / bpm))
    plan = teaser_cuts(shots, clips, report, beats, "edit/cards/title.png", "edit/cards/end.png", fps=FPS)
    assert plan.duration_s <= 30.0 + 1e-9
    assert plan.cuts[0].shot_id == "title" and plan.cuts[-1].shot_id == "end"
    order = [s.id for s in shots]
    picked = [c.shot_id for c in plan.cuts[1:-1]]
    assert picked == sorted(picked, key=order.index), "teaser shots must stay in script order"
    assert 2 <= len(picked) <= len(shots) // 2
    cuts = np.array([c.record_in_s for c in plan.cuts[1:]])  # every cut after the title
    offsets = np.abs(cuts[:, None] - np.array(beats)[None, :]).min(axis=1)
    assert offsets.mean() <= 1.0 / FPS + 1e-9
    for a, b in zip(plan.cuts, plan.cuts[1:]):  # laid end to end
        assert abs(a.record_in_s + a.duration_s - b.record_in_s) < 1e-3
    # faster cutting: every teaser shot is shorter than its clip, and an excerpt from inside it
    for cut in plan.cuts[1:-1]:
        assert cut.duration_s < clips[cut.shot_id].duration_s
        start = plan.source_in_s[cut.shot_id]
        assert 0 < start and start + cut.duration_s <= clips[cut.shot_id].duration_s + 1e-9


def test_climax_outranks_the_calm_and_the_ending_is_held_back():
    shots, clips, report = _film()
    plan = teaser_cuts(shots, clips, report, list(np.arange(0, 90, 0.5)), "t.png", "e.png", fps=FPS)
    scenes = [int(c.shot_id.split(".")[0]) for c in plan.cuts[1:-1]]
    assert scenes.count(4) == 4, "every climax shot is among the strongest"
    assert 1 not in scenes and 5 not in scenes, "the calm setup and the resolution stay out"
    assert shot_strength(shots[12], report) > shot_strength(shots[0], report)
    assert "weaker" in plan.left_out["1.1"]


def test_dialogue_that_cannot_be_read_at_teaser_speed_stays_out_and_short_lines_are_subtitled():
    shots, clips, report = _film()
    long_line = "OTTO: " + " ".join(["word"] * 30)
    shots[12] = shots[12].model_copy(update={"dialogue": long_line})
    shots[13] = shots[13].model_copy(update={"dialogue": "TINK: Go!"})
    plan = teaser_cuts(shots, clips, report, list(np.arange(0, 90, 0.5)), "t.png", "e.png", fps=FPS)
    assert "read" in plan.left_out["4.1"]
    subtitled = {c.shot_id: c.dialogue for c in plan.cuts}
    assert subtitled.get("4.2") == "TINK: Go!"


def test_dropped_shots_never_reach_the_teaser_and_an_empty_film_is_bad_input():
    shots, clips, report = _film()
    plan = teaser_cuts(shots, clips, report, list(np.arange(0, 90, 0.5)), "t.png", "e.png",
                       dropped={"4.1", "4.2"}, fps=FPS)
    assert {"4.1", "4.2"}.isdisjoint(c.shot_id for c in plan.cuts)
    with pytest.raises(BadInput):
        teaser_cuts(shots, {}, report, [0.5, 1.0], "t.png", "e.png")


def test_a_tight_budget_drops_the_weakest_until_it_fits():
    shots, clips, report = _film()
    plan = teaser_cuts(shots, clips, report, list(np.arange(0, 90, 0.5)), "t.png", "e.png", max_s=9.0, fps=FPS)
    assert plan.duration_s <= 9.0 + 1e-9
    assert all(c.shot_id.startswith("4.") for c in plan.cuts[1:-1])
