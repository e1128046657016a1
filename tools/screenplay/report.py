"""The script doctor's report on disk: report.md for people, report.json (SPEC §7), mood_curve.png.

All three are written atomically so a killed run never leaves a half report.
"""

from __future__ import annotations

import io
from pathlib import Path

from graph.state import Script, ScriptReport
from tools.atomic import write_bytes, write_json, write_text  # noqa: E402

_SEVERITIES = (("high", "High"), ("medium", "Medium"), ("low", "Low"))
_KIND_LABELS = {
    "structure": "Structure", "logic_gap": "Logic gap", "setup_missing": "Setup missing",
    "payoff_missing": "Payoff missing", "mood_jump": "Mood jump", "voice_inconsistency": "Voice",
    "motive_inconsistency": "Motive", "pacing": "Pacing",
}


def mood_curve_png(report: ScriptReport, script: Script) -> bytes:
    """Valence line and intensity bars per scene, with mood jumps marked."""
    import matplotlib  # here, not at import: pyplot costs every CLI call a third of a second

    matplotlib.use("Agg")  # headless: the report is drawn on servers and in CI
    import matplotlib.pyplot as plt

    xs = [p.scene for p in report.mood_curve]
    fig, ax = plt.subplots(figsize=(8, 3.6), dpi=110)
    ax.bar(xs, [p.intensity for p in report.mood_curve], color="#f2a541", alpha=0.55, label="intensity (0..1)")
    ax.plot(xs, [p.valence for p in report.mood_curve], color="#2b59c3", marker="o", lw=2, label="valence (-1..1)")
    ax.axhline(0, color="#888888", lw=0.8)
    for f in report.findings:
        if f.kind == "mood_jump":
            ax.axvline(f.scene - 0.5, color="#c0392b", ls="--", lw=1.2)
    roles = {s.index: s.role for s in report.scenes}
    ax.set_xticks(xs)
    ax.set_xticklabels([f"{x}\n{roles.get(x, '')}" for x in xs], fontsize=7)
    ax.set_ylim(-1.05, 1.05)
    ax.set_title(f"Mood curve — {script.title}", fontsize=10)
    ax.legend(loc="lower left", fontsize=7, frameon=False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def report_markdown(report: ScriptReport, script: Script, curve_name: str = "mood_curve.png") -> str:
    total = sum(s.est_duration_s for s in report.scenes)
    counts = {sev: sum(1 for f in report.findings if f.severity == sev) for sev, _ in _SEVERITIES}
    out = [f"# Script report — {script.title}", "",
           f"{len(report.scenes)} scenes, about {total:.0f} s on screen. "
           f"Findings: {counts['high']} high, {counts['medium']} medium, {counts['low']} low. "
           f"Script {'written by ' + script.generated_by if script.generated_by != 'writer' else 'by the writer'}.",
           "", f"![Mood curve]({curve_name})", "", "## Scenes", "",
           "| # | Heading | Role | Est. s | Valence | Intensity |", "|---|---|---|---|---|---|"]
    mood = {p.scene: p for p in report.mood_curve}
    for s in report.scenes:
        m = mood.get(s.index)
        out.append(f"| {s.index} | {s.heading} | {s.role} | {s.est_duration_s:.0f} | "
                   f"{m.valence:+.2f} | {m.intensity:.2f} |" if m else f"| {s.index} | {s.heading} | {s.role} | "
                   f"{s.est_duration_s:.0f} | | |")
    for severity, label in _SEVERITIES:
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        out += ["", f"## {label} ({len(group)})", ""]
        for f in group:
            where = f"scene {f.scene}" + (f", line {f.line}" if f.line else "")
            where += f", {f.character}" if f.character else ""
            out += [f"- **{_KIND_LABELS[f.kind]}** ({where}): {f.evidence}", f"  - *Fix:* {f.suggestion}"]
    if not report.findings:
        out += ["", "## Findings", "", "No problems found by the deterministic checks."]
    if report.not_checked:
        out += ["", "## Not checked", ""] + [f"- {item}" for item in report.not_checked]
    return "\n".join(out) + "\n"


def write_report(report: ScriptReport, script: Script, folder: Path) -> list[Path]:
    """Write report.md, report.json and mood_curve.png into `folder`; returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    png = write_bytes(folder / "mood_curve.png", mood_curve_png(report, script))
    data = write_json(folder / "report.json", report.model_dump(mode="json"))
    md = write_text(folder / "report.md", report_markdown(report, script, png.name))
    return [md, data, png]
