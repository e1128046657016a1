"""A run survives its process: resumed from a fresh process, and after a crash mid-stage."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

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


def test_kill_9_mid_storyboard_then_resume_redoes_no_finished_frame(tmp_path):
    runner, context, initial = new_film(tmp_path, variants=3)
    runner.start(initial, context)
    for _ in range(2):  # script and shots gates; approving the style runs the storyboard
        runner.resume(GateAnswer(action="approve"))
    runner.close()

    code = textwrap.dedent(f"""
        from graph.runner import FilmRunner
        from graph.state import GateAnswer
        FilmRunner({str(runner.project)!r}).resume(GateAnswer(action="approve"))
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    frames = runner.project / ".cache" / "frames"
    deadline = time.monotonic() + 240
    while len(list(frames.glob("*.png"))) < 4 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    drawn = {p.name: p.stat().st_mtime_ns for p in frames.glob("*.png")}
    assert len(drawn) >= 4

    fresh = FilmRunner(runner.project)
    stopped = fresh.outcome()
    assert stopped.status == "stopped" and "storyboard" in stopped.next
    outcome = fresh.resume(None)
    assert outcome.gate["gate"] == "storyboard"
    after = {p.name: p.stat().st_mtime_ns for p in frames.glob("*.png")}
    # Every frame drawn before the kill is still there and was not drawn again.
    assert all(after.get(name) == mtime for name, mtime in drawn.items())
    assert len(fresh.state().frames) == len(fresh.state().shotlist.shots)
    fresh.close()
