"""Plain-text screenplays (PDF exports, typed drafts) normalised into Fountain.

Fountain is designed so a typed screenplay already *is* Fountain; what breaks the
parser in real plain-text drafts is the paper layout: centred cues and dialogue
indented by spaces, page numbers, (MORE)/(CONTINUED) furniture and scene numbers
either side of the heading. Only that furniture is removed; the writer's words
are left exactly as they were.
"""

from __future__ import annotations

import re

_PAGE_FURNITURE = re.compile(
    r"^\s*(?:\d+\.?|\(MORE\)|\(CONTINUED\)|CONTINUED:?|\(CONT'D\)|CONT'D|- ?\d+ ?-)\s*$", re.IGNORECASE
)
_NUMBERED_HEADING = re.compile(
    r"^\s*\d+[A-Z]?\.?\s+((?:INT|EXT|EST|I/E|INT\./EXT|EXT\./INT)[\s.].*?)(?:\s+\d+[A-Z]?\.?)?\s*$"
)
_HEADING = re.compile(r"^(?:INT|EXT|EST|I/E|INT\./EXT|EXT\./INT)[\s.]", re.IGNORECASE)
_CUE = re.compile(r"^[A-Z][A-Z0-9 .'\-]{0,30}(?:\s*\([A-Z.' ]+\))?\s*$")

# A cue centred on the page sits far to the right of the action margin.
_CUE_INDENT_STEP = 8


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def fountain_from_plain_text(text: str) -> str:
    """Return Fountain text for a plain-text screenplay, keeping its words unchanged."""
    raw = [ln.expandtabs(4).rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [ln for ln in raw if not _PAGE_FURNITURE.match(ln)]
    action_margin = min((_indent(ln) for ln in kept if ln.strip()), default=0)

    out: list[str] = []
    for i, line in enumerate(kept):
        stripped = line.strip()
        numbered = _NUMBERED_HEADING.match(line)
        if numbered:
            stripped = numbered.group(1).strip()
        is_heading = bool(_HEADING.match(stripped))
        next_line = kept[i + 1].strip() if i + 1 < len(kept) else ""
        is_cue = (
            not is_heading
            and bool(_CUE.match(stripped))
            and bool(next_line)
            and _indent(line) - action_margin >= _CUE_INDENT_STEP
        )
        # Fountain needs a blank line before a heading or a cue; paper layouts
        # often signal them by indentation alone.
        if (is_heading or is_cue) and out and out[-1] != "":
            out.append("")
        out.append(stripped)
        if is_heading and next_line:
            out.append("")
    # Collapse runs of blank lines left by removed page furniture.
    collapsed: list[str] = []
    for line in out:
        if line == "" and collapsed and collapsed[-1] == "":
            continue
        collapsed.append(line)
    return "\n".join(collapsed).strip("\n") + "\n"
