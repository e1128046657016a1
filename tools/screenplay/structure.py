"""Structure: screen time per scene, the role each scene plays, and act balance.

A short film still turns on an inciting incident (roughly the first quarter)
and a climax (roughly the last third, before a short resolution). Scenes are
placed by their estimated screen time, not by their count, because one long
scene can hold a whole act.
"""

from __future__ import annotations

import re

from graph.state import Finding, MoodPoint, SceneSummary, Script
from tools.screenplay.mentions import index_of, is_master_heading, is_title_card, line_of, shape
from tools.screenplay.reading import quote, scene_seconds, scene_text

# What an inciting incident usually reads like on the page.
_INCITING = re.compile(
    r"\b(?:suddenly|discover\w*|finds?|found|arriv\w*|appear\w*|washe[sd]|storm\w*|call(?:s|ed)?|"
    r"letter|news|message|knock\w*|stranger|missing|vanish\w*|lost|breaks?|broken|crash\w*|alarm\w*|"
    r"explod\w*|notices?|spots?|reveal\w*|invitation|accident|fired|dies|dead|threat\w*|chase\w*|"
    r"steal\w*|stolen|kidnap\w*|disappear\w*|emergency|strange|mysterious|thud|bang|boom|"
    r"die|dies|died|blackout|power cut|flickers? and die|collapses?|falls? ill|diagnos\w*|evict\w*|"
    r"ashore|intruder|bursts? in|shatter\w*|trapped|escap\w*|attack\w*|warning|lose|loses|oh no|"
    r"drones?|police|beacon|follow\w*|shriek\w*|danger\w*|gun|weapon|bomb|wanted|secret|splash\w*|"
    r"too far|hunt\w*|stalk\w*|ambush\w*|sirens?|fire|flames?|smoke|injur\w*|bleed\w*|sick|"
    r"fails?|broke|refus\w*|rejects?|dumps?|leaves? (?:him|her|them)|goodbye|eviction|deadline|sudden\w*|"
    r"thunder\w*|gust|splits?|leak\w*|sky opens|gunshot|shots?|torn away|knocks?)\b", re.IGNORECASE)

# Act one may run long in a short, but not past the middle of the film.
INCITING_LATEST = 0.55
MIN_ACTS_S = 15.0  # below this a piece is a moment, not a story in acts
# A question about the unknown ("Who's Walter?") sets a story going as surely as a storm.
_MYSTERY = re.compile(r"\b(?:who|what|where|why)(?:'s|\s+is|\s+was|\s+are|\s+were|\s+did|\s+happened)\b[^?]*\?",
                      re.IGNORECASE)


def _dialogue(scene) -> str:
    return "\n".join(el.text for el in scene.elements if el.kind == "dialogue")
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
        if is_title_card(script.scenes[i]):
            continue
        if _INCITING.search(scene_text(script.scenes[i])) or _MYSTERY.search(_dialogue(script.scenes[i])):
            return i
        if abs(curve[i].valence - curve[i - 1].valence) >= 0.3 or curve[i].intensity - curve[0].intensity >= 0.15:
            return i
    if len(script.scenes) >= 1 and _INCITING.search(scene_text(script.scenes[0])):
        return 0
    return None


def _payoffs_per_scene(script: Script) -> list[int]:
    """How many earlier emphasised props each scene brings back: climaxes cash in setups."""
    from tools.screenplay.setups import emphasised_props  # setups needs the climax; import late

    idx = index_of(script)
    counts = [0] * len(script.scenes)
    for prop in emphasised_props(script):
        for scene in {s for n in prop.nouns for s in idx.scenes_mentioning(n)}:
            if scene > prop.scene:
                counts[scene - 1] += 1
    return counts


def sequences(script: Script) -> list[int]:
    """For each scene (0-based), the 0-based scene that opens its sequence: shot headings belong to the scene above."""
    out: list[int] = []
    for i, scene in enumerate(script.scenes):
        out.append(i if i == 0 or is_master_heading(scene.heading) else out[i - 1])
    return out


_CLIMAX_CACHE: list[tuple[Script, tuple, int]] = []


