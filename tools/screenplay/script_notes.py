"""A director's script note, read into the changes a writer makes: cast, key prop, setting, time, weather, ending, tone.

"the kite is the key prop; only two characters; no storm; end flying the kite at
sunset" is four requests. Each part is matched to one kind of change; a part
that matches none is kept, in the person's words, in `not_understood`, so the
gate can say so. Whether a request can be carried out is the writer's call
(`brief_world.apply_notes`), which lists what it could not do in `not_applied`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ENDINGS = ("happy", "sad", "open", "twist")
_ENDING_WORDS = {"happy": "happy", "hopeful": "happy", "upbeat": "happy", "sad": "sad", "tragic": "sad",
                 "bittersweet": "sad", "dark": "sad", "open": "open", "ambiguous": "open", "unresolved": "open",
                 "twist": "twist", "surprise": "twist"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a single": 1, "just one": 1}
_TONES = {"dark": r"dark(?:er)?|grim(?:mer)?|bleak(?:er)?|noir|moody|serious|sad(?:der)?",
          "light": r"light(?:er)?|happ(?:y|ier)|warm(?:er)?|upbeat|hopeful|joyful|uplifting",
          "comic": r"funn(?:y|ier)|comic|comedy|silly|playful|humou?r(?:ous)?",
          "tense": r"tense(?:r)?|scar(?:y|ier)|creep(?:y|ier)|suspense(?:ful)?|thrilling"}
_TIMES = r"dawn|sunrise|daybreak|morning|noon|midday|afternoon|day|daytime|dusk|sunset|evening|twilight|night|midnight"
_WEATHER = r"storms?|rain|rainy|snow|snowy|fog|foggy|mist|wind|windy|thunder|hail|heatwave|sunshine|sunny|clear skies"


@dataclass
class ScriptNote:
    """What one note asks of the script; empty fields ask nothing."""

    text: str
    max_characters: int | None = None
    add_characters: list[str] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)  # characters, props or weather to lose ("the dog", "storm")
    key_prop: str = ""
    setting: str = ""
    time_of_day: str = ""  # the words as said ("night", "sunset"); the writer maps them to a heading time
    weather: str = ""  # weather to add ("rain")
    ending: str = ""  # happy, sad, open, twist
    ending_action: str = ""  # "flying the kite"
    ending_time: str = ""  # "sunset"
    tone: str = ""  # dark, light, comic, tense
    length: str = ""  # shorter, longer
    parts: list[tuple[str, str]] = field(default_factory=list)  # (part as written, what it asks) in order
    not_understood: list[str] = field(default_factory=list)


def _number(word: str) -> int | None:
    word = word.strip().lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _clean(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an|some|his|her|their)\s+", "", phrase.strip(" .,!;:'\"").lower()).strip()


def _split(text: str) -> list[str]:
    parts = re.split(r"\s*(?:[;.\n!]|,\s*(?:and\s+)?|\s+and\s+(?=(?:only|no|add|drop|make|set|end|give|keep|"
                     r"remove|lose|cut|the|a|an|it|more|less)\b))\s*", text.strip())
    return [p.strip() for p in parts if p and p.strip()]


def parse_note(text: str) -> ScriptNote:
    """Read a note into its requests; parts it cannot read are kept in `not_understood`."""
    note = ScriptNote(text=text.strip())
    for part in _split(text):
        asked = _read_part(part, note)
        if asked:
            note.parts.append((part, asked))
        else:
            note.not_understood.append(part)
    return note


def _read_part(part: str, note: ScriptNote) -> str:
    low = part.lower().strip()
    m = re.search(r"\b(?:only|just|keep (?:it |the cast )?(?:down )?to|no more than|at most|cut (?:it )?to)\s+"
                  r"(\d+|one|two|three|four|five|six|a single)\s+(?:main\s+)?(?:characters?|people|roles)\b", low)
    if m:
        note.max_characters = _number(m.group(1))
        return f"keep to {note.max_characters} characters"
    m = re.search(r"\bending\s*[:=]\s*(\w+)|\b(\w+)\s+ending\b|\bend (?:it )?(?:on a |with a )?(\w+) note\b", low)
    if m and _ENDING_WORDS.get(next(g for g in m.groups() if g)):
        note.ending = _ENDING_WORDS[next(g for g in m.groups() if g)]
        return f"a {note.ending} ending"
    m = re.match(r"^(?:and\s+)?(?:make it |let it )?end(?:s|ing)?\s+(?:on|with|by)?\s*(.+)$", low)
    if m:
        rest = m.group(1)
        when = re.search(rf"\s*\b(?:at|by|in the|as the)?\s*({_TIMES})\b(?:\s+(?:falls|comes|rises|sets))?", rest)
        if when:
            note.ending_time = when.group(1)
            rest = (rest[:when.start()] + rest[when.end():]).strip()
        note.ending_action = rest.strip(" ,")
        return "an ending: " + " ".join(w for w in (note.ending_action, note.ending_time and
                                                     f"at {note.ending_time}") if w)
    m = re.search(r"^(?:make |let )?(?:the\s+)?(.+?)\s+(?:is|be|becomes?|as)\s+the\s+(?:key|main|central)\s+"
                  r"(?:prop|object)\b|\b(?:key|main|central) (?:prop|object)\s*(?:is|:|=|should be)\s*(.+)$|"
                  r"^make (?:the\s+)?(.+?) the (?:key|main|central) (?:prop|object)", low)
    if m:
        note.key_prop = _clean(next(g for g in m.groups() if g))
        return f"key prop: {note.key_prop}"
    m = re.match(r"^(?:no|lose|drop|remove|cut|without|get rid of|kill off)\s+(?:the\s+)?(.+)$", low)
    if m:
        what = _clean(m.group(1))
        if re.fullmatch(r"(?:more |any )?(?:characters?|people)", what):
            return ""
        note.drop.append(what)
        return f"lose {what}"
    m = re.match(r"^(?:add|introduce|bring in|include|give (?:him|her|them) (?:a |an )?)\s*(.+)$", low)
    if m and not re.search(rf"\b({_WEATHER})\b", m.group(1)):
        note.add_characters.append(_clean(re.sub(r"^(?:a\s+)?(?:new\s+)?character\s*(?::|called|named)?\s*",
                                                 "", m.group(1))))
        return f"add {note.add_characters[-1]}"
    m = re.match(r"^(?:set (?:it |the film |everything )?(?:in|at|on)|move (?:it |the story )?to|"
                 r"relocate (?:it )?to|setting\s*[:=]|location\s*[:=]|place it in)\s+(.+)$", low)
    if m:
        note.setting = _clean(m.group(1))
        return f"setting: {note.setting}"
    m = re.search(rf"^(?:make it |add |more |with |in the |let it )?({_WEATHER})(?: instead)?$|"
                  rf"^(?:make it|let it) (rain|snow|storm)\b|^weather\s*[:=]\s*(\w+)", low)
    if m:
        note.weather = next(g for g in m.groups() if g)
        return f"weather: {note.weather}"
    m = re.search(rf"^(?:make it |set it |play it |at |by |in the |time\s*[:=]\s*)?(?:at |by )?({_TIMES})"
                  rf"(?:time)?$|^(?:make it|set it at|play it at|move it to) ({_TIMES})\b", low)
    if m:
        note.time_of_day = next(g for g in m.groups() if g)
        return f"time of day: {note.time_of_day}"
    for tone, pattern in _TONES.items():
        if re.fullmatch(rf"(?:make it |a bit |much |more |less )*(?:{pattern})(?: tone| please| overall)?", low) \
                or re.fullmatch(rf"(?:tone\s*[:=]\s*)(?:{pattern})", low):
            note.tone = tone
            return f"tone: {tone}"
    if re.fullmatch(r"(?:make it |a bit |much )*(shorter|tighter|trim it|cut it down)", low):
        note.length = "shorter"
        return "shorter"
    if re.fullmatch(r"(?:make it |a bit |much )*(longer|expand it|more scenes)", low):
        note.length = "longer"
        return "longer"
    return ""
