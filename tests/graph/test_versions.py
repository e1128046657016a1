"""Versions as forks: a fork at the style stage changes the look and shares everything before it."""

from __future__ import annotations

from graph.state import GateAnswer
from graph.versions import compare, describe_versions, fork
from tests.graph.conftest import new_film
from tools.style.harmony import palette_distance


def test_fork_at_style_changes_the_palette_and_shares_script_and_shots(tmp_path):
    runner, context, initial = new_film(tmp_path, variants=1)
    runner.start(initial, context)
    for _ in range(3):  # script, shots, style → waiting at the storyboard gate
        outcome = runner.resume(GateAnswer(action="approve"))
    assert outcome.gate["gate"] == "storyboard"
    main = runner.state()
    runner.close()

    forked, outcome = fork(runner.project, "style", "golden", note="warmer, golden hour")
    assert outcome.gate["gate"] == "style"  # the art director proposes again, with the note
    outcome = forked.resume(GateAnswer(action="approve"))
    assert outcome.gate["gate"] == "storyboard"
    alt = forked.state()

    assert alt.script == main.script and alt.shotlist == main.shotlist
    assert palette_distance([c.hex for c in main.style.palette], [c.hex for c in alt.style.palette]) > 5
    # The same people in both versions: the cast comes from the project's character library.
    assert {p.name: p.signature_colors for p in alt.cast} == {p.name: p.signature_colors for p in main.cast}
    # Each version keeps its own files; main's frames are untouched by the fork.
    assert forked.version_dir == runner.project / "versions" / "golden"
    assert (forked.version_dir / "style" / "bible.json").read_text() != (runner.project / "style" / "bible.json").read_text()
    assert (forked.version_dir / "script" / "script.fountain").read_text() == main.script.fountain
    assert [(h.gate, h.version) for h in alt.history] == [("script", "main"), ("shots", "main"), ("style", "golden")]

    rows = {r["name"]: r for r in describe_versions(runner.project)}
    assert rows["golden"]["forked_from"] == "main" and rows["golden"]["at"] == "style"
    files = compare(runner.project, "main", "golden")
    assert files["contact_sheet"].is_file()
    assert "(the scripts are the same)" in files["script_diff"].read_text()
    forked.close()
