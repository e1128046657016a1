"""A short script with three characters, the way a writer would introduce them."""

from __future__ import annotations

import pytest

from graph.state import Scene, Script, ScriptElement


def lighthouse_script() -> Script:
    shore = Scene(index=1, heading="EXT. ROCKY SHORE - NIGHT", location="ROCKY SHORE", interior=False,
                  time_of_day="NIGHT", elements=[
        ScriptElement(kind="action", text="Rain lashes the rocks. ELIAS (60s), weathered, in a yellow oilskin "
                                          "coat, keeps the lighthouse alone. A gull SCREAMS."),
        ScriptElement(kind="dialogue", character="ELIAS", text="Not tonight."),
        ScriptElement(kind="action", text="MAYA (10), a curious girl in a blue raincoat, clutching a jar of "
                                          "shells, runs in. Behind her rolls BOLT, a small robot with one glass eye."),
        ScriptElement(kind="dialogue", character="MAYA (V.O.)", text="Grandpa!"),
    ])
    tower = Scene(index=2, heading="INT. LIGHTHOUSE - NIGHT", location="LIGHTHOUSE", interior=True,
                  time_of_day="NIGHT", elements=[
        ScriptElement(kind="action", text="The old man climbs the stairs. The little machine whirs after him. "
                                          "The girl watches the keeper light the lamp. The boat rocks on the sea."),
    ])
    return Script(title="The Keeper", source="fountain", fountain="", scenes=[shore, tower])


@pytest.fixture
def script() -> Script:
    return lighthouse_script()
