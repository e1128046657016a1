"""Is a configured provider there? A cheap, short call per role, for `filmcrew providers`.

The probe lists or looks up the model (no tokens, images or video billed) with a
short timeout and no retries, and reports a one-line answer. Key values are
never part of what it returns: only whether the named variable is set.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.providers.config import OFFLINE, ProviderConfig, RoleConfig

PROBE_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class ProviderStatus:
    """One role's line in `filmcrew providers`."""

    role: str
    spec: str
    key_env: str  # the variable(s) looked at, or "" when the engine needs none
    key_present: bool
    answers: bool | None  # None: not checked (offline, or --no-check)
    detail: str

    def to_json(self) -> dict:
        return {"role": self.role, "spec": self.spec, "key_env": self.key_env, "key_present": self.key_present,
                "answers": self.answers, "detail": self.detail}


def _probe_call(role: RoleConfig) -> None:
    if role.family in ("openai", "openai-compatible"):
        from openai import OpenAI

        client = OpenAI(api_key=role.api_key() or "none", base_url=role.base_url, timeout=PROBE_TIMEOUT_S, max_retries=0)
        client.models.retrieve(role.model)
        return
    from google import genai
    from google.genai import types

    client = genai.Client(vertexai="veo" in role.model, api_key=role.api_key(), http_options=types.HttpOptions(
        timeout=int(PROBE_TIMEOUT_S * 1000), base_url=role.base_url, retry_options=types.HttpRetryOptions(attempts=1)))
    client.models.get(model=role.model)


def probe_role(name: str, role: RoleConfig, check: bool = True) -> ProviderStatus:
    """Key presence and (when check) whether the service knows the model."""
    if role.spec == OFFLINE[name]:
        return ProviderStatus(name, role.spec, "", True, None, "offline engine, always available")
    names = role.key_names()
    present = role.api_key() is not None
    needs_key = role.family != "openai-compatible"
    if needs_key and not present:
        return ProviderStatus(name, role.spec, " or ".join(names), False, None, f"set {' or '.join(names)}")
    if not check:
        return ProviderStatus(name, role.spec, " or ".join(names), present, None, "not checked")
    try:
        _probe_call(role)
    except Exception as exc:  # any failure is the answer we report, in one line
        status = next((getattr(exc, a) for a in ("status_code", "code") if isinstance(getattr(exc, a, None), int)), None)
        reason = {401: "the key was refused", 403: "the key has no access", 404: "the model is unknown"}.get(
            status, " ".join(str(exc).split())[:120] or type(exc).__name__)
        return ProviderStatus(name, role.spec, " or ".join(names), present, False, reason)
    return ProviderStatus(name, role.spec, " or ".join(names), present, True, "answers")


def probe_all(config: ProviderConfig, check: bool = True) -> list[ProviderStatus]:
    return [probe_role(name, config.role(name), check) for name in ("llm", "images", "video")]
