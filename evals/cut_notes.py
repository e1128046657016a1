"""Eval of what the editor understands in a cut-gate note, offline.

Run on purpose, not in the test suite:  python evals/cut_notes.py [--json] [--show]

Dataset (evals/datasets/cut_notes/): dev.jsonl (tuned on) and heldout.jsonl (never
looked at while tuning), both written in one sitting before the reader was changed;
dev2.jsonl, fresh phrasings written after the first tuning to check it generalised.
Each line is a note and the decisions a person would expect: pace faster/slower,
music (a new bed), subtitles off/on, or unclear (nothing should change, and the
note should be reported as not understood).

Scores per split: exact (every decision right), precision (decisions taken that
were asked for), recall (decisions asked for that were taken) and unclear
reported (unclear notes that changed nothing and were said to be not understood).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.timeline import notes as cut_notes  # noqa: E402

DATASET = ROOT / "evals" / "datasets" / "cut_notes"


def decisions(note: str) -> tuple[dict, bool]:
    """What the reader decided for one note, and whether it said it understood it."""
    read = cut_notes.read_cut_note(note)
    said: dict = {}
    if read.pace < 1:
        said["pace"] = "faster"
    elif read.pace > 1:
        said["pace"] = "slower"
    if read.new_music:
        said["music"] = True
    asked = getattr(read, "subtitles_asked", "missing")
    if asked == "missing":  # the reader before this eval: only 'off' was a decision, 'on' a regex
        if not read.subtitles:
            said["subtitles"] = "off"
        elif re.search(getattr(cut_notes, "SUBTITLES", r"$^"), note.lower()):
            said["subtitles"] = "on"
    elif asked is not None:
        said["subtitles"] = asked
    return said, read.understood


def score(split: str, show: bool = False) -> dict:
    cases = [json.loads(line) for line in (DATASET / f"{split}.jsonl").read_text().splitlines() if line.strip()]
    exact = taken = right = wanted = unclear = unclear_ok = 0
    misses = []
    for case in cases:
        expected = {k: v for k, v in case.items() if k in ("pace", "music", "subtitles")}
        said, understood = decisions(case["note"])
        exact += said == expected
        taken += len(said)
        wanted += len(expected)
        right += sum(said.get(k) == v for k, v in expected.items())
        if case.get("unclear"):
            unclear += 1
            unclear_ok += not said and not understood
        if said != expected or (case.get("unclear") and understood):
            misses.append(f"{case['note']!r}: expected {expected or 'unclear'}, got {said or 'nothing'}"
                          f"{' (said understood)' if understood and not said else ''}")
    result = {"split": split, "cases": len(cases), "exact": round(exact / len(cases), 3),
              "precision": round(right / taken, 3) if taken else 1.0, "recall": round(right / wanted, 3) if wanted else 1.0,
              "unclear_reported": round(unclear_ok / unclear, 3) if unclear else 1.0}
    if show:
        result["misses"] = misses
    return result


def main() -> None:
    show = "--show" in sys.argv
    # The held-out split's misses are never printed: looking at them would be tuning on them.
    rows = [score("dev", show=show), score("dev2", show=show), score("heldout")]
    if "--json" in sys.argv:
        print(json.dumps(rows, indent=2))
        return
    for row in rows:
        print(f"{row['split']:<8} n={row['cases']:<3} exact {row['exact']:.2f}  precision {row['precision']:.2f}  "
              f"recall {row['recall']:.2f}  unclear reported {row['unclear_reported']:.2f}")
        for miss in row.get("misses", []):
            print("   ", miss)


if __name__ == "__main__":
    main()
