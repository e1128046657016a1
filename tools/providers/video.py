"""The video role: who turns an approved storyboard frame into a moving shot.

Every provider answers the same call, so the editor does not care whether a
clip is a camera move on the still (offline) or a video model's shot. A
provider must deliver exactly `duration_s` of H.264 at `out_path`, written
atomically, because the cut was planned on the beat grid before rendering.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

from graph.state import Shot, UsageRecord
from tools.motion.camera import render_clip

Progress = Callable[[float, str], None]  # (fraction done 0..1, what is happening)

MOVE_WORDS = {
    "static": "locked-off static camera, no camera movement",
    "pan_left": "the camera pans left slowly on a fixed tripod", "pan_right": "the camera pans right slowly on a fixed tripod",
    "tilt_up": "the camera tilts up slowly", "tilt_down": "the camera tilts down slowly",
    "dolly_in": "the camera dollies in smoothly toward the subject",
    "dolly_out": "the camera dollies back smoothly, revealing more of the scene",
    "truck_left": "the camera trucks sideways to the left, parallel to the action",
    "truck_right": "the camera trucks sideways to the right, parallel to the action",
    "pedestal_up": "the camera rises straight up on a pedestal, level", "pedestal_down": "the camera lowers straight down on a pedestal, level",
    "crane_up": "a crane move rising up and over the scene", "crane_down": "a crane move descending into the scene",
    "arc_left": "the camera arcs around the subject to the left", "arc_right": "the camera arcs around the subject to the right",
    "zoom_in": "a slow optical zoom in, the camera does not move", "zoom_out": "a slow optical zoom out, the camera does not move",
    "dolly_zoom": "a dolly zoom (vertigo effect): the subject stays the same size while the background stretches",
    "handheld": "handheld camera with a gentle natural sway",
}


@runtime_checkable
class VideoProvider(Protocol):
    """Animates one frame into a clip of exactly duration_s seconds at out_path."""

    name: str

    def render(self, frame_path: Path, shot: Shot, duration_s: float, out_path: Path,
               on_progress: Progress | None = None) -> Path: ...

    def take_usage(self) -> list[UsageRecord]: ...


class CameraVideo:
    """The offline provider: camera moves on the still (tools/motion/camera.py)."""

    name = "camera"

    def __init__(self, fps: int = 24, size: tuple[int, int] = (1280, 720), seed: int = 0):
        self.fps, self.size, self.seed = fps, size, seed

    def render(self, frame_path: Path, shot: Shot, duration_s: float, out_path: Path,
               on_progress: Progress | None = None) -> Path:
        path = render_clip(frame_path, shot.movement, duration_s, out_path, fps=self.fps, size=self.size, seed=self.seed)
        if on_progress is not None:
            on_progress(1.0, f"shot {shot.id}: {shot.movement}")
        return path

    def take_usage(self) -> list[UsageRecord]:
        return []  # nothing billed offline


def video_prompt(shot: Shot) -> str:
    """The shot in words for a video model, the camera move first because it is what the model must do."""
    lines = [f"Camera: {MOVE_WORDS[shot.movement]}."]
    if shot.movement_reason:
        lines.append(f"Why the camera moves: {shot.movement_reason}")
    if shot.description:
        lines.append(f"Action: {shot.description}")
    if shot.subjects:
        lines.append(f"In frame: {', '.join(shot.subjects)}. Keep every character exactly as in the first frame.")
    lines.append("Keep the first frame's art style, palette and lighting. No text, captions or watermarks.")
    return "\n".join(lines)
