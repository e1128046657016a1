"""What every image model's answer needs before it can stand in for a previs frame.

Models draw at their own sizes (1024×1024, 1536×1024...); the storyboard, QC and
the camera-move renderer all expect the film's frame size, so the picture is
cropped to the film's aspect around its centre (no letterbox bars, which QC
would read as a style break) and resized.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from tools.providers.errors import ProviderError


def decode_frame(data: bytes, size: tuple[int, int], provider: str) -> Image.Image:
    """PNG/JPEG/WebP bytes from a model as an RGB frame of exactly `size`."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as err:
        raise ProviderError(f"{provider}: the image returned is not a picture ({err})") from None
    image = image.convert("RGB")
    width, height = size
    scale = max(width / image.width, height / image.height)
    resized = image.resize((max(width, round(image.width * scale)), max(height, round(image.height * scale))),
                           Image.LANCZOS)
    left, top = (resized.width - width) // 2, (resized.height - height) // 2
    return resized.crop((left, top, left + width, top + height))


def model_canvas(size: tuple[int, int]) -> str:
    """The gpt-image canvas with the film's orientation (the API offers three)."""
    width, height = size
    if width > height * 1.1:
        return "1536x1024"
    if height > width * 1.1:
        return "1024x1536"
    return "1024x1024"


def aspect_words(size: tuple[int, int]) -> str:
    """Aspect ratio name Gemini and Veo accept, nearest to the film's."""
    width, height = size
    ratio = width / height
    options = {"16:9": 16 / 9, "9:16": 9 / 16, "1:1": 1.0, "4:3": 4 / 3, "3:4": 3 / 4}
    return min(options, key=lambda k: abs(options[k] - ratio))
