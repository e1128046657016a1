"""Fixtures for the motion tests: a textured storyboard frame and a way to read clips back."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from tools.motion.encode import FFMPEG


def _make_frame(path: Path, size=(320, 180), seed: int = 1) -> Path:
    """Shapes all over the frame, so any camera move shows when frames are compared."""
    rng = np.random.default_rng(seed)
    w, h = size
    image = Image.new("RGB", size, (70, 90, 120))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.integers(0, w), rng.integers(0, h)
        r = int(rng.integers(4, max(6, w // 10)))
        colour = tuple(int(c) for c in rng.integers(30, 250, 3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    image.save(path)
    return path


@pytest.fixture(scope="session")
def make_frame():
    return _make_frame


@pytest.fixture
def read_frames():
    def read(path: Path, size: tuple[int, int]) -> np.ndarray:
        w, h = size
        raw = subprocess.run([FFMPEG, "-v", "error", "-i", str(path), "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                             capture_output=True, check=True).stdout
        return np.frombuffer(raw, np.uint8).reshape(-1, h, w, 3)
    return read
