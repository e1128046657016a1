"""Veo image-to-video against recorded Vertex AI responses on loopback, and the conform to the cut."""

from __future__ import annotations

import base64

import cv2
import numpy as np
import pytest
from PIL import Image

from graph.state import Shot
from tools.errors import BadInput
from tools.motion.encode import FramePipe
from tools.providers.config import RoleConfig
from tools.providers.errors import ProviderError
from tools.providers.registry import video_provider
from tools.providers.veo import VeoVideo, conform, veo_length
from tools.providers.video import CameraVideo, VideoProvider, video_prompt
from tests.unit.providers.loopback import Reply

MODEL = "veo-3.1-generate-preview"
OP = f"projects/film/locations/us-central1/publishers/google/models/{MODEL}/operations/op-42"
SHOT = Shot(id="2.1", scene=2, size="WS", movement="dolly_in", duration_s=3.0, subjects=["ELIAS"],
            description="Elias climbs the spiral stair", movement_reason="we close in as he nears the lamp")


def _mp4(path, frames=48, size=(64, 36)):
    """A real little H.264 clip whose frame i has brightness 2*i, so trims can be read back."""
    with FramePipe(path, size, 24) as pipe:
        for i in range(frames):
            pipe.write(np.full((size[1], size[0], 3), 2 * i, np.uint8))
    return path.read_bytes()


def _brightness(path):
    capture, values = cv2.VideoCapture(str(path)), []
    while True:
        ok, frame = capture.read()
        if not ok:
            return values
        values.append(float(frame.mean()))


def test_veo_renders_from_the_frame_polls_with_progress_and_delivers_the_cut_length(service, tmp_path, monkeypatch):
    monkeypatch.setenv("GOOGLE_CLOUD_API_KEY", "vx-key-9")
    frame = tmp_path / "frames" / "2.1" / "0.png"
    frame.parent.mkdir(parents=True)
    Image.new("RGB", (64, 36), "teal").save(frame)
    video = _mp4(tmp_path / "veo.mp4", frames=96)  # Veo's 4 s at 24 fps
    service.queue(f"/v1beta1/publishers/google/models/{MODEL}:predictLongRunning", Reply(200, {"name": OP}))
    service.queue("/v1beta1/projects/", Reply(200, {"name": OP, "done": False, "metadata": {}}),
                  Reply(200, {"name": OP, "done": True, "response": {
                      "@type": "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse",
                      "videos": [{"bytesBase64Encoded": base64.b64encode(video).decode(), "mimeType": "video/mp4"}]}}))
    provider = VeoVideo(MODEL, base_url=service.url, size=(64, 36), poll_s=0.0, sleep=lambda s: None,
                        role=RoleConfig(f"google:{MODEL}", timeout_s=30.0))
    assert isinstance(provider, VideoProvider)
    seen = []
    out = provider.render(frame, SHOT, 2.5, tmp_path / "clips" / "2.1.mp4", on_progress=lambda d, l: seen.append(d))

    start = service.requests_to(f"/v1beta1/publishers/google/models/{MODEL}:predictLongRunning")[0]
    assert start.headers["x-goog-api-key"] == "vx-key-9"
    body = start.json()
    instance = body["instances"][0]
    assert base64.b64decode(instance["image"]["bytesBase64Encoded"]) == frame.read_bytes()
    assert instance["prompt"].startswith("Camera: the camera dollies in") and "spiral stair" in instance["prompt"]
    assert body["parameters"]["durationSeconds"] == 4 and body["parameters"]["aspectRatio"] == "16:9"
    polls = service.requests_to("/v1beta1/projects/")
    assert len(polls) == 2 and polls[0].json() == {"operationName": OP}

    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 3
    levels = _brightness(out)
    assert len(levels) == 60  # 2.5 s at 24 fps: exactly the planned cut
    assert levels[-1] == pytest.approx(2 * 59, abs=4)  # trimmed from the start, not squeezed
    assert [(u.video_s, u.stage) for u in provider.take_usage()] == [(4.0, "animate")]


def test_a_cut_longer_than_veo_makes_is_stretched_evenly(tmp_path):
    video = _mp4(tmp_path / "short.mp4", frames=24)
    out = conform(video, tmp_path / "long.mp4", 2.0, 24, (64, 36))
    levels = _brightness(out)
    assert len(levels) == 48 and levels[0] < 4 and levels[-1] == pytest.approx(2 * 23, abs=4)


def test_a_failed_operation_is_a_provider_error(service, tmp_path, monkeypatch):
    monkeypatch.setenv("GOOGLE_CLOUD_API_KEY", "k")
    frame = tmp_path / "f.png"
    Image.new("RGB", (64, 36)).save(frame)
    service.queue("/v1beta1/publishers/", Reply(200, {"name": OP}))
    service.queue("/v1beta1/projects/", Reply(200, {"name": OP, "done": True,
                                                    "error": {"code": 3, "message": "image violates usage guidelines"}}))
    provider = VeoVideo(MODEL, base_url=service.url, size=(64, 36), poll_s=0.0, sleep=lambda s: None,
                        role=RoleConfig(f"google:{MODEL}", timeout_s=30.0))
    with pytest.raises(ProviderError, match="usage guidelines"):
        provider.render(frame, SHOT, 2.0, tmp_path / "out.mp4")
    assert not (tmp_path / "out.mp4").exists()


def test_veo_lengths_cover_the_cut():
    assert [veo_length(d) for d in (1.2, 4.0, 4.1, 7.9, 12.0)] == [4, 4, 6, 8, 8]


def test_every_move_has_words_and_the_move_leads_the_prompt():
    prompt = video_prompt(SHOT.model_copy(update={"movement": "dolly_zoom"}))
    assert prompt.splitlines()[0] == "Camera: a dolly zoom (vertigo effect): the subject stays the same size while the background stretches."


def test_registry_gives_camera_offline_and_refuses_sora():
    assert isinstance(video_provider("camera"), CameraVideo)
    assert video_provider(f"google:{MODEL}").name == f"google:{MODEL}"
    with pytest.raises(BadInput, match="shut down"):
        video_provider("openai:sora-2")


def test_camera_video_renders_the_move_offline(tmp_path):
    frame = tmp_path / "f.png"
    Image.new("RGB", (128, 72), "orange").save(frame)
    out = CameraVideo(fps=24, size=(64, 36)).render(frame, SHOT, 1.0, tmp_path / "c.mp4")
    assert len(_brightness(out)) == 24
