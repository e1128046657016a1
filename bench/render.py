"""Render benchmark: the engine against a plain moviepy render of the same 12-shot, 60 s edit.

Prints three numbers against SPEC §9's bars:
  speed-up over moviepy (target >= 6x), engine speed against real time at 720p
  (target >= 3x), and the cost of re-rendering after one shot changes as a
  fraction of the first render (target <= 10 %).

    python bench/render.py [--size 1280x720] [--shots 12] [--shot-s 5] [--keep DIR]

Frames are drawn here with PIL (flat colours and shapes, like previs frames).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.state import Cut  # noqa: E402
from tools.audio.music import synthesize_bed  # noqa: E402
from tools.motion import encode  # noqa: E402
from tools.motion.camera import ClipJob, camera_path, render_clips  # noqa: E402
from tools.timeline.assemble import assemble_film  # noqa: E402
from tools.timeline.subtitles import subtitle_png  # noqa: E402

MOVES = ["dolly_in", "pan_left", "static", "tilt_up", "zoom_out", "handheld", "arc_right", "crane_up",
         "truck_right", "dolly_zoom", "pedestal_down", "zoom_in"]
DIALOGUE = {2: "MARA: The lamp is out.", 7: "JONAH: Then we light it by hand."}


def draw_frame(path: Path, size: tuple[int, int], seed: int) -> Path:
    """A previs-like frame: sky, ground, a figure, a few props, flat colours."""
    rng = np.random.default_rng(seed)
    w, h = size
    sky = tuple(int(c) for c in rng.integers(40, 200, 3))
    image = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(image)
    horizon = int(h * rng.uniform(0.55, 0.75))
    draw.rectangle((0, horizon, w, h), fill=tuple(int(c) for c in rng.integers(20, 120, 3)))
    for _ in range(6):
        x, y, r = int(rng.integers(0, w)), int(rng.integers(0, h)), int(rng.integers(h // 30, h // 8))
        draw.rectangle((x - r, y - r, x + r, y + r // 2), fill=tuple(int(c) for c in rng.integers(0, 255, 3)))
    cx = int(w * rng.uniform(0.3, 0.7))
    draw.ellipse((cx - h // 14, horizon - h // 2, cx + h // 14, horizon - h // 2 + h // 7), fill=(230, 190, 160))
    draw.rectangle((cx - h // 10, horizon - h // 2 + h // 7, cx + h // 10, horizon), fill=(150, 40, 50))
    image.save(path)
    return path


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (ffmpeg): a measure other
    people's work on a shared machine does not inflate as much as wall time."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def engine_render(project: Path, frames: list[Path], moves: list[str], shot_s: float, size, music: Path) -> float:
    """Clips with camera moves, then assembly; returns seconds."""
    start = time.perf_counter()
    jobs = [ClipJob(frame, move, shot_s, project / "clips" / f"{i + 1}.1.mp4", 24, size, seed=i)
            for i, (frame, move) in enumerate(zip(frames, moves))]
    render_clips(jobs, workers=2)
    cuts = [Cut(shot_id=f"{i + 1}.1", clip=f"clips/{i + 1}.1.mp4", record_in_s=i * shot_s, duration_s=shot_s,
                dialogue=DIALOGUE.get(i)) for i in range(len(frames))]
    assemble_film(cuts, project, music, project / "edit" / "full.mp4", size)
    return time.perf_counter() - start


def moviepy_render(project: Path, frames: list[Path], moves: list[str], shot_s: float, size, music: Path,
                   transform: str = "resize") -> float:
    """The plain way: ImageClip + per-frame PIL transform + concatenate + write_videofile (preset medium).

    transform "resize" is the measurement OFFLINE.md describes (each frame resized by the
    camera's scale with PIL, then cropped to the view); "crop" crops the view first and
    resizes only that, a cheaper transform a careful moviepy user might write.
    """
    from moviepy import AudioFileClip, CompositeVideoClip, ImageClip, concatenate_videoclips

    start = time.perf_counter()
    w, h = size
    shots = []
    for i, (frame, move) in enumerate(zip(frames, moves)):
        # A plain transform: the frame moviepy hands over, through PIL with its default filters.
        def moved(get_frame, t, move=move, seed=i):
            pose = camera_path(move, t / shot_s, seed, shot_s)
            picture = Image.fromarray(get_frame(t))
            if pose.rotation_deg:
                picture = picture.rotate(pose.rotation_deg)
            if transform == "crop":
                cw, ch = w / pose.scale, h / pose.scale
                cx, cy = w / 2 + pose.x * w, h / 2 + pose.y * h
                box = (int(cx - cw / 2), int(cy - ch / 2), int(cx + cw / 2), int(cy + ch / 2))
                return np.asarray(picture.crop(box).resize((w, h)))
            sw, sh = round(w * pose.scale), round(h * pose.scale)
            big = picture.resize((sw, sh))
            left = int(sw / 2 + pose.x * sw - w / 2)
            top = int(sh / 2 + pose.y * sh - h / 2)
            return np.asarray(big.crop((left, top, left + w, top + h)))

        clip = ImageClip(str(frame)).with_duration(shot_s).transform(moved)
        if i in DIALOGUE:
            overlay = project / f"sub{i}.png"
            overlay.write_bytes(subtitle_png(DIALOGUE[i], size))
            clip = CompositeVideoClip([clip, ImageClip(str(overlay)).with_duration(shot_s)])
        shots.append(clip)
    film = concatenate_videoclips(shots).with_audio(AudioFileClip(str(music)).subclipped(0, shot_s * len(frames)))
    film.write_videofile(str(project / "moviepy.mp4"), fps=24, codec="libx264", audio_codec="aac",
                         preset="medium", logger=None)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--shots", type=int, default=12)
    parser.add_argument("--shot-s", type=float, default=5.0)
    parser.add_argument("--preset", default=encode.PRESET,
                        help="x264 preset for the engine (default: tools.motion.encode.PRESET)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the bench project here")
    parser.add_argument("--moviepy", nargs="*", default=["resize"], choices=["resize", "crop"],
                        help="moviepy baselines to run (none: skip); default: OFFLINE.md's per-frame resize")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    encode.PRESET = args.preset
    project = args.keep or Path(tempfile.mkdtemp(prefix="filmcrew-bench-"))
    marker = project / ".filmcrew-bench"
    if args.keep and project.exists() and any(project.iterdir()) and not marker.exists():
        parser.error(f"--keep {project} holds files this bench did not make; give a new folder")
    if args.keep and marker.exists():
        shutil.rmtree(project)  # a previous bench run's project: start clean so the first render is cold
    (project / "frames").mkdir(parents=True, exist_ok=True)
    marker.touch()
    length = args.shots * args.shot_s
    frames = [draw_frame(project / "frames" / f"{i + 1}.png", size, i) for i in range(args.shots)]
    moves = [MOVES[i % len(MOVES)] for i in range(args.shots)]
    music = synthesize_bed(length + 1, 110, [(0.3, 0.5), (-0.4, 0.8)], 1, project / "edit" / "music.wav")

    cpu = cpu_seconds()
    engine_s = engine_render(project, frames, moves, args.shot_s, size, music)
    engine_cpu = cpu_seconds() - cpu
    print(f"engine ({args.preset}): {engine_s:6.1f} s wall, {engine_cpu:5.1f} s cpu for {length:.0f} s of "
          f"{size[0]}x{size[1]}  "
          f"-> {length / engine_s:4.1f}x real time (target >= 3x)")

    changed = list(moves)
    changed[4] = "pan_right" if changed[4] != "pan_right" else "pan_left"
    rerender_s = engine_render(project, frames, changed, args.shot_s, size, music)
    print(f"re-render after one shot changed: {rerender_s:5.2f} s = {100 * rerender_s / engine_s:4.1f} % "
          f"of the first render (target <= 10 %)")

    for transform in args.moviepy:
        cpu = cpu_seconds()
        moviepy_s = moviepy_render(project, frames, moves, args.shot_s, size, music, transform)
        moviepy_cpu = cpu_seconds() - cpu
        print(f"moviepy ({transform} transform): {moviepy_s:6.1f} s wall, {moviepy_cpu:5.1f} s cpu  -> engine is "
              f"{moviepy_s / engine_s:4.1f}x faster by wall clock, {moviepy_cpu / engine_cpu:4.1f}x by cpu "
              f"(target >= 6x)")
    if args.keep is None:
        shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()
