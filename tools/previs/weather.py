"""Weather and light read from a scene: what sky, air and light the previs draws.

The scene heading gives the time (NIGHT, DUSK, MAGIC HOUR...). The weather comes
from the shot's description and the scene's action text, read by meaning and
precision first: a sentence must name one of the painter's phenomena (a word of
its family, or a word whose MiniLM meaning is that phenomenon's: 'downpour',
'ablaze'), and the sentence as a whole must read as that thing physically
happening rather than a figure of speech ('a rainy-day fund', 'a storm of
applause', 'he fires Jim'): its embedding is compared with sentences where the
phenomenon happens and with sentences where its word is only a metaphor.

The word families are the painters' repertoire (tools/previs/weather_paint.py
draws exactly these), not a dictionary: they grow only when a painter does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from graph.state import Scene, Shot

# What each painter draws as itself.
FAMILIES: dict[str, tuple[str, ...]] = {
    "rain": ("rain", "drizzle", "downpour", "raindrop"),
    "snow": ("snow", "blizzard", "snowflake", "sleet"),
    "fog": ("fog", "mist", "haze"),
    "storm": ("storm", "thunder", "lightning", "thunderstorm", "blizzard"),
    "fire": ("fire", "flame", "blaze", "campfire", "bonfire"),
    "smoke": ("smoke", "soot"),
    "neon": ("neon",),
}
# Sentences where the phenomenon happens, and where its word is only a figure of speech.
# The metaphors are the word's common senses, not lines of any script.
LITERAL: dict[str, tuple[str, ...]] = {
    "rain": ("Rain falls from the grey sky.", "It is pouring with rain outside.", "Raindrops hit the window."),
    "snow": ("Snow falls on the town.", "Snowflakes drift down through the cold air.", "The ground is deep in snow."),
    "fog": ("Thick fog hides the road.", "Mist hangs over the water.", "The air is grey with haze."),
    "storm": ("Thunder rumbles and lightning flashes across the sky.", "A violent storm batters the coast.",
              "Wind and rain of a thunderstorm."),
    "fire": ("Flames burn in the fireplace.", "The house is on fire, flames everywhere.", "A campfire burns."),
    "smoke": ("Smoke rises from the chimney.", "Grey smoke fills the air.", "Smoke curls up from a cigarette."),
    "neon": ("Neon signs glow above the street.", "A buzzing neon sign lights the wall in pink and blue."),
}
FIGURATIVE: dict[str, tuple[str, ...]] = {
    "rain": ("Money saved in a fund for hard times.", "Let's postpone our plans for another time."),
    "snow": ("She is overwhelmed with too much work.", "I am snowed under with work this week.",
             "He was fooled and deceived by a clever talk."),
    "fog": ("He is confused and dazed, unable to think clearly.", "A vague memory he can't recall."),
    "storm": ("Loud applause and cheering from the audience.", "A wave of public anger and criticism.",
              "She wins the contest easily and becomes famous overnight."),
    "fire": ("The manager dismisses the employee from his job.", "The boss fires him.", "He is playing brilliantly, winning every time.",
             "Someone shoots a gun at the target.", "A wave of public anger and criticism."),
    "smoke": ("Their plans fail and come to nothing.", "It all went up in smoke.", "A husky, low singing voice."),
    "neon": ("A bright, garish colour.",),
}
# How near (cosine) a word must mean a family's word to count as naming it.
WORD_NEAR = 0.72
# The sentence must mean the phenomenon at least this much, and more than its metaphors.
LITERAL_MIN = 0.27
MARGIN = 0.06
# Heading time words: exact film vocabulary, checked in order.
TIMES = (("golden", ("MAGIC HOUR", "GOLDEN HOUR", "LATE AFTERNOON")),
         ("night", ("NIGHT", "MIDNIGHT")), ("dusk", ("DUSK", "SUNSET", "EVENING", "TWILIGHT")),
         ("dawn", ("DAWN", "SUNRISE", "DAYBREAK", "FIRST LIGHT")))


@dataclass(frozen=True)
class Weather:
    """What the frame's sky, air and light are drawn as, and the sentence that said so."""

    time: str = "day"  # day, dawn, golden, dusk, night
    kinds: tuple[str, ...] = ()
    evidence: dict[str, str] = field(default_factory=dict)

    def account(self) -> dict:
        return {"time": self.time, "weather": list(self.kinds), "because": dict(self.evidence)}


