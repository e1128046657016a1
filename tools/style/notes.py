"""A style note ("much darker: neon noir, night, teal and magenta") applied to a look.

A note carries two kinds of direction: relative shifts ("darker", "warmer",
"much brighter", read by tools/style/mood.apply_note) and absolute style words
(colours, medium, light, time of day: tools/style/words). The shifts move the
look from where it was; the words then set what they name. Where both speak
of lightness the note gets the further of the two, so "much darker: night"
is never lighter than "much darker" alone.
"""

from __future__ import annotations

import re

from tools.style.direction import steer
from tools.style.mood import GENTLER, NEGATORS, NOTE_SHIFTS, STRONGER, MoodReading, apply_note
from tools.style.words import LOOKS, StyleWords, read_style_words


def style_words_of_note(note: str) -> str:
    """The note without its relative shifts and their intensifiers ("much darker: night" -> "night")."""
    tokens = re.findall(r"[A-Za-z0-9'&][A-Za-z0-9'&\-]*|[,;:]", note)
    kept: list[str] = []
    for i, token in enumerate(tokens):
        low = token.lower()
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if low in NOTE_SHIFTS and f"{low} {following}" not in LOOKS:
            while kept and kept[-1].lower() in STRONGER | GENTLER | NEGATORS | {"a", "more", "so", "lot"}:
                kept.pop()
            continue
        kept.append(token)
    return " ".join(kept).replace(" ,", ",").replace(" ;", ";").replace(" :", ":")


def apply_style_note(reading: MoodReading, note: str) -> tuple[MoodReading, StyleWords]:
    """The look after the note, and what the note's style words were read as."""
    shifted = apply_note(reading, note)
    words = read_style_words(style_words_of_note(note))
    if shifted.warmth != reading.warmth and not words.colours:
        # "warmer" on a look keyed on named cool colours: the newer word wins, the colours give way.
        shifted = shifted.shifted(colours=())
    steered = steer(shifted, words)
    moved = shifted.lightness - reading.lightness
    if moved < 0:
        steered = steered.shifted(lightness=min(steered.lightness, shifted.lightness))
    elif moved > 0:
        steered = steered.shifted(lightness=max(steered.lightness, shifted.lightness))
    return steered, words


def note_shifts(note: str) -> list[str]:
    """The relative shifts a note asks for, with their intensifiers ("much darker", "a bit warmer")."""
    tokens = re.findall(r"[A-Za-z0-9'&][A-Za-z0-9'&\-]*", note.lower())
    said = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in NOTE_SHIFTS and f"{token} {following}" not in LOOKS:
            start = i
            while start > 0 and tokens[start - 1] in STRONGER | GENTLER | NEGATORS | {"a", "more", "so"}:
                start -= 1
            said.append(" ".join(tokens[start:i + 1]))
    return said
