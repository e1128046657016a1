"""The grammar a writer hears in a brief: which words are nouns, which verbs, where phrases begin and end.

A brief is a line, a list of beats, or a paragraph. Each word is tagged from
the closed classes (articles, possessives, prepositions, conjunctions,
auxiliaries: fixed in English) and, for open words, from lemminflect's lexicon
(the parts of speech a word can take, and its lemma). A word that can be both
noun and verb ("show", "cup", "team") is decided by its neighbours: after an
article or adjective it is a noun, after a subject and before an object it is
a verb. Phrases are then chunked: noun phrases (article, modifiers, head) and
verbs with their particles. What the phrases mean for the film is
`brief_reading`'s job; this module knows words, not stories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lemminflect import getAllLemmas, getAllLemmasOOV, getInflection

ARTICLES = {"a", "an", "the", "one", "some", "two", "three", "four", "five", "every", "each", "this", "that",
            "these", "those", "no", "another", "any", "several", "many", "few", "both", "all"}
POSSESSIVES = {"her", "his", "their", "its", "my", "our", "your"}
PRONOUNS = {"you", "we", "i", "she", "he", "they", "it", "him", "them", "us", "me", "someone", "everyone",
            "nobody", "everybody", "somebody", "nothing", "something", "everything"}
PREPOSITIONS = {"after", "before", "in", "on", "at", "through", "across", "into", "onto", "from", "with", "during",
                "for", "to", "by", "near", "under", "over", "around", "of", "about", "against", "inside",
                "outside", "beyond", "toward", "towards", "along", "past", "behind", "between", "among",
                "without", "within", "upon", "like", "as", "than", "above", "below", "beside", "except"}
CONJUNCTIONS = {"and", "or", "but", "nor", "so", "yet", "while", "when", "who", "that", "which", "where", "whose",
                "because", "if", "until", "then", "whom", "only", "once"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
               "can", "could", "will", "would", "shall", "should", "may", "might", "must", "not", "never", "'s"}
PARTICLES = {"up", "out", "off", "down", "away", "back", "over", "in", "on", "through", "around", "for", "from",
             "after", "about", "into", "with", "to"}
FUNCTION_WORDS = ARTICLES | POSSESSIVES | PRONOUNS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES
_SUBJECT_PRONOUNS = {"she", "he", "they", "we", "i", "you", "everyone", "someone", "nobody", "it"}
_BREAKS = {".", "!", "?", ";", ":"}


@dataclass
class Token:
    text: str  # as written, names keep their capitals and accents
    low: str
    tag: str = ""  # DET POSS PRON PREP CONJ AUX NUM PUNCT NOUN PROPN VERB ADJ ADV PART
    lemma: str = ""
    start: bool = False  # first word of a sentence or beat
    owner: bool = False  # written with 's: "customer's smile"
    index: int = 0

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=4096)
def word_classes(low: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's parts of speech for a word, with lemmas: {'NOUN': ('cup',), 'VERB': ('cup',)}."""
    return dict(getAllLemmas(low))


def lemma(word: str, pos: str = "NOUN") -> str:
    """The word's lemma as that part of speech ('racers' -> 'racer', 'loses' -> 'lose'), else the word."""
    low = word.lower()
    found = word_classes(low).get(pos)
    if found:
        return found[0]
    if not word_classes(low):
        oov = getAllLemmasOOV(low, pos).get(pos)
        if oov:
            return oov[0]
    return low


def present(verb_base: str, plural: bool) -> str:
    """'lose' -> 'loses' for one subject, 'lose' for two."""
    if plural:
        return verb_base
    forms = getInflection(verb_base, tag="VBZ")
    return forms[0] if forms else verb_base + "s"


_TOKEN = re.compile(r"\d+\w*(?:[-–]\w+)*|[^\W\d_][\w’'\-]*|[,.;:!?()]")


def tokens(text: str) -> list[Token]:
    """Words (accents kept) and the punctuation that ends phrases, each tagged."""
    out: list[Token] = []
    start = True
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        word = re.sub(r"['’]s$", "", raw)
        tok = Token(word, word.lower(), start=start, owner=word != raw, index=len(out))
        out.append(tok)
        start = word in _BREAKS or word == ","
    _tag(out)
    return out


