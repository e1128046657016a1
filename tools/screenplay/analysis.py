"""The script doctor's deterministic calibration: every analysis, one report.

Each analysis lives in its own module; this one only runs them in order and
assembles the `ScriptReport`, most serious findings first.
"""

from __future__ import annotations

from graph.state import Finding, Script, ScriptReport
from tools.screenplay.logic import logic_gaps
from tools.screenplay.mood import mood_curve, mood_jumps, pacing
from tools.screenplay.motive import motive_findings
from tools.screenplay.setups import payoffs_missing, setups_missing
from tools.screenplay.structure import structure_findings, summarise
from tools.screenplay.voice import voice_findings

NOT_CHECKED = [
    "Whether motives are psychologically plausible beyond stated goals and direct contradictions "
    "(needs a model engine).",
    "Subtext, theme and whether the dialogue is good, not just consistent.",
    "Humour and comic timing.",
    "Character voice for characters with fewer than 4 lines (too little to profile).",
    "Setups and payoffs carried only by images or sound without capitalised emphasis on the page, "
    "or paid off under another name (a LANTERN that comes back as 'the lamp').",
    "Whether the action can be staged and shot on the intended budget.",
]
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.kind, f.scene, f.character, f.evidence)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def analyze(script: Script) -> ScriptReport:
    """Run every deterministic analysis on a script and return the report (SPEC §7)."""
    curve = mood_curve(script)
    findings = (
        structure_findings(script, curve)
        + payoffs_missing(script, curve)
        + setups_missing(script, curve)
        + logic_gaps(script)
        + mood_jumps(script, curve)
        + pacing(script)
        + voice_findings(script)
        + motive_findings(script)
    )
    findings = sorted(_dedupe(findings), key=lambda f: (_SEVERITY_ORDER[f.severity], f.scene, f.kind))
    return ScriptReport(scenes=summarise(script, curve), findings=findings, mood_curve=curve,
                        not_checked=list(NOT_CHECKED))
