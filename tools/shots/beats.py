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
from tools.screenplay.presence import Matcher, is_extra, joint_parts
from tools.shots.directions import Direction, find_directions, without_directions
from tools.shots.objects import could_be_object, is_physical_object, prime

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
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z0-9'’\-]+(?:\s+[A-Z][A-Z0-9'’\-]+)*\b")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
# A capitalised name followed by an age is a character's introduction: "GUARD (50s)", "KIT, 12,".
_INTRO_AFTER = re.compile(r"\s*(?:\(\s*\d|,\s*\d{1,2}s?\b|\(\s*(?:young|old|late|early|mid))", re.IGNORECASE)
# Screenplay markup in capitals (not camera words: tools.shots.directions reads those).
_MARKUP = re.compile(r"^(?:INT|EXT|V\.?O|O\.?S|O\.?C|CONT'D|CONTINUED|CUT|FADE|DISSOLVE|SUPER|TITLE|SFX|VFX|"
                     r"MORE|BEAT|END|THE END|LATER|CONTINUOUS|DAY|NIGHT|MORNING|AFTERNOON|EVENING|DAWN|DUSK|"
                     r"CAMERA|FRAME|SHOT|SHOTS|FLASHBACK|FLASH FORWARD|BACK TO|OFF|ON)\b")
_PAREN_IN_LINE = re.compile(r"\s*\(([^)]*)\)\s*")
# A page of action (about 55 printed lines of 60 characters) plays in about a minute.
LINE_CHARS = 60
SECONDS_PER_LINE = 60.0 / 55.0
# An action beat longer than a readable shot is cut into beats at its sentences.
LONGEST_BEAT_S = 7.0


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
    directions: list[Direction] = field(default_factory=list)
    notes: str = ""                      # a performance note: the line's parentheticals
    page_s: float = 0.0                  # screen time the page gives this beat
    speakers: list[str] = field(default_factory=list)  # a joint cue speaks for each person it names


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=16384)
def _compound(text: str) -> float:
    return _vader().polarity_scores(text)["compound"]


def _has_word(text: str, stem: str) -> bool:
    return re.search(r"\b" + re.escape(stem.strip()) + (r"\b" if stem.endswith(" ") else ""),
                     text) is not None


def _stem_pattern(stems) -> re.Pattern[str]:
    return re.compile("|".join(r"\b" + re.escape(st.strip()) + (r"\b" if st.endswith(" ") else "")
                               for st in stems))


# One compiled pattern per tone: a feature reads thousands of beats.
_TONE_PATTERNS = {tone: _stem_pattern(stems) for tone, stems in _TONE_WORDS.items()}
_EMOTION_PATTERN = _stem_pattern(_EMOTION_WORDS)
_ANGLE_PATTERNS = {angle: _stem_pattern(stems) for angle, stems in _ANGLE_WORDS.items()}


def tone_of(text: str) -> Tone:
    """The beat's pace and feeling, the first that its words show, in _TONE_ORDER; else calm."""
    low = text.lower()
    for tone in _TONE_ORDER:
        if _TONE_PATTERNS[tone].search(low):
            return tone
    # Dark lines with no pace words still tighten the frame.
    if _compound(text) <= -0.4:
        return "tension"
    return "calm"


def looks_downward(text: str) -> bool:
    """Whether a height beat goes down (a tilt down) rather than up."""
    return _DOWNWARD.search(text) is not None


def is_emotional(text: str) -> bool:
    """Whether a beat lands hard enough to cut to someone's reaction."""
    low = text.lower()
    if "!" in text or _EMOTION_PATTERN.search(low):
        return True
    return abs(_compound(text)) >= 0.6


def angle_of(text: str) -> str:
    """Camera height the beat asks for; eye level unless the words say power or weakness."""
    low = text.lower()
    for angle, pattern in _ANGLE_PATTERNS.items():
        if pattern.search(low):
            return angle
    return "eye"


