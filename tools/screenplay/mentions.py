"""Where the script mentions what: word forms, one index per script, and what a capitalised phrase names.

Every analysis asks the same questions — "is the LANTERN mentioned again, in any form?",
"does this heading continue the scene before?" — so the answers are computed once per
script (one pass over the page) and looked up, instead of each analysis re-reading
every scene for every prop (the old all-pairs scans made the doctor quadratic).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from graph.state import Scene, Script
from tools.screenplay.reading import spoken_text, words

_MASTER = re.compile(r"^\s*(?:INT|EXT|EST|I\s*/\s*E|INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT)[\.\s/]", re.IGNORECASE)
# Times of day that say the action runs on from the scene before without a cut in time.
_RUNS_ON = re.compile(r"\b(?:CONTINUOUS|CONTINUED|SAME(?: TIME| DAY)?|MOMENTS? LATER|A (?:MOMENT|SECOND) LATER|"
                      r"SECONDS LATER)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """Every dictionary form a written word can stand for: 'Printers' -> {printers, printer}, "LASER'S" -> {laser}."""
    from lemminflect import getAllLemmas

    w = word.lower().strip("'-")
    w = re.sub(r"'s?$", "", w)
    out = {w}
    for lemmas in getAllLemmas(w).values():
        out.update(lemmas)
    if "-" in w:  # 'hedge-clippers' also mentions 'clippers'
        out.update(p for p in w.split("-") if len(p) > 2)
    return frozenset(out)


def can_be(word: str, upos: str) -> bool:
    """Whether a word can be used as the part of speech (NOUN, VERB, ADJ) in the lemminflect dictionary."""
    from lemminflect import getAllLemmas

    w = re.sub(r"'s?$", "", word.lower().strip("'-"))
    return upos in getAllLemmas(w)


def is_master_heading(heading: str) -> bool:
    """INT./EXT. headings open a scene; anything else ('.SNIPER SCOPE POV', 'THE TRUCK') is a shot inside one."""
    return bool(_MASTER.match(heading))


def is_title_card(scene: Scene) -> bool:
    """A title card: a heading that is no place, holding only capitalised lines (OPENING TITLES, SUPER)."""
    if is_master_heading(scene.heading):
        return False
    if any(el.kind == "dialogue" for el in scene.elements):
        return False
    actions = [el.text for el in scene.elements if el.kind == "action"]
    named = bool(re.search(r"\b(?:TITLES?|CREDITS|SUPER|CARD)\b", scene.heading))
    return named or (bool(actions) and all(t.upper() == t for t in actions))


def runs_on(before: Scene, after: Scene) -> bool:
    """Whether `after` continues `before` as one sequence: a shot heading, the same place, or 'CONTINUOUS'."""
    if not is_master_heading(after.heading) or not is_master_heading(before.heading):
        return True
    if _RUNS_ON.search(after.heading):
        return True
    a, b = _place(before.location), _place(after.location)
    return bool(a and b) and (a == b or a in b or b in a or after.location.upper().startswith(("AT ", "BACK ")))


def _place(location: str) -> str:
    """The place a location names before its sub-place: 'BENATAR, GALLEY' and 'TERMINAL - BAGGAGE AREA'."""
    return re.split(r"\s+-+\s+|,\s*|\s*/\s*", location.upper().strip())[0].strip()


def is_shot_line(text: str) -> bool:
    """An action block written all in capitals ('A SPINNING PINWHEEL'): a shot or a card, not prose."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


