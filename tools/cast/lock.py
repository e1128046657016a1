"""The feature lock: a character looks the same in every prompt of the film.

`feature_lock` writes the locked look as a fragment every image prompt
carries. `enforce_lock` reads a shot description before it becomes a prompt
and corrects what contradicts the lock ("her red coat" when MAYA's coat is
blue), recording each correction so the crew sees what changed and why.
"""

from __future__ import annotations

import re

from graph.state import CharacterProfile
from memory.look import look_phrase
from tools.cast.colors import COLOR_WORDS
from tools.cast.accessories import ACCESSORY_NOUNS
from tools.cast.features import GARMENTS

# Garments that stand in for each other in a description: "coat" for a raincoat is the same coat.
GARMENT_FAMILIES = (
    {"coat", "jacket", "raincoat", "oilskin", "overcoat", "parka", "anorak", "mac", "poncho", "cloak", "cape", "blazer"},
    {"shirt", "t-shirt", "blouse", "sweater", "jumper", "cardigan", "hoodie", "vest", "fleece", "tunic", "waistcoat"},
    {"dress", "gown", "robe", "kimono", "sari", "skirt"},
    {"trousers", "pants", "jeans", "shorts", "overalls", "dungarees", "jumpsuit", "coveralls"},
    {"boots", "wellingtons"},
    {"hat", "cap", "beanie", "helmet", "sou'wester"},
    {"shell", "casing", "plating", "chassis", "armour", "armor"},
)
HAIR_NOUNS = ("hair", "beard", "moustache", "mustache")
_PRONOUNS = {"his", "her", "their", "its"}
_COLOR_PATTERN = "|".join(sorted(COLOR_WORDS, key=len, reverse=True))


def feature_lock(profile: CharacterProfile) -> str:
    """The locked look as a prompt fragment: who, what they wear, their colours and body type."""
    colours = profile.signature_colors
    roles = ["body/wardrobe", "head/hair accent"] + ["accent"] * max(0, len(colours) - 2)
    parts = [f"{profile.name}: {look_phrase(profile)}"]
    if colours:
        parts.append("signature colours " + ", ".join(f"{c} ({r})" for c, r in zip(colours, roles)))
    if profile.accessories:
        # Said apart so a prompt never drops the hat or the glasses that make the character.
        parts.append("always wearing " + ", ".join(profile.accessories))
    parts.append(f"{profile.silhouette} silhouette")
    if profile.figure:
        parts.append("proportions " + ", ".join(f"{k} {v:g}" for k, v in sorted(profile.figure.items())))
    parts.append("same face, build, hair and wardrobe in every shot")
    return "[" + "; ".join(parts) + "]"


def _family(noun: str) -> set[str]:
    noun = noun.lower()
    return next((f for f in GARMENT_FAMILIES if noun in f), {noun})


def _locked_colors(profile: CharacterProfile, noun: str) -> list[str] | None:
    """Colour words the lock gives the garment or hair `noun`; None when the lock says nothing about it."""
    if noun in HAIR_NOUNS:
        source = profile.hair if noun == "hair" else profile.face
        if noun not in source.lower() and not (noun == "hair" and source):
            return None
        words = [w for w in re.findall(r"[a-z]+", source.lower()) if w in COLOR_WORDS]
        return words or None
    family = _family(noun)
    worn = " and ".join(w for w in [profile.wardrobe, *profile.accessories] if w)
    for piece in re.split(r"\band\b|,", worn.lower()):
        piece_words = re.findall(r"[a-z'\-]+", piece)
        if any(w in family for w in piece_words):
            words = [w for w in piece_words if w in COLOR_WORDS]
            return words or None
    return None


def _mentions(text: str, cast: list[CharacterProfile]) -> list[tuple[int, CharacterProfile]]:
    """Where each character is named (by name or alias) in text, in order."""
    found = []
    for profile in cast:
        handles = [profile.name] + [a for a in profile.aliases if a.strip()]
        for handle in handles:
            for match in re.finditer(r"\b" + re.escape(handle) + r"\b", text, re.I):
                found.append((match.start(), profile))
    return sorted(found, key=lambda m: m[0])


def enforce_lock(shot_description: str, cast: list[CharacterProfile]) -> tuple[str, list[str]]:
    """The description with lock-contradicting colours corrected, and one message per correction."""
    mentions = _mentions(shot_description, cast)
    if not mentions:
        return shot_description, []
    nouns = "|".join(sorted(set(GARMENTS) | set(HAIR_NOUNS) | set(ACCESSORY_NOUNS), key=len, reverse=True))
    pattern = re.compile(r"\b((?:(?:" + _COLOR_PATTERN + r")[\s\-]+(?:and\s+)?){1,2})((?:[a-z'\-]+\s+){0,2}?)(" + nouns + r")\b",
                         re.I)
    corrected: list[str] = []
    messages: list[str] = []
    last = 0
    for match in pattern.finditer(shot_description):
        owner = _owner(shot_description, match.start(), mentions)
        noun = match.group(3).lower()
        locked = _locked_colors(owner, noun) if owner else None
        said = [w.lower() for w in re.findall(r"[A-Za-z]+", match.group(1)) if w.lower() in COLOR_WORDS]
        if not locked or set(said) <= set(locked) or _same_colours(said, locked):
            continue
        replacement = " ".join(locked) + " "
        corrected.append(shot_description[last:match.start(1)])
        corrected.append(_match_case(match.group(1), replacement))
        last = match.end(1)
        before = match.group(0).strip()
        after = (replacement + match.group(2) + match.group(3)).strip()
        what = "hair" if noun in HAIR_NOUNS else "wardrobe"
        lock_text = owner.hair if noun == "hair" else owner.face if noun in HAIR_NOUNS else \
            " and ".join(w for w in [owner.wardrobe, *owner.accessories] if w)
        messages.append(f"{owner.name}: '{before}' -> '{after}' (locked {what}: {lock_text})")
    corrected.append(shot_description[last:])
    return "".join(corrected), messages


def _same_colours(said: list[str], locked: list[str]) -> bool:
    """grey/gray, rust/rusty: different words, one colour."""
    return {COLOR_WORDS[w] for w in said} <= {COLOR_WORDS[w] for w in locked}


def _owner(text: str, at: int, mentions: list[tuple[int, CharacterProfile]]) -> CharacterProfile | None:
    """Whose garment this is: the character named just before it in the same sentence,
    or the last one named before a possessive pronoun, or the only character mentioned."""
    sentence_start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
    before = [p for pos, p in mentions if pos < at]
    in_sentence = [p for pos, p in mentions if sentence_start <= pos < at]
    if in_sentence:
        return in_sentence[-1]
    words_before = text[sentence_start:at].lower().split()
    if words_before and words_before[-1] in _PRONOUNS and before:
        return before[-1]
    distinct = {p.name: p for _, p in mentions}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
