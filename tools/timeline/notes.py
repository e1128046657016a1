"""What the editor understands in a revise note at the cut gate, offline."""

from __future__ import annotations

import re
from dataclasses import dataclass

FASTER = r"\b(faster|quicker|tighter|snappier|shorter|punchier|more energy|speed (it )?up)\b"
SLOWER = r"\b(slower|longer|breathe|more air|more time|calmer|let (it|them) (play|breathe)|slow (it )?down)\b"
NEW_MUSIC = r"\b(different|new|another|other|change the)\s+(music|track|tune|score|song)\b"
NO_SUBTITLES = r"\b(no|without|drop|remove|lose|hide)\b.*\bsub(title)?s?\b"
SUBTITLES = r"\b(add|show|burn in|with|bring back)\b.*\bsub(title)?s?\b"


@dataclass(frozen=True)
class CutNote:
    """A cut-gate note read into edit decisions."""

    pace: float = 1.0            # planned shot lengths are scaled by this before fitting to the beats
    new_music: bool = False      # generate a new music bed (another seed)
    subtitles: bool = True       # burn dialogue into the picture
    understood: bool = False

    def said(self) -> list[str]:
        parts = []
        if self.pace < 1:
            parts.append(f"faster cutting (shots planned at {self.pace:.0%} of their length)")
        elif self.pace > 1:
            parts.append(f"slower cutting (shots planned at {self.pace:.0%} of their length)")
        if self.new_music:
            parts.append("a new music bed")
        if not self.subtitles:
            parts.append("no burned-in subtitles (edit/subtitles.srt still has them)")
        return parts


def read_cut_note(note: str) -> CutNote:
    text = note.lower()
    pace = 0.8 if re.search(FASTER, text) else 1.25 if re.search(SLOWER, text) else 1.0
    new_music = bool(re.search(NEW_MUSIC, text))
    subtitles = not re.search(NO_SUBTITLES, text) or bool(re.search(r"\bbring back\b", text))
    understood = pace != 1.0 or new_music or not subtitles or bool(re.search(SUBTITLES, text))
    return CutNote(pace=pace, new_music=new_music, subtitles=subtitles, understood=understood)


def cut_decisions(notes: list[str]) -> tuple[CutNote, int]:
    """Every cut note so far, in order, folded into today's decisions: paces multiply, the latest word
    on subtitles wins; returns the decisions and how many new music beds were asked for."""
    pace, subtitles, music_takes = 1.0, True, 0
    for note in notes:
        read = read_cut_note(note)
        pace *= read.pace
        music_takes += read.new_music
        if re.search(NO_SUBTITLES, note.lower()) or re.search(SUBTITLES, note.lower()):
            subtitles = read.subtitles
    pace = min(max(pace, 0.5), 2.0)
    return CutNote(pace=pace, new_music=music_takes > 0, subtitles=subtitles, understood=True), music_takes
