"""One H.264 recipe for every picture the editor makes, and a raw-frame pipe into it.

Clips, card segments and subtitled segments must share encoder settings
exactly, or the concat demuxer cannot join them without re-encoding. So every
encode in filmcrew takes its arguments from `x264_args`.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
import uuid
from pathlib import Path

import cv2
import imageio_ffmpeg
import numpy as np

from tools.errors import BadInput

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()

# Bump when the recipe changes so cached clips and segments are made again.
RECIPE_VERSION = "x264-crf20-i420-v2"
# x264 speed preset, part of every cache key. superfast rather than veryfast: on this
# project's 2-core machines bench/render.py measured veryfast at 5.1x a plain moviepy
# render and superfast at 6.6x (SPEC §9 asks 6x), at the same CRF; the price is files
# about 40 % larger (3 MB a minute at 720p for previs frames). The bench's --preset
# flag measures any other choice.
PRESET = "superfast"


def recipe() -> str:
    """The encode recipe as a cache-key part: version and preset."""
    return f"{RECIPE_VERSION}-{PRESET}"


def x264_args(fps: int, threads: int = 1) -> list[str]:
    """Output arguments shared by every video encode.

    One thread by default, because callers run encodes side by side; a lone encode
    (one changed shot) may take more. x264 is deterministic for a given thread count.
    """
    return [
        "-c:v", "libx264", "-preset", PRESET, "-crf", "20", "-pix_fmt", "yuv420p",
        "-r", str(fps), "-g", str(fps * 2), "-threads", str(max(1, threads)),
        # Same input, same bytes: no muxer/encoder metadata that varies between runs.
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
        "-video_track_timescale", str(fps * 512), "-an",
    ]


def scratch_path(path: Path) -> Path:
    """A unique sibling temp name (threads of one process may write side by side)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tag = f"{os.getpid()}-{threading.get_ident()}-{uuid.uuid4().hex[:6]}"
    return path.with_name(f".{path.stem}.{tag}.part{path.suffix}")


_SCRATCH = re.compile(r"^\..+\.(\d+)-\d+-[0-9a-f]{6}\.part(\.\w+)?$")


def sweep_scratch(folder: Path) -> int:
    """Remove temp files left in folder by a process that was killed mid-write (kill -9).

    Only files whose writer process is gone are removed, so a render running
    beside this one keeps its work. Returns how many were removed.
    """
    removed = 0
    for path in Path(folder).glob(".*.part*") if Path(folder).is_dir() else []:
        match = _SCRATCH.match(path.name)
        if not match:
            continue
        pid = int(match.group(1))
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
            continue  # the writer is still alive
        except ProcessLookupError:
            path.unlink(missing_ok=True)
            removed += 1
        except PermissionError:
            continue
    return removed


def run_ffmpeg(args: list[str], what: str) -> None:
    """Run ffmpeg quietly; a failure says what was being made and ffmpeg's last words."""
    proc = subprocess.run([FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *args],
                          capture_output=True)
    if proc.returncode != 0:
        tail = proc.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise RuntimeError(f"ffmpeg failed making {what}: {' | '.join(tail)}")


class FramePipe:
    """Raw frames in, an H.264 MP4 out, written atomically on close.

    Frames travel as planar yuv420p (BT.601, limited range, as ffmpeg would
    convert them): half the bytes of RGB, and ffmpeg's own RGB conversion
    costs as much as the encode. Use as a context manager; on error the
    partial file is removed and the destination is left as it was.
    """

    def __init__(self, out_path: Path, size: tuple[int, int], fps: int, threads: int = 1):
        self.out_path = Path(out_path)
        self.size = (int(size[0]), int(size[1]))
        w, h = self.size
        if w % 2 or h % 2:
            raise BadInput(f"film size {w}x{h} must be even on both sides for yuv420p")
        self.tmp = scratch_path(self.out_path)
        cmd = [FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
               "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{w}x{h}", "-r", str(fps), "-i", "pipe:0",
               *x264_args(fps, threads), "-f", "mp4", str(self.tmp)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        self.frames = 0

    def write(self, frame: np.ndarray) -> None:
        """One RGB frame (h, w, 3) uint8 of the pipe's size."""
        h, w = frame.shape[:2]
        if (w, h) != self.size or frame.dtype != np.uint8 or frame.ndim != 3:
            raise ValueError(f"frame {w}x{h} {frame.dtype} does not match pipe {self.size}")
        self.write_i420(cv2.cvtColor(np.ascontiguousarray(frame), cv2.COLOR_RGB2YUV_I420))

    def write_i420(self, planes: np.ndarray | bytes) -> None:
        """One frame already in I420 layout: Y (w*h) then U and V (w*h/4 each)."""
        data = memoryview(planes).cast("B") if isinstance(planes, np.ndarray) else memoryview(planes)
        if data.nbytes != self.size[0] * self.size[1] * 3 // 2:
            raise ValueError("I420 frame has the wrong number of bytes for this pipe")
        self.proc.stdin.write(data)
        self.frames += 1

    def __enter__(self) -> "FramePipe":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        err = self.proc.stderr.read().decode(errors="replace")
        code = self.proc.wait()
        if exc_type is None and code == 0:
            os.replace(self.tmp, self.out_path)
            return
        self.tmp.unlink(missing_ok=True)
        if exc_type is None:
            raise RuntimeError(f"ffmpeg failed writing {self.out_path.name}: {err.strip()[-300:]}")
