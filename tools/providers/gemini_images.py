"""Google Gemini image models as the storyboard's images provider, through `google-genai`.

Reference sheets go in the same request as image parts before the prompt, which
is how Gemini keeps a character's look across frames. Like every model provider
it reports no character boxes.
"""

from __future__ import annotations

from pathlib import Path

from graph.state import UsageRecord
from tools.errors import BadInput
from tools.previs.render import RenderedFrame
from tools.providers.config import RoleConfig, validate_spec
from tools.providers.errors import ProviderError
from tools.providers.images import ImageRequest
from tools.providers.llm import call_with_backoff
from tools.providers.model_frames import aspect_words, decode_frame
from tools.providers.pricing import image_cost

MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp"}


def google_client(role: RoleConfig, base_url: str | None = None):
    """A google-genai client for the Gemini API, its key read from the environment now."""
    from google import genai
    from google.genai import types

    key = role.api_key()
    if key is None:
        raise ProviderError(f"{role.spec}: no Google API key; set {' or '.join(role.key_names())}")
    options = types.HttpOptions(timeout=int(role.timeout_s * 1000), base_url=base_url,
                                retry_options=types.HttpRetryOptions(attempts=1))
    return genai.Client(api_key=key, http_options=options)


class GeminiImages:
    """Frames from a Gemini image model (e.g. gemini-2.5-flash-image)."""

    def __init__(self, model: str = "gemini-2.5-flash-image", *, role: RoleConfig | None = None,
                 base_url: str | None = None, backoff_s: float = 1.0):
        self.spec = validate_spec("images", f"google:{model}")
        self.name = self.spec
        self.model = model
        self.role = role or RoleConfig(self.spec, timeout_s=180.0)
        self.base_url = base_url
        self.backoff_s = backoff_s
        self.usage: list[UsageRecord] = []
        self._client = None

    def client(self):
        if self._client is None:
            self._client = google_client(self.role, self.base_url)
        return self._client

    def generate(self, request: ImageRequest) -> RenderedFrame:
        from google.genai import types

        parts = []
        for ref in request.reference_images:
            path = Path(ref)
            if not path.is_file():
                raise BadInput(f"reference image not found: {ref}")
            parts.append(types.Part.from_bytes(data=path.read_bytes(), mime_type=MIME.get(path.suffix.lower(), "image/png")))
        parts.append(types.Part.from_text(text=request.full_prompt()))
        config = types.GenerateContentConfig(response_modalities=["IMAGE"],
                                             image_config=types.ImageConfig(aspect_ratio=aspect_words(request.size)))
        what = f"{self.spec} (shot {request.shot.id})"
        response = call_with_backoff(
            lambda: self.client().models.generate_content(model=self.model, contents=parts, config=config),
            what=what, retries=self.role.retries, backoff_s=self.backoff_s, timeout_s=self.role.timeout_s)
        picture = next((p.inline_data.data for c in (response.candidates or []) for p in (c.content.parts or [])
                        if p.inline_data is not None and p.inline_data.data), None) if response else None
        if picture is None:
            raise ProviderError(f"{what}: the service returned no image (it may have refused the prompt)")
        meta = response.usage_metadata
        cost, note = image_cost(self.spec, 1)
        self.usage.append(UsageRecord(stage="storyboard", provider=self.spec, images=1, cost_usd=cost, note=note,
                                      input_tokens=int(getattr(meta, "prompt_token_count", 0) or 0),
                                      output_tokens=int(getattr(meta, "candidates_token_count", 0) or 0)))
        return RenderedFrame(image=decode_frame(picture, request.size, self.spec), boxes={})

    def take_usage(self) -> list[UsageRecord]:
        taken, self.usage = self.usage, []
        return taken
