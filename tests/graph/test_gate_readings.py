"""What a gate says of the note it was given: what applied, what could not, and versions made for endings."""

from __future__ import annotations

from graph.versions import fork_alternatives, version_names
from studio.report import project_status
from tests.graph.conftest import new_film
from tests.graph.test_gates import answer, start


def test_a_note_with_a_part_that_cannot_apply_lists_that_part_at_the_next_gate(film):
    runner, context, initial = film
    start(runner, context, initial)
    outcome = answer(runner, context, action="approve")
    first = runner.state().shotlist.shots[0].id
    outcome = answer(runner, context, action="revise", note=f"shot {first}: low angle; shot 9.9: close-up")
    assert outcome.gate["gate"] == "shots"
    assert runner.state().shotlist.shots[0].angle == "low"
    assert any(f"shot {first}" in line and "low angle" in line for line in outcome.gate["understood"])
    assert any("9.9" in line for line in outcome.gate["not_applied"])
    # The next answer closes that note: the gate after it does not repeat it.
    outcome = answer(runner, context, action="revise", note=f"shot {first}: 85mm")
    assert outcome.gate["not_applied"] == [] and not any("9.9" in line for line in outcome.gate["understood"])
    assert any("85 mm" in line for line in outcome.gate["understood"])


def test_status_json_lists_the_brief_reading_and_every_note(film):
    runner, context, initial = film
    start(runner, context, initial)
    answer(runner, context, action="approve")
    answer(runner, context, action="revise", note="shot 9.9: low angle")
    report = project_status(runner)
    sources = [r["source"] for r in report["readings"]]
    assert sources[0] == "brief" and report["readings"][0]["understood"]
    note = report["readings"][-1]
    assert note["source"] == "note" and note["text"] == "shot 9.9: low angle" and note["not_applied"]


def test_two_alternative_endings_make_two_versions_whose_last_scenes_differ(tmp_path):
    runner, context, initial = new_film(tmp_path, length=20, variants=1)
    start(runner, context, initial)
    answer(runner, context, action="revise", note="no storm")  # a script note the versions must keep
    runner.close()
    made = fork_alternatives(runner.project, "give me two alternative endings")
    names = [v["name"] for v in made["versions"]]
    assert len(names) == 2 and set(names) <= set(version_names(runner.project))
    assert all(v["gate"] == "script" for v in made["versions"])
    last = [v["last_scene"] for v in made["versions"]]
    assert last[0] != last[1] and made["not_applied"] == []
    from graph.runner import FilmRunner

    fork = FilmRunner(runner.project, names[0])
    read = " | ".join(r.text for r in fork.state().readings if r.source == "note")
    fork.close()
    assert "ending: " in read and "no storm" in read


def test_chat_shows_what_could_not_apply_and_makes_versions_for_alternative_endings(tmp_path):
    from studio.chat import ChatSession

    said: list[str] = []
    chat = ChatSession(tmp_path / "film", say=said.append, length_s=20)
    chat.handle("A lighthouse keeper finds a small robot washed ashore after a storm")
    chat.handle("approve")
    chat.handle("shot 9.9: low angle")
    assert "not applied:" in said[-1] and "9.9" in said[-1]
    chat.handle("give me two alternative endings")
    assert any("Made 2 version(s)" in s for s in said[-2:])
    assert chat.version == "main" and len(version_names(tmp_path / "film")) == 3


def test_a_script_note_on_an_imported_script_is_said_not_applied_and_endings_are_refused(tmp_path):
    import pytest

    from tests.unit.shots.film_scripts import lighthouse
    from tools.errors import BadInput

    runner, context, initial = new_film(tmp_path, length=20, variants=1)
    imported = lighthouse()
    initial = initial.model_copy(update={"script": imported})
    start(runner, context, initial)
    outcome = answer(runner, context, action="revise", note="only two characters, no storm")
    assert outcome.gate["gate"] == "script" and runner.state().script.scenes == imported.scenes
    assert any("does not rewrite an imported script" in line for line in outcome.gate["not_applied"])
    assert "Nothing of your last note was applied" in outcome.gate["summary"]
    runner.close()
    with pytest.raises(BadInput, match="imported script"):
        fork_alternatives(runner.project, "two alternative endings")
