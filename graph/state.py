"""The film as data: every artifact the crew makes, and the state the graph carries.

Both engines (deterministic and model) produce exactly these models, so every
stage downstream is the same whichever engine made its input. Field
descriptions are written for people and for models alike: a model engine gets
them as its output schema.
"""

from __future__ import annotations

import operator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

ShotSize = Literal["EWS", "WS", "MWS", "MS", "MCU", "CU", "ECU", "OTS", "POV", "TWO", "INSERT"]
Angle = Literal["eye", "high", "low", "birds_eye", "worms_eye", "dutch"]
Movement = Literal[
    "static", "pan_left", "pan_right", "tilt_up", "tilt_down", "dolly_in", "dolly_out",
    "truck_left", "truck_right", "pedestal_up", "pedestal_down", "crane_up", "crane_down",
    "arc_left", "arc_right", "zoom_in", "zoom_out", "dolly_zoom", "handheld",
]
Lighting = Literal["high_key", "low_key", "rembrandt", "loop", "split", "butterfly",
                   "natural_soft", "stage", "neon"]
Harmony = Literal["mono", "complementary", "split", "analogous", "triad", "square"]
Aspect = Literal["16:9", "9:16", "1:1"]
GateName = Literal["script", "shots", "style", "storyboard", "cut"]
FindingKind = Literal["structure", "logic_gap", "setup_missing", "payoff_missing", "mood_jump",
                      "voice_inconsistency", "motive_inconsistency", "pacing"]
Severity = Literal["low", "medium", "high"]
RuleName = Literal["axis_180", "jump_cut_30", "size_progression", "duration", "coverage", "eyeline"]

SHOT_SIZES: tuple[str, ...] = ShotSize.__args__  # type: ignore[attr-defined]
ANGLES: tuple[str, ...] = Angle.__args__  # type: ignore[attr-defined]
MOVEMENTS: tuple[str, ...] = Movement.__args__  # type: ignore[attr-defined]
LIGHTINGS: tuple[str, ...] = Lighting.__args__  # type: ignore[attr-defined]
GATES: tuple[str, ...] = GateName.__args__  # type: ignore[attr-defined]