def climax_scene(script: Script, curve: list[MoodPoint]) -> int:
    """0-based scene of the climax: the sequence with the highest stakes after the inciting incident.

    Stakes are read as the sequence's peak intensity, the setups it cashes in, and the turn it
    makes (how far the mood after it differs from the mood before). Intensity alone is a weak
    reader (a storm in act one reads as loud as a rescue), so the last third is favoured. The
    climax is reported at the scene that opens its sequence: never a title card, never a shot
    heading ('.THE TRUCK') inside a sequence.
    """
    n = len(curve)
    if n == 0:
        return 0
    key = (tuple((p.valence, p.intensity) for p in curve), shape(script))
    for cached, k, value in _CLIMAX_CACHE:
        if cached is script and k == key:
            return value
    mids = _midpoints(durations(script))
    payoffs = _payoffs_per_scene(script)
    inciting = inciting_scene(script, curve)
    opens = sequences(script)
    members: dict[int, list[int]] = {}
    for i, head in enumerate(opens):
        if not is_title_card(script.scenes[i]):
            members.setdefault(head, []).append(i)

    def mood(scenes: range) -> float:
        vals = [curve[j].valence for j in scenes if 0 <= j < n]
        return sum(vals) / len(vals) if vals else 0.0

    def score(head: int) -> float:
        group = members[head]
        first, last = group[0], group[-1]
        peak = max(curve[j].intensity for j in group)
        mid = (mids[first] + mids[last]) / 2
        bonus = 0.15 if 0.45 <= mid <= 0.92 else 0.0
        bonus += 0.06 * min(2, sum(payoffs[j] for j in group))
        bonus += 0.1 * min(1.0, abs(mood(range(last + 1, last + 3)) - mood(range(first - 2, first))))
        if n >= 4 and last == n - 1:
            bonus -= 0.05
        return peak + bonus

    heads = [h for h in members if not is_title_card(script.scenes[h])] or list(members) or [0]
    if inciting is not None and inciting < n - 1:
        heads = [h for h in heads if h > inciting] or heads
    value = max(heads, key=lambda h: (score(h), h)) if members else 0
    _CLIMAX_CACHE.insert(0, (script, key, value))
    del _CLIMAX_CACHE[4:]
    return value


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
    secs = durations(script)
    if n < 3 or sum(secs) < MIN_ACTS_S:
        return []
    starts, mids = _starts(secs), _midpoints(secs)
    findings: list[Finding] = []
    inciting = inciting_scene(script, curve)
    climax = climax_scene(script, curve)
    if inciting is None:
        findings.append(Finding(
            # A three-scene vignette can live on a situation alone; a longer film needs an event.
            kind="structure", scene=1, line=line_of(script.scenes[0]), severity="medium" if n >= 4 else "low",
            evidence="no scene in the first half changes the situation; scene 1 "
                     + quote(scene_text(script.scenes[0]), 90),
            suggestion="Give the protagonist an event to react to within the first quarter: a discovery, "
                       "an arrival, a loss that forces a choice."))
    elif starts[inciting] > INCITING_LATEST and inciting >= 2 and n >= 4:
        findings.append(Finding(
            kind="structure", scene=inciting + 1, line=line_of(script.scenes[inciting]), severity="medium",
            evidence=f"the inciting incident arrives {starts[inciting]:.0%} into the film "
                     f"({script.scenes[inciting].heading}, line {line_of(script.scenes[inciting])}); act one runs ~{sum(secs[:inciting]):.0f}s "
                     f"of ~{sum(secs):.0f}s",
            suggestion=f"Condense scenes 1-{inciting} into one establishing beat so the story starts "
                       "within the first quarter."))
    peak = max((i for i in range(n) if not is_title_card(script.scenes[i])), key=lambda i: curve[i].intensity,
               default=0)
    after_peak = max((p.intensity for p in curve[peak + 1:]), default=0.0)
    if (mids[peak] < CLIMAX_EARLIEST and peak < n - 2 and curve[peak].intensity >= 0.45
            and curve[peak].intensity - after_peak >= 0.2):
        findings.append(Finding(
            kind="structure", scene=peak + 1, line=line_of(script.scenes[peak]), severity="medium",
            evidence=f"the most intense scene ({script.scenes[peak].heading}, line {line_of(script.scenes[peak])}) "
                     f"sits {mids[peak]:.0%} into the film "
                     f"(intensity {curve[peak].intensity:.2f}; nothing after it passes {after_peak:.2f})",
            suggestion="Move the peak later or build a bigger confrontation in the last third, so the film "
                       "rises instead of winding down after its high point."))
    tail = sum(secs[climax + 1:]) / (sum(secs) or 1)
    if climax >= CLIMAX_EARLIEST * n and tail > 0.4:
        after = script.scenes[climax + 1] if climax + 1 < n else script.scenes[climax]
        findings.append(Finding(
            kind="structure", scene=after.index, line=line_of(after), severity="low",
            evidence=f"after the climax ({script.scenes[climax].heading}, line {line_of(script.scenes[climax])}) "
                     f"the resolution runs {tail:.0%} of the film",
            suggestion="Trim the ending to one or two images; the audience is gone once the climax resolves."))
    return findings
