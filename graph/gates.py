"""The five gates where a person approves, picks a variant or asks for changes.

Each gate is a node that interrupts once, before any side effect, with a small
JSON payload (a `GateRequest`), and routes on the answer: approve and pick go
forward, revise goes back to the agent that owns the stage with the note.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from langgraph.runtime import Runtime
from langgraph.types import Command, interrupt

from agents import script_doctor
from graph.context import FilmContext
from graph.readings import gate_lines
from graph.state import FilmState, GateAnswer, GateName, GateRecord, GateRequest
from tools.shots.grammar import CARDS_S


def ask(request: GateRequest) -> GateAnswer:
    """Stop the graph here until a person answers; returns their answer."""
    raw = interrupt(request.model_dump(mode="json"))
    answer = GateAnswer.model_validate(raw)
    if answer.action == "pick" and answer.shot is None and answer.pick >= len(request.choices):
        # The CLI validates picks before resuming; this guards scripted callers.
        answer = GateAnswer(action="approve")
    return answer


def _record(gate: GateName, answer: GateAnswer, context: FilmContext, state: FilmState) -> list[GateRecord]:
    return [GateRecord(gate=gate, answer=answer, at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                       version=context.version, readings_seen=len(state.readings))]


def _said(request: GateRequest, state: FilmState) -> GateRequest:
    """The gate also says what the crew made of the brief or the last note, and what it could not do."""
    understood, not_applied, nothing = gate_lines(state)
    summary = request.summary
    if nothing:
        summary += " Nothing of your last note was applied: see below why."
    elif not_applied:
        summary += f" {len(not_applied)} thing(s) asked for could not be done: see below."
    return request.model_copy(update={"summary": summary, "understood": understood, "not_applied": not_applied})


def _existing(project: Path, files: list[str]) -> list[str]:
    return [f for f in files if (project / f).exists()]


def _pick(answer: GateAnswer) -> int:
    return answer.pick if answer.action == "pick" else 0


def script_gate(state: FilmState, runtime: Runtime[FilmContext]) -> Command[Literal["script_doctor", "cinematographer"]]:
    report = state.script_report
    findings = report.findings if report else []
    high = sum(f.severity == "high" for f in findings)
    length = sum(s.est_duration_s for s in report.scenes) if report else 0.0
    variants = [f"{v.name}: {v.rationale}" for v in state.script_variants]
    request = GateRequest(
        gate="script",
        stage="script_doctor",
        summary=(f"'{state.script.title}': {len(state.script.scenes)} scenes, about {length:.0f} s as written; "
                 f"{len(findings)} findings ({high} high). Keep the original or pick an alternative direction."),
        choices=["original script"] + variants,
        files=_existing(runtime.context.project, ["script/script.fountain", "script/report.md", "script/mood_curve.png"]
                        + [f"script/versions/{i + 1}.fountain" for i in range(len(variants))]),
    )
    answer = ask(_said(request, state))
    history = _record("script", answer, runtime.context, state)
    if answer.action == "revise":
        return Command(goto="script_doctor", update={"revise_note": answer.note, "history": history})
    choice = _pick(answer)
    update = {"history": history, "script_choice": choice}
    if choice > 0:
        update.update(script_doctor.adopt_direction(state, choice, runtime.context))
    return Command(goto="cinematographer", update=update)


def shots_gate(state: FilmState, runtime: Runtime[FilmContext]) -> Command[Literal["cinematographer", "art_director"]]:
    shots = state.shotlist.shots
    total = sum(s.duration_s for s in shots)
    fitted = state.shotlist.fitted_to_s
    target = (fitted or state.brief.length_s) - CARDS_S
    fit = _left_out(state)
    if target > 0 and abs(total - target) > 0.15 * target:
        fit += (f" The target was {target:.0f} s of shots: this script is too "
               + ("long to play that short without losing lines; cut scenes or ask for a longer film. "
                  if total > target else "short to fill it; add scenes or ask for a shorter film. "))
    request = GateRequest(
        gate="shots",
        stage="cinematographer",
        summary=(f"{len(shots)} shots, {total:.0f} s planned ({total + CARDS_S:.0f} s with the title and end cards); "
                 f"{len(state.shot_violations)} continuity issues.{fit} "
                 "Revise with a note such as \"shot 3.2: low angle, slow push in\"."),
        choices=["shot list as proposed"],
        files=_existing(runtime.context.project, ["shots/shotlist.csv", "shots/shotlist.json", "shots/cut.md"]),
    )
    answer = ask(_said(request, state))
    history = _record("shots", answer, runtime.context, state)
    if answer.action == "revise":
        return Command(goto="cinematographer", update={"revise_note": answer.note, "history": history})
    return Command(goto="art_director", update={"history": history})


def _left_out(state: FilmState, shown: int = 8) -> str:
    """What an imported script's cut leaves out to fit its length, in words (all of it in shots/cut.md)."""
    shotlist = state.shotlist
    if not shotlist.omitted and not shotlist.trimmed:
        return ""
    said = f" To fit {shotlist.fitted_to_s:.0f} s"
    if shotlist.omitted:
        more = len(shotlist.omitted) - shown
        said += (f" the cut leaves out {len(shotlist.omitted)} of {len(state.script.scenes)} scenes: "
                 + "; ".join(shotlist.omitted[:shown]) + (f"; and {more} more (shots/cut.md)" if more > 0 else ""))
    if shotlist.trimmed:
        said += (", and" if shotlist.omitted else "") + f" shortens lines in {len(shotlist.trimmed)} scene(s)"
    return said + ". Say \"the script as written\" to keep every scene, or give a length (\"make it 2 minutes\")."


