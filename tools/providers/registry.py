"""Provider specs (`--images previs`, `--images openai:gpt-image-2`, `--video google:veo-...`) to provider objects."""

from __future__ import annotations

from tools.providers.config import ProviderConfig, RoleConfig, spec_family, spec_model, validate_spec
from tools.providers.images import ImagesProvider, PrevisImages
from tools.providers.video import CameraVideo, VideoProvider


def _role(config: ProviderConfig | None, name: str, spec: str) -> RoleConfig | None:
    """The toml's settings for this role (timeout, retries, key variable), applied to the spec that won."""
    if config is None:
        return None
    from dataclasses import replace

    return replace(config.role(name), spec=spec)


def images_provider(spec: str, config: ProviderConfig | None = None) -> ImagesProvider:
    spec = validate_spec("images", spec)
    if spec == "previs":
        return PrevisImages()
    role = _role(config, "images", spec)
    if spec_family(spec) == "openai":
        from tools.providers.openai_images import OpenAIImages

        return OpenAIImages(spec_model(spec), role=role, base_url=role.base_url if role else None)
    from tools.providers.gemini_images import GeminiImages

    return GeminiImages(spec_model(spec), role=role, base_url=role.base_url if role else None)


def video_provider(spec: str, config: ProviderConfig | None = None, *, fps: int = 24,
                   size: tuple[int, int] = (1280, 720), seed: int = 0) -> VideoProvider:
    spec = validate_spec("video", spec)
    if spec == "camera":
        return CameraVideo(fps=fps, size=size, seed=seed)
    from tools.providers.veo import VeoVideo

    role = _role(config, "video", spec)
    return VeoVideo(spec_model(spec), role=role, base_url=role.base_url if role else None, fps=fps, size=size)
