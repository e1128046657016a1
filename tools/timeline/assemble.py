"""Assembly: clips, cards and subtitles joined into the film, with the music laid under.

Every cut becomes an edit segment with the same H.264 recipe as the clips, so
the concat demuxer joins them by stream copy. A clip with no dialogue is its
own segment (no re-encode at all); a card or a subtitled shot is encoded once
into `<project>/.cache/segments/<content hash>.mp4`, so after one shot
changes only that shot's segment is made again. The music is trimmed, faded
and encoded to AAC once per (music, length) and stream-copied into the film.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

from graph.state import Cut
from tools.atomic import content_hash, file_hash, write_json, write_text
from tools.errors import BadInput
from tools.motion.camera import clip_record, frame_count
from tools.motion.encode import FramePipe, recipe, run_ffmpeg, scratch_path, sweep_scratch, x264_args
from tools.timeline.probe import probe_media
from tools.timeline.subtitles import subtitle_png, write_srt

__all__ = ["assemble_film", "write_srt", "segment_dir"]

CARD_FADE_S = 0.5
MUSIC_FADE_OUT_S = 2.0


def segment_dir(project_dir: Path) -> Path:
    """Where edit segments and the film's encoded music are cached, by content hash."""
    return Path(project_dir) / ".cache" / "segments"


def _inside(project_dir: Path, relative: str) -> Path:
    """A cut's media path, resolved inside the project or refused."""
    root = Path(project_dir).resolve()
    path = (root / relative).resolve()
    if root != path and root not in path.parents:
        raise BadInput(f"cut media {relative!r} is outside the project folder")
    if not path.is_file():
        raise BadInput(f"cut media not found: {relative}")
    return path


