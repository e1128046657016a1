"""A note that asks for alternative versions rather than a change: 'two alternative endings'.

Such a note cannot be a revise of one version (one version has one ending), so
the CLI and chat turn it into forks at the script stage, one per ending
(graph/versions.fork_alternatives). Kept free of heavy imports: the CLI reads a
note with it before anything is loaded.
"""

from __future__ import annotations

import re

ENDINGS = ("sad", "open", "twist", "happy")  # the writer's ending option ("ending: sad"), in the order offered
_COUNTS = {"a couple of": 2, "a pair of": 2, "two": 2, "three": 3, "four": 4, "a few": 3, "several": 3,
           "an": 1, "a": 1, "one": 1, "another": 1}
_ALTERNATIVE_ENDINGS = re.compile(
    r"\b(?:(?P<count>\d|a couple of|a pair of|two|three|four|a few|several|an|a|one|another)\s+)?"
    r"(?:(?:more|new|other|alternative|alternate|different)\s+)*"
    r"(?:(?:versions?|cuts?|takes?|films?|options?)\s+(?:with|having)\s+(?:(?:different|other|alternative|alternate|new)\s+)+)?"
    r"(?P<noun>endings?)\b")
_QUALIFIED = re.compile(r"\b(?:more|new|other|alternative|alternate|different|another)\b")


def alternatives_asked(note: str) -> tuple[int, list[str]]:
    """How many alternative endings a note asks for ('two alternative endings', 'give me 3 alternative versions
    with different endings') and which endings it names; (0, []) when it asks for none. 'a sad ending' alone
    is a note for the writer, not a request for versions."""
    low = " ".join(note.lower().split())
    match = _ALTERNATIVE_ENDINGS.search(low)
    if not match or not _QUALIFIED.search(match.group(0)):
        return 0, []
    word = match.group("count")
    count = int(word) if word and word.isdigit() else _COUNTS.get(word or "", 0)
    if not count:
        count = 2 if match.group("noun") == "endings" else 1
    if count == 1 and not re.search(r"\b(?:alternat\w*|another)\b", match.group(0)):
        return 0, []  # "a different ending" is a note for the writer of this version
    named = [e for e in ENDINGS if re.search(rf"\b{e}\b", low)]
    return max(1, min(count, len(ENDINGS))), named
