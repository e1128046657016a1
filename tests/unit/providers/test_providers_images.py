"""Image models answer the storyboard's ImageRequest: recorded API responses served from loopback.

The requests are checked for what continuity needs: the model named, the locked
style and character features in the prompt, and the reference sheets attached.
"""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from graph.state import CharacterProfile, PaletteColor, Scene, Shot, StyleBible
from tools.errors import BadInput
from tools.providers.config import RoleConfig
from tools.providers.errors import ProviderError
from tools.providers.gemini_images import GeminiImages
from tools.providers.images import ImageRequest, ImagesProvider
from tools.providers.openai_images import OpenAIImages
from tools.providers.registry import images_provider
from tests.unit.providers.loopback import Reply

STYLE = StyleBible(name="storm-lit graphic novel", harmony="complementary", medium="graphic novel", lighting="low_key",
                   palette=[PaletteColor(role="key", hex="#1d3557"), PaletteColor(role="accent", hex="#e63946"),
                            PaletteColor(role="shadow", hex="#0b0c10")])
ELIAS = CharacterProfile(name="ELIAS", age="60s", wardrobe="yellow oilskin coat", hair="white beard",
                         signature_colors=["#f1c40f"])
SCENE = Scene(index=1, heading="EXT. ROCKY SHORE - NIGHT", location="ROCKY SHORE", interior=False, time_of_day="NIGHT")
SHOT = Shot(id="1.2", scene=1, size="MS", duration_s=3.0, subjects=["ELIAS"], screen_side={"ELIAS": "left"},
            description="Elias braces against the rain")


def _png(size=(1536, 1024), color="navy") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def _openai_reply(size=(1536, 1024)) -> Reply:
    return Reply(200, {"created": 1764000000, "data": [{"b64_json": base64.b64encode(_png(size)).decode()}],
                       "usage": {"input_tokens": 512, "output_tokens": 4160, "total_tokens": 4672}})


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "cast" / "elias" / "sheet.png"
    path.parent.mkdir(parents=True)
    path.write_bytes(_png((512, 512), "gold"))
    return path


