"""Reading a brief the way a writer does: who, where, when, with what, and what happens, in the brief's words.

Nothing here knows a story. The grammar (`brief_grammar`) finds the phrases;
their meaning (`brief_meaning`: nearest prototype by MiniLM) says which are
people, places, things, times, weather and events. The brief's shape decides
how it is told: a beat list ("dawn, the roaster at work, the first cup") keeps
its beats in order; a logline or a paragraph keeps its clauses in order, and a
twist ("until...", "only to...") is held back for the end; a product spot
keeps its brand and its line for the last shot. Genre only picks tone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tools.screenplay.brief_grammar import POSSESSIVES, Clause, NounPhrase, chunk, lemma, word_classes
from tools.screenplay.brief_meaning import kinds_of, pronoun_for

BRAND = re.compile(r"\b(brand|commercial|advert|ad|spot|campaign|launch|promo|tagline|end line|sponsored)\b", re.I)
_LINE_MARK = re.compile(r"\b(?:tag ?line|end ?line|end card|super|slogan|strap ?line|line)\s*:\s*(.+)$", re.I)
_NAMED_PRODUCT = re.compile(r"\b(?:for|from|by)\s+(?:the\s+)?([A-Z][\w'’&-]*(?:\s+(?:and|&|of)\s+[A-Z][\w'’&-]*"
                            r"|\s+[A-Z][\w'’&-]*)*)")
# Age is said with a small closed set of words, or a number ("70-year-old").
_AGE_WORDS = {"old", "young", "elderly", "teenage", "retired", "ageing", "aging", "little", "baby", "middle-aged",
              "adult", "grown", "teen", "infant", "aged"}
_GENRE_PROBES = {
    "comedy": "a funny comedy with jokes", "horror": "a horror film, scary, ghosts, dread",
    "thriller": "a tense thriller, danger, a crime", "romance": "a romance, two people fall in love",
    "scifi": "science fiction, space, robots, the future", "fantasy": "a fantasy tale, magic, dragons, witches",
    "family": "a children's story, gentle and playful", "sport": "a sports story, a match, a race, training",
    "music": "a music video, a song, dancing", "documentary": "a documentary portrait of real people at work",
    "drama": "a quiet human drama about a family",
}
_TIME_OF_DAY = {"DAWN": "dawn, sunrise, first light", "MORNING": "morning, breakfast time",
                "DAY": "day, noon, midday, afternoon", "DUSK": "dusk, sunset, evening, twilight",
                "NIGHT": "night, midnight, after dark"}
_WEATHER = ("rain", "a storm", "snow", "fog", "wind", "thunder and lightning", "a heatwave", "hail")


@dataclass
class Figure:
    """Someone (or some creature) the brief names."""

    role: str  # the phrase without article, head as lemma: "jazz singer", "rival chess grandmaster"
    kind: str  # person, animal, robot
    name: str = ""  # a name the brief gives ("Maya")
    count: int = 1
    pronoun: str = "they"
    age: str = ""  # the brief's own age words: "retired", "teenage", "70-year-old"
    relation: str = ""  # "her grandfather": whose (the owner's role, or the pronoun)
    words: str = ""  # as the brief first wrote it


@dataclass
class Place:
    phrase: str  # "windy pier", "Paris", "big show"
    interior: bool
    proper: bool = False  # a city, a country, a region: said in a SUPER, drawn as its streets
    event: bool = False  # a tournament, a show: the place where it happens


@dataclass
class Act:
    """One clause of the story as the brief says it, with the figures in it marked for the writer."""

    text: str  # "{0} loses her voice the night before the big show"
    figures: list[int]  # indexes into BriefReading.figures, in order of {n}
    lead: str = ""  # "until", "only", "but", "then"... ("" for a plain clause)
    place: int = -1  # index into BriefReading.places named in it
    time: str = ""  # a heading time named in it (DAWN...)
    weather: str = ""
    props: list[str] = field(default_factory=list)


@dataclass
class BriefReading:
    """What a writer takes from a brief before writing."""

    text: str
    shape: str = "one_line"  # one_line, beat_list, product_spot, logline_twist, paragraph
    genre: str = "drama"
    brand: bool = False
    product: str = ""  # the brand's name ("Tidewater"), or the business ("neighbourhood coffee roaster")
    category: str = ""  # what it sells ("surf wax", "e-bike")
    line: str = ""  # the product line / tagline, as written
    heading: str = ""  # what a beat list is about ("Office birthday chaos")
    figures: list[Figure] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    props: list[str] = field(default_factory=list)  # things on set, in order; the first acted upon is the key prop
    key_prop: str = ""
    quest: str = ""  # the key prop as the story says it ("lost kite"), for the title
    events: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)  # heading times in brief order
    time_words: dict[str, str] = field(default_factory=dict)  # heading time -> the brief's word for it
    weather: list[str] = field(default_factory=list)
    era: str = ""
    acts: list[Act] = field(default_factory=list)  # the story (or the beats) in order
    twist: int = -1  # index of the act held back for the end
    not_understood: list[str] = field(default_factory=list)


_table_vectors: dict[int, object] = {}


@lru_cache(maxsize=2048)
def _vector(text: str):
    from memory.embeddings import embed_texts

    return embed_texts([text])[0]


def _nearest(text: str, table: dict[str, str] | tuple[str, ...], floor: float) -> str:
    """The label of the table entry nearest in meaning to the text, or '' when none is near enough."""
    from memory.embeddings import embed_texts

    labels = list(table)
    if id(table) not in _table_vectors:
        _table_vectors[id(table)] = embed_texts(list(table.values()) if isinstance(table, dict) else labels)
    sims = _table_vectors[id(table)] @ _vector(text)
    best = int(sims.argmax())
    return labels[best] if float(sims[best]) >= floor else ""


def _split_prefix(text: str) -> tuple[str, str]:
    """'A 30-second spot for X: dawn, the roaster...' -> ('A 30-second spot for X', 'dawn, the roaster...')."""
    m = re.match(r"^([^:.!?]{3,120}):\s+(.+)$", text.strip(), re.S)
    if not m or _LINE_MARK.match(m.group(0)):
        return "", text.strip()
    return m.group(1).strip(), m.group(2).strip()


def _brand(prefix: str, body: str, reading: BriefReading) -> str:
    """Product name, category and line; returns the body without its closing line."""
    source = prefix or body.split(".")[0]
    named = _NAMED_PRODUCT.search(source)
    if named:
        reading.product = named.group(1).strip()
        after = source[named.end():]
        cat = re.match(r"\s*,?\s*(?:an?\s+|the\s+)?([\w\s'’-]+?)(?:\s+brand|\s+company|\s+label)?\s*$", after)
        reading.category = cat.group(1).strip() if cat else ""
    else:
        business = re.search(r"\bfor\s+(?:an?|the)\s+([\w\s'’-]+?)\s*$", source)
        reading.product = business.group(1).strip() if business else ""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if s.strip()]
    kept: list[str] = []
    closing: list[str] = []
    for sentence in sentences:
        marked = _LINE_MARK.match(sentence)
        product_word = reading.product.split()[0].lower() if reading.product else "\0"
        if marked:
            closing.append(marked.group(1).strip())
        elif kept and (sentence.lower().startswith(product_word) or closing):
            closing.append(sentence)  # "Brightline. Never too late."
        else:
            kept.append(sentence)
    reading.line = " ".join(closing).strip()
    return " ".join(kept)


def _shape(text: str, prefix: str, body: str, clauses: list[Clause], reading: BriefReading) -> str:
    if reading.brand:
        return "product_spot"
    if prefix and body.count(",") >= 2:
        return "beat_list"
    if any(c.lead in {"until", "only", "but", "then", "once"} for c in clauses[1:]):
        return "logline_twist"
    if len([s for s in re.split(r"[.!?]\s+", text.strip()) if s.strip()]) >= 2:
        return "paragraph"
    return "one_line"


def _age(phrase: NounPhrase) -> str:
    words = [t.low for t in phrase.words[:-1] if t.low in _AGE_WORDS or re.fullmatch(r"\d+-year-old", t.low)]
    return " ".join(words)


def _figure_key(role: str) -> str:
    return role.split()[-1]


def read_brief(text: str) -> BriefReading:
    """Figures, places, props, times, weather, era, product and the story's acts, from the brief's own words."""
    reading = BriefReading(text=text.strip())
    prefix, body = _split_prefix(reading.text)
    reading.brand = bool(BRAND.search(prefix or reading.text[:80]))
    if reading.brand and not prefix:
        # "A 15 second ad for Nimbus running shoes. A runner..." : the first sentence is the brief's heading.
        first, _, rest = reading.text.partition(". ")
        if _NAMED_PRODUCT.search(first) or re.search(r"\bfor\s+(?:an?|the)\s", first):
            prefix, body = first.strip(" ."), rest.strip()
    if reading.brand:
        body = _brand(prefix, body, reading)
    elif prefix:
        reading.heading = prefix
    clauses = chunk(body)
    # A beat list's heading ("A day with the beekeepers of a Slovenian valley") names people and places too.
    context = chunk(prefix) if prefix and not reading.brand else []
    reading.shape = _shape(reading.text, prefix, body, clauses, reading)
    reading.genre = "brand" if reading.brand else _nearest(reading.text, _GENRE_PROBES, 0.0) or "drama"
    era = re.search(r"\b(1[0-9]{3}s?|20[0-9]{2}s?)\b", reading.text)
    reading.era = era.group(1) if era else ""
    phrases = [p for c in context + clauses for p in c.phrases]
    kinds = _kinds(phrases)
    figure_at: dict[int, int] = {}  # id(phrase) -> figure index
    owned = {id(p.owner): p for c in context + clauses for p in c.phrases if p.owner is not None}
    for clause in context + clauses:
        for phrase in clause.phrases:
            if lemma(phrase.head.low) in FILM_WORDS:
                continue  # "music video", "launch film": the film itself, not a thing in it
            kind = kinds.get(phrase.lemma, "idea")
            placed = phrase.prep in {"in", "at", "across", "to", "from", "into", "of", "near", "through", "on"}
            if phrase.is_name and not placed and (clause.verbs or kind != "place"):
                kind = "person"  # "Maya and Leo build a raft": a name that acts is someone, whatever it sounds like
            elif phrase in clause.subjects and clause.verbs and kind in ("object", "idea"):
                kind = _acting_kind(phrase, kind)
            elif phrase.verb and not phrase.is_name and kind in ("place", "idea", "person"):
                kind = _acted_on_kind(phrase, kind)
            kinds[phrase.lemma] = kind
            held = owned.get(id(phrase))
            if held is not None and kinds.get(held.lemma) in ("person", "animal", "robot"):
                continue  # "the king's knights": the king is who they belong to, said in their introduction
            _take(reading, phrase, kind, figure_at)
    # A pronoun subject ("she tracks the writer") is the last figure named before it who fits it.
    last, lead = -1, -1  # who did the last act (for "paddles out"), and the story's lead (for "she")
    for clause in clauses:
        if not (reading.shape in ("beat_list", "product_spot") or clause.verbs or len(clauses) == 1):
            continue  # "London, 1944." is said in a SUPER, not played as an act
        act = _act(clause, reading, figure_at, last, lead)
        if act.text.strip():
            reading.acts.append(act)
            last = act.figures[0] if act.figures and act.text.startswith("{0}") else last
            lead = last if lead < 0 else lead
    _pronouns_from_text(reading)
    if reading.shape == "logline_twist":
        reading.twist = max(i for i, a in enumerate(reading.acts) if a.lead in {"until", "only", "but", "then", "once"})
    acted = [p for c in clauses for p in c.phrases if p.verb and kinds.get(p.lemma) == "object"]
    if reading.brand and reading.category:
        reading.key_prop = reading.quest = reading.category  # a product spot's key prop is the product
        if reading.category not in reading.props:
            reading.props.insert(0, reading.category)
        return reading
    key = acted[0] if acted else next((p for p in phrases if p.lemma == (reading.props or [""])[0]), None)
    if key is not None:
        reading.quest = key.lemma
        reading.key_prop = prop_name(key)
        reading.props = [reading.key_prop if p == key.lemma else p for p in reading.props]
    return reading


# Ordinals and their like say where a thing stands in the story, not what the prop department fetches.
# Words for the film itself ("a music video for...", "a launch film"): never a person, place or prop in it.
FILM_WORDS = {"video", "film", "spot", "ad", "advert", "commercial", "song", "story", "short", "teaser", "trailer",
              "promo", "campaign", "piece", "portrait", "documentary", "clip"}
_STORY_ORDER = {"last", "first", "only", "next", "same", "own", "other", "final", "whole", "very"}


def prop_name(phrase: NounPhrase) -> str:
    """The thing on set without its story state: 'a lost kite' -> 'kite', 'the last oxygen tank' -> 'oxygen tank'.

    A participle ('lost', 'stolen', 'broken', 'leaking') is what happened to it; lemminflect says which words are."""
    kept = []
    for tok in phrase.words[:-1]:
        verb = word_classes(tok.low).get("VERB")
        if tok.low in _STORY_ORDER or (verb and verb[0] != tok.low and "NOUN" not in word_classes(tok.low)):
            continue
        kept.append(tok.low)
    return " ".join(kept + [lemma(phrase.head.low)])


def _kinds(phrases: list[NounPhrase]) -> dict[str, str]:
    """Each phrase's kind by meaning. A compound is what its head is ('generation SHIP', 'jazz SINGER'); a name
    is judged whole ('Reykjavik')."""
    probes = {p.lemma: (p.lemma if p.is_name else lemma(p.head.low)) for p in phrases}
    heads = sorted(set(probes.values()))
    # A thing on set must be clearly a thing: "at work" is as much an idea as an object.
    found = {h: ("idea" if k == "object" and margin < 0.02 else k)
             for h, (k, margin) in zip(heads, kinds_of(heads))} if heads else {}
    kinds = {whole: found[head] for whole, head in probes.items()}
    # "robot dog" is a machine; an "owl friend" is an owl: a creature word before a person word gives the kind.
    for p in phrases:
        mods = [lemma(t.low) for t in p.words[:-1] if t.tag == "NOUN"]
        mod_kinds = [k for k, _ in kinds_of(mods)] if mods else []
        if "robot" in mod_kinds and kinds[p.lemma] in ("person", "animal"):
            kinds[p.lemma] = "robot"
        elif "animal" in mod_kinds and kinds[p.lemma] == "person":
            kinds[p.lemma] = "animal"
    return kinds


def _acting_kind(phrase: NounPhrase, kind: str) -> str:
    """A subject that acts is more likely someone: 'a MOUSE and his owl friend look after an egg'."""
    from tools.screenplay.brief_meaning import scores_of

    scores = scores_of(lemma(phrase.head.low))
    figure = max(("person", "animal", "robot"), key=lambda k: scores[k])
    return figure if scores[figure] >= scores[kind] - 0.03 else kind


def _acted_on_kind(phrase: NounPhrase, kind: str) -> str:
    """What a verb acts on directly is likely a thing: 'build a RAFT', 'search for the missing KEY'."""
    from tools.screenplay.brief_meaning import scores_of

    scores = scores_of(lemma(phrase.head.low))
    return "object" if scores["object"] >= scores[kind] - (0.04 if kind == "person" else 0.05) else kind


def _pronouns_from_text(reading: BriefReading) -> None:
    """The brief's own pronouns win over a guess from the role: 'a surfer waxes HER board'."""
    for act in reading.acts:
        if not act.figures or not act.text.startswith("{0}"):
            continue
        figure = reading.figures[act.figures[0]]
        if figure.count > 1 or figure.kind != "person":
            continue
        words = set(re.findall(r"[a-z]+", act.text.lower()))
        said = "she" if words & {"her", "she", "herself"} else "he" if words & {"his", "he", "him", "himself"} else ""
        if said and not (words & {"her", "she"} and words & {"his", "he"}):
            figure.pronoun = said


