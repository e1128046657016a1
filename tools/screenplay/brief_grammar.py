"""The grammar a writer hears in a one-line brief: who, does what, to what.

A brief is one clause, sometimes two: a subject ("a girl and her dog"), a verb,
often phrasal ("look for", "run from"), and an object ("a lost kite"). This
module chunks a brief into noun phrases and verb phrases so that a verb is
never mistaken for a noun ("her dog LOOK") and the object of the quest is
found however the sentence is built. It knows words, not stories: what the
phrases mean for the film is `brief_reading`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ARTICLES = {"a", "an", "the", "one", "some", "two", "three", "four", "every", "each", "this", "that", "these",
            "those", "no", "another", "any", "several", "many", "few"}
POSSESSIVES = {"her", "his", "their", "its", "my", "our", "your"}
PRONOUNS = {"you", "we", "i", "she", "he", "they", "it", "someone", "everyone", "nobody"}
PREPOSITIONS = {"after", "before", "in", "on", "at", "through", "across", "into", "onto", "from", "with", "during",
                "for", "to", "by", "near", "under", "over", "around", "of", "about", "against", "inside",
                "outside", "beyond", "toward", "towards", "along", "past", "behind", "between", "among", "until",
                "without", "within", "upon", "up", "down", "out", "off", "away", "back", "like", "as", "than"}
CONJUNCTIONS = {"and", "or", "but", "nor", "so", "yet", "while", "when", "who", "that", "which", "where", "whose",
                "because", "if", "until", "then", "whom"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
               "can", "could", "will", "would", "shall", "should", "may", "might", "must", "not", "never"}
# Every word a prop or character name must never contain (the test of a clean reading).
FUNCTION_WORDS = ARTICLES | POSSESSIVES | PRONOUNS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES
# Particles that bind to the verb before them: "look FOR a kite" is one act with one object.
PARTICLES = {"for", "from", "after", "about", "over", "up", "out", "back", "away", "off", "down", "into", "through",
             "across", "around", "with", "on", "to"}

# Base forms of the verbs briefs use; inflections are derived below.
_VERB_BASES = """
look search hunt seek find lose run fall wait care chase follow meet discover rescue save see hear spot notice
encounter stumble learn teach bake build fix repair steal guard protect escape flee hide argue fight race deliver
carry bring take make try want need love hate miss wake sleep dream travel journey cross climb swim fly drive
ride walk wander explore return go come leave stay live work play sing dance paint draw write read cook grow
plant win help wash fish visit
tell ask say call open close break keep hold give get put set start stop begin end change turn
move push pull drag throw catch kick hit jump dive sail row drift float sink burn freeze melt shine glow
watch guide lead join share trade sell buy pay spend earn owe borrow lend befriend adopt raise feed train
prepare plan plot scheme convince persuade confront face defend attack invade survive die kill bury mourn
remember forget recall recover retrieve reclaim track trace head set sneak creep crawl limp stagger tumble
collapse crash land launch orbit signal send receive answer reply argue struggle wrestle tame capture free
release unlock lock open seal solve investigate question interview wonder worry hope wish pretend decide
refuse agree promise apologise apologize forgive reunite return arrive depart smuggle rob loot photograph
film record compose rehearse perform audition compete practise practice enter sneak wish
""".split()
_IRREGULAR = {"found": "find", "lost": "lose", "ran": "run", "fell": "fall", "fallen": "fall", "met": "meet",
              "took": "take", "taken": "take", "made": "make", "brought": "bring", "caught": "catch",
              "fought": "fight", "stole": "steal", "stolen": "steal", "hid": "hide", "hidden": "hide",
              "went": "go", "gone": "go", "came": "come", "left": "leave", "saw": "see", "seen": "see",
              "heard": "hear", "flew": "fly", "swam": "swim", "drove": "drive", "rode": "ride", "sang": "sing",
              "drew": "draw", "wrote": "write", "written": "write", "grew": "grow", "won": "win", "told": "tell",
              "said": "say", "broke": "break", "broken": "break", "kept": "keep", "held": "hold", "gave": "give",
              "got": "get", "began": "begin", "threw": "throw", "sank": "sink", "sunk": "sink", "froze": "freeze",
              "frozen": "freeze", "led": "lead", "sold": "sell", "bought": "buy", "paid": "pay", "spent": "spend",
              "fed": "feed", "forgot": "forget", "forgotten": "forget", "fled": "flee", "woke": "wake",
              "slept": "sleep", "taught": "teach", "built": "build", "sought": "seek", "dreamt": "dream",
              "buried": "bury"}
# Words that look like verbs but are only ever nouns or adjectives in a brief.
_NOT_VERBS = {"glass", "bus", "gas", "boss", "class", "grass", "dress", "chess", "moss", "loss", "press", "news",
              "ashes", "mess", "kiss", "species", "series", "lens", "always", "sometimes", "this", "thus", "us",
              "yes", "its", "his", "hers", "ours", "sci-fi", "hostess", "princess", "actress", "witness", "kindness"}


def _inflections(base: str) -> set[str]:
    forms = {base}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(base + "es")
    else:
        forms.add(base + "s")
    stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
    forms |= {stem + "ed" if not base.endswith("y") or base[-2:-1] in "aeiou" else base[:-1] + "ied",
              stem + "ing"}
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", base):  # run -> running, stop -> stopped
        forms |= {base + base[-1] + "ing", base + base[-1] + "ed"}
    return forms


VERB_FORMS: dict[str, str] = {form: base for base in _VERB_BASES for form in _inflections(base)}
VERB_FORMS.update(_IRREGULAR)
for _word in _NOT_VERBS:
    VERB_FORMS.pop(_word, None)


def verb_base(word: str) -> str | None:
    """The base form of a verb ('looks' -> 'look', 'stolen' -> 'steal'), or None when it is not one."""
    low = word.lower()
    if low not in VERB_FORMS and low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS:
        return low[:-2]  # close enough for a verb the lexicon lacks; only ever compared, never printed
    return VERB_FORMS.get(low)


def is_participle(word: str) -> bool:
    """'lost', 'stolen', 'broken', 'washed', 'burning': verb forms that can stand before a noun as adjectives."""
    low = word.lower()
    if low.endswith("ed") and len(low) > 4 and low not in VERB_FORMS and low not in _NOT_VERBS:
        return True  # a verb the lexicon lacks still reads as one: "washed", "abandoned"
    return low in VERB_FORMS and (low.endswith(("ed", "en", "ing")) or low in _IRREGULAR) and \
        verb_base(low) != low


@dataclass
class Token:
    text: str  # as written, so names keep their capitals and accents
    low: str
    start_of_sentence: bool = False
    owner: bool = False  # written with 's: "grandmother's" owns the phrase that follows

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class NounPhrase:
    """'her old dog': the words after any article or possessive, the head last."""

    words: list[Token]
    possessive: str = ""  # "her", "his", "their"... when the phrase is someone's
    article: str = ""

    @property
    def head(self) -> str:
        return self.words[-1].low

    @property
    def text(self) -> str:
        return " ".join(t.low for t in self.words)

    @property
    def name(self) -> str:
        """The proper name when the phrase is one ('Maya', 'Li Wei'), else ''."""
        if self.article or self.possessive or not all(t.capitalised for t in self.words):
            return ""
        return " ".join(t.text for t in self.words)


@dataclass
class VerbPhrase:
    """'look for': the verb's base form and the particle bound to it."""

    base: str
    particle: str = ""
    infinitive: bool = False  # "to cross": a goal, not an act

    @property
    def text(self) -> str:
        return f"{self.base} {self.particle}".strip()


