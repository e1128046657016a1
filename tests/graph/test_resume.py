"""A run survives its process: resumed from a fresh process, and after a crash mid-stage."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from graph.runner import FilmRunner
from graph.state import GateAnswer
from tests.graph.conftest import new_film


def test_a_fresh_process_resumes_the_thread_at_its_gate(tmp_path):
    runner, context, initial = new_film(tmp_path)
    assert runner.start(initial, context).gate["gate"] == "script"
    title = runner.state().script.title
    runner.close()

    code = textwrap.dedent(f"""
        import json
        from graph.runner import FilmRunner
        from graph.state import GateAnswer
        runner = FilmRunner({str(runner.project)!r})
        before = runner.state().script.title
        outcome = runner.resume(GateAnswer(action="approve"))
        print(json.dumps({{"title": before, "gate": outcome.gate["gate"]}}))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"title": title, "gate": "shots"}

    again = FilmRunner(runner.project)
    assert again.outcome().gate["gate"] == "shots"
    assert [h.gate for h in again.state().history] == ["script"]
    again.close()


def test_a_crash_mid_storyboard_resumes_without_redoing_finished_work(tmp_path):
    runner, context, initial = new_film(tmp_path, variants=2)
    runner.start(initial, context)
    for _ in range(3):  # script, shots, style gates
        runner.resume(GateAnswer(action="approve"))

    seen = []

    def crash_midway(mode, chunk):
        if mode == "custom" and chunk.get("stage") == "storyboard":
            seen.append(chunk["done"])
            if chunk["done"] >= 4:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runner.resume(GateAnswer(action="approve"), on_event=crash_midway)
    outcome = runner.outcome()
    assert outcome.status == "stopped" and outcome.next == ["storyboard"]
    cached = {p.name: p.stat().st_mtime_ns for p in (runner.project / ".cache" / "frames").glob("*.png")}
    assert len(cached) >= 4

    runner.close()
    fresh = FilmRunner(runner.project)
    outcome = fresh.resume(None)
    assert outcome.gate["gate"] == "storyboard"
    after = {p.name: p.stat().st_mtime_ns for p in (fresh.project / ".cache" / "frames").glob("*.png")}
    # Every frame drawn before the crash is still there and was not drawn again.
    assert all(after.get(name) == mtime for name, mtime in cached.items())
    assert len(after) > len(cached)
    fresh.close()
