"""Alternative directions: the same script restructured, offered beside the original.

Each direction moves or trims whole blocks of the writer's own Fountain text,
so every line that survives is byte-for-byte what the writer wrote and the
diff shows exactly what a director would be signing up for.
"""

from __future__ import annotations

import difflib
import re

from fountain import ElementType, FountainParser

from graph.state import MoodPoint, Script, ScriptVariant
from tools.screenplay.analysis import analyze
from tools.screenplay.fountain_io import parse_fountain, to_fountain
from tools.screenplay.mood import mood_curve
from tools.screenplay.reading import scene_seconds, stem, words
from tools.screenplay.setups import emphasised_props
from tools.screenplay.structure import climax_scene, inciting_scene


class _Draft:
    """The Fountain text cut at scene headings: a preamble, then one raw chunk per scene."""

    def __init__(self, text: str):
        lines = text.split("\n")
        heads = [el.line_number for el in FountainParser().parse(text).elements
                 if el.type == ElementType.SCENE_HEADING]
        self.preamble = "\n".join(lines[: heads[0] - 1]) if heads else text
        self.chunks = []
        for i, start in enumerate(heads):
            end = heads[i + 1] - 1 if i + 1 < len(heads) else len(lines)
            self.chunks.append("\n".join(lines[start - 1:end]).strip("\n"))

    def join(self, chunks: list[str]) -> str:
        head = self.preamble.rstrip("\n")
        body = "\n\n".join(c.strip("\n") for c in chunks)
        return (head + "\n\n" if head else "") + body + "\n"


def _blocks(chunk: str) -> list[str]:
    return [b for b in re.split(r"\n\s*\n", chunk.strip("\n")) if b.strip()]


def _variant(script: Script, original: str, text: str, name: str, slug: str, rationale: str) -> ScriptVariant:
    variant = parse_fountain(text, title=script.title).model_copy(
        update={"source": "variant", "generated_by": f"direction:{slug}"})
    diff = "".join(difflib.unified_diff(original.splitlines(keepends=True), text.splitlines(keepends=True),
                                        fromfile="original.fountain", tofile=f"{slug}.fountain"))
    return ScriptVariant(name=name, rationale=rationale, script=variant, diff=diff)


def _cold_open(script: Script, draft: _Draft, original: str, curve: list[MoodPoint]) -> ScriptVariant | None:
    """Open on the climax's first image, then cut back to the beginning."""
    climax = climax_scene(script, curve)
    if climax == 0 or len(draft.chunks) < 3:
        return None
    blocks = _blocks(draft.chunks[climax])
    heading = blocks[0]
    # The first action block: dialogue blocks start with an all-capitals cue line.
    first_image = next((b for b in blocks[1:] if not b.split("\n")[0].isupper()), None)
    if first_image is None:
        return None
    teaser = f"{heading}\n\n{first_image}\n\nSMASH CUT TO:"
    text = draft.join([teaser] + draft.chunks)
    return _variant(script, original, text, "cold open", "cold-open",
                    f"Opens on the climax's first image ({script.scenes[climax].heading}) before cutting back, "
                    "so the film starts with a hook and the audience watches the setup knowing where it leads.")


def _tightened_cut(script: Script, draft: _Draft, original: str, curve: list[MoodPoint]) -> ScriptVariant | None:
    """Condense the slowest scene that is not a structural pillar."""
    pillars = {0, len(script.scenes) - 1, climax_scene(script, curve), inciting_scene(script, curve)}
    secs = [scene_seconds(s) for s in script.scenes]
    candidates = [i for i in range(len(script.scenes)) if i not in pillars] or \
                 [i for i in range(len(script.scenes)) if i != climax_scene(script, curve)]
    if not candidates:
        return None
    slow = max(candidates, key=lambda i: (secs[i], -i))
    blocks = _blocks(draft.chunks[slow])
    prop_keys = {p.key for p in emphasised_props(script)}
    body = blocks[1:]
    if len(body) <= 2:
        chunks = draft.chunks[:slow] + draft.chunks[slow + 1:]
        how = "drops"
    else:
        # Keep the scene's first image, its last line, and anything carrying a setup or payoff.
        keep = {0, len(body) - 1} | {k for k, b in enumerate(body) if {stem(w) for w in words(b)} & prop_keys}
        condensed = "\n\n".join([blocks[0]] + [b for k, b in enumerate(body) if k in keep])
        if condensed == draft.chunks[slow].strip("\n"):
            chunks = draft.chunks[:slow] + draft.chunks[slow + 1:]
            how = "drops"
        else:
            chunks = draft.chunks[:slow] + [condensed] + draft.chunks[slow + 1:]
            how = "condenses"
    text = draft.join(chunks)
    return _variant(script, original, text, "tightened cut", "tightened-cut",
                    f"{how.capitalize()} the slowest scene, {script.scenes[slow].heading} (~{secs[slow]:.0f}s), "
                    "keeping its first image and every setup or payoff, for a tighter film.")


def _reordered(script: Script, draft: _Draft, original: str, curve: list[MoodPoint]) -> ScriptVariant | None:
    """Start in the middle of things: the inciting incident first, the setup after it."""
    inciting = inciting_scene(script, curve)
    n = len(draft.chunks)
    if inciting is not None and 0 < inciting < n - 1:
        order = [inciting] + [i for i in range(n) if i != inciting]
        rationale = (f"Starts in the middle of things with the inciting incident ({script.scenes[inciting].heading}) "
                     "and lets the setup play as the audience catches up.")
    elif n >= 3:
        order = [n - 1] + list(range(n - 1))
        rationale = ("Opens on the ending as a frame, so the film plays as a memory that explains how we got there.")
    else:
        return None
    text = draft.join([draft.chunks[i] for i in order])
    return _variant(script, original, text, "reorder", "reorder", rationale)


def alternative_directions(script: Script, n: int = 3) -> list[ScriptVariant]:
    """Up to `n` structural variants (cold open, tightened cut, reorder), each with a diff against the original."""
    original = script.fountain if script.fountain.strip() else to_fountain(script)
    if not original.endswith("\n"):
        original += "\n"
    draft = _Draft(original)
    if len(draft.chunks) != len(script.scenes):
        draft = _Draft(to_fountain(script))
    curve = mood_curve(script)
    before = _serious_kinds(analyze(script).findings)
    variants = []
    for make in (_cold_open, _tightened_cut, _reordered):
        if len(variants) >= n:
            break
        variant = make(script, draft, original, curve)
        if variant is not None and variant.diff:
            variants.append(_with_tradeoffs(variant, before))
    return variants


def _serious_kinds(findings) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        if f.severity != "low":
            counts[f.kind] = counts.get(f.kind, 0) + 1
    return counts


def _with_tradeoffs(variant: ScriptVariant, before: dict[str, int]) -> ScriptVariant:
    """Say what a direction costs: problems the move itself creates, found by the same doctor."""
    after = analyze(variant.script).findings
    new_kinds = [k for k, count in _serious_kinds(after).items() if count > before.get(k, 0)]
    if not new_kinds:
        return variant
    example = next(f for f in after if f.kind in new_kinds and f.severity != "low")
    note = (f" Trade-off: the move creates {', '.join(k.replace('_', ' ') for k in new_kinds)} "
            f"(e.g. scene {example.scene}: {example.suggestion})")
    return variant.model_copy(update={"rationale": variant.rationale + note})
