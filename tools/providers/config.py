"""Which engine plays each role, read once from `filmcrew.toml`; keys only from the environment.

Where settings come from, strongest first:
1. explicit values (the CLI's --llm/--images/--video) — never overridden;
2. `filmcrew.toml` in the project folder;
3. `filmcrew.toml` in the user config dir (platformdirs "filmcrew", or $FILMCREW_CONFIG_DIR);
4. the offline defaults.

The file may name an environment variable that holds a key (`api_key_env = "NAME"`),
never the key itself: a key in a file would be copied with the project. A key
found in the toml is refused, so it cannot sit there unnoticed.

    [llm]
    spec = "openai-compatible:llama3.1@http://127.0.0.1:11434/v1"
    timeout_s = 120
    api_key_env = "OLLAMA_KEY"      # optional; local servers usually need none

    [images]                        # base_url: optional, for a proxy or gateway in front of the API
    spec = "openai:gpt-image-2"

    [video]
    spec = "google:veo-3.1-generate-preview"
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_config_dir

from tools.errors import BadInput

CONFIG_FILE = "filmcrew.toml"
ROLES = ("llm", "images", "video")
OFFLINE = {"llm": "offline", "images": "previs", "video": "camera"}
# Model families that are shut down: refused by name, with the reason, instead of a 404 at run time.
SHUT_DOWN = {
    "images": (re.compile(r"^(gpt-image-1(\b|-)|dall-e)"), "is shut down; use gpt-image-2"),
    "video": (re.compile(r"^sora"), "is shut down (the Sora API no longer answers); use google:veo-3.1-generate-preview"),
}
# Where each family's key lives when the toml names none. Google's SDKs read either name.
KEY_ENV = {"openai": ("OPENAI_API_KEY",), "google": ("GOOGLE_API_KEY", "GEMINI_API_KEY"),
           "veo": ("GOOGLE_CLOUD_API_KEY", "GOOGLE_API_KEY"),
           "openai-compatible": ("OPENAI_COMPATIBLE_API_KEY",)}
SPEC_HELP = {
    "llm": "offline, openai:<model>, openai-compatible:<model>@<base_url>, google:<model>",
    "images": "previs, openai:<model> (gpt-image-2 family), google:<model> (Gemini image models)",
    "video": "camera, google:<veo model> (also veo:<model>)",
}


@dataclass(frozen=True)
class RoleConfig:
    """One role's engine and how to reach it."""

    spec: str
    timeout_s: float = 60.0
    retries: int = 2
    api_key_env: str | None = None
    endpoint: str | None = None  # the API's base URL, for a proxy or gateway (toml: base_url)

    @property
    def family(self) -> str:
        return spec_family(self.spec)

    @property
    def model(self) -> str:
        return spec_model(self.spec)

    @property
    def base_url(self) -> str | None:
        return spec_base_url(self.spec) or self.endpoint

    def key_names(self) -> tuple[str, ...]:
        if self.api_key_env:
            return (self.api_key_env,)
        # Veo runs on Vertex AI, whose keys are Google Cloud keys (see tools/providers/veo.py).
        family = "veo" if "veo" in self.model else self.family
        return KEY_ENV.get(family, ())

    def api_key(self) -> str | None:
        """The key from the environment, read at call time and never stored on an artifact."""
        return next((os.environ[n] for n in self.key_names() if os.environ.get(n)), None)


@dataclass(frozen=True)
class ProviderConfig:
    """Per-role engines for a run. Holds the *names* of key variables, never keys."""

    llm: RoleConfig = field(default_factory=lambda: RoleConfig(OFFLINE["llm"]))
    images: RoleConfig = field(default_factory=lambda: RoleConfig(OFFLINE["images"]))
    video: RoleConfig = field(default_factory=lambda: RoleConfig(OFFLINE["video"], timeout_s=600.0))
    sources: tuple[str, ...] = ()

    def role(self, name: str) -> RoleConfig:
        if name not in ROLES:
            raise BadInput(f"unknown provider role {name!r}: use one of {', '.join(ROLES)}")
        return getattr(self, name)


def spec_family(spec: str) -> str:
    return spec.split(":", 1)[0] if ":" in spec else spec


def spec_model(spec: str) -> str:
    rest = spec.split(":", 1)[1] if ":" in spec else ""
    return rest.split("@", 1)[0] if spec_family(spec) == "openai-compatible" else rest


def spec_base_url(spec: str) -> str | None:
    if spec_family(spec) != "openai-compatible" or "@" not in spec:
        return None
    return spec.split("@", 1)[1]


