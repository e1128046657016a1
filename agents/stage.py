"""What every agent node shares: progress events and project-relative paths."""

from __future__ import annotations

import contextvars
from pathlib import Path

from langgraph.config import get_stream_writer


def progress(stage: str, done: int, total: int, label: str = "") -> None:
    """Tell whoever streams the graph (the CLI's progress bars) how far a stage is."""
    try:
        writer = get_stream_writer()
    except RuntimeError:  # called outside a graph run (unit tests, tools)
        return
    writer({"stage": stage, "done": done, "total": total, "label": label})


def progress_reporter(stage: str):
    """A progress function bound to this run's stream, safe to call from worker threads."""
    try:
        writer = get_stream_writer()
    except RuntimeError:
        return lambda done, total, label="": None
    # The writer reads the run's config from context variables, which worker threads
    # do not inherit: run each call in a copy of the node's context.
    context = contextvars.copy_context()
    return lambda done, total, label="": context.copy().run(
        writer, {"stage": stage, "done": done, "total": total, "label": label})


def rel(project: Path, path: Path) -> str:
    """Project-relative POSIX path, the form artifacts store."""
    return Path(path).resolve().relative_to(project.resolve()).as_posix()
