"""Scripts the screenplay tests share: one clean short, and a parser shortcut."""

from __future__ import annotations

import pytest

from tools.screenplay.fountain_io import parse_fountain

CLEAN_KEEPER = """Title: The Keeper
Author: Test Writer

EXT. LIGHTHOUSE GALLERY - DUSK

Wind pulls at the railings. MARA (60s, weathered, yellow oilskin) polishes a **BRASS LANTERN**, its glass cracked along one side.

MARA
Hold on one more night, old girl.

She sets the lantern by the door and watches black clouds roll in from the sea.

INT. LIGHTHOUSE KITCHEN - NIGHT

Rain hammers the window. The lights flicker and die. Mara lights the brass lantern by feel, a small warm glow in the dark.

MARA
There you are.

A heavy THUD from the shore below. She freezes.

EXT. ROCKY SHORE - NIGHT

Mara picks her way down the rocks with the lantern raised. In the kelp lies PIP, a small robot with one round eye, dented and half buried in sand.

PIP
(weak, static)
Cold... cold...

MARA
Easy. I've got you.

She wraps Pip in her oilskin and carries it up the path.

INT. LIGHTHOUSE LAMP ROOM - NIGHT

The great lamp is dead. Out at sea, a fishing boat drifts toward the rocks, blind in the storm.

MARA
They can't see the rocks. Not without a light.

Pip's eye blinks. It pulls the brass lantern toward the dead lamp and plugs a thin cable into the lantern's base. Mara sets the lantern inside the great lens.

The lantern flares. The lens catches it and throws a beam across the water. The boat turns away from the rocks.

MARA
You did it!

EXT. LIGHTHOUSE GALLERY - DAWN

The storm is gone. Gold light on calm water. Mara and Pip sit side by side, the brass lantern between them, still glowing faintly.

MARA
Stay as long as you like.

Pip's eye glows warm.
"""


@pytest.fixture
def keeper_text() -> str:
    return CLEAN_KEEPER


@pytest.fixture
def keeper():
    return parse_fountain(CLEAN_KEEPER)


@pytest.fixture
def plant():
    """The clean script with planted changes; fails loudly if an anchor text is gone."""

    def planted(*pairs: tuple[str, str], text: str = CLEAN_KEEPER):
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new, 1)
        return parse_fountain(text)

    return planted
