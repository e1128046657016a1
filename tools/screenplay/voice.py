"""Character voice: how each character talks, and lines that fall outside it.

A voice profile is measured from a character's own lines: sentence length,
word length, register (contractions and slang against formal words),
punctuation and verbal habits. Each line is compared with the profile built
from the character's *other* lines, so one odd line cannot hide itself.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from graph.state import Finding, Script
from tools.screenplay.reading import quote, sentences, spoken_text, words

_SLANG = {"gonna", "wanna", "gotta", "ain't", "yeah", "yep", "nope", "kid", "y'all", "dude", "hey", "nah",
          "kinda", "sorta", "ya", "'em", "lemme", "dunno", "c'mon", "okay", "ok", "huh", "stuff", "guys", "cool",
          "buddy", "pal", "damn", "hell", "crap", "whatever", "man", "uh", "um"}
_FORMAL = {"indeed", "shall", "therefore", "perhaps", "moreover", "certainly", "whom", "thus", "hence",
           "furthermore", "nevertheless", "however", "regarding", "shan't", "must", "profoundly", "exquisite",
           "confess", "merely", "utterly", "quite", "rather", "splendid", "pardon", "madam", "sir", "whilst",
           "notwithstanding", "endeavour", "endeavor", "consequently", "accordingly", "albeit", "beg"}
MIN_LINES = 4  # fewer lines than this are too few to know how someone talks
MIN_WORDS = 5  # "Screw." is an exclamation, not a voice


@dataclass
class VoiceProfile:
    """How a character talks, measured over their lines."""

    name: str
    lines: int = 0
    words_per_sentence: float = 0.0
    word_length: float = 0.0
    contraction_rate: float = 0.0
    register: float = 0.0  # -1 casual .. +1 formal
    exclaim_rate: float = 0.0
    question_rate: float = 0.0
    habits: list[str] = field(default_factory=list)

    def describe(self) -> str:
        reg = "formal" if self.register > 0.2 else "casual" if self.register < -0.2 else "plain"
        return (f"{self.words_per_sentence:.0f} words a sentence, {reg} register, "
                f"{self.contraction_rate:.0%} contractions"
                + (f", habits: {', '.join(self.habits)}" if self.habits else ""))


@dataclass
class _LineFeatures:
    words_per_sentence: float
    word_length: float
    contraction_rate: float
    register: float
    exclaim: float
    question: float


def _features(text: str) -> _LineFeatures:
    ws = words(text)
    n = max(1, len(ws))
    sents = max(1, len(sentences(text)))
    lower = [w.lower() for w in ws]
    slang = sum(1 for w in lower if w in _SLANG) + sum(1 for w in lower if w.endswith("in'"))
    formal = sum(1 for w in lower if w in _FORMAL)
    register = (formal - slang) / max(1.0, (formal + slang) ** 0.5 * 1.5) if formal + slang else 0.0
    return _LineFeatures(
        words_per_sentence=len(ws) / sents,
        word_length=sum(len(w) for w in ws) / n,
        contraction_rate=sum(1 for w in lower if "'" in w.strip("'")) / n,
        register=max(-1.0, min(1.0, register)),
        exclaim=text.count("!") / sents,
        question=text.count("?") / sents,
    )


def _lines_by_character(script: Script) -> dict[str, list[tuple[int, int, str]]]:
    return {name: [(s, n, t) for s, n, t, _ in lines] for name, lines in _lines_with_cues(script).items()}


def _lines_with_cues(script: Script) -> dict[str, list[tuple[int, int, str, str]]]:
    """(scene, line, text, how the page frames it: parenthetical and the action just before) per speaker."""
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for scene in script.scenes:
        before = ""
        for el in scene.elements:
            if el.kind == "dialogue" and el.character:
                text = spoken_text(el)
                inline = " ".join(re.findall(r"\(([^)]*)\)", el.text))
                if words(text):
                    frame = " ".join(x for x in (el.parenthetical or "", inline, before) if x)
                    out.setdefault(el.character, []).append((scene.index, el.line, text, frame))
            before = sentences(el.text)[-1] if el.kind == "action" and sentences(el.text) else ""
    return out


# How a page says a line is delivered out of the speaker's own voice.
_DELIVERIES = ("imitating someone else's voice", "mocking someone", "preaching a sermon", "reading aloud",
               "reciting or quoting", "telling a story", "putting on an accent", "pretending to be someone")


def _framed(frames: list[str]) -> list[bool]:
    """Whether each frame (parenthetical + the action before a line) explains a change of voice."""
    import numpy as np

    from memory.embeddings import embed_texts

    # Clause by clause: "Kira stops, mocking her old teacher" frames the line in its second half.
    clauses = [[c.strip() for c in re.split(r"[,;:()\u2014]|--", f) if len(c.strip()) > 2] for f in frames]
    flat = [c for cs in clauses for c in cs]
    if not flat:
        return [False] * len(frames)
    best = (embed_texts(flat) @ embed_texts(list(_DELIVERIES)).T).max(axis=1)
    out, k = [], 0
    for cs in clauses:
        out.append(bool(np.any(best[k:k + len(cs)] >= FRAMED_SIMILARITY)))
        k += len(cs)
    return out


FRAMED_SIMILARITY = 0.4  # plain stage business ("Kira stops.", "(to Will)") sits below 0.25


def _profile(name: str, texts: list[str]) -> VoiceProfile:
    feats = [_features(t) for t in texts]
    first_words = [words(t)[0].lower() for t in texts if words(t)]
    habits = sorted({w for w in first_words if first_words.count(w) >= 2 and len(texts) >= 3})
    endings = [t.strip()[-3:] for t in texts]
    if endings.count("...") >= 2:
        habits.append("trails off (...)")
    return VoiceProfile(
        name=name, lines=len(texts),
        words_per_sentence=statistics.fmean(f.words_per_sentence for f in feats),
        word_length=statistics.fmean(f.word_length for f in feats),
        contraction_rate=statistics.fmean(f.contraction_rate for f in feats),
        register=statistics.fmean(f.register for f in feats),
        exclaim_rate=statistics.fmean(f.exclaim for f in feats),
        question_rate=statistics.fmean(f.question for f in feats),
        habits=habits[:4],
    )


def voice_profiles(script: Script) -> dict[str, VoiceProfile]:
    """A profile for every speaking character."""
    return {name: _profile(name, [t for _, _, t in lines]) for name, lines in _lines_by_character(script).items()}


class _Totals:
    """Sums over all of a character's lines, so 'every line but this one' costs O(1) per line."""

    FIELDS = ("words_per_sentence", "word_length", "contraction_rate", "register")

    def __init__(self, feats: list[_LineFeatures]):
        self.n = len(feats)
        self.sums = {f: sum(getattr(x, f) for x in feats) for f in self.FIELDS}
        self.squares = sum(x.words_per_sentence ** 2 for x in feats)

    def mean_without(self, field_name: str, line: _LineFeatures) -> float:
        return (self.sums[field_name] - getattr(line, field_name)) / (self.n - 1)

    def wps_spread_without(self, line: _LineFeatures) -> float:
        mean = self.mean_without("words_per_sentence", line)
        squares = (self.squares - line.words_per_sentence ** 2) / (self.n - 1)
        return max(0.0, squares - mean * mean) ** 0.5