def validate_spec(role: str, spec: str) -> str:
    """The spec, stripped, if this role can use it; BadInput with a one-line reason otherwise."""
    if role not in ROLES:
        raise BadInput(f"unknown provider role {role!r}: use one of {', '.join(ROLES)}")
    spec = (spec or "").strip()
    if spec == OFFLINE[role]:
        return spec
    family, model = spec_family(spec), spec_model(spec)
    if role == "video" and "sora" in spec.lower():
        raise BadInput(f"--video {spec!r}: Sora {SHUT_DOWN['video'][1]}")
    allowed = {"llm": ("openai", "openai-compatible", "google"), "images": ("openai", "google"),
               "video": ("google", "veo")}[role]
    if ":" not in spec or family not in allowed:
        raise BadInput(f"--{role} {spec!r} is not a known provider; use {SPEC_HELP[role]}")
    if not model or not re.fullmatch(r"[A-Za-z0-9][\w.:/-]*", model):
        raise BadInput(f"--{role} {spec!r} names no model; use {SPEC_HELP[role]}")
    if role in SHUT_DOWN and SHUT_DOWN[role][0].match(model):
        raise BadInput(f"--{role} {spec!r}: {model} {SHUT_DOWN[role][1]}")
    if family == "openai-compatible":
        url = spec_base_url(spec)
        if not url or not re.match(r"^https?://[^\s/]+", url):
            raise BadInput(f"--llm {spec!r} needs a base URL: openai-compatible:<model>@http://host:port/v1")
    if role == "video" and "veo" not in model:
        raise BadInput(f"--video {spec!r}: only Google Veo models make video; use {SPEC_HELP['video']}")
    return spec


def config_dirs(project: str | os.PathLike | None) -> list[Path]:
    """Folders searched for filmcrew.toml, strongest first."""
    user = os.environ.get("FILMCREW_CONFIG_DIR") or user_config_dir("filmcrew")
    return ([Path(project)] if project is not None else []) + [Path(user)]


def _read_toml(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise BadInput(f"{path} is not valid TOML: {err}") from None
    except OSError as err:
        raise BadInput(f"cannot read {path}: {err.strerror or err}") from None
    for role, table in data.items():
        if role not in ROLES or not isinstance(table, dict):
            raise BadInput(f"{path}: unknown section [{role}]; sections are {', '.join(f'[{r}]' for r in ROLES)}")
        if any("key" in k and k != "api_key_env" for k in table):
            raise BadInput(f"{path}: [{role}] holds a key; put the key in an environment variable "
                           "and name it with api_key_env = \"NAME\"")
        unknown = set(table) - {"spec", "timeout_s", "retries", "api_key_env", "base_url"}
        if unknown:
            raise BadInput(f"{path}: [{role}] has unknown setting(s) {', '.join(sorted(unknown))}")
    return data


def _role_from(table: dict, base: RoleConfig, role: str, path: Path) -> RoleConfig:
    changes = {}
    if "spec" in table:
        changes["spec"] = validate_spec(role, str(table["spec"]))
    if "timeout_s" in table:
        if not isinstance(table["timeout_s"], (int, float)) or table["timeout_s"] <= 0:
            raise BadInput(f"{path}: [{role}] timeout_s must be a positive number of seconds")
        changes["timeout_s"] = float(table["timeout_s"])
    if "retries" in table:
        if not isinstance(table["retries"], int) or not 0 <= table["retries"] <= 10:
            raise BadInput(f"{path}: [{role}] retries must be a whole number 0..10")
        changes["retries"] = table["retries"]
    if "api_key_env" in table:
        name = str(table["api_key_env"])
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise BadInput(f"{path}: [{role}] api_key_env must be an environment variable name, not a key")
        changes["api_key_env"] = name
    if "base_url" in table:
        url = str(table["base_url"])
        if not re.match(r"^https?://[^\s/]+", url):
            raise BadInput(f"{path}: [{role}] base_url must be an http(s) URL, e.g. https://gateway.example.com/v1")
        changes["endpoint"] = url
    return replace(base, **changes)


def load_config(project: str | os.PathLike | None = None, *, llm: str | None = None,
                images: str | None = None, video: str | None = None) -> ProviderConfig:
    """Settings for a run: explicit specs win, then the project's toml, then the user's, then offline."""
    config = ProviderConfig()
    sources = []
    for folder in reversed(config_dirs(project)):  # weakest first, so stronger files overwrite
        path = folder / CONFIG_FILE
        if not path.is_file():
            continue
        data = _read_toml(path)
        config = replace(config, **{r: _role_from(t, config.role(r), r, path) for r, t in data.items()})
        sources.append(str(path))
    explicit = {"llm": llm, "images": images, "video": video}
    for role, spec in explicit.items():
        if spec is not None:
            config = replace(config, **{role: replace(config.role(role), spec=validate_spec(role, spec))})
    return replace(config, sources=tuple(reversed(sources)))