def _openai(service, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-images-1")
    return OpenAIImages("gpt-image-2", base_url=f"{service.url}/v1", backoff_s=0.0,
                        role=RoleConfig("openai:gpt-image-2", timeout_s=5.0))


def test_openai_frame_with_a_character_goes_through_edit_with_the_reference_sheet(service, monkeypatch, sheet):
    service.queue("/v1/images/edits", _openai_reply())
    provider = _openai(service, monkeypatch)
    assert isinstance(provider, ImagesProvider)
    frame = provider.generate(ImageRequest(shot=SHOT, scene=SCENE, style=STYLE, cast=[ELIAS], size=(1280, 720),
                                           reference_images=[str(sheet)]))
    assert frame.image.size == (1280, 720) and frame.boxes == {}
    sent = service.requests_to("/v1/images/edits")[0]
    assert sent.headers["content-type"].startswith("multipart/form-data")
    body = sent.body
    assert b'name="model"\r\n\r\ngpt-image-2' in body
    assert b'name="size"\r\n\r\n1536x1024' in body  # the landscape canvas for a 16:9 film
    assert body.count(b'name="image[]"') == 1 and _png((512, 512), "gold") in body  # the sheet itself travels
    text = body.decode("latin-1")
    assert "LOCKED STYLE 'storm-lit graphic novel'" in text and "#e63946" in text
    assert "CHARACTER ELIAS" in text and "yellow oilskin coat" in text
    usage = provider.take_usage()
    assert [(u.images, u.input_tokens, u.stage) for u in usage] == [(1, 512, "storyboard")]
    assert usage[0].cost_usd > 0 and provider.take_usage() == []


def test_openai_frame_without_references_goes_through_generate(service, monkeypatch):
    service.queue("/v1/images/generations", _openai_reply((1024, 1536)))
    frame = _openai(service, monkeypatch).generate(ImageRequest(shot=SHOT, scene=SCENE, style=STYLE, cast=[ELIAS],
                                                                size=(720, 1280)))
    assert frame.image.size == (720, 1280)
    body = service.requests_to("/v1/images/generations")[0].json()
    assert body["model"] == "gpt-image-2" and body["size"] == "1024x1536" and body["n"] == 1
    assert "CHARACTER ELIAS" in body["prompt"] and "Palette (complementary harmony" in body["prompt"]


def test_openai_refusal_is_a_provider_error(service, monkeypatch):
    service.queue("/v1/images/generations", Reply(400, {"error": {"message": "Your request was rejected by the safety system",
                                                                  "type": "image_generation_user_error"}}))
    with pytest.raises(ProviderError, match="HTTP 400"):
        _openai(service, monkeypatch).generate(ImageRequest(shot=SHOT, scene=SCENE, style=STYLE, cast=[]))


def test_gemini_frame_sends_sheets_before_the_prompt_and_reads_the_inline_image(service, monkeypatch, sheet):
    monkeypatch.setenv("GEMINI_API_KEY", "g-images-2")
    service.queue("/v1/models/gemini-2.5-flash-image:generateContent", Reply(200, {
        "candidates": [{"content": {"role": "model", "parts": [
            {"text": "Here is the frame."},
            {"inlineData": {"mimeType": "image/png", "data": base64.b64encode(_png((1344, 768))).decode()}}]},
            "finishReason": "STOP"}],
        "usageMetadata": {"promptTokenCount": 820, "candidatesTokenCount": 1290, "totalTokenCount": 2110}}))
    provider = GeminiImages("gemini-2.5-flash-image", base_url=service.url,
                            role=RoleConfig("google:gemini-2.5-flash-image", timeout_s=5.0))
    frame = provider.generate(ImageRequest(shot=SHOT, scene=SCENE, style=STYLE, cast=[ELIAS], size=(1280, 720),
                                           reference_images=[str(sheet)]))
    assert frame.image.size == (1280, 720)
    sent = service.requests_to("/v1/models/gemini-2.5-flash-image")[0]
    assert sent.headers["x-goog-api-key"] == "g-images-2"
    body = sent.json()
    parts = body["contents"][0]["parts"]
    assert base64.urlsafe_b64decode(parts[0]["inlineData"]["data"]) == sheet.read_bytes()  # the SDK sends URL-safe base64
    assert "CHARACTER ELIAS" in parts[-1]["text"] and "LOCKED STYLE" in parts[-1]["text"]
    assert body["generationConfig"]["responseModalities"] == ["IMAGE"]
    assert body["generationConfig"]["imageConfig"]["aspectRatio"] == "16:9"
    assert [(u.images, u.input_tokens) for u in provider.take_usage()] == [(1, 820)]


def test_gemini_answer_without_an_image_is_a_clear_error(service, monkeypatch):
    monkeypatch.setenv("GOOGLE_API_KEY", "g")
    service.queue("/v1/models/", Reply(200, {"candidates": [{"content": {"role": "model", "parts": [
        {"text": "I can't draw that."}]}, "finishReason": "STOP"}]}))
    provider = GeminiImages(base_url=service.url, role=RoleConfig("google:gemini-2.5-flash-image", timeout_s=5.0))
    with pytest.raises(ProviderError, match="no image"):
        provider.generate(ImageRequest(shot=SHOT, scene=SCENE, style=STYLE, cast=[]))


def test_registry_builds_model_providers_and_refuses_shut_down_models():
    assert images_provider("openai:gpt-image-2").name == "openai:gpt-image-2"
    assert images_provider("google:gemini-2.5-flash-image").name == "google:gemini-2.5-flash-image"
    for dead in ("openai:gpt-image-1", "openai:dall-e-3"):
        with pytest.raises(BadInput, match="shut down"):
            images_provider(dead)
