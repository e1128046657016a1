"""Reading a character's look out of the line that introduces them.

Screenwriters introduce a character once, in caps, with an age and a few
strokes: "ELIAS (60s), weathered, in a yellow oilskin coat". These rules pull
out what a costume and design department would: age, build, face, hair,
wardrobe, props, and what kind of body to draw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from memory.look import age_group

BUILD_WORDS = ("slight", "slim", "thin", "skinny", "lanky", "wiry", "gangly", "tall", "short", "small", "tiny",
               "little", "petite", "broad", "broad-shouldered", "stocky", "burly", "heavy", "heavyset", "stout",
               "muscular", "hulking", "large", "big", "huge", "plump", "chubby", "average", "stooped",
               "hunched", "frail", "sturdy", "squat", "mechanical", "boxy", "spindly")
FACE_WORDS = ("gap-toothed", "snaggle-toothed", "paper-thin", "hollow-eyed", "weathered", "bearded", "scarred", "freckled", "wrinkled", "pale", "gaunt", "clean-shaven",
              "sunburnt", "tanned", "craggy", "wide-eyed", "one-eyed", "bespectacled", "stubbled", "lined",
              "moustached", "mustached", "rosy-cheeked", "sharp-featured", "round-faced")
FACE_NOUNS = ("beard", "moustache", "mustache", "scar", "glasses", "spectacles", "freckles", "eyepatch",
              "stubble", "wrinkles", "eye", "eyes")
GARMENTS = ("coat", "jacket", "raincoat", "oilskin", "overcoat", "parka", "anorak", "mac", "poncho", "cloak",
            "cape", "robe", "gown", "dress", "skirt", "shirt", "t-shirt", "blouse", "sweater", "jumper",
            "cardigan", "hoodie", "vest", "waistcoat", "suit", "blazer", "uniform", "overalls", "dungarees",
            "apron", "tunic", "jeans", "trousers", "pants", "shorts", "boots", "wellingtons", "scarf", "hat",
            "cap", "beanie", "helmet", "armour", "armor", "shell", "casing", "plating", "chassis", "pyjamas",
            "pajamas", "kimono", "sari", "jumpsuit", "coveralls", "fleece", "sou'wester", "mittens", "gloves",
            "visor", "goggles", "scrubs", "headscarf", "bandana", "mask", "shawl", "sandals", "trainers", "sneakers")
HAIR_WORDS = ("hair", "haired", "bald", "balding", "shaved head", "buzzcut", "crew cut", "braids", "braid", "ponytail", "pigtails", "curls", "dreadlocks",
              "bun", "mohawk", "fringe", "bob")
ROBOT_WORDS = ("robot", "android", "machine", "droid", "automaton", "cyborg", "drone", "bot", "mech")
ANIMAL_WORDS = ("dog", "cat", "bird", "puppy", "kitten", "fox", "horse", "gull", "seagull", "crow", "owl", "rabbit",
                "mouse", "rat", "wolf", "bear", "parrot", "pig", "goat", "cow", "sheep", "duck", "hound", "terrier")
CHILD_WORDS = ("child", "girl", "boy", "kid", "toddler", "baby", "infant", "schoolgirl", "schoolboy")
OLD_WORDS = ("old", "elderly", "aged", "ancient", "grey-haired", "gray-haired", "white-haired", "aging", "ageing")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
_PROP_VERBS = r"(?:carrying|carries|holding|holds|clutching|clutches|gripping|grips|with|hauling|hauls|dragging)"
# A carried thing ends where its motion begins: "hauls a lantern up the stairs".
_PROP_END = r"(?=[,.;:!?]| and | who | up | down | into | onto | across | through | to | from | toward | towards | along | over | under | past | out | in |$)"


@dataclass
class Features:
    """What the introduction says about a character's look (empty strings when silent)."""

    age: str = ""
    build: str = ""
    face: str = ""
    hair: str = ""
    wardrobe: str = ""
    props: list[str] = field(default_factory=list)
    silhouette: str = "human"
    words: set[str] = field(default_factory=set)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'\-]*", text.lower())


