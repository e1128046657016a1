"""Who "the old man" is: tying the script's descriptive references to the cast.

Scripts name a character once and then call them "the old man", "the keeper",
"the little machine". A continuity supervisor must know these are ELIAS and
BOLT, or one character becomes two people. Two signals decide together:

- rules from the character's own introduction: "old" fits someone in their
  60s and contradicts a child; "machine" fits a robot and contradicts a human;
  "keeper" fits someone who "keeps the lighthouse";
- MiniLM similarity between the reference and the character's look, which
  catches what the rules do not list ("the fisherman" ~ "in a yellow oilskin").
"""

from __future__ import annotations

import re
from typing import Callable

import numpy as np

from graph.state import CharacterProfile, Script
from memory.look import age_group, look_phrase
from tools.cast.extract import find_characters
from tools.cast.features import ANIMAL_WORDS, ROBOT_WORDS

Embed = Callable[[list[str]], np.ndarray]

PERSON_NOUNS = ("man", "woman", "girl", "boy", "child", "kid", "lady", "gentleman", "stranger", "figure",
                "keeper", "fisherman", "fisherwoman", "sailor", "captain", "driver", "guard", "doctor", "nurse",
                "teacher", "soldier", "officer", "detective", "priest", "farmer", "pilot", "mechanic", "baker",
                "widow", "widower", "mother", "father", "grandfather", "grandmother", "granddaughter", "grandson",
                "daughter", "son", "brother", "sister", "stranger", "visitor", "intruder", "boss", "chef", "artist",
                "musician", "engineer", "scientist", "student", "teenager", "youngster", "elder", "newcomer")
REFERENCE_NOUNS = PERSON_NOUNS + ROBOT_WORDS + ANIMAL_WORDS + ("creature", "thing", "contraption")
_REFERENCE = re.compile(r"\bthe\s+((?:[a-z][a-z\-]*\s+){0,2}(?:" + "|".join(sorted(set(REFERENCE_NOUNS), key=len,
                                                                                     reverse=True)) + r"))\b", re.I)
_OLD = {"old", "elderly", "aged", "ancient", "grey", "gray", "white-haired", "grey-haired", "wrinkled", "elder"}
_SMALL = {"little", "small", "tiny", "young", "wee"}
_CHILD_NOUNS = {"girl", "boy", "child", "kid", "youngster", "granddaughter", "grandson"}
_ADULT_NOUNS = {"man", "woman", "lady", "gentleman", "widow", "widower", "mother", "father", "grandfather",
                "grandmother", "elder"}
MERGE_THRESHOLD = 0.45  # combined rule + similarity score a reference needs to be merged
MARGIN = 0.1  # ... and its lead over the runner-up, so an ambiguous "the man" stays unassigned


def references(script: Script) -> list[str]:
    """Descriptive references ('the old man') in action lines and dialogue, lower case, first-seen order."""
    found: dict[str, None] = {}
    for scene in script.scenes:
        for element in scene.elements:
            for match in _REFERENCE.finditer(element.text):
                found.setdefault("the " + " ".join(match.group(1).lower().split()), None)
    return list(found)


def _stem(word: str) -> str:
    return re.sub(r"(ers?|ing|s|er)$", "", word.lower())


def rule_score(reference: str, profile: CharacterProfile, description: str) -> float:
    """-1..1: how well the reference's words agree with what the script says of the character."""
    words = reference.lower().split()[1:]
    noun, adjectives = words[-1], set(words[:-1])
    group = age_group(profile.age)
    kind = profile.silhouette
    known = f"{description} {look_phrase(profile)}".lower()
    score = 0.0
    if noun in ROBOT_WORDS or noun in {"contraption"}:
        score += 0.6 if kind == "robot" else -1.0
    elif noun in ANIMAL_WORDS:
        score += 0.6 if kind == "animal" or re.search(rf"\b{noun}\b", known) else -1.0
    elif noun in _CHILD_NOUNS:
        score += 0.5 if kind == "child" or group in ("child", "teen") else -1.0
    elif noun in PERSON_NOUNS:
        if kind in ("robot", "animal"):
            score -= 1.0
        elif noun in _ADULT_NOUNS and (kind == "child" or group == "child"):
            score -= 0.8
        if noun in _ADULT_NOUNS and noun not in {"man", "woman", "lady", "gentleman"}:
            score += 0.2
        # An occupation the introduction states: "keeper" ~ "keeps the lighthouse".
        if noun not in _ADULT_NOUNS and any(_stem(w) == _stem(noun) for w in re.findall(r"[a-z]+", known)):
            score += 0.7
    # Pronoun agreement where the introduction uses one.
    if noun in {"man", "boy", "gentleman", "father", "grandfather", "widower", "son", "brother"}:
        if re.search(r"\b(she|her|woman|girl)\b", known):
            score -= 0.6
    if noun in {"woman", "girl", "lady", "mother", "grandmother", "widow", "daughter", "sister"}:
        if re.search(r"\b(he|his|him|man|boy)\b", known):
            score -= 0.6
    if adjectives & _OLD:
        score += 0.5 if group == "old" else (-0.8 if group in ("child", "teen", "young") else -0.2)
    if adjectives & _SMALL:
        small = group in ("child",) or kind == "child" or re.search(r"\b(small|little|tiny|petite|short)\b", known)
        score += 0.3 if small else -0.2
    for adjective in adjectives - _OLD - _SMALL:
        if re.search(rf"\b{re.escape(adjective)}\b", known):
            score += 0.3
    return max(-1.0, min(1.0, score))


def resolve(reference: str, cast: list[CharacterProfile], descriptions: dict[str, str],
            embed: Embed | None = None) -> tuple[str, float] | None:
    """The NAME a reference means and the combined score, or None when unclear."""
    if not cast:
        return None
    if embed is None:
        from memory.embeddings import embed_texts as embed
    looks = [f"{look_phrase(p)}. {descriptions.get(p.name, '')}" for p in cast]
    vectors = embed([reference] + looks)
    similarity = vectors[1:] @ vectors[0]
    scored = sorted(((0.6 * rule_score(reference, p, descriptions.get(p.name, "")) + float(sim), p.name)
                     for p, sim in zip(cast, similarity)), reverse=True)
    best, name = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else -1.0
    if best < MERGE_THRESHOLD or best - runner_up < MARGIN:
        return None
    return name, best


def merge_aliases(script: Script, cast: list[CharacterProfile], embed: Embed | None = None) -> list[CharacterProfile]:
    """The cast with every descriptive reference the script uses added to the right character's aliases."""
    descriptions = {name: text for name, text, _ in find_characters(script)}
    names = {p.name.lower() for p in cast}
    extra: dict[str, list[str]] = {p.name: [] for p in cast}
    for reference in references(script):
        if reference[4:] in names:
            continue
        hit = resolve(reference, cast, descriptions, embed)
        if hit is not None:
            extra[hit[0]].append(reference)
    merged = []
    for profile in cast:
        aliases = list(dict.fromkeys(profile.aliases + [a for a in extra[profile.name]
                                                        if a.lower() not in {x.lower() for x in profile.aliases}]))
        merged.append(profile.model_copy(update={"aliases": aliases}))
    return merged
