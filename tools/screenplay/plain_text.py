"""Plain-text screenplays (PDF exports, typed drafts, IMSDb pages) normalised into Fountain.

Fountain is designed so a typed screenplay already *is* Fountain; what breaks the
parser in real plain-text drafts is the paper layout. On paper the kind of a line
is its column: headings and action at the left margin, dialogue indented, the cue
further in. This module reads those columns and writes each element with its kind
forced the way Fountain spells it, so:

- a cue followed by a blank line (or a whole draft double-spaced, as IMSDb pages are)
  still owns the dialogue under it;
- a line of action in capitals is never read as a cue ('!' forces action);
- a centred title and its "written by" become the title page, not a speaker;
- page numbers, (MORE)/(CONTINUED) and scene numbers either side of a heading go.

The writer's words are left as they were; only indentation and furniture change.
A draft with no indented cue column (Fountain typed into a .txt) passes through.
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_FURNITURE = re.compile(
    r"^\s*(?:\d+\.?|\(MORE\)|\(CONTINUED\)|CONTINUED:?|\(CONT'D\)|CONT'D|- ?\d+ ?-)\s*$", re.IGNORECASE
)
_HEADING_WORDS = r"(?:INT\./EXT|EXT\./INT|INT/EXT|EXT/INT|INTERIOR|EXTERIOR|INT|EXT|EST|I/E)"
_NUMBERED_HEADING = re.compile(r"^\s*\d+[A-Z]?\.?\s+(" + _HEADING_WORDS + r"[\s.\-].*?)(?:\s+\d+[A-Z]?\.?)?\s*$")
_HEADING = re.compile(r"^" + _HEADING_WORDS + r"(?:[\s.\-]|$)")
_STANDARD_HEADING = re.compile(r"^(?:INT|EXT|EST|I/E|INT\./EXT|EXT\./INT)[\s.]", re.IGNORECASE)
# A cue: a name in capitals (McCOY allowed), an optional extension in brackets.
_CUE = re.compile(r"^(?:Mc|Mac)?[A-Z][A-Z0-9 .'\u2019\-&#/]*(?:Mc[A-Z][A-Z0-9 .'\u2019\-]*)?(?:\s*\([^()]{1,24}\))*\s*$")
# A page header or footer: text, a wide gap, a page number ("Pink Rev. (05/28/18)   BF7     5.").
_PAGE_HEADER = re.compile(r"^.*\S\s{5,}\d{1,3}[A-Z]?\.\s*$")
# Revision marks in the right margin ("...down a          *").
_REVISION_MARK = re.compile(r"\s{3,}\*+\s*$")
_CREDIT = re.compile(r"^(?:(?:an? )?(?:original )?(?:screenplay|teleplay|story|written)\s+)?by\b:?", re.IGNORECASE)
_FADE_IN = re.compile(r"^\s*FADE IN\b", re.IGNORECASE)

# A cue sits well right of the action margin; dialogue sits between the two.
_CUE_INDENT_STEP = 8
_DIALOGUE_MIN_STEP = 3


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def _action_margin(lines: list[str]) -> int:
    """The left margin of action: the commonest indent of the widest lines (action runs the full width)."""
    wide = [_indent(ln) for ln in lines if len(ln.strip()) >= 45]
    if wide:
        return Counter(wide).most_common(1)[0][0]
    return min((_indent(ln) for ln in lines if ln.strip()), default=0)


def _double_spaced(lines: list[str]) -> bool:
    """A layout with a blank line after every line (IMSDb scrapes): blank lines then mean nothing."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 20:
        return False
    touching = sum(1 for a, b in zip(filled, filled[1:]) if b == a + 1)
    return touching < 0.1 * len(filled)


def _next_filled(lines: list[str], i: int, gap: int) -> int | None:
    """Index of the first non-blank line after i, skipping at most `gap` blank lines."""
    j = i + 1
    skipped = 0
    while j < len(lines) and not lines[j].strip():
        skipped += 1
        j += 1
    return j if j < len(lines) and skipped <= gap else None


def _title_page(lines: list[str], margin: int) -> tuple[list[str], set[int]]:
    """Fountain title-page keys from a centred title and its credit, and the lines they used."""
    end = next((i for i, ln in enumerate(lines) if _HEADING.match(ln.strip()) or _FADE_IN.match(ln)), len(lines))
    filled = [i for i in range(end) if lines[i].strip()][:15]
    if not filled or lines[filled[0]].strip().lower().startswith("title:"):
        return [], set()
    credit = next((k for k, i in enumerate(filled) if _CREDIT.match(lines[i].strip())), None)
    if credit is None or credit == 0 or _indent(lines[filled[0]]) < margin + _CUE_INDENT_STEP:
        return [], set()
    used = set(filled[:credit + 2])
    title = " ".join(lines[i].strip() for i in filled[:credit])
    keys = [f"Title: {title}", f"Credit: {lines[filled[credit]].strip()}"]
    if credit + 1 < len(filled):
        keys.append(f"Author: {lines[filled[credit + 1]].strip()}")
    return keys, used


