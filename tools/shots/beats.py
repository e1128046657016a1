"""Reading a scene the way a director of photography does before planning coverage.

Each action paragraph and dialogue line becomes a `Beat`: who is in it, which
props the writer emphasised (CAPITALS), whether a character's point of view is
implied, and the beat's tone, which is what motivates a camera move. Tone comes
from the words a writer uses for pace and feeling, backed by VADER sentiment
(it ships its lexicon, so this works offline and is deterministic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from graph.state import Scene

Tone = Literal["chaos", "shock", "reveal", "realisation", "tension", "height", "departure",
               "arrival", "follow", "isolation", "calm"]

# Word stems, matched at word starts, that tell the camera how to behave. A stem
# ending in a space must end a word ("ran " is not "range").
_TONE_WORDS: dict[str, tuple[str, ...]] = {
    "chaos": ("run", "running", "ran ", "chase", "storm", "crash", "fight", "explo", "scream",
              "panic", "stumbl", "scrambl", "flee", "sprint", "thunder", "gale", "shatter",
              "chaos", "tumbl", "lightning", "riot", "smash", "race", "races ", "raced ", "racing",
              "dash", "bolts ", "charges", "lashes", "lashing", "pounding", "struggl", "scatter",
              "stampede", "hurl", "dodg", "shov", "collid", "wrestl", "brawl", "grabs", "tears at"),
    "shock": ("sudden", "without warning", "gunshot", "bang ", "jolts", "recoil", "flinch",
              "startl", "jumps back", "snaps awake", "out of nowhere", "bursts through"),
    "reveal": ("reveal", "appears", "emerges", "rises", "rising", "towering", "discover",
               "for the first time", "comes into view", "unveil", "stretches out", "beyond",
               "out of the fog", "out of the dark", "spread out below", "looms into"),
    "realisation": ("realis", "realiz", "understands", "understand now", "recognis", "recogniz",
                    "dawns on", "it hits", "remembers", "the truth", "figures it out",
                    "pieces it together", "face falls", "finally knows", "finally sees"),
    "tension": ("slowly", "silence", "silent", "creep", "whisper", "threat", "gun", "knife",
                "danger", "fear", "afraid", "trembl", "waits", "holds her breath",
                "holds his breath", "freez", "hesitat", "tense", "nervous", "footsteps",
                "shadow", "dread", "closer", "edges toward", "edges towards", "drifts toward",
                "drifts towards", "blind in the dark", "advanc", "closing in", "toward him",
                "toward her", "toward them", "towards him", "towards her", "towards them"),
    "height": ("stairs", "staircase", "ladder", "tower", "climb", "looks up", "gazes up",
               "up at", "cliff", "rooftop", "summit", "holds it high", "high above", "ascend",
               "descend", "looks down", "far below"),
    "departure": ("leaves", "leave ", "walks away", "drives off", "drives away", "turns away",
                  "exits", "disappears", "vanishes", "sails away", "sails off", "heads off",
                  "steps out", "goes out", "fades into", "gone "),
    "arrival": ("arrives", "enters", "comes in", "steps in", "bursts in", "walks in",
                "approaches", "returns", "pulls up", "lands "),
    "follow": ("walk", "crosses", "moves", "follows", "drives", "wander", "strides", "paces",
               "rows ", "carries", "heads ", "hurries", "swings", "sweeps", "turns"),
    "isolation": ("alone", "lonely", "empty", "abandoned", "nobody", "no one", "kneels",
                  "huddle", "small against", "lost "),
}
_TONE_ORDER: tuple[Tone, ...] = ("chaos", "shock", "reveal", "realisation", "tension", "height",
                                 "departure", "arrival", "follow", "isolation")
# Beats that turn the story: the cut cannot lose them to make its shot count.
STORY_TONES = frozenset({"chaos", "shock", "reveal", "realisation", "departure", "arrival"})
_DOWNWARD = re.compile(r"\b(down|descend\w*|below|falls?|drops?|sinks?)\b", re.IGNORECASE)

_EMOTION_WORDS = ("gasp", "tears", "cries", "crying", "sob", "laugh", "smile", "stunned",
                  "shock", "breaks down", "furious", "angry", "trembl", "freez", "grins",
                  "weeps", "horrified", "beams")

_ANGLE_WORDS: dict[str, tuple[str, ...]] = {
    "low": ("tower", "looms", "looming", "powerful", "triumph", "stands tall", "heroic",
            "menac", "defiant"),
    "high": ("alone", "small", "cowers", "collapses", "kneels", "falls to", "lost",
             "helpless", "vulnerable", "huddle"),
    "dutch": ("dizzy", "drunk", "reels", "disorient", "unhinged", "spins", "nightmare"),
    "birds_eye": ("from above", "overhead", "far below"),
}

_POV = re.compile(
    r"\b(sees|see|looks (?:at|out at|out over|up at|down at|toward|towards|through)|"
    r"watches|stares at|gazes at|gazes out at|peers (?:at|through|into)|spots|notices|"
    r"glimpses|catches sight of)\b\s*(?P<seen>[^.!?;]*)",
    re.IGNORECASE,
)
_OFFSCREEN_CUE = re.compile(r"\((?:V\.?\s?O\.?|O\.?\s?S\.?|O\.?\s?C\.?|OFF(?:SCREEN)?)\)", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(she|he|they)\b", re.IGNORECASE)
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)*\b")
# Capitalised words in action that are screenplay markup or shouts, not props.
_NOT_PROPS = frozenset({
    "INT", "EXT", "V.O", "O.S", "O.C", "CONT'D", "CUT", "FADE", "DISSOLVE", "DAY", "NIGHT",
    "THE", "END", "OK", "SUPER", "TITLE", "INSERT", "POV", "BACK", "CONTINUOUS", "LATER",
    "MOMENTS", "SFX", "VFX", "ANGLE", "ON", "CLOSE",
})
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
# A capitalised name followed by an age is a character's introduction: "GUARD (50s)", "KIT, 12,".
_INTRO_AFTER = re.compile(r"\s*(?:\(\s*\d|,\s*\d{1,2}s?\b|\(\s*(?:young|old|late|early|mid))", re.IGNORECASE)
_PEOPLE = frozenset({
    "MAN", "MEN", "WOMAN", "WOMEN", "BOY", "GIRL", "GUARD", "GUARDS", "OFFICER", "SOLDIER",
    "SOLDIERS", "CROWD", "STRANGER", "CHILD", "CHILDREN", "DRIVER", "NURSE", "DOCTOR", "COP",
    "COPS", "WAITER", "WAITRESS", "FIGURE", "VOICE",
})


@dataclass
class Beat:
    """One action paragraph or dialogue line, as the camera will treat it."""

    kind: Literal["action", "dialogue"]
    text: str
    speaker: str | None = None
    characters: list[str] = field(default_factory=list)
    props: list[str] = field(default_factory=list)
    tone: Tone = "calm"
    emotional: bool = False
    angle: str = "eye"
    looker: str | None = None
    seen: str = ""
    offscreen: bool = False


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _has_word(text: str, stem: str) -> bool:
    return re.search(r"\b" + re.escape(stem.strip()) + (r"\b" if stem.endswith(" ") else ""),
                     text) is not None


def tone_of(text: str) -> Tone:
    """The beat's pace and feeling, the first that its words show, in _TONE_ORDER; else calm."""
    low = text.lower()
    for tone in _TONE_ORDER:
        if any(_has_word(low, stem) for stem in _TONE_WORDS[tone]):
            return tone
    # Dark lines with no pace words still tighten the frame.
    if _vader().polarity_scores(text)["compound"] <= -0.4:
        return "tension"
    return "calm"


