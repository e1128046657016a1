"""What the previs can draw, and the nearest drawable for any word by meaning.

The procedural renderer has a fixed repertoire: a handful of sets (sea shore,
city street, kitchen...), prop silhouettes (cup, lantern, kite...) and figure
bodies (adult, child, robot, animal). A brief or a script names far more than
that. Every named place, prop or figure is looked up here once: drawn as itself
when one of a drawable's own words names it, else as the drawable nearest in
meaning (the bundled MiniLM embeddings), and only when nothing is near, as a
labelled generic stand-in. The answer says which, so a gate can tell the
person "roastery: drawn as kitchen".

The word lists are what each painter really depicts; they are the renderer's
repertoire, not a dictionary, and grow only when a painter does.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np

DrawableKind = Literal["place", "prop", "figure"]

# Painter key -> the words it draws as itself. Keys are the renderer's own names
# (set_dressing's set groups, props' shapes, figures' silhouettes).
REPERTOIRE: dict[DrawableKind, dict[str, tuple[str, ...]]] = {
    "place": {
        "sea": ("sea", "shore", "beach", "ocean", "harbour", "harbor", "coast", "pier", "bay", "lake", "cliff"),
        "lighthouse": ("lighthouse", "beacon"),
        "city": ("city", "street", "alley", "road", "town", "downtown", "avenue", "rooftop", "square", "market"),
        "forest": ("forest", "park", "woods", "garden", "tree", "jungle", "orchard", "yard"),
        "mountain": ("mountain", "hill", "valley", "desert", "canyon"),
        "kitchen": ("kitchen", "diner", "cafe", "café", "coffee", "bar", "restaurant", "shop"),
        "office": ("office", "study", "lab", "classroom", "studio", "library"),
        "bedroom": ("bedroom", "hotel", "cabin", "attic"),
        "stage": ("stage", "theatre", "theater", "club", "nightclub", "concert", "auditorium", "cabaret", "venue"),
        "workshop": ("workshop", "garage", "factory", "forge", "mill", "warehouse", "shed", "brewery", "plant"),
        "ward": ("ward", "hospital", "clinic", "infirmary"),
        "carriage": ("carriage", "train", "bus", "compartment", "tram", "subway", "car", "taxi", "van", "cockpit"),
        "hall": ("hall", "church", "chapel", "ballroom", "gym", "gymnasium", "cathedral", "courtroom", "arena",
                 "museum", "lobby"),
    },
    "prop": {
        "letter": ("letter", "note", "paper", "map", "page", "envelope", "document", "photo", "photograph", "card"),
        "phone": ("phone", "smartphone", "mobile", "tablet"),
        "key": ("key",),
        "cup": ("cup", "mug", "coffee", "tea", "glass"),
        "lamp": ("lamp", "lantern", "light", "bulb", "candle", "torch", "flashlight"),
        "book": ("book", "diary", "journal", "notebook", "album"),
        "clock": ("clock", "watch", "compass", "timer"),
        "bottle": ("bottle", "vial", "flask", "potion"),
        "ring": ("ring", "coin", "medal", "necklace", "locket"),
        "knife": ("knife", "sword", "blade", "dagger"),
        "kite": ("kite",),
        "car": ("car", "taxi", "cab", "truck", "van", "jeep", "limousine", "sedan", "racecar"),
        "bicycle": ("bicycle", "bike", "motorbike", "motorcycle", "scooter"),
        "boat": ("boat", "ship", "yacht", "canoe", "ferry", "raft", "dinghy", "sailboat"),
        "train": ("train", "tram", "locomotive", "subway", "railcar"),
        "umbrella": ("umbrella", "parasol"),
        "guitar": ("guitar", "violin", "cello", "banjo", "ukulele", "instrument", "bass"),
        "ball": ("ball", "football", "basketball", "soccer"),
        "chessboard": ("chessboard", "chess", "checkers"),
        "flower": ("flower", "rose", "bouquet", "tulip", "daisy", "plant"),
        "suitcase": ("suitcase", "bag", "briefcase", "backpack", "luggage", "handbag", "satchel"),
        "camera": ("camera", "camcorder"),
        "gun": ("gun", "pistol", "rifle", "revolver", "shotgun"),
        "plate": ("plate", "bowl", "food", "meal", "cake", "bread", "pie", "dish"),
        # The box is also the generic stand-in (GENERIC), so a thing nothing else draws is a labelled box.
        "box": ("box", "crate", "chest", "package", "parcel", "carton", "present", "gift"),
    },
    "figure": {
        "human": ("person", "man", "woman", "adult"),
        "child": ("child", "kid", "boy", "girl", "baby", "toddler"),
        "robot": ("robot", "android", "droid", "automaton", "machine"),
        "animal": ("animal", "dog", "cat", "bird", "horse", "fox", "puppy", "kitten"),
    },
}

# What is drawn when nothing in the repertoire is near: honest generic stand-ins.
GENERIC = {"place": "room", "prop": "box", "figure": "human"}

# Below this cosine the nearest painter is no likeness and the generic stand-in is
# more honest. Measured on MiniLM word pairs: bakery~restaurant 0.56, jazz club~bar 0.49,
# roastery~kitchen 0.45, but hospital ward~town 0.45, umbrella~cup 0.43, nonsense 0.25-0.38.
NEAR = 0.45


@dataclass(frozen=True)
class Drawable:
    """What the previs draws for a word."""

    word: str          # the words as given
    name: str          # the painter that draws it (a REPERTOIRE key, or a GENERIC stand-in)
    kind: DrawableKind
    exact: bool        # True when a drawable's own word names it
    score: float       # cosine to the nearest drawable word (1.0 when exact)

    @property
    def stand_in(self) -> str:
        """'' when drawn as itself, else what stands in for it (for 'drawn as ...')."""
        return "" if self.exact else self.name


def drawables(kind: DrawableKind) -> list[str]:
    """The painters of one kind, in repertoire order."""
    return list(REPERTOIRE[kind])


_WORD = re.compile(r"[a-zà-ÿ]+")


def _lemma(token: str) -> str:
    from lemminflect import getLemma

    lemmas = getLemma(token, upos="NOUN")
    return lemmas[0].lower() if lemmas else token


def _exact(words: list[str], kind: DrawableKind) -> str | None:
    """The painter whose own word is the phrase's head noun ('coffee cup' is a cup, 'coffee roaster' is not)."""
    head = words[-1]
    base = _lemma(head)
    for name, own in REPERTOIRE[kind].items():
        if head in own or base in own:
            return name
    return None


