"""Eval of the cinematographer's tools: rule-checker recall and precision per rule,
and whether the breakdown passes its own checker and hits its length.

Run on purpose, not in the test suite:  python evals/shots.py [--json]

Dataset (evals/datasets/shots/): hand-planted shot lists, each a JSON list of
shots, and labels.jsonl with one line per case: the shot list file, an optional
script file (for the coverage rule) and the violations a script supervisor
would mark, by rule and shot ids. Clean near-misses (an arc across the line, a
35 mm lens change, a detail-first opening) test precision. A predicted
violation matches a label of the same rule that shares a shot id (coverage
labels, which name no shot, match by rule within the case).

The breakdown rows also score the craft a director would look for: how many
distinct camera moves the film uses and how many shots move, whether the
establishing wides of opening beats that name a character show that character
(peopled/owed), the points of view cut for the looks the script writes
(povs/looks), and the reactions cut.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.state import RuleName, Script  # noqa: E402
from tools.shots.beats import cue_name, read_beats  # noqa: E402
from tools.shots.breakdown import break_down  # noqa: E402
from tools.shots.io import load_shotlist  # noqa: E402
from tools.shots.rules import check_shots  # noqa: E402

DATASET = ROOT / "evals" / "datasets" / "shots"
RULES: tuple[str, ...] = RuleName.__args__  # type: ignore[attr-defined]
LENGTHS = (30, 60, 120)


def _matches(predicted: dict, label: dict) -> bool:
    if predicted["rule"] != label["rule"]:
        return False
    if not label["shots"] or not predicted["shots"]:
        return not label["shots"] and not predicted["shots"]
    return bool(set(predicted["shots"]) & set(label["shots"]))


def score_rules() -> dict:
    """Run check_shots over every labelled case; tally hits, misses and false alarms per rule."""
    true_pos, false_pos, false_neg = Counter(), Counter(), Counter()
    misses: list[str] = []
    for raw in (DATASET / "labels.jsonl").read_text().splitlines():
        if not raw.strip():
            continue
        case = json.loads(raw)
        shotlist = load_shotlist(DATASET / case["shotlist"])
        script = (Script.model_validate_json((DATASET / case["script"]).read_text())
                  if case.get("script") else None)
        predicted = [v.model_dump() for v in check_shots(shotlist, script)]
        open_labels = list(case["violations"])
        for p in predicted:
            hit = next((label for label in open_labels if _matches(p, label)), None)
            if hit is None:
                false_pos[p["rule"]] += 1
                misses.append(f"{case['case']}: false alarm {p['rule']} {p['shots']}")
            else:
                true_pos[p["rule"]] += 1
                open_labels.remove(hit)
        for label in open_labels:
            false_neg[label["rule"]] += 1
            misses.append(f"{case['case']}: missed {label['rule']} {label['shots']}")
    per_rule = {}
    for rule in RULES:
        tp, fp, fn = true_pos[rule], false_pos[rule], false_neg[rule]
        per_rule[rule] = {
            "labels": tp + fn, "predicted": tp + fp,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        }
    return {"rules": per_rule, "errors": misses}


def craft_of(script: Script, shots: list) -> dict:
    """What a director would notice: moves, peopled establishing wides, POVs, reactions."""
    cast = [cue_name(c.name) for c in script.characters]
    owed = peopled = looks = 0
    seen_places: set = set()
    for scene in script.scenes:
        place = (scene.location.strip().upper(), scene.interior)
        fresh = place not in seen_places
        seen_places.add(place)
        beats = read_beats(scene, cast)
        looks += sum(1 for b in beats if b.looker)
        opening = beats[0] if beats and beats[0].kind == "action" else None
        present = [n for n in (opening.characters if opening else []) if n in scene.characters]
        if fresh and present:
            owed += 1
            first = next((s for s in shots if s.scene == scene.index), None)
            peopled += bool(first and set(present) <= set(first.subjects))
    return {
        "moves": len({s.movement for s in shots}),
        "moving": round(sum(s.movement != "static" for s in shots) / max(1, len(shots)), 2),
        "peopled": f"{peopled}/{owed}",
        "povs": f"{sum(s.size == 'POV' for s in shots)}/{looks}",
        "reactions": sum("reacting" in s.description for s in shots),
    }


def score_breakdowns() -> list[dict]:
    """Break down every dataset script at several lengths; the checker should find nothing."""
    rows = []
    for path in sorted(DATASET.glob("*.script.json")):
        script = Script.model_validate_json(path.read_text())
        for length in LENGTHS:
            shots = break_down(script, length)
            rows.append({
                "script": path.name.removesuffix(".script.json"), "length_s": length,
                "shots": len(shots.shots),
                "shots_s": round(sum(s.duration_s for s in shots.shots), 1),
                "target_s": length - 6,
                "violations": [f"{v.rule} {v.shots}" for v in check_shots(shots, script)],
                **craft_of(script, shots.shots),
            })
    return rows


def main() -> None:
    rules = score_rules()
    breakdowns = score_breakdowns()
    if "--json" in sys.argv:
        print(json.dumps({"rules": rules, "breakdowns": breakdowns}, indent=2))
        return
    print(f"{'rule':<18}{'labels':>7}{'found':>7}{'recall':>8}{'precision':>11}")
    for rule, row in rules["rules"].items():
        fmt = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
        print(f"{rule:<18}{row['labels']:>7}{row['predicted']:>7}{fmt(row['recall']):>8}{fmt(row['precision']):>11}")
    for line in rules["errors"]:
        print("  ", line)
    print(f"\n{'script':<17}{'length':>7}{'shots':>6}{'shots_s':>9}{'target':>8}{'moves':>6}{'moving':>7}"
          f"{'peopled':>8}{'povs':>6}{'reacts':>7}  violations")
    for row in breakdowns:
        print(f"{row['script']:<17}{row['length_s']:>7}{row['shots']:>6}{row['shots_s']:>9}"
              f"{row['target_s']:>8}{row['moves']:>6}{row['moving']:>7.2f}{row['peopled']:>8}{row['povs']:>6}"
              f"{row['reactions']:>7}  {len(row['violations'])} {'; '.join(row['violations'])}")


if __name__ == "__main__":
    main()
