"""Eval of the art director's faithful take: how many explicit style words reach the bible.

Run on purpose, not in the test suite:  python evals/style_fidelity.py [--json] [--show]

Dataset (evals/datasets/style_fidelity/): tune.jsonl (tuned against) and
heldout.jsonl (never looked at while tuning). Each line is a `--style` text, a
brief whose story words pull the other way (a storm story under a sunlit
style), and the explicit style words a person wrote, each with what it should
become:

- colour: the palette (skin left out) holds a colour within 20° OKLCh hue of
  the named colour at real chroma (>= 0.05); names come from matplotlib's CSS4
  and XKCD colour tables, a kept source, never a hand table. Near-white or
  near-black names check lightness instead.
- medium: the bible's medium and its name say the word (accept list).
- lighting: the bible's lighting is one of the accepted SPEC lighting styles.
- tone: a look check on the palette (pastel, dark, bright, muted, saturated,
  neon, monochrome, warm, grain).
- time, era, stock, texture, reference: the words appear in the bible's name,
  description, texture or lens look, and the look check when one is given.

The score is the share of those words reflected in the first (faithful)
bible, per split and per kind.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import matplotlib.colors as mcolors  # noqa: E402

from graph.state import Brief, StyleBible  # noqa: E402
from tools.style.bible import propose_styles  # noqa: E402
from tools.style.harmony import hex_oklch, hue_distance, palette_warmth  # noqa: E402

DATASET = ROOT / "evals" / "datasets" / "style_fidelity"
HUE_TOLERANCE = 20.0
REAL_CHROMA = 0.05


def named_hex(name: str) -> str:
    """A colour name through matplotlib's CSS4 table, then XKCD's survey names."""
    key = name.lower().strip()
    css = {k.lower(): v for k, v in mcolors.CSS4_COLORS.items()}
    for candidate in (key.replace(" ", ""), key):
        if candidate in css:
            return css[candidate]
    xkcd = {k[len("xkcd:"):]: v for k, v in mcolors.XKCD_COLORS.items()}
    if key in xkcd:
        return xkcd[key]
    raise KeyError(f"colour {name!r} is in neither CSS4 nor XKCD")


def paint(bible: StyleBible) -> list[tuple[float, float, float]]:
    return [hex_oklch(c.hex) for c in bible.palette if c.role != "skin"]


def colour_reflected(bible: StyleBible, name: str) -> bool:
    lightness, chroma, hue = hex_oklch(named_hex(name))
    colours = paint(bible)
    if chroma < 0.04:  # white, black, grey: judge by lightness
        return any(abs(l - lightness) < 0.1 and c < 0.06 for l, c, _ in colours)
    return any(c >= REAL_CHROMA and hue_distance(h, hue) <= HUE_TOLERANCE for _, c, h in colours)


def look_holds(bible: StyleBible, look: str) -> bool:
    colours = paint(bible)
    lights = [l for l, _, _ in colours]
    chromas = [c for _, c, _ in colours]
    mean_l = sum(lights) / len(lights)
    bright = [hex_oklch(bible.color(r))[0] for r in ("key", "sky", "highlight")]
    checks = {
        "pastel": lambda: min(bright) >= 0.7 and max(hex_oklch(bible.color(r))[1] for r in ("key", "sky", "accent")) <= 0.13,
        "dark": lambda: mean_l <= 0.42,
        "bright": lambda: mean_l >= 0.62,
        "muted": lambda: max(chromas) <= 0.09,
        "saturated": lambda: max(chromas) >= 0.17,
        "neon": lambda: max(chromas) >= 0.17 and mean_l <= 0.5,
        "monochrome": lambda: max(chromas) <= 0.03,
        "warm": lambda: palette_warmth(bible.palette) > 0.3,
        "grain": lambda: bible.grain >= 0.25,
    }
    return checks[look]()


def word_reflected(bible: StyleBible, word: dict) -> bool:
    kind = word["kind"]
    said = " ".join((bible.name, bible.description, bible.texture, bible.lens_look)).lower()
    if kind == "colour":
        return colour_reflected(bible, word["w"])
    if kind == "medium":
        accept = [a.lower() for a in word["accept"]]
        ok = any(a in bible.medium.lower() for a in accept) and any(a in bible.name.lower() for a in accept)
    elif kind == "lighting":
        ok = bible.lighting in word["accept"]
    elif kind == "tone":
        ok = True
    else:
        ok = any(a.lower() in said for a in word["accept"])
    return ok and (look_holds(bible, word["look"]) if word.get("look") else True)


def load(split: str) -> list[dict]:
    return [json.loads(line) for line in (DATASET / f"{split}.jsonl").read_text().splitlines() if line.strip()]


def score(split: str, show: bool = False) -> dict:
    hits = total = 0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cases = []
    for case in load(split):
        bible = propose_styles(Brief(text=case["brief"], style_text=case["style"]), None, n=3)[0]
        results = [(w, word_reflected(bible, w)) for w in case["words"]]
        for w, ok in results:
            per_kind[w["kind"]][0] += ok
            per_kind[w["kind"]][1] += 1
        hits += sum(ok for _, ok in results)
        total += len(results)
        missed = [w["w"] for w, ok in results if not ok]
        cases.append({"style": case["style"], "bible": bible.name, "lighting": bible.lighting,
                      "medium": bible.medium, "share": sum(ok for _, ok in results) / len(results), "missed": missed})
        if show:
            print(f"  {case['style']!r} -> {bible.name!r} [{bible.medium}; {bible.lighting}] "
                  f"{[c.hex for c in bible.palette]} missed: {missed}")
    return {"split": split, "share": hits / total if total else 0.0, "words": total,
            "per_kind": {k: v[0] / v[1] for k, v in sorted(per_kind.items())}, "cases": cases}


def main() -> None:
    show = "--show" in sys.argv
    # --show prints the tune split only: the held-out cases are scored, never looked at while tuning.
    results = [score("tune", show), score("heldout")]
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
        return
    for r in results:
        kinds = ", ".join(f"{k} {v:.0%}" for k, v in r["per_kind"].items())
        print(f"{r['split']:8s} style words reflected: {r['share']:.0%} of {r['words']} ({kinds})")


if __name__ == "__main__":
    main()