_table_lock = threading.Lock()
_tables: dict[str, tuple[np.ndarray, list[str]]] = {}


def _table(kind: DrawableKind) -> tuple[np.ndarray, list[str]]:
    """Embeddings of every drawable word of a kind, built once per process."""
    if kind not in _tables:
        with _table_lock:
            if kind not in _tables:
                from memory.embeddings import embed_texts

                owners = [name for name, own in REPERTOIRE[kind].items() for _ in own]
                words = [w for own in REPERTOIRE[kind].values() for w in own]
                _tables[kind] = (embed_texts(words), owners)
    return _tables[kind]


@lru_cache(maxsize=4096)
def drawable_for(phrase: str, kind: DrawableKind) -> Drawable:
    """The drawable for a place, prop or figure named in any words."""
    words = _WORD.findall(phrase.lower())
    if not words:
        return Drawable(phrase, GENERIC[kind], kind, False, 0.0)
    hit = _exact(words, kind)
    if hit is not None:
        return Drawable(phrase, hit, kind, True, 1.0)
    from memory.embeddings import embed_texts

    vectors, owners = _table(kind)
    sims = vectors @ embed_texts([" ".join(words)])[0]
    best = int(np.argmax(sims))
    score = float(sims[best])
    if score < NEAR:
        return Drawable(phrase, GENERIC[kind], kind, False, round(score, 3))
    return Drawable(phrase, owners[best], kind, False, round(score, 3))
