"""Eval: do the formats people have read as the same screenplay?

    python -m evals.formats

1. Final Draft twins: every `X.fdx` beside an `X.fountain` in the screenplay folders
   (../shared/screenplays, FILMCREW_SCREENPLAYS) is loaded both ways; prints agreement of scene
   headings, dialogue speakers in order, dialogue count, and element kinds.
2. Plain-text drafts (`*.txt`): there is no twin, so the page itself is the reference, read by a
   rule independent of the importer: headings are lines starting INT/EXT/INTERIOR/EXTERIOR (after
   an optional scene number); cue lines are short lines in capitals within 6 columns of the commonest
   indent of such lines. Prints scenes found / headings on the page, dialogue blocks / cue lines,
   how many parsed speakers match a cue line, and speakers that are on no cue line (false speakers).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from tools.errors import BadInput
from tools.screenplay.fountain_io import load_script


def folders() -> list[Path]:
    dirs = [Path(__file__).resolve().parents[1].parent / "shared" / "screenplays"]
    dirs += [Path(p) for p in os.environ.get("FILMCREW_SCREENPLAYS", "").split(os.pathsep) if p]
    return [d for d in dirs if d.is_dir()]


def _dialogue(script) -> list[str]:
    return [e.character for s in script.scenes for e in s.elements if e.kind == "dialogue"]


def _share(a: list, b: list) -> float:
    return sum(x == y for x, y in zip(a, b)) / max(len(a), len(b), 1)


def twins() -> None:
    print("Final Draft twins            headings  speakers  dialogue (fdx/fountain)  element kinds")
    for folder in folders():
        for fdx in sorted(folder.glob("*.fdx")):
            fountain = fdx.with_suffix(".fountain")
            if not fountain.is_file():
                # A real Final Draft save with no twin here: that it reads, and what it holds.
                alone = load_script(fdx)
                print(f"  {fdx.stem[:26]:<26} (no twin) {len(alone.scenes)} scenes, {len(_dialogue(alone))} dialogue "
                      f"blocks, speakers {sorted(set(_dialogue(alone)))}")
                continue
            a, b = load_script(fdx), load_script(fountain)
            kinds_a = [e.kind for s in a.scenes for e in s.elements]
            kinds_b = [e.kind for s in b.scenes for e in s.elements]
            print(f"  {fdx.stem:<26} {_share([s.heading for s in a.scenes], [s.heading for s in b.scenes]):>7.1%}"
                  f"  {_share(_dialogue(a), _dialogue(b)):>7.1%}  {len(_dialogue(a)):>5}/{len(_dialogue(b)):<5}"
                  f"              {_share(kinds_a, kinds_b):>6.1%}")


_PAGE_HEADING = re.compile(r"^\s*(?:\d+[A-Z]?\.?\s+)?(?:INT|EXT|INTERIOR|EXTERIOR|I/E)[\s./\-]")


def page_reference(text: str) -> tuple[int, Counter]:
    raw = text.expandtabs(4).replace("\r", "").replace("\f", "\n").split("\n")
    caps = [(len(ln) - len(ln.lstrip()), ln.strip()) for ln in raw
            if ln.strip() and ln.strip() == ln.strip().upper() and re.search("[A-Z]", ln)
            and len(ln.strip()) <= 35 and not _PAGE_HEADING.match(ln) and not ln.strip().endswith((":", "."))]
    indents = Counter(i for i, _ in caps if i >= 12)
    column = indents.most_common(1)[0][0] if indents else 0
    cues = Counter(re.sub(r"\s*\(.*", "", t).strip() for i, t in caps if abs(i - column) <= 6)
    return sum(1 for ln in raw if _PAGE_HEADING.match(ln)), cues


def plain_texts() -> None:
    print("\nPlain text                   scenes/headings  dialogue/cue lines  matched  false speakers")
    for folder in folders():
        for path in sorted(folder.glob("*.txt")):
            headings, cues = page_reference(path.read_text(encoding="utf-8", errors="replace"))
            try:
                script = load_script(path)
            except BadInput as exc:
                print(f"  {path.stem[:26]:<26} refused: {exc}")
                continue
            spoken = Counter(_dialogue(script))
            matched = sum((spoken & cues).values())
            false = sorted(set(spoken) - set(cues))
            print(f"  {path.stem[:26]:<26} {len(script.scenes):>5}/{headings:<5}       {sum(spoken.values()):>5}/{sum(cues.values()):<5}"
                  f"      {matched / max(1, sum(cues.values())):>6.1%}  {len(false)} {false[:5]}")


if __name__ == "__main__":
    twins()
    plain_texts()
