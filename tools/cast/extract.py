"""Casting from the page: who is in the script and what they look like.

Characters come from dialogue cues and from the capitalised first appearance
screenwriters give a new character in the action lines. Each gets a profile
with the features their introduction states and two signature colours
(body/wardrobe first, head/hair accent second: the order the previs renderer
paints them in).
"""

from __future__ import annotations

import random
import re

from graph.state import CharacterProfile, Script, StyleBible
from tools.cast.colors import NOUN_COLORS, choose_colors, color_words_in
from memory.look import age_group
from tools.cast.features import Features, figure_for, read_look
from tools.cast.passages import NAME_MARK, character_passages

OLD_HAIR = "#c8c8c4"  # grey-white hair of an old character whose hair colour the script does not name

# Capitalised words in action lines that are not people: transitions, camera and sound vocabulary.
NOT_CHARACTERS = {
    "INT", "EXT", "CUT", "FADE", "IN", "OUT", "TO", "DISSOLVE", "SMASH", "MATCH", "CONTINUOUS", "LATER",
    "DAY", "NIGHT", "DAWN", "DUSK", "MORNING", "EVENING", "THE", "A", "AN", "AND", "OF", "ON", "AT", "V.O.",
    "O.S.", "O.C.", "CONT'D", "POV", "CLOSE", "ANGLE", "INSERT", "BACK", "SCENE", "END", "TITLE", "SUPER",
    "FLASHBACK", "MONTAGE", "SERIES", "SHOTS", "BEGIN", "INTERCUT", "WIDE", "ECU", "CU", "MCU", "MS", "WS",
    "SFX", "VFX", "OTS", "I", "OK", "TV", "FX", "THEN", "NOW", "STOP", "CRASH", "BANG", "BOOM", "THUD",
    "SILENCE", "BLACK", "WHITE", "OVER", "NO", "YES", "HE", "SHE", "IT", "THEY", "WE", "YOU", "HIS", "HER",
}
_NOT_IN_NAMES = {"THE", "HIS", "HER", "OF", "AND", "IS", "ON", "A", "AN", "TO", "IN", "AT", "INTO", "WITH", "HE",
                 "SHE", "IT", "THEY", "OVER", "FROM", "UP", "DOWN", "ARE", "WAS", "BY", "AS"}
# Sound cues are capitalised verbs after a lower-case subject ("a gull SCREAMS").
_SOUND_ENDINGS = ("S", "ES", "ED", "ING")
_CAPS = re.compile(r"\b([A-Z][A-Z0-9'\-\.]*[A-Z0-9](?:\s+[A-Z][A-Z0-9'\-\.]*[A-Z0-9])*)\b")


def normalise_cue(cue: str) -> str:
    """'MAYA (V.O.)' / 'MAYA (CONT'D)' -> 'MAYA'."""
    return re.sub(r"\s*\(.*?\)\s*", " ", cue).strip().upper().rstrip(":").strip()


def _caps_names(text: str) -> list[tuple[str, int]]:
    """Capitalised names introduced in an action line, with their offsets."""
    found = []
    for match in _CAPS.finditer(text):
        words = [w if not w.endswith(".") or len(w) <= 3 else w.rstrip(".") for w in match.group(1).split()]
        name = " ".join(words)
        if len(name) < 2 or all(w.strip(".") in NOT_CHARACTERS for w in words):
            continue
        # "WIDE ON THE ROOM", "HIS TIE IS LOOSE AND HE", "TAPPING": a capitalised beat of action, not a name.
        if len(words) > 3 or any(w in _NOT_IN_NAMES for w in words[1:]) or words[0] in ("HIS", "HER", "ITS") or (
                len(words) == 1 and name.endswith("ING") and not re.match(r"^\s*\(", text[match.end():])):
            continue
        before = text[:match.start()].rstrip()
        mid_sentence = bool(before) and before[-1].isalnum()
        if mid_sentence:
            # Mid-sentence caps after a word are sound cues ("a gull SCREAMS", "we hear a KNOCK")
            # unless an introduction follows: "... finds BOLT, a small robot" / "BOLT (100s)".
            introduced = re.match(r"^\s*[(,]", text[match.end():])
            if not introduced or (len(words) == 1 and name.endswith(_SOUND_ENDINGS)
                                  and not re.match(r"^\s*\(", text[match.end():])):
                continue
        # "polishes a BRASS LANTERN": a capitalised prop, not a person being introduced.
        if re.search(r"\b(?:a|an|the|his|her|their|its|my|your|our)\s*$", before, re.I) and \
                not re.match(r"^\s*\(", text[match.end():]):
            continue
        found.append((name, match.start()))
    return found


