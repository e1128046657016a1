"""Eval: does the cast read a character's look from the script, and only their own words?

    python -m evals.cast_from_script [-v]

Cases (evals/datasets/cast_from_script/cases.jsonl) were written in one sitting before the
extractor was changed: introductions in varied phrasing with distractors ("a large dining table",
another person's beard in the same sentence), plus hand-labelled characters of the public
screenplays in ../shared/screenplays (or FILMCREW_SCREENPLAYS), skipped when absent. Every third
case is held out: -v prints per-case misses for the tuning part only.

Each profile is read back into canonical labels per attribute (age group, hair colour / length /
style, facial hair, wardrobe pieces and colours, accessories, build); an attribute a case does not
list is expected empty, so any label there is a false positive (precision over recall).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

from lemminflect import getLemma

from graph.state import CharacterProfile
from memory.look import age_group
from tools.cast.extract import extract_cast
from tools.screenplay.fountain_io import load_script, parse_fountain

CASES = Path(__file__).parent / "datasets" / "cast_from_script" / "cases.jsonl"
ATTRIBUTES = ("age", "hair_colour", "hair_length", "hair_style", "facial_hair", "wardrobe", "wardrobe_colours",
              "accessories", "build")
# Scoring labels: what a costume department would write on the sheet, each with the words that mean it.
HAIR_COLOURS = {"blonde": ("blonde", "blond", "platinum", "fair", "golden", "flaxen"), "dark": ("dark",),
                "black": ("black", "jet-black", "raven"), "brown": ("brown", "brunette", "chestnut"),
                "red": ("red", "ginger", "copper"), "auburn": ("auburn",), "grey": ("grey", "gray", "silver"),
                "white": ("white", "snow-white"), "pink": ("pink",), "blue": ("blue",), "green": ("green",),
                "purple": ("purple",)}
HAIR_LENGTHS = {"long": ("long", "flowing"), "short": ("short", "cropped", "buzzcut", "crew"),
                "bald": ("bald", "balding", "shaved", "shaven")}
HAIR_STYLES = {"curly": ("curly", "curls"), "bun": ("bun",), "ponytail": ("ponytail",),
               "braids": ("braid", "braids", "plaits", "braided"), "dreadlocks": ("dreadlocks",)}
FACIAL_HAIR = {"beard": ("beard", "bearded"), "moustache": ("moustache", "mustache", "moustached", "mustached"),
               "stubble": ("stubble", "stubbled", "unshaven")}
ACCESSORIES = {"hat": ("hat", "cap", "beanie", "fedora", "beret", "bowler", "toque", "sou'wester"),
               "glasses": ("glasses", "spectacles", "sunglasses", "eyeglasses", "bespectacled"),
               "headphones": ("headphones", "earphones", "headset"), "scarf": ("scarf", "headscarf", "muffler")}
GARMENTS = ("coat", "jacket", "raincoat", "overcoat", "parka", "anorak", "dress", "skirt", "shirt", "t-shirt",
            "blouse", "sweater", "jumper", "cardigan", "hoodie", "vest", "suit", "blazer", "uniform", "overalls",
            "apron", "jeans", "trousers", "pants", "shorts", "boots", "wellingtons", "gloves", "scrubs", "tie",
            "pyjamas", "pajamas", "robe", "gown", "tunic", "sandals", "sneakers", "trainers", "mittens")
COLOURS = ("black", "white", "grey", "gray", "red", "blue", "green", "yellow", "pink", "purple", "orange", "brown",
           "navy", "beige", "silver", "gold", "teal", "maroon")
BUILDS = {"tall": ("tall", "lanky", "gangly", "towering"), "short": ("short", "small", "petite", "tiny", "little"),
          "slim": ("slim", "thin", "slight", "skinny", "lanky", "wiry", "frail", "gaunt", "spindly"),
          "heavy": ("heavy", "heavyset", "stocky", "burly", "stout", "large", "big", "broad", "broad-shouldered",
                    "muscular", "chubby", "plump", "fat", "huge", "massive", "giant", "hulking", "bigger"),
          "stooped": ("stooped", "hunched", "bent")}


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'\-]*", text or "")]


def _labels(text: str, table: dict[str, tuple[str, ...]]) -> set[str]:
    words = set(_tokens(text))
    return {label for label, keys in table.items() if words & set(keys)}


def _lemma(word: str) -> str:
    return (getLemma(word, upos="NOUN") or (word,))[0].lower()


def read_back(profile: CharacterProfile) -> dict[str, set[str]]:
    """What a profile says, in the eval's labels."""
    extra = " ".join(getattr(profile, "accessories", None) or [])
    wardrobe_words = [w for w in _tokens(profile.wardrobe) if w not in {k for v in ACCESSORIES.values() for k in v}]
    hair = profile.hair
    return {
        "age": {age_group(profile.age)} - {""},
        "hair_colour": _labels(hair, HAIR_COLOURS),
        "hair_length": _labels(hair, HAIR_LENGTHS),
        "hair_style": _labels(hair, HAIR_STYLES),
        "facial_hair": _labels(f"{profile.face} {hair}", FACIAL_HAIR),
        "wardrobe": {_lemma(w) if w not in ("jeans", "pants", "trousers", "shorts", "scrubs", "overalls", "pyjamas",
                                            "pajamas", "wellingtons", "gloves", "boots", "sneakers", "sandals",
                                            "trainers", "mittens") else w for w in wardrobe_words}
                    & {_lemma(g) if not g.endswith("s") or g in ("dress",) else g for g in GARMENTS} | (
                        {"shirt"} & set(wardrobe_words)),
        "wardrobe_colours": {("grey" if w == "gray" else w) for w in _tokens(f"{profile.wardrobe} {extra}")} & set(COLOURS),
        "accessories": _labels(f"{profile.wardrobe} {profile.face} {' '.join(profile.props)} {extra}", ACCESSORIES),
        "build": _labels(profile.build, BUILDS),
    }


