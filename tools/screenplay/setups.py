"""Setups and payoffs: props the script points at, and whether the film cashes them in.

Fountain's convention (and the page's) is to CAPITALISE a prop or sound the
audience must notice. A capitalised object that never comes back is a promise
broken (`payoff_missing`); an object that solves the climax without having been
seen before is a cheat (`setup_missing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.state import Finding, MoodPoint, Script
from tools.screenplay.reading import quote, sentences, spoken_text, stem, words
from tools.screenplay.structure import climax_scene

_CAPS_PHRASE = re.compile(r"\b([A-Z][A-Z'\-]{2,}(?:\s+[A-Z][A-Z'\-]{1,})*)\b")
_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "this", "that",
                "one", "two", "three", "some", "old", "each", "every", "another"}
# Capitals that mark sounds, camera directions or screenplay furniture, not props.
_NOT_PROPS = {
    "INT", "EXT", "CONT'D", "V.O", "O.S", "POV", "CLOSE", "ANGLE", "INSERT", "SUPER", "TITLE", "CUT",
    "FADE", "BACK", "SCENE", "END", "THE", "BANG", "BOOM", "CRASH", "THUD", "SLAM", "SLAMS", "BEEP",
    "BEEPS", "RING", "RINGS", "KNOCK", "KNOCKS", "CLICK", "CLICKS", "WHOOSH", "CRACK", "CRACKS", "SMASH",
    "SNAP", "HISS", "BUZZ", "BUZZES", "RUMBLE", "RUMBLES", "ROAR", "ROARS", "SCREAM", "SCREAMS", "SILENCE",
    "FLASHBACK", "MONTAGE", "LATER", "CONTINUOUS", "OFF", "ON", "OK", "TV", "DAY", "NIGHT", "DAWN", "DUSK",
}
# Verbs by which an object solves a problem at the climax.
_INSTRUMENT = re.compile(
    r"\b(?:uses?|using|pulls? out|produces?|takes? out|whips? out|activates?|fires?|wields?|reveals?|"
    r"pulls? from \w+ \w+|unfolds?|switches on|flicks on|holds? up|throws?|hurls?|swings?|aims?)\s+"
    r"(?:a|an|the|his|her|their|its|my)\s+((?:[a-z\-]+\s+){0,2}[a-z\-]+)", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:she|he|they|it|we|i)\b", re.IGNORECASE)
_STOP_AT = {"to", "and", "at", "on", "in", "into", "of", "with", "from", "for", "that", "which", "as",
            "toward", "towards", "over", "under", "across"}


@dataclass(frozen=True)
class Setup:
    """A prop the page points at in capitals, where it first appears."""

    name: str
    scene: int  # 1-based
    element: int  # index in the scene's elements
    line: int
    sentence: str

    @property
    def key(self) -> str:
        return stem(self.name.split()[-1])


def _character_words(script: Script) -> set[str]:
    return {w for c in script.characters for w in c.name.split()}


def emphasised_props(script: Script) -> list[Setup]:
    """Capitalised objects in action lines, in order of first appearance."""
    names = _character_words(script)
    seen: set[str] = set()
    props: list[Setup] = []
    for scene in script.scenes:
        for k, el in enumerate(scene.elements):
            if el.kind != "action":
                continue
            for m in _CAPS_PHRASE.finditer(el.text):
                phrase = m.group(1).strip()
                parts = phrase.split()
                if all(p in names or p.strip(".") in _NOT_PROPS for p in parts):
                    continue
                parts = [p for p in parts if p not in names]
                lead = el.text[: m.start()].split()[-2:]
                # A prop is a noun: it follows a determiner ("a BRASS LANTERN").
                if not any(w.lower().strip(",") in _DETERMINERS for w in lead):
                    continue
                name = " ".join(parts)
                key = stem(parts[-1])
                if key in seen:
                    continue
                seen.add(key)
                sentence = next((s for s in sentences(el.text) if phrase in s), el.text)
                props.append(Setup(name=name, scene=scene.index, element=k, line=el.line, sentence=sentence))
    return props


def _used_after(script: Script, prop: Setup) -> bool:
    for scene in script.scenes[prop.scene - 1:]:
        start = prop.element + 1 if scene.index == prop.scene else 0
        for el in scene.elements[start:]:
            text = spoken_text(el) if el.kind == "dialogue" else el.text
            if any(stem(w) == prop.key for w in words(text)):
                return True
    return False


def payoffs_missing(script: Script, curve: list[MoodPoint]) -> list[Finding]:
    """Props introduced with emphasis before the climax and never seen again."""
    if not script.scenes:
        return []
    climax = climax_scene(script, curve) + 1
    findings = []
    for prop in emphasised_props(script):
        if prop.scene >= max(climax, 2) or _used_after(script, prop):
            continue
        findings.append(Finding(
            kind="payoff_missing", scene=prop.scene, line=prop.line or None, severity="medium",
            evidence=f"{prop.name} is set up in capitals — {quote(prop.sentence, 110)} — and never appears again",
            suggestion=f"Pay the {prop.name.lower()} off: let it matter at the climax (scene {climax}), "
                       "or drop the emphasis so the audience is not waiting for it."))
    return findings


def _noun_phrase(raw: str) -> str:
    kept = []
    for w in raw.split():
        if w.lower() in _STOP_AT or w.lower().endswith("ly"):  # "uses the rope quickly"
            break
        kept.append(w.lower())
    return " ".join(kept)


def _seen_before(script: Script, scene_no: int, element: int, key: str) -> bool:
    for scene in script.scenes[:scene_no]:
        elements = scene.elements if scene.index < scene_no else scene.elements[:element]
        for el in elements:
            text = spoken_text(el) if el.kind == "dialogue" else el.text
            if any(stem(w) == key for w in words(text)):
                return True
        if scene.index < scene_no and any(stem(w) == key for w in words(scene.heading)):
            return True
    return False


def setups_missing(script: Script, curve: list[MoodPoint]) -> list[Finding]:
    """Objects that resolve the climax without having been planted earlier."""
    if len(script.scenes) < 2:
        return []
    climax = climax_scene(script, curve)
    names = {w.lower() for w in _character_words(script)}
    findings: list[Finding] = []
    flagged: set[str] = set()
    setups = emphasised_props(script)
    # The climax and, when the film goes on after it, the scene that resolves it.
    last = len(script.scenes) - 1
    window = [i for i in (climax, climax + 1) if i >= 1 and (i == climax or i < last)]
    for scene in (script.scenes[i] for i in window):
        for k, el in enumerate(scene.elements):
            if el.kind != "action":
                continue
            candidates: list[tuple[str, str]] = []
            for prop in setups:
                if prop.scene == scene.index and prop.element == k:
                    candidates.append((prop.name.lower(), prop.sentence))
            for m in _INSTRUMENT.finditer(el.text):
                phrase = _noun_phrase(m.group(1))
                sent = next((s for s in sentences(el.text) if m.group(0) in s), el.text)
                # Only a character's own move counts: a drone firing a net is action, not a resolution.
                subject = sent[: sent.find(m.group(0))] if m.group(0) in sent else ""
                acted = _PRONOUN_SUBJECT.match(subject) or any(w.lower() in names for w in words(subject))
                if phrase and acted:
                    candidates.append((phrase, sent))
            for phrase, sentence in candidates:
                head = phrase.split()[-1]
                key = stem(head)
                if head in names or key in flagged or _seen_before(script, scene.index, k, key):
                    continue
                flagged.add(key)
                findings.append(Finding(
                    kind="setup_missing", scene=scene.index, line=el.line or None, severity="medium",
                    evidence=f"the {phrase} resolves the climax — {quote(sentence, 110)} — "
                             "but is never seen before this scene",
                    suggestion=f"Plant the {phrase} early (show it in scene 1 or 2 in capitals), "
                               "so its use feels earned rather than convenient."))
    return findings
