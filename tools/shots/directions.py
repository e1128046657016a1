"""The script's own camera language: what a writer's CLOSE ON, PUSH IN or POV asks of the shot.

Screenplay camera directions are a small, fixed vocabulary printed in capitals
(the industry's, not ours), so they are read with patterns; each one sets the
size, angle or move of the shot made for the beat it sits in, and the shot says
that the script chose it. Writers put them in action lines ('We PUSH IN on the
silhouettes.') and in forced shot headings ('.SNIPER SCOPE POV'). The words of
a direction are never props: 'TILT UP' is not an insert.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Direction:
    """One camera direction as written, and what it sets."""

    name: str
    phrase: str                # the words as written, e.g. 'PUSH IN'
    start: int
    end: int
    size: str | None = None    # a ShotSize, or None when the direction leaves size alone
    angle: str | None = None
    movement: str | None = None
    series: bool = False       # SERIES OF SHOTS / MONTAGE: each sentence is its own shot
    target: str = ""           # what the direction is on: 'Edward, smiling nervously'
    owner: str = ""            # whose POV, as written ('LIONEL'S POV')


# Order matters where phrases overlap: 'EXTREME CLOSE' before 'CLOSE', 'PUSH IN' before 'IN'.
_TABLE: list[tuple[str, str, dict]] = [
    # 'MOVE IN CLOSE on TONY': the camera travels in and ends close, both at once.
    ("MOVE IN CLOSE", r"\b(?:MOVE|PUSH|DOLLY)(?:S|ES)? IN CLOSE\b", {"size": "CU", "movement": "dolly_in"}),
    ("ECU", r"\bEXTREME CLOSE(?:[- ]UP)?(?: ON)?\b|\bECU\b", {"size": "ECU"}),
    ("CLOSE ON", r"\bCLOSE(?:[- ]UP| SHOT)(?: ON)?\b|\bCLOSE [Oo][Nn]\b|\bCLOSE:|\bCLOSEUP\b|\bCU\b",
     {"size": "CU"}),
    ("ANGLE ON", r"\b(?:NEW |REVERSE )?ANGLE ON\b|\b(?:NEW|REVERSE) ANGLE\b|\bANGLE:", {"size": "MS"}),
    ("INSERT", r"(?:^|(?<=[.!?]\s))INSERT\b:?|\bINSERT:", {"size": "INSERT"}),
    ("POV", r"(?:\b(?P<owner>[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+)?(?:'S|’S)?)\s+|\b)"
            r"(?:POV|P\.O\.V\.?|POINT OF VIEW)\b", {"size": "POV"}),
    ("AERIAL", r"\bAERIAL(?: VIEW| SHOT)?\b|\bBIRD'?S[- ]EYE(?: VIEW)?\b", {"size": "EWS", "angle": "birds_eye"}),
    ("WIDE ON", r"\b(?:EXTREME |VERY )?WIDE (?:ON|SHOT|ANGLE)\b|\bWIDE:|^WIDE$|\bESTABLISHING SHOT\b",
     {"size": "WS"}),
    ("OTS", r"\bOVER[- ]THE[- ]SHOULDER\b|\bOTS\b", {"size": "OTS"}),
    ("LOW ANGLE", r"\bLOW ANGLE\b", {"angle": "low"}),
    ("HIGH ANGLE", r"\bHIGH ANGLE\b", {"angle": "high"}),
    ("PUSH IN", r"\bPUSH(?:ES|ING)? (?:IN|CLOSER)\b|\bDOLLY(?:ING)? IN\b|(?:^|(?<=[.!?:,]\s)|(?<=WE )|(?<=CAMERA ))MOVES? IN\b|\bCREEP(?:S|ING)? IN\b",
     {"movement": "dolly_in"}),
    ("PULL BACK", r"\bPULL(?:S|ING)? (?:BACK|OUT|AWAY)\b|\bDOLLY(?:ING)? (?:BACK|OUT)\b|\bWIDEN(?:S|ING)?\b",
     {"movement": "dolly_out"}),
    ("ZOOM IN", r"\bZOOM(?:S|ING)? (?:IN|in)(?:TO|to)?\b|\bSNAP ZOOM\b", {"movement": "zoom_in"}),
    ("ZOOM OUT", r"\bZOOM(?:S|ING)? OUT\b", {"movement": "zoom_out"}),
    ("TILT UP", r"\bTILT(?:S|ING)? UP\b|\bCRANE(?:S|ING)? UP\b|\bBOOM(?:S|ING)? UP\b", {"movement": "tilt_up"}),
    ("TILT DOWN", r"\bTILT(?:S|ING)? DOWN\b|\bCRANE(?:S|ING)? DOWN\b|\bBOOM(?:S|ING)? DOWN\b",
     {"movement": "tilt_down"}),
    ("PAN", r"\bPAN(?:S|NING)?\b(?: (?:LEFT|RIGHT|ACROSS|OVER|AROUND|TO|WITH))?", {"movement": "pan_right"}),
    ("TRACKING", r"\bTRACKING(?: SHOT| WITH| ALONG)?\b|\bTRACK WITH\b|\bDOLLY WITH\b", {"movement": "truck_right"}),
    ("HANDHELD", r"\bHAND[- ]?HELD\b|\bSTEADICAM\b", {"movement": "handheld"}),
    ("FREEZE FRAME", r"\bFREEZE[- ]FRAME\b", {"movement": "static"}),
    ("SERIES OF SHOTS", r"\b(?:QUICK )?(?:SERIES OF SHOTS|VARIOUS SHOTS|SINGLE SHOTS|MONTAGE)\b", {"series": True}),
    ("WE SEE", r"\bWE (?:SEE|FIND|HEAR|LOOK DOWN|LOOK UP|MOVE(?: INTO)?)\b|\bMOVING UP\b|\bWE'RE\b", {}),
    ("INTERCUT", r"\bINTERCUT(?: WITH)?\b:?", {}),
]
_COMPILED = [(name, re.compile(pattern), effect) for name, pattern, effect in _TABLE]
# A direction is typed in capitals; 'pan' and 'angle' in lower case are a frying pan and a corner.
_LEFT = re.compile(r"\bLEFT\b")
_TARGET_END = re.compile(r"[.!?;:]|\s--\s|,\s+(?:as|while|who|where)\b")


def _target_after(text: str, end: int) -> str:
    rest = text[end:].lstrip(" :,-")
    rest = re.sub(r"^(?:ON|TO|ACROSS|OVER|AROUND|WITH|FIND|REVEAL|SEE)\s+", "", rest, flags=re.IGNORECASE)
    m = _TARGET_END.search(rest)
    return (rest[:m.start()] if m else rest).strip()[:80]


def find_directions(text: str) -> list[Direction]:
    """Every camera direction in a line, left to right, overlapping phrases read once."""
    return list(_find(text))


_ANY_CAPS = re.compile(r"[A-Z]{2}|\b[Ww]e (?:see|find|hear|move|look)\b")


@lru_cache(maxsize=8192)
def _find(text: str) -> tuple[Direction, ...]:
    if not _ANY_CAPS.search(text):
        return ()  # every direction is written in capitals (or as 'We see')
    found: list[Direction] = []
    taken: list[tuple[int, int]] = []
    for name, pattern, effect in _COMPILED:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < b and a < end for a, b in taken):
                continue
            phrase = m.group(0).strip(" :")
            effect_here = dict(effect)
            if name == "PAN" and _LEFT.search(phrase):
                effect_here["movement"] = "pan_left"
            if name == "TRACKING" and _LEFT.search(text[end:end + 12]):
                effect_here["movement"] = "truck_left"
            owner = ""
            if name == "POV" and m.groupdict().get("owner"):
                owner = re.sub(r"(?:'S|’S)$", "", m.group("owner")).strip()
            taken.append((start, end))
            found.append(Direction(name=name, phrase=phrase, start=start, end=end,
                                   target=_target_after(text, end), owner=owner, **effect_here))
    return tuple(sorted(found, key=lambda d: d.start))


def without_directions(text: str, directions: list[Direction] | None = None) -> str:
    """The line with its camera words blanked out, so they are never read as props or people."""
    directions = find_directions(text) if directions is None else directions
    chars = list(text)
    for d in directions:
        for i in range(d.start, d.end):
            chars[i] = " "
    return "".join(chars)


def is_shot_heading(heading: str) -> bool:
    """A Fountain forced heading that is a shot, not a place: '.SNIPER SCOPE POV', '.THE FINGER'."""
    text = heading.strip().lstrip(".").strip().upper()
    return not re.match(r"(?:INT|EXT|EST|I/E|INT\./EXT|EXT\./INT)\b", text)


def scripted_reason(direction: Direction, beat_text: str) -> str:
    """The movement reason a shot carries when the script chose its framing."""
    quote = " ".join(beat_text.split())
    if len(quote) > 70:
        quote = quote[:67].rsplit(" ", 1)[0] + "..."
    return f"the script's own direction ({direction.phrase}): '{quote}'"


__all__ = ["Direction", "find_directions", "is_shot_heading", "scripted_reason", "without_directions"]
