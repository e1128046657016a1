"""The emotional curve: valence and intensity per scene, abrupt swings, and pacing.

Valence is VADER's compound score over the scene's sentences; intensity mixes
how charged those sentences are with how much physical energy the action
describes, because a chase can be written in neutral words.
"""

from __future__ import annotations

import re

from graph.state import Finding, MoodPoint, Script
from tools.screenplay.mentions import is_title_card, line_of, runs_on
from tools.screenplay.reading import quote, scene_seconds, scene_text, sentences, spoken_text, stem, vader, words

# Verbs and nouns that put energy on screen regardless of sentiment.
_ENERGY = {stem(w) for w in """
run runs racing races race chase chases explode explodes explosion crash crashes scream screams
fight fights grab grabs fall falls leap leaps jump jumps slam slams smash smashes shatter shatters burst
bursts fire fires flee flees struggle struggles lunge lunges dive dives storm thunder lightning alarm
siren sirens collapse collapses hurl hurls punch punches strike strikes roar roars surge surges plunge
plunges sprint sprints dodge dodges blast blasts rescue rescues drag drags swerve swerves tumble tumbles
shout shouts yell yells wave waves flood floods rip rips crush crushes scramble scrambles
hammer hammers flare flares die dies dead blind freeze freezes thud bang boom danger drown drowns
trapped panic panics gasp gasps lurch lurches pound pounds stagger staggers flash flashes clash
grapple wrestle hunt hunts escape escapes attack attacks crumble rattle rattles tremble trembles
""".split()}
_BRIDGE = re.compile(
    r"^\s*(?:later|hours later|days later|weeks later|moments later|the next|next morning|meanwhile|slowly|"
    r"after|eventually|in time|time passes|gradually|still)\b", re.IGNORECASE)

_CARD = re.compile(r"^\s*(?:TITLE|SUPER|CARD|CHYRON|SUBTITLE)\s*:", re.IGNORECASE)
JUMP_SCENE = 0.3  # scene-average valence change
JUMP_LEAD_IN = 0.6  # how hard the new scene's opening lines land against the last scene's mood
JUMP_LEANING = 0.25  # the last scene already ending in the new mood prepares the audience
LONG_SPEECH_WORDS = 60


def _scores(text: str) -> list[float]:
    analyzer = vader()
    return [analyzer.polarity_scores(s)["compound"] for s in sentences(text)]


def _valence(scores: list[float]) -> float:
    if not scores:
        return 0.0
    charged = [c for c in scores if abs(c) >= 0.05]
    # Neutral sentences dilute less than charged ones count, so one bright line
    # in a page of stage directions still reads as bright.
    return max(-1.0, min(1.0, sum(charged) / (len(charged) + 0.5 * (len(scores) - len(charged)) or 1)))


def mood_curve(script: Script) -> list[MoodPoint]:
    """Valence (-1..1) and intensity (0..1) of every scene."""
    points: list[MoodPoint] = []
    for scene in script.scenes:
        text = scene_text(scene)
        scores = _scores(text)
        n = max(1, len(scores))
        charge = sum(abs(c) for c in scores) / n
        energy = sum(1 for w in words(text) if stem(w) in _ENERGY) / n
        shouts = (text.count("!") + len(re.findall(r"\b[A-Z]{4,}\b", text)) * 0.3) / n
        intensity = 0.45 * charge + 0.4 * min(1.0, 1.5 * energy) + 0.15 * min(1.0, shouts)
        points.append(MoodPoint(scene=scene.index, valence=round(_valence(scores), 3),
                                intensity=round(min(1.0, intensity), 3)))
    return points


def _edge(script: Script, index: int, tail: bool) -> tuple[float, str]:
    """Mood of the last (tail) or first sentences of a scene, with the sentence quoted."""
    scene = script.scenes[index]
    # A card on the page ("TITLE: NEW YORK, 2012", "SUPER: ...") is a caption, not the scene's mood.
    body = [spoken_text(el) if el.kind == "dialogue" else el.text for el in scene.elements
            if el.kind != "transition" and not _CARD.match(el.text)]
    sents = sentences("\n".join(body))
    picked = sents[-2:] if tail else sents[:2]
    if not picked:
        return 0.0, ""
    scores = _scores(" ".join(picked))
    return sum(scores) / len(scores), picked[-1] if tail else picked[0]


def _last_line(scene) -> int:
    return next((el.line for el in reversed(scene.elements) if el.line), 0)