def cue_name(cue: str) -> str:
    """A dialogue cue without its extension: 'MARA (V.O.)' speaks as 'MARA'."""
    return re.sub(r"\s*\(.*?\)\s*", " ", cue).strip().upper()


def is_offscreen_cue(cue: str) -> bool:
    """'MARA (V.O.)', 'GUARD (O.S.)': a voice heard, not a face seen."""
    return bool(_OFFSCREEN_CUE.search(cue))


@lru_cache(maxsize=64)
def _matcher(cast: tuple[str, ...]) -> Matcher:
    return Matcher(list(cast))


def characters_in(text: str, cast: list[str] | Matcher) -> list[str]:
    """Cast members an action line names by their whole name, in order of mention
    ('YOUNG EDWARD' is not also 'EDWARD'; 'the boss' is not 'THE BOSS')."""
    matcher = cast if isinstance(cast, Matcher) else _matcher(tuple(cast))
    return matcher.names_in(text)


def _quoted(text: str, at: int) -> bool:
    """Inside quotation marks: a sign, a song or a headline, read rather than shown as a prop."""
    before = text[:at]
    return (before.count('"') % 2 == 1) or (before.count("“") > before.count("”"))


def _sound_cue(text: str, start: int, end: int) -> bool:
    """A capital standing as its own sentence ('WHOOSH.', 'CLICK.') is the sound it spells."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return (not before or before[-1] in ".!?:;-") and (not after or after[0] in ".!?…")


def _cast_words(matcher: Matcher) -> set[str]:
    words = getattr(matcher, "_cast_words", None)
    if words is None:
        words = {w for form in matcher.forms for w in re.findall(r"[A-Z0-9']+", form) if form.isupper()}
        matcher._cast_words = words  # type: ignore[attr-defined]
    return words


def _candidates(text: str, matcher: Matcher):
    """Capitalised runs that could be props: (prop, text without camera words, offset)."""
    cast_words = _cast_words(matcher)
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return  # a paragraph typed in capitals emphasises nothing in particular
    plain = without_directions(text)
    for m in _CAPS_RUN.finditer(plain):
        run = m.group(0)
        # A shouted word ("BOOM!") is a sound and an introduced extra is a person, not props.
        if plain[m.end():m.end() + 1] == "!" or _INTRO_AFTER.match(plain, m.end()) or _MARKUP.match(run):
            continue
        if any(w.strip("'’-").removesuffix("'S").removesuffix("’S") in cast_words for w in run.split()):
            continue
        if sum(c.isalpha() for c in run) < 2 or _quoted(plain, m.start()) or _sound_cue(plain, m.start(), m.end()):
            continue
        yield re.sub(r"^(?:(?:AT|IN|ON|BY|TO|OF|INTO|FROM|WITH|UNDER|OVER)\s+)?(?:A|AN|THE|HIS|HER|THEIR|ITS)\s+", "",
                     re.sub(r"(?:'S|’S)$", "", run)), plain, m.start()


def emphasised_props(text: str, cast: list[str] | Matcher) -> list[str]:
    """Things the writer put in CAPITALS that an insert can show ('a brass COMPASS'):
    not camera words, cast, extras, sounds, actions or shouts (tools.shots.objects)."""
    matcher = cast if isinstance(cast, Matcher) else _matcher(tuple(cast))
    props: list[str] = []
    for prop, plain, start in _candidates(text, matcher):
        if prop not in props and is_physical_object(prop, plain, start):
            props.append(prop)
    return props


def prime_props(texts: list[str], matcher: Matcher) -> None:
    """Judge every candidate prop of a script in one embedding batch."""
    prime([prop for text in texts for prop, plain, start in _candidates(text, matcher)
           if could_be_object(prop, plain, start)])


def sentence_with(text: str, needle: str) -> str:
    """The sentence of text that contains needle, for a shot description."""
    for sentence in _SENTENCE.findall(text):
        if needle.lower() in sentence.lower():
            return sentence.strip()
    return text.strip()


def _pov(text: str, matcher: Matcher, present: list[str], last: str | None):
    m = _POV.search(text)
    if not m:
        return None, ""
    before = text[:m.start()]
    named = [n for n in characters_in(before, matcher) if n in present]
    if named:
        looker = named[-1]
    elif _PRONOUN.search(before) or not before.strip():
        looker = last if last in present else None
    else:
        looker = None  # 'The dog sees...': a look that belongs to no one in the scene
    seen = m.group("seen").strip(" ,")
    return (looker, seen) if looker and seen else (None, "")


def page_seconds(text: str) -> float:
    """Screen time of an action paragraph by the page-a-minute rule."""
    lines = sum(max(1, -(-len(line.strip()) // LINE_CHARS)) for line in text.split("\n") if line.strip()) or 1
    return lines * SECONDS_PER_LINE


def _action_pieces(text: str, series: bool) -> list[str]:
    """One beat per shot the paragraph needs: a montage item per sentence, a long paragraph
    cut at sentences into pieces a shot can hold."""
    flat = " ".join(text.split())
    sentences = [x.strip() for x in _SENTENCE.findall(flat) if x.strip()]
    if len(sentences) <= 1 or (not series and page_seconds(text) <= LONGEST_BEAT_S):
        return [flat]
    if series:
        return sentences
    pieces: list[str] = []
    for sentence in sentences:
        if pieces and page_seconds(pieces[-1] + " " + sentence) <= LONGEST_BEAT_S * 0.7:
            pieces[-1] += " " + sentence
        else:
            pieces.append(sentence)
    return pieces


def _spoken(el) -> tuple[str, str]:
    """A line's words and its performance notes: '(beat)' and the wryly are how it is said,
    never what is heard."""
    notes = [el.parenthetical] if el.parenthetical else []
    notes += [n.strip() for n in _PAREN_IN_LINE.findall(el.text) if n.strip()]
    text = " ".join(_PAREN_IN_LINE.sub(" ", el.text).split())
    return text, "; ".join(notes)


def read_beats(scene: Scene, cast: list[str] | Matcher, offscreen_lines: set[int] | frozenset[int] = frozenset(),
               present: list[str] | None = None) -> list[Beat]:
    """Turn a scene's elements into beats; transitions are the editor's, not the camera's.
    offscreen_lines: source lines of cues marked (V.O.)/(O.S.); present: who is in the scene."""
    matcher = cast if isinstance(cast, Matcher) else _matcher(tuple(cast))
    known = set(matcher.forms.values())
    beats: list[Beat] = []
    present = list(scene.characters if present is None else present)
    last: str | None = present[0] if len(present) == 1 else None
    for el in scene.elements:
        if el.kind == "transition" or not el.text.strip():
            continue
        if el.kind == "dialogue":
            speaker = cue_name(el.character or "") or None
            text, notes = _spoken(el)
            if not text:
                continue
            # A voice over or a voice in the crowd is heard, not seen: it takes no place in frame.
            offscreen = (is_offscreen_cue(el.character or "") or el.line in offscreen_lines
                         or (speaker is not None and is_extra(speaker)))
            speakers = joint_parts(speaker, known) if speaker else []
            beats.append(Beat(kind="dialogue", text=text, speaker=speaker,
                              characters=[] if offscreen else speakers,
                              tone=tone_of(text), emotional=is_emotional(text), angle="eye",
                              offscreen=offscreen, notes=notes, speakers=speakers))
            last = speaker or last
            continue
        series = any(d.series for d in find_directions(el.text))
        for piece in _action_pieces(el.text, series):
            here = find_directions(piece)
            plain = without_directions(piece, here)
            named = [n for n in characters_in(plain, matcher) if not is_extra(n)]
            looker, seen = _pov(plain, matcher, present, named[-1] if named else last)
            beats.append(Beat(kind="action", text=piece, characters=named,
                              props=emphasised_props(piece, matcher), tone=tone_of(plain),
                              emotional=is_emotional(plain), angle=angle_of(plain),
                              looker=looker, seen=seen, directions=here, page_s=page_seconds(piece)))
            if named:
                last = named[-1]
    return beats
