"""Logic gaps: people used before they exist, effects with no cause on the page.

Only gaps the page itself proves are reported: a character whose introduction
(NAME in capitals with a description) comes after they already spoke or acted;
"again" for something that never happened; a state (broken, soaked, burned)
or an aftermath ("after the fire") whose cause the film never shows.
"""

from __future__ import annotations

import re

from graph.state import Finding, Script
from tools.screenplay.fountain_io import speaks_off_screen
from tools.screenplay.mentions import can_be, forms, is_title_card
from tools.screenplay.reading import STOPWORDS, quote, sentences, spoken_text, stem, words

_AGAIN = re.compile(r"\b(?:again|once more)\b", re.IGNORECASE)
_AFTERMATH = re.compile(r"\b(?:after|since|because of|following|still shaken by|aftermath of) the ([a-z\-]+)\b",
                        re.IGNORECASE)
_EVENTS = {stem(w) for w in """storm fire crash fight accident explosion flood attack argument blackout chase
fall quake earthquake war break-in robbery shooting wreck collapse funeral battle raid outage""".split()}
_STATE = re.compile(r"\b(?:is|are|lies|lie|sits|sit|stands|stand|hangs|looks|now|still|already)\s+(?:still\s+|now\s+)?"
                    r"(broken|shattered|bandaged|burned|burnt|soaked|drenched|flooded|destroyed|wrecked|bleeding|"
                    r"scorched|smashed|dented|torn|bruised|charred|ruined)\b", re.IGNORECASE)
_CAUSES = {
    "broken": "break smash crash fall drop hit shatter snap crack slam kick throw",
    "shattered": "break smash crash fall drop hit shatter throw explod",
    "bandaged": "cut wound hurt injur fall bleed bite scratch hit shot",
    "burned": "fire burn flame blaze explod spark heat", "burnt": "fire burn flame blaze explod spark",
    "soaked": "rain storm wave water sea river flood spill pour swim drench wet",
    "drenched": "rain storm wave water sea river flood spill pour swim wet",
    "flooded": "rain storm wave water flood pipe burst river",
    "destroyed": "destroy smash crash explod fire attack storm wreck", "wrecked": "crash storm smash wreck attack",
    "bleeding": "cut wound hurt injur hit shot stab bite fall", "scorched": "fire burn flame explod blast",
    "smashed": "smash crash hit throw fall drop slam", "dented": "crash hit dent bump slam kick",
    "torn": "tear rip snag catch fight claw", "bruised": "hit fall fight punch crash",
    "charred": "fire burn flame explod", "ruined": "ruin rain spill storm fire crash destroy",
}


def _repeated_act(sentence: str) -> tuple[str, str, list[str]] | None:
    """The act a sentence says happens 'again': (verb as written, its subject's head word, its object's words).

    The act is the nearest inflected verb before 'again' ("slices the air again" -> slices, not air);
    without one the sentence is not read at all.
    """
    m = _AGAIN.search(sentence)
    if not m:
        return None
    before = words(sentence[: m.start()])
    for i in range(len(before) - 1, -1, -1):
        w = before[i].lower()
        if w in STOPWORDS or len(w) <= 2 or not can_be(w, "VERB"):
            continue
        if not (forms(w) - {w}):  # 'air' is a verb only in its bare form: no inflection, no act
            continue
        subject = [x for x in before[:i] if x.lower() not in STOPWORDS]
        objects = [re.sub(r"'s$", "", x.lower()) for x in before[i + 1:] if x.lower() not in STOPWORDS]
        return w, (subject[-1] if subject else ""), objects
    return None


def _intro_mark(name: str) -> re.Pattern:
    # The name in capitals as a whole word, alone or inside a longer name ("EDWARD BLOOM, 40's").
    return re.compile(rf"(?<![A-Za-z']){re.escape(name)}(?![A-Za-z'])")


def _introductions(script: Script) -> dict[str, tuple[int, int, int, str]]:
    """Where each character is first written in capitals in an action line: (scene, element, line, sentence).

    Only those first capitals that read as an introduction (a description or age after the name)
    are kept: a name capitalised for emphasis later on is not an introduction owed.
    """
    intros: dict[str, tuple[int, int, int, str]] = {}
    pending = {c.name: _intro_mark(c.name) for c in script.characters}
    for scene in script.scenes:
        if is_title_card(scene):
            continue
        for k, el in enumerate(scene.elements):
            if el.kind != "action" or not pending:
                continue
            for name, mark in list(pending.items()):
                m = mark.search(el.text)
                if not m:
                    continue
                del pending[name]
                described = re.match(r"[A-Z'\- ]*\s*(?:\(|,\s*(?:\d|a |an |the |young|old|mid|late|early|his|her))",
                                     el.text[m.end():])
                if described:
                    sent = next((s for s in sentences(el.text) if mark.search(s)), el.text)
                    intros[name] = (scene.index, k, el.line, sent)
    return intros


def _first_use(script: Script, name: str, before_scene: int) -> tuple[int, int, int, str] | None:
    """The first time a character speaks on screen or is named (not in capitals) in action."""
    title = re.compile(rf"(?<![A-Za-z']){re.escape(name.title())}(?![A-Za-z'])")
    for scene in script.scenes[: before_scene - 1]:
        for k, el in enumerate(scene.elements):
            # A voice from off screen (V.O., O.S.) is heard, not seen: no introduction owed yet.
            if el.kind == "dialogue" and el.character == name and not speaks_off_screen(script, el):
                return scene.index, k, el.line, f"{name}: {spoken_text(el)}"
            if el.kind == "action":
                for sent in sentences(el.text):
                    if any(_acts(sent, m.end()) for m in title.finditer(sent)):
                        return scene.index, k, el.line, sent
    return None