def _heading_text(stripped: str) -> str:
    """A heading as Fountain reads it: forced with '.' when it does not start INT./EXT."""
    return stripped if _STANDARD_HEADING.match(stripped) else "." + stripped


def _action_text(stripped: str) -> str:
    """An action line, forced when Fountain would read it as a cue, heading or marker."""
    if _is_caps(stripped) or stripped[:1] in ".!@>~=#[" or _STANDARD_HEADING.match(stripped):
        return "!" + stripped
    return stripped


def fountain_from_plain_text(text: str) -> str:
    """Return Fountain text for a plain-text screenplay, keeping its words unchanged."""
    raw = [ln.expandtabs(4).rstrip() for ln in
           text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")]
    lines = []
    for ln in raw:
        ln = _REVISION_MARK.sub("", ln)
        numbered = _NUMBERED_HEADING.match(ln)
        if numbered:
            ln = " " * _indent(ln) + numbered.group(1).strip()
        elif _PAGE_FURNITURE.match(ln) or _PAGE_HEADER.match(ln):
            continue
        lines.append(ln)
    margin = _action_margin(lines)
    cue_rows = [i for i, ln in enumerate(lines) if _CUE.match(ln.strip()) and _indent(ln) >= margin + _CUE_INDENT_STEP]
    if not cue_rows:
        return _unindented(lines)
    double = _double_spaced(lines)
    gap = 1  # a blank line after a cue is allowed; within dialogue only in a double-spaced draft
    title_keys, used = _title_page(lines, margin)

    blocks: list[list[str]] = [["\n".join(title_keys)]] if title_keys else []
    action: list[str] = []

    def flush_action() -> None:
        if action:
            blocks.append([_action_text(action[0])] + action[1:])
            action.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if i in used or not stripped:
            if not stripped and not double:
                flush_action()
            i += 1
            continue
        if _HEADING.match(stripped) and _indent(line) < margin + _CUE_INDENT_STEP:
            flush_action()
            blocks.append([_heading_text(stripped)])
            i += 1
            continue
        cue_indent = _indent(line)
        after = _next_filled(lines, i, gap)
        named = _CUE.match(stripped) is not None and cue_indent >= margin + _CUE_INDENT_STEP and after is not None
        # A cue owns the next line when that line sits in the dialogue column (left of the cue,
        # right of the action) or is a parenthetical: a centred title or a right-aligned
        # transition has no dialogue under it.
        is_cue = named and (
            (margin + _DIALOGUE_MIN_STEP <= _indent(lines[after]) < cue_indent
             and not _CUE.match(lines[after].strip()))
            or (lines[after].strip().startswith("(") and _indent(lines[after]) > margin))
        if not is_cue:
            if _indent(line) >= margin + _CUE_INDENT_STEP and _is_caps(stripped) and stripped.endswith(":"):
                flush_action()
                blocks.append([stripped if stripped.endswith("TO:") else "> " + stripped])
            else:
                action.append(stripped)
            i += 1
            continue
        flush_action()
        cue = stripped if stripped.isascii() and _is_caps(stripped) else "@" + stripped
        spoken: list[str] = []
        j, last = after, i
        while j is not None:
            piece = lines[j].strip()
            if not (margin + _DIALOGUE_MIN_STEP <= _indent(lines[j]) < cue_indent) or _HEADING.match(piece):
                break
            if spoken and _CUE.match(piece) and not piece.startswith("("):
                break
            spoken.append(piece)
            last = j
            # A blank line may follow a parenthetical as it may follow the cue; after a line of
            # dialogue it ends the speech, unless the whole draft is double-spaced.
            j = _next_filled(lines, j, 1 if double or piece.startswith("(") else 0)
        blocks.append([cue] + spoken)
        i = last + 1
    flush_action()
    return "\n\n".join("\n".join(block) for block in blocks).strip("\n") + "\n"


def _unindented(lines: list[str]) -> str:
    """A draft typed flush left (Fountain in a .txt): only blank lines are evened out."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        heading = bool(_HEADING.match(stripped))
        if heading and out and out[-1] != "":
            out.append("")
        out.append(_heading_text(stripped) if heading else stripped)
    collapsed: list[str] = []
    for line in out:
        if line == "" and collapsed and collapsed[-1] == "":
            continue
        collapsed.append(line)
    return "\n".join(collapsed).strip("\n") + "\n"
