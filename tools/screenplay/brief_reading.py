"""Reading a brief the way a writer does: who, with whom, where, what happens.

"A lighthouse keeper finds a small robot washed ashore after a storm" gives a
protagonist (the keeper), a second figure (the robot), places (lighthouse,
shore) and an event (the storm). "A girl and her dog look for a lost kite"
gives a companion who is there from the start (her dog) and the object of the
quest (the lost kite), which becomes the key prop and the title. Briefs that
name none of these (a brand short, a single word) still yield a reading: the
genre and theme fill the gaps. The grammar (which word is a verb) lives in
`brief_grammar`; this module says what the phrases mean for the film.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.screenplay.brief_grammar import PRONOUNS, Clause, NounPhrase, chunk, is_participle, verb_base

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
            "dragon", "wolf", "bear", "goat", "turtle", "parrot", "hedgehog", "mouse", "rat", "duck", "pig", "cow",
            "sheep", "frog", "hare", "deer", "badger", "otter", "squirrel", "lion", "tiger", "elephant", "monkey",
            "penguin", "bee", "hound", "gull", "seagull", "pony", "donkey", "goose", "hen", "chicken", "lamb",
            "octopus", "shark", "dolphin", "bat", "moth", "butterfly", "snail", "tortoise", "raccoon", "beetle"}
# Words for someone at a hero's side that take their kind from the word before: "owl friend", "robot pal".
_SIDEKICKS = {"friend", "companion", "pal", "sidekick", "buddy", "partner", "helper", "guardian", "pet"}
_PEOPLE = {"child", "kid", "girl", "boy", "woman", "man", "stranger", "friend", "mother", "father", "sister",
           "brother", "grandmother", "grandfather", "daughter", "son", "teacher", "nurse", "courier", "detective",
           "keeper", "barista", "pilot", "soldier", "astronaut", "musician", "chef", "doctor", "runner", "thief",
           "grandson", "granddaughter", "grandma", "grandpa", "uncle", "aunt", "niece", "nephew", "wife", "husband",
           "partner", "neighbour", "neighbor", "baby", "twin", "twins", "couple", "family", "student", "widow",
           "fisherman", "farmer", "artist", "dancer", "boxer", "witch", "knight", "princess", "king", "queen",
           "ghost", "alien", "monster", "giant", "spirit", "wizard", "pirate", "ninja", "vampire", "zombie", "elf",
           "fairy", "troll", "mermaid", "prince", "captain", "sailor", "spy", "scientist",
           "commuter", "stranger", "orphan", "hero", "villain", "poet", "priest", "monk", "nun", "refugee"}
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
    hero_name: str = ""  # a name the brief gives the protagonist ("Maya and Leo" -> "Maya")
    companion_name: str = ""  # ... and the companion ("Leo")
    quest: str = ""  # the object of the story as the brief says it: "lost kite", "last oxygen tank"
    quest_prop: str = ""  # the same object as a prop on set, without its story state: "kite", "oxygen tank"
    guest: str = ""  # a third figure the brief names ("...care for an injured crow"), described like companion
    guest_kind: str = ""
    guest_name: str = ""
    guest_together: bool = False  # there from the first scene ("a girl, her grandfather and their robot")


_OBJECT_NOUNS = {"watch", "ring", "key", "map", "letter", "record", "present", "gift", "bike", "boat", "kite",
                 "box", "light", "ship", "plant", "note", "photo", "photograph", "painting", "picture", "book"}
# Things a story is about that are not things on set: times, feelings, the film itself.
_NOT_PROPS = {"night", "day", "morning", "evening", "afternoon", "summer", "winter", "spring", "autumn", "year",
              "years", "week", "weekend", "life", "time", "memory", "way", "world", "dream", "dreams", "love", "truth",
              "courage", "answer", "chance", "job", "film", "story", "spot", "short", "ad", "advert", "video",
              "minute", "minutes", "second", "seconds", "moment", "journey", "adventure", "place", "help", "brand",
              "commercial", "campaign", "promo", "product", "launch", "company", "shop", "store", "label", "startup",
              "business", "ashore", "home", "nothing", "something", "everything", "other", "others", "family",
              "sci-fi", "scifi", "thriller", "comedy", "drama", "horror", "animation", "piece", "tale", "fear",
              "hope", "silence", "peace", "freedom", "friendship", "kindness", "fun", "everyone", "anyone", "people",
              "wind", "weather", "sky", "sun", "moon", "stars", "rest", "ending", "start", "end", "bed", "top", "shift",
              "work", "school", "town", "news", "luck", "name", "voice", "heart", "mind", "past", "future", "lives"}
# A thing's state in the story, which a title keeps ("The Lost Kite") and the prop list does not ("KITE").
_STORY_STATES = {"lost", "missing", "stolen", "last", "hidden", "buried", "forgotten", "runaway", "escaped",
                 "vanished", "vanishing", "disappearing", "only", "final", "abandoned", "secret", "cursed",
                 "legendary", "mysterious", "precious", "sunken", "wanted", "same", "new", "first", "next", "whole"}
QUEST_MARKS = {"lost", "missing", "stolen", "last", "hidden", "buried", "forgotten", "secret", "legendary",
                "sunken", "cursed", "mysterious", "precious", "runaway", "vanished"}
_ENCOUNTER_VERBS = {"find", "meet", "discover", "rescue", "see", "hear", "spot", "save", "follow", "chase",
                    "notice", "encounter", "stumble", "adopt", "befriend", "catch", "capture", "free", "release",
                    "search", "look", "hunt", "seek", "track", "trace", "wait", "run", "flee", "escape", "fall",
                    "miss", "lose", "steal", "reunite", "tame"}
_THREAT_VERBS = {"run from", "flee", "flee from", "escape", "escape from", "hide from", "run away", "fight",
                 "fight off", "outrun", "dodge", "evade", "battle", "defeat", "chase", "chase off"}
_KNOWN_NOUNS = _PEOPLE | _ROBOTS | _ANIMALS | set(SETTINGS) | set(_SETTING_ALIASES) | _OBJECT_NOUNS
# Every word the reader knows is not a name, even capitalised at the start of a sentence ("Rain", "Promo").
_KNOWN_WORDS = _KNOWN_NOUNS | _OBJECT_NOUNS | set(EVENTS) | set(_EVENT_ALIASES) | set(_GENRES)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'\-]*|[0-9]+", text.lower())


def figure_kind(noun: str) -> str:
    """robot, animal, person or object, for one noun of a brief."""
    if noun in _ROBOTS:
        return "robot"
    if noun in _ANIMALS:
        return "animal"
    if noun in _PEOPLE or noun.endswith(("er", "or", "ist")) and noun not in _OBJECT_NOUNS | _NOT_PROPS:
        return "person"
    return "object"


def _singular(tok: str) -> str:
    if tok.endswith("ies") and len(tok) > 4:
        return tok[:-3] + "y"
    return tok[:-1] if tok.endswith("s") and not tok.endswith(("ss", "us")) else tok


def name_of(phrase: NounPhrase) -> str:
    """The name a phrase gives someone ("Maya", "Zoë"), or '' for a capitalised common word ("Rain")."""
    name = phrase.name
    if not name or phrase.head in PRONOUNS or any(
            t.low in _KNOWN_WORDS or _singular(t.low) in _KNOWN_WORDS or t.low in _NOT_PROPS or verb_base(t.low)
            for t in phrase.words):
        return ""
    return name


def phrase_kind(phrase: NounPhrase) -> str:
    """What a noun phrase is in the film: a named person, a figure of some kind, a place, or an object."""
    if name_of(phrase):
        return "person"
    if phrase.head in {"you", "we", "i", "she", "he", "they"}:
        return "person"
    head = _singular(phrase.head)
    if head in SETTINGS or _SETTING_ALIASES.get(head) or phrase.head in SETTINGS:
        return "place"
    if head in _NOT_PROPS or phrase.head in _NOT_PROPS or head in _EVENT_ALIASES or head in EVENTS:
        return "idea"
    kind = figure_kind(head)
    # "robot dog" is still a robot: any robot word in the phrase makes a machine; an "owl friend" is an owl.
    if kind in ("animal", "person") and (kind == "animal" or head in _SIDEKICKS):
        modifiers = {_singular(w.low) for w in phrase.words[:-1]}
        if modifiers & _ROBOTS:
            return "robot"
        if modifiers & _ANIMALS:
            return "animal"
    return kind


def _role(phrase: NounPhrase) -> str:
    return " ".join(t.low for t in phrase.words if not t.low.isdigit())[-40:].strip()


def settings_named_in(text: str) -> list[str]:
    """Keys of SETTINGS that a text names, in order ("set it in a forest" -> ["forest"])."""
    found: list[str] = []
    for tok in _tokens(text):
        key = _SETTING_ALIASES.get(tok, tok)
        if key in SETTINGS and key not in found:
            found.append(key)
    return found


def _read_brand(text: str, reading: BriefReading) -> None:
    reading.genre = "brand"
    # The brand's own name is the capitalised word the brief gives it ("for Ember, a coffee brand").
    named = re.search(r"\b(?:for|by|from|called|named)\s+([A-Z][\w'&-]+(?:\s+[A-Z][\w'&-]+)?)", text)
    # "for Ember, a coffee brand", "an electric bike brand", "a bike shop called Spokes".
    m = re.search(r"\b(?:for|an?|the) (?:an? |the )?([a-z][a-z\-]*(?: [a-z][a-z\-]*)?) (?:brand|company|shop|store|"
                  r"label|startup|business|cafe|café)\b", text.lower())
    after_name = named and re.match(r"\s+([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?)\s*(?:$|[.,:;!])",
                                    text[named.end():])
    if m:
        category = " ".join(w for w in m.group(1).split() if w not in {"a", "an", "the", "for", "promo"})
    elif after_name:
        category = after_name.group(1)  # "for Nimbus running shoes"
    else:
        category = next((s for s in reading.settings), "")
    reading.product = named.group(1) if named else category.title()
    reading.category = category.strip()


def _story_clause(clauses: list[Clause]) -> Clause | None:
    """The clause that tells the story: the first whose subject is someone doing something."""
    for clause in clauses:
        if clause.subjects and clause.acts and phrase_kind(clause.subjects[0]) in ("person", "animal", "robot"):
            return clause
    for clause in clauses:
        if clause.subjects and phrase_kind(clause.subjects[0]) in ("person", "animal", "robot"):
            return clause
    return None


def _prop_words(phrase: NounPhrase) -> str:
    # What happened to the thing ("broken", "stolen") is story, not what the prop department fetches.
    kept = [t.low for t in phrase.words if t.low not in _STORY_STATES
            and not (is_participle(t.low) and not t.low.endswith("ing"))]
    return " ".join(kept[-3:])


def _describe(phrase: NounPhrase) -> str:
    # "his missing cat" is a cat; that it is missing is the story's business, not its description.
    kept = [t for t in phrase.words[-3:] if t.low not in _STORY_STATES or t is phrase.words[-1]]
    return name_of(phrase) or " ".join(_singular(t.low) if t is phrase.words[-1] else t.low for t in kept)


def _is_figure(phrase: NounPhrase) -> bool:
    # "the watch HE lost": a pronoun points back at someone already cast, it brings no one new.
    return phrase.head not in PRONOUNS and phrase_kind(phrase) in ("person", "animal", "robot")


def _figures(story: Clause, reading: BriefReading) -> list[tuple[NounPhrase, bool]]:
    """Everyone the brief puts beside the hero, in order, each with whether they are there from the start."""
    figures = [(p, True) for p in story.subjects[1:] if _is_figure(p)]
    if story.acts:
        verb, objects = story.acts[0]
        for figure in (p for p in objects if _is_figure(p)):
            if verb.text in _THREAT_VERBS:
                break  # "runs from the hunters": they chase the hero, they do not keep them company
            lost = any(t.low in QUEST_MARKS for t in figure.words)
            if lost and not reading.quest:
                reading.quest = " ".join(t.low for t in figure.words)  # "The Missing Cat", but no prop
            # "teaches her grandson" shares the opening scene; "finds a robot" is the encounter itself.
            figures.append((figure, not lost and (bool(figure.possessive) or phrase_kind(figure) == "person"
                                                  and verb.base not in _ENCOUNTER_VERBS)))
    figures += [(p, True) for prep, p in story.settings if prep == "with" and _is_figure(p)]
    # Whoever is at the hero's side from the start is the companion; a figure met on the way is the guest.
    return sorted(figures, key=lambda f: not f[1])


def _read_story(clauses: list[Clause], reading: BriefReading) -> None:
    story = _story_clause(clauses)
    phrases: list[tuple[str, NounPhrase]] = []  # every phrase of the brief with the verb or preposition before it
    for clause in clauses:
        phrases += [("", p) for p in clause.subjects]
        for verb, objects in clause.acts:
            phrases += [(verb.text, p) for p in objects]
        phrases += list(clause.settings)
    if story is not None:
        lead = story.subjects[0]
        if name_of(lead):
            reading.hero_name = name_of(lead)
        elif lead.head not in {"you", "we", "i", "she", "he", "they"}:
            reading.protagonist = _role(lead)
        if story.acts:
            verb, objects = story.acts[0]
            if verb.particle == "" and len(story.acts) > 1 and story.acts[1][0].infinitive and not objects:
                reading.want = " ".join([story.acts[1][0].base] + [p.text for p in story.acts[1][1][:1]])
        figures = _figures(story, reading)
        if figures:
            (first, together), rest = figures[0], figures[1:]
            reading.companion, reading.companion_kind = _describe(first), phrase_kind(first)
            reading.companion_name, reading.together = name_of(first), together
            if rest:
                guest, reading.guest_together = rest[0]
                reading.guest, reading.guest_kind, reading.guest_name = \
                    _describe(guest), phrase_kind(guest), name_of(guest)
    objects = [p for clause in clauses for _, acted in clause.acts for p in acted if phrase_kind(p) == "object"]
    marked = [p for _, p in phrases if phrase_kind(p) == "object" and any(t.low in QUEST_MARKS for t in p.words)]
    # A brief that is only a thing ("Kite", "an old music box") is about that thing; a longer brief the
    # reader could not parse (another language, a list of words) names no object it can trust.
    short = len([t for c in clauses for t in c.subjects]) == 1 and sum(len(p.words) for _, p in phrases) <= 3
    alone = [p for _, p in phrases if phrase_kind(p) == "object"] if story is None and short else []
    # Props are English nouns the reader knows how to write about; a run of another script is not one.
    quest = next((p for p in marked + objects + alone if all(t.low.isascii() and len(t.low) <= 20 for t in p.words)),
                 None)
    if quest is not None and _prop_words(quest) and not reading.quest:
        reading.quest = " ".join(t.low for t in quest.words)
        reading.quest_prop = _prop_words(quest)


def read_brief(text: str) -> BriefReading:
    """Pull protagonist, companion, quest object, settings, event, product and genre out of a brief."""
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
        _read_brand(text, reading)
    # An all-capitals brief has no capitals left to mark names, and would read as one long name.
    _read_story(chunk(text.lower() if text.isupper() else text, _KNOWN_NOUNS), reading)
    if reading.genre == "brand":
        reading.quest = reading.quest_prop = ""  # a brand short's object is the product, whatever else it names
    return reading
