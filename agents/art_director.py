"""Art director (SOP step 3): lock the style before anything is drawn.

Tools: palette science (harmony schemes, warm/cool contrast, ΔE2000 through
coloraide), style proposals from the brief's mood and the person's style
text, comparisons of the candidates on the same key shot, and the style memory
where the chosen look is locked for every later frame.
"""

from __future__ import annotations

from langgraph.runtime import Runtime

from agents.model_engine import chat_model_for
from agents.model_engine import propose_styles as model_styles
from agents.stage import progress
from graph.context import FilmContext
from graph.state import FilmState, Reading, Shot, Understood
from memory.store import CrewMemory
from tools.cast.extract import extract_cast
from tools.previs.comparison import render_comparison
from tools.previs.render import frame_size
from tools.style.bible import propose_with_reading
from tools.style.direction import APPROXIMATED, style_reading
from tools.style.notes import note_shifts
from tools.style.files import write_bible
from tools.previs.set_dressing import lit_scene


def key_shot(state: FilmState) -> Shot:
    """The shot that best shows a look: the widest shot with most characters in the first scenes."""
    order = {"EWS": 0, "WS": 1, "MWS": 2, "TWO": 3, "MS": 4}
    shots = state.shotlist.shots
    return min(shots, key=lambda s: (-len([x for x in s.subjects if x.isupper()]), order.get(s.size, 9), s.scene))


def art_director(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Propose three looks and render them on the same key shot for comparison."""
    progress("style", 0, 2, "proposing looks")
    usage = []
    if runtime.context.llm != "offline":  # model engine: the LLM proposes the looks (validated StyleBibles)
        candidates, used = model_styles(state.brief, state.script, chat_model_for(runtime.context), n=3,
                                        note=state.revise_note)
        usage.append(used)
        readings = []
    else:
        candidates, readings = _offline_looks(state)
    shot = key_shot(state)
    scene = lit_scene(state.script.scenes, shot.scene)
    # A provisional cast, only so the comparison shows people in each look.
    provisional = extract_cast(state.script, candidates[0], seed=state.brief.seed)
    progress("style", 1, 2, "rendering comparisons")
    render_comparison(candidates, shot, scene, provisional, runtime.context.project / "style" / "comparisons",
                      size=frame_size(state.brief.aspect))
    progress("style", 2, 2, "comparisons ready")
    return {"style_candidates": candidates, "revise_note": "", "usage": usage, "readings": readings,
            "notes": [f"art director: {len(candidates)} looks on shot {shot.id}: " + "; ".join(c.name for c in candidates)]}


def _offline_looks(state: FilmState) -> tuple[list, list[Reading]]:
    """The three looks, and what the style text (first time) or the note (on a revise or fork) was read as."""
    note = state.revise_note
    candidates, faithful, style_words, note_words = propose_with_reading(state.brief, state.script, n=3, note=note)
    palette = [c.hex for c in candidates[0].palette]
    readings = []
    if note.strip():
        reading = style_reading(note, note_words, faithful, source="note", palette_hexes=palette)
        shifts = [Understood(text=said, became="style", detail="a shift of the whole look from where it was")
                  for said in note_shifts(note)]
        readings.append(reading.model_copy(update={"used": shifts + reading.used}))
    elif state.brief.style_text.strip():
        readings.append(style_reading(state.brief.style_text, style_words, faithful, palette_hexes=palette))
    elif faithful.family in APPROXIMATED:
        readings.append(Reading(source="style", stage="art_director", text="(no --style)",
                                not_applied=[f"{faithful.medium}: {APPROXIMATED[faithful.family]}"]))
    return candidates, readings


def lock_style(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Write the chosen style bible and lock it in the style memory."""
    project = runtime.context.project
    write_bible(state.style, project / "style")
    CrewMemory(project / "memory").save_style(state.style, locked=True)
    return {"notes": [f"art director: style '{state.style.name}' locked ({state.style.harmony} palette, {state.style.lighting})"]}