class Artifact(BaseModel):
    """Base for artifacts: strict about unknown fields so a model's typo is caught."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- brief and script


class Brief(Artifact):
    """What the person asked for."""

    text: str = Field(description="The brief in the person's own words, or the script's title when a script was given.")
    length_s: float = Field(60.0, gt=0, description="Target running time of the full cut, seconds.")
    length_given: bool = Field(True, description="False when the person gave no --length: an imported script then "
                                                 "plays as written (its natural length).")
    aspect: Aspect = Field("16:9", description="Aspect ratio of the draft film.")
    style_text: str = Field("", description="Free-text style direction from the person (--style).")
    seed: int = Field(7, ge=0, le=2**31 - 1, description="Seed for every deterministic choice, so a run can be repeated.")


class ScriptElement(Artifact):
    """One block of a scene, in screenplay order."""

    kind: Literal["action", "dialogue", "transition"] = Field(description="Block type.")
    text: str = Field(description="The block's text exactly as written (dialogue without the cue).")
    character: str | None = Field(None, description="Speaker, upper case, for dialogue.")
    parenthetical: str | None = Field(None, description="Wryly-style direction under the cue, without brackets.")
    line: int = Field(0, description="1-based line of the block in the source script (0 when generated).")


class Scene(Artifact):
    """A scene: one place, one stretch of time."""

    index: int = Field(description="1-based scene number.")
    heading: str = Field(description="Scene heading as written, e.g. 'EXT. ROCKY SHORE - NIGHT'.")
    location: str = Field(description="The place, e.g. 'ROCKY SHORE'.")
    interior: bool = Field(description="True for INT., False for EXT.")
    time_of_day: str = Field("DAY", description="DAY, NIGHT, DUSK, DAWN, CONTINUOUS...")
    elements: list[ScriptElement] = Field(default_factory=list, description="Action, dialogue and transitions in order.")
    characters: list[str] = Field(default_factory=list, description="Characters present, upper case, in order of appearance.")


class CharacterNote(Artifact):
    """A character as the script introduces them."""

    name: str = Field(description="Canonical name, upper case, as in dialogue cues.")
    description: str = Field("", description="The first-appearance description from the action lines.")
    first_scene: int = Field(1, description="1-based scene of first appearance.")


class Script(Artifact):
    """A screenplay, parsed into scenes."""

    title: str = Field(description="Title of the piece.")
    source: Literal["brief", "fountain", "fdx", "text", "variant"] = Field(description="Where the script came from.")
    generated_by: str = Field("writer", description="'writer' for an imported script; otherwise the engine that wrote it, e.g. 'template:three-act'.")
    fountain: str = Field(description="The full script as Fountain text; the writer's text kept exactly where unchanged.")
    scenes: list[Scene] = Field(default_factory=list, description="Scenes in order.")
    characters: list[CharacterNote] = Field(default_factory=list, description="Characters in order of appearance.")


class Finding(Artifact):
    """One problem the script doctor found, with the evidence and a way to fix it."""

    kind: FindingKind = Field(description="What sort of problem it is.")
    scene: int = Field(description="1-based scene index the problem sits in.")
    line: int | None = Field(None, description="1-based source line, when known.")
    character: str | None = Field(None, description="The character concerned, if any.")
    severity: Severity = Field(description="How much it hurts the film.")
    evidence: str = Field(description="What in the script shows the problem, quoted.")
    suggestion: str = Field(description="A concrete change that would fix it.")


class MoodPoint(Artifact):
    """Emotional reading of one scene."""

    scene: int = Field(description="1-based scene index.")
    valence: float = Field(description="-1 (dark) .. 1 (bright).")
    intensity: float = Field(description="0 (calm) .. 1 (intense).")


class SceneSummary(Artifact):
    """Timing and role of one scene."""

    index: int = Field(description="1-based scene index.")
    heading: str = Field(description="Scene heading.")
    est_duration_s: float = Field(description="Estimated screen time from dialogue and action word rates.")
    role: str = Field("", description="Structural role: setup, inciting incident, rising action, climax, resolution...")


class ScriptReport(Artifact):
    """The script doctor's calibration report (SPEC §7)."""

    scenes: list[SceneSummary] = Field(default_factory=list, description="Per-scene timing and role.")
    findings: list[Finding] = Field(default_factory=list, description="Problems found, each with evidence and a fix.")
    mood_curve: list[MoodPoint] = Field(default_factory=list, description="Valence and intensity per scene.")
    not_checked: list[str] = Field(default_factory=list, description="What this engine could not check, said plainly.")


class ScriptVariant(Artifact):
    """An alternative direction for the script, offered side by side with the original."""

    name: str = Field(description="Short name, e.g. 'cold open'.")
    rationale: str = Field(description="Why a director might pick it.")
    script: Script = Field(description="The script in this direction.")
    diff: str = Field(description="Unified diff of the Fountain text against the original.")


# --------------------------------------------------------------------------- shots


class Shot(Artifact):
    """One shot in real camera language (SPEC §7, vocabularies SPEC §8)."""

    id: str = Field(description="'<scene>.<n>', e.g. '3.2'.")
    scene: int = Field(description="1-based scene index.")
    size: ShotSize = Field(description="Shot size.")
    angle: Angle = Field("eye", description="Camera angle.")
    movement: Movement = Field("static", description="Camera movement.")
    lens_mm: int = Field(35, ge=8, le=600, description="35 mm-equivalent focal length.")
    duration_s: float = Field(gt=0, description="Planned screen time, seconds.")
    subjects: list[str] = Field(default_factory=list, description="Characters in frame (upper case) or a prop for inserts.")
    screen_side: dict[str, Literal["left", "right"]] = Field(default_factory=dict, description="Which side of frame each character holds.")
    description: str = Field("", description="What the frame shows.")
    dialogue: str | None = Field(None, description="Dialogue heard over this shot, as 'NAME: line' lines.")
    movement_reason: str = Field("", description="Why the camera moves (or not) on this beat.")
    props: list[str] = Field(default_factory=list, description="Props the frame must show.")
    notes: str = Field("", description="Notes for the crew, e.g. a revise note applied.")


