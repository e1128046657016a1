"""Media facts from ffmpeg itself (the bundled ffmpeg has no ffprobe).

`ffmpeg -i FILE` prints the container duration and one line per stream on
stderr; a stream-copy pass into the null muxer counts video frames exactly
without decoding.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tools.errors import BadInput
from tools.motion.encode import FFMPEG

_DURATION = re.compile(r"Duration:\s*(\d+):(\d+):(\d+(?:\.\d+)?)")
_STREAM = re.compile(r"Stream #\d+:\d+.*?:\s*(Video|Audio):\s*([A-Za-z0-9_]+)(.*)")
_SIZE = re.compile(r"\b(\d{2,5})x(\d{2,5})\b")
_FPS = re.compile(r"([\d.]+)\s*fps")
_RATE = re.compile(r"(\d+)\s*Hz")
_FRAMES = re.compile(r"frame=\s*(\d+)")


def _seconds(match: re.Match) -> float:
    h, m, s = match.groups()
    return int(h) * 3600 + int(m) * 60 + float(s)


def probe_media(path: str | Path, count_frames: bool = True) -> dict:
    """Duration, picture size, stream presence and codec names of a media file.

    Keys: duration_s (also as duration), has_video, has_audio, video_codec, audio_codec, width,
    height, fps, sample_rate, frames (video frames counted exactly, when asked).
    Anything ffmpeg cannot open raises BadInput.
    """
    path = Path(path)
    if not path.is_file():
        raise BadInput(f"media file not found: {path}")
    proc = subprocess.run([FFMPEG, "-hide_banner", "-nostdin", "-i", str(path)], capture_output=True)
    text = proc.stderr.decode(errors="replace")
    facts: dict = {"duration_s": None, "has_video": False, "has_audio": False, "video_codec": None,
                   "audio_codec": None, "width": None, "height": None, "fps": None,
                   "sample_rate": None, "frames": None}
    duration = _DURATION.search(text)
    if duration:
        facts["duration_s"] = _seconds(duration)
    facts["duration"] = facts["duration_s"]  # the same fact under the short name scripts use
    for kind, codec, rest in _STREAM.findall(text):
        if kind == "Video" and not facts["has_video"]:
            facts.update(has_video=True, video_codec=codec)
            size = _SIZE.search(rest)
            if size:
                facts["width"], facts["height"] = int(size.group(1)), int(size.group(2))
            fps = _FPS.search(rest)
            if fps:
                facts["fps"] = float(fps.group(1))
        elif kind == "Audio" and not facts["has_audio"]:
            facts.update(has_audio=True, audio_codec=codec)
            rate = _RATE.search(rest)
            if rate:
                facts["sample_rate"] = int(rate.group(1))
    if not (facts["has_video"] or facts["has_audio"]):
        last = text.strip().splitlines()[-1] if text.strip() else "no streams"
        raise BadInput(f"not a readable media file: {path.name} ({last})")
    if count_frames and facts["has_video"]:
        counted = subprocess.run([FFMPEG, "-hide_banner", "-nostdin", "-i", str(path), "-map", "0:v:0",
                                  "-c", "copy", "-f", "null", "-"], capture_output=True)
        frames = _FRAMES.findall(counted.stderr.decode(errors="replace"))
        if frames:
            facts["frames"] = int(frames[-1])
    return facts