def _screenplay_dirs() -> list[Path]:
    dirs = [Path(__file__).resolve().parents[1].parent / "shared" / "screenplays", Path("../shared/screenplays")]
    dirs += [Path(p) for p in os.environ.get("FILMCREW_SCREENPLAYS", "").split(os.pathsep) if p]
    return [d for d in dirs if d.is_dir()]


def _script_for(case: dict, cache: dict):
    if "file" not in case:
        return parse_fountain("INT. SOMEWHERE - DAY\n\n" + case["text"] + "\n")
    if case["file"] not in cache:
        path = next((d / case["file"] for d in _screenplay_dirs() if (d / case["file"]).is_file()), None)
        cache[case["file"]] = extract_cast(load_script(path), None) if path else None
    return cache[case["file"]]


def _profile(cast: list[CharacterProfile], name: str) -> CharacterProfile | None:
    exact = [p for p in cast if p.name == name]
    if exact:
        return exact[0]
    # The eval names a person as the script does; a profile may carry a longer name ("BEAUTIFUL YOUNG WOMAN").
    return next((p for p in cast if p.name.endswith(" " + name) or name in p.aliases), None)


def run(verbose: bool = False) -> dict[str, dict[str, dict[str, float]]]:
    cases = [json.loads(line) for line in CASES.read_text().splitlines() if line.strip()]
    counts = {split: {a: [0, 0, 0] for a in ATTRIBUTES} for split in ("tune", "held")}  # tp, predicted, expected
    cache: dict = {}
    skipped = []
    for index, case in enumerate(cases):
        split = "held" if index % 3 == 2 else "tune"
        loaded = _script_for(case, cache)
        if loaded is None:
            skipped.append(case["id"])
            continue
        cast = loaded if isinstance(loaded, list) else extract_cast(loaded, None)
        profile = _profile(cast, case["name"])
        got = read_back(profile) if profile else {a: set() for a in ATTRIBUTES}
        for attr in ATTRIBUTES:
            if attr in case.get("skip", []):
                continue
            want = set(case["expect"].get(attr, []))
            have = got[attr]
            c = counts[split][attr]
            c[0] += len(want & have)
            c[1] += len(have)
            c[2] += len(want)
            if verbose and split == "tune" and want != have:
                print(f"  {case['id']:<16} {attr:<17} want {sorted(want)} got {sorted(have)}"
                      + ("" if profile else "  (no profile)"))
    if skipped:
        print(f"skipped (screenplay absent): {', '.join(skipped)}")
    scores: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
    for split, table in counts.items():
        total = [0, 0, 0]
        for attr, (tp, pred, exp) in table.items():
            scores[split][attr] = {"precision": tp / pred if pred else 1.0, "recall": tp / exp if exp else 1.0,
                                   "predicted": pred, "expected": exp}
            total = [t + v for t, v in zip(total, (tp, pred, exp))]
        scores[split]["ALL"] = {"precision": total[0] / total[1] if total[1] else 1.0,
                                "recall": total[0] / total[2] if total[2] else 1.0,
                                "predicted": total[1], "expected": total[2]}
    return scores


def main() -> None:
    scores = run(verbose="-v" in sys.argv)
    for split in ("tune", "held"):
        print(f"\n{split}:  {'attribute':<17} precision  recall  (predicted / expected)")
        for attr, s in scores[split].items():
            print(f"        {attr:<17} {s['precision']:>8.2f}  {s['recall']:>6.2f}  ({s['predicted']} / {s['expected']})")


if __name__ == "__main__":
    main()