def _sentence_from(text: str, start: int) -> str:
    """The sentence around `start`, from its beginning (an appositive before a name
    belongs to it: 'An old man, WALT (80s), waves.') to its end."""
    opening = max((m.end() for m in re.finditer(r"[.!?]\s+", text[:start])), default=0)
    tail = text[start:]
    end = re.search(r"(?<![A-Z][a-z])(?<!\b[A-Z])[.!?](?:\s|$)", tail)
    return (text[opening:start] + (tail[:end.end()] if end else tail)).strip()


def own_clause(description: str, name: str, others: list[str]) -> str:
    """The part of an introduction about `name` alone: from the name (or an appositive
    just before it, 'An old man, WALT (80s)') up to the next character's name, so
    'NOOR (8) races with BISCUIT, a scruffy terrier' does not make NOOR a dog."""
    here = re.search(r"\b" + re.escape(name) + r"\b", description)
    if here is None:
        return description
    start, end = here.start(), len(description)
    for other in others:
        if other == name:
            continue
        for hit in re.finditer(r"\b" + re.escape(other) + r"\b", description):
            if hit.start() >= here.end():
                end = min(end, hit.start())
    before = description[:start]
    cut = max(before.rfind("."), before.rfind(")"), before.rfind(";"))
    lead = before[cut + 1:]
    if lead.rstrip().endswith(",") and not any(re.search(r"\b" + re.escape(o) + r"\b", lead) for o in others):
        start = cut + 1
    return description[start:end].strip().rstrip(",;").strip()


def find_characters(script: Script) -> list[tuple[str, str, int]]:
    """(NAME, first-appearance description, first scene) in order of first appearance."""
    seen: dict[str, tuple[str, int]] = {}
    order: list[str] = []
    for note in script.characters:
        name = normalise_cue(note.name)
        if name and name not in seen:
            seen[name] = (note.description, note.first_scene)
            order.append(name)
    cues = set(seen) | {normalise_cue(el.character) for s in script.scenes for el in s.elements
                        if el.kind == "dialogue" and el.character}
    for scene in script.scenes:
        for element in scene.elements:
            if element.kind == "dialogue" and element.character:
                name = normalise_cue(element.character)
                if name and name not in seen:
                    seen[name] = ("", scene.index)
                    order.append(name)
            elif element.kind == "action":
                # A line with no lower case at all is a title card or a shouted beat, not an introduction.
                if not any(c.islower() for c in element.text):
                    continue
                for name, offset in _caps_names(element.text):
                    # "BRICK BRADDOCK, retired police detective" introduces the BRICK who speaks:
                    # a capitalised name holding a speaker's whole cue name is that speaker.
                    speaker = _speaker_within(name, cues)
                    if speaker and name not in cues:
                        if speaker in seen and not seen[speaker][0]:
                            seen[speaker] = (_sentence_from(element.text, offset), seen[speaker][1])
                        continue
                    if name not in seen:
                        seen[name] = (_sentence_from(element.text, offset), scene.index)
                        order.append(name)
                    elif not seen[name][0]:
                        seen[name] = (_sentence_from(element.text, offset), seen[name][1])
    # A character who only speaks is still described by the first action line naming them.
    for name in order:
        if not seen[name][0]:
            seen[name] = (_first_mention(script, name), seen[name][1])
    return [(name, own_clause(seen[name][0], name, order), seen[name][1]) for name in order]


