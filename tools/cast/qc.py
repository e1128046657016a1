"""Frame QC: does every character in a frame still look like themselves, and is it on style?

Each character the renderer placed is scored against the library by colour
signature (tools/cast/signature.py); the style by a scorer the caller passes
(tools/style/compliance.py). A frame where MAYA's blue coat came out red
scores low for MAYA and is flagged for regeneration.

Report shape follows SPEC §7: {"shots": [{"id", "character_scores",
"style_score", "flagged", "reasons"}]}; each entry also names its variant and
file so a flagged frame can be redrawn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PIL import Image
from pydantic import BaseModel, ConfigDict, Field

from graph.state import CharacterProfile, Frame, StyleBible
from tools.atomic import write_json, write_text
from tools.cast.signature import backdrop_colors, figure_middle, light_colors, score_character
from tools.errors import BadInput
from tools.style.compliance import STYLE_THRESHOLD  # one style bar for the art director and QC

__all__ = ["CHARACTER_THRESHOLD", "STYLE_THRESHOLD", "QCReport", "ShotQC", "qc_frame", "qc_frames",
           "score_character", "write_qc_report", "report_markdown"]

CHARACTER_THRESHOLD = 0.8  # below this a character has drifted; faithful previs frames score 0.97+ on the eval set

StyleScorer = Callable[[Image.Image, StyleBible], tuple[float, list[str]]]


class ShotQC(BaseModel):
    """QC of one frame: how faithful each character and the style are, and whether to redraw it."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(description="Shot id.")
    variant: int = Field(0, description="Frame variant scored.")
    path: str = Field("", description="Project-relative path of the frame scored.")
    character_scores: dict[str, float] = Field(default_factory=dict, description="0..1 per character: 1 = looks exactly like the library.")
    style_score: float | None = Field(None, description="0..1 compliance with the style bible; None when not measured.")
    flagged: bool = Field(False, description="True when the frame should be regenerated.")
    reasons: list[str] = Field(default_factory=list, description="Why it was flagged, one line each.")


class QCReport(BaseModel):
    """Every frame's QC, in frame order (SPEC §7)."""

    model_config = ConfigDict(extra="forbid")
    shots: list[ShotQC] = Field(default_factory=list, description="One entry per frame scored.")
    character_threshold: float = Field(CHARACTER_THRESHOLD, description="Character score below which a frame is flagged.")
    style_threshold: float = Field(STYLE_THRESHOLD, description="Style score below which a frame is flagged.")

    def flagged(self) -> list[ShotQC]:
        """The frames to regenerate."""
        return [s for s in self.shots if s.flagged]


def figures_overlap(a: list[int] | tuple, b: list[int] | tuple) -> bool:
    """Whether two [x, y, w, h] boxes' middles overlap (one figure in front of the other)."""
    ax, _, aw, _ = figure_middle(tuple(a))
    bx, by, bw, bh = b
    ay, ah = a[1], a[3]
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def resolve_frame_path(project_dir: Path, relative: str) -> Path:
    """The frame's file inside the project; paths that leave the project are refused."""
    root = Path(project_dir).resolve()
    path = (root / relative).resolve()
    if root != path and root not in path.parents:
        raise BadInput(f"frame path {relative!r} is outside the project folder")
    return path


def qc_frame(frame: Frame, project_dir: Path, cast: list[CharacterProfile], style: StyleBible | None,
             style_score: StyleScorer | None = None, subjects: list[str] | None = None) -> ShotQC:
    """QC of one frame: every character the renderer placed (or `subjects` when it placed none) and the style."""
    entry = ShotQC(id=frame.shot_id, variant=frame.variant, path=frame.path)
    path = resolve_frame_path(project_dir, frame.path)
    if not path.is_file():
        entry.flagged = True
        entry.reasons.append(f"frame file {frame.path} is missing")
        return entry
    with Image.open(path) as opened:
        image = opened.convert("RGB")
    library = {p.name: p for p in cast}
    # Skin is the one palette colour drawn on figures; the set's colours stay out of the
    # figure's middle, and letting them explain stray pixels would excuse any wrong coat.
    skin = [c.hex for c in style.palette if c.role == "skin"] if style is not None else []
    boxes: dict[str, list[int] | None] = dict(frame.character_boxes)
    for name in subjects or []:
        boxes.setdefault(name, None)
    for name, box in boxes.items():
        profile = library.get(name.upper())
        if profile is None:
            entry.reasons.append(f"{name} is in the frame but not in the character library")
            continue
        # Another character's colours are excused only where they stand in front of this one.
        known = skin + [c for other_name, other_box in boxes.items() if other_name.upper() != profile.name
                        and box and other_box and figures_overlap(box, other_box)
                        for c in (library[other_name.upper()].signature_colors if other_name.upper() in library else [])]
        score, reasons = score_character(image, tuple(box) if box else None, profile, known, light_colors(style),
                                         backdrop_colors(style))
        entry.character_scores[profile.name] = score
        if score < CHARACTER_THRESHOLD:
            entry.flagged = True
            entry.reasons.append(f"{profile.name} drifted from the library (score {score:.2f} < {CHARACTER_THRESHOLD})")
            entry.reasons.extend(reasons)
    if style_score is not None and style is not None:
        score, reasons = style_score(image, style)
        entry.style_score = round(float(score), 3)
        if entry.style_score < STYLE_THRESHOLD:
            entry.flagged = True
            entry.reasons.append(f"off-style (score {entry.style_score:.2f} < {STYLE_THRESHOLD})")
            entry.reasons.extend(reasons)
    return entry


def qc_frames(frames: list[Frame], project_dir: Path, cast: list[CharacterProfile], style: StyleBible | None,
              style_score: StyleScorer | None = None, subjects: dict[str, list[str]] | None = None) -> QCReport:
    """Score every frame against the character library and the style (SPEC §7)."""
    subjects = subjects or {}
    return QCReport(shots=[qc_frame(f, project_dir, cast, style, style_score, subjects.get(f.shot_id))
                           for f in frames])


def report_markdown(report: QCReport) -> str:
    """The QC report as a person reads it: flagged frames first, then every score."""
    flagged = report.flagged()
    lines = ["# Frame QC", "",
             f"{len(report.shots)} frames scored, {len(flagged)} flagged for regeneration "
             f"(character threshold {report.character_threshold}, style threshold {report.style_threshold}).", ""]
    if flagged:
        lines += ["## Flagged", ""]
        for entry in flagged:
            lines.append(f"### Shot {entry.id} variant {entry.variant} — `{entry.path}`")
            lines += [f"- {reason}" for reason in entry.reasons] + [""]
    lines += ["## All frames", "", "| shot | variant | characters | style | flagged |", "|---|---|---|---|---|"]
    for entry in report.shots:
        characters = ", ".join(f"{n} {s:.2f}" for n, s in entry.character_scores.items()) or "—"
        style = f"{entry.style_score:.2f}" if entry.style_score is not None else "not measured"
        lines.append(f"| {entry.id} | {entry.variant} | {characters} | {style} | {'yes' if entry.flagged else 'no'} |")
    return "\n".join(lines) + "\n"


def write_qc_report(report: QCReport, folder: Path) -> list[Path]:
    """Write <folder>/qc/report.json and <folder>/qc/report.md; `folder` is the project folder."""
    qc_dir = Path(folder) / "qc"
    return [write_json(qc_dir / "report.json", report.model_dump(mode="json")),
            write_text(qc_dir / "report.md", report_markdown(report))]
