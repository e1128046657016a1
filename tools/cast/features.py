"""Reading a character's look out of the line that introduces them.

Screenwriters introduce a character once, in caps, with an age and a few
strokes: "ELIAS (60s), weathered, in a yellow oilskin coat". These rules pull
out what a costume and design department would: age, build, face, hair,
wardrobe, props, and what kind of body to draw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lemminflect import getLemma

from memory.look import age_group
from tools.cast.accessories import accessories_in, accessory_kind
from tools.cast.colors import color_words_in

BUILD_WORDS = ("slight", "slim", "thin", "skinny", "lanky", "wiry", "gangly", "tall", "short", "small", "tiny",
               "little", "petite", "broad", "broad-shouldered", "stocky", "burly", "heavy", "heavyset", "stout",
               "muscular", "hulking", "large", "big", "huge", "plump", "chubby", "average", "stooped",
               "hunched", "frail", "sturdy", "squat", "mechanical", "boxy", "spindly")
FACE_WORDS = ("gap-toothed", "snaggle-toothed", "paper-thin", "hollow-eyed", "weathered", "bearded", "scarred", "freckled", "wrinkled", "pale", "gaunt", "clean-shaven",
              "sunburnt", "tanned", "craggy", "wide-eyed", "one-eyed", "stubbled", "unshaven", "lined",
              "moustached", "mustached", "rosy-cheeked", "sharp-featured", "round-faced")
FACE_NOUNS = ("beard", "moustache", "mustache", "scar", "freckles", "eyepatch",
              "stubble", "wrinkles", "eye", "eyes")
GARMENTS = ("coat", "jacket", "raincoat", "oilskin", "overcoat", "parka", "anorak", "mac", "poncho", "cloak",
            "cape", "robe", "gown", "dress", "skirt", "shirt", "t-shirt", "blouse", "sweater", "jumper",
            "cardigan", "hoodie", "vest", "waistcoat", "suit", "blazer", "uniform", "overalls", "dungarees",
            "apron", "tunic", "jeans", "trousers", "pants", "shorts", "boots", "wellingtons", "scarf", "hat",
            "cap", "beanie", "helmet", "armour", "armor", "shell", "casing", "plating", "chassis", "pyjamas",
            "pajamas", "kimono", "sari", "jumpsuit", "coveralls", "fleece", "sou'wester", "mittens", "gloves",
            "visor", "goggles", "scrubs", "headscarf", "bandana", "mask", "shawl", "sandals", "trainers", "sneakers",
            "tie", "polo", "fedora", "beret", "gi", "tuxedo", "kilt", "leggings", "tracksuit", "shoes", "socks",
            "sweatshirt", "slippers", "heels")
# A stroke of the introduction that is only a hair colour: "MINNA (20s), blonde, ..." / "dark with short hair".
HAIR_COLOUR_WORDS = ("blonde", "blond", "brunette", "redhead", "ginger", "auburn", "platinum", "dark", "fair",
                     "grey-haired", "gray-haired", "white-haired", "silver-haired", "dark-haired", "fair-haired")
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
    accessories: list[str] = field(default_factory=list)
    silhouette: str = "human"
    words: set[str] = field(default_factory=set)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'\-]*", text.lower())


def parse_age(text: str) -> str:
    """'60s', '10', 'old', 'young', 'child'... as the script puts it; '' when it does not."""
    bracket = re.search(r"\(\s*(\d{1,3}\s*s?|late \d0s|early \d0s|mid[- ]\d0s)\s*\)", text, re.I)
    if bracket:
        return bracket.group(1).replace(" ", "")
    inline = re.search(r"\b(?:in (?:his|her|their) )?((?:late |early |mid-)?\d0)[\u2019']?s\b", text, re.I)
    if inline:
        return inline.group(1) + "s"
    decade = re.search(r"\b(?:in (?:his|her|their) )?(early |mid[- ]|late )?(twenties|thirties|forties|fifties|sixties|"
                       r"seventies|eighties|nineties)\b", text, re.I)
    if decade:
        tens = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
        return f"{(decade.group(1) or '').strip().replace(' ', '')}{20 + 10 * tens.index(decade.group(2).lower())}s"
    # "MARCO, 35, ..." / "WILBUR, also 10," / "ZACKY is 10." / "-- still about 10 --"
    bare = re.search(r"@@(?: [A-Z][A-Z'\-]+)?\s*(?:\([^)]*\))?\s*(?:,|--|-|\bis\b)\s*(?:also |still |about |only |just )*(\d{1,2})"
                     r"\s*(?=,|--|-|\.|;|\band\b|$)", text)
    if bare:
        return bare.group(1)
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
    last = max((i for i, w in enumerate(words) if w.lower().strip("'") in stop_nouns
                or (getLemma(w.lower().strip("',"), upos="NOUN") or ("",))[0] in stop_nouns), default=-1)
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
            # A stroke is a few words ("weathered", "shaved head"); a longer one is a clause, not a feature.
            if kind in ("face", "build", "hair") and len(item.split()) > 3:
                continue
            if kind == "build" and not all(w in BUILD_WORDS or w in ("and", "very") for w in _words(item)):
                continue
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
    feats.build = ", ".join(scoped_build(text))
    face = [m.group(1).lower() for m in re.finditer(r"\b([A-Za-z\-]+)\b(?!\s+(?:[A-Z]{2,}|(?:man|men|woman|women|guy|"
            r"stranger|boy|girl|kid|figure|people|person)\b))", text) if m.group(1).lower() in FACE_WORDS]
    for noun in FACE_NOUNS:
        m = re.search(r"\b(?:with |wearing )?((?:a |an )?(?:[a-z\-]+ )?" + noun + r")\b", text, re.I)
        if m and noun not in ("eye", "eyes") or (m and re.search(r"\b(one|glass|blue|green|brown|grey|gray)[ -]eye", text, re.I)):
            face.append(re.sub(r"^(?:a|an) ", "", m.group(1).strip(), flags=re.I))
    feats.face = ", ".join(dict.fromkeys(face))
    feats.hair = ", ".join(hair_phrases(text))
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


_NOT_HAIR_WORDS = {"a", "an", "the", "his", "her", "their", "with", "and", "in", "into", "over", "to", "pulled",
                   "tied", "scraped", "of"}


def hair_phrases(text: str) -> list[str]:
    """Every hair phrase: 'curly red hair', 'ponytail', 'bald'; a lone colour stroke ('blonde') too."""
    found: list[str] = []
    for match in re.finditer(r"\b((?:[a-z\-]+,? ){0,2}(?:hair(?:ed)?|braids?|ponytail|pigtails|curls|dreadlocks|bun|"
                             r"mohawk|plaits))\b", text, re.I):
        # A word before a comma is kept only when it is a colour ("blonde, long hair", not "handsome, ...").
        kept = [w.rstrip(",") for w in match.group(1).split() if w.lower().rstrip(",") not in _NOT_HAIR_WORDS
                and len(w.rstrip(",")) > 1 and not w.lower().endswith(("'s", "\u2019s"))
                and (not w.endswith(",") or w.lower().rstrip(",") in HAIR_COLOUR_WORDS or color_words_in(w))]
        if kept and not (len(kept) == 1 and kept[0].lower() in ("haired",)):
            found.append(" ".join(kept))
    length = re.search(r"\bhair (?:is |was )?(?:cut |cropped |worn )?(short|long)\b", text, re.I)
    if length and not any(length.group(1).lower() in f.lower() for f in found):
        found.append(f"cut {length.group(1).lower()}")
    if re.search(r"\b(?:shaved|shaven) head\b", text, re.I):
        found.append("shaved head")
    words = set(_words(text))
    if not found and words & {"bald", "balding"}:
        found.append("bald" if "bald" in words else "balding")
    for stroke in _strokes(text):
        first = stroke.split()[0].lower() if stroke.split() else ""
        if first in HAIR_COLOUR_WORDS or stroke.lower() in ("platinum blonde", "strawberry blonde"):
            colour = re.split(r" with | and ", stroke)[0].strip()
            if not any(colour.lower() in f.lower() for f in found):
                found.insert(0, colour)
    return list(dict.fromkeys(found))


def _strokes(text: str) -> list[str]:
    """The comma-separated strokes right after the name: 'NAME (20s), blonde, in jeans, locks...'."""
    mark = text.find("@@")
    tail = text[mark + 2:] if mark >= 0 else text
    tail = re.sub(r"^\s*\([^)]*\)", "", tail)
    clause = re.split(r"[.;:!?]| - | -- ", tail, maxsplit=1)[0]
    return [piece.strip() for piece in clause.split(",") if piece.strip()]


_PERSON_AFTER = r"(?:man|woman|men|women|guy|girl|boy|kid|child|teenager|teen|figure|giant|person|lad|lass|fellow|bloke|[a-z]+er|[a-z]+or|[a-z]+ist)\b"


def scoped_build(text: str) -> list[str]:
    """Build words about the character only: a stroke that is nothing but build ('frail',
    'small for his age'), the appositive joined to the name ('RAFE, a heavyset man'), or a
    predicate ('DON is 12, and a lot bigger'). 'A large dining table' in the same sentence is not a build."""
    build = [w for w in BUILD_WORDS if w not in ("little",)]
    pattern = "|".join(sorted(build, key=len, reverse=True))
    found: list[str] = []
    for stroke in _strokes(text):
        words = _words(stroke)
        if words and words[0] in build and (len(words) == 1 or re.match(r"^\S+ for (?:his|her|their) age", stroke.lower())
                                            or all(w in build or w in ("and", "but", "very") for w in words)):
            found += [w for w in words if w in build]
    # Appositive: "@@ (50s), a heavyset man" / "A tall woman in a red coat, @@" / "her tall husband @@".
    for match in re.finditer(r"@@\s*(?:\([^)]*\))?\s*,\s*(?:an?|the)\s+((?:[a-z\-]+\s+){0,3}?)(" + _PERSON_AFTER + ")",
                             text, re.I):
        found += [w for w in _words(match.group(1)) if w in build]
        if match.group(2).lower() == "giant":  # "a giant of a man"
            found.append("huge")
    for match in re.finditer(r"^(?:an?|the|his|her|their)\s+((?:[a-z\-]+\s+){0,3}?)" + _PERSON_AFTER + r"[^@]*@@", text, re.I):
        found += [w for w in _words(match.group(1)) if w in build]
    # The build word ends the predicate ("is tall.", "a lot bigger than the others"): followed by a noun
    # it describes a thing ("is driving a small tractor"); after "@@'s hair is" it describes the hair.
    predicate = re.search(r"@@(?!['\u2019]s)\s*(?:\([^)]*\))?[^.;@]*?\b(?:is|looks|seems)\b[^.;@]*?\b(" + pattern
                          + r"|bigger|taller|smaller)\b(?=\s*(?:[,.;:!?]|and\b|but\b|than\b(?! life)|for\b|$))", text, re.I)
    if predicate:
        word = predicate.group(1).lower()
        found.append({"bigger": "big", "taller": "tall", "smaller": "small"}.get(word, word))
    return list(dict.fromkeys(found))


_PIECE_LEAD = {"in", "into", "his", "her", "their", "its", "a", "an", "the", "wearing", "wears", "with", "dressed"}


def _is_garment(word: str) -> bool:
    word = word.lower().strip("',")
    return word in GARMENTS or (getLemma(word, upos="NOUN") or ("",))[0] in GARMENTS


def _without_accessories(wardrobe: str) -> str:
    """The wardrobe as garment phrases only: accessories go to their own list, and a phrase that ran
    on past its garment ('white shoes searches the locker room') is cut back to it."""
    kept = []
    for piece in (p.strip() for p in re.split(r"\band\b", wardrobe) if p.strip()):
        words = piece.split()
        garments = [i for i, w in enumerate(words) if _is_garment(w)]
        if not garments or accessory_kind(piece) or re.search(r"\b[A-Z][a-z]+['\u2019]s\b", piece):
            continue  # no garment, an accessory, or someone else's ("takes Minna's coat")
        words = words[:(garments[0] if len(words) > 5 else garments[-1]) + 1]
        leads = [i for i, w in enumerate(words) if w.lower() in _PIECE_LEAD]
        kept.append(" ".join(words[leads[-1] + 1:] if leads else words))
    return " and ".join(k for k in kept if k)


_HAIR_DESCRIPTORS = set(HAIR_COLOUR_WORDS) | {"long", "short", "curly", "straight", "wavy", "cropped", "grey", "gray",
                                               "white", "black", "brown", "red", "silver", "bald", "shaved", "braids",
                                               "ponytail", "bun", "dreadlocks", "plaits", "pigtails", "mohawk"}


def _later_features(passage: str) -> Features:
    """What a later action line states plainly about the look: a beard, described hair, what they
    wear ('in a grey parka', 'wearing a cap'); never a garment they handle ('takes Minna's coat')."""
    feats = Features(words=set(_words(passage)))
    feats.age = parse_age(passage)
    feats.hair = ", ".join(h for h in hair_phrases(passage) if set(_words(h)) & _HAIR_DESCRIPTORS)
    facial = re.findall(r"\b((?:[a-z\-]+ )?(?:beard|moustache|mustache|stubble))\b", passage, re.I)
    feats.face = ", ".join(dict.fromkeys(re.sub(r"^(?:a|an|his|her|the|and|with) ", "", f.lower()) for f in facial))
    worn = _phrase_after(passage, r"\b(?:in|wearing|wears|dressed in|wrapped in|clad in)\s+", GARMENTS)
    feats.wardrobe = worn if worn and len(worn.split()) <= 6 and not re.search(r"[A-Z]{2,}", worn) else ""
    feats.build = ", ".join(scoped_build(passage))
    return feats


def read_look(passages: list[str]) -> Features:
    """A character's look from their passages (introduction first, then later action about them).

    The introduction is read in full; later passages add what it did not say (a beard first
    mentioned in scene 3), never overwrite it.
    """
    if not passages:
        return Features()
    feats = parse_features(passages[0])
    for later in passages[1:]:
        more = _later_features(later)
        # A later line gives an age only as a number ("still about 10"); an "old friend" is not an age.
        feats.age = feats.age or (more.age if re.fullmatch(r"(?:early|mid-?|late)?\d{1,3}s?", more.age or "") else "")
        feats.hair = feats.hair or more.hair
        feats.wardrobe = feats.wardrobe or more.wardrobe
        feats.build = feats.build or more.build
        if more.face:
            feats.face = ", ".join(dict.fromkeys([f for f in feats.face.split(", ") if f] + more.face.split(", ")))
        feats.words |= more.words
    found = [a for passage in passages for a in accessories_in(passage)]
    kinds: dict[str, str] = {}
    for phrase in found:  # the first, fullest phrase of each kind: 'red knitted hat' over a later 'hat'
        kind = accessory_kind(phrase)
        if kind and (kind not in kinds or len(phrase) > len(kinds[kind]) and kinds[kind] in phrase):
            kinds[kind] = phrase
    feats.accessories = list(kinds.values())
    feats.wardrobe = _without_accessories(feats.wardrobe)
    feats.face = ", ".join(f for f in feats.face.split(", ") if f and not accessory_kind(f))
    if feats.silhouette == "human" and age_group(feats.age) == "child":
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
