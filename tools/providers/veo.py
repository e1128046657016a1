"""Google Veo as the video provider: the approved frame becomes the first frame of a real shot.

Veo renders a few fixed lengths (4, 6 or 8 s), at its own frame rate and size.
The cut was planned on the beat grid before any clip existed, so the returned
video is conformed here: trimmed (or, when the cut is longer than Veo can
make, slowed evenly) to exactly the planned frame count, cropped to the film's
aspect and re-encoded with the same recipe as every other clip, so clips still
join without re-encoding. The OpenAI Sora API is shut down and not supported.

google-genai serves `generate_videos` through Vertex AI only (its Gemini
Developer API mode refuses it), so Veo runs on Vertex AI: with an API key
(express mode) or, with no key, with Google Cloud credentials and
$GOOGLE_CLOUD_PROJECT / $GOOGLE_CLOUD_LOCATION. The video comes back inline.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from graph.state import Shot, UsageRecord
from tools.errors import BadInput
from tools.motion.camera import frame_count
from tools.motion.encode import FramePipe
from tools.providers.config import RoleConfig, validate_spec
from tools.providers.errors import ProviderError
from tools.providers.llm import call_with_backoff
from tools.providers.model_frames import aspect_words
from tools.providers.pricing import video_cost
from tools.providers.video import Progress, video_prompt

VEO_LENGTHS_S = (4, 6, 8)
POLL_S = 10.0


def veo_length(duration_s: float) -> int:
    """The shortest length Veo makes that covers the cut (the longest when none does)."""
    return next((n for n in VEO_LENGTHS_S if n >= duration_s), VEO_LENGTHS_S[-1])


class VeoVideo:
    """Image-to-video with a Veo model; usage (billed seconds) is kept until the node takes it."""

    def __init__(self, model: str = "veo-3.1-generate-preview", *, role: RoleConfig | None = None,
                 base_url: str | None = None, fps: int = 24, size: tuple[int, int] = (1280, 720),
                 poll_s: float = POLL_S, sleep: Callable[[float], None] = time.sleep, backoff_s: float = 1.0):
        self.spec = validate_spec("video", f"google:{model}")
        self.name = self.spec
        self.model = model
        self.role = role or RoleConfig(self.spec, timeout_s=600.0, api_key_env=None)
        self.base_url = base_url
        self.fps, self.size = fps, size
        self.poll_s, self.sleep, self.backoff_s = poll_s, sleep, backoff_s
        self.usage: list[UsageRecord] = []
        self._client = None

    def client(self):
        if self._client is None:
            from google import genai
            from google.genai import types

            options = types.HttpOptions(timeout=int(min(self.role.timeout_s, 120.0) * 1000), base_url=self.base_url,
                                        retry_options=types.HttpRetryOptions(attempts=1))
            key = self.role.api_key()
            if key is None and not os.environ.get("GOOGLE_CLOUD_PROJECT"):
                raise ProviderError(f"{self.spec}: no key for Veo on Vertex AI; set {' or '.join(self.role.key_names())} "
                                    "(or GOOGLE_CLOUD_PROJECT with Google Cloud credentials)")
            self._client = genai.Client(vertexai=True, api_key=key, http_options=options)
        return self._client

    def _call(self, fn, what: str):
        return call_with_backoff(fn, what=what, retries=self.role.retries, backoff_s=self.backoff_s,
                                 sleep=self.sleep, timeout_s=self.role.timeout_s)

    def render(self, frame_path: Path, shot: Shot, duration_s: float, out_path: Path,
               on_progress: Progress | None = None) -> Path:
        from google.genai import types

        frame_path = Path(frame_path)
        if not frame_path.is_file():
            raise BadInput(f"storyboard frame not found: {frame_path}")
        if duration_s <= 0:
            raise BadInput(f"clip duration must be positive, got {duration_s}")
        report = on_progress or (lambda done, label: None)
        what = f"{self.spec} (shot {shot.id})"
        billed = veo_length(duration_s)
        image = types.Image(image_bytes=frame_path.read_bytes(), mime_type="image/png")
        config = types.GenerateVideosConfig(number_of_videos=1, duration_seconds=billed,
                                            aspect_ratio=aspect_words(self.size))
        source = types.GenerateVideosSource(prompt=video_prompt(shot), image=image)
        operation = self._call(lambda: self.client().models.generate_videos(
            model=self.model, source=source, config=config), what)
        report(0.05, f"shot {shot.id}: queued at Veo")
        started = time.monotonic()
        while not operation.done:
            waited = time.monotonic() - started
            if waited > self.role.timeout_s:
                raise ProviderError(f"{what}: no video after {self.role.timeout_s:g} s; the operation "
                                    f"{operation.name} may still finish (raise timeout_s in filmcrew.toml)")
            # Veo gives no percentage; a typical render takes about a minute, so show time against that.
            report(min(0.9, 0.05 + waited / 90.0), f"shot {shot.id}: rendering at Veo ({waited:.0f} s)")
            self.sleep(self.poll_s)
            operation = self._call(lambda: self.client().operations.get(operation), what)
        if operation.error:
            raise ProviderError(f"{what}: Veo failed: {operation.error.get('message', operation.error)}")
        videos = operation.response.generated_videos if operation.response else None
        if not videos:
            raise ProviderError(f"{what}: Veo returned no video (the frame or prompt may have been filtered)")
        data = videos[0].video.video_bytes if videos[0].video else None
        if not data:
            where = videos[0].video.uri if videos[0].video else None
            raise ProviderError(f"{what}: Veo returned no video bytes{f' (only {where})' if where else ''}; "
                                "filmcrew asks for the video inline, so do not set an output bucket")
        conform(data, Path(out_path), duration_s, self.fps, self.size)
        cost, note = video_cost(self.spec, billed)
        self.usage.append(UsageRecord(stage="animate", provider=self.spec, video_s=float(billed), cost_usd=cost, note=note))
        report(1.0, f"shot {shot.id}: {billed} s from Veo")
        return Path(out_path)

    def take_usage(self) -> list[UsageRecord]:
        taken, self.usage = self.usage, []
        return taken


def conform(video: bytes, out_path: Path, duration_s: float, fps: int, size: tuple[int, int]) -> Path:
    """A model's video as exactly round(duration_s*fps) frames of `size`, encoded like every clip."""
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "veo.mp4"
        source.write_bytes(video)
        frames = _read_frames(source)
    if not frames:
        raise ProviderError("the video returned could not be decoded")
    width, height = size
    n = frame_count(duration_s, fps)
    long_enough = len(frames) / frames.fps >= duration_s - 0.5 / fps
    with FramePipe(out_path, size, fps) as pipe:
        for i in range(n):
            # Trim when the source covers the cut (frame i plays at time i/fps); otherwise stretch it evenly.
            index = round(i * frames.fps / fps) if long_enough else int(i * len(frames) / n)
            pipe.write(_cover(frames[min(index, len(frames) - 1)], width, height))
    return out_path


class _Frames(list):
    """Decoded RGB frames and the rate they were shot at."""

    fps: float = 24.0


def _read_frames(path: Path) -> _Frames:
    capture = cv2.VideoCapture(str(path))
    frames = _Frames()
    frames.fps = capture.get(cv2.CAP_PROP_FPS) or 24.0
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        frames.append(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
    capture.release()
    return frames


def _cover(frame: np.ndarray, width: int, height: int) -> np.ndarray:
    h, w = frame.shape[:2]
    scale = max(width / w, height / h)
    resized = cv2.resize(frame, (max(width, round(w * scale)), max(height, round(h * scale))),
                         interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    top, left = (resized.shape[0] - height) // 2, (resized.shape[1] - width) // 2
    return np.ascontiguousarray(resized[top:top + height, left:left + width])
