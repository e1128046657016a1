"""The model engine: what each agent asks an LLM when one is configured (SPEC §2).

Every function returns the same artifacts the deterministic engine makes, plus
the UsageRecord(s) of the calls, so nothing downstream knows which engine ran.
What the model may change is bounded here, not trusted: a screenplay must parse
as Fountain, a shot keeps its id, size, angle and move, a character keeps
their name and renderer body, a finding must point at a scene that exists.
A broken answer goes back to the model once with the exact error (see
`tools.providers.llm.structured`).
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field, create_model, field_validator

from agents import prompts
from graph.context import FilmContext
from graph.state import (Brief, CharacterProfile, Finding, Script, ScriptReport, ScriptVariant, ShotList,
                         StyleBible, UsageRecord)
from tools.errors import BadInput
from tools.providers.config import load_config
from tools.providers.llm import load_chat_model, model_spec, structured
from tools.screenplay.brief_writer import scene_count
from tools.screenplay.fountain_io import parse_fountain

COLOR_WORDS = re.compile(r"\b(red|orange|yellow|green|blue|purple|violet|pink|brown|black|white|grey|gray|"
                         r"gold|golden|silver|teal|crimson|scarlet|navy|amber|copper|rust|ochre)\b", re.I)


def chat_model_for(context: FilmContext) -> BaseChatModel:
    """The run's chat model: the context's spec with the project's filmcrew.toml settings (the project
    folder, not a fork's version folder, holds the file)."""
    return load_chat_model(context.llm, load_config(context.cache_dir, llm=context.llm))


def _ask(model: BaseChatModel, role: str, task: str, schema, stage: str):
    messages = [SystemMessage(content=prompts.CREW_SYSTEM.format(role=role)), HumanMessage(content=task)]
    return structured(model, schema, messages, stage=stage)


def _screenplay(text: str) -> Script:
    try:
        return parse_fountain(text)
    except BadInput as err:  # a model's bad screenplay is a repairable answer, not the person's bad input
        raise ValueError(str(err)) from None


# --------------------------------------------------------------------------- script doctor


class ScreenplayDraft(BaseModel):
    """A screenplay written by the model."""

    title: str = Field(description="Title of the piece.")
    fountain: str = Field(description="The complete screenplay in Fountain format.")

    @field_validator("fountain")
    @classmethod
    def _parses(cls, text: str) -> str:
        _screenplay(text)
        return text


def write_script(brief: Brief, note: str, model: BaseChatModel) -> tuple[Script, UsageRecord]:
    """Brief → screenplay written by the model, parsed into the same Script the template writer makes."""
    task = prompts.WRITE_SCRIPT.format(brief=brief.text, length_s=brief.length_s, scenes=scene_count(brief.length_s, note),
                                       aspect=brief.aspect, style_text=brief.style_text or "none", note=note or "none")
    draft, usage = _ask(model, "screenwriter", task, ScreenplayDraft, "script")
    parsed = _screenplay(draft.fountain)
    title = parsed.title if parsed.title != "Untitled" else draft.title.strip() or brief.text[:60]
    script = parsed.model_copy(update={"title": title, "source": "brief", "generated_by": f"model:{model_spec(model)}"})
    return script, usage


class ScriptJudgement(BaseModel):
    """Problems the script doctor found beyond the rule-based analysis."""

    findings: list[Finding] = Field(default_factory=list, description="Each problem with quoted evidence and a fix.")


def _finding_lines(findings: list[Finding]) -> str:
    if not findings:
        return "(none)"
    return "\n".join(f"- [{f.kind}, scene {f.scene}{', ' + f.character if f.character else ''}] {f.evidence}"
                     for f in findings)


def judge_script(script: Script, report: ScriptReport, model: BaseChatModel) -> tuple[list[Finding], UsageRecord]:
    """The deterministic findings plus the model's judgement (motive, voice, what rules miss), without duplicates."""
    task = prompts.JUDGE_SCRIPT.format(findings=_finding_lines(report.findings), fountain=script.fountain)
    judged, usage = _ask(model, "script doctor", task, ScriptJudgement, "script")
    names = {c.name for c in script.characters}
    merged, seen = list(report.findings), {(f.kind, f.scene, f.character) for f in report.findings}
    for finding in judged.findings:
        if not 1 <= finding.scene <= len(script.scenes):
            continue  # a finding must point at a scene the director can open
        character = finding.character.upper() if finding.character else None
        if character is not None and character not in names:
            character = None
        finding = finding.model_copy(update={"character": character})
        key = (finding.kind, finding.scene, finding.character)
        if key not in seen:
            seen.add(key)
            merged.append(finding)
    return merged, usage