def _take(reading: BriefReading, phrase: NounPhrase, kind: str, figure_at: dict[int, int]) -> None:
    """File one phrase under what it is."""
    role = phrase.lemma
    if reading.product and role.lower() == reading.product.lower():
        return  # the brand itself, kept for the end card
    if phrase.head.low in POSSESSIVES:
        return
    if kind in ("person", "animal", "robot"):
        for i, fig in enumerate(reading.figures):
            if (fig.name and fig.name == phrase.text) or (not fig.name and _figure_key(fig.role) == _figure_key(role)):
                figure_at[id(phrase)] = i
                return
        name = phrase.text if phrase.is_name else ""
        role = " ".join(w for w in role.split() if w not in _STORY_ORDER) or role  # "her own son" is a son
        figure = Figure(role=role if not name else "", kind=kind, name=name, count=min(3, phrase.count),
                        age=_age(phrase), relation=phrase.possessive, words=phrase.text)
        figure.pronoun = _pronoun(phrase, figure)
        reading.figures.append(figure)
        figure_at[id(phrase)] = len(reading.figures) - 1
    elif kind == "place" or (phrase.is_name and phrase.prep in {"in", "at", "across", "to", "from", "near"}):
        if not any(p.phrase == role for p in reading.places):
            from tools.screenplay.brief_meaning import is_interior

            reading.places.append(Place(role, interior=not phrase.is_name and is_interior(role), proper=phrase.is_name))
    elif kind == "event":
        if role not in reading.events:
            reading.events.append(role)
            reading.places.append(Place(role, interior=True, event=True))
    elif kind in ("time", "weather"):
        when = _nearest(role, _TIME_OF_DAY, 0.55)
        weather = _nearest(role, _WEATHER, 0.6) if not when else ""
        if when and when not in reading.times:
            reading.times.append(when)
            reading.time_words[when] = role  # "sunrise" is drawn as a DAWN sky, and said so
        elif weather and role not in reading.weather:
            reading.weather.append(role)
        elif not when and not weather and kind == "weather":
            if role not in reading.props:
                reading.props.append(role)  # "rooftop" is no weather: whatever it is, it is on set
    elif kind == "object":
        if role not in reading.props:
            reading.props.append(role)