def _acts(sentence: str, end: int) -> bool:
    """Whether the name ending at `end` is doing something ("Biscuit bounds after the ball"), not just
    spoken of or to ("she listens to Tanya and Simon" on the phone)."""
    after = re.match(r"\s*(?:and [A-Z][a-z]+\s+)?([a-z][a-z'\-]+)", sentence[end:])
    return bool(after) and can_be(after.group(1), "VERB") and after.group(1) not in STOPWORDS


def characters_before_introduction(script: Script) -> list[Finding]:
    """Characters who speak or act in a scene before the one that introduces them in capitals."""
    findings = []
    for name, (i_scene, _, i_line, i_sent) in _introductions(script).items():
        use = _first_use(script, name, i_scene)
        if use is None:
            continue
        u_scene, _, u_line, u_text = use
        findings.append(Finding(
            kind="logic_gap", scene=u_scene, line=u_line or None, character=name, severity="medium",
            evidence=f"{name} appears in scene {u_scene} at line {u_line} ({quote(u_text, 70)}) but is introduced "
                     f"only in scene {i_scene} at line {i_line} ({quote(i_sent, 70)})",
            suggestion=f"Move {name}'s introduction to their first appearance in scene {u_scene}, "
                       "or hold them back until they are introduced."))
    return findings


def _stems_of(text: str) -> set[str]:
    return {stem(w) for w in words(text)}


def _forms_of(text: str) -> set[str]:
    return {f for w in words(text) for f in forms(w)}


def _unexplained(sentence: str, earlier: set[str], earlier_forms: set[str] = frozenset(),
                 in_scene: set[str] = frozenset(), together=None) -> tuple[str, str] | None:
    """Why a sentence shows an effect with no cause on the page so far, as (evidence, fix).

    `earlier` holds the stems read so far, `earlier_forms` the word forms, `in_scene` the words of
    this scene's earlier sentences: someone already acting in the scene who does something 'again'
    is going on with what they were doing ("Don decks him ... Don slugs him again").
    """
    repeated = _repeated_act(sentence)
    if repeated:
        verb, subject, objects = repeated
        # Someone or something already handled in this scene is being handled again ("yanks the
        # paper tray out ... pulls the paper tray again"): a continuation, not a missing first time.
        handled = subject.lower() in in_scene or any(o in in_scene for o in objects)
        # "He tries again" after he already acted in this scene: the same attempt, once more.
        handled = handled or (not subject and bool(in_scene))
        # "The camera lays on the bed again" when the camera sat on the bed scenes ago: the same situation.
        handled = handled or bool(together and subject and together(subject.lower(), objects))
        if not (forms(verb) & earlier_forms or stem(verb) in earlier or handled):
            return (f"{quote(sentence, 110)} — '{verb}' happens 'again' but never happened before",
                    "Show the first time it happens earlier, or drop 'again'.")
        return None
    m = _AFTERMATH.search(sentence)
    if m and stem(m.group(1)) in _EVENTS and stem(m.group(1)) not in earlier:
        event = m.group(1).lower()
        return (f"{quote(sentence, 110)} — the {event} is referred to but never shown",
                f"Show the {event} (or a glimpse of it) before this moment, "
                "or give the audience a line that tells them it happened.")
    m = _STATE.search(sentence)
    # "is torn away", "is blown open": the event happening, not an unexplained state.
    if m is None or re.match(r"\s+(?:away|off|apart|open|loose|by|from)\b", sentence[m.end():]):
        return None
    state = m.group(1).lower()
    causes = _CAUSES.get(state, "").split()
    known = earlier | _stems_of(sentence)
    if causes and not any(s.startswith(c[:5]) for c in causes for s in known):
        return (f"{quote(sentence, 110)} — nothing on the page made it {state}",
                f"Plant the cause of it being {state} in an earlier beat.")
    return None


def effects_without_cause(script: Script) -> list[Finding]:
    """Effects the page never caused. One pass, carrying what has been seen so far."""
    findings: list[Finding] = []
    seen: set[str] = set()
    seen_forms: set[str] = set()
    sentences_with: dict[str, set[int]] = {}  # word -> earlier action sentences (numbered) that hold it
    count = 0

    def together(subject: str, objects: list[str]) -> bool:
        with_subject = sentences_with.get(subject, set())
        return any(with_subject & sentences_with.get(o, set()) for o in objects)

    for scene in script.scenes:
        seen |= _stems_of(scene.heading)
        seen_forms |= _forms_of(scene.heading)
        in_scene: set[str] = set()
        for el in scene.elements:
            if el.kind != "action":
                text = spoken_text(el) if el.kind == "dialogue" else el.text
                seen |= _stems_of(text)
                seen_forms |= _forms_of(text)
                continue
            for sentence in sentences(el.text):
                problem = _unexplained(sentence, seen, seen_forms, in_scene, together)
                if problem:
                    findings.append(Finding(kind="logic_gap", scene=scene.index, line=el.line or None,
                                            severity="medium", evidence=f"line {el.line}: {problem[0]}",
                                            suggestion=problem[1]))
                seen |= _stems_of(sentence)
                seen_forms |= _forms_of(sentence)
                in_scene |= {w.lower() for w in words(sentence)}
                count += 1
                for w in {re.sub(r"'s$", "", w.lower()) for w in words(sentence)}:
                    sentences_with.setdefault(w, set()).add(count)
    return findings


def logic_gaps(script: Script) -> list[Finding]:
    return characters_before_introduction(script) + effects_without_cause(script)
