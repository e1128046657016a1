"""What a noun in a brief is, by meaning: a person, an animal, a place, a thing, a time, the weather, an event.

A hand list of roles or places never ends ("roaster", "grandmaster", "rectory",
"hayloft"...). Instead each noun phrase is embedded with the bundled MiniLM and
compared with a few prototype sentences per kind; the nearest kind wins. The
prototypes describe kinds, not stories, so they do not grow with new briefs.
The same nearest-meaning test decides interior or exterior for a place and
whether a role word is a woman's, a man's or neither. What the previs draws
for a place, prop or figure comes from `tools.previs.vocabulary.drawable_for`.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from memory.embeddings import embed_texts

KINDS: dict[str, tuple[str, ...]] = {
    "person": ("a person", "a woman who works as a nurse", "a man, a father", "a child, a teenager",
               "a group of people, a crew, a family", "someone with a job: a worker, a maker, a keeper",
               "a rival, a friend, a stranger, a customer", "a criminal, an outlaw, an official, a mayor",
               "a relative: a sister, a brother, a cousin, a grandmother"),
    "animal": ("an animal", "a dog, a cat, a bird", "a wild creature, a beast"),
    "robot": ("a robot", "a machine that thinks, an android"),
    "place": ("a place", "a building, a room inside", "a city or a town", "a landscape outdoors: a field, a hill",
              "a shop, a cafe, a workplace", "a room in a house: a barn, an attic, a hayloft",
              "a church, a rectory, a temple, a museum", "a rooftop, a balcony, a bridge, a platform",
              "a planet, a moon, an island, a vault"),
    "object": ("an object", "a thing you can hold in your hand", "a tool, a piece of furniture",
               "a vehicle: a bus, a train, a scooter, a car", "clothing: boots, a hat, a coat",
               "a cup, a mug, a plate, a bottle", "a written thing: a letter, a book, a map",
               "a small thing: a key, a lamp, a watch, a ring, a box", "a boat, a raft, a kite, a bike"),
    "time": ("a time of day", "morning, night, dawn, dusk", "a season, a year, an hour"),
    "weather": ("the weather", "rain, storm, snow, fog, wind"),
    "event": ("an event", "a competition, a tournament, a match, a show, a party, a wedding",
              "a crime, a heist, a robbery, an accident"),
    "idea": ("a feeling", "an abstract idea", "love, hope, fear", "a quality of a person: a voice, a smile, a heart",
             "work, a job, a task, a plan, a chance"),
}
_INSIDE = ("inside a building, a room with walls and a ceiling", "an interior: a kitchen, a hall, an office, a shop")
_OUTSIDE = ("outdoors in the open air", "an exterior: a street, a field, a beach, a hill, a city, a country")
_WOMAN = ("a woman", "she, a girl, a mother, a grandmother")
_MAN = ("a man", "he, a boy, a father, a grandfather")


@lru_cache(maxsize=1)
def _prototypes() -> tuple[np.ndarray, list[str]]:
    labels = [k for k, texts in KINDS.items() for _ in texts]
    return embed_texts([t for texts in KINDS.values() for t in texts]), labels


@lru_cache(maxsize=1)
def _poles() -> np.ndarray:
    return embed_texts(list(_INSIDE + _OUTSIDE + _WOMAN + _MAN))


def _probe(phrase: str) -> str:
    return phrase if phrase[:1].isupper() else f"a {phrase}"


_cache: dict[str, tuple[str, float]] = {}


def kinds_of(phrases: list[str]) -> list[tuple[str, float]]:
    """(kind, margin over the next kind) for each phrase, in one batch; cached per phrase."""
    todo = sorted({p for p in phrases if p not in _cache})
    if todo:
        matrix, labels = _prototypes()
        sims = embed_texts([_probe(p) for p in todo]) @ matrix.T
        for phrase, row in zip(todo, sims):
            best: dict[str, float] = {}
            for label, score in zip(labels, row):
                best[label] = max(best.get(label, -1.0), float(score))
            ranked = sorted(best.items(), key=lambda kv: -kv[1])
            _cache[phrase] = (ranked[0][0], ranked[0][1] - ranked[1][1])
    return [_cache[p] for p in phrases]


def kind_of(phrase: str) -> str:
    return kinds_of([phrase])[0][0]


def scores_of(phrase: str) -> dict[str, float]:
    """Every kind's nearest-prototype score for one phrase (for close calls the reader settles by grammar)."""
    matrix, labels = _prototypes()
    row = embed_texts([_probe(phrase)])[0] @ matrix.T
    best: dict[str, float] = {}
    for label, score in zip(labels, row):
        best[label] = max(best.get(label, -1.0), float(score))
    return best


def is_interior(place: str) -> bool:
    """True when a place is most like a room, False when it is most like the open air."""
    sims = embed_texts([_probe(place)])[0] @ _poles()[:4].T
    return float(sims[:2].max()) > float(sims[2:4].max())


def pronoun_for(role: str) -> str:
    """'she', 'he' or 'they' for a role word, only when it sits far nearer one pole ('widow' she, 'courier' they)."""
    sims = embed_texts([_probe(role)])[0] @ _poles()[4:].T
    woman, man = float(sims[:2].max()), float(sims[2:].max())
    # A wide margin: gendered words ("widow" +0.21, "grandfather" -0.24) pass, occupations ("nurse" +0.2 is the
    # edge, "courier" -0.09) stay 'they' unless the brief's own pronoun says otherwise (brief_reading).
    if woman - man > 0.2:
        return "she"
    if man - woman > 0.2:
        return "he"
    return "they"


def stand_in(phrase: str, kind: str) -> tuple[str, bool]:
    """What the previs draws for a place, prop or figure: (drawable name, exact)."""
    from tools.previs.vocabulary import drawable_for

    drawn = drawable_for(phrase, kind)  # type: ignore[arg-type]
    return drawn.name, drawn.exact
