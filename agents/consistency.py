"""Consistency supervisor (SOP step 6): one character never becomes two people.

Tools: cast extraction from the script, alias merging with embeddings, the
character library in the memory store (one per project, shared by every
version, plus a user library reused across films), reference sheets through
the images provider, a feature lock carried into every prompt, and frame QC
(used by the storyboard batch).
"""

from __future__ import annotations

from pathlib import Path

from langgraph.runtime import Runtime

from agents.model_engine import chat_model_for, profile_cast
from agents.stage import progress, rel
from graph.context import FilmContext
from graph.state import CharacterProfile, FilmState, Frame, UsageRecord
from memory.store import CrewMemory
from tools.atomic import temp_path_for, write_json
from tools.cast.qc import CHARACTER_THRESHOLD, QCReport
from tools.cast.aliases import merge_aliases
from tools.cast.extract import descriptions, extract_cast
from tools.cast.library import profile_dir_name
from tools.previs.render import render_sheet


def character_library(context: FilmContext) -> CrewMemory:
    """The project's character library: shared by all versions, so a fork keeps the same people."""
    return CrewMemory(context.cache_dir / "memory")


def consistency(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Build the cast for this film, reusing every character already locked in the library."""
    context = runtime.context
    project = context.project
    library = character_library(context)
    found = merge_aliases(state.script, extract_cast(state.script, state.style, seed=state.brief.seed))
    # Only people the cut shows are cast: a fitted cut of a long script leaves many out.
    on_screen = {name for shot in (state.shotlist.shots if state.shotlist else []) for name in shot.subjects}
    left_out = [p.name for p in found if on_screen and p.name not in on_screen]
    if on_screen:
        found = [p for p in found if p.name in on_screen]
    usage = []
    if context.llm != "offline":  # model engine: richer features; names, bodies and the library's locks are kept
        found, used = profile_cast(state.script, found, chat_model_for(context))
        usage.append(used)
    said = descriptions(state.script)
    cast: list[CharacterProfile] = []
    reused = []
    for i, profile in enumerate(found):
        progress("cast", i, len(found), profile.name)
        locked = library.character(profile.name)
        if locked is not None:
            # The lock wins over a fresh reading; aliases found in this script are added to it.
            profile = locked.model_copy(update={"aliases": sorted(set(locked.aliases) | set(profile.aliases))})
            reused.append(profile.name)
        folder = project / "cast" / profile_dir_name(profile.name)
        sheet = folder / "sheet.png"
        tmp = temp_path_for(sheet)
        render_sheet(profile, state.style).save(tmp, format="PNG")
        tmp.replace(sheet)
        profile = profile.model_copy(update={"sheet": rel(project, sheet)})
        write_json(folder / "profile.json", profile.model_dump(mode="json"))
        library.save_character(profile, description=said.get(profile.name, ""))
        cast.append(profile)
    progress("cast", len(found), len(found), "cast locked")
    note = f"consistency: {len(cast)} characters locked: " + ", ".join(p.name for p in cast)
    if reused:
        note += f" ({', '.join(reused)} reused from the character library)"
    if left_out:
        note += f"; not cast (in no shot of this cut): {', '.join(left_out)}"
    return {"cast": cast, "notes": [note], "usage": usage}


def vision_check(report: QCReport, frames: list[Frame], project: Path, cast: list[CharacterProfile],
                 model) -> tuple[QCReport, list[UsageRecord]]:
    """A vision model's judgement as QC's second signal: each character keeps the lower of the two scores,
    and a frame the model doubts is flagged with the model's reasons."""
    from agents.model_engine import judge_frame

    library = {p.name: p for p in cast}
    shots, usage = [], []
    for entry, frame in zip(report.shots, frames):
        present = [library[n] for n in frame.character_boxes if n in library]
        if not present:
            shots.append(entry)
            continue
        judgement, record = judge_frame((project / frame.path).read_bytes(), present, model)
        usage.append(record)
        scores, reasons, flagged = dict(entry.character_scores), list(entry.reasons), entry.flagged
        for name, seen in judgement.character_scores.items():
            scores[name] = round(min(scores.get(name, 1.0), seen), 3)
            if seen < CHARACTER_THRESHOLD:
                flagged = True
                reasons.append(f"vision model: {name} doubtful (score {seen:.2f})")
        if any(seen < CHARACTER_THRESHOLD for seen in judgement.character_scores.values()):
            reasons.extend(f"vision model: {r}" for r in judgement.reasons)
        shots.append(entry.model_copy(update={"character_scores": scores, "reasons": reasons, "flagged": flagged}))
    return report.model_copy(update={"shots": shots}), usage
