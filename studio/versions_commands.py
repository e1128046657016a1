"""Commands for alternative versions: versions, fork, compare."""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console
from rich.table import Table

from studio.cli import app, project_dir, _open
from tools.errors import BadInput

out = Console(highlight=False)


@app.command()
def versions(project: str = typer.Argument(".", help="Project folder."),
             as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """List the versions of a film: where each stands and what sets it apart."""
    from graph.versions import describe_versions

    _open(project)
    rows = describe_versions(project_dir(project))
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("version", "from", "status", "script", "style", "shots", "note")
    for r in rows:
        origin = f"{r['forked_from']} @ {r['at']}" if r["forked_from"] else "-"
        status = r["status"] + (f" ({r['gate']} gate)" if r["gate"] else "")
        script = (r["script"] or "-") + (f" [direction {r['script_choice']}]" if r["script_choice"] else "")
        table.add_row(r["name"], origin, status, script, r["style"] or "-", str(r["shots"]), r["note"])
    out.print(table)


@app.command()
def fork(project: str = typer.Argument(".", help="Project folder."),
         at: str = typer.Option(..., "--at", help="Stage to redo: script, shots, style, cast, storyboard, clips, edit."),
         name: str = typer.Option(..., "--name", help="Name of the new version."),
         note: str = typer.Option("", "--note", help="What the new version should change, e.g. 'warmer, golden hour'."),
         source: str = typer.Option("main", "--from", help="Version to fork from."),
         yes: bool = typer.Option(False, "--yes", help="Approve every gate of the new version.")) -> None:
    """Fork a version at a stage into a new named version; both are kept."""
    from graph.versions import fork as fork_version

    _open(project, source)
    holder = {}

    def step(display):
        runner, outcome = fork_version(project_dir(project), at, name, note, source=source, on_event=display)
        holder["runner"] = runner
        return outcome

    from studio.progress import RunDisplay
    from studio.cli import err, show_outcome
    from graph.state import GateAnswer

    with RunDisplay(err) as display:
        outcome = step(display)
        runner = holder["runner"]
        while yes and outcome.status == "waiting":
            outcome = runner.resume(GateAnswer(action="approve"), on_event=display)
    err.print(f"version [bold]{name}[/] forked from {source} at {at} in {runner.version_dir}")
    raise typer.Exit(show_outcome(outcome, runner.version_dir, version=name))


@app.command()
def compare(args: list[str] = typer.Argument(..., help="[DIR] A B")) -> None:
    """Write a side-by-side contact sheet and diffs of script and shot list for two versions."""
    from graph.versions import compare as compare_versions

    if len(args) not in (2, 3):
        raise BadInput("usage: filmcrew compare [DIR] A B")
    project, a, b = (".", *args) if len(args) == 2 else args
    _open(project)
    files = compare_versions(project_dir(project), a, b)
    for kind, path in files.items():
        out.print(f"{kind}: {path}")


def make_alternatives(project: str, note: str, source: str = "main") -> int:
    """'two alternative endings': one version per ending, forked at the script stage; says which were made."""
    from graph.versions import fork_alternatives
    from studio.cli import EXIT_WAITING, err
    from studio.progress import RunDisplay

    with RunDisplay(err) as display:
        made = fork_alternatives(project_dir(project), note, source=source, on_event=display)
    err.print(alternatives_said(made, project))
    return EXIT_WAITING if any(v["status"] == "waiting" for v in made["versions"]) else 0


def alternatives_said(made: dict, project: str = ".") -> str:
    """The versions made for an alternatives note, in words (the CLI and chat say this)."""
    versions = made["versions"]
    lines = [f"Made {len(versions)} version(s) from {made['source']}, each with its own ending "
             f"({made['source']} is unchanged):"]
    for v in versions:
        where = f", waiting at its {v['gate']} gate" if v["gate"] else f" ({v['status']})"
        lines.append(f"  {v['name']}: {v['ending']} ending{where}; last scene: {v['changed'] or '-'}")
    if made["not_applied"]:
        lines.append("not applied:")
        lines += [f"  - {line}" for line in made["not_applied"]]
    if versions:
        lines.append(f"  see one: filmcrew status {project} -V {versions[0]['name']}  |  "
                     f"compare: filmcrew compare {project} {made['source']} {versions[0]['name']}")
    return "\n".join(lines)
