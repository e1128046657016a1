"""Wires the crew into the SOP of SPEC §4. Only wiring lives here.

brief/script → script_doctor → [script] → cinematographer → [shots]
  → art_director → [style] → lock_style → consistency → storyboard → [storyboard]
  → animate → editor → [cut] → done
"""

from __future__ import annotations

from langgraph.graph import START, StateGraph

from agents.art_director import art_director, lock_style
from agents.cinematographer import cinematographer, storyboard
from agents.consistency import consistency
from agents.editor import animate, editor
from agents.script_doctor import script_doctor
from graph.context import FilmContext
from graph.gates import cut_gate, script_gate, shots_gate, storyboard_gate, style_gate
from graph.state import FilmState


def build_graph() -> StateGraph:
    builder = StateGraph(FilmState, context_schema=FilmContext)
    builder.add_node("script_doctor", script_doctor)
    builder.add_node("script_gate", script_gate)
    builder.add_node("cinematographer", cinematographer)
    builder.add_node("shots_gate", shots_gate)
    builder.add_node("art_director", art_director)
    builder.add_node("style_gate", style_gate)
    builder.add_node("lock_style", lock_style)
    builder.add_node("consistency", consistency)
    builder.add_node("storyboard", storyboard)
    builder.add_node("storyboard_gate", storyboard_gate)
    builder.add_node("animate", animate)
    builder.add_node("editor", editor)
    builder.add_node("cut_gate", cut_gate)

    builder.add_edge(START, "script_doctor")
    builder.add_edge("script_doctor", "script_gate")
    builder.add_edge("cinematographer", "shots_gate")
    builder.add_edge("art_director", "style_gate")
    builder.add_edge("lock_style", "consistency")
    builder.add_edge("consistency", "storyboard")
    builder.add_edge("storyboard", "storyboard_gate")
    builder.add_edge("animate", "editor")
    builder.add_edge("editor", "cut_gate")
    return builder


# `langgraph dev` loads this; the platform supplies its own checkpointer.
graph = build_graph().compile()
