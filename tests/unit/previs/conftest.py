"""Fixtures for the previs tests; the shared cast and scenes live in previs_fixtures."""

from __future__ import annotations

import pytest

from graph.state import CharacterProfile, StyleBible
from previs_fixtures import CAST, plain_style


@pytest.fixture
def style() -> StyleBible:
    return plain_style()


@pytest.fixture
def cast() -> list[CharacterProfile]:
    return list(CAST)
