"""The offline chat grammar: free text to an intent over the gates, versions and status.

With no model configured, `filmcrew chat` reads what the person types with
these rules. Anything they do not cover gets a helpful reply, never a guess.

    approve | ok | yes | looks good | next        approve the pending gate
    pick N | choose N | option N                  take choice N at the gate
    pick N for shot S | shot S variant N          at the storyboard: variant N of shot S
    revise NOTE                                   send NOTE to the stage at the gate
    <a note about a stage>                        e.g. "make it darker", "redo shot 4 as a low angle",
                                                  "subtitles off": routed to the stage it is about
                                                  (at its gate: a revise; for an earlier stage: a
                                                  new version forked there)
    two alternative endings | give me 3 alternative versions with different endings
                                                  one new version per ending, forked at the script
    fork at STAGE as NAME [: NOTE]                a named version from the checkpoint before STAGE
    compare A B | compare A and B                 side-by-side sheet and diffs of two versions
    versions                                      list the versions
    status | where are we                         the stage, the gate and its choices
    show [me] the script|report|shots|storyboard|style|cast|film   the files to look at
    help | ?                                      this list
    quit | exit | bye                             leave (everything is checkpointed)
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

STAGE_ORDER = ["script", "shots", "style", "storyboard", "cut"]
SHOW_TOPICS = {
    "script": ["script/script.fountain"], "report": ["script/report.md", "script/mood_curve.png"],
    "shots": ["shots/shotlist.csv"], "storyboard": ["shots/storyboard.pdf", "frames"],
    "style": ["style/bible.md", "style/palette.png", "style/comparisons"], "cast": ["cast"],
    "film": ["edit/full.mp4", "edit/timeline.otio"], "cut": ["edit/full.mp4", "edit/timeline.otio"],
    "qc": ["qc/report.md"],
}
TOPIC_WORDS: dict[str, str] = {
    "script": r"scene|ending|endings|dialogue|line|lines|script|story|opening|beginning|plot|character|act|twist",
    "shots": r"shot|shots|angle|angles|close-?ups?|wide|wider|lens|camera|push in|pan|dolly|handheld|framing|"
             r"coverage|crane|tilt|insert|inserts|pov|reaction|reactions",
    "style": r"dark|darker|bright|brighter|warm|warmer|cool|cooler|colou?rs?|palette|look|style|neon|noir|pastel|"
             r"grain|texture|moody|muted|bolder|saturated|golden hour|anime|watercolou?r|cartoon",
    "storyboard": r"variant|variants|frame|frames|storyboard",
    "cut": r"cut|music|tempo|pace|pacing|subtitles?|teaser|edit|faster|slower|shorter|longer",
}


class ChatIntent(BaseModel):
    """What a chat message asks for, whoever read it (this grammar or an LLM router)."""

    action: Literal["brief", "approve", "pick", "revise", "route", "fork", "compare", "versions", "status", "show",
                    "help", "quit", "unknown"] = Field(description="What to do.")
    pick: int = Field(0, description="Choice or variant number for 'pick'.")
    shot: str | None = Field(None, description="Shot id for a per-shot pick.")
    note: str = Field("", description="The note for revise/route/fork, or the brief.")
    stage: str | None = Field(None, description="Stage a note is about, or to fork at.")
    names: list[str] = Field(default_factory=list, description="Version names for fork/compare.")
    reply: str = Field("", description="What to say back when nothing is done.")


def topic_of(text: str) -> str | None:
    """The stage a note is about: the most specific match wins (a shot beats a colour)."""
    lowered = text.lower()
    if re.search(r"\bshot\s+\d", lowered):
        return "shots"
    # Camera words outrank story words: "a close-up in scene 2" is about the shots, not the script.
    hits = [stage for stage in ("shots", "script", "style", "cut", "storyboard")
            if re.search(rf"\b(?:{TOPIC_WORDS[stage]})\b", lowered)]
    return hits[0] if hits else None


APPROVALS = (r"(?:approve|approved|ok|okay|yes|y|lgtm|next|go on|continue|carry on|good|great|perfect|love it|"
             r"looks good|looks great|sounds good)")
STAGE_NAMES = r"(?:script|shots?|shot list|style|look|storyboard|frames|cut|film|edit|it|this|that)"


def _command(message: str, lowered: str) -> ChatIntent | None:
    """Exact commands: gate answers, versions, status, show."""
    if re.fullmatch(rf"{APPROVALS}(?:,?\s+(?:the\s+)?{STAGE_NAMES})?(?:,?\s+(?:please|thanks|thank you))?", lowered):
        return ChatIntent(action="approve")
    if re.fullmatch(rf"(?:the\s+)?{STAGE_NAMES}(?:\s+[\d.]+)?\s+(?:looks?|is|are|sounds?)\s+(?:good|great|fine|perfect|right)",
                    lowered):
        return ChatIntent(action="approve")
    if m := re.fullmatch(r"(?:pick|choose|take|use)\s+(?:variant\s+)?(\d+)\s+for\s+shot\s+(\d+\.\d+)", lowered):
        return ChatIntent(action="pick", pick=int(m.group(1)), shot=m.group(2))
    if m := re.fullmatch(r"shot\s+(\d+\.\d+)\s*(?:,|:)?\s*(?:variant|v)\s*(\d+)", lowered):
        return ChatIntent(action="pick", pick=int(m.group(2)), shot=m.group(1))
    if m := re.fullmatch(r"(?:pick|choose|option|take|use)\s+(?:option\s+|choice\s+|number\s+)?(\d+)", lowered):
        return ChatIntent(action="pick", pick=int(m.group(1)))
    if m := re.fullmatch(r"fork\s+(?:at\s+)?(\w+)\s+(?:as|named|called)\s+([a-z0-9_-]+)\s*(?::\s*(.*))?", lowered):
        return ChatIntent(action="fork", stage=m.group(1), names=[m.group(2)], note=(m.group(3) or "").strip())
    if m := re.fullmatch(r"compare\s+(?:with\s+|to\s+|against\s+)?([a-z0-9_-]+)"
                         r"(?:\s+(?:and\s+|with\s+|to\s+|vs\.?\s+)?([a-z0-9_-]+))?", lowered):
        return ChatIntent(action="compare", names=[n for n in m.groups() if n])
    if re.fullmatch(r"(list\s+)?versions|show\s+(me\s+)?(the\s+)?versions", lowered):
        return ChatIntent(action="versions")
    if re.fullmatch(r"status|where are we\??|where are we now\??|what now\??|what's next\??", lowered):
        return ChatIntent(action="status")
    if m := re.fullmatch(r"(?:show|open|see|let me see)\s+(?:me\s+)?(?:the\s+)?(.+)", lowered):
        topic = _show_topic(m.group(1))
        if topic is not None:
            return ChatIntent(action="show", stage=topic)
    return None


def _show_topic(words: str) -> str | None:
    for pattern, topic in ((r"shot list|shotlist|shots?\b", "shots"), (r"storyboard|frames?", "storyboard"),
                           (r"film|movie|video|cut|edit", "film"), (r"report|notes|findings", "report"),
                           (r"script|screenplay", "script"), (r"style|look|palette|bible|colou?rs", "style"),
                           (r"cast|characters?|people", "cast"), (r"\bqc\b|checks?", "qc")):
        if re.search(pattern, words):
            return topic
    return None


def parse_message(text: str, gate: str | None, has_run: bool = True) -> ChatIntent:
    """Read one message with the offline grammar."""
    message = text.strip()
    lowered = message.lower().rstrip(".!")
    if not message:
        return ChatIntent(action="unknown", reply="Say what you would like: 'approve', 'pick 2', or a note.")
    if re.fullmatch(r"(help|\?|what can you do|commands)", lowered):
        return ChatIntent(action="help")
    if re.fullmatch(r"(quit|exit|bye|q)", lowered):
        return ChatIntent(action="quit")
    command = _command(message, lowered)
    if not has_run:
        if command is not None and command.action not in ("help", "quit"):
            return ChatIntent(action="unknown", reply="Nothing is made yet: tell me the film in a sentence first.")
        brief = re.sub(r"^(please\s+)?(make|create|shoot)\s+(me\s+)?(a\s+)?(short\s+)?(film|video|movie)\s+(about|of|where)\s+",
                       "", message, flags=re.I)
        return ChatIntent(action="brief", note=brief.strip() or message)
    if command is not None:
        return command
    if m := re.fullmatch(r"revise\s*:?\s+(.+)", message, flags=re.I | re.S):
        return ChatIntent(action="revise", note=m.group(1).strip())
    topic = topic_of(message)
    if topic is not None:
        return ChatIntent(action="route", stage=topic, note=message)
    return ChatIntent(action="unknown", reply=(
        "I did not catch that. Try 'approve', 'pick 2', 'make it darker', 'redo shot 1.2 as a low angle', "
        "'fork at style as noir: black and white', 'compare main noir', 'status' or 'help'."))
