"""An imported script honours the length: planned to --length at the shots gate, which says what was left
out; 'the script as written' plays every scene; a film over ten minutes is never planned unasked."""

from __future__ import annotations

import random

from graph.context import FilmContext
from graph.runner import FilmRunner
from graph.state import Brief, FilmState
from tests.graph.test_gates import answer, start
from tools.screenplay.fountain_io import parse_fountain
from tools.shots.fit import natural_length_s

SPEECH = ["The ferry is late again.", "Nobody saw the letter.", "Give me the keys.", "We leave at dawn.",
          "You promised me a week.", "The harbour lights are out.", "I kept the receipt."]


def fountain(scenes: int, seed: int = 1, words: int = 1) -> str:
    """A long script in Fountain, written here: two keepers of a harbour across many scenes."""
    rng = random.Random(seed)
    out = ["Title: The Harbour", ""]
    for i in range(1, scenes + 1):
        out += [f"{'INT' if i % 2 else 'EXT'}. HARBOUR {['OFFICE', 'PIER', 'BAR', 'HILL'][i % 4]} {i} - NIGHT", "",
                f"Rain on the water. The clock says {i}.", ""]
        for k in range(rng.choice([0, 2, 4, 8])):
            out += ["NELL" if k % 2 else "OSKAR", " ".join(rng.sample(SPEECH, rng.randint(1, 4)) * words), ""]
    return "\n".join(out)


def imported(tmp_path, text: str, length: float | None, name: str = "film"):
    folder = tmp_path / name
    folder.mkdir(parents=True)
    script = parse_fountain(text)
    brief = Brief(text=script.title, length_s=length or natural_length_s(script), length_given=length is not None,
                  aspect="1:1", seed=3)
    return FilmRunner(folder), FilmContext(project_dir=str(folder), variants=1), FilmState(brief=brief, script=script)


def test_a_long_script_is_planned_to_its_length_and_the_gate_says_what_was_left_out(tmp_path):
    runner, context, initial = imported(tmp_path, fountain(32), 60.0)
    try:
        start(runner, context, initial)
        outcome = answer(runner, context, action="approve")  # script -> shots
        assert outcome.gate["gate"] == "shots"
        shotlist = runner.state().shotlist
        planned = 6.0 + sum(s.duration_s for s in shotlist.shots)
        assert 51 <= planned <= 69 and shotlist.fitted_to_s == 60.0
        assert len(shotlist.omitted) > 10
        summary = outcome.gate["summary"]
        assert f"leaves out {len(shotlist.omitted)} of 32 scenes" in summary
        assert shotlist.omitted[0] in summary and "the script as written" in summary
        assert (runner.project / "shots" / "cut.md").read_text().count("- ") >= len(shotlist.omitted)
        assert any("length" in line and "kept" in line for line in outcome.gate["understood"])

        outcome = answer(runner, context, action="revise", note="the script as written")
        state = runner.state()
        natural = natural_length_s(state.script)
        assert outcome.gate["gate"] == "shots" and state.shotlist.omitted == []
        assert {s.scene for s in state.shotlist.shots} == set(range(1, 33))
        assert abs(6.0 + sum(s.duration_s for s in state.shotlist.shots) - natural) <= 0.15 * natural
        assert state.brief.length_s == natural  # the editor's music is made for this length
    finally:
        runner.close()


def test_a_script_over_ten_minutes_with_no_length_is_never_planned_long_unasked(tmp_path):
    runner, context, initial = imported(tmp_path, fountain(40, seed=2, words=3), None)
    try:
        assert natural_length_s(initial.script) > 600
        start(runner, context, initial)
        outcome = answer(runner, context, action="approve")
        shotlist = runner.state().shotlist
        assert 6.0 + sum(s.duration_s for s in shotlist.shots) <= 600 * 1.15
        assert any("explicit length" in line for line in outcome.gate["not_applied"])
    finally:
        runner.close()
