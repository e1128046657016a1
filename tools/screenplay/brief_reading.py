"""Reading a brief the way a writer does: who, with whom, where, what happens.

"A lighthouse keeper finds a small robot washed ashore after a storm" gives a
protagonist (the keeper), a second figure (the robot), places (lighthouse,
shore) and an event (the storm). Briefs that name none of these (a brand
short, a single word) still yield a reading: the genre and theme fill the gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DETERMINERS = {"a", "an", "the", "her", "his", "their", "its", "my", "our", "one", "some", "two"}
_PREPOSITIONS = {"after", "before", "in", "on", "at", "through", "across", "into", "from", "with", "during", "for",
                 "who", "that", "which", "while", "when", "to", "by", "near", "under", "over", "around", "and", "but",
                 "as", "of", "about", "against", "inside", "outside", "beyond"}
_NOT_VERBS = {"glass", "bus", "gas", "boss", "class", "grass", "dress", "chess", "moss", "loss", "press", "news",
              "ashes", "mess", "kiss", "species", "series", "lens", "always", "sometimes", "towns", "streets",
              "this", "thus", "us", "yes", "its", "his", "hers", "ours", "is", "was", "has", "does", "sci-fi"}
_ENCOUNTERS = re.compile(r"(?:find|meet|discover|rescue|see|hear|spot|save|follow|chase|notice|encounter|stumble)",
                         re.IGNORECASE)
_BRAND = re.compile(r"\b(brand|commercial|advert|ad|spot|campaign|product|launch|promo|promotional|sponsored)\b",
                    re.IGNORECASE)

# Places a brief can name, and the sets a short film would shoot there (INT?, LOCATION).
SETTINGS: dict[str, list[tuple[bool, str]]] = {
    "lighthouse": [(False, "LIGHTHOUSE GALLERY"), (True, "LIGHTHOUSE KITCHEN"), (True, "LIGHTHOUSE LAMP ROOM")],
    "shore": [(False, "ROCKY SHORE")], "beach": [(False, "BEACH")], "sea": [(False, "HARBOUR WALL")],
    "park": [(False, "CITY PARK"), (False, "PARK POND"), (False, "PARK BANDSTAND")],
    "city": [(False, "NEON STREET"), (False, "ROOFTOPS"), (True, "SUBWAY TUNNEL")],
    "coffee": [(True, "CORNER CAFÉ"), (True, "SMALL KITCHEN"), (False, "CITY STREET")],
    "cafe": [(True, "CORNER CAFÉ"), (False, "CITY STREET")],
    "space": [(True, "STATION CORRIDOR"), (True, "COCKPIT"), (False, "STATION HULL")],
    "forest": [(False, "FOREST PATH"), (False, "CLEARING"), (False, "OLD OAK")],
    "desert": [(False, "DESERT ROAD"), (False, "DUNE RIDGE")], "mountain": [(False, "MOUNTAIN PASS"), (True, "HUT")],
    "school": [(True, "CLASSROOM"), (False, "SCHOOLYARD")], "office": [(True, "OPEN-PLAN OFFICE"), (False, "ROOF")],
    "hospital": [(True, "HOSPITAL BREAK ROOM"), (True, "HOSPITAL WARD"), (False, "HOSPITAL ROOF")],
    "kitchen": [(True, "KITCHEN")], "home": [(True, "LIVING ROOM"), (True, "KITCHEN"), (True, "HALLWAY")],
    "train": [(True, "TRAIN CARRIAGE"), (False, "PLATFORM")], "market": [(False, "MARKET STALLS")],
    "lab": [(True, "LAB")], "farm": [(False, "FARMYARD"), (True, "BARN")], "river": [(False, "RIVERBANK")],
    "lake": [(False, "LAKE SHORE")], "street": [(False, "CITY STREET")], "rooftop": [(False, "ROOFTOP")],
    "snow": [(False, "FROZEN FIELD")], "garden": [(False, "BACK GARDEN")], "studio": [(True, "STUDIO")],
}
_SETTING_ALIASES = {
    "ashore": "shore", "coast": "shore", "ocean": "sea", "harbour": "sea", "harbor": "sea", "neon": "city",
    "streets": "city", "downtown": "city", "café": "cafe", "espresso": "coffee", "spaceship": "space",
    "station": "space", "planet": "space", "mars": "space", "woods": "forest", "house": "home", "apartment": "home",
    "flat": "home", "classroom": "school", "subway": "train", "playground": "park", "laboratory": "lab",
    "winter": "snow", "alley": "street", "rooftops": "rooftop", "roof": "rooftop", "frozen": "lake",
    "fields": "farm", "village": "market",
}
# Only events the writer has beats for (brief_world.EVENT_BEATS); the rest are mapped onto the nearest one.
EVENTS = ("lost", "ice", "storm", "fire", "rain", "blackout", "chase")
_EVENT_ALIASES = {
    "frozen": "ice", "icy": "ice", "skating": "ice", "snow": "ice", "loses": "lost", "lose": "lost",
    "missing": "lost", "runaway": "lost", "chased": "chase", "chases": "chase", "pursuit": "chase", "heist": "chase",
    "invasion": "chase", "race": "chase", "hurricane": "storm", "thunder": "storm", "rainy": "rain",
    "raining": "rain", "flood": "rain", "flooded": "rain", "burning": "fire", "burns": "fire", "alarm": "fire",
    "snowstorm": "storm", "outage": "blackout", "eclipse": "blackout", "power": "blackout",
}
_ROBOTS = {"robot", "android", "drone", "droid", "machine", "bot", "ai", "cyborg"}
_ANIMALS = {"dog", "puppy", "cat", "kitten", "bird", "fox", "horse", "owl", "crow", "rabbit", "whale", "seal",
            "dragon", "wolf", "bear", "goat", "turtle", "parrot", "hedgehog"}
_PEOPLE = {"child", "kid", "girl", "boy", "woman", "man", "stranger", "friend", "mother", "father", "sister",
           "brother", "grandmother", "grandfather", "daughter", "son", "teacher", "nurse", "courier", "detective",
           "keeper", "barista", "pilot", "soldier", "astronaut", "musician", "chef", "doctor", "runner", "thief",
           "grandson", "granddaughter", "grandma", "grandpa", "uncle", "aunt", "niece", "nephew", "wife", "husband",
           "partner", "neighbour", "neighbor", "baby", "twin", "twins", "couple", "family", "student", "widow",
           "fisherman", "farmer", "artist", "dancer", "boxer", "witch", "knight", "princess", "king", "queen"}
_GENRES = {"sci-fi": "scifi", "scifi": "scifi", "science": "scifi", "cyberpunk": "scifi", "future": "scifi",
           "horror": "thriller", "thriller": "thriller", "heist": "thriller", "chase": "thriller",
           "comedy": "comedy", "funny": "comedy", "family": "family", "child": "family", "kid": "family"}


@dataclass
class BriefReading:
    """What a writer takes from a brief before writing."""

    protagonist: str = ""  # role words, e.g. "lighthouse keeper"
    companion: str = ""  # e.g. "small robot"
    companion_kind: str = ""  # robot, animal, person, object, or "" when there is none
    settings: list[str] = field(default_factory=list)  # keys of SETTINGS, most specific first
    event: str = ""
    product: str = ""  # the brand's name, for brand shorts
    category: str = ""  # what the brand sells, e.g. "coffee"
    genre: str = "drama"
    theme: str = ""  # the brief itself when it is a word or two
    together: bool = False  # protagonist and companion arrive together ("a child and a dog")
    want: str = ""  # what the protagonist is after, from "learns to bake bread": "bake bread"


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'\-]*|[0-9]+", text.lower())


def _noun_phrase(tokens: list[str], start: int) -> list[str]:
    """Words of the noun phrase starting at `start`, stopping at a preposition or participle."""
    out = []
    for tok in tokens[start:start + 4]:
        if tok in _DETERMINERS and not out:
            continue
        if tok in _PREPOSITIONS or (out and tok.endswith(("ed", "ing")) and len(tok) > 4):
            break
        out.append(tok)
    return out


def figure_kind(noun: str) -> str:
    """robot, animal, person or object, for one noun of a brief."""
    if noun in _ROBOTS:
        return "robot"
    if noun in _ANIMALS:
        return "animal"
    if noun in _PEOPLE or noun.endswith(("er", "or", "ist")):
        return "person"
    return "object"


def _singular(tok: str) -> str:
    return tok[:-1] if tok.endswith("s") and not tok.endswith("ss") else tok


def _verb_after_figure(tokens: list[str]) -> int | None:
    """Index of the verb right after the first figure noun ('two astronauts ARGUE', 'a courier RACES')."""
    for i, tok in enumerate(tokens[:-1]):
        if figure_kind(_singular(tok)) in ("person", "animal", "robot") and _singular(tok) in _PEOPLE | _ANIMALS | _ROBOTS:
            nxt = tokens[i + 1]
            if nxt not in _DETERMINERS | _PREPOSITIONS and not nxt.endswith("ed"):
                return i + 1
            return None
    return None


def settings_named_in(text: str) -> list[str]:
    """Keys of SETTINGS that a text names, in order ("set it in a forest" -> ["forest"])."""
    found: list[str] = []
    for tok in _tokens(text):
        key = _SETTING_ALIASES.get(tok, tok)
        if key in SETTINGS and key not in found:
            found.append(key)
    return found


def read_brief(text: str) -> BriefReading:
    """Pull protagonist, companion, settings, event, product and genre out of a brief."""
    tokens = _tokens(text)
    reading = BriefReading()
    if len(tokens) <= 2:
        reading.theme = " ".join(tokens)
    for tok in tokens:
        key = _SETTING_ALIASES.get(tok, tok)
        if key in SETTINGS and key not in reading.settings:
            reading.settings.append(key)
        event = _EVENT_ALIASES.get(tok, tok)
        if not reading.event and event in EVENTS:
            reading.event = event
        if tok in _GENRES and reading.genre == "drama":
            reading.genre = _GENRES[tok]
    if _BRAND.search(text):
        reading.genre = "brand"
        # The brand's own name is the capitalised word the brief gives it ("for Ember, a coffee brand").
        named = re.search(r"\b(?:for|by|from|called|named)\s+([A-Z][\w'&-]+(?:\s+[A-Z][\w'&-]+)?)", text)
        m = re.search(r"\b(?:for|promo for) (?:an? |the )?([a-z][a-z\- ]*?) (?:brand|company|shop|store|label|startup|"
                      r"business|cafe|café)\b", text.lower())
        after_name = named and re.match(r"\s+([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?)\s*(?:$|[.,:;!])",
                                        text[named.end():])
        if m:
            category = m.group(1).split()[-1]
        elif after_name:
            category = after_name.group(1)  # "for Nimbus running shoes"
        else:
            category = next((s for s in reading.settings), "")
        reading.product = named.group(1) if named else category.title()
        reading.category = category.strip()

    verb_at = _verb_after_figure(tokens)
    verb_at = verb_at if verb_at is not None else next((i for i, tok in enumerate(tokens[1:], start=1)
                    if tok.endswith("s") and tok not in _NOT_VERBS and len(tok) > 3
                    and (i + 1 == len(tokens) or tokens[i + 1] in _DETERMINERS | _PREPOSITIONS | {"out", "up", "back"})
                    and tokens[i - 1] not in _DETERMINERS), None)
    if verb_at is not None:
        subject = [t for t in tokens[:verb_at] if t not in _DETERMINERS]
        obj = _noun_phrase(tokens, verb_at + 1)
        if verb_at + 1 < len(tokens) and tokens[verb_at + 1] == "to":
            want = []
            for tok in tokens[verb_at + 2: verb_at + 6]:
                if tok in _PREPOSITIONS - {"to"}:
                    break
                want.append(tok)
            reading.want = " ".join(want)
            obj = []

    elif "and" in tokens:
        split = tokens.index("and")
        subject = _noun_phrase(tokens, 0)[:3]
        obj = _noun_phrase(tokens, split + 1)
        reading.together = True
    else:
        subject, obj = [], []
    subject = [t for t in subject if not t.isdigit()][-3:]
    figure = subject and figure_kind(_singular(subject[-1])) in ("person", "animal", "robot")
    if figure and not _BRAND.search(" ".join(subject)):
        reading.protagonist = " ".join(subject)
    if obj and obj[-1] not in SETTINGS and _SETTING_ALIASES.get(obj[-1]) is None:
        reading.companion = " ".join(obj[-3:])
        reading.companion_kind = figure_kind(_singular(obj[-1]))
        # "teaches her grandson" shares the opening scene; "finds a robot" is the encounter itself.
        if verb_at is not None and reading.companion_kind == "person" and \
                not _ENCOUNTERS.match(tokens[verb_at]):
            reading.together = True
    return reading
