"""Consistency supervisor (SOP step 6): one character never becomes two people.

Tools: cast extraction from the script, alias merging with embeddings, the
character library in the memory store (per project and a user library reused
across films), reference sheets through the images provider, a feature lock
carried into every prompt, and frame QC (used by the storyboard batch).
"""

from __future__ import annotations

from langgraph.runtime import Runtime

from agents.stage import progress, rel
from graph.context import FilmContext
from graph.state import FilmState
from memory.store import CrewMemory
from tools.atomic import temp_path_for, write_json
from tools.cast.aliases import merge_aliases
from tools.cast.extract import extract_cast
from tools.previs.render import render_sheet


def consistency(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Build the character library for this film and lock each character's features."""
    project = runtime.context.project
    memory = CrewMemory(project / "memory")
    cast = merge_aliases(state.script, extract_cast(state.script, state.style, seed=state.brief.seed))
    locked = []
    for i, profile in enumerate(cast):
        progress("cast", i, len(cast), profile.name)
        folder = project / "cast" / profile.name.lower().replace(" ", "_")
        sheet = folder / "sheet.png"
        tmp = temp_path_for(sheet)
        render_sheet(profile, state.style).save(tmp, format="PNG")
        tmp.replace(sheet)
        profile = profile.model_copy(update={"sheet": rel(project, sheet)})
        write_json(folder / "profile.json", profile.model_dump(mode="json"))
        memory.save_character(profile)
        locked.append(profile)
    progress("cast", len(cast), len(cast), "cast locked")
    return {"cast": locked, "notes": [f"consistency: {len(locked)} characters locked: " + ", ".join(p.name for p in locked)]}
