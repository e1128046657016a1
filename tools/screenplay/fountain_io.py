"""Screenplays in and out: Fountain, Final Draft and plain text to `Script`, `Script` back to Fountain.

Parsing is fountain-py's; this module only normalises its elements into the
shared `Script` model (scenes, dialogue blocks, characters) and refuses input
that is not a screenplay. Export keeps the writer's text byte-for-byte wherever
the structure was not changed.
"""

from __future__ import annotations

import re
from pathlib import Path

from fountain import ElementType, FountainParser

from graph.state import CharacterNote, Scene, Script, ScriptElement
from tools.errors import BadInput
from tools.screenplay.plain_text import fountain_from_plain_text

MAX_SCRIPT_BYTES = 5 * 1024 * 1024
FOUNTAIN_SUFFIXES = {".fountain", ".spmd"}
FDX_SUFFIXES = {".fdx"}
PLAIN_SUFFIXES = {".txt", ".text", ""}

_HEADING_PREFIX = re.compile(
    r"^(?P<prefix>INT\.?\s*/\s*EXT\.?|EXT\.?\s*/\s*INT\.?|I\s*/\s*E\.?|INT\.?|EXT\.?|EST\.?)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_HEADING_SPLIT = re.compile(r"\s+[-\u2013\u2014]+\s+")
_TIMES = {"DAY", "NIGHT", "DUSK", "DAWN", "MORNING", "EVENING", "AFTERNOON", "CONTINUOUS", "LATER",
          "MOMENTS LATER", "SUNSET", "SUNRISE", "SAME", "NOON", "MIDNIGHT"}
# A character introduced without speaking: "OLD TOM (70s, ...)" or "NINA, 30s,".
_SILENT_INTRO = re.compile(
    r"(?<![Aa] )(?<![Aa]n )(?<![Tt]he )\b([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?)"
    r"\s*(?:\(\s*\d|\(\s*(?:early|mid|late)|,\s*\d0s|,\s*an? [a-z]|\(\s*(?:an?|the|his|her|their|its) [a-z])")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise BadInput(f"{name} is empty; a screenplay needs at least one scene")
    if b"\x00" in data:
        raise BadInput(f"{name} is a binary file, not a screenplay (Fountain or plain text)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{name} is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8") from None
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > max(2, len(text) // 100):
        raise BadInput(f"{name} looks binary (control characters), not a screenplay")
    return text


def load_script(path: str | Path) -> Script:
    """Read a .fountain/.spmd, Final Draft .fdx or plain-text screenplay, refusing bad input with BadInput."""
    path = Path(path)
    if not path.exists():
        raise BadInput(f"{path} does not exist")
    if path.is_dir():
        raise BadInput(f"{path} is a directory; give a screenplay file (.fountain or .txt)")
    size = path.stat().st_size
    if size > MAX_SCRIPT_BYTES:
        raise BadInput(f"{path.name} is {size / 1e6:.1f} MB; screenplays over 5 MB are refused")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror or exc}") from None
    if data.lstrip()[:5] == b"%PDF-" or path.suffix.lower() == ".pdf":
        raise BadInput(f"{path.name} is a PDF; filmcrew reads Fountain (.fountain), Final Draft (.fdx) or plain "
                       "text: export the script from your writing app in one of those")
    text = _decode(data, path.name)
    fallback_title = path.stem.replace("_", " ").replace("-", " ").strip().title() or "Untitled"
    head = text.lstrip()[:400]
    if path.suffix.lower() in FDX_SUFFIXES or (head.startswith("<?xml") and "<FinalDraft" in head):
        from tools.screenplay.fdx import fountain_from_fdx

        script = parse_fountain(fountain_from_fdx(data, path.name), title=None)
        source = "fdx"
    elif path.suffix.lower() in FOUNTAIN_SUFFIXES:
        script = parse_fountain(text, title=None)
        source = "fountain"
    else:
        script = parse_fountain(fountain_from_plain_text(text), title=None)
        source = "text"
    title = script.title if script.title != "Untitled" else fallback_title
    return script.model_copy(update={"source": source, "title": title})


_OFF_SCREEN = re.compile(
    r"\((?:V\.?\s?O|O\.?\s?S|O\.?\s?C|FILTERED|PHONE|PRE-LAP|ON SCREEN|ON TV|RADIO|INTO [A-Z ]+)\.?\)")


def speaks_off_screen(script: Script, element: ScriptElement) -> bool:
    """Whether a dialogue block's cue carries an off-screen extension such as (V.O.) or (O.S.).

    ScriptElement keeps only the speaker's name, so the cue is read back from the
    source line the element came from.
    """
    if element.kind != "dialogue" or not element.line:
        return False
    lines = script.fountain.split("\n")
    if element.line > len(lines):
        return False
    cue = lines[element.line - 1].upper()
    return bool(_OFF_SCREEN.search(cue))


def parse_heading(heading: str) -> tuple[str, bool, str]:
    """Split a scene heading into (location, interior, time_of_day)."""
    text = heading.strip().lstrip(".").strip()
    # Older drafts spell the prefix out: "INTERIOR - HYPERSLEEP VAULT".
    text = re.sub(r"^(INT|EXT)(?:ERIOR)\s*[-\u2013\u2014:]?\s+", r"\1. ", text, flags=re.IGNORECASE)
    interior = False
    match = _HEADING_PREFIX.match(text)
    if match:
        interior = match.group("prefix").upper().replace(" ", "").startswith(("INT", "I/E"))
        text = match.group("rest").strip()
    parts = _HEADING_SPLIT.split(text)
    time_of_day = "DAY"
    if len(parts) > 1:
        time_of_day = parts[-1].strip().upper()
        parts = parts[:-1]
    elif text.upper() in _TIMES:
        time_of_day, parts = text.upper(), [text]
    location = " - ".join(p.strip() for p in parts).upper() or text.upper()
    return location, interior, time_of_day


def _cue_name(text: str) -> str:
    name = re.sub(r"\(.*?\)", "", text).replace("^", "").strip().lstrip("@").strip()
    return re.sub(r"\s+", " ", name).upper()


def _element_blocks(doc) -> list[tuple[str, object]]:
    """Flatten fountain-py elements into ('heading'|'action'|'transition'|'dialogue', payload)."""
    blocks: list[tuple[str, object]] = []
    elements = list(doc.elements)
    i = 0
    while i < len(elements):
        el = elements[i]
        kind = el.type
        if kind == ElementType.SCENE_HEADING:
            blocks.append(("heading", el))
        elif kind in (ElementType.ACTION, ElementType.CENTERED, ElementType.LYRICS):
            blocks.append(("action", ScriptElement(kind="action", text=el.text, line=el.line_number)))
        elif kind == ElementType.TRANSITION:
            blocks.append(("transition", ScriptElement(kind="transition", text=el.text, line=el.line_number)))
        elif kind == ElementType.CHARACTER:
            parts: list = []
            j = i + 1
            while j < len(elements) and elements[j].type in (ElementType.DIALOGUE, ElementType.PARENTHETICAL):
                parts.append(elements[j])
                j += 1
            blocks.append(("dialogue", _dialogue(el, parts)))
            i = j
            continue
        elif kind == ElementType.DUAL_DIALOGUE:
            md = el.metadata
            for side in ("left", "right"):
                cue = md.get(f"{side}_character")
                if cue is not None:
                    blocks.append(("dialogue", _dialogue(cue, list(md.get(f"{side}_dialogue") or []))))
        i += 1
    return blocks


def _dialogue(cue, parts: list) -> ScriptElement:
    parenthetical = None
    if parts and parts[0].type == ElementType.PARENTHETICAL:
        parenthetical = parts[0].text.strip().strip("()").strip()
        parts = parts[1:]
    text = "\n".join(p.text for p in parts).strip()
    return ScriptElement(kind="dialogue", text=text, character=_cue_name(cue.text),
                         parenthetical=parenthetical, line=cue.line_number)


def _mentions(text: str, name: str) -> bool:
    """Whether action text refers to a character: CAPS anywhere, or Title case for the name."""
    if re.search(rf"\b{re.escape(name)}\b", text):
        return True
    return bool(re.search(rf"\b{re.escape(name.title())}\b", text))


def _characters(scenes: list[Scene]) -> list[CharacterNote]:
    # Whole names and declared aliases only (tools.screenplay.presence): 'THE BOSS' is not every 'boss'.
    from tools.screenplay.presence import characters

    return characters(scenes, _SILENT_INTRO, _TIMES)


_SENTENCE_MARKS = re.compile(r"[.!?,;:。！？，、；：…]")
_NOT_A_CUE_START = (".", "!", "@", ">", "#", "=", "~", "[", "INT", "EXT", "I/E", "EST")


def _force_unicode_cues(text: str) -> str:
    """Mark non-ASCII character cues (ZOË, JOSÉ, 李) with Fountain's '@': the parser only knows A-Z cues.

    A cue is a short line with no lower-case letters and no sentence marks, after a blank line and
    before text. Only the copy given to the parser changes; line numbers stay the same.
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        name = re.sub(r"\(.*?\)", "", line).replace("^", "").strip()
        if (not name or name.isascii() or len(name) > 30 or any(c.islower() for c in name)
                or _SENTENCE_MARKS.search(name) or name.upper().startswith(_NOT_A_CUE_START)):
            continue
        if (i == 0 or not lines[i - 1].strip()) and i + 1 < len(lines) and lines[i + 1].strip():
            lines[i] = "@" + line.lstrip()
    return "\n".join(lines)


def parse_fountain(text: str, title: str | None = None) -> Script:
    """Parse Fountain text into a Script (source='fountain'); BadInput if it is not a screenplay."""
    if not text or not text.strip():
        raise BadInput("the script is empty; a screenplay needs at least one scene heading")
    # Windows and old Mac line endings would fold whole scenes into one dialogue block in the parser;
    # the normalised text is the script from here on (its words are untouched).
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        doc = FountainParser().parse(_force_unicode_cues(text))
    except Exception as exc:  # the parser's own failure is still the user's input problem
        raise BadInput(f"cannot parse the script as Fountain: {exc}") from None
    scenes: list[Scene] = []
    preamble: list[ScriptElement] = []
    for kind, payload in _element_blocks(doc):
        if kind == "heading":
            location, interior, tod = parse_heading(payload.text)
            scenes.append(Scene(index=len(scenes) + 1, heading=payload.text.strip(), location=location,
                                interior=interior, time_of_day=tod))
        elif scenes:
            scenes[-1].elements.append(payload)
        elif kind != "transition":
            # Action before the first heading (a teaser line) still plays in scene 1.
            preamble.append(payload)
    if not scenes:
        raise BadInput("this is not a screenplay: no scene headings (INT./EXT. PLACE - DAY) were found")
    scenes[0].elements[:0] = preamble
    if not any(el.kind in ("action", "dialogue") for s in scenes for el in s.elements):
        raise BadInput("this is not a screenplay: it has scene headings but no action or dialogue")
    meta_title = str(doc.metadata.get("title") or "").strip() if doc.metadata else ""
    characters = _characters(scenes)
    if not title and meta_title:
        title = meta_title.splitlines()[0].strip("_* ")
    return Script(title=title or "Untitled",
                  source="fountain", fountain=text, scenes=scenes, characters=characters)


# --------------------------------------------------------------------------- export


def _render_element(el: ScriptElement) -> str:
    if el.kind == "dialogue":
        cue = el.character or "UNKNOWN"
        lines = [cue if cue.isascii() else "@" + cue]  # the parser only knows A-Z cues without '@'
        if el.parenthetical:
            lines.append(f"({el.parenthetical})")
        lines.append(el.text)
        return "\n".join(lines)
    if el.kind == "transition":
        text = el.text.strip()
        return text if text.upper().endswith("TO:") and text.isupper() else f"> {text}"
    text = el.text
    # Action that fountain would read as a heading or a cue is forced with '!'.
    first = text.split("\n", 1)[0]
    if _HEADING_PREFIX.match(first) or (first.isupper() and len(first.split()) <= 4):
        text = "!" + text
    return text


def _source_blocks(source: str) -> dict[int, str]:
    """Raw text of every blank-line separated block, keyed by its first line number."""
    blocks: dict[int, str] = {}
    lines = source.split("\n")
    start = None
    for i, line in enumerate(lines + [""], start=1):
        if line.strip() and start is None:
            start = i
        if not line.strip() and start is not None:
            blocks[start] = "\n".join(lines[start - 1:i - 1])
            start = None
    return blocks


def render_fountain(title: str, scenes: list[Scene], title_page: str | None = None) -> str:
    """Write scenes as Fountain from their structured fields."""
    parts = [title_page.strip() if title_page else f"Title: {title}"]
    for scene in scenes:
        parts.append(scene.heading)
        parts.extend(_render_element(el) for el in scene.elements)
    return "\n\n".join(parts) + "\n"


def to_fountain(script: Script) -> str:
    """Export a Script as Fountain; the writer's exact text is kept wherever it is unchanged."""
    if script.fountain.strip():
        try:
            original = parse_fountain(script.fountain)
        except BadInput:
            original = None
        if original is not None and original.scenes == script.scenes and (
                original.title == script.title or original.title == "Untitled"):
            return script.fountain if script.fountain.endswith("\n") else script.fountain + "\n"
    else:
        original = None
    if original is None:
        return render_fountain(script.title, script.scenes)
    # Partly changed: reuse the raw block for every element or heading still equal to the source's.
    raw = _source_blocks(script.fountain)
    source_elements = {(el.line, el.kind): el for s in original.scenes for el in s.elements if el.line}
    source_headings = {s.heading for s in original.scenes}
    head_lines = [ln for ln in script.fountain.split("\n\n", 1)[0].split("\n")]
    title_page = "\n".join(head_lines) if head_lines and ":" in head_lines[0] else None
    if original.title != script.title:
        title_page = None
    parts = [title_page or f"Title: {script.title}"]
    heading_raw = {blk.strip().lstrip(".").split(" #", 1)[0].strip(): blk for blk in raw.values()}
    for scene in script.scenes:
        parts.append(heading_raw.get(scene.heading, scene.heading) if scene.heading in source_headings
                     else scene.heading)
        for el in scene.elements:
            same = source_elements.get((el.line, el.kind))
            parts.append(raw[el.line] if same == el and el.line in raw else _render_element(el))
    return "\n\n".join(parts) + "\n"