def scene_time(scene: Scene) -> str:
    text = f"{scene.time_of_day} {scene.heading}".upper()
    for name, words in TIMES:
        if any(re.search(rf"\b{w}\b", text) for w in words):
            return name
    return "day"


def read_weather(shot: Shot, scene: Scene) -> Weather:
    """The weather and time a shot is drawn in: the shot's own words first, then the scene's."""
    sentences = _sentences(" ".join([shot.description, *_action(scene)]))
    found: dict[str, str] = {}
    for kind, sentence in _literal(tuple(sentences)):
        found.setdefault(kind, sentence)
    kinds = tuple(k for k in FAMILIES if k in found)
    return Weather(time=scene_time(scene), kinds=kinds, evidence={k: found[k] for k in kinds})


def _action(scene: Scene) -> list[str]:
    return [e.text for e in scene.elements if getattr(e, "kind", "") == "action" and e.text][:12]


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?;])\s+|\s+[—–-]{1,2}\s+", text)
    return [p.strip() for p in parts if len(p.strip()) > 2][:40]


@lru_cache(maxsize=1)
def _family_words() -> dict[str, set[str]]:
    """Every inflection of every family word -> the kinds it names (a blizzard is snow and storm)."""
    from lemminflect import getAllInflections

    forms: dict[str, set[str]] = {}
    for kind, words in FAMILIES.items():
        for word in words:
            variants = {word} | {f.lower() for fs in getAllInflections(word).values() for f in fs}
            for suffix in ("y", "ing", "ed", "s"):  # rainy, snowy, foggy, misty, smoky...
                variants |= {word + suffix, word + word[-1] + suffix}
                if word.endswith("e"):
                    variants.add(word[:-1] + suffix)
            for form in variants:
                forms.setdefault(form, set()).add(kind)
    return forms


def _embed(texts: list[str]) -> np.ndarray:
    from memory.embeddings import embed_texts

    return embed_texts(texts)


@lru_cache(maxsize=1)
def _prototypes() -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], np.ndarray, list[tuple[str, str]]]:
    literal = {k: _embed(list(v)) for k, v in LITERAL.items()}
    figurative = {k: _embed(list(v)) for k, v in FIGURATIVE.items()}
    pairs = [(k, w) for k, words in FAMILIES.items() for w in words]
    return literal, figurative, _embed([w for _, w in pairs]), pairs


@lru_cache(maxsize=4096)
def _near_words(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word, kind) for the words whose meaning is a family word's ('ablaze', 'flurries')."""
    if not words:
        return ()
    _, _, family, pairs = _prototypes()
    sims = _embed(list(words)) @ family.T
    out = []
    for word, row in zip(words, sims):
        j = int(row.argmax())
        if row[j] >= WORD_NEAR:
            out.append((word, pairs[j][0]))
    return tuple(out)


def _named(sentence: str) -> set[str]:
    forms = _family_words()
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", sentence)]
    kinds: set[str] = set()
    for part in words:
        for piece in {part, *part.split("-")}:  # 'rainy-day' names rain, 'snow-covered' snow
            kinds |= forms.get(piece, set())
    content = tuple(sorted({w for w in words if len(w) > 3 and w not in forms}))
    kinds |= {kind for _, kind in _near_words(content)}
    return kinds


@lru_cache(maxsize=2048)
def _literal(sentences: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(kind, sentence) for each sentence that says a phenomenon physically happens."""
    named = [(s, _named(s)) for s in sentences]
    named = [(s, kinds) for s, kinds in named if kinds]
    if not named:
        return ()
    literal, figurative, _, _ = _prototypes()
    vectors = _embed([s for s, _ in named])
    out = []
    for (sentence, kinds), vector in zip(named, vectors):
        for kind in sorted(kinds):
            real = float((literal[kind] @ vector).max())
            other = float((figurative[kind] @ vector).max())
            if real >= LITERAL_MIN and real > other + MARGIN:
                out.append((kind, sentence))
    return tuple(out)
