"""Who is in a scene: characters matched by their whole name, never by a common word.

A character is a dialogue cue ('BRICK', 'YOUNG EDWARD') or someone the action
introduces in capitals with an age ('NINA, 30s'). An action line mentions them
only by the whole name, in capitals or in Title case ('Brick', 'Young Edward'),
so 'THE BOSS' is not every 'boss' and 'WILL' is not 'it will rain'. Where two
names overlap, the longer wins: 'YOUNG EDWARD' in a line is not also 'EDWARD'.
Two names are one person only where the script declares it ('JACK, AKA THE
KID'). A joint cue ('EDWARD AND WILL') speaks for each person it names.
Voices and crowds ('A VOICE', 'THE CROWD', 'A MAN'S VOICE') are heard or are
the background: they are never framed as a subject (`is_extra`).
"""

from __future__ import annotations

import re

from graph.state import CharacterNote, Scene

_AKA = re.compile(r"\b([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,2}),?\s*\(?(?:AKA|A\.K\.A\.|aka|a\.k\.a\.)\s+"
                  r"([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,2})\b")
_JOINT = re.compile(r"\s+(?:AND|&)\s+|\s*/\s*")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
# Heads of a cue that name a sound or a mass of people rather than someone to frame.
_BACKGROUND_ANCHORS = ("a voice heard from somewhere", "a crowd of people", "everyone at once",
                       "a sound", "the audience")
_PERSON_ANCHORS = ("a person", "a man", "a woman", "a named character")


def title_form(name: str) -> str:
    """'YOUNG EDWARD' as action lines write it: 'Young Edward' (and 'McCoy' stays readable)."""
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


class Matcher:
    """Finds whole cast names in text, longest first, with declared aliases folded in."""

    def __init__(self, names: list[str], aliases: dict[str, str] | None = None):
        self.aliases = dict(aliases or {})
        forms: dict[str, str] = {}
        for name in list(names) + list(self.aliases):
            canon = self.aliases.get(name, name)
            for form in (name, title_form(name)):
                forms.setdefault(form, canon)
        self.forms = forms
        ordered = sorted(forms, key=len, reverse=True)
        self.pattern = (re.compile(r"(?<![\w'])(" + "|".join(re.escape(f) for f in ordered) + r")(?![\w])")
                        if ordered else None)

    def find(self, text: str) -> list[tuple[int, str]]:
        """(offset, canonical name) of every mention, in order."""
        if self.pattern is None:
            return []
        return [(m.start(), self.forms[m.group(1)]) for m in self.pattern.finditer(text)]

    def names_in(self, text: str) -> list[str]:
        return list(dict.fromkeys(name for _, name in self.find(text)))


def joint_parts(cue: str, cast: set[str]) -> list[str]:
    """'EDWARD AND WILL' -> ['EDWARD', 'WILL'] when both are cast; else [cue]."""
    parts = [p.strip() for p in _JOINT.split(cue) if p.strip()]
    if len(parts) > 1 and all(p in cast for p in parts):
        return parts
    return [cue]


def declared_aliases(scenes: list[Scene], names: list[str]) -> dict[str, str]:
    """alias -> character, only where an action line says 'X, AKA Y' and one of them is a cue."""
    known = set(names)
    aliases: dict[str, str] = {}
    for scene in scenes:
        for el in scene.elements:
            if el.kind != "action" or "ka" not in el.text.lower():
                continue
            for m in _AKA.finditer(el.text):
                a, b = m.group(1).strip(), m.group(2).strip()
                if a in known and b not in known:
                    aliases[b] = a
                elif b in known and a not in known:
                    aliases[a] = b
    return aliases


_EXTRA: dict[str, bool] = {}


def _shape_says_extra(name: str) -> bool | None:
    words = name.split()
    # A cue that is really a sentence or a shot ('TIME RESUMES AS...THEY', "STRIKER'S POV"), read as a
    # cue by a plain-text parser, is nobody to frame.
    if not words or len(words) > 4 or "..." in name or (name.endswith(".") and not name.endswith(("DR.", "MR."))):
        return True
    if re.search(r"\b(?:POV|ANGLE|INSERT|CLOSE ?UP|CLOSE|WIDE|BACK TO|SHOT|SHOTS|INTERCUT)\b", name):
        return True
    if words[-1] in ("VOICE", "VOICES") or words[-1].endswith("'S VOICE"):
        return True
    return None


def prime_extras(names: list[str]) -> None:
    """Decide many names in one embedding batch."""
    todo = sorted({n for n in names if n not in _EXTRA})
    for name in list(todo):
        shape = _shape_says_extra(name)
        if shape is not None:
            _EXTRA[name] = shape
            todo.remove(name)
    if not todo:
        return
    from memory.embeddings import embed_texts

    vectors = embed_texts([n.lower() for n in todo] + list(_BACKGROUND_ANCHORS) + list(_PERSON_ANCHORS))
    names_v, anchors = vectors[:len(todo)], vectors[len(todo):]
    back, person = anchors[:len(_BACKGROUND_ANCHORS)], anchors[len(_BACKGROUND_ANCHORS):]
    for name, vector in zip(todo, names_v):
        b, p = float((back @ vector).max()), float((person @ vector).max())
        _EXTRA[name] = b > 0.55 and b > p + 0.05


def is_extra(name: str) -> bool:
    """A voice or a crowd, not someone to frame: by meaning (MiniLM), not by a word list."""
    if name not in _EXTRA:
        prime_extras([name])
    return _EXTRA[name]


def characters(scenes: list[Scene], silent_intro: re.Pattern[str],
               not_names: set[str] | frozenset[str] = frozenset()) -> list[CharacterNote]:
    """The script's characters in order of first appearance; sets each scene's `characters`
    to the people present: speakers, and whole-name mentions in its action."""
    speakers: list[str] = []
    for scene in scenes:
        for el in scene.elements:
            if el.kind == "dialogue" and el.character and el.character not in speakers:
                speakers.append(el.character)
    silent: list[str] = []
    for scene in scenes:
        for el in scene.elements:
            if el.kind == "action":
                for m in silent_intro.finditer(el.text):
                    name = m.group(1).strip()
                    if name not in speakers and name not in silent and name not in not_names:
                        silent.append(name)
    names = speakers + silent
    cast = set(names)
    matcher = Matcher(names, declared_aliases(scenes, names))
    notes: dict[str, CharacterNote] = {}
    for scene in scenes:
        present: list[str] = []
        for el in scene.elements:
            if el.kind == "dialogue" and el.character:
                found = joint_parts(el.character, cast) if el.character not in cast or " " in el.character \
                    else [el.character]
                if el.character in cast and len(found) > 1:
                    found = [el.character] + found
            elif el.kind == "action":
                found = matcher.names_in(el.text)
            else:
                continue
            for name in found:
                if name not in present:
                    present.append(name)
                if name not in notes:
                    notes[name] = CharacterNote(name=name, first_scene=scene.index)
                note = notes[name]
                if not note.description and el.kind == "action":
                    sentence = next((s.strip() for s in _SENTENCE.findall(el.text) if name in s), "")
                    if sentence:
                        notes[name] = note.model_copy(update={"description": sentence})
        scene.characters = present
    return sorted(notes.values(), key=lambda n: (n.first_scene, names.index(n.name) if n.name in names else 0))


__all__ = ["Matcher", "characters", "declared_aliases", "is_extra", "joint_parts", "prime_extras", "title_form"]
