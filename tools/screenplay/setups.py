"""Setups and payoffs: props the script points at, and whether the film cashes them in.

Fountain's convention (and the page's) is to CAPITALISE a prop or sound the
audience must notice. A capitalised *object* that is never mentioned again in
any form — plural, possessive, inside a longer name, as a speaking character, in
a heading — is a promise broken (`payoff_missing`); an object that solves the
climax, or pulls the hero out of trouble, without having been mentioned before
is a cheat (`setup_missing`). Capitals that name people (extras, roles), sounds,
camera shots or title cards are not props, and are never setups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.state import Finding, MoodPoint, Script
from tools.screenplay.mentions import can_be, index_of, is_shot_line, is_title_card, kinds_of
from tools.screenplay.reading import STOPWORDS, quote, sentences, stem, words
from tools.screenplay.structure import climax_scene

_CAPS_PHRASE = re.compile(r"\b([A-Z][A-Z'\-]{2,}(?:[ \t]+[A-Z][A-Z'\-]{1,})*)\b")
# Action written mostly in capitals (scripts set from PDFs, shouted beats): capitals there are no emphasis.
CAPS_HEAVY = 0.5
_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "this", "that",
                "one", "two", "three", "some", "each", "every", "another"}
# Screenplay furniture written in capitals: not words of the story.
_FURNITURE = {"INT", "EXT", "CONT'D", "V.O", "O.S", "POV", "CUT", "FADE", "SCENE", "END", "THE"}
# Verbs by which an object solves a problem: "pulls out a X", "pulls a X from her shoe".
_INSTRUMENT = re.compile(
    r"\b(?:uses?|using|pulls? out|produces?|takes? out|whips? out|activates?|fires?|wields?|"
    r"pulls? from \w+ \w+|unfolds?|switches on|flicks on|holds? up|throws?|hurls?|swings?|aims?|"
    r"(?:pulls?|takes?|slips?|fishes|draws?)(?= (?:a|an|the|his|her|their|its|my) [^.!?]{0,40}?\b(?:from|out of)\b))"
    r"\s+(?:a|an|the|his|her|their|its|my)\s+((?:[A-Za-z\-]+\s+){0,2}[A-Za-z\-]+)", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:she|he|they|it|we|i)\b", re.IGNORECASE)
_STOP_AT = {"to", "and", "at", "on", "in", "into", "of", "with", "from", "for", "that", "which", "as",
            "toward", "towards", "over", "under", "across", "out", "inside", "behind", "off", "up", "down"}


@dataclass(frozen=True)
class Setup:
    """A prop the page points at in capitals, where it first appears."""

    name: str
    scene: int  # 1-based
    element: int  # index in the scene's elements
    line: int
    sentence: str
    end: int = 0  # where the phrase ends in the element's text

    @property
    def key(self) -> str:
        return stem(self.name.split()[-1])

    @property
    def nouns(self) -> list[str]:
        """Words of the name that can name a thing: any of them coming back is a mention."""
        return [w for w in self.name.split() if can_be(w, "NOUN")] or self.name.split()[-1:]


def _character_words(script: Script) -> set[str]:
    return {w for c in script.characters for w in c.name.split()}


def _is_noun_phrase(text: str, start: int, end: int, phrase: str) -> bool:
    """Whether the capitals at text[start:end] name a thing: after a determiner, heading a noun phrase."""
    head = phrase.split()[-1]
    if _known(head) and not can_be(head, "NOUN"):
        return False  # CAWING, CHUBBY, ACTIVATE: a sound or a modifier, not a thing (GTI, EMP: names of things)
    if any(w.lower() in STOPWORDS or w.lower() in _STOP_AT or (_known(w) and not can_be(w, "NOUN")
                                                               and not can_be(w, "ADJ")) for w in phrase.split()[1:]):
        return False  # "PINT OF", "KEGS STACKED OUTSIDE": a sentence in capitals, not a name
    before = re.findall(r"[A-Za-z'\-]+|[,;:]", text[:start])[-3:]
    # A determiner right before, or with modifiers between ("a weathered LASER PRINTER").
    for k in range(len(before) - 1, -1, -1):
        w = before[k]
        low = w.lower()
        if low in _DETERMINERS:
            # "AN ORLONI", "OUTSIDE A PUB": the determiner is part of a run of capitals, not of the prose.
            if (w.isupper() and len(w) > 1) or (k > 0 and before[k - 1].isupper() and len(before[k - 1]) > 1):
                return False
            break
        if not (can_be(low, "ADJ") or low.endswith(("ed", "ing")) or "-" in low):
            return False  # "a flashlight SWEEPS": the capitals follow a noun, so they are its verb
    else:
        return False
    after = re.match(r"\s+([a-z][a-z\-]+)", text[end:])
    # "the green ACTIVATE button", "a CAWING crow": the capitals modify the lower-case noun after them.
    return not (after and can_be(after.group(1), "NOUN") and not can_be(after.group(1), "VERB"))


def _candidates(script: Script) -> list[Setup]:
    names = _character_words(script)
    seen: set[str] = set()
    props: list[Setup] = []
    for scene in script.scenes:
        if is_title_card(scene):
            continue
        for k, el in enumerate(scene.elements):
            letters = [c for c in el.text if c.isalpha()]
            if el.kind != "action" or is_shot_line(el.text) or (
                    letters and sum(c.isupper() for c in letters) / len(letters) > CAPS_HEAVY):
                continue
            for m in _CAPS_PHRASE.finditer(el.text):
                phrase = m.group(1).strip()
                parts = phrase.split()
                if all(p in names or p.strip(".") in _FURNITURE for p in parts):
                    continue
                if any(p in names for p in parts) or not _is_noun_phrase(el.text, m.start(), m.end(), phrase):
                    continue  # part of a character's name ("DICK STEEL"), or not a thing
                key = stem(parts[-1])
                if key in seen:
                    continue
                seen.add(key)
                sentence = next((s for s in sentences(el.text) if phrase in s), el.text)
                props.append(Setup(name=phrase, scene=scene.index, element=k, line=el.line, sentence=sentence,
                                   end=m.end()))
    return props


def emphasised_props(script: Script) -> list[Setup]:
    """Capitalised objects in action lines, in order of first appearance (people and sounds left out)."""
    props = _candidates(script)
    kinds = kinds_of([p.name.lower() for p in props])
    # People (STEWARDESS, THE CROWD) and camera words are never props; a sound (COUGH, DRUM ROLL) is not
    # one either, unless a material or colour makes it a thing ("a SILVER WHISTLE").
    return [p for p in props if kinds[p.name.lower()] == "object"
            or (kinds[p.name.lower()] == "sound" and len(p.name.split()) > 1 and can_be(p.name.split()[0], "ADJ"))]


def _mentioned_later(script: Script, prop: Setup) -> bool:
    """Any noun of the prop's name, in any form, anywhere after its setup (its own block's later sentences too)."""
    idx = index_of(script)
    el = script.scenes[prop.scene - 1].elements[prop.element]
    rest = el.text[prop.end:]
    if any(f in {g for n in prop.nouns for g in _forms(n)} for w in words(rest) for f in _forms(w)):
        return True
    here = idx.ordinal(prop.scene, prop.element)
    return any(idx.mentioned_after(n, here) is not None for n in prop.nouns)


def _callback(script: Script, prop: Setup) -> bool:
    """A prop already written of before its capitals ("pins on their lapels" ... "that familiar PIN"): a payoff."""
    idx = index_of(script)
    here = idx.ordinal(prop.scene, prop.element)
    return any(idx.mentioned_before(n, here) for n in prop.nouns)


def _forms(word: str) -> frozenset[str]:
    from tools.screenplay.mentions import forms

    return forms(word)


def payoffs_missing(script: Script, curve: list[MoodPoint]) -> list[Finding]:
    """Props introduced with emphasis before the climax and never mentioned again in any form."""
    if not script.scenes:
        return []
    climax = climax_scene(script, curve) + 1
    findings = []
    for prop in emphasised_props(script):
        if prop.scene >= max(climax, 2) or _used_on_arrival(prop) or _callback(script, prop) \
                or _mentioned_later(script, prop):
            continue
        findings.append(Finding(
            kind="payoff_missing", scene=prop.scene, line=prop.line or None, severity="medium",
            evidence=f"{prop.name} is set up in capitals at line {prop.line} — {quote(prop.sentence, 110)} — "
                     "and is never mentioned again, in any form",
            suggestion=f"Pay the {prop.name.lower()} off: let it matter at the climax (scene {climax}), "
                       "or drop the emphasis so the audience is not waiting for it."))
    return findings


def _noun_phrase(raw: str) -> str:
    kept = []
    for w in re.findall(r"[A-Za-z][A-Za-z'\-]*", raw):
        if w.lower() in _STOP_AT or w.lower().endswith("ly"):  # "uses the rope quickly"
            break
        kept.append(w.lower())
    return " ".join(kept)


def _resolving_uses(script: Script, scene_indexes: list[int]) -> list[tuple[int, int, str, str]]:
    """(scene, element, object, sentence) for each object a character uses to act in these scenes."""
    names = {w.lower() for w in _character_words(script)}
    out = []
    for i in scene_indexes:
        scene = script.scenes[i]
        for k, el in enumerate(scene.elements):
            if el.kind != "action":
                continue
            for m in _INSTRUMENT.finditer(el.text):
                phrase = _noun_phrase(m.group(1))
                sent = next((s for s in sentences(el.text) if m.group(0) in s), el.text)
                # Only a character's own move counts: a drone firing a net is action, not a resolution.
                subject = sent[: sent.find(m.group(0))] if m.group(0) in sent else ""
                acted = _PRONOUN_SUBJECT.match(subject) or any(w.lower() in names for w in words(subject))
                if phrase and acted:
                    out.append((scene.index, k, phrase, sent))
    return out


def _known(word: str) -> bool:
    return any(can_be(word, pos) for pos in ("NOUN", "VERB", "ADJ", "ADV"))


def _used_on_arrival(prop: Setup) -> bool:
    """A prop whose first sight is its use ("pulls a KEY CARD from her shoe"): a payoff, never a setup."""
    return any(prop.name.lower() in m.group(0).lower() for m in _INSTRUMENT.finditer(prop.sentence))


def setups_missing(script: Script, curve: list[MoodPoint]) -> list[Finding]:
    """Objects that resolve the climax without having been mentioned earlier in any form."""
    if len(script.scenes) < 2:
        return []
    idx = index_of(script)
    climax = climax_scene(script, curve)
    names = {w.lower() for w in _character_words(script)}
    # The climax and, when the film goes on after it, the scene that resolves it; and any scene of the
    # second half where a capitalised object first appears by being used to get out of trouble.
    last = len(script.scenes) - 1
    window = [i for i in (climax, climax + 1) if i >= 1 and (i == climax or i < last)]
    half = len(script.scenes) // 2
    window += sorted({p.scene - 1 for p in emphasised_props(script)
                      if p.scene - 1 >= max(1, half) and _used_on_arrival(p)} - set(window))
    findings: list[Finding] = []
    flagged: set[str] = set()
    for scene_no, k, phrase, sentence in _resolving_uses(script, window):
        head = phrase.split()[-1]
        # 'emp' is no dictionary word, but 'the rope quickly' ends on a word that is never a thing.
        if head in names or stem(head) in flagged or (_known(head) and not can_be(head, "NOUN")):
            continue
        if idx.mentioned_before(head, idx.ordinal(scene_no, k)):
            continue
        flagged.add(stem(head))
        line = script.scenes[scene_no - 1].elements[k].line
        findings.append(Finding(
            kind="setup_missing", scene=scene_no, line=line or None, severity="medium",
            evidence=f"the {phrase} resolves scene {scene_no} at line {line} — {quote(sentence, 110)} — "
                     "but is not mentioned anywhere before it",
            suggestion=f"Plant the {phrase} early (show it in scene 1 or 2 in capitals), "
                       "so its use feels earned rather than convenient."))
    return findings
