"""Motive: a character who states a goal and then acts straight against it, unmotivated.

What a rule engine can see is the letter of the page: "I'll never sell the
lighthouse" followed, with no change of heart shown, by the character selling
it. Whether a motive is *plausible* needs judgement and is left to the model
engine (reported in `not_checked`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.state import Finding, Script
from tools.screenplay.reading import STOPWORDS, quote, sentences, spoken_text, stem, words

_GOAL = re.compile(
    r"\bI(?:'ll|\s+will|\s+won't|'m|\s+am|\s+must|\s+have to|\s+need to|\s+promise|\s+swear|\s+would)?"
    r"(?:\s+going to|\s+gonna|\s+to|\s+I'll)?\s+(?P<neg>never\s+(?:ever\s+)?|not\s+|n't\s+)?"
    r"(?P<verb>[a-z]+)\b(?P<obj>[^.!?,;]*)", re.IGNORECASE)
_WONT = re.compile(r"\bI\s+(?:won't|will not|can't|cannot|refuse to|am not going to|'m not going to|"
                   r"will never|'ll never|never)\s+(?:ever\s+)?(?P<verb>[a-z]+)\b(?P<obj>[^.!?,;]*)", re.IGNORECASE)
_OPPOSITES = {
    "stay": "leave abandon go depart flee walk", "keep": "sell give throw abandon trade destroy",
    "protect": "abandon destroy hurt betray leave attack", "find": "abandon give stop quit",
    "save": "abandon leave destroy", "help": "ignore refuse abandon leave", "trust": "betray",
    "fix": "break smash destroy", "tell": "hide lie", "finish": "quit abandon", "wait": "leave go",
    "forgive": "attack punish", "return": "leave", "hold": "release drop", "guard": "abandon leave",
}
_CHANGE_OF_HEART = re.compile(
    r"\b(?:changes? (?:his|her|their) mind|realiz\w+|realis\w+|no choice|forced|relents|gives in|"
    r"understands|decides|reluctantly|has to|must now|for the first time)\b", re.IGNORECASE)
_PRONOUNS = re.compile(r"^\s*(?:she|he|they)\b", re.IGNORECASE)
# A vow is read against what the character does soon after; an act many scenes on is another story
# (the page in between is too long for a rule engine to say nothing changed their mind).
WITHIN_SCENES = 5


@dataclass(frozen=True)
class Goal:
    character: str
    verb: str  # stem
    negated: bool
    object_stems: frozenset[str]
    scene: int
    line: int
    text: str


def stated_goals(script: Script) -> list[Goal]:
    """Goals and vows characters say out loud."""
    goals: list[Goal] = []
    for scene in script.scenes:
        for el in scene.elements:
            if el.kind != "dialogue" or not el.character:
                continue
            for sent in sentences(spoken_text(el)):
                m = _WONT.search(sent)
                negated = m is not None
                if m is None:
                    m = _GOAL.search(sent)
                    if m is None:
                        continue
                    negated = bool(m.group("neg"))
                verb = stem(m.group("verb"))
                if m.group("verb").lower() in STOPWORDS or len(verb) < 3:
                    continue
                if not negated and verb not in _OPPOSITES:
                    continue
                obj = frozenset(stem(w) for w in words(m.group("obj"))
                                if w.lower() not in STOPWORDS and len(w) > 2)
                goals.append(Goal(el.character, verb, negated, obj, scene.index, el.line, sent.strip()))
    return goals


def _acts(script: Script, goal: Goal):
    """Action sentences after the goal in which its speaker is the one acting."""
    name = goal.character
    pattern = re.compile(rf"\b(?:{re.escape(name)}|{re.escape(name.title())})\b")
    for scene in script.scenes[goal.scene - 1: goal.scene + WITHIN_SCENES]:
        for el in scene.elements:
            if scene.index == goal.scene and el.line and goal.line and el.line <= goal.line:
                continue
            if el.kind != "action":
                continue
            actor_in_view = False
            for sent in sentences(el.text):
                if pattern.search(sent):
                    actor_in_view = True
                    yield scene.index, el.line, sent
                elif actor_in_view and _PRONOUNS.match(sent):
                    yield scene.index, el.line, sent
                else:
                    actor_in_view = False


def motive_findings(script: Script) -> list[Finding]:
    findings: list[Finding] = []
    for goal in stated_goals(script):
        if not goal.object_stems:
            continue  # "I'll wait.": no object, nothing an act could be against
        against = {goal.verb} if goal.negated else {stem(v) for v in _OPPOSITES.get(goal.verb, "").split()}
        between: list[str] = []
        for scene_no, line, sent in _acts(script, goal):
            stems = [stem(w) for w in words(sent)]
            hit = any(s in against for s in stems)
            shares_object = not goal.object_stems or bool(goal.object_stems & set(stems))
            if hit and shares_object and not any(_CHANGE_OF_HEART.search(t) for t in between + [sent]):
                findings.append(Finding(
                    kind="motive_inconsistency", scene=scene_no, line=line or None, character=goal.character,
                    severity="high" if goal.negated else "medium",
                    evidence=f"{goal.character} says {quote(goal.text, 80)} (scene {goal.scene}, line {goal.line}), "
                             f"then {quote(sent, 90)} (scene {scene_no}, line {line}): the act undoes the stated "
                             "goal, with nothing on the page between them to change their mind",
                    suggestion=f"Show what changes {goal.character}'s mind before scene {scene_no} (a loss, a "
                               "discovery, a cost), or keep the act in line with the stated goal."))
                break
            between.append(sent)
    return findings
