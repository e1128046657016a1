"""Commands that use one agent's tools on their own: doctor, shots, shots check, qc."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from studio.cli import app, err, _open
from tools.errors import BadInput

out = Console(highlight=False)
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _emit(document, as_json: bool) -> bool:
    if as_json:
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return as_json


@app.command()
def doctor(script: Path = typer.Argument(..., help="A Fountain or plain-text screenplay."),
           as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON only.")) -> None:
    """Script analysis only: structure, setups and payoffs, mood curve, voice, pacing."""
    from tools.screenplay.analysis import analyze
    from tools.screenplay.fountain_io import load_script

    report = analyze(load_script(script))
    if _emit(report.model_dump(mode="json"), as_json):
        return
    out.print(f"[bold]{len(report.scenes)} scenes, {len(report.findings)} findings[/]")
    for f in sorted(report.findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.scene)):
        out.print(f"  [{f.severity}] scene {f.scene} {f.kind}: {f.evidence}\n      → {f.suggestion}")
    for item in report.not_checked:
        out.print(f"  [dim]not checked: {item}[/dim]")


@app.command()
def shots(target: str = typer.Argument(..., help="SCRIPT, or 'check'"),
          shotlist: Optional[Path] = typer.Argument(None, help="SHOTLIST.json (with 'check')"),
          length: Optional[float] = typer.Option(None, "--length", help="Plan a cut of this many seconds (default: the script as written)."),
          as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """Shot breakdown of a script, or `shots check SHOTLIST.json` for the continuity rules only."""
    from tools.shots.rules import check_shots

    if target == "check":
        from tools.shots.io import load_shotlist

        if shotlist is None:
            raise BadInput("usage: filmcrew shots check SHOTLIST.json")
        violations = check_shots(load_shotlist(shotlist))
        if not _emit({"violations": [v.model_dump(mode="json") for v in violations]}, as_json):
            out.print(f"[bold]{len(violations)} continuity issues[/]")
            for v in violations:
                out.print(f"  {v.rule} ({', '.join(v.shots)}): {v.message}")
        return
    from studio.cli import check_length
    from tools.screenplay.fountain_io import load_script
    from tools.shots.fit import plan_cut

    script = load_script(Path(target))
    # The script as written unless a length is asked for; then the same fitted cut `make` plans.
    plan = plan_cut(script, check_length(length) if length is not None else None)
    result = plan.shotlist
    if result.omitted:
        err.print(f"planned to {plan.target_s:.0f} s: left out {len(result.omitted)} scenes: "
                  + "; ".join(result.omitted[:8]) + (" ..." if len(result.omitted) > 8 else ""))
    if _emit([s.model_dump(mode="json", exclude_none=True) for s in result.shots], as_json):
        return
    for s in result.shots:
        out.print(f"  {s.id:>5} {s.size:<6} {s.angle:<9} {s.movement:<12} {s.lens_mm:>3}mm {s.duration_s:>4.1f}s  {s.description}")
    for v in check_shots(result, script):
        out.print(f"  [yellow]{v.rule}[/] ({', '.join(v.shots)}): {v.message}")


@app.command()
def qc(project: str = typer.Argument(".", help="Project folder."),
       as_json: bool = typer.Option(False, "--json", help="Print the QC report as JSON only."),
       version: str = typer.Option("main", "--version", "-V", help="Which version.")) -> None:
    """Re-score the storyboard frames on disk now (character and style), flagging drift."""
    from tools.cast.qc import qc_frames, write_qc_report
    from tools.style.compliance import style_score

    runner = _open(project, version)
    state = runner.state()
    if state is None or not state.frames:
        raise BadInput("this project has no storyboard frames yet")
    frames = [frames[state.chosen_variant.get(shot_id, 0)] for shot_id, frames in state.frames.items() if frames]
    missing = [f.path for f in frames if not (runner.version_dir / f.path).is_file()]
    if missing:
        raise BadInput(f"frame missing on disk: {missing[0]}")
    report = qc_frames(frames, runner.version_dir, state.cast, state.style, style_score=style_score)
    context = runner.context()
    if context.llm != "offline":  # the vision model's judgement as a second signal
        from agents.consistency import vision_check
        from agents.model_engine import chat_model_for

        report, _usage = vision_check(report, frames, runner.version_dir, state.cast, chat_model_for(context))
    write_qc_report(report, runner.version_dir)
    if _emit(report.model_dump(mode="json"), as_json):
        return
    flagged = [s for s in report.shots if s.flagged]
    out.print(f"[bold]{len(report.shots)} frames checked, {len(flagged)} flagged[/]")
    for s in flagged:
        out.print(f"  {s.id}: " + "; ".join(s.reasons))
