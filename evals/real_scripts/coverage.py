"""Coverage eval on real screenplays nobody on the team wrote (issue 13, items 2 and 3).

Run on purpose, not in the test suite:
    python evals/real_scripts/coverage.py [--json] [--split tune|held-out|all] [--sample]

Scripts: ../shared/screenplays/*.fountain, /work/screenplays-extra (split per its
SOURCES.md: a line naming a file and the word 'tune' puts it in tune, everything
else there is held out) and every folder in FILMCREW_SCREENPLAYS (held out).
Big-Fish is cut in two: scenes 1-95 tune, 96-190 held out, so the shared feature
also has a part nobody tunes on. Absent folders are skipped.

Each script is broken down at its own page-a-minute length (55 printed lines a
minute), then measured:
 (a) action-only scenes covered in proportion: screen time within 0.5x-2x of the
     scene's page time, at least one shot per action paragraph (beat), at least
     two shots for a scene over 8 s;
 (b) explicit camera directions honoured: each direction found in the text (or a
     forced shot heading) and the shot it should shape, against a hand-written
     expectation of size / angle / move (DIRECTIONS below);
 (c) subjects really in the scene: hand labels in labels/coverage_subjects.json (and an
     automatic full-name check over every subject, reported beside it);
 (d) inserts on physical objects: hand labels in labels/coverage_inserts.json;
 (e) dialogue split mid-sentence, parentheticals in Shot.dialogue, self-listener
     descriptions, POVs owned by characters absent from the scene.
`--sample` prints the unlabelled subjects and inserts of a deterministic sample,
to label by hand (labels name scenes and words only; no script text is stored).
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.state import Script, Shot, ShotList  # noqa: E402
from tools.screenplay.fountain_io import load_script  # noqa: E402
from tools.shots.breakdown import break_down  # noqa: E402
from tools.shots.grammar import CARDS_S, dialogue_lines  # noqa: E402
from tools.shots.rules import check_shots  # noqa: E402

LABELS = Path(__file__).resolve().parent / "labels"
SHARED = next((p for p in (ROOT.parent / "shared" / "screenplays", Path("/work/shared/screenplays"))
               if p.is_dir()), ROOT.parent / "shared" / "screenplays")
EXTRA = Path("/work/screenplays-extra")
SPLIT_SCENE = {"Big-Fish": 95}  # scenes after this index are held out
LINES_PER_MINUTE = 55
SAMPLE = 20

# ---------------------------------------------------------------- the writing's own page time


def _wrapped(text: str, width: int) -> int:
    return sum(max(1, math.ceil(len(line.strip()) / width)) for line in text.split("\n") if line.strip()) or 1


def page_seconds(scene) -> float:
    """Screen time by the page-a-minute rule: printed lines (action 60 wide, dialogue 35) / 55 a minute."""
    lines = 2  # heading and the blank after it
    for el in scene.elements:
        if el.kind == "action":
            lines += _wrapped(el.text, 60) + 1
        elif el.kind == "dialogue":
            lines += 1 + _wrapped(el.text, 35) + (1 if el.parenthetical else 0) + 1
        else:
            lines += 2
    return lines * 60.0 / LINES_PER_MINUTE


def action_page_seconds(scene) -> float:
    lines = 2 + sum(_wrapped(el.text, 60) + 1 for el in scene.elements if el.kind == "action")
    return lines * 60.0 / LINES_PER_MINUTE


# ---------------------------------------------------------------- camera directions

ANY_MOVE_OK = None
# (name, pattern, test(shot) -> bool). The expectation is what a camera operator
# would do reading the direction; a direction whose shot was dropped is not honoured.
DIRECTIONS: list[tuple[str, re.Pattern, object]] = [
    ("CLOSE ON", re.compile(r"\b(?:EXTREME )?CLOSE(?:[- ]UP)?(?: ON)?\b(?! TO)|\bCLOSEUP\b|\bECU\b"),
     lambda s: s.size in ("CU", "ECU", "INSERT", "MCU")),
    ("ANGLE ON", re.compile(r"\bANGLE ON\b|\bNEW ANGLE\b|\bREVERSE ANGLE\b"),
     lambda s: s.size not in ("EWS", "WS")),
    ("INSERT", re.compile(r"(?:^|\n)\s*INSERT\b|\bINSERT:"), lambda s: s.size in ("INSERT", "ECU", "CU")),
    ("POV", re.compile(r"\bPOV\b|\bPOINT OF VIEW\b|\bP\.O\.V\."), lambda s: s.size == "POV"),
    ("WIDE ON", re.compile(r"\bWIDE (?:ON|SHOT|ANGLE)\b|(?:^|\n)\s*WIDE\b"), lambda s: s.size in ("WS", "EWS")),
    ("OTS", re.compile(r"\bOVER THE SHOULDER\b|\bOVER-THE-SHOULDER\b|\bOTS\b"), lambda s: s.size == "OTS"),
    ("PUSH IN", re.compile(r"\bPUSH(?:ES|ING)? (?:IN|CLOSER)\b|\bDOLLY IN\b|\bMOVE IN\b|\b(?:CAMERA|WE) MOVES? IN\b"),
     lambda s: s.movement in ("dolly_in", "zoom_in")),
    ("PULL BACK", re.compile(r"\bPULL(?:S|ING)? (?:BACK|OUT|AWAY)\b|\bDOLLY (?:BACK|OUT)\b"),
     lambda s: s.movement in ("dolly_out", "zoom_out", "crane_up")),
    ("TILT UP", re.compile(r"\bTILT(?:S|ING)? UP\b"), lambda s: s.movement in ("tilt_up", "pedestal_up", "crane_up")),
    ("TILT DOWN", re.compile(r"\bTILT(?:S|ING)? DOWN\b"),
     lambda s: s.movement in ("tilt_down", "pedestal_down", "crane_down")),
    ("PAN", re.compile(r"\bPAN(?:S|NING)?\b(?! UP| DOWN)"), lambda s: s.movement in ("pan_left", "pan_right")),
    ("TRACKING", re.compile(r"\bTRACK(?:ING|S)?\b(?: SHOT| WITH| ALONG)?"),
     lambda s: s.movement in ("truck_left", "truck_right", "dolly_in", "dolly_out", "handheld")),
    ("AERIAL", re.compile(r"\bAERIAL\b|\bBIRD'?S[- ]EYE\b"), lambda s: s.angle == "birds_eye" and s.size in ("EWS", "WS")),
    ("WE SEE", re.compile(r"(?:^|[.!?:]\s+)(?:WE SEE|We see|we see)\b"), lambda s: True),
    ("INTERCUT", re.compile(r"\bINTERCUT\b"), lambda s: True),
    ("SERIES OF SHOTS", re.compile(r"\bSERIES OF SHOTS\b|\bVARIOUS SHOTS\b|\bSINGLE SHOTS\b|\bMONTAGE\b"),
     "series"),
]


def _norm_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _windows(text: str, n: int = 4) -> set[str]:
    w = _norm_words(text)
    return {" ".join(w[i:i + n]) for i in range(max(1, len(w) - n + 1))} if w else set()


def _linked(shots: list[Shot], paragraph: str) -> list[Shot]:
    """Shots whose description or reason quotes the paragraph the direction sits in."""
    wins = _windows(paragraph)
    found = []
    for shot in shots:
        text = " ".join(_norm_words(shot.description + " " + shot.movement_reason))
        if any(w in text for w in wins):
            found.append(shot)
    return found


def directions_in(script: Script) -> list[dict]:
    """Every explicit camera direction: scene, name, where (paragraph text or heading)."""
    found = []
    for scene in script.scenes:
        heading = scene.heading.lstrip(".")
        for name, pattern, _ in DIRECTIONS:
            if not re.match(r"(?:INT|EXT|I/E|EST)\b", heading.upper()) and pattern.search(heading):
                found.append({"scene": scene.index, "name": name, "heading": True, "text": heading})
        actions = [el for el in scene.elements if el.kind in ("action", "transition")]
        for k, el in enumerate(actions):
            for name, pattern, _ in DIRECTIONS:
                if pattern.search(el.text):
                    later = sum(1 for a in actions[k + 1:] if a.kind == "action")
                    found.append({"scene": scene.index, "name": name, "heading": False, "text": el.text,
                                  "paragraphs_after": later, "transition": el.kind == "transition"})
    return found


def honoured(direction: dict, shots: list[Shot]) -> bool:
    test = next(t for n, _, t in DIRECTIONS if n == direction["name"])
    scene_shots = [s for s in shots if s.scene == direction["scene"]]
    if not scene_shots:
        return False
    if test == "series":
        return len(scene_shots) >= min(6, 1 + direction.get("paragraphs_after", 0))
    if direction["heading"]:
        return test(scene_shots[0])
    if direction.get("transition"):
        return True  # INTERCUT WITH: as a transition: the scenes are covered, the editor cuts between them
    linked = _linked(scene_shots, direction["text"])
    return any(test(s) for s in linked)


# ---------------------------------------------------------------- who is in a scene (eval side)


def _present_names(scene) -> str:
    text = " ".join(el.text for el in scene.elements if el.kind == "action") + " " + scene.heading
    cues = {el.character for el in scene.elements if el.kind == "dialogue" and el.character}
    return text.upper(), cues


def auto_present(name: str, scene) -> bool:
    """Full name as a whole phrase in the scene's action or heading, or the speaker of a line."""
    text, cues = _present_names(scene)
    if name in cues:
        return True
    return re.search(r"(?<![A-Z'])" + re.escape(name.upper()) + r"(?![A-Z])", text) is not None


