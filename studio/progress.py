"""Rich progress bars for a graph run: one bar per stage, fed by the graph's custom stream."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

STAGE_TITLES = {
    "script": "script doctor", "shots": "cinematographer", "style": "art director", "cast": "consistency",
    "storyboard": "storyboard", "animate": "clips", "edit": "editor",
}


class RunDisplay:
    """Turns ('custom', event) and ('updates', chunk) stream items into bars and log lines on stderr."""

    def __init__(self, console: Console, quiet: bool = False):
        self.console = console
        self.quiet = quiet
        self.progress = Progress(
            TextColumn("[bold]{task.fields[title]:<16}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[label]}"), TimeElapsedColumn(), console=console, transient=False,
            disable=quiet,
        )
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> "RunDisplay":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def __call__(self, mode: str, chunk: Any) -> None:
        if mode == "custom" and isinstance(chunk, dict) and "stage" in chunk:
            stage = chunk["stage"]
            if stage not in self.tasks:
                self.tasks[stage] = self.progress.add_task(
                    stage, total=max(chunk["total"], 1), title=STAGE_TITLES.get(stage, stage), label="")
            self.progress.update(self.tasks[stage], completed=chunk["done"], total=max(chunk["total"], 1),
                                 label=chunk.get("label", ""))
        elif mode == "updates" and isinstance(chunk, dict):
            for update in chunk.values():
                if isinstance(update, dict):
                    for note in update.get("notes", []) or []:
                        if not self.quiet:
                            self.progress.console.print(f"  [dim]{note}[/dim]")