def parse_age(text: str) -> str:
    """'60s', '10', 'old', 'young', 'child'... as the script puts it; '' when it does not."""
    bracket = re.search(r"\(\s*(\d{1,3}\s*s?|late \d0s|early \d0s|mid[- ]\d0s)\s*\)", text, re.I)
    if bracket:
        return bracket.group(1).replace(" ", "")
    inline = re.search(r"\b(?:in (?:his|her|their) )?((?:late |early |mid-)?\d0s)\b", text, re.I)
    if inline:
        return inline.group(1)
    years = re.search(r"\b(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")[- ]years?[- ]old\b", text, re.I)
    if years:
        value = years.group(1).lower()
        return str(NUMBER_WORDS.get(value, value))
    of_age = re.search(r"\b(?:girl|boy|child|kid) of (\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b", text, re.I)
    if of_age:
        value = of_age.group(1).lower()
        return str(NUMBER_WORDS.get(value, value))
    words = set(_words(text))
    for word in OLD_WORDS:
        if word in words:
            return "old"
    if words & {"teen", "teenager", "teenage", "adolescent"}:
        return "teen"
    if words & set(CHILD_WORDS):
        return "child"
    if words & {"young", "youthful"}:
        return "young"
    return ""


_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "one", "some"}


def _noun_phrase(segment: str, stop_nouns: tuple[str, ...]) -> str:
    """`segment` cut after the last of `stop_nouns` it contains, without its article ('' if none)."""
    words = segment.strip().split()
    last = max((i for i, w in enumerate(words) if w.lower().strip("'") in stop_nouns), default=-1)
    if last < 0:
        return ""
    phrase = words[:last + 1]
    while phrase and phrase[0].lower() in _DETERMINERS:
        phrase = phrase[1:]
    return " ".join(phrase)


def _phrase_after(text: str, pattern: str, stop_nouns: tuple[str, ...]) -> str:
    """The noun phrase after `pattern` that names one of `stop_nouns`, joined with any
    '... and a red scarf' that follows it ('' when there is none)."""
    for match in re.finditer(pattern, text, re.I):
        clause = re.split(r"[,.;:!?]| who | as | while | that ", text[match.end():], maxsplit=1)[0]
        parts = [_noun_phrase(seg, stop_nouns) for seg in re.split(r" and | with ", clause)]
        if parts and parts[0]:
            kept = [parts[0]]
            for part in parts[1:]:
                if not part:
                    break
                kept.append(part)
            return " and ".join(kept)
    return ""


def introduction_items(text: str) -> list[str]:
    """The comma-separated strokes inside the introduction's first bracket:
    'MARA (60s, weathered, yellow oilskin)' -> ['60s', 'weathered', 'yellow oilskin']."""
    bracket = re.search(r"\(([^()]*)\)", text)
    return [item.strip() for item in bracket.group(1).split(",") if item.strip()] if bracket else []


def _item_kind(item: str) -> str:
    """What one bracketed stroke describes: age, wardrobe, hair, face, build or ''."""
    lowered = item.lower()
    words = set(_words(lowered))
    if re.fullmatch(r"(?:late |early |mid-?)?\d{1,3}s?|" + "|".join(NUMBER_WORDS), lowered):
        return "age"
    if words & set(GARMENTS):
        return "wardrobe"
    if any(h in lowered for h in HAIR_WORDS if " " in h) or words & {w for w in HAIR_WORDS if " " not in w}:
        return "hair"
    if words & set(FACE_WORDS) or words & set(FACE_NOUNS) or words & {"hands", "teeth", "skin", "toothed", "nose"}:
        return "face"
    if words & set(BUILD_WORDS):
        return "build"
    return ""


def parse_features(description: str) -> Features:
    """Everything `description` says about the look, by rule."""
    text = description
    words = _words(text)
    wordset = set(words)
    feats = Features(words=wordset)
    bracketed = {"age": [], "wardrobe": [], "hair": [], "face": [], "build": []}
    for item in introduction_items(text):
        kind = _item_kind(item)
        if kind:
            bracketed[kind].append(_noun_phrase(item, GARMENTS) if kind == "wardrobe" else item)
    feats = _parse_prose(text, feats)
    # Strokes in the bracket are the writer's deliberate description: they win over prose guesses.
    if bracketed["age"]:
        feats.age = bracketed["age"][0].replace(" ", "")
    if bracketed["wardrobe"]:
        feats.wardrobe = " and ".join(bracketed["wardrobe"])
    if bracketed["hair"]:
        feats.hair = ", ".join(bracketed["hair"])
    if bracketed["face"]:
        prose = [f for f in feats.face.split(", ") if f and not any(f in b for b in bracketed["face"])]
        feats.face = ", ".join(dict.fromkeys(bracketed["face"] + prose))
    if bracketed["build"] and not feats.build:
        feats.build = ", ".join(bracketed["build"])
    if feats.silhouette == "human" and age_group(feats.age) == "child":
        feats.silhouette = "child"
    return feats