# ---------------------------------------------------------------- scripts


def _split_of(path: Path) -> str:
    sources = EXTRA / "SOURCES.md"
    if path.parent == EXTRA and sources.is_file():
        for line in sources.read_text(errors="replace").splitlines():
            if path.name in line or path.stem in line:
                return "tune" if re.search(r"\btune\b", line, re.I) and not re.search(r"held", line, re.I) \
                    else "held-out"
    return "tune" if path.parent == SHARED else "held-out"


def script_paths() -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    folders = [SHARED, EXTRA] + [Path(p) for p in os.environ.get("FILMCREW_SCREENPLAYS", "").split(os.pathsep) if p]
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir() or folder.resolve() in seen:
            continue  # a folder named twice (EXTRA and FILMCREW_SCREENPLAYS) is read once, not counted twice
        seen.add(folder.resolve())
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".fountain", ".spmd", ".txt") and path.name.upper() not in ("README.TXT",):
                if path.name.startswith(("SOURCES", "README")):
                    continue
                found.append((path, _split_of(path)))
    return found


def _in_split(name: str, scene: int, split: str) -> str:
    cut = SPLIT_SCENE.get(name)
    if cut is not None:
        return "tune" if scene <= cut else "held-out"
    return split


def _load_labels(name: str) -> dict:
    path = LABELS / name
    if not path.is_file():
        return {}
    return {tuple(k.split("|")): v for k, v in json.loads(path.read_text()).items()}