def _pronoun(phrase: NounPhrase, figure: Figure) -> str:
    if figure.count > 1:
        return "they"
    if figure.kind != "person":
        return "it" if figure.kind == "robot" else "they"
    return pronoun_for(figure.role or figure.name)


def _act(clause: Clause, reading: BriefReading, figure_at: dict[int, int], last: int = -1, lead: int = -1) -> Act:
    """The clause as an action line with its figures as slots: '{0} loses her voice the night before the show'.

    A clause that starts with its verb ("paddles out", "and wins by doing nothing") is done by the lead of
    the clause before, who is written in."""
    spans: list[tuple[int, int, int]] = []
    for phrase in clause.phrases:
        if id(phrase) in figure_at:
            spans.append((*phrase.span, figure_at[id(phrase)]))
    pronoun = clause.subjects[0].words[0] if clause.subjects else None
    if pronoun is not None and pronoun.low in {"she", "he", "they"} and reading.figures \
            and not any(s[0] == pronoun.index for s in spans):
        said = pronoun.low
        fits = [i for i, f in enumerate(reading.figures) if f.pronoun == said and (said != "they" or f.count > 1)]
        if not fits:  # the brief's pronoun wins over the guess: it is the story's lead
            fits = [lead if lead >= 0 else 0]
            if reading.figures[fits[0]].count == 1 and reading.figures[fits[0]].kind == "person":
                reading.figures[fits[0]].pronoun = said
        if fits:
            spans.append((pronoun.index, pronoun.index + 1, fits[0]))
    out: list[str] = []
    figures: list[int] = []
    tokens = clause.tokens
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        span = next((s for s in spans if s[0] == tok.index), None)
        if span is not None:
            figures.append(span[2])
            out.append("{%d}" % (len(figures) - 1) + ("'s" if tokens[min(len(tokens) - 1, i + span[1] - span[0] - 1)]
                                                       .owner else ""))
            while i < len(tokens) and tokens[i].index < span[1]:
                i += 1
            continue
        if tok.tag == "CONJ" and not out and tok.low in {"and", "until", "only", "but", "then", "once", "while"}:
            i += 1
            continue
        out.append(tok.text.replace("{", "(").replace("}", ")") + ("'s" if tok.owner else ""))
        i += 1
    words = [t for t in tokens if not (t.tag == "CONJ" and t is tokens[0])]
    if last >= 0 and not spans and words and words[0].tag == "VERB":
        out.insert(0, "{%d}" % len(figures))
        figures.append(last)
    text = " ".join(out).replace(" ,", ",").strip()
    act = Act(text=text, figures=figures, lead=clause.lead)
    lemmas = {p.lemma for p in clause.phrases}
    act.props = [p for p in reading.props if p in lemmas]
    act.place = next((i for i, p in enumerate(reading.places) if p.phrase in lemmas), -1)
    for phrase in clause.phrases:
        when = _nearest(phrase.lemma, _TIME_OF_DAY, 0.55) if phrase.lemma not in reading.props else ""
        if when and when in reading.times:
            act.time = when
        if phrase.lemma in reading.weather:
            act.weather = phrase.lemma
    return act
