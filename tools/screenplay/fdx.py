"""Final Draft (.fdx) screenplays in and out.

An FDX file is XML: `<FinalDraft><Content>` holds one `<Paragraph Type="...">` per
screenplay element, each with one or more `<Text>` runs (a run per style change),
and `<TitlePage><Content>` holds the title page as centred paragraphs. Import turns
the paragraphs into Fountain text, forcing each element's kind with Fountain's own
markers ('.' heading, '!' action, '@' cue, '>' transition), so the rest of the crew
reads one format and the writer's words stay as they were. Export writes the
`Script` back as paragraphs Final Draft opens.

The XML comes from users, so it is parsed with defusedxml: no DTDs, no entity
expansion, no external references; the size cap is the screenplay loader's.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError, SubElement, indent, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from graph.state import Scene, Script
from tools.errors import BadInput

_HEADING_START = re.compile(r"^(?:INT|EXT|EST|INT\./EXT|INT/EXT|EXT/INT|I/E)[.\s]", re.IGNORECASE)
_RUN_MARKS = {"Bold": "**", "Italic": "*", "Underline": "_"}


def _run_text(run: Element) -> str:
    """One <Text> run with its Bold/Italic/Underline style as Fountain emphasis."""
    text = run.text or ""
    styles = [s for s in (run.get("Style") or "").split("+") if s in _RUN_MARKS]
    core = text.strip()
    if not styles or not core:
        return text
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    for style in styles:
        core = f"{_RUN_MARKS[style]}{core}{_RUN_MARKS[style]}"
    return lead + core + trail


def _paragraph_text(paragraph: Element) -> str:
    text = "".join(_run_text(run) for run in paragraph.findall("Text"))
    # A blank line would end the Fountain block early and turn the rest into another element.
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(ln for ln in lines if ln.strip()).strip()


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def _block(kind: str, text: str, dual: bool = False) -> str:
    """One paragraph as a Fountain block with its kind forced."""
    if kind in ("Scene Heading", "Shot"):
        first = text.split("\n")[0]
        return first if _HEADING_START.match(first) else "." + first.lstrip(".")
    if kind == "Character":
        cue = " ".join(text.split())
        forced = cue if cue.isascii() and _is_caps(re.sub(r"\(.*?\)", "", cue)) else "@" + cue
        return forced + (" ^" if dual else "")
    if kind == "Parenthetical":
        inner = text.strip().lstrip("(").rstrip(")").strip()
        return f"({inner})"
    if kind == "Dialogue":
        return text
    if kind == "Transition":
        return text if _is_caps(text) and text.rstrip().endswith("TO:") else "> " + text
    if kind == "Lyrics":
        return "\n".join("~" + ln for ln in text.split("\n"))
    # Action, General, Cast List, New Act and anything newer: shown as action, forced only
    # where Fountain would read it as something else (a line in capitals, a heading, a marker).
    first = text.split("\n")[0]
    if _is_caps(first) or _HEADING_START.match(first) or first[:1] in ".!@>~=#[" or first.endswith("TO:"):
        return "!" + text
    return text


def _paragraph_blocks(content: Element) -> list[str]:
    """Fountain blocks for the <Content> paragraphs: each cue joined to its lines."""
    blocks: list[str] = []
    last = [""]  # kind of the paragraph the last block came from

    def add(paragraph: Element, dual_second: bool = False) -> None:
        kind = paragraph.get("Type") or "Action"
        text = _paragraph_text(paragraph)
        if not text:
            return
        spoken = kind in ("Dialogue", "Parenthetical")
        if spoken and last[0] in ("Character", "Dialogue", "Parenthetical"):
            blocks[-1] = blocks[-1] + "\n" + _block(kind, text)  # a dialogue block has no blank lines inside
        elif paragraph.get("Alignment") == "Center" and kind in ("Action", "General"):
            blocks.append("\n".join(f"> {ln} <" for ln in text.split("\n")))
        else:
            # A dialogue paragraph with no cue before it is still the writer's words: kept as action.
            blocks.append(_block("Action" if spoken else kind, text, dual_second))
        last[0] = kind

    for paragraph in content.findall("Paragraph"):
        dual = paragraph.find("DualDialogue")
        if dual is None:
            add(paragraph)
            continue
        cues = 0
        for inner in dual.findall("Paragraph"):
            if inner.get("Type") == "Character":
                cues += 1
            add(inner, dual_second=cues == 2 and inner.get("Type") == "Character")
    return blocks


def _title_page(root: Element) -> list[str]:
    """Fountain title-page keys from <TitlePage>: the first line is the title, a 'by' line the credit."""
    page = root.find("TitlePage/Content")
    if page is None:
        return []
    lines = [_paragraph_text(p) for p in page.findall("Paragraph")]
    lines = [" ".join(ln.split()) for ln in lines if ln]
    if not lines:
        return []
    keys = [f"Title: {lines[0]}"]
    rest = lines[1:]
    credit = next((i for i, ln in enumerate(rest) if re.fullmatch(r"(?:(?:written|screenplay|story) )?by:?", ln, re.I)), None)
    if credit is not None:
        keys.append(f"Credit: {rest[credit]}")
        if credit + 1 < len(rest):
            keys.append(f"Author: {rest[credit + 1]}")
        rest = rest[:credit] + rest[credit + 2:]
    if rest:
        keys.append("Contact:\n" + "\n".join("\t" + ln for ln in rest))
    return keys


def fountain_from_fdx(data: bytes, name: str = "the file") -> str:
    """Fountain text for a Final Draft file; BadInput when it is not one."""
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise BadInput(f"{name} declares XML entities or a DTD, which are refused for safety; "
                       "save it again from Final Draft") from None
    except (ParseError, ValueError) as exc:
        raise BadInput(f"{name} is not a readable Final Draft file (XML error: {exc})") from None
    if root.tag != "FinalDraft":
        raise BadInput(f"{name} is XML but not a Final Draft screenplay (no <FinalDraft> root)")
    content = root.find("Content")
    if content is None:
        raise BadInput(f"{name} is a Final Draft file with no <Content>: nothing to read")
    title_keys = _title_page(root)
    blocks = (["\n".join(title_keys)] if title_keys else []) + _paragraph_blocks(content)
    return "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------------------- export


def _paragraph(parent: Element, kind: str, text: str, alignment: str | None = None) -> Element:
    paragraph = SubElement(parent, "Paragraph", {"Type": kind, **({"Alignment": alignment} if alignment else {})})
    SubElement(paragraph, "Text").text = text
    return paragraph


def _scene_paragraphs(content: Element, scene: Scene) -> None:
    _paragraph(content, "Scene Heading", scene.heading.lstrip(".").strip())
    for el in scene.elements:
        if el.kind == "dialogue":
            _paragraph(content, "Character", el.character or "UNKNOWN")
            if el.parenthetical:
                _paragraph(content, "Parenthetical", f"({el.parenthetical})")
            _paragraph(content, "Dialogue", el.text)
        elif el.kind == "transition":
            _paragraph(content, "Transition", el.text.strip())
        else:
            _paragraph(content, "Action", el.text)


def to_fdx(script: Script) -> str:
    """The script as a Final Draft document (FDX version 1 paragraphs plus a title page)."""
    root = Element("FinalDraft", {"DocumentType": "Script", "Template": "No", "Version": "1"})
    content = SubElement(root, "Content")
    for scene in script.scenes:
        _scene_paragraphs(content, scene)
    title_page = SubElement(SubElement(root, "TitlePage"), "Content")
    _paragraph(title_page, "Text", script.title, alignment="Center")
    indent(root, space="  ")  # one paragraph a line, as Final Draft writes it (Text runs keep their words)
    body = tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n' + body + "\n"
