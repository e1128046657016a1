"""The llm role: one `load_chat_model(spec)` and one `structured(...)` call for every agent.

`structured` asks for a pydantic artifact and does what a careful person would
with an unreliable colleague: retries with backoff when the service is busy
(429), broken (5xx) or slow (timeout); when the answer does not fit the
schema, sends the validation error back once and asks for a corrected answer;
and gives up with one clear `ProviderError`, never a traceback from a client
library. Retries are ours (the clients' own are switched off) so they are
bounded, visible and testable.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from pydantic import BaseModel, SecretStr, ValidationError

from graph.state import UsageRecord
from tools.errors import BadInput
from tools.providers.config import ProviderConfig, RoleConfig, validate_spec
from tools.providers.errors import ProviderError
from tools.providers.pricing import token_cost

log = logging.getLogger(__name__)
Artifact = TypeVar("Artifact", bound=BaseModel)

BACKOFF_S = 1.0  # first wait; doubles per try, with jitter, capped below
BACKOFF_MAX_S = 20.0
RETRYABLE_STATUS = {408, 409, 429, 500, 502, 503, 504, 529}
AUTH_STATUS = {401, 403}
SPEC_KEY = "filmcrew_spec"  # where a loaded model remembers its spec (for usage records)
# Model families whose structured output is asked for through tool calling: it is what
# every OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) implements alike.
STRUCTURED_METHOD = {"openai": "function_calling", "openai-compatible": "function_calling", "google": "function_calling"}


def load_chat_model(spec: str, config: ProviderConfig | None = None) -> BaseChatModel:
    """A langchain chat model for an llm spec, with the client's own retries off (ours are in `structured`)."""
    spec = validate_spec("llm", spec)
    if spec == "offline":
        raise BadInput("the offline engine has no chat model; pass --llm openai:<model> or another model engine")
    # The toml's settings for the role (timeout, retries, key variable) apply to whichever spec won.
    role = replace(config.llm if config is not None else RoleConfig(spec), spec=spec)
    key = role.api_key()
    if role.family == "google":
        from langchain_google_genai import ChatGoogleGenerativeAI

        if key is None:
            raise ProviderError(f"{spec}: no Google API key; set {' or '.join(role.key_names())}")
        model = ChatGoogleGenerativeAI(model=role.model, google_api_key=SecretStr(key), timeout=role.timeout_s,
                                       max_retries=0, base_url=role.base_url)
    else:
        from langchain_openai import ChatOpenAI

        if key is None and role.family == "openai":
            raise ProviderError(f"{spec}: no OpenAI API key; set {' or '.join(role.key_names())}")
        # Local servers ignore the key but the client insists on one; "none" is sent, never a real key.
        model = ChatOpenAI(model=role.model, api_key=SecretStr(key or "none"), base_url=role.base_url,
                           timeout=role.timeout_s, max_retries=0)
    model.metadata = {**(model.metadata or {}), SPEC_KEY: spec, "filmcrew_retries": role.retries,
                      "filmcrew_timeout_s": role.timeout_s}
    return model


def model_spec(model: BaseChatModel) -> str:
    """The spec a model was loaded from (scripted test models: 'fake:<type>')."""
    return (model.metadata or {}).get(SPEC_KEY) or f"fake:{model._llm_type}"


# --------------------------------------------------------------------------- errors


