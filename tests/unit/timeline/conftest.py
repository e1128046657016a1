"""A tiny project (320x180) with three clips, two cards and a music bed, built once per module."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from graph.state import Cut, Shot
from tools.audio.music import synthesize_bed
from tools.motion.camera import render_clip
from tools.motion.encode import FFMPEG
from tools.timeline.cards import render_card

SIZE = (320, 180)
SHOTS = [("1.1", "dolly_in", 1.5, None, (190, 70, 60)),
         ("1.2", "pan_left", 2.0, "MARA: The lamp is out.", (60, 170, 80)),
         ("2.1", "handheld", 1.25, None, (60, 80, 190))]


def make_cuts(project: Path, dialogue_12: str | None = SHOTS[1][3], clip_12: str = "clips/1.2.mp4") -> list[Cut]:
    events = [("title", "edit/title.png", 1.0, None)]
    events += [(sid, clip_12 if sid == "1.2" else f"clips/{sid}.mp4", dur,
                dialogue_12 if sid == "1.2" else dia) for sid, _, dur, dia, _ in SHOTS]
    events.append(("end", "edit/end.png", 1.0, None))
    cuts, clock = [], 0.0
    for sid, clip, dur, dia in events:
        cuts.append(Cut(shot_id=sid, clip=clip, record_in_s=clock, duration_s=dur, dialogue=dia))
        clock += dur
    return cuts


def _frame(path: Path, colour) -> Path:
    image = Image.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((110, 40, 210, 140), fill=(235, 225, 190))
    draw.rectangle((0, 150, 320, 180), fill=(40, 40, 40))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("film")
    for sid, move, dur, _, colour in SHOTS:
        frame = _frame(root / "frames" / sid / "0.png", colour)
        render_clip(frame, move, dur, root / "clips" / f"{sid}.mp4", size=SIZE, seed=1)
    render_card(["The Lamp", "a filmcrew draft"], SIZE, {"shadow": "#202a40", "accent": "#e0a030"},
                root / "edit" / "title.png")
    render_card(["The End"], SIZE, {}, root / "edit" / "end.png")
    synthesize_bed(8.0, 120, [(0.2, 0.6)], 1, root / "edit" / "music.wav")
    return root


@pytest.fixture
def cuts_for():
    """make_cuts(project, dialogue_12=..., clip_12=...): the edit, with shot 1.2 changeable."""
    return make_cuts


@pytest.fixture
def shots() -> dict[str, Shot]:
    return {sid: Shot(id=sid, scene=int(sid[0]), size="MS" if sid != "2.1" else "CU", movement=move, duration_s=dur)
            for sid, move, dur, _, _ in SHOTS}


@pytest.fixture
def read_frames():
    def read(path: Path, size=SIZE) -> np.ndarray:
        w, h = size
        raw = subprocess.run([FFMPEG, "-v", "error", "-i", str(path), "-map", "0:v", "-f", "rawvideo",
                              "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout
        return np.frombuffer(raw, np.uint8).reshape(-1, h, w, 3)
    return read
