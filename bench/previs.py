"""Previs renderer speed: frames per second at 1280x720 on one core, across sizes, angles and lights.

Run: python bench/previs.py [--frames N]. The quality bar is < 100 ms a frame.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.state import Brief, CharacterProfile, Scene, Shot  # noqa: E402
from tools.previs.render import render_frame  # noqa: E402
from tools.style.bible import propose_styles  # noqa: E402
from tools.style.compliance import style_score  # noqa: E402

SIZES = ["EWS", "WS", "MS", "TWO", "MCU", "CU", "ECU", "OTS", "POV", "INSERT"]
ANGLES = ["eye", "low", "high", "dutch", "birds_eye"]
SCENES = [
    Scene(index=1, heading="EXT. ROCKY SHORE - NIGHT", location="ROCKY SHORE", interior=False, time_of_day="NIGHT"),
    Scene(index=2, heading="INT. KITCHEN - DAY", location="KITCHEN", interior=True, time_of_day="DAY"),
    Scene(index=3, heading="EXT. CITY STREET - DUSK", location="CITY STREET", interior=False, time_of_day="DUSK"),
]
CAST = [
    CharacterProfile(name="ELIAS", signature_colors=["#e0b020", "#9a9a9a"]),
    CharacterProfile(name="MAYA", silhouette="child", signature_colors=["#c03030", "#2a1a10"]),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the bar says
    styles = [propose_styles(Brief(text="a lighthouse keeper in a storm", style_text=t), None)[0]
              for t in ("storm noir", "warm cozy coffee", "neon cyberpunk")]
    jobs = []
    for i in range(args.frames):
        shot = Shot(id=f"{i % 3 + 1}.{i}", scene=i % 3 + 1, size=SIZES[i % len(SIZES)], angle=ANGLES[i % len(ANGLES)],
                    duration_s=3, subjects=["ELIAS", "MAYA"] if SIZES[i % len(SIZES)] != "INSERT" else ["KEY"],
                    screen_side={"ELIAS": "left", "MAYA": "right"})
        jobs.append((shot, SCENES[i % 3], styles[i % 3]))
    render_frame(*jobs[0][:3], CAST)  # warm caches (fonts)
    start = time.perf_counter()
    frames = [render_frame(shot, scene, style, CAST, variant=i % 3) for i, (shot, scene, style) in enumerate(jobs)]
    render_s = time.perf_counter() - start
    start = time.perf_counter()
    for frame in frames:
        frame.image.save(io.BytesIO(), format="PNG", compress_level=1)
    png_s = time.perf_counter() - start
    start = time.perf_counter()
    for frame, (_, _, style) in zip(frames, jobs):
        style_score(frame.image, style)
    score_s = time.perf_counter() - start
    n = len(frames)
    print(f"render: {n / render_s:.1f} frames/s ({1000 * render_s / n:.1f} ms/frame, bar < 100 ms) at 1280x720, one core")
    print(f"png encode (level 1): {1000 * png_s / n:.1f} ms/frame")
    print(f"style_score: {1000 * score_s / n:.1f} ms/frame")


if __name__ == "__main__":
    main()
