"""The running time a brief asks for in its own words: "A 30-second spot", "a 2-minute film", "a 90s teaser".

Kept apart from the brief reader (which loads the embedding model) so the CLI can read it before any heavy import.
"""

from __future__ import annotations

import re

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20,
          "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90, "half-a": 0.5}
_LENGTH = re.compile(r"\b(\d{1,3}(?:\.\d+)?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty-five|sixty|ninety)"
                     r"[- ]?(seconds?|secs?|s|minutes?|mins?)\b(?![-'])", re.I)


def length_in(text: str) -> float | None:
    """Seconds the brief names for the film, or None when it names none."""
    m = _LENGTH.search(text)
    if not m:
        return None
    amount = float(m.group(1)) if m.group(1)[0].isdigit() else float(_WORDS[m.group(1).lower()])
    return amount * 60 if m.group(2).lower().startswith("m") else amount
