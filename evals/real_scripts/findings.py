"""Precision of the script doctor's findings on real screenplays, against hand labels.

Run on purpose, not in the test suite:

    python -m evals.real_scripts.findings [--verbose] [--unlabelled]

Scripts are read where they lie, never copied into the repository:
``../shared/screenplays/*.fountain`` (relative to the repository), ``/work/screenplays-extra``
and every folder in the ``FILMCREW_SCREENPLAYS`` environment variable (os.pathsep-separated);
absent folders are skipped. A Final Draft twin of a Fountain file is the same script and is skipped.

Each finding is matched to a hand label in ``labels/findings.jsonl`` by
(file, kind, scene, fingerprint); the fingerprint is the finding's cited line, its character and
the first words of its evidence, so a label survives rewording of the suggestion. A label is
``true_useful`` (a writer would act on it), ``true_trivial`` (correct, not worth a writer's time) or
``false`` (the evidence does not hold against the whole script). Precision is the true share.

The split follows each folder's SOURCES.md table (its `split` column: tune, held-out, fixture;
fixtures are format tests and are skipped); the shared samples are tune. Printing-Trouble is
held out in SOURCES.md but its false LASER PRINTER finding is described in issue 13 and it was
read while tuning, so it is counted as tune here. A script no table names is held out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.state import Finding, FindingKind  # noqa: E402

KINDS: tuple[str, ...] = FindingKind.__args__  # type: ignore[attr-defined]
LABELS = Path(__file__).parent / "labels" / "findings.jsonl"
SHARED_TUNE = frozenset({"Big-Fish.fountain", "Brick-and-Steel.fountain", "The-Last-Birthday-Card.fountain"})
READ_WHILE_TUNING = frozenset({"Printing-Trouble.fountain"})
VERDICTS = ("true_useful", "true_trivial", "false")
_SUFFIXES = (".fountain", ".spmd", ".txt")


def folders() -> list[Path]:
    found = [ROOT.parent / "shared" / "screenplays", Path("/work/screenplays-extra")]
    found += [Path(p) for p in os.environ.get("FILMCREW_SCREENPLAYS", "").split(os.pathsep) if p]
    return [f for f in found if f.is_dir()]


def scripts() -> list[Path]:
    """Every readable screenplay in the folders, one per name (the first folder wins)."""
    out: dict[str, Path] = {}
    for folder in folders():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in _SUFFIXES and path.name not in out and path.is_file():
                out[path.name] = path
    return sorted(out.values(), key=lambda p: p.name)


def splits() -> dict[str, str]:
    """File name -> 'tune', 'held_out' or 'fixture', from the SOURCES.md tables of the folders."""
    out = {name: "tune" for name in SHARED_TUNE}
    for folder in folders():
        sources = folder / "SOURCES.md"
        if not sources.is_file():
            continue
        for row in sources.read_text(encoding="utf-8").splitlines():
            cells = [c.strip().strip("*") for c in row.strip().strip("|").split("|")]
            if len(cells) > 2 and any(cells[0].endswith(x) for x in _SUFFIXES + (".fdx",)):
                split = cells[-1].lower().replace("-", "_")
                if split in ("tune", "held_out", "fixture"):
                    out.setdefault(cells[0], split)
    out.update({name: "tune" for name in READ_WHILE_TUNING})
    return out


def fingerprint(f: Finding) -> str:
    """What a finding is about, stable across rewording: its line, character and opening words."""
    opening = " ".join(re.findall(r"[a-z0-9']+", f.evidence.lower())[:3])
    return f"L{f.line or 0}|{f.character or ''}|{opening}"


def key(file: str, f: Finding) -> tuple[str, str, int, str]:
    return (file, f.kind, f.scene, fingerprint(f))


def load_labels(path: Path = LABELS) -> dict[tuple, dict]:
    labels = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                labels[(row["file"], row["kind"], row["scene"], row["fp"])] = row
    return labels


def run(split: str = "all", verbose: bool = False) -> dict:
    from tools.screenplay.analysis import analyze
    from tools.screenplay.fountain_io import load_script

    labels = load_labels()
    counts: dict[str, dict[str, dict[str, int]]] = {s: defaultdict(lambda: defaultdict(int))
                                                     for s in ("tune", "held_out")}
    per_script: dict[str, int] = {}
    unlabelled: list[dict] = []
    parts = splits()
    for path in scripts():
        part = parts.get(path.name, "held_out")
        if part == "fixture" or (split != "all" and part != split):
            continue
        report = analyze(load_script(path))
        per_script[path.name] = len(report.findings)
        for f in report.findings:
            k = key(path.name, f)
            row = labels.get(k)
            verdict = row["label"] if row else "unlabelled"
            counts[part][f.kind][verdict] += 1
            if row is None:
                unlabelled.append({"file": path.name, "kind": f.kind, "scene": f.scene, "fp": k[3],
                                   "line": f.line, "evidence": f.evidence})
            if verbose:
                print(f"{path.name} [{verdict}] {f.kind} scene {f.scene} line {f.line}: {f.evidence[:140]}")
    return {"counts": counts, "per_script": per_script, "unlabelled": unlabelled}


def precision(row: dict[str, int]) -> float | None:
    judged = sum(row[v] for v in VERDICTS)
    return (row["true_useful"] + row["true_trivial"]) / judged if judged else None


def recorded(engine: str = "before") -> dict[str, dict[str, dict[str, int]]]:
    """Counts from the label file's own rows for one engine ('before' = the doctor as issue 13 found it)."""
    parts = splits()
    counts: dict[str, dict[str, dict[str, int]]] = {s: defaultdict(lambda: defaultdict(int)) for s in ("tune", "held_out")}
    rows = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]
    for row in rows:
        if row.get("engine") == engine:
            counts[parts.get(row["file"], "held_out")][row["kind"]][row["label"]] += 1
    return counts


