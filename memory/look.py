"""A character's look in plain words, the way the script would refer to them.

MiniLM matches "the old man" to "an old person in their 60s" far better than
to "ELIAS: 60s" (a name embeds to noise), so the library searches phrases
written like this rather than raw profile fields.
"""

from __future__ import annotations

import re

from graph.state import CharacterProfile

_OLD_WORDS = ("old", "elderly", "aged", "ancient", "grey-haired", "gray-haired", "senior", "aging", "ageing")
_CHILD_WORDS = ("child", "kid", "little", "toddler", "infant", "baby", "boy", "girl")
_YOUNG_WORDS = ("young", "youthful", "teen", "teenage", "adolescent")


def age_group(age: str) -> str:
    """'old', 'child', 'teen', 'young', 'adult' or '' from an age as scripts write it ('60s', '10', 'old')."""
    text = age.lower().strip()
    if not text:
        return ""
    number = re.search(r"(\d{1,3})", text)
    if number:
        years = int(number.group(1))
        if years >= 55:
            return "old"
        if years < 13:
            return "child"
        if years < 20:
            return "teen"
        if years < 30:
            return "young"
        return "adult"
    words = set(re.findall(r"[a-z\-]+", text))
    if words & set(_OLD_WORDS):
        return "old"
    if words & set(_CHILD_WORDS):
        return "child"
    if words & {"teen", "teenage", "teenager", "adolescent"}:
        return "teen"
    if words & set(_YOUNG_WORDS):
        return "young"
    return "adult"


def kind_noun(profile: CharacterProfile) -> str:
    """What the character is, as a noun: robot, animal, child or person."""
    if profile.silhouette == "robot":
        return "robot machine"
    if profile.silhouette == "animal":
        return "animal"
    if profile.silhouette == "child" or age_group(profile.age) == "child":
        return "child"
    return "person"


def look_phrase(profile: CharacterProfile) -> str:
    """'an old person (60s), weathered, in a yellow oilskin coat' — the look without the name."""
    group = age_group(profile.age)
    adjective = {"old": "old", "teen": "teenage", "young": "young", "child": "little"}.get(group, "")
    if profile.silhouette == "child" and not adjective:
        adjective = "little"
    noun = kind_noun(profile)
    head = " ".join(w for w in (adjective, noun) if w)
    head = ("an " if head[0] in "aeiou" else "a ") + head
    if profile.age and profile.age.lower() not in head:
        head += f" ({profile.age})"
    parts = [head]
    if profile.build:
        parts.append(profile.build)
    if profile.face:
        parts.append(profile.face)
    if profile.hair:
        parts.append(f"{profile.hair} hair" if "hair" not in profile.hair.lower() else profile.hair)
    if profile.wardrobe:
        parts.append(f"in {_with_article(profile.wardrobe)}")
    if getattr(profile, "accessories", None):
        parts.append("wearing " + " and ".join(_with_article(a) for a in profile.accessories))
    if profile.props:
        parts.append("carrying " + ", ".join(profile.props))
    return ", ".join(parts)


def _with_article(phrase: str) -> str:
    first = phrase.split()[0].lower() if phrase.split() else ""
    if first in {"a", "an", "the", "his", "her", "their", "its"} or phrase.endswith("s"):
        return phrase
    return ("an " if phrase[0].lower() in "aeiou" else "a ") + phrase
