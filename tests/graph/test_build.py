"""The graph as `langgraph dev` loads it: the SOP's nodes, its five gates, no checkpointer of its own."""

from __future__ import annotations

import importlib
import json
from pathlib import Path


def test_langgraph_json_points_at_a_compiled_graph_with_every_stage_and_gate():
    config = json.loads((Path(__file__).resolve().parents[2] / "langgraph.json").read_text())
    module_path, attribute = config["graphs"]["filmcrew"].split(":")
    module = importlib.import_module(Path(module_path).with_suffix("").as_posix().lstrip("./").replace("/", "."))
    graph = getattr(module, attribute)
    assert graph.checkpointer is None  # the platform brings its own
    nodes = set(graph.get_graph().nodes)
    assert {"script_doctor", "cinematographer", "art_director", "consistency", "storyboard", "animate", "editor"} <= nodes
    assert {"script_gate", "shots_gate", "style_gate", "storyboard_gate", "cut_gate"} <= nodes
    edges = {(e.source, e.target) for e in graph.get_graph().edges}
    assert ("script_gate", "script_doctor") in edges and ("script_gate", "cinematographer") in edges  # revise / go on
    assert ("cut_gate", "__end__") in edges