def looks_downward(text: str) -> bool:
    """Whether a height beat goes down (a tilt down) rather than up."""
    return _DOWNWARD.search(text) is not None


def is_emotional(text: str) -> bool:
    """Whether a beat lands hard enough to cut to someone's reaction."""
    low = text.lower()
    if "!" in text or any(_has_word(low, stem) for stem in _EMOTION_WORDS):
        return True
    return abs(_vader().polarity_scores(text)["compound"]) >= 0.6


def angle_of(text: str) -> str:
    """Camera height the beat asks for; eye level unless the words say power or weakness."""
    low = text.lower()
    for angle, stems in _ANGLE_WORDS.items():
        if any(_has_word(low, stem) for stem in stems):
            return angle
    return "eye"


def cue_name(cue: str) -> str:
    """A dialogue cue without its extension: 'MARA (V.O.)' speaks as 'MARA'."""
    return re.sub(r"\s*\(.*?\)\s*", " ", cue).strip().upper()


def is_offscreen_cue(cue: str) -> bool:
    """'MARA (V.O.)', 'GUARD (O.S.)': a voice heard, not a face seen."""
    return bool(_OFFSCREEN_CUE.search(cue))


def _name_pattern(name: str) -> re.Pattern[str]:
    # 'CAPTAIN MARA' is also 'Mara' in action lines; match any word of the name.
    words = [re.escape(w) for w in name.split() if len(w) > 2] or [re.escape(name)]
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


