"""Variant distinctness: perceptual-hash distance between the variants of each shot of a film.

Run: python evals/variants/phash.py PROJECT_DIR [--json]. Reads frames/<shot>/<n>.png and prints the
distribution of pairwise pHash distances (64-bit hash: 0 = same picture, ~32 = unrelated pictures).
A frame pair under 10 reads as the same picture with a nudge. pHash alone is fooled by a background
slid a few pixels (a shift moves every DCT coefficient), so the figures are compared too: the IoU of
the union of character boxes (frames/<shot>/<n>.json) between variants; near 1 = same framing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from pathlib import Path

import imagehash
from PIL import Image


def distances(project: Path) -> dict[str, list[int]]:
    out = {}
    for shot_dir in sorted((project / "frames").iterdir()):
        pngs = sorted(shot_dir.glob("*.png"))
        hashes = [imagehash.phash(Image.open(p)) for p in pngs]
        out[shot_dir.name] = [a - b for a, b in itertools.combinations(hashes, 2)]
    return out


def _union(path: Path) -> tuple[float, float, float, float] | None:
    try:
        figures = json.loads(path.read_text()).get("figures", [])
    except (OSError, ValueError):
        return None
    boxes = [f["box"] for f in figures if len(f.get("box", [])) == 4]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[0] + b[2] for b in boxes),
            max(b[1] + b[3] for b in boxes))


def _iou(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / area if area > 0 else 1.0


def box_ious(project: Path) -> list[float]:
    out = []
    for shot_dir in sorted((project / "frames").iterdir()):
        unions = [u for u in (_union(p) for p in sorted(shot_dir.glob("*.json"))) if u is not None]
        out += [_iou(a, b) for a, b in itertools.combinations(unions, 2)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    per_shot = distances(args.project)
    flat = sorted(d for ds in per_shot.values() for d in ds)
    if not flat:
        sys.exit("no variants found")
    summary = {"pairs": len(flat), "min": flat[0], "median": statistics.median(flat), "max": flat[-1],
               "mean": round(statistics.mean(flat), 1), "under_10": sum(d < 10 for d in flat),
               "per_shot": per_shot}
    ious = sorted(box_ious(args.project))
    if ious:
        summary["figure_iou_median"] = round(statistics.median(ious), 2)
        summary["figure_iou_over_0.8"] = sum(i > 0.8 for i in ious)
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"{summary['pairs']} pairs: min {summary['min']}, median {summary['median']}, mean {summary['mean']}, "
              f"max {summary['max']}; {summary['under_10']} pairs under 10")
        if ious:
            print(f"figure boxes: {len(ious)} pairs, median IoU {summary['figure_iou_median']}, "
                  f"{summary['figure_iou_over_0.8']} pairs over 0.8 (same framing)")


if __name__ == "__main__":
    main()