def measure(path: Path, split: str) -> dict:
    try:
        script = load_script(path)
    except Exception as exc:  # a script the parser refuses is reported, not fatal
        return {"script": path.stem, "error": str(exc)}
    natural = sum(page_seconds(s) for s in script.scenes)
    started = time.process_time()
    shots = break_down(script, natural + CARDS_S).shots
    elapsed = time.process_time() - started
    by_scene: dict[int, list[Shot]] = {}
    for shot in shots:
        by_scene.setdefault(shot.scene, []).append(shot)
    rows: dict[str, dict] = {}

    def row(scene_index: int) -> dict:
        part = _in_split(path.stem, scene_index, split)
        return rows.setdefault(part, {k: 0 for k in (
            "action_scenes", "action_in_proportion", "action_page_s", "action_shot_s",
            "directions", "directions_honoured", "subjects", "subjects_auto_present",
            "mid_sentence_splits", "dialogue_chunks", "parentheticals_in_dialogue",
            "self_listeners", "povs", "povs_absent", "inserts", "half_action_page_s", "half_action_shot_s")} | {"missed_directions": [], "not_in_proportion": []})

    scenes = {s.index: s for s in script.scenes}
    for scene in script.scenes:
        r = row(scene.index)
        got = by_scene.get(scene.index, [])
        if not any(el.kind == "dialogue" for el in scene.elements) and any(el.kind == "action" for el in scene.elements):
            expected = page_seconds(scene)
            actual = sum(s.duration_s for s in got)
            beats = sum(1 for el in scene.elements if el.kind == "action")
            ok = (0.5 * expected <= actual <= max(2 * expected, 3.0) and len(got) >= beats
                  and (expected <= 8 or len(got) >= 2))
            r["action_scenes"] += 1
            r["action_in_proportion"] += ok
            r["action_page_s"] += expected
            r["action_shot_s"] += actual
            if not ok:
                r["not_in_proportion"].append(f"{scene.index}: {len(got)} shots {actual:.1f}s "
                                              f"for {beats} beats {expected:.1f}s")
        full_lines = [" ".join(el.text.split()) for el in scene.elements if el.kind == "dialogue"]
        for shot in got:
            for who in shot.subjects:
                if shot.size == "INSERT" or who in shot.props:
                    continue
                r["subjects"] += 1
                r["subjects_auto_present"] += auto_present(who, scene)
            if shot.size == "INSERT":
                r["inserts"] += 1
            for _, chunk in dialogue_lines(shot.dialogue):
                r["dialogue_chunks"] += 1
                if re.search(r"\([^)]*\)", chunk):
                    r["parentheticals_in_dialogue"] += 1
                whole = next((t for t in full_lines if chunk and chunk in t), None)
                if whole is not None and chunk != whole:
                    at = whole.find(chunk)
                    starts = at == 0 or re.search(r"[.!?…]['\")]*\s*$|--\s*$", whole[:at])
                    ends = at + len(chunk) == len(whole) or re.search(r"[.!?…]['\")]*$|--$", chunk)
                    r["mid_sentence_splits"] += not (starts and ends)
            m = re.search(r"of ([A-Z][A-Z0-9 .'\-]*?),.*listening (?:as|to) \1\b", shot.description)
            if m:
                r["self_listeners"] += 1
            if shot.size == "POV":
                r["povs"] += 1
                owner = re.match(r"Point of view of ([A-Z][A-Z0-9 .'\-]*?)[:,]", shot.description)
                if owner and not auto_present(owner.group(1), scene):
                    r["povs_absent"] += 1
    for d in directions_in(script):
        r = row(d["scene"])
        r["directions"] += 1
        if honoured(d, shots):
            r["directions_honoured"] += 1
        else:
            r["missed_directions"].append(f"{d['scene']} {d['name']}: {d['text'][:60]!r}")
    # A cut-down (half the page time) must still give action-only scenes their share.
    half = break_down(script, natural / 2 + CARDS_S).shots
    for scene in script.scenes:
        if not any(el.kind == "dialogue" for el in scene.elements) and any(el.kind == "action" for el in scene.elements):
            r = row(scene.index)
            r["half_action_page_s"] += page_seconds(scene) / 2
            r["half_action_shot_s"] += sum(s.duration_s for s in half if s.scene == scene.index)
    rule_errors = [v.rule for v in check_shots(ShotList(shots=shots), script)]
    return {"script": path.stem, "split": split, "scenes": len(script.scenes), "shots": len(shots),
            "natural_s": round(natural, 1), "cpu_s": round(elapsed, 2), "rule_violations": len(rule_errors),
            "rows": rows, "shot_list": shots, "scene_map": scenes}


