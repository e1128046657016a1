"""Provider specs and filmcrew.toml: what is accepted, what wins, and that keys stay out of files."""

from __future__ import annotations

import os

import pytest

from tools.errors import BadInput
from tools.providers.config import load_config, validate_spec


@pytest.mark.parametrize("role, spec", [
    ("llm", "offline"), ("llm", "openai:gpt-5-mini"), ("llm", "google:gemini-2.5-flash"),
    ("llm", "openai-compatible:llama3.1@http://127.0.0.1:11434/v1"),
    ("images", "previs"), ("images", "openai:gpt-image-2"), ("images", "google:gemini-2.5-flash-image"),
    ("video", "camera"), ("video", "google:veo-3.1-generate-preview"),
])
def test_known_specs_are_accepted_as_given(role, spec):
    assert validate_spec(role, f"  {spec} ") == spec


@pytest.mark.parametrize("role, spec, words", [
    ("llm", "anthropic:claude", "not a known provider"),
    ("llm", "openai:", "names no model"),
    ("llm", "openai-compatible:llama3.1", "needs a base URL"),
    ("images", "openai:gpt-image-1", "shut down"),
    ("images", "openai:dall-e-3", "shut down"),
    ("video", "openai:sora-2", "shut down"),
    ("video", "sora-2-pro", "shut down"),
    ("video", "google:gemini-2.5-flash", "only Google Veo"),
    ("images", "camera", "not a known provider"),
])
def test_unusable_specs_get_one_line_reasons(role, spec, words):
    with pytest.raises(BadInput) as err:
        validate_spec(role, spec)
    assert words in str(err.value) and "\n" not in str(err.value)


def test_project_file_beats_user_file_and_explicit_values_beat_both(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    (user / "filmcrew.toml").write_text('[llm]\nspec = "openai:gpt-5-mini"\ntimeout_s = 30\n'
                                        '[images]\nspec = "openai:gpt-image-2"\n')
    project = tmp_path / "film"
    project.mkdir()
    (project / "filmcrew.toml").write_text('[llm]\nspec = "google:gemini-2.5-flash"\napi_key_env = "MY_GEMINI"\n')
    os.environ["FILMCREW_CONFIG_DIR"] = str(user)

    config = load_config(project)
    assert config.llm.spec == "google:gemini-2.5-flash"
    assert config.llm.timeout_s == 30.0  # the user file's setting survives where the project file is silent
    assert config.llm.key_names() == ("MY_GEMINI",)
    assert config.images.spec == "openai:gpt-image-2" and config.video.spec == "camera"
    assert config.sources[0].endswith("film/filmcrew.toml")

    explicit = load_config(project, llm="openai:gpt-5", images="previs")
    assert explicit.llm.spec == "openai:gpt-5" and explicit.images.spec == "previs"


def test_environment_never_overrides_an_explicit_spec(tmp_path, monkeypatch):
    monkeypatch.setenv("FILMCREW_LLM", "openai:gpt-5")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert load_config(tmp_path, llm="offline").llm.spec == "offline"


def test_a_key_written_into_the_toml_is_refused(tmp_path):
    (tmp_path / "filmcrew.toml").write_text('[llm]\nspec = "openai:gpt-5-mini"\napi_key = "sk-live-123"\n')
    with pytest.raises(BadInput, match="environment variable"):
        load_config(tmp_path)


def test_api_key_env_must_name_a_variable_not_hold_a_key(tmp_path):
    (tmp_path / "filmcrew.toml").write_text('[llm]\napi_key_env = "sk-live-123"\n')
    with pytest.raises(BadInput, match="api_key_env"):
        load_config(tmp_path)


def test_a_broken_toml_is_bad_input_with_its_path(tmp_path):
    (tmp_path / "filmcrew.toml").write_text("[llm\nspec=")
    with pytest.raises(BadInput, match="not valid TOML"):
        load_config(tmp_path)


def test_keys_are_read_from_the_named_variable_only(tmp_path, monkeypatch):
    (tmp_path / "filmcrew.toml").write_text('[llm]\nspec = "openai:gpt-5-mini"\napi_key_env = "TEAM_OPENAI"\n')
    monkeypatch.setenv("OPENAI_API_KEY", "sk-personal")
    config = load_config(tmp_path)
    assert config.llm.api_key() is None
    monkeypatch.setenv("TEAM_OPENAI", "sk-team")
    assert config.llm.api_key() == "sk-team"
    assert "sk-team" not in repr(config)  # the config holds names of variables, never their values
