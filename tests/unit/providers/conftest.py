"""A loopback service per test, and no stray keys or config from the machine running the tests."""

from __future__ import annotations

import pytest

from tests.unit.providers.loopback import Loopback

KEY_VARS = ("OPENAI_API_KEY", "GOOGLE_API_KEY", "GEMINI_API_KEY", "GOOGLE_CLOUD_API_KEY", "OPENAI_COMPATIBLE_API_KEY",
            "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION", "GOOGLE_GENAI_USE_VERTEXAI")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path_factory):
    for name in KEY_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FILMCREW_CONFIG_DIR", str(tmp_path_factory.mktemp("user-config")))


@pytest.fixture
def service():
    loop = Loopback().start()
    yield loop
    loop.stop()
