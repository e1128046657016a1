"""How the script doctor reads a page: sentences, words, stems, screen time.

Shared by every analysis so that "a word", "a mention" and "a second of screen
time" mean the same thing in each of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.state import Scene, ScriptElement

DIALOGUE_WORDS_PER_S = 2.5
# Action is read at roughly reading pace, but a described beat still needs a
# moment on screen, so every action block gets a floor.
ACTION_WORDS_PER_S = 3.3
ACTION_BLOCK_FLOOR_S = 1.5
SCENE_ESTABLISH_S = 1.0
PAUSE_S = 1.0

STOPWORDS = frozenset("""
a an the and or but if then so of to in on at by for with from into onto out up down over under
is are was were be been being am do does did has have had it its it's this that these those there
here he she they we you i me him her them us my your his their our what which who whom when where why
how not no yes all any some one two as than too very just only also still again back off away
can could will would shall should may might must let lets get gets got go goes going went come comes
s t don't can't won't i'm you're we're they're it's that's what's he's she's
""".split())

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_PAREN = re.compile(r"^\s*\(.*?\)\s*$", re.MULTILINE)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def spoken_text(el: ScriptElement) -> str:
    """Dialogue without mid-speech parentheticals such as '(beat)'."""
    return _PAREN.sub("", el.text).strip()


def stem(word: str) -> str:
    """A crude stem good enough to tie 'lanterns'/'lantern', 'flickers'/'flickering' together."""
    w = word.lower().strip("'-")
    for suffix in ("ing", "ies", "ied", "es", "ed", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    # 'leave'/'leaves'/'leaving' all meet at 'leav'.
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w[:6]


def scene_text(scene: Scene) -> str:
    return "\n".join(spoken_text(el) if el.kind == "dialogue" else el.text for el in scene.elements)


def element_seconds(el: ScriptElement) -> float:
    if el.kind == "dialogue":
        pauses = len(re.findall(r"\((?:beat|pause|a beat|silence|long pause)\)", el.text, re.IGNORECASE))
        pauses += 1 if el.parenthetical and re.search(r"beat|pause", el.parenthetical, re.IGNORECASE) else 0
        return len(words(spoken_text(el))) / DIALOGUE_WORDS_PER_S + 0.5 + pauses * PAUSE_S
    if el.kind == "transition":
        return 0.5
    return max(ACTION_BLOCK_FLOOR_S, len(words(el.text)) / ACTION_WORDS_PER_S)


def scene_seconds(scene: Scene) -> float:
    """Estimated screen time of a scene from its dialogue and action word counts."""
    return round(SCENE_ESTABLISH_S + sum(element_seconds(el) for el in scene.elements), 1)


@lru_cache(maxsize=1)
def vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def quote(text: str, limit: int = 160) -> str:
    """A one-line quotation of script text for a finding's evidence."""
    flat = " ".join(text.split())
    return f'"{flat if len(flat) <= limit else flat[: limit - 1] + "…"}"'