def _status(exc: BaseException) -> int | None:
    for attr in ("status_code", "code", "status"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return value
    response = getattr(exc, "response", None)
    value = getattr(response, "status_code", None)
    return value if isinstance(value, int) else None


def _is_timeout(exc: BaseException) -> bool:
    names = {c.__name__ for c in type(exc).__mro__}
    return bool(names & {"TimeoutError", "APITimeoutError", "TimeoutException", "ReadTimeout", "DeadlineExceeded"})


def _is_connection(exc: BaseException) -> bool:
    names = {c.__name__ for c in type(exc).__mro__}
    return bool(names & {"APIConnectionError", "ConnectError", "ConnectionError"})


def retryable(exc: BaseException) -> bool:
    """Worth another try: busy, broken on their side, or slow."""
    return _is_timeout(exc) or _is_connection(exc) or _status(exc) in RETRYABLE_STATUS


def call_with_backoff(call: Callable[[], object], *, what: str, retries: int, backoff_s: float = BACKOFF_S,
                      sleep: Callable[[float], None] = time.sleep, timeout_s: float | None = None):
    """Run call; on a retryable failure wait (exponential, jittered) and try again, at most retries more times."""
    for attempt in range(retries + 1):
        try:
            return call()
        except Exception as exc:  # classified below; anything unknown is re-raised as it is
            status = _status(exc)
            if status in AUTH_STATUS:
                raise ProviderError(f"{what}: the service refused the key (HTTP {status}); check the key's "
                                    "environment variable and the account's access") from None
            if not retryable(exc):
                if status is not None:
                    raise ProviderError(f"{what}: the service answered HTTP {status}: {_short(exc)}") from None
                raise
            if attempt == retries:
                if _is_timeout(exc):
                    limit = f" within {timeout_s:g} s" if timeout_s else ""
                    raise ProviderError(f"{what}: no answer{limit} after {retries + 1} tries; the service is "
                                        "slow or down (raise timeout_s in filmcrew.toml, or try later)") from None
                reason = f"HTTP {status}" if status else _short(exc)
                raise ProviderError(f"{what}: failed after {retries + 1} tries ({reason}); try again later") from None
            wait = min(BACKOFF_MAX_S, backoff_s * 2 ** attempt) * (0.5 + random.random() / 2)
            log.info("%s: %s, retrying in %.2f s", what, type(exc).__name__, wait)
            sleep(wait)
    raise AssertionError("unreachable")  # the loop always returns or raises


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


# --------------------------------------------------------------------------- structured output


def _usage(raw: BaseMessage | None) -> tuple[int, int]:
    meta = getattr(raw, "usage_metadata", None) or {}
    return int(meta.get("input_tokens", 0) or 0), int(meta.get("output_tokens", 0) or 0)


def _answer_text(raw: BaseMessage | None) -> str:
    """What the model sent, for the repair message: tool-call arguments or the text."""
    if raw is None:
        return ""
    calls = getattr(raw, "tool_calls", None) or []
    if calls:
        return json.dumps(calls[0].get("args", {}))[:4000]
    bad = getattr(raw, "invalid_tool_calls", None) or []
    if bad:
        return str(bad[0].get("args", ""))[:4000]
    return str(raw.content)[:4000]


_PRICE_WARNED: set[str] = set()


def usage_record(spec: str, stage: str, input_tokens: int, output_tokens: int) -> UsageRecord:
    cost, note = token_cost(spec, input_tokens, output_tokens)
    if note and spec not in _PRICE_WARNED:  # once per model: the note matters, the repetition does not
        _PRICE_WARNED.add(spec)
        log.warning("%s", note)
    return UsageRecord(stage=stage, provider=spec, input_tokens=input_tokens, output_tokens=output_tokens,
                       cost_usd=cost, note=note)


def structured(model: BaseChatModel, schema: type[Artifact], messages: Sequence[BaseMessage], *, stage: str,
               retries: int | None = None, backoff_s: float = BACKOFF_S,
               sleep: Callable[[float], None] = time.sleep) -> tuple[Artifact, UsageRecord]:
    """Ask the model for one `schema` artifact, validated; one repair round, bounded backoff.

    The schema goes to the model as a JSON schema (field descriptions included) and
    the answer is validated here, so a model's near miss gets the exact pydantic error
    back to fix rather than a parser's guess."""
    spec = model_spec(model)
    meta = model.metadata or {}
    retries = meta.get("filmcrew_retries", 2) if retries is None else retries
    method = STRUCTURED_METHOD.get(spec.split(":", 1)[0], "function_calling")
    json_schema = schema.model_json_schema()
    runnable = model.with_structured_output(json_schema, method=method, include_raw=True)
    conversation = list(messages)
    tokens_in = tokens_out = 0
    problem = ""
    for attempt in range(2):  # the first answer and one repair
        out = call_with_backoff(lambda: runnable.invoke(conversation), what=f"{spec} ({stage})", retries=retries,
                                backoff_s=backoff_s, sleep=sleep, timeout_s=meta.get("filmcrew_timeout_s"))
        raw = out.get("raw")
        used_in, used_out = _usage(raw)
        tokens_in, tokens_out = tokens_in + used_in, tokens_out + used_out
        parsed, error = out.get("parsed"), out.get("parsing_error")
        if parsed is not None and error is None:
            try:
                artifact = schema.model_validate(parsed)
                return artifact, usage_record(spec, stage, tokens_in, tokens_out)
            except ValidationError as err:
                problem = _validation_lines(err)
        else:
            problem = _unparsed(raw, error)
        if attempt == 0:
            log.info("%s (%s): answer did not fit %s, asking for a repair", spec, stage, schema.__name__)
            conversation += [AIMessage(content=_answer_text(raw) or "(no answer)"),
                             HumanMessage(content=REPAIR.format(schema=schema.__name__, problem=problem))]
    raise ProviderError(f"{spec} ({stage}): the model's answer did not fit {schema.__name__} even after a repair "
                        f"request: {problem[:300]}")


def _unparsed(raw: BaseMessage | None, error: BaseException | None) -> str:
    bad = getattr(raw, "invalid_tool_calls", None) or []
    if bad:
        return f"the arguments of your {bad[0].get('name') or 'tool'} call are not valid JSON ({bad[0].get('error') or 'parse error'})"
    if error is not None:
        return f"the answer is not valid JSON for the schema ({_short(error)})"
    return "no structured answer came back; answer through the tool call"


def _validation_lines(err: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or '(root)'}: {e['msg']}" for e in err.errors()[:12])


REPAIR = ("Your previous answer does not fit the {schema} schema. Problems: {problem}\n"
          "Answer again with the complete, corrected {schema} and nothing else.")
