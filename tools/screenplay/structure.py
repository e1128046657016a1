"""Structure: screen time per scene, the role each scene plays, and act balance.

A short film still turns on an inciting incident (roughly the first quarter)
and a climax (roughly the last third, before a short resolution). Scenes are
placed by their estimated screen time, not by their count, because one long
scene can hold a whole act.
"""

from __future__ import annotations

import re

from graph.state import Finding, MoodPoint, SceneSummary, Script
from tools.screenplay.reading import quote, scene_seconds, scene_text

# What an inciting incident usually reads like on the page.
_INCITING = re.compile(
    r"\b(?:suddenly|discover\w*|finds?|found|arriv\w*|appear\w*|washe[sd]|storm\w*|call(?:s|ed)?|"
    r"letter|news|message|knock\w*|stranger|missing|vanish\w*|lost|breaks?|broken|crash\w*|alarm\w*|"
    r"explod\w*|notices?|spots?|reveal\w*|invitation|accident|fired|dies|dead|threat\w*|chase\w*|"
    r"steal\w*|stolen|kidnap\w*|disappear\w*|emergency|wakes?|strange|mysterious)\b", re.IGNORECASE)

INCITING_LATEST = 0.45
CLIMAX_EARLIEST = 0.4


def durations(script: Script) -> list[float]:
    return [scene_seconds(s) for s in script.scenes]


def _midpoints(secs: list[float]) -> list[float]:
    total = sum(secs) or 1.0
    out, run = [], 0.0
    for s in secs:
        out.append((run + s / 2) / total)
        run += s
    return out


def _starts(secs: list[float]) -> list[float]:
    total = sum(secs) or 1.0
    out, run = [], 0.0
    for s in secs:
        out.append(run / total)
        run += s
    return out


def inciting_scene(script: Script, curve: list[MoodPoint]) -> int | None:
    """0-based scene that sets the story going: an event word, or a clear change of mood."""
    for i in range(1, len(script.scenes)):
        if _INCITING.search(scene_text(script.scenes[i])):
            return i
        if abs(curve[i].valence - curve[i - 1].valence) >= 0.45 or curve[i].intensity - curve[0].intensity >= 0.2:
            return i
    if len(script.scenes) >= 1 and _INCITING.search(scene_text(script.scenes[0])):
        return 0
    return None


def climax_scene(script: Script, curve: list[MoodPoint]) -> int:
    """0-based scene of the climax: the most intense scene, ties going to the later one."""
    best = 0
    for i, point in enumerate(curve):
        if point.intensity >= curve[best].intensity - 1e-9:
            best = i
    return best


def scene_roles(script: Script, curve: list[MoodPoint]) -> list[str]:
    n = len(script.scenes)
    roles = ["rising action"] * n
    if n == 0:
        return roles
    inciting = inciting_scene(script, curve)
    climax = climax_scene(script, curve)
    for i in range(n):
        if inciting is not None and i < inciting:
            roles[i] = "setup"
        elif i > climax:
            roles[i] = "resolution"
    if inciting is not None:
        roles[inciting] = "inciting incident"
    roles[climax] = "climax" if roles[climax] != "inciting incident" or n == 1 else "inciting incident and climax"
    if inciting is None and n > 1 and climax != 0:
        roles[0] = "setup"
    return roles


def summarise(script: Script, curve: list[MoodPoint]) -> list[SceneSummary]:
    roles = scene_roles(script, curve)
    return [SceneSummary(index=s.index, heading=s.heading, est_duration_s=secs, role=role)
            for s, secs, role in zip(script.scenes, durations(script), roles)]


def structure_findings(script: Script, curve: list[MoodPoint]) -> list[Finding]:
    """Missing or misplaced inciting incident and climax, and acts out of balance."""
    n = len(script.scenes)
    if n < 3:
        return []
    secs = durations(script)
    starts, mids = _starts(secs), _midpoints(secs)
    findings: list[Finding] = []
    inciting = inciting_scene(script, curve)
    climax = climax_scene(script, curve)
    if inciting is None:
        findings.append(Finding(
            kind="structure", scene=1, severity="medium",
            evidence=f"no scene in the first half changes the situation; scene 1 {quote(scene_text(script.scenes[0]), 90)}",
            suggestion="Give the protagonist an event to react to within the first quarter: a discovery, "
                       "an arrival, a loss that forces a choice."))
    elif starts[inciting] > INCITING_LATEST:
        findings.append(Finding(
            kind="structure", scene=inciting + 1, severity="medium",
            evidence=f"the inciting incident arrives {starts[inciting]:.0%} into the film "
                     f"({script.scenes[inciting].heading}); act one runs ~{sum(secs[:inciting]):.0f}s of ~{sum(secs):.0f}s",
            suggestion=f"Condense scenes 1-{inciting} into one establishing beat so the story starts "
                       "within the first quarter."))
    if mids[climax] < CLIMAX_EARLIEST and climax < n - 2:
        later_peak = max(p.intensity for p in curve[climax + 1:])
        findings.append(Finding(
            kind="structure", scene=climax + 1, severity="medium",
            evidence=f"the most intense scene sits {mids[climax]:.0%} into the film "
                     f"(intensity {curve[climax].intensity:.2f}; nothing after it passes {later_peak:.2f})",
            suggestion="Move the peak later or build a bigger confrontation in the last third, so the film "
                       "rises instead of winding down after its high point."))
    tail = sum(secs[climax + 1:]) / (sum(secs) or 1)
    if climax >= CLIMAX_EARLIEST * n and tail > 0.4:
        findings.append(Finding(
            kind="structure", scene=climax + 2 if climax + 1 < n else climax + 1, severity="low",
            evidence=f"after the climax ({script.scenes[climax].heading}) the resolution runs {tail:.0%} of the film",
            suggestion="Trim the ending to one or two images; the audience is gone once the climax resolves."))
    return findings
