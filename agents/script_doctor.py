"""Script doctor (SOP step 1): calibrates the script rather than generating it.

Tools: Fountain import/export, a structure template for briefs, analyses of
structure, setups and payoffs, mood curve, voice and motive, and alternative
directions offered side by side. The deterministic engine runs offline; a
model engine (when configured) adds judgement in the same contract.
"""

from __future__ import annotations

from langgraph.runtime import Runtime

from agents.stage import progress
from graph.context import FilmContext
from graph.state import FilmState, Script, ScriptReport, ScriptVariant
from tools.atomic import write_text
from tools.screenplay.analysis import analyze
from tools.screenplay.brief_writer import script_from_brief
from tools.screenplay.directions import alternative_directions
from tools.screenplay.fountain_io import to_fountain
from tools.screenplay.report import write_report


def calibrate(script: Script, context: FilmContext) -> tuple[ScriptReport, list[ScriptVariant]]:
    """Analyse a script and write its report, the script itself and the alternative directions."""
    folder = context.project / "script"
    report = analyze(script)
    write_text(folder / "script.fountain", script.fountain if script.fountain else to_fountain(script))
    write_report(report, script, folder)
    variants = alternative_directions(script, n=3)
    for i, variant in enumerate(variants, start=1):
        write_text(folder / "versions" / f"{i}.fountain", variant.script.fountain)
        write_text(folder / "versions" / f"{i}.diff", variant.diff)
    return report, variants


def script_doctor(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Write (from a brief) or take (an imported script), then calibrate it."""
    progress("script", 0, 2, "reading the script")
    note = state.revise_note
    script = state.script
    if script is None or (note and script.source == "brief"):
        script = script_from_brief(state.brief, note=note)
    progress("script", 1, 2, "calibrating")
    report, variants = calibrate(script, runtime.context)
    progress("script", 2, 2, "report written")
    done = f"script doctor: {len(script.scenes)} scenes, {len(report.findings)} findings, {len(variants)} alternative directions"
    if note and script.source != "brief":
        done += f"; note kept for the writer (an imported script is not rewritten offline): {note}"
    return {"script": script, "script_report": report, "script_variants": variants, "script_choice": 0,
            "revise_note": "", "notes": [done]}


def adopt_direction(state: FilmState, choice: int, context: FilmContext) -> dict:
    """The director picked alternative `choice` (1-based): it becomes the script, the original is kept."""
    variant = state.script_variants[choice - 1]
    folder = context.project / "script"
    write_text(folder / "versions" / "0-original.fountain", state.script.fountain)
    write_text(folder / "script.fountain", variant.script.fountain)
    return {"script": variant.script, "script_report": analyze(variant.script),
            "notes": [f"script doctor: direction '{variant.name}' adopted; the original is in script/versions/0-original.fountain"]}