def _bridged(script: Script, index: int) -> bool:
    """Whether the cut into scene `index` (0-based) is softened by a transition."""
    before, after = script.scenes[index - 1], script.scenes[index]
    if before.elements and before.elements[-1].kind == "transition":
        return True
    first = next((el for el in after.elements), None)
    if first and first.kind == "dialogue" and re.match(r"\s*(?:\.\.\.|…|--)", first.text):
        return True  # "...particularly me": a speech carried on across an intercut, no cut in mood
    return bool(first and (first.kind == "transition" or (first.kind == "action" and _BRIDGE.match(first.text))))


def mood_jumps(script: Script, curve: list[MoodPoint]) -> list[Finding]:
    """Emotional swings across a hard cut with nothing to carry the audience across.

    A swing is a jump when the new scene *opens* hard in the new mood and the
    scene before did not already lean that way at its end; a turn that builds
    inside a scene, or a cut softened by a transition, leads the audience through.
    """
    findings: list[Finding] = []
    for i in range(1, len(curve)):
        swing = curve[i].valence - curve[i - 1].valence
        if abs(swing) < JUMP_SCENE or _bridged(script, i):
            continue
        # One continuous sequence (shot headings of one chase, the same place, CONTINUOUS): no cut to jump.
        if runs_on(script.scenes[i - 1], script.scenes[i]) or is_title_card(script.scenes[i - 1]):
            continue
        # A one-image scene sets no mood of its own to jump from: it is itself the bridge.
        if len(sentences(scene_text(script.scenes[i - 1]))) < 2:
            continue
        end_mood, end_line = _edge(script, i - 1, tail=True)
        start_mood, start_line = _edge(script, i, tail=False)
        lead_in = start_mood - curve[i - 1].valence
        leaning = end_mood * (1 if swing > 0 else -1)
        if not start_line or lead_in * swing <= 0 or abs(lead_in) < JUMP_LEAD_IN or leaning >= JUMP_LEANING:
            continue
        direction = "bright to dark" if swing < 0 else "dark to bright"
        findings.append(Finding(
            kind="mood_jump", scene=i + 1, line=script.scenes[i].elements[0].line or None,
            severity="medium" if abs(lead_in) >= 0.7 or abs(swing) >= 0.6 else "low",
            evidence=f"scene {i} ends at line {_last_line(script.scenes[i - 1])} {quote(end_line, 80)} "
                     f"({end_mood:+.2f}); scene {i + 1} opens at line {script.scenes[i].elements[0].line} "
                     f"{quote(start_line, 80)} ({start_mood:+.2f})",
            suggestion=f"The mood flips {direction} on a hard cut. Add a transition beat: let scene {i} end on "
                       f"a hint of what is coming, or open scene {i + 1} on a reaction before the new mood lands."))
    return findings


def pacing(script: Script) -> list[Finding]:
    """Stretches too slow (one scene eating the film, a long speech) or too rushed (a run of blips)."""
    findings: list[Finding] = []
    durations = [scene_seconds(s) for s in script.scenes]
    total = sum(durations) or 1.0
    ordered = sorted(durations)
    median = ordered[len(ordered) // 2]
    for scene, secs in zip(script.scenes, durations):
        if len(durations) >= 3 and secs > max(2.5 * median, 20.0) and secs / total > 0.35:
            findings.append(Finding(
                kind="pacing", scene=scene.index, line=scene.elements[0].line if scene.elements else None,
                severity="medium",
                evidence=f"{scene.heading} runs ~{secs:.0f}s of ~{total:.0f}s ({secs / total:.0%}); "
                         f"the median scene runs ~{median:.0f}s",
                suggestion="Condense this scene: keep its turning beat and one exchange, move the rest into "
                           "images in other scenes, or split it around a cutaway."))
        for el in scene.elements:
            n = len(words(spoken_text(el))) if el.kind == "dialogue" else 0
            if n >= LONG_SPEECH_WORDS:
                findings.append(Finding(
                    kind="pacing", scene=scene.index, line=el.line or None, character=el.character,
                    severity="low",
                    evidence=f"{el.character} speaks {n} words in one go (~{n / 2.5:.0f}s): {quote(el.text, 90)}",
                    suggestion="Break the speech with action or a reply, or cut it to the one line that matters."))
    run: list[int] = []
    for i, secs in enumerate(durations + [1e9]):
        if secs <= 3.5 and median >= 7.0:
            run.append(i)
            continue
        if len(run) >= 3:
            first = script.scenes[run[0]]
            findings.append(Finding(
                kind="pacing", scene=first.index, severity="low",
                line=next((line_of(script.scenes[j]) for j in run if line_of(script.scenes[j])), None),
                evidence=f"scenes {run[0] + 1}-{run[-1] + 1} each run about 3s or less: "
                         + ", ".join(script.scenes[j].heading for j in run),
                suggestion="Merge these flashes into one montage scene, or give one of them a beat to breathe."))
        run = []
    return findings
