"""With a vision model configured, QC asks it about every chosen frame and flags what it doubts."""

from __future__ import annotations

import base64

from agents.consistency import vision_check
from graph.state import GateAnswer
from tests.graph.conftest import new_film
from tests.unit.providers.scripted import scripted
from tools.cast.qc import qc_frames


def test_vision_model_is_a_second_signal_that_can_flag_a_frame_the_colours_passed(tmp_path):
    runner, context, initial = new_film(tmp_path, length=15, variants=1)
    runner.start(initial, context)
    for _ in range(3):
        outcome = runner.resume(GateAnswer(action="approve"))
    assert outcome.gate["gate"] == "storyboard"
    state = runner.state()
    frames = [v[0] for v in state.frames.values()]
    report = qc_frames(frames, runner.project, state.cast, state.style)
    assert not any(s.flagged for s in report.shots)

    peopled = [f for f in frames if f.character_boxes]
    name = next(iter(peopled[0].character_boxes))
    answers = [("FrameJudgement", {"character_scores": {n: 0.95 for n in f.character_boxes}, "reasons": []})
               for f in peopled]
    answers[0] = ("FrameJudgement", {"character_scores": {name: 0.3, "STRANGER": 0.0},
                                     "reasons": [f"{name}'s coat is green, the lock says otherwise"]})
    model = scripted(*answers)
    judged, usage = vision_check(report, frames, runner.project, state.cast, model)

    flagged = {s.id: s for s in judged.shots if s.flagged}
    assert set(flagged) == {peopled[0].shot_id}
    entry = flagged[peopled[0].shot_id]
    assert entry.character_scores[name] == 0.3 and "STRANGER" not in entry.character_scores
    assert any("coat is green" in r for r in entry.reasons)
    assert len(usage) == len(peopled) and all(u.stage == "qc" for u in usage)
    # The model really saw the frame: the image went along with the prompt.
    sent = model.prompts[0][-1]
    image = next(part for part in sent if isinstance(part, dict) and part.get("type") == "image_url")
    png = base64.b64decode(image["image_url"]["url"].split(",", 1)[1])
    assert png == (runner.project / peopled[0].path).read_bytes()