class DirectionDraft(BaseModel):
    """One alternative direction, written out."""

    name: str = Field(description="Short name, e.g. 'cold open'.")
    rationale: str = Field(description="Why a director might pick it, one sentence.")
    fountain: str = Field(description="The complete rewritten screenplay in Fountain format.")

    @field_validator("fountain")
    @classmethod
    def _parses(cls, text: str) -> str:
        _screenplay(text)
        return text


def rewrite_directions(script: Script, report: ScriptReport, model: BaseChatModel,
                       n: int) -> tuple[list[ScriptVariant], UsageRecord]:
    """n real rewrites in other directions, each with a unified diff against the original."""
    schema = create_model("Directions", __doc__="Alternative directions for the screenplay.",
                          directions=(list[DirectionDraft], Field(min_length=n, description=f"Exactly {n} directions.")))
    task = prompts.REWRITE_DIRECTIONS.format(n=n, findings=_finding_lines(report.findings), fountain=script.fountain)
    answer, usage = _ask(model, "script doctor", task, schema, "script")
    variants = []
    for draft in answer.directions[:n]:
        rewritten = _screenplay(draft.fountain).model_copy(update={
            "title": script.title, "source": "variant", "generated_by": f"model:{model_spec(model)}"})
        diff = "".join(difflib.unified_diff(script.fountain.splitlines(keepends=True),
                                            draft.fountain.splitlines(keepends=True),
                                            fromfile="original.fountain", tofile=f"{draft.name}.fountain"))
        variants.append(ScriptVariant(name=draft.name, rationale=draft.rationale, script=rewritten, diff=diff))
    return variants, usage


# --------------------------------------------------------------------------- cinematographer


def describe_shots(script: Script, shotlist: ShotList, model: BaseChatModel) -> tuple[ShotList, UsageRecord]:
    """Storyboard-ready descriptions from the model; ids, sizes, angles, moves and timing stay the plan's."""
    ids = [s.id for s in shotlist.shots]

    class ShotText(BaseModel):
        id: str = Field(description="The shot id, unchanged.")
        description: str = Field(min_length=3, description="What the frame shows, for the storyboard artist.")

    def _every_shot(entries: list[ShotText]) -> list[ShotText]:
        given = [e.id for e in entries]
        if sorted(given) != sorted(ids):
            missing, extra = sorted(set(ids) - set(given)), sorted(set(given) - set(ids))
            raise ValueError(f"give exactly one entry per shot id; missing {missing}, unknown {extra}")
        return entries

    schema = create_model("ShotDescriptions", __doc__="New descriptions, one per shot id.",
                          shots=(list[ShotText], Field(description="One entry per shot.")),
                          __validators__={"every_shot": field_validator("shots")(lambda cls, v: _every_shot(v))})
    rows = "\n".join(f"{s.id} | {s.size} | {s.angle} | {s.movement} | {', '.join(s.subjects) or '-'} | {s.description}"
                     for s in shotlist.shots)
    task = prompts.DESCRIBE_SHOTS.format(count=len(ids), fountain=script.fountain, shots=rows)
    answer, usage = _ask(model, "cinematographer", task, schema, "shots")
    text = {e.id: e.description.strip() for e in answer.shots}
    return ShotList(shots=[s.model_copy(update={"description": text[s.id]}) for s in shotlist.shots]), usage


# --------------------------------------------------------------------------- art director


def propose_styles(brief: Brief, script: Script | None, model: BaseChatModel, n: int,
                   note: str = "") -> tuple[list[StyleBible], UsageRecord]:
    """n distinct style bibles from the model, validated as StyleBible (palette hex, vocabularies)."""
    schema = create_model("StyleProposals", __doc__="Distinct looks for the film.",
                          styles=(list[StyleBible], Field(min_length=n, description=f"Exactly {n} style bibles.")))
    scenes = "; ".join(s.heading for s in script.scenes) if script is not None else "(no script yet)"
    task = prompts.PROPOSE_STYLES.format(n=n, brief=brief.text, style_text=brief.style_text or "none",
                                         note=note or "none", scenes=scenes)
    answer, usage = _ask(model, "art director", task, schema, "style")
    styles, names = [], set()
    for style in answer.styles[:n]:
        name = style.name if style.name.lower() not in names else f"{style.name} ({len(styles) + 1})"
        names.add(name.lower())
        styles.append(style.model_copy(update={"name": name}))
    return styles, usage


# --------------------------------------------------------------------------- consistency


class CastProfiles(BaseModel):
    """Locked profiles for the film's characters."""

    profiles: list[CharacterProfile] = Field(description="One profile per character, names unchanged.")