def _open_classes(tok: Token) -> dict[str, tuple[str, ...]]:
    classes = word_classes(tok.low)
    if classes:
        return classes
    if re.fullmatch(r"\d+.*", tok.low):
        return {"NUM": (tok.low,)}
    if tok.capitalised and not tok.start:
        return {"PROPN": (tok.text,)}
    if tok.capitalised:  # a capital at the start of a sentence: a name unless the lexicon knows it
        return {"PROPN": (tok.text,)}
    # A word the lexicon lacks: a verb when it looks like one, else a noun ("grandmasters", "roastery").
    if tok.low.endswith("ed") or tok.low.endswith("ing"):
        return {"VERB": (lemma(tok.low, "VERB"),)}
    return {"NOUN": (lemma(tok.low, "NOUN"),)}


def _tag(toks: list[Token]) -> None:
    for i, tok in enumerate(toks):
        low = tok.low
        if low in _BREAKS or low in {",", "(", ")"}:
            tok.tag, tok.lemma = "PUNCT", low
            continue
        if low in POSSESSIVES and not (low == "her" and _object_pronoun(toks, i)):
            tok.tag = "POSS"
        elif low in ARTICLES:
            tok.tag = "DET"
        elif low in PRONOUNS or low == "her":
            tok.tag = "PRON"
        elif low in AUXILIARIES:
            tok.tag = "AUX"
        elif low in CONJUNCTIONS:
            tok.tag = "CONJ"
        elif low in PREPOSITIONS and low not in {"like"}:
            tok.tag = "PREP"
        if low in PARTICLES and i and toks[i - 1].tag == "VERB" and not tok.tag:
            tok.tag = "PART"  # "team UP", "paddles OUT"
        if tok.tag:
            tok.lemma = low
            continue
        classes = _open_classes(tok)
        tok.tag = _choose(toks, i, classes)
        tok.lemma = (classes.get(tok.tag) or classes.get("NOUN") or (low,))[0]
        if tok.tag == "PROPN":
            tok.lemma = tok.text


def _object_pronoun(toks: list[Token], i: int) -> bool:
    # "tells HER the truth" vs "her voice": possessive when a noun-like word follows.
    nxt = toks[i + 1].low if i + 1 < len(toks) else "."
    return nxt in _BREAKS or nxt in {",", "and"} or nxt in PREPOSITIONS or nxt in ARTICLES


def _choose(toks: list[Token], i: int, classes: dict[str, tuple[str, ...]]) -> str:
    """Which part of speech an open word takes here."""
    tok = toks[i]
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    can = set(classes)
    if can == {"PROPN"} or (tok.capitalised and not tok.start):
        return "PROPN"  # a capital inside a sentence is a name: "Mars", "Paris", "Halden"
    if "NUM" in can:
        return "NUM"
    if tok.start and "VERB" in can and nxt is not None and nxt.low in ARTICLES | POSSESSIVES - {"one"}:
        return "VERB"  # an imperative or a beat that starts with its verb: "Grip the ocean", "catches the wave"
    if prev is not None and (prev.low == "to" or prev.tag == "PREP" and tok.low.endswith("ing")) and "VERB" in can:
        return "VERB"
    if "VERB" in can and (prev is not None and prev.tag in {"AUX", "PRON"} and prev.low in
                          _SUBJECT_PRONOUNS | AUXILIARIES - {"'s"}):
        return "VERB"
    after_det = prev is not None and (prev.tag in {"DET", "POSS", "NUM", "ADJ"} and prev.low != "that" or prev.owner)
    if after_det and can - {"VERB"}:
        noun_next = nxt is not None and "NOUN" in word_classes(nxt.low) and nxt.tag != "PUNCT"
        if "ADJ" in can and noun_next:
            return "ADJ"  # "a young chef", "the big show"
        return "NOUN" if "NOUN" in can else "ADJ" if "ADJ" in can else sorted(can - {"VERB"})[0]
    if after_det and can == {"VERB"}:
        return "ADJ"  # "a lost kite", "her grandmother's lost recipe book": a participle before its noun
    if "VERB" in can and (can == {"VERB"} or can <= {"VERB", "ADJ"} and tok.low.endswith(("ed", "ing"))):
        if prev is not None and prev.tag in {"DET", "POSS"} and tok.low.endswith(("ed", "ing", "en")):
            return "ADJ"  # "the broken lamp", "a flooded hall"
        return "VERB"
    if "VERB" in can and _verb_slot(prev, nxt, tok, verb_seen=_verb_seen(toks, i), compound=_compound(toks, i)):
        return "VERB"
    for pos in ("NOUN", "ADJ", "ADV", "VERB"):
        if pos in can:
            return pos
    return sorted(can)[0]


