"""Runs the crew on a project folder: SQLite checkpoints, one thread per version.

A person can stop at a gate, close the terminal, and come back tomorrow: every
call here opens the project's checkpoint database afresh, finds the version's
thread, and resumes it with the answer.
"""

from __future__ import annotations

import inspect
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.types import Command
from pydantic import BaseModel

from graph import state as film_state
from graph.build import build_graph
from graph.context import FilmContext
from graph.state import FilmState, GateAnswer
from tools.atomic import write_json
from tools.errors import BadInput

SETTINGS_FILE = "project.json"
CHECKPOINTS_FILE = "filmcrew.sqlite"
DEFAULT_VERSION = "main"

# Checkpoints hold our pydantic artifacts; name them so nothing else is ever unpacked.
SERDE = JsonPlusSerializer(allowed_msgpack_modules=[
    obj for obj in vars(film_state).values()
    if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ == film_state.__name__
])


@dataclass
class Outcome:
    """Where a run stands after a call: done, waiting at a gate, or stopped mid-stage."""

    status: str  # "done" | "waiting" | "stopped" | "empty"
    gate: dict | None = None
    next: list[str] = field(default_factory=list)


def ensure_writable(project: Path) -> None:
    """Refuse a project folder we cannot write before any work is done."""
    if project.exists() and not project.is_dir():
        raise BadInput(f"project path is a file, not a folder: {project}")
    try:
        project.mkdir(parents=True, exist_ok=True)
        probe = project / ".filmcrew-write-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        raise BadInput(f"cannot write to project folder {project}: {err.strerror or err}") from None


class FilmRunner:
    """The graph compiled with this project's checkpointer, bound to one version's thread."""

    def __init__(self, project: Path, version: str = DEFAULT_VERSION):
        self.project = Path(project).resolve()
        self.version = version
        self.conn = sqlite3.connect(self.project / CHECKPOINTS_FILE, check_same_thread=False)
        self.graph = build_graph().compile(checkpointer=SqliteSaver(self.conn, serde=SERDE))
        self.config = {"configurable": {"thread_id": version}}

    # ----------------------------------------------------------------- settings
    def settings(self) -> dict:
        path = self.project / SETTINGS_FILE
        return json.loads(path.read_text()) if path.exists() else {}

    @property
    def version_dir(self) -> Path:
        """Where this version's artifacts live: the project folder for main, versions/<name> for a fork."""
        record = self.settings().get("versions", {}).get(self.version, {})
        return (self.project / record.get("dir", ".")).resolve()

    def context(self) -> FilmContext:
        saved = self.settings().get("context")
        if saved is None:
            raise BadInput(f"{self.project} is not a filmcrew project (no {SETTINGS_FILE}); start one with 'filmcrew make'")
        if self.version not in self.settings().get("versions", {}):
            raise BadInput(f"there is no version {self.version!r} in {self.project}")
        return FilmContext.from_json({**saved, "version": self.version, "cache_root": str(self.project)},
                                     project_dir=str(self.version_dir))

    def save_settings(self, context: FilmContext, record: dict | None = None) -> None:
        data = self.settings()
        per_run = {"project_dir", "version", "cache_root"}
        data["context"] = {k: v for k, v in context.to_json().items() if k not in per_run}
        versions = data.setdefault("versions", {})
        versions[self.version] = record or versions.get(self.version) or {"forked_from": None, "dir": "."}
        write_json(self.project / SETTINGS_FILE, data)

    # ----------------------------------------------------------------- state
    def snapshot(self):
        return self.graph.get_state(self.config)

    def has_run(self) -> bool:
        return bool(self.snapshot().values)

    def outcome(self) -> Outcome:
        snap = self.snapshot()
        if not snap.values:
            return Outcome("empty")
        interrupts = [i.value for task in snap.tasks for i in task.interrupts]
        if interrupts:
            return Outcome("waiting", gate=interrupts[0], next=list(snap.next))
        # A node that finished before the process died has its writes saved but is
        # not in `next` any more; it is still work to pick up, so look at the tasks.
        pending = list(snap.next) or [task.name for task in snap.tasks]
        if pending:
            return Outcome("stopped", next=pending)
        return Outcome("done")

    def state(self) -> FilmState | None:
        values = self.snapshot().values
        return FilmState.model_validate(values) if values else None

    # ----------------------------------------------------------------- running
    def _drive(self, graph_input: Any, context: FilmContext, on_event: Callable[[str, Any], None] | None) -> Outcome:
        for mode, chunk in self._stream(graph_input, context):
            if on_event is not None:
                on_event(mode, chunk)
        return self.outcome()

    def _stream(self, graph_input: Any, context: FilmContext) -> Iterator[tuple[str, Any]]:
        yield from self.graph.stream(graph_input, self.config, context=context,
                                     stream_mode=["custom", "updates"], durability="sync")

    def start(self, initial: FilmState, context: FilmContext, on_event=None) -> Outcome:
        self.save_settings(context)
        return self._drive(initial, context, on_event)

    def resume(self, answer: GateAnswer | None = None, on_event=None) -> Outcome:
        """Answer the pending gate, or (with no answer) continue a run that was stopped mid-stage."""
        context = self.context()
        current = self.outcome()
        if current.status == "empty":
            raise BadInput(f"nothing to resume in {self.project}: no run has started")
        if current.status == "done":
            raise BadInput("this version is finished: nothing is waiting for an answer")
        if current.status == "stopped":
            return self._drive(None, context, on_event)
        if answer is None:
            return current
        if answer.action == "pick" and answer.shot is not None:
            self._check_shot_pick(answer, current.gate)
        elif answer.action == "pick" and answer.pick >= len(current.gate["choices"]):
            raise BadInput(f"there is no choice {answer.pick} at the {current.gate['gate']} gate "
                           f"(choices 0..{len(current.gate['choices']) - 1})")
        return self._drive(Command(resume=answer.model_dump()), context, on_event)

    def _check_shot_pick(self, answer: GateAnswer, gate: dict) -> None:
        if gate["gate"] != "storyboard":
            raise BadInput(f"a per-shot pick is answered at the storyboard gate, not the {gate['gate']} gate")
        frames = self.state().frames
        if answer.shot not in frames:
            raise BadInput(f"there is no shot {answer.shot} in the storyboard (shots: {', '.join(frames)})")
        if answer.pick >= len(frames[answer.shot]):
            raise BadInput(f"shot {answer.shot} has variants 0..{len(frames[answer.shot]) - 1}, not {answer.pick}")

    def close(self) -> None:
        self.conn.close()