def profile_cast(script: Script, cast: list[CharacterProfile],
                 model: BaseChatModel) -> tuple[list[CharacterProfile], UsageRecord]:
    """Richer features from the model on top of the deterministic profiles.

    Names, the renderer's body (silhouette, figure) and the sheet stay; signature
    colours change only for a character whose script description names colours."""
    notes = {c.name: c.description for c in script.characters}
    rows = "\n".join(f"- {p.name}: {notes.get(p.name, '') or p.wardrobe or '(no description)'}" for p in cast)
    task = prompts.PROFILE_CAST.format(color_rule=prompts.COLOR_RULE, characters=rows, fountain=script.fountain)
    answer, usage = _ask(model, "continuity supervisor", task, CastProfiles, "cast")
    by_name = {p.name.upper(): p for p in answer.profiles}
    richer = []
    for profile in cast:
        given = by_name.get(profile.name)
        if given is None:
            richer.append(profile)
            continue
        update = {k: getattr(given, k) for k in ("age", "build", "face", "hair", "wardrobe", "voice_notes")
                  if getattr(given, k).strip()}
        update["props"] = list(dict.fromkeys([*profile.props, *given.props]))
        update["aliases"] = list(dict.fromkeys([*profile.aliases, *(a.upper() for a in given.aliases
                                                                    if a.upper() != profile.name)]))
        if given.signature_colors and COLOR_WORDS.search(notes.get(profile.name, "")):
            update["signature_colors"] = given.signature_colors
        richer.append(profile.model_copy(update=update))
    return richer, usage


# --------------------------------------------------------------------------- chat


class ChatIntent(BaseModel):
    """What a person's free-text message at a gate asks for."""

    action: Literal["approve", "pick", "revise", "fork", "compare", "status", "show", "unknown"] = Field(
        description="What they want done.")
    pick: int | None = Field(None, ge=0, description="Choice index for 'pick' (0-based).")
    note: str = Field("", description="The revise note in the person's own words, for 'revise' and 'fork'.")
    stage: str | None = Field(None, description="Stage named, for 'fork' (script, shots, style, storyboard, cut).")
    versions: list[str] = Field(default_factory=list, description="Version names named, for 'fork' and 'compare'.")
    reply: str = Field("", description="One sentence back to the person saying what will happen.")


def route_chat(message: str, gate_payload: dict | None, model: BaseChatModel,
               versions: list[str] | None = None) -> tuple[ChatIntent, UsageRecord]:
    """Route a person's message to a gate action; a pick outside the gate's choices is refused, not guessed."""
    gate = gate_payload or {}
    choices = gate.get("choices", [])
    task = prompts.ROUTE_CHAT.format(gate=gate.get("gate", "none"), stage=gate.get("stage", "-"),
                                     summary=gate.get("summary", "nothing is waiting"),
                                     choices="; ".join(f"{i}: {c}" for i, c in enumerate(choices)) or "(none)",
                                     versions=", ".join(versions or ["main"]), message=message)
    intent, usage = _ask(model, "first assistant director", task, ChatIntent, "chat")
    if intent.action == "pick" and (intent.pick is None or intent.pick >= len(choices)):
        intent = intent.model_copy(update={"action": "unknown", "reply": f"There is no such choice here; choices are 0..{max(len(choices) - 1, 0)}."})
    return intent, usage


class FrameJudgement(BaseModel):
    """A vision model's reading of one storyboard frame against the character library."""

    character_scores: dict[str, float] = Field(
        description="0..1 per character named in the request: 1 = clearly the same character as the locked look.")
    reasons: list[str] = Field(default_factory=list, description="Each difference from the locked look, one line each.")


def judge_frame(frame_png: bytes, cast: list[CharacterProfile], model: BaseChatModel) -> tuple[FrameJudgement, UsageRecord]:
    """Ask a vision model whether the people in a frame are the library's people (QC's second signal)."""
    import base64

    from tools.cast.lock import feature_lock

    characters = "\n".join(f"- {p.name}: {feature_lock(p)}" for p in cast)
    image = base64.b64encode(frame_png).decode("ascii")
    messages = [SystemMessage(content=prompts.CREW_SYSTEM.format(role="continuity supervisor")),
                HumanMessage(content=[{"type": "text", "text": prompts.JUDGE_FRAME.format(characters=characters)},
                                      {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{image}"}}])]
    judgement, usage = structured(model, FrameJudgement, messages, stage="qc")
    named = {p.name for p in cast}
    scores = {name.upper(): min(max(float(v), 0.0), 1.0) for name, v in judgement.character_scores.items()
              if name.upper() in named}  # a model's score for someone not asked about is ignored
    return judgement.model_copy(update={"character_scores": scores}), usage
