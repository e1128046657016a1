"""What the editor understands in a revise note at the cut gate, offline.

A note is read clause by clause ("faster cutting, and no subtitles" is two
requests). Each clause is matched by meaning, not by a keyword table: the
bundled MiniLM embeddings find the nearest request the editor knows (pace,
music, subtitles), or a request it knows it cannot do (music level), or a
request for another stage (story, look, shots). Polarity ("subtitles off" vs
"subtitles on") is where sentence embeddings are weakest - the two sentences
sit almost on top of each other - so the topic word is masked first ("lose
the subtitles" -> "lose it") and the verb frame alone is compared with
remove/show frames. A clause that is not clearly nearer one request than any
other is reported as not understood, never guessed.

Subtitles: the sidecar edit/subtitles.srt is always written; what a note
turns on or off is the subtitles burned into the picture of edit/full.mp4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from graph.state import Reading, Understood

FASTER_PACE, SLOWER_PACE = 0.8, 1.25

# Prototypes are the requests themselves, in a few plain wordings; a clause is read
# as the request whose nearest prototype is nearest to it.
TOPICS: dict[str, tuple[str, ...]] = {
    "pace": ("faster cutting", "slower cutting", "quicker cuts", "speed up the pace", "slow the pace down",
             "let the shots breathe", "tighter editing", "more energy in the edit", "calmer rhythm",
             "hold each shot longer", "faster", "slower"),
    "music": ("new music", "a different music track", "change the soundtrack", "another song", "the music"),
    "subtitles": ("subtitles", "no subtitles", "show the subtitles", "captions off", "subtitles on"),
}
# Requests for another stage: the cut gate cannot do them, and says where they go.
ELSEWHERE: dict[str, tuple[str, ...]] = {
    "the script (story, characters, ending)": ("change the ending", "rewrite the story", "add a character",
                                               "different dialogue", "a new scene"),
    "the look (the style stage)": ("different colours", "a darker look", "change the lighting", "a warmer palette",
                         "more saturated"),
    "the shots stage": ("a closer shot", "low angle", "wider framing", "fix shot 2", "a different camera move"),
}
FASTER = ("faster cutting", "quicker cuts", "speed it up", "tighter", "shorter shots", "more energy", "faster",
          "quicker", "brisk", "more urgent")
SLOWER = ("slower cutting", "let it breathe", "slow it down", "longer shots", "calmer", "more relaxed", "slower",
          "longer", "more room", "gentle", "lingering")
# With the topic word masked as "it".
SUBTITLES_OFF = ("remove it", "turn it off", "get rid of it", "hide it", "without it", "no more of it",
                 "it goes", "don't want it", "it off")
SUBTITLES_ON = ("show it", "turn it on", "add it", "bring it back", "put it in", "with it", "want it", "it on")
MUSIC_NEW = ("a new one", "a different one", "change it", "swap it", "another one", "replace it", "a fresh one",
             "new it", "different it")
MUSIC_LEVEL = ("it louder", "it quieter", "turn it up", "turn it down", "lower it")
MUSIC_KEEP = ("keep it", "it is fine", "leave it as it is")

TOPIC_MIN, TOPIC_MARGIN = 0.5, 0.04    # a clause must be this near a request, and this much nearer than the rest
FRAME_MIN, FRAME_MARGIN = 0.45, 0.05   # the same for the masked verb frame
PACE_MARGIN = 0.02                     # faster vs slower: antonyms embed close, but the order holds
ANCHORS = {"subtitles": ("subtitles", "captions"), "music": ("music", "soundtrack", "song"),
           "pace": ("pace", "cutting", "edit")}
ANCHOR_MIN = 0.45                      # a word this near an anchor is the topic word ("subs", "track", "tune")
_CLAUSES = re.compile(r"[,;.!?]+|\s+(?:and|but|plus|also|then)\s+", re.IGNORECASE)
_NEGATED = re.compile(r"\b(less|not|no|never)\b|n't\b", re.IGNORECASE)
# "too fast", "it feels sluggish": the clause says what is wrong now, so the request is the other way.
_COMPLAINT = re.compile(r"\b(too|feels?|seems?|looks?)\b", re.IGNORECASE)
# "take them out", "try a different one": the clause is about what the clause before named.
_PRONOUN = re.compile(r"\b(it|them|they|those|that|one)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CutPart:
    """One clause of a note and what the editor made of it."""

    text: str
    request: str   # faster, slower, new_music, subtitles_off, subtitles_on, keep, cannot, elsewhere, unclear
    why: str = ""
    topic: str = ""  # pace, music or subtitles when the clause is about one of them


@dataclass(frozen=True)
class CutNote:
    """A cut-gate note read into edit decisions."""

    pace: float = 1.0            # planned shot lengths are scaled by this before fitting to the beats
    new_music: bool = False      # generate a new music bed (another seed)
    subtitles: bool = True       # burn dialogue into the picture
    understood: bool = False
    subtitles_asked: str | None = None   # "on"/"off" when the note says so; None leaves them as they were
    parts: tuple[CutPart, ...] = field(default=())

    def said(self) -> list[str]:
        parts = []
        if self.pace < 1:
            parts.append(f"faster cutting (shots planned at {self.pace:.0%} of their length)")
        elif self.pace > 1:
            parts.append(f"slower cutting (shots planned at {self.pace:.0%} of their length)")
        if self.new_music:
            parts.append("a new music bed")
        if self.subtitles_asked == "off":
            parts.append("no subtitles in the picture (the sidecar edit/subtitles.srt still has the lines)")
        elif self.subtitles_asked == "on":
            parts.append("subtitles burned into the picture")
        return parts

    def reading(self, note: str) -> Reading:
        """The note as the gate reports it: what was done, what could not be, what was not understood."""
        used = [Understood(text=p.text, became="cut", detail=p.why) for p in self.parts
                if p.request not in ("cannot", "elsewhere", "unclear")]
        return Reading(source="note", stage="editor", text=note, used=used,
                       not_understood=[p.text for p in self.parts if p.request == "unclear"],
                       not_applied=[f"'{p.text}': {p.why}" for p in self.parts if p.request in ("cannot", "elsewhere")])


@lru_cache(maxsize=1)
def _prototypes() -> dict[str, tuple[list[str], np.ndarray]]:
    from memory.embeddings import embed_texts

    groups = {**{f"topic:{k}": v for k, v in TOPICS.items()}, **{f"elsewhere:{k}": v for k, v in ELSEWHERE.items()},
              "faster": FASTER, "slower": SLOWER, "subtitles_off": SUBTITLES_OFF, "subtitles_on": SUBTITLES_ON,
              "music_new": MUSIC_NEW, "music_level": MUSIC_LEVEL, "music_keep": MUSIC_KEEP,
              **{f"anchor:{k}": v for k, v in ANCHORS.items()}}
    texts = [t for v in groups.values() for t in v]
    vectors = embed_texts(texts)
    out, at = {}, 0
    for name, items in groups.items():
        out[name] = (list(items), vectors[at:at + len(items)])
        at += len(items)
    return out


def _nearest(vector: np.ndarray, names: list[str]) -> list[tuple[float, str]]:
    protos = _prototypes()
    return sorted(((float((protos[n][1] @ vector).max()), n) for n in names), reverse=True)


def _clear(scores: list[tuple[float, str]], least: float, margin: float) -> str | None:
    """The winner when it is near enough and clearly nearer than the runner-up."""
    (best, name), (second, _) = scores[0], scores[1]
    return name if best >= least and best - second >= margin else None


def _masked(clause: str, topic: str) -> str:
    """The clause with its topic word(s) replaced by 'it', so only the verb frame is compared."""
    from memory.embeddings import embed_texts

    words = re.findall(r"[\w']+", clause)
    if not words:
        return clause
    anchors = _prototypes()[f"anchor:{topic}"][1]
    near = (embed_texts([w.lower() for w in words]) @ anchors.T).max(axis=1)
    kept: list[str] = []
    for word, score in zip(words, near):
        if score < ANCHOR_MIN:
            kept.append(word)
        elif kept[-1:] != ["it"]:  # "the subtitle track" is one thing
            kept.append("it")
    return re.sub(r"\b(?:the|a|an|those|these|my|our) it\b", "it", " ".join(kept), flags=re.IGNORECASE)


def _read_clause(clause: str, vector: np.ndarray, carried: str = "") -> CutPart:
    from memory.embeddings import embed_texts

    names = [f"topic:{k}" for k in TOPICS] + [f"elsewhere:{k}" for k in ELSEWHERE]
    scores = _nearest(vector, names)
    winner = _clear(scores, TOPIC_MIN, TOPIC_MARGIN)
    if winner is None and carried in ("music", "subtitles") and _PRONOUN.search(clause):
        winner = f"topic:{carried}"
        clause_frame = _PRONOUN.sub("it", clause)
    else:
        clause_frame = clause
    if winner is None:
        return CutPart(clause, "unclear")
    kind, topic = winner.split(":", 1)
    if kind == "elsewhere":
        stage = next(name for name in ("script", "style", "shots") if name in topic)
        return CutPart(clause, "elsewhere", f"that is for {topic}, not the cut; fork the film at that stage "
                                            f"(filmcrew fork --at {stage} --name NAME --note \"{clause}\")")
    if topic == "pace":
        # Antonyms embed close together: the clause and its frame with the pace words masked
        # ("calmer pacing" -> "calmer it") both vote; a near tie is not guessed.
        complaint = bool(_COMPLAINT.search(clause))
        said = " ".join(_COMPLAINT.sub(" ", clause).split()) if complaint else clause  # "too fast" -> "fast"
        vectors = embed_texts([said, _masked(said, "pace")])
        lean = sum(_nearest(v, ["faster"])[0][0] - _nearest(v, ["slower"])[0][0] for v in vectors)
        if abs(lean) < PACE_MARGIN:
            return CutPart(clause, "unclear", topic=topic)
        direction = "faster" if lean > 0 else "slower"
        if bool(_NEGATED.search(clause)) != complaint:
            # "less rushed", "not so fast", "too fast": the nearest request turned round
            direction = "slower" if direction == "faster" else "faster"
        pace = FASTER_PACE if direction == "faster" else SLOWER_PACE
        return CutPart(clause, direction, f"{direction} cutting (shots planned at {pace:.0%} of their length)",
                       topic=topic)
    frame = embed_texts([_masked(clause_frame, topic)])[0]
    if topic == "subtitles":
        said = _clear(_nearest(frame, ["subtitles_off", "subtitles_on"]), FRAME_MIN, FRAME_MARGIN)
        if said is None:
            return CutPart(clause, "unclear", topic=topic)
        return CutPart(clause, said, "no subtitles in the picture (edit/subtitles.srt keeps the lines)"
                       if said == "subtitles_off" else "subtitles burned into the picture", topic=topic)
    said = _clear(_nearest(frame, ["music_new", "music_level", "music_keep"]), FRAME_MIN, FRAME_MARGIN)
    if said == "music_new":
        return CutPart(clause, "new_music", "a new music bed", topic=topic)
    if said == "music_keep":
        return CutPart(clause, "keep", "the music stays as it is", topic=topic)
    if said == "music_level":
        return CutPart(clause, "cannot", "the offline editor cannot change the music's level yet; "
                                         "give your own mix with --music", topic=topic)
    return CutPart(clause, "unclear", topic=topic)


def clauses(note: str) -> list[str]:
    return [c.strip(" -:'\"") for c in _CLAUSES.split(note) if c and c.strip(" -:'\"")]


def read_cut_note(note: str) -> CutNote:
    from memory.embeddings import embed_texts

    parts_text = clauses(note)
    vectors = embed_texts(parts_text)
    read: list[CutPart] = []
    for text, vector in zip(parts_text, vectors):
        carried = read[-1].topic if read else ""
        part = _read_clause(text, vector, carried)
        if read and read[-1].request == "unclear" and read[-1].topic and part.topic == read[-1].topic \
                and part.request != "unclear":
            read.pop()  # "I can't read the subtitles, take them out": the second clause says what the first meant
        read.append(part)
    parts = tuple(read)
    requests = [p.request for p in parts]
    pace = 1.0
    if "faster" in requests and "slower" not in requests:
        pace = FASTER_PACE
    elif "slower" in requests and "faster" not in requests:
        pace = SLOWER_PACE
    subtitles_asked = next((("off" if r == "subtitles_off" else "on") for r in reversed(requests)
                            if r.startswith("subtitles_")), None)
    understood = any(r not in ("cannot", "elsewhere", "unclear") for r in requests)
    return CutNote(pace=pace, new_music="new_music" in requests, subtitles=subtitles_asked != "off",
                   understood=understood, subtitles_asked=subtitles_asked, parts=parts)


def cut_decisions(notes: list[str]) -> tuple[CutNote, int]:
    """Every cut note so far, in order, folded into today's decisions: paces multiply, the latest word
    on subtitles wins; returns the decisions and how many new music beds were asked for."""
    pace, subtitles, music_takes = 1.0, True, 0
    for note in notes:
        read = read_cut_note(note)
        pace *= read.pace
        music_takes += read.new_music
        if read.subtitles_asked is not None:
            subtitles = read.subtitles_asked == "on"
    pace = min(max(pace, 0.5), 2.0)
    return CutNote(pace=pace, new_music=music_takes > 0, subtitles=subtitles, understood=True,
                   subtitles_asked=None if subtitles else "off"), music_takes