def characters_in(text: str, cast: list[str]) -> list[str]:
    """Cast members an action line mentions, in order of mention."""
    hits = []
    for name in cast:
        m = _name_pattern(name).search(text)
        if m:
            hits.append((m.start(), name))
    return [name for _, name in sorted(hits)]


def emphasised_props(text: str, cast: list[str]) -> list[str]:
    """Props the writer put in CAPITALS ('a brass COMPASS'), cast names and markup excluded."""
    cast_words = {w for name in cast for w in re.findall(r"[A-Z0-9']+", name.upper())}
    props: list[str] = []
    for m in _CAPS_RUN.finditer(text):
        # A shouted word ("BOOM!") is a sound and an introduced extra is a person, not props.
        if text[m.end():m.end() + 1] == "!" or _INTRO_AFTER.match(text, m.end()):
            continue
        words = [w for w in m.group(0).split()
                 if (base := re.sub(r"'S$", "", w).strip("'-")) not in _NOT_PROPS
                 and base not in cast_words and base not in _PEOPLE and len(base) >= 2]
        if not words:
            continue
        prop = " ".join(words)
        if prop not in props:
            props.append(prop)
    return props


def sentence_with(text: str, needle: str) -> str:
    """The sentence of text that contains needle, for a shot description."""
    for sentence in _SENTENCE.findall(text):
        if needle.lower() in sentence.lower():
            return sentence.strip()
    return text.strip()


def _pov(text: str, cast: list[str], present: list[str], last: str | None):
    m = _POV.search(text)
    if not m:
        return None, ""
    before = text[:m.start()]
    named = characters_in(before, cast)
    if named:
        looker = named[-1]
    elif _PRONOUN.search(before) or not before.strip():
        looker = last or (present[0] if present else None)
    else:
        looker = None
    seen = m.group("seen").strip(" ,")
    return (looker, seen) if looker and seen else (None, "")


def read_beats(scene: Scene, cast: list[str]) -> list[Beat]:
    """Turn a scene's elements into beats; transitions are the editor's, not the camera's."""
    beats: list[Beat] = []
    present = list(scene.characters)
    last: str | None = present[0] if len(present) == 1 else None
    for el in scene.elements:
        if el.kind == "transition" or not el.text.strip():
            continue
        if el.kind == "dialogue":
            speaker = cue_name(el.character or "") or None
            text = el.text.strip()
            # A voice over is heard, not seen: it takes no place in frame.
            offscreen = is_offscreen_cue(el.character or "")
            beats.append(Beat(kind="dialogue", text=text, speaker=speaker,
                              characters=[speaker] if speaker and not offscreen else [],
                              tone=tone_of(text), emotional=is_emotional(text), angle="eye",
                              offscreen=offscreen))
            last = speaker or last
            continue
        text = " ".join(el.text.split())
        named = characters_in(text, cast)
        looker, seen = _pov(text, cast, present, named[-1] if named else last)
        beats.append(Beat(kind="action", text=text, characters=named,
                          props=emphasised_props(el.text, cast), tone=tone_of(text),
                          emotional=is_emotional(text), angle=angle_of(text),
                          looker=looker, seen=seen))
        if named:
            last = named[-1]
    return beats