@dataclass
class Clause:
    """One brief sentence chunked: subject phrases, then verbs each with the phrases they govern."""

    subjects: list[NounPhrase] = field(default_factory=list)
    acts: list[tuple[VerbPhrase, list[NounPhrase]]] = field(default_factory=list)
    # Phrases after a plain preposition, with it: [("in", 'windy park'), ("with", 'his dog')].
    settings: list[tuple[str, NounPhrase]] = field(default_factory=list)


_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|\d+(?:[-–]\w+)?|[,.;:!?()]")


def tokens(text: str) -> list[Token]:
    """Words (any script, accents kept) and the punctuation that ends phrases."""
    out: list[Token] = []
    new_sentence = True
    for m in _TOKEN.finditer(text):
        word = re.sub(r"['’]s$", "", m.group(0))  # "Grandma's kite": the owner, then the thing
        out.append(Token(word, word.lower(), new_sentence, owner=word != m.group(0)))
        new_sentence = word in {".", "!", "?", ":", ";"}
    return out


def _is_noun_like(tok: Token, known_nouns: set[str]) -> bool:
    return tok.low in known_nouns or tok.low.rstrip("s") in known_nouns


def _unknown_verb(toks: list[Token], i: int, known_nouns: set[str]) -> bool:
    """A verb the lexicon lacks, told by its place: after a known noun, before a phrase ('a boy VISITS his')."""
    tok, prev = toks[i], toks[i - 1] if i else None
    nxt = toks[i + 1].low if i + 1 < len(toks) else "."
    after_noun = prev is not None and (_is_noun_like(prev, known_nouns) or (
        prev.low not in FUNCTION_WORDS and re.match(r"[^\W\d_]", prev.text) is not None
        and nxt in ARTICLES | POSSESSIVES))
    return bool(after_noun and tok.low not in _NOT_VERBS and not _is_noun_like(tok, known_nouns)
                and tok.low.endswith("s") and not tok.low.endswith(("ss", "us", "is"))
                and not tok.capitalised and tok.low not in FUNCTION_WORDS and re.match(r"[^\W\d_]", tok.text)
                and (nxt in ARTICLES | POSSESSIVES | PREPOSITIONS or nxt in {".", ",", "!", "?"}))