def style_gate(state: FilmState, runtime: Runtime[FilmContext]) -> Command[Literal["art_director", "lock_style"]]:
    request = GateRequest(
        gate="style",
        stage="art_director",
        summary="Three candidate looks rendered on the same key shot. Pick the one to lock for the whole film.",
        choices=[f"{s.name} ({s.medium}, {s.lighting}, {s.harmony} palette)" for s in state.style_candidates],
        files=["style/comparisons/" + p.name for p in sorted((runtime.context.project / "style" / "comparisons").glob("*.png"))
               if p.name != "sheet.png"] + _existing(runtime.context.project, ["style/comparisons/sheet.png"]),
    )
    answer = ask(_said(request, state))
    history = _record("style", answer, runtime.context, state)
    if answer.action == "revise":
        return Command(goto="art_director", update={"revise_note": answer.note, "history": history})
    return Command(goto="lock_style", update={"history": history, "style": state.style_candidates[_pick(answer)]})


def storyboard_gate(state: FilmState, runtime: Runtime[FilmContext]) -> Command[Literal["storyboard", "storyboard_gate", "animate"]]:
    fixes = state.storyboard_fixes
    fixed = (f" The consistency check fixed {len(fixes)}: " + "; ".join(fixes[:4]) + (" …" if len(fixes) > 4 else "") + "."
             if fixes else " Every frame passed the consistency check first time.")
    request = GateRequest(
        gate="storyboard",
        stage="cinematographer",
        summary=(f"{len(state.frames)} shots × {runtime.context.variants} variants; the best variant of each shot "
                 f"by the consistency check is preselected.{fixed} "
                 "Pick N to use variant N-1 for every shot, pick a variant for one shot, or revise a shot."),
        choices=["best variant per shot (QC)"] + [f"variant {i} for every shot" for i in range(runtime.context.variants)],
        files=_existing(runtime.context.project, ["shots/storyboard.pdf", "qc/report.md", "qc/report.json"]),
    )
    answer = ask(_said(request, state))
    history = _record("storyboard", answer, runtime.context, state)
    if answer.action == "revise":
        return Command(goto="storyboard", update={"revise_note": answer.note, "history": history})
    if answer.action == "pick" and answer.shot:
        # One shot's variant: take it and stay at the gate for the next pick.
        return Command(goto="storyboard_gate", update={"history": history, "chosen_variant": {answer.shot: answer.pick}})
    update: dict = {"history": history}
    if _pick(answer) > 0:
        variant = _pick(answer) - 1
        update["chosen_variant"] = {sid: variant for sid, frames in state.frames.items() if len(frames) > variant}
    return Command(goto="animate", update=update)


def cut_gate(state: FilmState, runtime: Runtime[FilmContext]) -> Command[Literal["animate", "__end__"]]:
    edit = state.edit
    request = GateRequest(
        gate="cut",
        stage="editor",
        summary=(f"Draft film {edit.duration_s:.1f} s, {len([c for c in edit.cuts if '.' in c.shot_id])} shots cut "
                 f"on a {edit.tempo_bpm:.0f} bpm beat grid. Approve to finish, or revise the cut "
                 "(faster/slower cutting, new music, subtitles on/off)."),
        choices=["full cut"],
        files=_existing(runtime.context.project, ["edit/full.mp4", "edit/timeline.otio", "edit/subtitles.srt"]),
    )
    answer = ask(_said(request, state))
    history = _record("cut", answer, runtime.context, state)
    if answer.action == "revise":
        # The cut is planned in `animate` (beats, pacing, music), so a cut note starts there;
        # clips and segments that do not change come back from the cache.
        return Command(goto="animate", update={"revise_note": answer.note, "history": history})
    return Command(goto="__end__", update={"history": history})


__all__ = ["ask", "script_gate", "shots_gate", "style_gate", "storyboard_gate", "cut_gate"]
