"""Eval: does the planned cut of an imported script honour --length?

Run on purpose, not in the test suite:  python evals/length_fit.py [--baseline] [--json]

For every screenplay found and every target (30, 60, 120 s) it plans the cut the
cinematographer would plan and scores:
  planned   title/end cards + the shots' seconds
  in_band   |planned - target| <= 15 % of target
  story     the opening and the last scene are both in the cut
Dev set (tuned on): Brick-and-Steel, The-Last-Birthday-Card (../shared/screenplays) and
three generated scripts. Held out (never looked at while tuning): Big-Fish, every
screenplay in /work/screenplays-extra and in FILMCREW_SCREENPLAYS folders.
--baseline plans with the bare breakdown (what main did before the fitter).
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.state import CharacterNote, Scene, Script, ScriptElement  # noqa: E402
from tools.shots.grammar import CARDS_S  # noqa: E402

TARGETS = (30, 60, 120)
SHARED = ROOT.parent / "shared" / "screenplays"
EXTRA = Path("/work/screenplays-extra")
DEV_NAMES = {"Brick-and-Steel", "The-Last-Birthday-Card"}


def generated(seed: int, scenes: int) -> Script:
    """A long script of varied scenes: two to four speakers, speeches of one to six sentences."""
    rng = random.Random(seed)
    names = ["ADA", "BRUNO", "CLEO", "DMITRI", "ESME"]
    places = ["KITCHEN", "ROOFTOP", "TRAIN STATION", "OFFICE", "BEACH", "GARAGE", "HOSPITAL CORRIDOR"]
    out = []
    for i in range(1, scenes + 1):
        who = rng.sample(names, rng.randint(1, 3))
        place = rng.choice(places)
        inside = rng.random() < 0.6
        els = [ScriptElement(kind="action", text=f"{who[0].title()} crosses the {place.lower()} and stops. "
                                                  "The light is low. Something has changed.")]
        for k in range(rng.randint(0, 9)):
            speech = " ".join(rng.choice(["I never asked for this.", "You knew the train was late.",
                                          "Tell me where the key is.", "We cannot stay here tonight.",
                                          "She said the money was gone.", "Look at me when I talk to you."])
                              for _ in range(rng.randint(1, 6)))
            els.append(ScriptElement(kind="dialogue", character=who[k % len(who)], text=speech))
        out.append(Scene(index=i, heading=f"{'INT' if inside else 'EXT'}. {place} - DAY", location=place,
                         interior=inside, elements=els, characters=who))
    cast = list(dict.fromkeys(n for s in out for n in s.characters))
    return Script(title=f"Generated {seed}", source="text", fountain="", scenes=out,
                  characters=[CharacterNote(name=n) for n in cast])


def corpus() -> list[tuple[str, bool, Script]]:
    from tools.screenplay.fountain_io import load_script

    found: list[tuple[str, bool, Script]] = [(f"generated-{s}", False, generated(s, n))
                                            for s, n in ((1, 34), (2, 60), (3, 12))]
    folders = [SHARED, EXTRA] + [Path(p) for p in os.environ.get("FILMCREW_SCREENPLAYS", "").split(os.pathsep) if p]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.fountain")):
            try:
                script = load_script(path)
            except Exception:  # an unreadable file is not this eval's subject
                continue
            found.append((path.stem, path.stem not in DEV_NAMES or folder != SHARED, script))
    return found


def plan(script: Script, target: float, baseline: bool) -> tuple[float, bool, int]:
    """(planned film seconds, opening and ending kept, scenes left out)."""
    if baseline:
        from tools.shots.breakdown import break_down

        shots = break_down(script, target).shots
        kept = {s.scene for s in shots}
        return sum(s.duration_s for s in shots) + CARDS_S, {1, len(script.scenes)} <= kept, 0
    from tools.screenplay.analysis import analyze
    from tools.shots.fit import plan_cut

    cut = plan_cut(script, target, report=analyze(script))  # the doctor's report, as the graph has it
    kept = {s.scene for s in cut.shotlist.shots}
    return cut.planned_s, {1, len(script.scenes)} <= kept, len(cut.omitted)


def main() -> None:
    baseline = "--baseline" in sys.argv
    rows = []
    for name, held_out, script in corpus():
        for target in TARGETS:
            planned, story, left_out = plan(script, target, baseline)
            rows.append({"script": name, "held_out": held_out, "scenes": len(script.scenes), "target": target,
                         "planned": round(planned, 1), "in_band": abs(planned - target) <= 0.15 * target,
                         "story": story, "left_out": left_out})
    summary = {}
    for part in ("dev", "held_out"):
        chosen = [r for r in rows if r["held_out"] == (part == "held_out")]
        if chosen:
            summary[part] = {"cases": len(chosen), "in_band": sum(r["in_band"] for r in chosen) / len(chosen),
                             "story": sum(r["story"] for r in chosen) / len(chosen)}
    if "--json" in sys.argv:
        print(json.dumps({"rows": rows, "summary": summary}, indent=2))
        return
    for r in rows:
        print(f"{r['script']:28} {'held' if r['held_out'] else 'dev '} {r['scenes']:4d} scenes  "
              f"target {r['target']:4d}  planned {r['planned']:7.1f}  {'ok ' if r['in_band'] else 'OUT'}  "
              f"story {'yes' if r['story'] else 'no '}  left out {r['left_out']}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
