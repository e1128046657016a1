"""Camera grammar shared by the breakdown, the rule checker and the revise tool.

One place for the numbers a cinematographer works by (reading speed, readable
shot lengths, lens per shot size) so the planner and the checker can never
disagree about what "long enough to read" or "a close shot" means.
"""

from __future__ import annotations

import math
import re

# Screen dialogue is spoken at about 2.5 words a second; half a second of air
# lets the audience settle on the face before the line lands.
WORDS_PER_SECOND = 2.5
LINE_LEAD_IN_S = 0.5

# A shot shorter than this is a flash the eye cannot read (the checker's floor).
UNREADABLE_S = 1.0
# The planner's own readable range for a shot.
MIN_SHOT_S = 1.5
MAX_SHOT_S = 8.0
# A hold longer than this with nothing heard and no camera move feels dead.
DEAD_HOLD_S = 12.0
# Title and end cards are cut in by the editor, outside the shot list.
CARDS_S = 6.0

WIDE_SIZES = frozenset({"EWS", "WS"})
CLOSE_SIZES = frozenset({"MCU", "CU", "ECU", "INSERT"})
# Sizes that frame one character as the shot's subject (shot/reverse-shot singles).
SINGLE_SIZES = frozenset({"OTS", "MS", "MCU", "CU", "ECU"})

# Wide for establishing (18-28), normal for medium (35-50), tele for close (75-100).
DEFAULT_LENS_MM: dict[str, int] = {
    "EWS": 18, "WS": 24, "MWS": 35, "MS": 50, "TWO": 40, "OTS": 50, "POV": 40,
    "MCU": 75, "CU": 85, "ECU": 100, "INSERT": 100,
}

# Plain words for each size: descriptions open with one of these so a revise
# that changes the size can rewrite the description's lead-in too.
SIZE_PHRASES: dict[str, str] = {
    "EWS": "Extreme wide shot", "WS": "Wide shot", "MWS": "Medium wide shot",
    "MS": "Medium shot", "MCU": "Medium close-up", "CU": "Close-up",
    "ECU": "Extreme close-up", "OTS": "Over-the-shoulder", "POV": "Point of view",
    "TWO": "Two-shot", "INSERT": "Insert",
}

# Tighter and looser steps used to dodge a jump cut by changing size.
SIZE_LADDER: tuple[str, ...] = ("EWS", "WS", "MWS", "MS", "MCU", "CU", "ECU")

_WORD = re.compile(r"[A-Za-z0-9']+")


def word_count(text: str) -> int:
    """Spoken words in a line (punctuation and stage marks do not count)."""
    return len(_WORD.findall(text))


def speech_time_s(text: str) -> float:
    """Seconds a line needs on screen to be heard and read."""
    words = word_count(text)
    if words == 0:
        return 0.0
    return words / WORDS_PER_SECOND + LINE_LEAD_IN_S


def round_up_tenth(seconds: float) -> float:
    """Round up to 0.1 s so a rounded shot length never cuts off its line."""
    return math.ceil(round(seconds * 10, 6)) / 10


def dialogue_lines(dialogue: str | None) -> list[tuple[str, str]]:
    """Split a shot's dialogue field ('NAME: line' per line) into (NAME, line) pairs."""
    pairs: list[tuple[str, str]] = []
    for raw in (dialogue or "").splitlines():
        raw = raw.strip()
        if not raw:
            continue
        name, sep, line = raw.partition(":")
        if sep and name.strip() and name.strip() == name.strip().upper():
            pairs.append((name.strip(), line.strip()))
        else:
            pairs.append(("", raw))
    return pairs


def dialogue_speech_time_s(dialogue: str | None) -> float:
    """Seconds all the lines heard over a shot need, cues excluded."""
    return sum(speech_time_s(line) for _, line in dialogue_lines(dialogue))


def lens_for(size: str) -> int:
    """The lens a size is normally shot on."""
    return DEFAULT_LENS_MM.get(size, 50)


# A sentence ends at . ! ? (closing quotes kept) unless the word before is a title ('Mr.', 'Dr.').
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)"
                           r"[.!?…]+[\"'’”)]*\s+(?=[\"'“‘(]*[A-Z0-9])")


def sentences_of(text: str) -> list[str]:
    """A line cut into its sentences, each kept whole."""
    flat = " ".join(text.split())
    cuts = [m.end() for m in _SENTENCE_END.finditer(flat)]
    pieces, start = [], 0
    for cut in cuts + [len(flat)]:
        if flat[start:cut].strip():
            pieces.append(flat[start:cut].strip())
        start = cut
    return pieces or [flat]


def split_line(text: str) -> list[str]:
    """Break a line too long for one shot into chunks of whole sentences: a cut mid-sentence
    leaves a shot holding half a thought ('INA: break.'). One sentence longer than a shot
    stays whole, and its shot is as long as the sentence needs."""
    if speech_time_s(text) <= MAX_SHOT_S:
        return [text]
    chunks: list[str] = []
    for sentence in sentences_of(text):
        if chunks and speech_time_s(chunks[-1] + " " + sentence) <= MAX_SHOT_S:
            chunks[-1] += " " + sentence
        else:
            chunks.append(sentence)
    return chunks