def _distance(line: _LineFeatures, totals: _Totals) -> tuple[float, list[str]]:
    """How far a line sits from the character's other lines, with the reasons in words."""
    reasons: list[str] = []
    score = 0.0
    mean_wps = totals.mean_without("words_per_sentence", line)
    spread = max(2.5, totals.wps_spread_without(line), 0.35 * mean_wps)
    z = (line.words_per_sentence - mean_wps) / spread
    if abs(z) >= 2.0 and abs(line.words_per_sentence - mean_wps) >= 6:
        score += min(2.0, abs(z) / 2)
        reasons.append(f"{line.words_per_sentence:.0f}-word sentences against a usual {mean_wps:.0f}")
    wl = totals.mean_without("word_length", line)
    if line.word_length - wl >= 1.3:
        score += 1.0
        reasons.append(f"longer words ({line.word_length:.1f} letters against {wl:.1f})")
    reg = totals.mean_without("register", line)
    if abs(line.register - reg) >= 0.9:
        score += 1.5
        reasons.append("formal where they are casual" if line.register > reg else "slangy where they are formal")
    con = totals.mean_without("contraction_rate", line)
    if con >= 0.08 and line.contraction_rate == 0 and line.words_per_sentence >= 8:
        score += 0.5
        reasons.append("no contractions from someone who always uses them")
    return score, reasons


def voice_findings(script: Script) -> list[Finding]:
    """Lines far outside their speaker's voice, each set against the speaker's most typical line.

    A line the page frames as another way of talking (a parenthetical, "preaching", "imitating
    his father" in the action before it) is the writer's choice, not a slip, and is left alone.
    """
    findings: list[Finding] = []
    for name, lines in _lines_with_cues(script).items():
        if len(lines) < MIN_LINES:
            continue
        feats = [_features(t) for _, _, t, _ in lines]
        totals = _Totals(feats)
        odd = []
        for i, (scene, line_no, text, frame) in enumerate(lines):
            score, reasons = _distance(feats[i], totals)
            if score >= 2.0 and len(reasons) >= 2 and len(words(text)) >= MIN_WORDS:
                odd.append((i, score, reasons, frame))
        framed = _framed([frame for *_, frame in odd])
        for (i, score, reasons, _), explained in zip(odd, framed):
            if explained:
                continue
            scene, line_no, text, _ = lines[i]
            others = [j for j in range(len(lines)) if j != i]
            profile = _profile(name, [lines[j][2] for j in others])
            typical = min(others, key=lambda j: abs(feats[j].words_per_sentence - profile.words_per_sentence)
                          + abs(feats[j].register - profile.register) * 5)
            findings.append(Finding(
                kind="voice_inconsistency", scene=scene, line=line_no or None, character=name,
                severity="medium" if score >= 3 else "low",
                evidence=f"{name} at line {line_no}: {quote(text, 110)} against their usual voice, e.g. line "
                         f"{lines[typical][1]}: {quote(lines[typical][2], 70)} — {'; '.join(reasons)} "
                         f"(usual voice: {profile.describe()})",
                suggestion=f"Rewrite the line in {name}'s own voice, or show on screen what changes how "
                           f"{name} talks here."))
    return findings
