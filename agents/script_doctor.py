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
from agents.model_engine import chat_model_for, judge_script, rewrite_directions, write_script
from graph.state import FilmState, Reading, Script, ScriptReport, ScriptVariant, UsageRecord
from tools.atomic import write_text
from tools.screenplay.analysis import analyze
from tools.screenplay.brief_writer import write_from_brief
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


def model_calibration(script: Script, report: ScriptReport, model, context: FilmContext,
                      n: int) -> tuple[ScriptReport, list[ScriptVariant], list[UsageRecord]]:
    """The model's judgement on top of the analysis (its findings as evidence), and its rewrites; files rewritten."""
    findings, judged = judge_script(script, report, model)
    report = report.model_copy(update={"findings": findings})
    write_report(report, script, context.project / "script")
    variants, rewritten = rewrite_directions(script, report, model, n)
    for i, variant in enumerate(variants, start=1):
        write_text(context.project / "script" / "versions" / f"{i}.fountain", variant.script.fountain)
        write_text(context.project / "script" / "versions" / f"{i}.diff", variant.diff)
    return report, variants, [judged, rewritten]


def script_doctor(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Write (from a brief) or take (an imported script), then calibrate it."""
    progress("script", 0, 2, "reading the script")
    note = state.revise_note
    script = state.script
    model, usage = None, []
    brief_readings: list[Reading] = []
    if runtime.context.llm != "offline":  # model engine: the LLM writes, judges and rewrites (same artifacts)
        model = chat_model_for(runtime.context)
    if script is None or (note and script.source == "brief"):
        # Script notes accumulate: the brief plus every script note so far, not only the last one.
        notes = script_notes_so_far(state) + ([note] if note.strip() else [])
        if model is not None:
            script, used = write_script(state.brief, "\n".join(notes), model)
            usage.append(used)
        else:
            script, read = write_from_brief(state.brief, notes)
            # The brief's reading once, when the script is first written; on a revise, only the new note's.
            brief_readings = read[-1:] if note.strip() else read[:1]
    progress("script", 1, 2, "calibrating")
    report, variants = calibrate(script, runtime.context)
    if model is not None:
        report, variants, used = model_calibration(script, report, model, runtime.context, n=len(variants) or 3)
        usage.extend(used)
    progress("script", 2, 2, "report written")
    done = f"script doctor: {len(script.scenes)} scenes, {len(report.findings)} findings, {len(variants)} alternative directions"
    readings = list(brief_readings)
    if note and script.source != "brief":
        done += f"; note kept for the writer (an imported script is not rewritten offline): {note}"
        # Said at the gate, so a note is never silently dropped.
        readings.append(Reading(source="note", stage="script_doctor", text=note, not_applied=[
            f"the crew does not rewrite an imported script (offline or with a model): '{script.title}' is kept as "
            f"written ({len(script.scenes)} scenes); the note is kept for the writer. Pick an alternative direction, "
            "or edit the script and import it again"]))
    return {"script": script, "script_report": report, "script_variants": variants, "script_choice": 0,
            "revise_note": "", "notes": [done], "usage": usage, "readings": readings}


def script_notes_so_far(state: FilmState) -> list[str]:
    """Every script note the brief writer has been given in this run, oldest first (kept in the readings)."""
    return [r.text for r in state.readings if r.source == "note" and r.stage == "script_doctor"
            and state.script is not None and state.script.source == "brief"]


def adopt_direction(state: FilmState, choice: int, context: FilmContext) -> dict:
    """The director picked alternative `choice` (1-based): it becomes the script, the original is kept."""
    variant = state.script_variants[choice - 1]
    folder = context.project / "script"
    write_text(folder / "versions" / "0-original.fountain", state.script.fountain)
    write_text(folder / "script.fountain", variant.script.fountain)
    report = analyze(variant.script)
    write_report(report, variant.script, folder)  # report.md/json and the curve describe the script in use
    return {"script": variant.script, "script_report": report,
            "notes": [f"script doctor: direction '{variant.name}' adopted; the original is in script/versions/0-original.fountain"]}
