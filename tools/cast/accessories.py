"""What a character wears on head, face and neck, as the script says it.

Hats, glasses, headphones and scarves make a figure recognisable at a glance, so
they are read apart from the wardrobe ("in a tweed suit and a flat cap" is a suit
to wear and a cap to draw) with the words that shape and colour them ("red
knitted hat", "wire-rimmed glasses"). Word forms come from lemminflect.
"""

from __future__ import annotations

import re

from lemminflect import getLemma

# What is worn on the head, face and neck: drawn on the figure, kept apart from the wardrobe.
ACCESSORIES = {"hat": ("hat", "cap", "beanie", "fedora", "beret", "bowler", "toque", "sou'wester", "stetson", "trilby"),
               "glasses": ("glasses", "spectacles", "sunglasses", "eyeglasses", "shades", "bespectacled"),
               "headphones": ("headphones", "earphones", "headset", "earbuds"),
               "scarf": ("scarf", "headscarf", "muffler", "bandana")}
ACCESSORY_NOUNS = {noun: kind for kind, nouns in ACCESSORIES.items() for noun in nouns}
_STOP = {"a", "an", "the", "his", "her", "their", "its", "one", "some", "with", "and", "in", "into", "over", "to",
         "pulled", "tied", "scraped", "of"}
_NOT_MODIFIERS = {"my", "your", "our", "it", "him", "them", "under", "on", "off", "up", "down", "at", "from", "for",
                  "by", "as", "is", "are", "was", "no", "not", "out", "@@", "s"}


def accessories_in(text: str) -> list[str]:
    """Hats, glasses, headphones and scarves named in text, with their modifiers: 'red knitted hat'."""
    found: list[str] = []
    # Drinking glasses are not worn: "the plates and glasses", "two glasses of wine", "raises his glass".
    text = re.sub(r"\b(?:(?:the|two|three|some|empty|wine|clean|dirty|(?:plates|cups|bottles|dishes),?(?: and)?)\s+glasses"
                  r"|glasses of)\b", " ", text.lower().replace("\u2019", "'"))
    text = re.sub(r"'s\b", "", text)
    for clause in re.split(r"[,.;:!?()]|\band\b|\bwith\b", text):
        words = re.findall(r"[a-z'\-]+", clause)
        for i, noun in enumerate(words):
            if noun == "bespectacled":
                found.append("glasses")
                continue
            lemma = (getLemma(noun, upos="NOUN") or (noun,))[0]
            if noun not in ACCESSORY_NOUNS and lemma not in ACCESSORY_NOUNS:
                continue
            modifiers: list[str] = []
            for word in reversed(words[max(0, i - 3):i]):
                if word in _STOP or word in ACCESSORY_NOUNS or word in _NOT_MODIFIERS or \
                        getLemma(word, upos="VERB")[0] != word and word.endswith(("s", "ing")):
                    break
                modifiers.insert(0, word)
            found.append(" ".join(modifiers + [noun]))
    return list(dict.fromkeys(found))


def accessory_kind(phrase: str) -> str:
    """hat, glasses, headphones or scarf for an accessory phrase ('' when none)."""
    for word in reversed(re.findall(r"[a-z][a-z'\-]*", phrase.lower())):
        lemma = (getLemma(word, upos="NOUN") or (word,))[0]
        if word in ACCESSORY_NOUNS or lemma in ACCESSORY_NOUNS:
            return ACCESSORY_NOUNS.get(word) or ACCESSORY_NOUNS[lemma]
    return ""