def _cover(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scale to cover the frame and centre-crop, so a card of another shape still fills it."""
    w, h = size
    scale = max(w / image.width, h / image.height)
    resized = image.resize((max(w, round(image.width * scale)), max(h, round(image.height * scale))), Image.LANCZOS)
    left, top = (resized.width - w) // 2, (resized.height - h) // 2
    return resized.crop((left, top, left + w, top + h))


def _card_segment(png: Path, frames: int, size: tuple[int, int], fps: int, dialogue: str | None, out: Path,
                  threads: int = 1) -> None:
    """A card held for its length, faded up from and down to black."""
    picture = _cover(Image.open(png).convert("RGBA"), size)
    if dialogue:
        picture = Image.alpha_composite(picture, Image.open(io.BytesIO(subtitle_png(dialogue, size))))
    still = np.asarray(picture.convert("RGB"), dtype=np.float32)
    fade = max(1, min(int(CARD_FADE_S * fps), frames // 4))
    with FramePipe(out, size, fps, threads) as pipe:
        for i in range(frames):
            level = min(1.0, (i + 1) / fade, (frames - i) / fade)
            pipe.write(still.astype(np.uint8) if level >= 1.0 else (still * level).astype(np.uint8))


def _conform_filter(size: tuple[int, int], fps: int, frames: int) -> str:
    """Fit any clip to the film: cover-scale, crop, and hold the last frame if it runs short."""
    w, h = size
    return (f"scale={w}:{h}:force_original_aspect_ratio=increase,crop={w}:{h},setsar=1,fps={fps},"
            f"tpad=stop_mode=clone:stop_duration={frames / fps + 1:.3f}")


def _clip_segment(clip: Path, frames: int, size: tuple[int, int], fps: int, dialogue: str | None,
                  out: Path, threads: int = 1) -> None:
    """Re-encode a clip to the cut's length and the film's size, burning in its subtitle if any."""
    tmp = scratch_path(out)
    try:
        if dialogue:
            overlay = scratch_path(out.with_suffix(".png"))
            overlay.write_bytes(subtitle_png(dialogue, size))
            try:
                run_ffmpeg(["-i", str(clip), "-i", str(overlay), "-filter_complex",
                            f"[0:v]{_conform_filter(size, fps, frames)}[pic];[pic][1:v]overlay=0:0,format=yuv420p",
                            "-frames:v", str(frames), *x264_args(fps, threads), "-f", "mp4", str(tmp)],
                           f"the subtitled segment for {clip.name}")
            finally:
                overlay.unlink(missing_ok=True)
        else:
            run_ffmpeg(["-i", str(clip), "-vf", _conform_filter(size, fps, frames), "-frames:v", str(frames),
                        *x264_args(fps, threads), "-f", "mp4", str(tmp)], f"the segment for {clip.name}")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def _clip_facts(clip: Path, cache: Path) -> dict:
    """Media facts of a clip, remembered by its content (a clip copied out of a cache keeps them)."""
    record = cache / f"probe-{file_hash(clip)}.json"
    try:
        return json.loads(record.read_text())
    except (OSError, ValueError):
        facts = probe_media(clip)
        write_json(record, facts)
        return facts


def _clip_fits(clip: Path, frames: int, size: tuple[int, int], fps: int, cache: Path) -> bool:
    """True when a clip can go into the film as it is: right length, size and rate."""
    record = clip_record(clip)
    if record is not None and "size" in record:
        return record.get("frames") == frames and record.get("fps") == fps and list(record["size"]) == list(size)
    facts = _clip_facts(clip, cache)
    return (facts["frames"] == frames and (facts["width"], facts["height"]) == tuple(size)
            and facts["fps"] == fps and facts["video_codec"] == "h264")


def _plan_segment(cut: Cut, media: Path, size: tuple[int, int], fps: int, cache: Path):
    """(segment path, maker or None): what stands in the film for this cut and how to make it."""
    frames = frame_count(cut.duration_s, fps)
    dialogue = cut.dialogue.strip() if cut.dialogue and cut.dialogue.strip() else None
    if media.suffix.lower() in (".png", ".jpg", ".jpeg", ".webp"):
        key = content_hash("card", recipe(), file_hash(media), frames, fps, list(size), dialogue, CARD_FADE_S)
        out = cache / f"{key}.mp4"
        return out, (lambda threads: _card_segment(media, frames, size, fps, dialogue, out, threads))
    if dialogue is None and _clip_fits(media, frames, size, fps, cache):
        return media, None
    key = content_hash("shot", recipe(), file_hash(media), frames, fps, list(size), dialogue)
    out = cache / f"{key}.mp4"
    return out, (lambda threads: _clip_segment(media, frames, size, fps, dialogue, out, threads))


def _music_track(music_path: Path | None, length_s: float, cache: Path) -> Path:
    """The film's audio, AAC, exactly length_s: the music trimmed and faded, or silence.

    The fast AAC coder costs a third of the default's CPU; at 192 kb/s a draft's music
    bed loses nothing a person would hear.
    """
    source = file_hash(music_path) if music_path else "silence"
    out = cache / f"{content_hash('music', source, round(length_s, 4), MUSIC_FADE_OUT_S, 'aac-fast')}.m4a"
    if out.exists():
        return out
    tmp = scratch_path(out)
    fade = min(MUSIC_FADE_OUT_S, length_s / 4)
    chain = (f"atrim=0:{length_s:.4f},afade=t=in:d=0.02,afade=t=out:st={length_s - fade:.4f}:d={fade:.4f},"
             f"apad=whole_dur={length_s:.4f},aresample=48000")
    source_args = ["-i", str(music_path)] if music_path else ["-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo"]
    try:
        run_ffmpeg([*source_args, "-af", chain, "-t", f"{length_s:.4f}", "-ac", "2",
                    "-c:a", "aac", "-aac_coder", "fast", "-b:a", "192k",
                    "-map_metadata", "-1", "-f", "mp4", str(tmp)], "the film's music track")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _check_timing(cuts: list[Cut], fps: int) -> None:
    """Cuts must follow each other without gaps: the film is the cuts laid end to end."""
    clock = cuts[0].record_in_s
    for cut in cuts:
        if cut.duration_s <= 0:
            raise BadInput(f"cut {cut.shot_id} has no length ({cut.duration_s} s)")
        if abs(cut.record_in_s - clock) > 1.0 / fps + 1e-6:
            raise BadInput(f"cut {cut.shot_id} starts at {cut.record_in_s:.3f} s "
                           f"but the cut before ends at {clock:.3f} s")
        clock = cut.record_in_s + cut.duration_s


def assemble_film(cuts: list[Cut], project_dir: Path, music_path: Path | None, out_path: Path,
                  size: tuple[int, int], fps: int = 24, workers: int = 2,
                  on_segment: Callable[[Cut, bool], None] | None = None, cache_root: Path | None = None) -> Path:
    """Join the cuts into out_path (H.264 + AAC, +faststart) with the music under them.

    Segments are cached by content under `cache_root` (default: the project folder), so
    versions of a film that share a project share their segments; on_segment(cut, made)
    reports each cut, with made=False when its segment was reused.
    """
    if not cuts:
        raise BadInput("the edit has no cuts to assemble")
    if music_path is not None and not Path(music_path).is_file():
        raise BadInput(f"music file not found: {music_path}")
    size = (int(size[0]), int(size[1]))
    _check_timing(cuts, fps)
    cache = segment_dir(cache_root or project_dir)
    cache.mkdir(parents=True, exist_ok=True)
    sweep_scratch(cache)
    plans = [_plan_segment(cut, _inside(project_dir, cut.clip), size, fps, cache) for cut in cuts]

    pending = sum(maker is not None and not segment.exists() for segment, maker in plans)
    threads = max(1, workers) if pending == 1 else 1  # one changed shot: give it every core

    def make(index: int) -> None:
        segment, maker = plans[index]
        made = maker is not None and not segment.exists()
        if made:
            maker(threads)
        if on_segment is not None:
            on_segment(cuts[index], made)

    length_s = sum(frame_count(cut.duration_s, fps) for cut in cuts) / fps
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="segment") as pool:
        # The music encodes beside the segments rather than after them.
        music_job = pool.submit(_music_track, Path(music_path) if music_path else None, length_s, cache)
        list(pool.map(make, range(len(cuts))))
        music = music_job.result()
    # concat demuxer quoting: inside single quotes a quote is written '\''
    listing = "".join("file '" + str(seg.resolve()).replace("'", "'\\''") + "'\n" for seg, _ in plans)
    concat = cache / f"{content_hash('concat', listing)}.txt"
    write_text(concat, listing)
    out_path = Path(out_path)
    tmp = scratch_path(out_path)
    try:
        run_ffmpeg(["-f", "concat", "-safe", "0", "-i", str(concat), "-i", str(music), "-map", "0:v:0", "-map", "1:a:0",
                    "-c", "copy", "-t", f"{length_s:.4f}", "-movflags", "+faststart", "-map_metadata", "-1",
                    "-f", "mp4", str(tmp)], out_path.name)
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return out_path