def _inflected(tok: Token) -> bool:
    return tok.low.endswith(("s", "ed", "ing")) or tok.low in {"fell", "met", "found", "lost", "ran", "saw"}


def _verb_seen(toks: list[Token], i: int) -> bool:
    """A finite verb already stands in this stretch of the clause (since the last break or conjunction)."""
    for tok in reversed(toks[:i]):
        if tok.tag in {"PUNCT", "CONJ"} or tok.low == "as":  # "as a storm rolls in" starts a clause of its own
            return False
        if tok.tag == "VERB" and not tok.low.endswith(("ing", "ed", "en")):  # participles are not finite
            return True
    return False


def _compound(toks: list[Token], i: int) -> bool:
    """The subject so far is two or more joined by 'and' ('a girl and her dog'), so it takes 'look', not 'looks'."""
    for tok in reversed(toks[:i]):
        if tok.tag == "PUNCT" or tok.tag == "VERB":
            return False
        if tok.low == "and":
            return True
    return False


def _verb_slot(prev: Token | None, nxt: Token | None, tok: Token, verb_seen: bool = False,
               compound: bool = False) -> bool:
    """A noun-or-verb word is a verb between a subject and what follows a verb ('a surfer WAXES her board')."""
    if prev is None:
        return False
    after = {"PUNCT", "NOUN", "PROPN", "PRON", "CONJ"}
    if prev.tag not in after or prev.tag == "PUNCT" and not _inflected(tok):
        return False  # a beat that starts with a bare noun: "steam from dumplings"
    if prev.tag == "NOUN" and prev.start:
        return False  # "neon SIGNS flickering": a beat's first bare noun is a modifier, not a subject
    if verb_seen and not tok.low.endswith("ing"):
        return False  # "loses the wedding RINGS": one finite verb to a stretch of clause
    nxt_low = nxt.low if nxt is not None else "."
    if nxt is None or nxt_low in _BREAKS or nxt_low == ",":
        return _inflected(tok) and prev.tag not in {"PUNCT", "CONJ"}
    if nxt_low.endswith("ing") and "VERB" in word_classes(nxt_low):
        return _inflected(tok)  # "keeps finding", "arrives smiling"
    if prev.tag == "PUNCT" and nxt_low not in PARTICLES | ARTICLES | POSSESSIVES - {"to", "for", "from"}:
        return False  # "hives at dawn" is a beat of nouns; "paddles out" is a beat that starts with its verb
    plural_subject = prev.tag == "NOUN" and (lemma(prev.low) != prev.low or compound)
    if not _inflected(tok) and prev.tag == "NOUN" and not plural_subject and nxt_low not in ARTICLES | POSSESSIVES:
        return False  # "the fire alarm goes off", "a street racer", "the finish line at sunset"
    return nxt_low in ARTICLES | POSSESSIVES | PREPOSITIONS | PARTICLES | {"it", "them", "him", "her", "home",
                                                                           "together", "again", "alone"} \
        or ("ADV" in word_classes(nxt_low) and "NOUN" not in word_classes(nxt_low))


@dataclass
class NounPhrase:
    """'her old dog': the words after any article or possessive, the head last."""

    words: list[Token]
    article: str = ""
    possessive: str = ""  # her, his, their... or the owner noun's text ("customer")
    owner: "NounPhrase | None" = None  # the owner as a phrase of its own: "a regular customer" of "...'s smile"
    first: int = -1  # index of the phrase's first token, article or possessive included
    prep: str = ""  # the preposition before it, "" for a subject or object
    verb: str = ""  # the verb that governs it, when it is an object

    @property
    def head(self) -> Token:
        return self.words[-1]

    @property
    def text(self) -> str:
        return " ".join(t.text if t.tag == "PROPN" else t.low for t in self.words)

    @property
    def lemma(self) -> str:
        """The phrase with its head as a lemma: 'rival street racers' -> 'rival street racer'."""
        return " ".join([t.text if t.tag == "PROPN" else t.low for t in self.words[:-1]] + [
            self.head.text if self.head.tag == "PROPN" else lemma(self.head.low)])

    @property
    def plural(self) -> bool:
        head = self.head
        return self.article in {"two", "three", "four", "five", "these", "those", "several", "many", "few",
                                "both", "all"} or (head.tag == "NOUN" and lemma(head.low) != head.low
                                                   and head.low.endswith("s"))

    @property
    def count(self) -> int:
        return {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}.get(self.article, 2 if self.plural else 1)

    @property
    def is_name(self) -> bool:
        return all(t.tag == "PROPN" for t in self.words) and not self.article

    @property
    def span(self) -> tuple[int, int]:
        return (self.first if self.first >= 0 else self.words[0].index), self.words[-1].index + 1