class ScriptIndex:
    """Every word form of the script with the places it occurs, in reading order.

    A place is an ordinal: each scene heading, then each of its elements, numbered in
    order. Dialogue counts its speaker's cue too, so a speaking LASER PRINTER is a
    mention of the printer.
    """

    def __init__(self, script: Script):
        self.script = script
        self.shape: tuple = ()
        self.places: dict[tuple[int, int], int] = {}  # (scene index, element index or -1) -> ordinal
        self.where: dict[str, list[int]] = {}
        self.texts: list[str] = []
        self.scene_at: list[int] = []  # ordinal -> 1-based scene
        n = 0
        for scene in script.scenes:
            self._add((scene.index, -1), n, scene.heading)
            n += 1
            for k, el in enumerate(scene.elements):
                text = spoken_text(el) if el.kind == "dialogue" else el.text
                if el.kind == "dialogue" and el.character:
                    text = f"{el.character} {text}"
                self._add((scene.index, k), n, text)
                n += 1

    def _add(self, place: tuple[int, int], ordinal: int, text: str) -> None:
        self.places[place] = ordinal
        self.texts.append(text)
        self.scene_at.append(place[0])
        for w in {w for w in words(text)}:
            for form in forms(w):
                spots = self.where.setdefault(form, [])
                if not spots or spots[-1] != ordinal:
                    spots.append(ordinal)

    def ordinal(self, scene: int, element: int) -> int:
        return self.places[(scene, element)]

    def mentioned_after(self, word: str, ordinal: int) -> int | None:
        """The first place after `ordinal` where any form of `word` is written, or None."""
        best = None
        for form in forms(word):
            spots = self.where.get(form, ())
            i = bisect_right(spots, ordinal)
            if i < len(spots) and (best is None or spots[i] < best):
                best = spots[i]
        return best

    def mentioned_before(self, word: str, ordinal: int) -> bool:
        return any(spots and spots[0] < ordinal for spots in (self.where.get(f, ()) for f in forms(word)))

    def scenes_mentioning(self, word: str) -> set[int]:
        """1-based scenes where any form of `word` is written."""
        return {self.scene_at[o] for f in forms(word) for o in self.where.get(f, ())}

    def count(self, word: str) -> int:
        return len({o for f in forms(word) for o in self.where.get(f, ())})


_INDEXES: list[ScriptIndex] = []


def shape(script: Script) -> tuple:
    """A cheap signature of a script's content, so a cached reading is never used for a script changed in place."""
    return (len(script.scenes), sum(len(s.elements) for s in script.scenes), len(script.fountain),
            tuple(s.heading for s in script.scenes[-1:]))


def index_of(script: Script) -> ScriptIndex:
    """The script's index, built once: the few most recent scripts are kept."""
    here = shape(script)
    for idx in _INDEXES:
        if idx.script is script and idx.shape == here:
            return idx
    idx = ScriptIndex(script)
    idx.shape = here
    _INDEXES.insert(0, idx)
    del _INDEXES[4:]
    return idx


# What a capitalised phrase names, by nearest meaning (MiniLM), against a few plain descriptions.
_KINDS = {
    "person": ("a person", "people", "a man", "a woman", "a boy", "a girl", "a worker", "an official", "a crowd",
               "a soldier", "a passenger", "a guard", "a performer"),
    "camera": ("a camera shot", "a camera angle", "a close-up", "a montage"),
    "sound": ("a sound", "a noise", "a bang", "a creak", "a click", "a cough", "a scream"),
    "object": ("an object", "a tool", "a key", "a box", "a weapon", "a vehicle", "a machine", "a door", "a lamp",
               "a document"),
}


@lru_cache(maxsize=1)
def _kind_vectors():
    from memory.embeddings import embed_texts

    return {k: embed_texts(list(v)) for k, v in _KINDS.items()}


def kinds_of(phrases: list[str]) -> dict[str, str]:
    """'person', 'sound', 'camera' or 'object' for each phrase, by its nearest descriptions (one batched call)."""
    import numpy as np

    todo = sorted({p.lower() for p in phrases} - _KIND_CACHE.keys())
    if todo:
        from memory.embeddings import embed_texts

        protos = _kind_vectors()
        for phrase, v in zip(todo, embed_texts([f"a {p}" for p in todo])):
            scores = {k: float(np.sort(m @ v)[-2:].mean()) for k, m in protos.items()}
            _KIND_CACHE[phrase] = max(scores, key=scores.get)
    return {p: _KIND_CACHE[p.lower()] for p in phrases}


_KIND_CACHE: dict[str, str] = {}


def line_of(scene: Scene) -> int | None:
    """The first source line of a scene's body (its heading sits just above)."""
    return next((el.line for el in scene.elements if el.line), None)