def _speaker_within(name: str, cues: set[str]) -> str | None:
    """The longest speaker's cue name that is a whole-word part of `name` ('DICK STEEL' -> 'STEEL')."""
    found = [cue for cue in cues if cue != name and re.search(r"(?<![A-Z'])" + re.escape(cue) + r"(?![A-Z'])", name)]
    return max(found, key=len) if found else None


def _first_mention(script: Script, name: str) -> str:
    pattern = re.compile(r"\b" + re.escape(name) + r"\b", re.I)
    for scene in script.scenes:
        for element in scene.elements:
            if element.kind == "action":
                hit = pattern.search(element.text)
                if hit:
                    return _sentence_from(element.text, hit.start())
    return ""


def named_colors(description: str, feats: Features) -> tuple[list[str], list[str]]:
    """Colours the script names: (body/wardrobe colours, head/hair colours)."""
    body = [hexcode for _, hexcode, _ in color_words_in(feats.wardrobe)]
    head = [hexcode for _, hexcode, _ in color_words_in(f"{feats.hair} {feats.face}")]
    # Colour words elsewhere in the introduction ("a small rusty robot") colour the body.
    # A colour worn on the head or neck ("red knitted hat") is the accessory's, never the coat's.
    placed = {w for w, _, _ in color_words_in(f"{feats.wardrobe} {feats.hair} {feats.face} {' '.join(feats.accessories)}")}
    for word, hexcode, _ in color_words_in(description):
        if word not in placed and word not in NOUN_COLORS and hexcode not in body:
            body.append(hexcode)
    return list(dict.fromkeys(body)), list(dict.fromkeys(head))


def extract_cast(script: Script, style: StyleBible | None, seed: int = 0) -> list[CharacterProfile]:
    """Every character in the script with their locked look, deterministic for a seed."""
    rng = random.Random(seed)
    found = find_characters(script)
    passages = character_passages(script, [name for name, _, _ in found])
    described = []
    for name, description, _scene in found:
        # The introduction as find_characters cut it, then every later passage about them.
        intro = _marked(description, name)
        own = passages.get(name) or []
        if own and len(intro.replace(NAME_MARK, " ").split()) <= 1:
            intro = own[0]  # "MINNA and INA, two girls...": the shared introduction, not the bare "MINNA and"
        feats = read_look([intro] + [p for p in own if p != intro])
        body, head = named_colors(description, feats)
        if not head and age_group(feats.age) == "old" and not feats.hair:
            head = [OLD_HAIR]  # an old person drawn with no hair colour named gets grey hair
        described.append((name, feats, body, head))
    named_by = {name: body + head for name, _, body, head in described}
    chosen: dict[str, list[str]] = {}
    cast = []
    for name, feats, body, head in described:
        taken = [c for other, cols in named_by.items() if other != name for c in cols]
        taken += [c for other, cols in chosen.items() if other != name for c in cols]
        colours = (body[:1] or choose_colors(1, taken, style, rng, own=head))
        colours += head[:1] or body[1:2] or choose_colors(1, taken, style, rng, own=colours)
        chosen[name] = colours
        cast.append(CharacterProfile(
            name=name, age=feats.age, build=feats.build or ("mechanical" if feats.silhouette == "robot" else ""),
            face=feats.face, hair=feats.hair, wardrobe=feats.wardrobe, signature_colors=colours,
            props=feats.props, accessories=feats.accessories, silhouette=feats.silhouette, figure=figure_for(feats),
        ))
    return cast


def _marked(description: str, name: str) -> str:
    """The introduction with the character's own name as NAME_MARK (the look readers anchor on it)."""
    if re.search(r"\b" + re.escape(name) + r"\b", description):
        return re.sub(r"\b" + re.escape(name) + r"\b", NAME_MARK, description, count=1)
    return f"{NAME_MARK} {description}" if description else ""


def descriptions(script: Script) -> dict[str, str]:
    """NAME -> first-appearance description, for saving alongside profiles in memory."""
    return {name: text for name, text, _ in find_characters(script)}