class ShotList(Artifact):
    """All shots of the film in order."""

    shots: list[Shot] = Field(default_factory=list, description="Shots in script order.")
    fitted_to_s: float | None = Field(None, description="The running time the cut was planned to (film seconds, cards "
                                                        "included); None when no length was planned.")
    natural_s: float | None = Field(None, description="The script's running time as written, when it was estimated.")
    omitted: list[str] = Field(default_factory=list, description="Scenes left out to fit the length, as "
                                                                 "'<n>. <heading>'.")
    trimmed: list[str] = Field(default_factory=list, description="Scenes whose lines were shortened to fit, in words.")


class Violation(Artifact):
    """A continuity rule broken by one or more shots."""

    rule: RuleName = Field(description="The rule broken.")
    shots: list[str] = Field(description="Shot ids involved.")
    message: str = Field(description="What is wrong, in a cinematographer's words.")


# --------------------------------------------------------------------------- style and cast


class PaletteColor(Artifact):
    """One colour of the style's colour system."""

    role: str = Field(description="key, shadow, accent, skin, sky, ground, highlight...")
    hex: str = Field(pattern=r"^#[0-9a-fA-F]{6}$", description="sRGB colour as #rrggbb.")


class StyleBible(Artifact):
    """The locked look of the film."""

    name: str = Field(description="Short name of the style, e.g. 'storm-lit graphic novel'.")
    palette: list[PaletteColor] = Field(description="5-7 colours with roles.")
    harmony: Harmony = Field(description="Palette harmony scheme.")
    warm_cool: str = Field("", description="How warm and cool are set against each other.")
    medium: str = Field(description="live action, 2D animation, 3D animation, stop motion, graphic novel...")
    texture: str = Field("", description="Grain, line weight, surface.")
    grain: float = Field(0.0, ge=0, le=1, description="Film grain amount 0..1.")
    line_weight: int = Field(2, ge=0, le=8, description="Outline width in pixels at 720p (0 = no outlines).")
    lighting: Lighting = Field(description="Lighting style.")
    key_fill_ratio: float = Field(2.0, gt=0, description="Key to fill light ratio.")
    lens_look: str = Field("", description="Lens character: spherical, anamorphic flares, shallow focus...")
    description: str = Field("", description="One paragraph a crew member can follow.")
    previs_look: str = Field("vector", description="How the offline previs draws the medium: vector, watercolour, "
                                                   "paint, charcoal, ink, pixel, clay, cgi or film (the last two approximated).")

    def color(self, role: str, default: str = "#808080") -> str:
        """Hex of the first colour with this role."""
        return next((c.hex for c in self.palette if c.role == role), default)


class CharacterProfile(Artifact):
    """A character's locked look, kept in the character library."""

    name: str = Field(description="Canonical name, upper case.")
    aliases: list[str] = Field(default_factory=list, description="Other ways the script refers to them.")
    age: str = Field("", description="Age or age range.")
    build: str = Field("", description="slight, average, broad, tall, small, mechanical...")
    face: str = Field("", description="Distinctive facial features.")
    hair: str = Field("", description="Hair colour and style.")
    wardrobe: str = Field("", description="What they wear in every scene unless the script says otherwise.")
    signature_colors: list[str] = Field(default_factory=list, description="Hex colours that identify them in every frame.")
    props: list[str] = Field(default_factory=list, description="Objects they carry.")
    accessories: list[str] = Field(default_factory=list, description="What they wear on head, face and neck in every scene: hats, glasses, headphones, scarves ('red knitted hat').")
    voice_notes: str = Field("", description="How they speak.")
    silhouette: Literal["human", "child", "robot", "animal"] = Field("human", description="Body type the previs renderer draws.")
    figure: dict[str, float] = Field(default_factory=dict, description="Previs figure proportions relative to an average adult: height, width, head (1.0 = average).")
    sheet: str | None = Field(None, description="Project-relative path of the reference sheet image.")


