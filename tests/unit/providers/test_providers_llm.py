"""The real ChatOpenAI client path against a loopback OpenAI-compatible server.

Success, a 429 then success, malformed JSON then a repair, and a timeout that
ends in one clear ProviderError; plus what a call costs.
"""

from __future__ import annotations

import json

import pytest
from langchain_core.messages import HumanMessage
from pydantic import BaseModel, Field

from tools.providers.config import ProviderConfig, RoleConfig
from tools.providers.errors import ProviderError
from tools.providers.llm import load_chat_model, structured
from tools.providers.pricing import PRICES_AS_OF, image_cost, token_cost, video_cost
from tests.unit.providers.loopback import Reply, chat_tool_reply, error_reply

CHAT = "/v1/chat/completions"


class Logline(BaseModel):
    """A film's logline."""

    title: str = Field(description="Title of the film.")
    scenes: int = Field(ge=1, description="How many scenes.")


def _model(service, timeout_s=5.0, retries=2):
    spec = f"openai-compatible:fake-llm@{service.url}/v1"
    return load_chat_model(spec, ProviderConfig(llm=RoleConfig(spec, timeout_s=timeout_s, retries=retries)))


def _ask(model, **kw):
    waits = []
    result = structured(model, Logline, [HumanMessage("a robot learns to paint")], stage="script",
                        backoff_s=0.01, sleep=waits.append, **kw)
    return result, waits


def test_success_returns_the_artifact_tokens_and_the_request_carries_the_schema(service, monkeypatch):
    monkeypatch.setenv("OPENAI_COMPATIBLE_API_KEY", "sk-local-777")
    service.queue(CHAT, chat_tool_reply("Logline", {"title": "Wet Paint", "scenes": 4}, 321, 45))
    (logline, usage), waits = _ask(_model(service))
    assert logline == Logline(title="Wet Paint", scenes=4)
    assert (usage.input_tokens, usage.output_tokens, usage.stage) == (321, 45, "script")
    assert usage.provider.startswith("openai-compatible:fake-llm@") and waits == []
    sent = service.requests_to(CHAT)[0]
    body = sent.json()
    assert body["model"] == "fake-llm"
    assert body["tools"][0]["function"]["name"] == "Logline"
    assert "scenes" in body["tools"][0]["function"]["parameters"]["properties"]
    assert sent.headers.get("authorization") == "Bearer sk-local-777"


def test_a_429_is_retried_after_a_backoff(service):
    service.queue(CHAT, error_reply(429), error_reply(503, "overloaded"),
                  chat_tool_reply("Logline", {"title": "Wet Paint", "scenes": 2}))
    (logline, usage), waits = _ask(_model(service))
    assert logline.scenes == 2
    assert len(service.requests_to(CHAT)) == 3
    assert len(waits) == 2 and 0 < waits[0] <= 0.01 and waits[1] <= 0.02  # exponential with jitter, bounded


def test_retries_are_bounded_and_end_in_a_clear_error(service):
    service.queue(CHAT, *[error_reply(429) for _ in range(5)])
    with pytest.raises(ProviderError, match=r"failed after 3 tries \(HTTP 429\)"):
        _ask(_model(service, retries=2))
    assert len(service.requests_to(CHAT)) == 3


def test_malformed_json_gets_one_repair_request_with_the_error(service):
    service.queue(CHAT, chat_tool_reply("Logline", '{"title": "Wet Paint", "scenes": '),
                  chat_tool_reply("Logline", {"title": "Wet Paint", "scenes": 0}),
                  chat_tool_reply("Logline", {"title": "Wet Paint", "scenes": 3}))
    with pytest.raises(ProviderError, match="even after a repair"):
        _ask(_model(service))  # malformed, then still invalid (scenes=0): one repair only
    repair = service.requests_to(CHAT)[1].json()["messages"][-1]["content"]
    assert "not valid JSON" in repair and "Logline" in repair


def test_a_validation_error_is_sent_back_and_the_repair_is_used(service):
    service.queue(CHAT, chat_tool_reply("Logline", {"title": "Wet Paint", "scenes": 0}, 100, 10),
                  chat_tool_reply("Logline", {"title": "Wet Paint", "scenes": 3}, 150, 12))
    (logline, usage), _ = _ask(_model(service))
    assert logline.scenes == 3
    repair = service.requests_to(CHAT)[1].json()["messages"][-1]["content"]
    assert "scenes" in repair and "greater than or equal to 1" in repair
    assert (usage.input_tokens, usage.output_tokens) == (250, 22)  # both calls are paid for


def test_a_timeout_is_a_clear_provider_error(service):
    service.queue(CHAT, Reply(stall_s=1.5), Reply(stall_s=1.5))
    with pytest.raises(ProviderError) as err:
        _ask(_model(service, timeout_s=0.3, retries=1))
    message = str(err.value)
    assert "no answer within 0.3 s after 2 tries" in message and "timeout_s" in message


def test_a_refused_key_is_not_retried(service, monkeypatch):
    monkeypatch.setenv("OPENAI_COMPATIBLE_API_KEY", "sk-wrong")
    service.queue(CHAT, Reply(401, {"error": {"message": "Incorrect API key provided: sk-wrong"}}))
    with pytest.raises(ProviderError, match="refused the key") as err:
        _ask(_model(service))
    assert "sk-wrong" not in str(err.value)
    assert len(service.requests_to(CHAT)) == 1


def test_openai_without_a_key_says_which_variable_to_set():
    with pytest.raises(ProviderError, match="OPENAI_API_KEY"):
        load_chat_model("openai:gpt-5-mini")


def test_prices_come_from_the_dated_table_and_unknown_models_cost_zero_with_a_note():
    assert token_cost("openai:gpt-5-mini", 1_000_000, 100_000) == (pytest.approx(0.45), "")
    assert token_cost("openai-compatible:llama3@http://127.0.0.1:1/v1", 10**6, 10**6) == (0.0, "")
    cost, note = token_cost("openai:some-future-model", 1000, 1000)
    assert cost == 0.0 and "some-future-model" in note and PRICES_AS_OF in note
    assert image_cost("openai:gpt-image-2", 3)[0] == pytest.approx(0.126)
    assert video_cost("google:veo-3.1-fast-generate-preview", 8)[0] == pytest.approx(1.2)
    assert json.dumps(PRICES_AS_OF)  # a date a reader can check the table against


def test_usage_totals_sum_per_stage_and_overall():
    from graph.state import UsageRecord
    from tools.providers.pricing import usage_totals

    records = [UsageRecord(stage="script", provider="openai:gpt-5-mini", input_tokens=900, output_tokens=700, cost_usd=0.0016),
               UsageRecord(stage="script", provider="openai:gpt-5-mini", input_tokens=100, output_tokens=50, cost_usd=0.0001),
               UsageRecord(stage="animate", provider="google:veo-3.1-fast", video_s=4.0, cost_usd=0.6)]
    totals = usage_totals(records)
    assert totals["script"]["calls"] == 2 and totals["script"]["input_tokens"] == 1000
    assert totals["animate"]["video_s"] == 4.0
    assert totals["total"]["cost_usd"] == pytest.approx(0.6017) and totals["total"]["calls"] == 3