def _print_part(name: str, counts: dict[str, dict[str, int]]) -> None:
    print(f"\n{name}: {'kind':21} findings useful trivial false unlabelled precision")
    total: dict[str, int] = defaultdict(int)
    for kind in KINDS:
        row = counts.get(kind)
        if not row:
            continue
        for v, n in row.items():
            total[v] += n
        p = precision(row)
        print(f"{'':{len(name) + 2}}{kind:21} {sum(row.values()):8} {row['true_useful']:6} {row['true_trivial']:7} "
              f"{row['false']:5} {row['unlabelled']:10} {'-' if p is None else f'{p:.2f}':>9}")
    p = precision(total)
    print(f"{'':{len(name) + 2}}{'overall':21} {sum(total.values()):8} {total['true_useful']:6} "
          f"{total['true_trivial']:7} {total['false']:5} {total['unlabelled']:10} {'-' if p is None else f'{p:.2f}':>9}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("all", "tune", "held_out"), default="all")
    parser.add_argument("--verbose", action="store_true", help="print every finding with its label")
    parser.add_argument("--unlabelled", action="store_true", help="print unlabelled findings as label lines")
    parser.add_argument("--before", action="store_true",
                        help="print the recorded precision of the doctor before issue 13 (from the label rows)")
    args = parser.parse_args(argv)
    if args.before:
        for part, counts in recorded("before").items():
            if counts:
                _print_part(f"{part} (before)", counts)
        return 0
    if not scripts():
        print("no real screenplays found (../shared/screenplays, /work/screenplays-extra, FILMCREW_SCREENPLAYS)")
        return 0
    result = run(args.split, args.verbose)
    print("findings per script: " + ", ".join(f"{k} {v}" for k, v in result["per_script"].items()))
    for part in ("tune", "held_out"):
        if result["counts"][part]:
            _print_part(part, result["counts"][part])
    print(f"\nunlabelled findings: {len(result['unlabelled'])}")
    for row in result["unlabelled"]:
        if args.unlabelled:
            print(json.dumps({k: row[k] for k in ("file", "kind", "scene", "fp")} | {"label": "?", "note": ""}))
            print(f"    # line {row['line']}: {row['evidence'][:200]}")
        else:
            print(f"  {row['file']} {row['kind']} scene {row['scene']} line {row['line']}: {row['evidence'][:120]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