# --------------------------------------------------------------------------- frames, clips, edit


class Frame(Artifact):
    """One storyboard frame variant of a shot."""

    shot_id: str = Field(description="Shot id.")
    variant: int = Field(description="0-based variant number.")
    path: str = Field(description="Project-relative path of the PNG.")
    seed: int = Field(description="Seed that made it.")
    character_boxes: dict[str, list[int]] = Field(default_factory=dict, description="Where each character was drawn: [x, y, w, h] in pixels.")
    content_hash: str = Field("", description="Hash of everything that determines the frame.")


class Clip(Artifact):
    """A shot's frame turned into motion with its camera move."""

    shot_id: str = Field(description="Shot id.")
    path: str = Field(description="Project-relative path of the MP4.")
    duration_s: float = Field(description="Clip length, seconds.")
    movement: Movement = Field(description="Camera move rendered.")
    frame_path: str = Field(description="The frame it was made from.")
    content_hash: str = Field("", description="Hash of everything that determines the clip.")


class Cut(Artifact):
    """One event of the edit."""

    shot_id: str = Field(description="Shot id, or 'title'/'end' for cards.")
    clip: str = Field(description="Project-relative media path.")
    record_in_s: float = Field(description="Where it starts in the film.")
    duration_s: float = Field(description="How long it plays.")
    dialogue: str | None = Field(None, description="Subtitle text shown during it.")


class Edit(Artifact):
    """The cut: where every shot sits, on which beat, and the files made."""

    version: str = Field("full", description="full, teaser or vertical.")
    cuts: list[Cut] = Field(default_factory=list, description="Events in order.")
    beats_s: list[float] = Field(default_factory=list, description="Beat times of the music, seconds.")
    tempo_bpm: float = Field(0.0, description="Music tempo.")
    music: str = Field("", description="Project-relative path of the music bed.")
    outputs: dict[str, str] = Field(default_factory=dict, description="Files made, by kind (film, otio, srt...).")
    dropped: list[str] = Field(default_factory=list, description="Shots left out, with why.")
    duration_s: float = Field(0.0, description="Running time.")


# --------------------------------------------------------------------------- understanding


class Understood(BaseModel):
    """One word or phrase of a brief, a script or a note, and what the crew made of it."""

    text: str = Field(description="The words as the person wrote them.")
    became: Literal["character", "place", "prop", "event", "beat", "time", "weather", "era", "style",
                    "ending", "tone", "length", "cast", "cut", "other"] = Field(
        description="What the words became in the film.")
    detail: str = Field("", description="What exactly was made of them, e.g. 'ROASTER, a woman in her 40s'.")
    drawn_as: str = Field("", description="The previs drawable that stands in for it when the previs cannot draw it "
                                          "as itself ('' = drawn as itself, or not a drawn thing).")


class Reading(BaseModel):
    """What the crew understood of one brief or note, and what it could not do with it (said at the next gate)."""

    source: Literal["brief", "script", "note", "style"] = Field(description="What was read.")
    stage: str = Field("", description="The agent that read it.")
    text: str = Field(description="The text that was read (shortened for long scripts).")
    used: list[Understood] = Field(default_factory=list, description="What became part of the film.")
    not_understood: list[str] = Field(default_factory=list, description="Words or phrases the engine could not read.")
    not_applied: list[str] = Field(default_factory=list, description="Requests understood but not carried out, each with why.")