def chunk(text: str, known_nouns: set[str]) -> list[Clause]:
    """Split a brief into clauses of subject, acts and settings.

    `known_nouns` are words the reader knows to be things or figures, so that
    a word that could be either ("watch", "train", "park") reads as a noun
    where a noun fits.
    """
    toks = tokens(text)
    clauses: list[Clause] = [Clause()]
    i = 0
    pending_prep = ""
    last_verb: VerbPhrase | None = None
    while i < len(toks):
        tok = toks[i]
        clause = clauses[-1]
        if tok.low in {".", "!", "?", ":", ";"}:
            clauses.append(Clause())
            pending_prep, last_verb = "", None
            i += 1
            continue
        if tok.low in {",", "(", ")"} or tok.low in CONJUNCTIONS - {"and", "or"} or tok.low in AUXILIARIES:
            pending_prep = "" if tok.low != "," else pending_prep
            i += 1
            continue
        if tok.low in {"and", "or"}:
            i += 1
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tok.low == "to" and nxt is not None and verb_base(nxt.low) and not _is_noun_like(nxt, known_nouns):
            last_verb = VerbPhrase(verb_base(nxt.low) or nxt.low, infinitive=True)
            clause.acts.append((last_verb, []))
            pending_prep = ""
            i += 2
            continue
        if tok.low in PREPOSITIONS:
            # A particle right after the verb belongs to it ("looks FOR", "runs FROM").
            if last_verb is not None and not last_verb.particle and clause.acts and not clause.acts[-1][1] \
                    and tok.low in PARTICLES and toks[i - 1].low not in PREPOSITIONS:
                last_verb.particle = tok.low
            else:
                pending_prep = tok.low
            i += 1
            continue
        # "a robot WASHED ashore": a participle straight after a phrase starts a new act.
        reduced = is_participle(tok.low) and i > 0 and re.match(r"[^\W\d_]", toks[i - 1].text) \
            and toks[i - 1].low not in FUNCTION_WORDS
        known_verb = verb_base(tok.low) and (reduced or not is_participle(tok.low)) \
            and not (tok.capitalised and not tok.start_of_sentence) \
            and not (_is_noun_like(tok, known_nouns) and not clause.subjects and not clause.acts)
        if known_verb or _unknown_verb(toks, i, known_nouns):
            last_verb = VerbPhrase(verb_base(tok.low) or tok.low)
            clause.acts.append((last_verb, []))
            pending_prep = ""
            i += 1
            continue
        start = i
        phrase, i = _noun_phrase(toks, i, known_nouns)
        if phrase is None:
            i = max(i, start + 1)  # an article with nothing after it: step past, but never over a word
            continue
        if pending_prep and not (last_verb and last_verb.particle == pending_prep):
            clause.settings.append((pending_prep, phrase))
        elif clause.acts:
            clause.acts[-1][1].append(phrase)
        else:
            clause.subjects.append(phrase)
    return [c for c in clauses if c.subjects or c.acts or c.settings]


def _noun_phrase(toks: list[Token], i: int, known_nouns: set[str]) -> tuple[NounPhrase | None, int]:
    """The noun phrase from toks[i]: article or possessive, modifiers, the head; stops before a verb."""
    article = possessive = ""
    while i < len(toks) and (toks[i].low in ARTICLES or toks[i].low in POSSESSIVES or toks[i].low.isdigit()
                             or re.fullmatch(r"\d+[-–]\w+", toks[i].low)):
        if toks[i].low in POSSESSIVES:
            possessive = toks[i].low
        else:
            article = article or toks[i].low
        i += 1
    words: list[Token] = []
    while i < len(toks) and len(words) < 4:
        tok = toks[i]
        if tok.low in {"you", "we", "i", "she", "he", "they"} and not words:
            words.append(tok)
            i += 1
            break
        if not re.match(r"[^\W\d_]", tok.text) or tok.low in FUNCTION_WORDS - {"one"}:
            break
        if tok.owner and i + 1 < len(toks) and re.match(r"[^\W\d_]", toks[i + 1].text):
            # "their grandmother's lost recipe book": the book is the phrase, the grandmother its owner.
            possessive, article, words = tok.low, "", []
            i += 1
            continue
        if words and verb_base(tok.low) and not is_participle(tok.low) and not (
                tok.capitalised and not tok.start_of_sentence):
            # A verb after a head noun ends the phrase: "her dog | look for".
            if not _is_noun_like(tok, known_nouns) or _is_noun_like(words[-1], known_nouns):
                break
        if words and _unknown_verb(toks, i, known_nouns):
            break
        if words and words[-1].capitalised and not tok.capitalised and not article and not possessive \
                and not words[-1].start_of_sentence:
            break  # "Maya" then a verb the lexicon lacks
        if words and is_participle(tok.low) and not tok.low.endswith("ing") and _is_noun_like(words[-1], known_nouns):
            break  # "a robot | washed ashore"
        words.append(tok)
        i += 1
    if not words:
        return None, i
    return NounPhrase(words, possessive=possessive, article=article), i