def _parse_prose(text: str, feats: Features) -> Features:
    words = _words(text)
    wordset = feats.words
    feats.age = parse_age(text)
    feats.build = ", ".join(dict.fromkeys(w for w in words if w in BUILD_WORDS))
    face = [w for w in words if w in FACE_WORDS]
    for noun in FACE_NOUNS:
        m = re.search(r"\b(?:with |wearing )?((?:a |an )?(?:[a-z\-]+ )?" + noun + r")\b", text, re.I)
        if m and noun not in ("eye", "eyes") or (m and re.search(r"\b(one|glass|blue|green|brown|grey|gray)[ -]eye", text, re.I)):
            face.append(re.sub(r"^(?:a|an) ", "", m.group(1).strip(), flags=re.I))
    feats.face = ", ".join(dict.fromkeys(face))
    hair = re.search(r"\b((?:[a-z\-]+ ){0,2}(?:hair(?:ed)?|braids?|ponytail|pigtails|curls|dreadlocks|bun|mohawk))\b",
                     text, re.I)
    if hair:
        kept = [w for w in hair.group(1).split() if w.lower() not in {"a", "an", "the", "his", "her", "their", "with"}]
        feats.hair = " ".join(kept)
    elif "bald" in wordset or "balding" in wordset:
        feats.hair = "bald" if "bald" in wordset else "balding"
    feats.wardrobe = (_phrase_after(text, r"\b(?:in|wearing|dressed in|wrapped in|clad in|with|and)\s+", GARMENTS)
                      or _phrase_after(text, r"\b(?:his|her|their|its)\s+", GARMENTS))
    for match in re.finditer(r"\b" + _PROP_VERBS + r"\s+((?:a|an|the|his|her|their|its)\s+)?([a-z\- ]+?)" + _PROP_END,
                             text, re.I):
        prop = match.group(2).strip()
        if prop and not any(w in GARMENTS + FACE_NOUNS + HAIR_WORDS for w in prop.lower().split()) \
                and len(prop.split()) <= 4:
            feats.props.append(prop)
    if wordset & set(ROBOT_WORDS):
        feats.silhouette = "robot"
    elif wordset & set(ANIMAL_WORDS):
        feats.silhouette = "animal"
    elif wordset & set(CHILD_WORDS) or age_group(feats.age) == "child":
        feats.silhouette = "child"
    return feats


def figure_for(feats: Features) -> dict[str, float]:
    """Previs proportions relative to an average adult, from body type, age and build."""
    height, width, head = {"robot": (0.75, 1.0, 1.1), "animal": (0.45, 1.3, 0.9),
                           "child": (0.65, 0.8, 1.2)}.get(feats.silhouette, (1.0, 1.0, 1.0))
    build = set(feats.build.replace(",", " ").split())
    if build & {"tall", "lanky", "gangly", "huge", "hulking"}:
        height *= 1.12
    if build & {"short", "small", "tiny", "little", "petite", "squat"}:
        height *= 0.85
    if build & {"slight", "slim", "thin", "skinny", "wiry", "lanky", "spindly", "frail", "petite"}:
        width *= 0.85
    if build & {"broad", "broad-shouldered", "stocky", "burly", "heavy", "heavyset", "stout", "hulking",
                "big", "large", "round", "plump", "chubby", "boxy", "sturdy"}:
        width *= 1.2
    if feats.silhouette == "human" and age_group(feats.age) == "old" or build & {"stooped", "hunched"}:
        height *= 0.95
    return {"height": round(height, 3), "width": round(width, 3), "head": round(head, 3)}
