"""Eval: does frame QC catch a character who has drifted, and leave faithful frames alone?

    python -m evals.consistency build   # render the dataset with the previs renderer
    python -m evals.consistency [-v]    # score it and print precision / recall (renders first if needed)

The dataset (evals/datasets/consistency/) is previs frames of a three-person
cast under every lighting style and several shot sizes. For each shot there is
a faithful frame and frames with planted identity drift, rendered from a
tampered profile while QC scores against the library's:

- body:  the wardrobe colour swapped for an unrelated one
- head:  the hair/head colour swapped
- swap:  two characters wear each other's colours
- ghost: the character rendered in a neighbouring hue (ΔE2000 about 15-25)

Each (frame, character) pair is one case; a case is positive when that
character drifted. Faithful frames also vary camera variant, grain and
lighting, which QC must not mistake for drift.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from coloraide import Color
from PIL import Image

from graph.state import CharacterProfile, LIGHTINGS, PaletteColor, Scene, Shot, StyleBible
from tools.atomic import write_json, write_text
from tools.cast.qc import CHARACTER_THRESHOLD, figures_overlap
from tools.cast.signature import backdrop_colors, light_colors, score_character

DATASET = Path(__file__).parent / "datasets" / "consistency"
SIZE = (640, 360)  # half of 720p: the figures keep their 720p proportions, the build stays ~15 s
CAST = [
    CharacterProfile(name="ELIAS", age="60s", face="weathered", wardrobe="yellow oilskin coat",
                     signature_colors=["#f1c40f", "#8a8d91"], silhouette="human",
                     figure={"height": 0.95, "width": 1.0, "head": 1.0}),
    CharacterProfile(name="MAYA", age="10", wardrobe="blue raincoat", signature_colors=["#2e64c8", "#5a3a1e"],
                     silhouette="child", figure={"height": 0.65, "width": 0.8, "head": 1.2}),
    CharacterProfile(name="BOLT", build="small", wardrobe="rusty shell", signature_colors=["#b7410e", "#3fb8a8"],
                     silhouette="robot", figure={"height": 0.75, "width": 1.0, "head": 1.1}),
]
PALETTE = [PaletteColor(role="sky", hex="#2b3a55"), PaletteColor(role="ground", hex="#4a4a40"),
           PaletteColor(role="key", hex="#8fa3b8"), PaletteColor(role="shadow", hex="#15181f"),
           PaletteColor(role="accent", hex="#e07a3a"), PaletteColor(role="highlight", hex="#efe6d2"),
           PaletteColor(role="skin", hex="#c99a7c")]
SHOTS = [("WS", ["ELIAS", "MAYA", "BOLT"]), ("MWS", ["ELIAS", "MAYA"]), ("MS", ["MAYA"]),
         ("MS", ["ELIAS", "BOLT"]), ("MCU", ["ELIAS"]), ("TWO", ["MAYA", "BOLT"]), ("WS", ["BOLT"])]


def _shift(hexcode: str, degrees: float, chroma_floor: float = 0.08) -> str:
    c = Color(hexcode).convert("oklch")
    c["hue"] = (c["hue"] + degrees) % 360
    c["chroma"] = max(c["chroma"], chroma_floor)
    return c.convert("srgb").fit("srgb").to_string(hex=True)[:7]


def _tamper(cast: list[CharacterProfile], kind: str, victim: str, rng: random.Random) -> tuple[list[CharacterProfile], list[str]]:
    people = {p.name: p for p in cast}
    target = people[victim]
    body, head = target.signature_colors[:2]
    if kind == "body":
        people[victim] = target.model_copy(update={"signature_colors": [_shift(body, rng.uniform(110, 250)), head]})
        return list(people.values()), [victim]
    if kind == "head":
        people[victim] = target.model_copy(update={"signature_colors": [body, _shift(head, rng.uniform(110, 250), 0.12)]})
        return list(people.values()), [victim]
    if kind == "ghost":
        people[victim] = target.model_copy(update={"signature_colors": [_shift(body, rng.choice([-35, 35])), head]})
        return list(people.values()), [victim]
    other = next(n for n in people if n != victim)
    a, b = people[victim], people[other]
    people[victim] = a.model_copy(update={"signature_colors": b.signature_colors})
    people[other] = b.model_copy(update={"signature_colors": a.signature_colors})
    return list(people.values()), [victim, other]


def _visible_change(before: Image.Image, after: Image.Image, box) -> bool:
    if not box:
        return False
    x, y, w, h = box
    a = np.asarray(before.crop((x, y, x + w, y + h)), dtype=np.int16)
    b = np.asarray(after.crop((x, y, x + w, y + h)), dtype=np.int16)
    return bool((np.abs(a - b).max(axis=-1) > 24).mean() > 0.01)


def build(out: Path = DATASET, seed: int = 11) -> int:
    """Render the dataset; returns the number of frames written."""
    from tools.previs.render import render_frame  # the eval measures QC on the real renderer's frames

    rng = random.Random(seed)
    scene = Scene(index=1, heading="EXT. ROCKY SHORE - NIGHT", location="ROCKY SHORE", interior=False,
                  time_of_day="NIGHT", characters=[p.name for p in CAST])
    write_json(out / "cast.json", [p.model_dump(mode="json") for p in CAST])
    labels, count = [], 0
    for li, lighting in enumerate(LIGHTINGS):
        style = StyleBible(name=f"eval-{lighting}", palette=PALETTE, harmony="complementary", medium="2D animation",
                           lighting=lighting, grain=[0.0, 0.25, 0.5][li % 3], line_weight=2)
        for si, (size, subjects) in enumerate(SHOTS):
            shot = Shot(id=f"{li + 1}.{si + 1}", scene=1, size=size, duration_s=3.0, subjects=subjects,
                        description="eval frame")
            variant = rng.randrange(3)
            versions = [("faithful", list(CAST), [])]
            victim = rng.choice(subjects)
            kinds = ["body", "head", "ghost"] + (["swap"] if len(subjects) > 1 else [])
            kind = kinds[(li + si) % len(kinds)]
            tampered, drifted = _tamper(CAST, kind, victim, rng)
            if kind == "swap":
                drifted = [n for n in drifted if n in subjects]
            versions.append((kind, tampered, drifted))
            reference = None
            for kind, cast, drifted in versions:
                frame = render_frame(shot, scene, style, cast, size=SIZE, variant=variant, seed=seed)
                if reference is None:
                    reference = frame.image
                # Drift the camera cannot see (a coat below the frame line) is no drift in this frame.
                drifted = [n for n in drifted if _visible_change(reference, frame.image, frame.boxes.get(n))]
                name = f"{shot.id}-{kind}.png"
                frame.image.save(out / name, optimize=True)
                labels.append({"file": name, "shot": shot.id, "lighting": lighting, "kind": kind,
                               "variant": variant, "boxes": {k: list(v) for k, v in frame.boxes.items()},
                               "drifted": drifted})
                count += 1
    write_text(out / "labels.jsonl", "".join(json.dumps(entry) + "\n" for entry in labels))
    return count


def evaluate(dataset: Path = DATASET, threshold: float = CHARACTER_THRESHOLD) -> dict:
    """Score every (frame, character) case; precision and recall of 'drifted', overall and by kind."""
    cast = {p["name"]: CharacterProfile.model_validate(p) for p in json.loads((dataset / "cast.json").read_text())}
    cases = []
    for line in (dataset / "labels.jsonl").read_text().splitlines():
        entry = json.loads(line)
        with Image.open(dataset / entry["file"]) as opened:
            image = opened.convert("RGB")
        for name, box in entry["boxes"].items():
            # What may share a character's box: the set (the style's palette) and the other characters.
            known = [c.hex for c in PALETTE if c.role == "skin"] + [
                c for other, other_box in entry["boxes"].items() if other != name and figures_overlap(box, other_box)
                for c in cast[other].signature_colors]
            style = StyleBible(name="eval", palette=PALETTE, harmony="complementary", medium="2D animation",
                               lighting=entry["lighting"])
            score, _ = score_character(image, tuple(box), cast[name], known, light_colors(style),
                                       backdrop_colors(style))
            cases.append({"kind": entry["kind"], "lighting": entry["lighting"], "score": score,
                          "drifted": name in entry["drifted"], "flagged": score < threshold,
                          "case": f"{entry['file']}:{name}"})
    return {"overall": _rates(cases), "by_kind": {k: _rates([c for c in cases if c["kind"] == k])
                                                  for k in sorted({c["kind"] for c in cases})},
            "by_lighting": {k: _rates([c for c in cases if c["lighting"] == k]) for k in LIGHTINGS},
            "cases": cases}


def _rates(cases: list[dict]) -> dict:
    tp = sum(c["flagged"] and c["drifted"] for c in cases)
    fp = sum(c["flagged"] and not c["drifted"] for c in cases)
    fn = sum(not c["flagged"] and c["drifted"] for c in cases)
    return {"cases": len(cases), "positives": tp + fn, "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0, "false_alarms": fp, "missed": fn}


def main(argv: list[str]) -> None:
    if argv[:1] == ["build"]:
        print(f"wrote {build()} frames to {DATASET}")
        return
    if not any(DATASET.glob("*.png")):
        print(f"rendering the dataset first ({build()} frames)", file=sys.stderr)
    result = evaluate()
    overall = result["overall"]
    print(f"frame QC, threshold {CHARACTER_THRESHOLD}: precision {overall['precision']:.2f} "
          f"recall {overall['recall']:.2f} over {overall['cases']} character cases")
    for group in ("by_kind", "by_lighting"):
        for key, rates in result[group].items():
            precision = f"{rates['precision']:.2f}" if rates["positives"] else " n/a"
            recall = f"{rates['recall']:.2f}" if rates["positives"] else " n/a"
            print(f"  {key:14s} precision {precision} recall {recall} "
                  f"false alarms {rates['false_alarms']} missed {rates['missed']} ({rates['cases']} cases)")
    scores = defaultdict(list)
    for case in result["cases"]:
        scores["drifted" if case["drifted"] else "faithful"].append(case["score"])
    for label, values in scores.items():
        values.sort()
        print(f"  {label} scores: min {values[0]:.2f} median {values[len(values) // 2]:.2f} max {values[-1]:.2f}")
    if "-v" in argv:
        for case in result["cases"]:
            if case["flagged"] != case["drifted"]:
                print(f"  wrong: {case['case']} ({case['kind']}, {case['lighting']}) score {case['score']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
