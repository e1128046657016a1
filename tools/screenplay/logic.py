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
    "soaked": "rain storm wave water sea river flood spill pour swim drench",
    "drenched": "rain storm wave water sea river flood spill pour swim",
    "flooded": "rain storm wave water flood pipe burst river",
    "destroyed": "destroy smash crash explod fire attack storm wreck", "wrecked": "crash storm smash wreck attack",
    "bleeding": "cut wound hurt injur hit shot stab bite fall", "scorched": "fire burn flame explod blast",
    "smashed": "smash crash hit throw fall drop slam", "dented": "crash hit dent bump slam kick",
    "torn": "tear rip snag catch fight claw", "bruised": "hit fall fight punch crash",
    "charred": "fire burn flame explod", "ruined": "ruin rain spill storm fire crash destroy",
}


def _repeated_act(sentence: str) -> str | None:
    """The act a sentence says happens 'again': the nearest content word before it."""
    m = _AGAIN.search(sentence)
    if not m:
        return None
    before = [w for w in words(sentence[: m.start()])][-2:]
    for w in reversed(before):
        if w.lower() not in STOPWORDS and len(w) > 2:
            return w.lower()
    return None


def _introductions(script: Script) -> dict[str, tuple[int, int, int, str]]:
    """Where each character is introduced in capitals with a description: (scene, element, line, sentence)."""
    intros: dict[str, tuple[int, int, int, str]] = {}
    for scene in script.scenes:
        for k, el in enumerate(scene.elements):
            if el.kind != "action":
                continue
            for c in script.characters:
                if c.name in intros:
                    continue
                m = re.search(rf"\b{re.escape(c.name)}\b\s*(?:\(|,\s*(?:\d|a |an |the |young|old|mid|late|early))",
                              el.text)
                if m:
                    sent = next((s for s in sentences(el.text) if c.name in s), el.text)
                    intros[c.name] = (scene.index, k, el.line, sent)
    return intros


def _first_use(script: Script, name: str) -> tuple[int, int, int, str] | None:
    title = re.compile(rf"\b(?:{re.escape(name)}|{re.escape(name.title())})\b")
    for scene in script.scenes:
        for k, el in enumerate(scene.elements):
            # A voice from off screen (V.O., O.S.) is heard, not seen: no introduction owed yet.
            if el.kind == "dialogue" and el.character == name and not speaks_off_screen(script, el):
                return scene.index, k, el.line, f"{name}: {spoken_text(el)}"
            if el.kind == "action" and title.search(el.text):
                sent = next((s for s in sentences(el.text) if title.search(s)), el.text)
                return scene.index, k, el.line, sent
    return None


def characters_before_introduction(script: Script) -> list[Finding]:
    findings = []
    for name, (i_scene, i_el, i_line, i_sent) in _introductions(script).items():
        use = _first_use(script, name)
        if use is None or (use[0], use[1]) >= (i_scene, i_el):
            continue
        u_scene, _, u_line, u_text = use
        findings.append(Finding(
            kind="logic_gap", scene=u_scene, line=u_line or None, character=name,
            severity="medium" if u_scene < i_scene else "low",
            evidence=f"{name} appears in scene {u_scene} ({quote(u_text, 70)}) but is introduced only in "
                     f"scene {i_scene} ({quote(i_sent, 70)})",
            suggestion=f"Move {name}'s introduction to their first appearance in scene {u_scene}, "
                       "or hold them back until they are introduced."))
    return findings


def _stems_of(text: str) -> set[str]:
    return {stem(w) for w in words(text)}


def _unexplained(sentence: str, earlier: set[str]) -> tuple[str, str] | None:
    """Why a sentence shows an effect with no cause on the page so far, as (evidence, fix)."""
    repeated = _repeated_act(sentence)
    if repeated and stem(repeated) not in earlier:
        return (f"{quote(sentence, 110)} — '{repeated}' happens 'again' but never happened before",
                "Show the first time it happens earlier, or drop 'again'.")
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
    for scene in script.scenes:
        seen |= _stems_of(scene.heading)
        for el in scene.elements:
            if el.kind != "action":
                seen |= _stems_of(spoken_text(el) if el.kind == "dialogue" else el.text)
                continue
            for sentence in sentences(el.text):
                problem = _unexplained(sentence, seen)
                if problem:
                    findings.append(Finding(kind="logic_gap", scene=scene.index, line=el.line or None,
                                            severity="medium", evidence=problem[0], suggestion=problem[1]))
                seen |= _stems_of(sentence)
    return findings


def logic_gaps(script: Script) -> list[Finding]:
    return characters_before_introduction(script) + effects_without_cause(script)
