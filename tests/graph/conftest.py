from __future__ import annotations

import pytest

from graph.context import FilmContext
from graph.runner import FilmRunner
from graph.state import Brief, FilmState

BRIEF = "A lighthouse keeper finds a small robot washed ashore after a storm"


def new_film(tmp_path, length: float = 20.0, variants: int = 2, aspect: str = "1:1", name: str = "film"):
    """A fresh project, saver and graph for one test (LangGraph's own tests do the same)."""
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    runner = FilmRunner(folder)
    context = FilmContext(project_dir=str(folder), variants=variants)
    initial = FilmState(brief=Brief(text=BRIEF, length_s=length, aspect=aspect, seed=3))
    return runner, context, initial


@pytest.fixture
def film(tmp_path):
    runner, context, initial = new_film(tmp_path)
    yield runner, context, initial
    runner.close()