# --------------------------------------------------------------------------- gates


class GateRequest(BaseModel):
    """What a gate shows a person (the interrupt payload)."""

    gate: GateName = Field(description="Which gate.")
    stage: str = Field(description="The agent that owns the stage.")
    summary: str = Field(description="What is proposed, in a sentence or two.")
    choices: list[str] = Field(description="Choices for 'pick N' (0 is the default).")
    files: list[str] = Field(default_factory=list, description="Project-relative files to look at.")
    understood: list[str] = Field(default_factory=list, description="What the crew made of the brief or the last note, one line each.")
    not_applied: list[str] = Field(default_factory=list, description="What the crew could not do of what was asked, and why.")


class GateAnswer(BaseModel):
    """A person's answer at a gate."""

    action: Literal["approve", "pick", "revise"] = Field(description="approve, pick a choice, or ask for changes.")
    pick: int = Field(0, ge=0, description="Choice index for 'pick'.")
    shot: str | None = Field(None, description="At the storyboard gate: pick the variant of this shot only (and stay at the gate).")
    note: str = Field("", description="The revise note.")


class GateRecord(BaseModel):
    """An answered gate, kept in the history."""

    gate: GateName
    answer: GateAnswer
    at: str = Field(description="ISO time the answer was given.")
    version: str = Field("main", description="The version (thread) it was given in.")
    readings_seen: int = Field(0, description="How many readings the state held when the answer was given: "
                                              "the next gate shows the readings made after it.")


class UsageRecord(BaseModel):
    """What one model call cost, for the per-stage and per-version accounts."""

    stage: str = Field(description="Agent/stage that made the call.")
    provider: str = Field(description="Provider spec, e.g. 'openai:gpt-5-mini' (never a key).")
    input_tokens: int = Field(0, description="Prompt tokens.")
    output_tokens: int = Field(0, description="Completion tokens.")
    images: int = Field(0, description="Images generated.")
    video_s: float = Field(0.0, description="Seconds of video generated.")
    cost_usd: float = Field(0.0, description="Estimated cost in US dollars.")
    note: str = Field("", description="Caveat on the estimate, e.g. no known price for this model.")


# --------------------------------------------------------------------------- film state


def merge_dict(left: dict, right: dict) -> dict:
    """Reducer: later writes replace keys, earlier keys survive."""
    return {**left, **right}


class FilmState(BaseModel):
    """Everything the crew has made so far; the graph's state."""

    brief: Brief
    script: Script | None = None
    script_report: ScriptReport | None = None
    script_variants: list[ScriptVariant] = Field(default_factory=list)
    script_choice: int = Field(0, description="0 = original; n = variant n.")
    shotlist: ShotList | None = None
    shot_violations: list[Violation] = Field(default_factory=list)
    style_candidates: list[StyleBible] = Field(default_factory=list)
    style: StyleBible | None = None
    cast: list[CharacterProfile] = Field(default_factory=list)
    frames: Annotated[dict[str, list[Frame]], merge_dict] = Field(default_factory=dict)
    chosen_variant: Annotated[dict[str, int], merge_dict] = Field(default_factory=dict)
    storyboard_fixes: list[str] = Field(default_factory=list, description="What the last storyboard pass fixed: feature-lock corrections and regenerated frames.")
    clips: Annotated[dict[str, Clip], merge_dict] = Field(default_factory=dict)
    edit: Edit | None = None
    revise_note: str = Field("", description="The pending revise note for the stage being redone.")
    history: Annotated[list[GateRecord], operator.add] = Field(default_factory=list)
    usage: Annotated[list[UsageRecord], operator.add] = Field(default_factory=list, description="Model calls and their cost.")
    notes: Annotated[list[str], operator.add] = Field(default_factory=list, description="What agents did, for the log.")
    readings: Annotated[list[Reading], operator.add] = Field(
        default_factory=list, description="What each agent understood of the brief, the script and every note, in order.")
