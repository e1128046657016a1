"""What `filmcrew status` says: the stage, the pending gate, the artifacts, the history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

from graph.readings import readings_report
from tools.providers.pricing import usage_totals

if TYPE_CHECKING:  # the CLI prints a gate with this module before the graph is loaded
    from graph.runner import FilmRunner

PROJECT_FOLDERS = ("script", "shots", "style", "cast", "frames", "clips", "edit", "qc")
STAGE_OF_NODE = {
    "script_doctor": "script", "script_gate": "script gate", "cinematographer": "shots", "shots_gate": "shots gate",
    "art_director": "style", "style_gate": "style gate", "lock_style": "style", "consistency": "cast",
    "storyboard": "storyboard", "storyboard_gate": "storyboard gate", "animate": "clips", "editor": "edit",
    "cut_gate": "cut gate",
}


def project_status(runner: FilmRunner) -> dict:
    outcome = runner.outcome()
    state = runner.state()
    artifacts = {}
    home = runner.version_dir  # a fork's files live in versions/<name>, not beside main's
    for folder in PROJECT_FOLDERS:
        root = home / folder
        if root.is_dir():
            artifacts[folder] = sorted(p.relative_to(home).as_posix() for p in root.rglob("*")
                                       if p.is_file() and not p.name.startswith("."))
    stage = "done" if outcome.status == "done" else (STAGE_OF_NODE.get(outcome.next[0], outcome.next[0])
                                                     if outcome.next else "not started")
    return {
        "project": str(runner.project),
        "version": runner.version,
        "status": outcome.status,
        "stage": stage,
        "next": outcome.next,
        "gate": outcome.gate,
        "artifacts": artifacts,
        "history": [h.model_dump(mode="json") for h in state.history] if state else [],
        "notes": state.notes[-12:] if state else [],
        "usage": usage_totals(state.usage) if state else {},
        "usage_notes": sorted({u.note for u in state.usage if u.note}) if state else [],
        # What the crew made of the brief and of every note, and what it could not do.
        "readings": readings_report(state),
    }


def gate_said(gate: dict) -> list[str]:
    """The gate's lines on what was understood and what could not be done (CLI, status and chat print them)."""
    lines = []
    if gate.get("understood"):
        lines.append("understood:")
        lines += [f"  - {line}" for line in gate["understood"]]
    if gate.get("not_applied"):
        lines.append("not applied:")
        lines += [f"  - {line}" for line in gate["not_applied"]]
    return lines


def print_gate_said(gate: dict, console: Console, indent: str = "  ") -> None:
    for line in gate_said(gate):
        style = "bold red" if line == "not applied:" else "bold" if line == "understood:" else None
        console.print(indent + line, style=style, markup=False)


def print_status(report: dict, console: Console, history: bool = False) -> None:
    console.print(f"[bold]{report['project']}[/]  version {report['version']}: {report['status']} ({report['stage']})")
    gate = report["gate"]
    if gate:
        console.print(f"\n[bold yellow]{gate['gate']} gate[/] — {gate['summary']}")
        for i, choice in enumerate(gate["choices"]):
            console.print(f"  [{i}] {choice}")
        for f in gate["files"]:
            console.print(f"  look at: {f}")
    if report.get("readings"):
        console.print("\n[bold]What the crew understood[/]")
        for reading in report["readings"]:
            what = "the brief" if reading["source"] == "brief" else (
                f"note '{reading['text']}'" if reading["source"] == "note" else f"the {reading['source']}")
            console.print(f"  {what} ({reading['stage'] or 'crew'}):", markup=False)
            for line in reading["understood"]:
                console.print(f"    - {line}", markup=False)
            for line in reading["not_applied"]:
                console.print(f"    ! {line}", markup=False)
            if not reading["understood"] and not reading["not_applied"]:
                console.print("    (nothing recorded)")
    if report["notes"]:
        console.print("\n[bold]Latest work[/]")
        for note in report["notes"]:
            console.print(f"  {note}")
    console.print("\n[bold]Artifacts[/]")
    for folder, files in report["artifacts"].items():
        console.print(f"  {folder}/: {len(files)} files")
    print_usage(report["usage"], report["usage_notes"], console)
    if history:
        console.print("\n[bold]History[/]")
        for h in report["history"]:
            a = h["answer"]
            detail = {"pick": f"pick {a['pick']}", "revise": f"revise: {a['note']}"}.get(a["action"], "approve")
            console.print(f"  {h['at']}  {h['gate']:<10} {detail}")


def print_usage(usage: dict, notes: list[str], console: Console) -> None:
    """Model calls and their estimated cost per stage (nothing is printed for an offline run)."""
    if not usage:
        return
    console.print("\n[bold]Model usage[/] (estimated)")
    for stage, row in usage.items():
        console.print(f"  {stage:<12} {int(row['calls']):>4} calls  {int(row['input_tokens']):>8} in  "
                      f"{int(row['output_tokens']):>7} out  {int(row['images']):>3} images  {row['video_s']:>5.1f} s video  "
                      f"${row['cost_usd']:.4f}")
    for note in notes:
        console.print(f"  [dim]{note}[/dim]")
