"""Script doctor eval: recall and precision per finding kind on planted defects, and noise on clean scripts.

Run on purpose, not in the test suite:

    python -m evals.script_doctor [--dataset evals/datasets/script_doctor] [--verbose] [--all-checks]

`--all-checks` also runs the analyses the offline report leaves out (structure, voice, mood jumps) because
they failed the real-script precision bar (evals/real_scripts).

A planted defect counts as found when a finding of its kind lands on its scene.
Precision counts every finding of a kind across the labelled scripts; a finding
matches when a label of the same kind sits on the same file and scene.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.state import FindingKind  # noqa: E402
from tools.screenplay.analysis import analyze  # noqa: E402
from tools.screenplay.fountain_io import load_script  # noqa: E402

KINDS: tuple[str, ...] = FindingKind.__args__  # type: ignore[attr-defined]


def run(dataset: Path, verbose: bool = False, all_checks: bool = False) -> dict:
    labels = [json.loads(line) for line in (dataset / "labels.jsonl").read_text().splitlines() if line.strip()]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for label in labels:
        by_file[label["file"]].append(label)
    found = defaultdict(int)
    planted = defaultdict(int)
    predicted = defaultdict(int)
    correct = defaultdict(int)
    clean_noise = {"scripts": 0, "medium_high": 0, "low": 0, "over_limit": []}
    for file, file_labels in sorted(by_file.items()):
        report = analyze(load_script(dataset / file), unreliable=all_checks)
        wanted = {(lb["kind"], lb["scene"]) for lb in file_labels if lb["kind"]}
        if not wanted:
            clean_noise["scripts"] += 1
            serious = [f for f in report.findings if f.severity != "low"]
            clean_noise["medium_high"] += len(serious)
            clean_noise["low"] += len(report.findings) - len(serious)
            if len(serious) > 1:
                clean_noise["over_limit"].append(file)
        for kind, scene in wanted:
            planted[kind] += 1
            if any(f.kind == kind and f.scene == scene for f in report.findings):
                found[kind] += 1
        for f in report.findings:
            predicted[f.kind] += 1
            if (f.kind, f.scene) in wanted:
                correct[f.kind] += 1
        if verbose:
            print(f"{file}: wanted {sorted(wanted)}")
            for f in report.findings:
                print(f"    {f.severity:6} {f.kind:20} scene {f.scene}: {f.evidence[:100]}")
    rows = {}
    for kind in KINDS:
        recall = found[kind] / planted[kind] if planted[kind] else None
        precision = correct[kind] / predicted[kind] if predicted[kind] else None
        rows[kind] = {"planted": planted[kind], "found": found[kind], "recall": recall,
                      "predicted": predicted[kind], "precision": precision}
    total_planted = sum(planted.values())
    return {"kinds": rows, "recall": sum(found.values()) / total_planted if total_planted else None,
            "clean": clean_noise}


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=ROOT / "evals" / "datasets" / "script_doctor")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--all-checks", action="store_true", help="include the analyses the offline report leaves out")
    args = parser.parse_args(argv)
    result = run(args.dataset, args.verbose, args.all_checks)
    print(f"{'kind':22} planted found recall predicted precision")
    for kind, row in result["kinds"].items():
        print(f"{kind:22} {row['planted']:7} {row['found']:5} {_fmt(row['recall'])} {row['predicted']:9} "
              f"{_fmt(row['precision'])}")
    clean = result["clean"]
    print(f"overall recall (right kind, right scene): {_fmt(result['recall'])}")
    print(f"clean scripts: {clean['scripts']}, medium/high findings {clean['medium_high']}, low {clean['low']}, "
          f"over the one-serious-finding limit: {clean['over_limit'] or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
