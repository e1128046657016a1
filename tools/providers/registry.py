"""Provider specs (`--images previs`, later `openai:gpt-image-2`...) to provider objects."""

from __future__ import annotations

from tools.errors import BadInput
from tools.providers.images import ImagesProvider, PrevisImages


def images_provider(spec: str) -> ImagesProvider:
    if spec == "previs":
        return PrevisImages()
    raise BadInput(f"unknown images provider {spec!r}; available offline: previs")