def _sample(results: list[dict], kind: str, part: str) -> list[tuple]:
    """A deterministic sample of (script, scene, word) pairs of one kind from one part."""
    pool = []
    for res in results:
        if "error" in res:
            continue
        for shot in res["shot_list"]:
            if _in_split(res["script"], shot.scene, res["split"]) != part:
                continue
            if kind == "inserts" and shot.size == "INSERT":
                pool.extend((res["script"], str(shot.scene), p) for p in shot.subjects)
            elif kind == "subjects" and shot.size != "INSERT":
                pool.extend((res["script"], str(shot.scene), p) for p in shot.subjects if p not in shot.props)
    pool = sorted(set(pool))
    random.Random(13).shuffle(pool)
    return pool[:SAMPLE]


def _labelled_share(sample: list[tuple], labels: dict) -> tuple[int, int, list[tuple]]:
    known = [labels[k] for k in sample if k in labels]
    return sum(bool(v) for v in known), len(known), [k for k in sample if k not in labels]


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    want = argv[argv.index("--split") + 1] if "--split" in argv else "all"
    results = [measure(p, s) for p, s in script_paths()]
    totals: dict[str, dict] = {}
    for res in results:
        for part, r in res.get("rows", {}).items():
            t = totals.setdefault(part, {})
            for k, v in r.items():
                t[k] = t.get(k, [] if isinstance(v, list) else 0) + (
                    [f"{res['script']} {x}" for x in v] if isinstance(v, list) else v)
    report = {"scripts": [{k: v for k, v in r.items() if k not in ("shot_list", "scene_map", "rows")}
                          for r in results], "parts": {}}
    for kind, part in [(k, p) for k in ("subjects", "inserts") for p in ("tune", "held-out")
                       if want in ("all", p)]:
        labels = _load_labels(f"coverage_{kind}.json")
        sample = _sample(results, kind, part)
        good, known, unlabelled = _labelled_share(sample, labels)
        report[f"{kind}_hand_{part}"] = {"true": good, "labelled": known, "sample": len(sample),
                                         "share": round(good / known, 3) if known else None}
        if "--sample" in argv and (part == "tune" or "--details" in argv):
            for key in unlabelled:
                res = next(r for r in results if r["script"] == key[0])
                scene = res["scene_map"][int(key[1])]
                cues = sorted({el.character for el in scene.elements if el.kind == "dialogue"})
                hit = next((el.text for el in scene.elements if el.kind == "action" and key[2].split()[-1].lower()
                            in el.text.lower()), "")
                print(json.dumps({"kind": kind, "key": "|".join(key), "cues": cues,
                                  "context": " ".join(hit.split())[:200]}), file=sys.stderr)
    for part, t in totals.items():
        if want != "all" and part != want:
            continue
        share = lambda a, b: round(t[a] / t[b], 3) if t[b] else None  # noqa: E731
        report["parts"][part] = {
            "a_action_in_proportion": share("action_in_proportion", "action_scenes"),
            "a_action_scenes": t["action_scenes"],
            "a_action_time_ratio": round(t["action_shot_s"] / t["action_page_s"], 3) if t["action_page_s"] else None,
            "a_half_length_action_time_ratio": round(t["half_action_shot_s"] / t["half_action_page_s"], 3)
            if t["half_action_page_s"] else None,
            "b_directions_honoured": share("directions_honoured", "directions"),
            "b_directions": t["directions"],
            "c_subjects_auto_present": share("subjects_auto_present", "subjects"),
            "e_mid_sentence_splits": t["mid_sentence_splits"], "e_dialogue_chunks": t["dialogue_chunks"],
            "e_parentheticals_in_dialogue": t["parentheticals_in_dialogue"],
            "e_self_listeners": t["self_listeners"], "e_povs_absent": t["povs_absent"], "e_povs": t["povs"],
            "inserts": t["inserts"],
            "missed_directions": t["missed_directions"][:40],
            "not_in_proportion_examples": t["not_in_proportion"][:15],
        }
    if as_json:
        print(json.dumps(report, indent=2))
        return 0
    for s in report["scripts"]:
        print(s)
    for key in [k for k in report if k.endswith(("_tune", "_held-out"))]:
        print(key, report[key])
    for part, p in report["parts"].items():
        print(f"\n== {part}")
        for k, v in p.items():
            if isinstance(v, list):
                if part != "tune" and "--details" not in argv:
                    continue  # held-out failures stay unread while tuning
                print(f"  {k}:")
                for x in v:
                    print(f"    {x}")
            else:
                print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
