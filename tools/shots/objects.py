"""Which capitalised words in an action line are physical objects worth an insert.

Writers capitalise props ('a brass COMPASS'), but also sounds ('the boards
CREAK'), shouts, actions ('Jenny YANKS OFF his shoes'), intensifiers ('VERY'),
extras and camera words. An insert is only for a thing the camera can hold on,
so a capitalised run is a prop when all of these hold:
- grammar (lemminflect's lexicon): its last word can be a noun, and no word of
  it can only be a verb, adverb or adjective ('SLAMMED', 'EXTREMELY', 'OLD');
  a word the lexicon does not know (a brand: 'GLOCK') must be near something the
  previs can draw (tools.previs.vocabulary);
- use: it sits where a noun sits, after a determiner, a possessive, a number or
  a preposition ('the RADIO', 'his KEYS', 'by FIRE ENGINES'), or opens a
  sentence; a capital right after a subject is a verb or a sound ('he LAUGHS');
- meaning: not a person or a place the previs draws as one (tools.previs.vocabulary),
  and (MiniLM) not nearer a sound, a person, an animal or a feeling than to an object.
A paragraph typed all in capitals emphasises nothing, so it offers no props.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_OBJECT_ANCHORS = ("a physical object you can hold", "a tool or a device", "a machine or a vehicle",
                   "a weapon", "a piece of paper, a letter or a document", "furniture or a container")
_OTHER_ANCHORS = ("a sound or a noise", "a laugh, a cough or a gasp", "a bang, a pop or a crash", "a person or a group of people", "an animal",
                  "a feeling or a quality", "an action or a movement")
# Where a noun sits in English: after these function words (closed classes, not a growing list).
_FUNCTION_WORDS = frozenset("""
a an the his her their its my your our this that these those some any each every no one two three four
five six several many of in on at by with from into onto under over behind beside near toward towards
through for to across against like
""".split())
_TOKEN = re.compile(r"[A-Za-z0-9'’\-]+|[.!?:;\"]|--")


def _lemmas(word: str) -> dict:
    from lemminflect import getAllLemmas

    return getAllLemmas(word.lower().strip("'’-"))


@lru_cache(maxsize=8192)
def _grammar_ok(phrase: str) -> bool | None:
    """True/False from the lexicon; None when it does not know the head word."""
    words = [re.sub(r"(?:'S|’S)$", "", w) for w in phrase.split()]
    head = _lemmas(words[-1])
    if not head:
        return None
    if "NOUN" not in head and "PROPN" not in head:
        return False
    for before, word in zip(words, words[1:]):
        # 'BELL RINGS', 'ALIENS RUN': a noun then a verb form is a clause, not a thing.
        if _inflected_verb(word) and "NOUN" in _lemmas(before):
            return False
    for word in words[:-1]:
        forms = set(_lemmas(word))
        # 'SMASHING DOWN THREE CARS', 'YANKS OFF': a verb opens the run, so it is an action.
        if forms and not forms & {"NOUN", "PROPN", "NUM", "ADJ"}:
            return False
    return True


@lru_cache(maxsize=1)
def _anchors() -> tuple[np.ndarray, np.ndarray]:
    from memory.embeddings import embed_texts

    vectors = embed_texts(list(_OBJECT_ANCHORS) + list(_OTHER_ANCHORS))
    return vectors[:len(_OBJECT_ANCHORS)], vectors[len(_OBJECT_ANCHORS):]


_MEANING: dict[str, bool] = {}


def _exact(phrase: str, kind: str) -> bool:
    """A word of the phrase is one the previs draws as itself (its repertoire's own words)."""
    from tools.previs.vocabulary import REPERTOIRE

    words = {w for words in REPERTOIRE[kind].values() for w in words}  # type: ignore[index]
    for token in re.findall(r"[a-z]+", phrase.lower()):
        forms = {token} | {lemma for lemmas in _lemmas(token).values() for lemma in lemmas}
        if forms & words:
            return True
    return False


def prime(phrases: list[str]) -> None:
    """Judge the meaning of many phrases in one embedding batch (a feature has hundreds)."""
    todo = sorted({p for p in phrases if p not in _MEANING})
    if not todo:
        return
    from memory.embeddings import embed_texts

    objects, others = _anchors()
    vectors = embed_texts([p.lower() for p in todo])
    for phrase, vector in zip(todo, vectors):
        if _exact(phrase, "figure"):
            _MEANING[phrase] = False  # 'an OLD WOMAN', 'a TEENAGE GIRL': a person, framed as one
        elif _exact(phrase, "prop"):
            _MEANING[phrase] = True
        elif _exact(phrase.split()[-1], "place"):
            _MEANING[phrase] = False  # 'the HALLWAY', 'SORORITY HOUSE': a place, shot wide
        else:
            _MEANING[phrase] = float((objects @ vector).max()) >= float((others @ vector).max())


def _meaning_ok(phrase: str) -> bool:
    if phrase not in _MEANING:
        prime([phrase])
    return _MEANING[phrase]


def _inflected_verb(word: str) -> bool:
    """'CHEERS', 'SLAMMED': a verb form other than the base, which after a noun is the verb."""
    low = word.lower()
    return any(lemma != low for lemma in _lemmas(low).get("VERB", ()))


def _used_as_noun(text: str, start: int, phrase: str = "") -> bool:
    """The run follows a determiner, possessive, number or preposition, with at most two
    adjectives between ('a brass COMPASS'), or opens a sentence; 'the crowd CHEERS' does not."""
    tokens = _TOKEN.findall(text[:start])[-4:]
    skipped = 0
    while tokens:
        word = tokens.pop()
        low = word.lower()
        if low in _FUNCTION_WORDS or low.endswith(("'s", "’s")) or low.isdigit():
            return True
        if word in (".", "!", "?", ":", ";", '"', "--"):
            return True
        forms = set(_lemmas(low))
        participle = any(lemma != low for lemma in _lemmas(low).get("VERB", ())) and not low.endswith("s")
        # A noun before the run modifies it ('brass COMPASS') only in the singular: after a
        # plural ('the boards CREAK') the capital is the verb.
        plural = any(lemma != low for lemma in _lemmas(low).get("NOUN", ()))
        modifier = "ADJ" in forms or participle or (
            "NOUN" in forms and not plural and phrase and not _inflected_verb(phrase.split()[-1]))
        if skipped < 2 and word.islower() and modifier:
            skipped += 1
            continue
        return False
    return True  # the start of the line


def could_be_object(phrase: str, text: str = "", start: int = 0) -> bool:
    """The cheap half of the test (grammar and use), to decide what is worth embedding."""
    phrase = phrase.strip()
    return (len(phrase.replace(" ", "")) >= 2 and _grammar_ok(phrase) is not False
            and (not text or _used_as_noun(text, start, phrase)))


def is_physical_object(phrase: str, text: str = "", start: int = 0) -> bool:
    """Whether a capitalised run ('BRASS COMPASS', 'SLAMMED') names a thing an insert can show."""
    phrase = phrase.strip()
    if not phrase or len(phrase.replace(" ", "")) < 2:
        return False
    grammar = _grammar_ok(phrase)
    if grammar is False:
        return False
    if text and not _used_as_noun(text, start, phrase):
        return False
    if grammar is None:
        from tools.previs.vocabulary import drawable_for

        # A word no dictionary knows (a brand, a made-up name) is a prop only when it reads like one.
        return drawable_for(phrase.lower(), "prop").score >= 0.5 and _meaning_ok(phrase)
    return _meaning_ok(phrase)


__all__ = ["could_be_object", "is_physical_object", "prime"]
