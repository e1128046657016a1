"""`filmcrew providers`: each role's engine, key presence (never the key) and whether it answers."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import studio.providers_cmd  # noqa: F401  (registers the command on the app)
from studio.cli import app
from tests.unit.providers.loopback import Reply

KEY = "sk-providers-cmd-secret"


def test_providers_reports_specs_keys_and_answers_without_printing_keys(tmp_path, service, monkeypatch):
    (tmp_path / "filmcrew.toml").write_text(
        f'[llm]\nspec = "openai-compatible:fake-llm@{service.url}/v1"\napi_key_env = "LOCAL_LLM_KEY"\n'
        '[images]\nspec = "openai:gpt-image-2"\n')
    monkeypatch.setenv("LOCAL_LLM_KEY", KEY)
    service.queue("/v1/models/fake-llm", Reply(200, {"id": "fake-llm", "object": "model", "owned_by": "me"}))
    result = CliRunner().invoke(app, ["providers", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert KEY not in result.output
    rows = {r["role"]: r for r in json.loads(result.stdout)["providers"]}
    assert rows["llm"]["answers"] is True and rows["llm"]["key_present"] is True
    assert rows["llm"]["key_env"] == "LOCAL_LLM_KEY"
    assert rows["images"]["key_present"] is False and "OPENAI_API_KEY" in rows["images"]["detail"]
    assert rows["video"] == {"role": "video", "spec": "camera", "key_env": "", "key_present": True, "answers": None,
                             "detail": "offline engine, always available"}
    assert service.requests_to("/v1/models/fake-llm")[0].headers["authorization"] == f"Bearer {KEY}"


def test_a_server_that_does_not_know_the_model_says_so(tmp_path, service):
    (tmp_path / "filmcrew.toml").write_text(f'[llm]\nspec = "openai-compatible:nope@{service.url}/v1"\n')
    service.queue("/v1/models/", Reply(404, {"error": {"message": "model not found"}}))
    result = CliRunner().invoke(app, ["providers", str(tmp_path), "--json"])
    llm = json.loads(result.stdout)["providers"][0]
    assert llm["answers"] is False and llm["detail"] == "the model is unknown"
