"""OpenAI images (the gpt-image-2 family) as the storyboard's images provider.

A frame with characters goes through `images.edit` with their reference sheets
attached, so the model sees the locked faces and wardrobes, not only a
description of them; a frame with no one in it goes through `images.generate`.
A model does not report where it drew people, so the frame's boxes are empty and
QC falls back to whole-frame signatures.
"""

from __future__ import annotations

import base64
from contextlib import ExitStack
from pathlib import Path

from graph.state import UsageRecord
from tools.errors import BadInput
from tools.previs.render import RenderedFrame
from tools.providers.config import RoleConfig, validate_spec
from tools.providers.errors import ProviderError
from tools.providers.images import ImageRequest
from tools.providers.llm import call_with_backoff
from tools.providers.model_frames import decode_frame, model_canvas
from tools.providers.pricing import image_cost

MAX_REFERENCES = 16  # images.edit takes at most 16 input images


class OpenAIImages:
    """Frames from an OpenAI image model; usage is kept until the node takes it."""

    def __init__(self, model: str = "gpt-image-2", *, role: RoleConfig | None = None, base_url: str | None = None,
                 quality: str = "medium", backoff_s: float = 1.0):
        self.spec = validate_spec("images", f"openai:{model}")
        self.name = self.spec
        self.model = model
        self.role = role or RoleConfig(self.spec, timeout_s=180.0)
        self.base_url = base_url
        self.quality = quality
        self.backoff_s = backoff_s
        self.usage: list[UsageRecord] = []
        self._client = None

    def client(self):
        if self._client is None:
            from openai import OpenAI

            key = self.role.api_key()
            if key is None:
                raise ProviderError(f"{self.spec}: no OpenAI API key; set {' or '.join(self.role.key_names())}")
            self._client = OpenAI(api_key=key, base_url=self.base_url, timeout=self.role.timeout_s, max_retries=0)
        return self._client

    def generate(self, request: ImageRequest) -> RenderedFrame:
        prompt = request.full_prompt()
        references = [Path(p) for p in request.reference_images[:MAX_REFERENCES]]
        missing = [str(p) for p in references if not p.is_file()]
        if missing:
            raise BadInput(f"reference image not found: {missing[0]}")
        common = dict(model=self.model, prompt=prompt, size=model_canvas(request.size), n=1, quality=self.quality)
        what = f"{self.spec} (shot {request.shot.id})"

        def call():
            if not references:
                return self.client().images.generate(**common, output_format="png")
            with ExitStack() as files:
                opened = [files.enter_context(open(p, "rb")) for p in references]
                return self.client().images.edit(image=opened, **common, output_format="png")

        response = call_with_backoff(call, what=what, retries=self.role.retries, backoff_s=self.backoff_s,
                                     timeout_s=self.role.timeout_s)
        data = getattr(response, "data", None) or []
        if not data or not getattr(data[0], "b64_json", None):
            raise ProviderError(f"{what}: the service returned no image (it may have refused the prompt)")
        image = decode_frame(base64.b64decode(data[0].b64_json), request.size, self.spec)
        cost, note = image_cost(self.spec, 1)
        usage = getattr(response, "usage", None)
        self.usage.append(UsageRecord(stage="storyboard", provider=self.spec, images=1, cost_usd=cost, note=note,
                                      input_tokens=int(getattr(usage, "input_tokens", 0) or 0),
                                      output_tokens=int(getattr(usage, "output_tokens", 0) or 0)))
        return RenderedFrame(image=image, boxes={})

    def take_usage(self) -> list[UsageRecord]:
        taken, self.usage = self.usage, []
        return taken
