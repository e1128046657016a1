"""The words of a script that are about one character.

A character's look is written in their introduction and, later, in action lines
("Dev strokes his grey beard"). Only words about that character count, so action
is cut into sentences and each sentence into the stretches that follow each
named character: a feature belongs to the nearest character named before it.
Two hand-offs follow how writers put an introduction:

- a lead ending in a comma belongs to the name after it ("A tall woman in a red coat, LENA (30s)");
- a noun phrase right before a name is that name's appositive ("HANNAH and her tall husband GREG");

and a sentence that names nobody but opens with a pronoun ("She's wearing a blue dress")
continues the sentence before it. Each passage marks the character's own name as NAME_MARK.
"""

from __future__ import annotations

import re

from lemminflect import getLemma

from graph.state import Script

NAME_MARK = "@@"
_SENTENCES = re.compile(r"[^.!?]+(?:[.!?]+[\"')\]]*|$)")
# "They" is most often a group, so only a singular pronoun carries a sentence over to one character.
_PRONOUN_START = re.compile(r"^\s*(he|she|his|her|he's|she's)\b", re.I)
_GROUP_START = re.compile(r"^\s*(they|they're|both)\b", re.I)
_APPOSITIVE_TAIL = re.compile(r"(?:^|[\s,;(])((?:an?|the|his|her|their|its)\s+(?:[A-Za-z'\-]+\s+){0,3}[A-Za-z'\-]+)\s*$")
_LEAD_WITH_COMMA = re.compile(r",\s*$")
_ABBREVIATION = re.compile(r"\b(Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|Capt|Sgt|Lt|Col|Gen|Rev|DR|MR|MRS|MS|ST)\.")
_DOT = "\u2024"
# A phrase with one of these in it is a clause ("a stranger stares at PIA"), not a name's appositive.
_NOT_APPOSITIVE = {"at", "to", "of", "in", "on", "with", "by", "from", "into", "onto", "behind", "beside", "past",
                   "toward", "towards", "over", "under", "is", "are", "was", "were", "who", "as", "while"}


def _appositive(text: str) -> re.Match | None:
    found = _APPOSITIVE_TAIL.search(text)
    if not found or set(found.group(1).lower().split()) & _NOT_APPOSITIVE:
        return None
    last = found.group(1).split()[-1].lower()
    # The phrase must end on its noun: an inflected verb ("a long beard shows KARL") ends a clause.
    if getLemma(last, upos="VERB")[0] != last:
        return None
    return found


def _handles(name: str) -> list[str]:
    """How action lines write a name: 'YOUNG EDWARD', 'Young Edward', "Young Edward's"."""
    title = " ".join(w[:1] + w[1:].lower() for w in name.split())
    return list(dict.fromkeys([name, title]))


def _name_pattern(names: list[str]) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every handle, longest first, so 'Young Edward' is never read as 'Edward'."""
    owner = {handle: name for name in names for handle in _handles(name)}
    alternation = "|".join(re.escape(h) for h in sorted(owner, key=len, reverse=True))
    return re.compile(r"(?<![A-Za-z])(?:" + alternation + r")(?![a-z])"), owner


def _mentions(sentence: str, pattern: re.Pattern, owner: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, NAME) for each character named in the sentence."""
    return [(hit.start(), hit.end(), owner[hit.group(0)]) for hit in pattern.finditer(sentence)]


def _pieces(sentence: str, pattern: re.Pattern, owner: dict[str, str]) -> list[tuple[str, str]]:
    """(NAME, passage) for each character named in one sentence."""
    hits = _mentions(sentence, pattern, owner)
    out: list[tuple[str, str]] = []
    for k, (start, end, name) in enumerate(hits):
        left = hits[k - 1][1] if k else 0
        right = hits[k + 1][0] if k + 1 < len(hits) else len(sentence)
        lead = sentence[left:start]
        tail = sentence[end:right]
        # An appositive right before the next name belongs to it, not to this one.
        if k + 1 < len(hits):
            moved = _appositive(tail)
            if moved:
                tail = tail[:moved.start(1)]
            elif not tail.rstrip().endswith((",", ";", ":", "-")):
                # "she notices a young, TANNED GUY": words run straight into the next name are about it.
                cut = max(tail.rfind(","), tail.rfind(" and "))
                if cut >= 0 and len(tail[cut:].split()) <= 4:
                    tail = tail[:cut]
        if k == 0 and _LEAD_WITH_COMMA.search(lead):
            lead_text = lead
        else:
            apposed = _appositive(lead)
            lead_text = apposed.group(1) + " " if apposed and (k > 0 or apposed.end(1) == len(lead.rstrip())) else ""
        out.append((name, (lead_text + NAME_MARK + tail).strip()))
    # "MINNA and INA, two girls in their early twenties, ...": a pair joined by 'and' shares what follows.
    for k in range(len(out) - 2, -1, -1):
        name, passage = out[k]
        if passage.replace(NAME_MARK, "").strip() in ("", "and", "&", "or") and out[k + 1][0] != name:
            out[k] = (name, passage.split(NAME_MARK)[0] + out[k + 1][1])
    return out


def character_passages(script: Script, names: list[str]) -> dict[str, list[str]]:
    """NAME -> the passages of action about them, in script order (introduction first)."""
    passages: dict[str, list[str]] = {name: [] for name in names}
    if not names:
        return passages
    pattern, owner = _name_pattern(names)
    for scene in script.scenes:
        for element in scene.elements:
            if element.kind != "action":
                continue
            subject: str | None = None
            group: list[str] = []
            # "Dr. Bennett" is one name, not the end of a sentence.
            text = _ABBREVIATION.sub(lambda m: m.group(1) + _DOT, " ".join(element.text.split()))
            for sentence in (s.replace(_DOT, ".") for s in _SENTENCES.findall(text)):
                pieces = _pieces(sentence, pattern, owner)
                if pieces:
                    for name, passage in pieces:
                        passages[name].append(passage)
                    subject = pieces[-1][0]  # the nearest character named before a pronoun
                    hits = _mentions(sentence, pattern, owner)
                    paired = len(hits) == 2 and sentence[hits[0][1]:hits[1][0]].strip() in ("and", "&")
                    group = [hits[0][2], hits[1][2]] if paired else []
                elif subject and _PRONOUN_START.match(sentence):
                    passages[subject].append(NAME_MARK + " " + sentence.strip())
                elif group and _GROUP_START.match(sentence):
                    for name in group:  # "They are dressed in black jeans" after "MINNA and INA ..."
                        passages[name].append(NAME_MARK + " " + sentence.strip())
                elif len(sentence.split()) > 6:
                    subject, group = None, []  # a new subject; a short fragment ("Not just tall.") keeps the old one
    return passages
