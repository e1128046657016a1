"""Weather/time reading eval: precision and recall of read_weather on hand-written cases.

Run: python evals/weather/run.py [--heldout] [--show]. 'tune' cases may be looked at while tuning;
'heldout' ones are for the report only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from graph.state import Scene, ScriptElement, Shot  # noqa: E402
from tools.previs.weather import read_weather  # noqa: E402


def score(cases: list[dict], show: bool = False) -> dict:
    tp = fp = fn = time_ok = 0
    for case in cases:
        heading = case["heading"]
        interior = heading.startswith("INT")
        place = heading.split(".", 1)[1].split(" - ")[0].strip()
        scene = Scene(index=1, heading=heading, location=place, interior=interior,
                      time_of_day=heading.rsplit(" - ", 1)[-1],
                      elements=[ScriptElement(kind="action", text=case["text"])])
        shot = Shot(id="1.1", scene=1, size="WS", angle="eye", duration_s=3, description="")
        got = read_weather(shot, scene)
        want = set(case["expect"])
        have = set(got.kinds)
        tp, fp, fn = tp + len(want & have), fp + len(have - want), fn + len(want - have)
        time_ok += got.time == case["time"]
        if show and (want != have or got.time != case["time"]):
            print(f"  {case['text']!r}: want {sorted(want)} {case['time']}, got {sorted(have)} {got.time}")
    n = len(cases)
    return {"cases": n, "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0, "time_accuracy": round(time_ok / n, 3)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--heldout", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    data = json.loads((Path(__file__).parent / "cases.json").read_text())
    print(json.dumps(score(data["heldout" if args.heldout else "tune"], args.show)))


if __name__ == "__main__":
    main()