@dataclass
class Clause:
    """One stretch of a brief between breaks: subjects, verbs, and the phrases in it."""

    tokens: list[Token]
    subjects: list[NounPhrase] = field(default_factory=list)
    verbs: list[Token] = field(default_factory=list)
    phrases: list[NounPhrase] = field(default_factory=list)  # every noun phrase, in order (subjects included)
    lead: str = ""  # the conjunction that opened it: "until", "only", "but", "when"...

    @property
    def text(self) -> str:
        return join_tokens(self.tokens)


def join_tokens(toks: list[Token]) -> str:
    out = ""
    for t in toks:
        piece = t.text + ("'s" if t.owner else "")
        out += piece if not out or t.low in {",", ".", ";", ":", "!", "?", ")"} else " " + piece
    return out


def chunk(text: str) -> list[Clause]:
    """Split a brief into clauses at sentence breaks, commas and clause conjunctions; chunk each into phrases."""
    toks = tokens(text)
    clauses: list[Clause] = []
    current: list[Token] = []
    lead = ""

    def close() -> None:
        nonlocal current, lead
        words = [t for t in current if t.tag != "PUNCT"]
        if words:
            clauses.append(_chunk_clause(words, lead))
        current, lead = [], ""

    for tok in toks:
        if tok.tag == "PUNCT" and tok.low in _BREAKS | {","}:
            close()
            continue
        if tok.tag == "CONJ" and tok.low in {"until", "but", "when", "while", "because", "then", "only", "once"} \
                and current:
            close()
            lead = tok.low
            continue
        current.append(tok)
    close()
    return clauses


def _chunk_clause(words: list[Token], lead: str) -> Clause:
    clause = Clause(tokens=words, lead=lead or (words[0].low if words[0].tag == "CONJ" else ""))
    i, prep, verb = 0, "", ""
    while i < len(words):
        tok = words[i]
        if tok.tag == "VERB":
            clause.verbs.append(tok)
            verb, prep = tok.lemma, ""
            i += 1
            continue
        if tok.tag == "PREP":
            prep = tok.low
            # "search FOR the key", "run FROM the hunters": the particle binds the object to the verb.
            if not (i and words[i - 1].tag == "VERB" and tok.low in {"for", "after", "about", "from", "with"}):
                verb = ""
            i += 1
            continue
        if tok.tag in {"CONJ", "AUX", "ADV", "PRON", "PART"}:
            if tok.tag == "PRON" and tok.low in _SUBJECT_PRONOUNS and not clause.verbs:
                clause.subjects.append(NounPhrase([tok]))
            i += 1
            continue
        phrase, i = _noun_phrase(words, i)
        if phrase is None:
            i += 1
            continue
        phrase.prep, phrase.verb = prep, verb
        if not prep and not clause.verbs:
            clause.subjects.append(phrase.owner if phrase.owner is not None else phrase)
        if phrase.owner is not None:
            clause.phrases.append(phrase.owner)
        clause.phrases.append(phrase)
        prep = ""
    return clause


def _noun_phrase(words: list[Token], i: int) -> tuple[NounPhrase | None, int]:
    article = possessive = ""
    first = words[i].index if i < len(words) else -1
    owner: NounPhrase | None = None
    while i < len(words) and words[i].tag in {"DET", "POSS", "NUM"}:
        if words[i].tag == "POSS":
            possessive = words[i].low
        elif words[i].tag == "DET":
            article = article or words[i].low
        i += 1
    body: list[Token] = []
    while i < len(words) and words[i].tag in {"NOUN", "PROPN", "ADJ"} and len(body) < 5:
        tok = words[i]
        body.append(tok)
        i += 1
        if tok.owner and i < len(words) and words[i].tag in {"NOUN", "ADJ", "PROPN"}:
            owner = NounPhrase(body, article=article, first=first)  # "a customer's smile"
            possessive, article, body = " ".join(t.text for t in body), "", []
    while body and body[-1].tag == "ADJ" and len(body) > 1 and "NOUN" not in word_classes(body[-1].low):
        body.pop()
        i -= 1
    if not body or body[-1].tag not in {"NOUN", "PROPN"}:  # "keeps it OPEN", "plays ALONE": no thing
        return None, i
    return NounPhrase(body, article=article, possessive=possessive, owner=owner, first=first), i
