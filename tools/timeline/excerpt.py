"""Excerpts: a stretch of a clip cut out as a clip of its own.

The teaser plays part of each shot. The Cut model has no source in-point, so
the stretch is encoded once into a clip of exactly its length (same H.264
recipe as every other clip, cached by content), and the assembler then joins
it by stream copy like any clip that fits the film.
"""

from __future__ import annotations

import os
from pathlib import Path

from tools.atomic import content_hash, file_hash
from tools.errors import BadInput
from tools.motion.camera import frame_count
from tools.motion.encode import recipe, run_ffmpeg, scratch_path, x264_args


def excerpt_key(clip: Path, source_in_s: float, duration_s: float, size: tuple[int, int], fps: int) -> str:
    """Content hash of everything that decides an excerpt's pixels."""
    return content_hash("excerpt", recipe(), file_hash(clip), frame_count(source_in_s, fps) if source_in_s > 0 else 0,
                        frame_count(duration_s, fps), list(size), fps)


def cut_excerpt(clip: Path, source_in_s: float, duration_s: float, out_path: Path,
                size: tuple[int, int], fps: int = 24, threads: int = 1) -> Path:
    """Encode frames [source_in, source_in + duration) of clip into out_path at the film's size,
    holding the last frame should the clip run short."""
    clip = Path(clip)
    if not clip.is_file():
        raise BadInput(f"clip not found: {clip}")
    if duration_s <= 0 or source_in_s < 0:
        raise BadInput(f"an excerpt needs a positive length and a non-negative in-point, got {source_in_s}+{duration_s}")
    w, h = int(size[0]), int(size[1])
    skip = int(round(source_in_s * fps))
    frames = frame_count(duration_s, fps)
    # Frame-exact selection after decoding: a seek would land on the keyframe before the in-point.
    chain = (f"select=gte(n\\,{skip}),setpts=N/({fps}*TB),scale={w}:{h}:force_original_aspect_ratio=increase,"
             f"crop={w}:{h},setsar=1,fps={fps},tpad=stop_mode=clone:stop_duration={duration_s + 1:.3f}")
    out_path = Path(out_path)
    tmp = scratch_path(out_path)
    try:
        run_ffmpeg(["-i", str(clip), "-vf", chain, "-frames:v", str(frames), *x264_args(fps, threads),
                    "-f", "mp4", str(tmp)], f"the excerpt of {clip.name}")
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return out_path
