"""Cinematographer (SOP steps 2 and 4): the shot list, and the storyboard batch.

Tools: a rule-based breakdown into real camera language, a continuity checker,
one-shot changes from a note, CSV/PDF exports, and the images provider (the
previs renderer offline) for storyboard frames with variants that vary only
framing. Every frame is checked by the consistency tools and the best variant
of each shot is preselected.
"""

from __future__ import annotations

import json

from pathlib import Path

from langgraph.runtime import Runtime

from agents.model_engine import chat_model_for, describe_shots
from agents.stage import progress, rel
from graph.context import FilmContext
from graph.state import CharacterProfile, FilmState, Frame, Reading, Script, Shot, ShotList, StyleBible, Understood
from memory.store import CrewMemory
from tools.atomic import content_hash, temp_path_for, write_json, write_text
from tools.cache import AssetCache, publish
from tools.cast.lock import enforce_lock
from tools.cast.qc import CHARACTER_THRESHOLD, QCReport, ShotQC, qc_frame, write_qc_report
from tools.errors import BadInput
from tools.previs.contact import contact_sheet
from tools.previs.slate import slate_text
from tools.previs.render import RENDERER_REVISION, frame_size
from tools.providers.config import load_config
from tools.providers.images import ImageRequest, ImagesProvider, build_image_prompt
from tools.providers.registry import images_provider
from tools.shots.breakdown import break_down, read_breakdown_note
from tools.shots.export import write_shotlist_csv, write_storyboard_pdf
from tools.shots.fit import MAX_UNASKED_S, TOLERANCE, natural_length_s, plan_cut, read_length_note
from tools.shots.io import shotlist_json
from tools.shots.revise import apply_shot_note, note_names_shot, read_shot_note, shot_list_reading
from tools.shots.rules import check_shots
from tools.style.compliance import STYLE_THRESHOLD, style_score
from tools.previs.set_dressing import lit_scene

REGENERATE_ATTEMPTS = 2


def write_shotlist(shotlist: ShotList, project: Path) -> None:
    write_text(project / "shots" / "shotlist.json", shotlist_json(shotlist))
    write_shotlist_csv(shotlist, project / "shots" / "shotlist.csv")


def cinematographer(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Break the script into shots (or change only the shots a revise note names)."""
    note = state.revise_note
    progress("shots", 0, 1, "breaking down the script")
    notes: list[str] = []
    readings = []  # what the gate says of the note: what changed, and what could not
    fresh = True
    if note and state.shotlist is not None and note_names_shot(note):
        fresh = False
        # What can apply applies; a shot not in the list comes back at the gate, in words.
        shotlist, changed, reading = read_shot_note(state.shotlist, note)
        shotlist = _keep_fit(shotlist, state.shotlist)
        played = _played(state.script, shotlist)
        readings.append(reading)
        notes.append(f"cinematographer: changed shot(s) {', '.join(changed)} only: {note}" if changed else
                     f"cinematographer: note not applied ({'; '.join(reading.not_applied)})")
    elif note and state.shotlist is not None:
        planned, played, fitted = _plan_shots(state, note)
        shotlist = _keep_fit(_replay_shot_notes(planned, state), planned)
        understood = not read_breakdown_note(note).is_empty or not read_length_note(note).is_empty
        if not read_breakdown_note(note).is_empty or read_length_note(note).is_empty:
            readings.append(shot_list_reading(note, read_breakdown_note(note)))
        readings.extend(fitted)
        notes.append(f"cinematographer: new breakdown with the note: {note}" if understood else
                     f"cinematographer: note not understood offline ({note}); the cinematographer takes whole-film "
                     "notes such as fewer/more shots, tighter, handheld, low angles, or one shot: 'shot 2.1: low angle'")
    else:
        shotlist, played, fitted = _plan_shots(state, note)
        readings.extend(fitted)
        if note and read_length_note(note).is_empty:  # a version forked at the shots stage
            readings.append(shot_list_reading(note, read_breakdown_note(note)))
    usage = []
    if fresh and runtime.context.llm != "offline":  # model engine: words only; the plan (ids, sizes, moves) stays
        shotlist, used = describe_shots(state.script, shotlist, chat_model_for(runtime.context))
        usage.append(used)
    violations = check_shots(shotlist, played)  # what the cut plays: left-out scenes and lines are not missing
    write_shotlist(shotlist, runtime.context.project)
    _write_cut_plan(shotlist, state.script, runtime.context.project)
    progress("shots", 1, 1, f"{len(shotlist.shots)} shots")
    notes.append(f"cinematographer: {len(shotlist.shots)} shots, {len(violations)} continuity issues")
    update = {"shotlist": shotlist, "shot_violations": violations, "revise_note": "", "notes": notes, "usage": usage,
              "readings": readings}
    if shotlist.fitted_to_s and abs(shotlist.fitted_to_s - state.brief.length_s) > 0.05:
        # The length the person settled on at the gate (a number, or the script as written) is the film's.
        update["brief"] = state.brief.model_copy(update={"length_s": shotlist.fitted_to_s})
    return update


def _replay_shot_notes(shotlist: ShotList, state: FilmState) -> ShotList:
    """A whole-film note rebuilds the list; the person's earlier one-shot changes are put back on it."""
    for record in state.history:
        said = record.answer.note
        if record.answer.action == "revise" and record.gate in ("shots", "storyboard") and note_names_shot(said):
            try:
                shotlist, _ = apply_shot_note(shotlist, said)
            except BadInput:
                continue  # that shot is not in the new breakdown
    return shotlist


def _shot_time(state: FilmState) -> float:
    return state.brief.length_s


# --------------------------------------------------------------------------- length of an imported script


def _length_asked(state: FilmState) -> tuple[float | None, str]:
    """(film seconds, or None for the script as written; who asked). The latest length note at the
    shots gate wins over --length; with neither, an imported script plays as written."""
    said = [h.answer.note for h in state.history if h.gate == "shots" and h.answer.action == "revise"]
    for note in reversed(said + [state.revise_note]):
        asked = read_length_note(note or "")
        if not asked.is_empty:
            return asked.target_s, f"note '{note.strip()}'"
    if state.brief.length_given:
        return state.brief.length_s, f"--length {state.brief.length_s:g}"
    return None, ""


def _plan_shots(state: FilmState, note: str) -> tuple[ShotList, Script, list[Reading]]:
    """The shot list, the script the cut plays, and what the gate says about the length.

    A script the crew wrote from a brief is written to the length; an imported one is fitted to it by
    choosing scenes, lines and shots (tools.shots.fit)."""
    script = state.script
    if script.source == "brief":
        return break_down(script, _shot_time(state), note=note), script, []
    target, asked_by = _length_asked(state)
    natural = natural_length_s(script)
    not_applied = []
    if target is None and not asked_by and natural > MAX_UNASKED_S:
        # Never a long film nobody asked for (the CLI refuses this up front; other callers land here).
        target = MAX_UNASKED_S
        not_applied.append(f"the script runs about {natural / 60:.0f} min as written and a film over 10 minutes "
                           "needs an explicit length: a 10-minute cut is planned. Give a length ('make it 3 "
                           "minutes') or say 'the script as written'")
    plan = plan_cut(script, target, note=note, report=state.script_report)
    fitted = plan.shotlist
    scenes = len(script.scenes)
    if target is None:
        detail = f"the script as written: all {scenes} scenes, about {natural:.0f} s"
    else:
        detail = (f"cut planned to {plan.planned_s:.0f} s for {target:.0f} s (about {natural:.0f} s as written): "
                  + (f"kept {scenes - len(fitted.omitted)} of {scenes} scenes" if fitted.omitted else "every scene kept")
                  + (f", lines shortened in {len(fitted.trimmed)}" if fitted.trimmed else ""))
        if abs(plan.planned_s - target) > TOLERANCE * target:
            not_applied.append(f"the cut runs {plan.planned_s:.0f} s, not within 15 % of {target:.0f} s: "
                               + ("even the barest coverage of the scenes kept is longer" if plan.planned_s > target
                                  else "the script is too short to fill it"))
    reading = Reading(source="note" if asked_by.startswith("note") else "script", stage="cinematographer",
                      text=asked_by or "the script's own length",
                      used=[Understood(text=asked_by or "no --length", became="length", detail=detail)],
                      not_applied=not_applied)
    return fitted, plan.script, [reading]


def _keep_fit(shotlist: ShotList, fitted: ShotList | None) -> ShotList:
    """A one-shot change keeps the record of what the cut left out."""
    if fitted is None:
        return shotlist
    return shotlist.model_copy(update={k: getattr(fitted, k) for k in ("fitted_to_s", "natural_s", "omitted", "trimmed")})


def _played(script: Script, shotlist: ShotList) -> Script:
    """The scenes a one-shot change is checked against: a scene the fit left out is not missing
    coverage, and a scene whose lines it shortened is not checked for the lines it cut."""
    skipped = {h.split(".", 1)[0] for h in shotlist.omitted + shotlist.trimmed}
    return script.model_copy(update={"scenes": [s for s in script.scenes if str(s.index) not in skipped]})


def _write_cut_plan(shotlist: ShotList, script: Script, project: Path) -> None:
    """shots/cut.md: the length planned and, in words, every scene and line the cut leaves out."""
    lines = ["# The cut's length", ""]
    if shotlist.fitted_to_s:
        lines.append(f"Planned to {shotlist.fitted_to_s:.0f} s; the script runs about {shotlist.natural_s or 0:.0f} s "
                     "as written. Say 'the script as written' at the shots gate to keep every scene.")
    lines += ["", f"## Scenes left out ({len(shotlist.omitted)} of {len(script.scenes)})", ""]
    lines += [f"- {h}" for h in shotlist.omitted] or ["- none"]
    lines += ["", "## Scenes with lines shortened", ""] + ([f"- {t}" for t in shotlist.trimmed] or ["- none"])
    write_text(project / "shots" / "cut.md", "\n".join(lines) + "\n")


# --------------------------------------------------------------------------- storyboard batch


def _locked_look(state: FilmState, project: Path, cache_root: Path) -> tuple[StyleBible, list[CharacterProfile]]:
    """The storyboard draws from what is locked in memory: this version's style, the project's cast."""
    style = CrewMemory(project / "memory").locked_style() or state.style
    by_name = {p.name: p for p in CrewMemory(cache_root / "memory").characters()}
    cast = [by_name.get(p.name, p) for p in state.cast]
    return style, cast


def _draw(shot: Shot, state: FilmState, style: StyleBible, cast: list[CharacterProfile], variant: int,
          seed: int, context: FilmContext, cache: AssetCache, provider: ImagesProvider) -> tuple[Path, dict, str, dict]:
    scene = lit_scene(state.script.scenes, shot.scene)
    size = frame_size(state.brief.aspect)
    in_shot = [p for p in cast if p.name in shot.subjects]
    key = content_hash("frame", context.images, RENDERER_REVISION, shot, scene, style, in_shot, size, variant, seed)
    cached = cache.get("frames", key, ".png")
    meta = cache.meta("frames", key)
    if cached and meta is not None:
        return cached, meta["boxes"], key, meta.get("drawn", {})
    # Reference sheets let an image model see the locked faces and wardrobes (previs ignores them).
    sheets = [str(context.project / p.sheet) for p in in_shot if p.sheet and (context.project / p.sheet).is_file()]
    request = ImageRequest(shot=shot, scene=scene, style=style, cast=in_shot, size=size, variant=variant,
                           seed=seed, prompt=build_image_prompt(shot, scene, style, in_shot), reference_images=sheets)
    rendered = provider.generate(request)
    target = cache.path("frames", key, ".png")
    tmp = temp_path_for(target)
    rendered.image.save(tmp, format="PNG", compress_level=1)  # encoding, not drawing, is the slow part
    tmp.replace(target)
    boxes = {name: list(map(int, box)) for name, box in rendered.boxes.items()}
    drawn = rendered.drawn or {"shot": shot.id, "drawn_by": context.images, "note": "drawn by an image model: "
                               "nothing is located until QC checks it"}
    cache.put_meta("frames", key, {"boxes": boxes, "shot": shot.id, "variant": variant, "drawn": drawn})
    return target, boxes, key, drawn


def _write_drawn(frame_png: Path, drawn: dict) -> None:
    """frames/<shot>/<variant>.json beside the PNG: what was drawn, where and as what (left alone when unchanged)."""
    target = frame_png.with_suffix(".json")
    text = json.dumps(drawn, indent=2, sort_keys=True)
    if not (target.is_file() and target.read_text(encoding="utf-8") == text):
        write_text(target, text)


def _checked(frame: Frame, key: str, project: Path, cast: list[CharacterProfile], style: StyleBible,
             cache: AssetCache) -> ShotQC:
    """QC of a freshly drawn frame, remembered by what drew it (a re-run or a fork does not re-score it)."""
    qc_key = content_hash("qc", key, cast, style, CHARACTER_THRESHOLD, STYLE_THRESHOLD)
    known = cache.meta("qc", qc_key)
    if known is not None:
        return ShotQC.model_validate(known).model_copy(update={"id": frame.shot_id, "variant": frame.variant,
                                                                "path": frame.path})
    check = qc_frame(frame, project, cast, style, style_score=style_score)
    cache.put_meta("qc", qc_key, check.model_dump(mode="json"))
    return check


def storyboard(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Frames for every shot in the locked style and cast, N variants each, best one preselected."""
    context = runtime.context
    project = context.project
    shotlist, notes, fixes, touched, readings = state.shotlist, [], [], None, []
    if state.revise_note:
        shotlist, touched, reading = read_shot_note(shotlist, state.revise_note)
        readings.append(reading)
        if touched:
            notes.append(f"cinematographer: redrew shot(s) {', '.join(touched)}: {state.revise_note}")
            write_shotlist(shotlist, project)
        else:
            notes.append(f"cinematographer: note not applied ({'; '.join(reading.not_applied)})")
    style, cast = _locked_look(state, project, context.cache_dir)
    cache = AssetCache(context.cache_dir)
    provider = images_provider(context.images, load_config(context.cache_dir, images=context.images))
    # A paid image model gets one redraw for a flagged frame, not the previs renderer's two.
    attempts = REGENERATE_ATTEMPTS if context.images == "previs" else 1

    shots = []
    for shot in shotlist.shots:
        fixed, corrections = enforce_lock(shot.description, cast)
        if corrections:
            fixes.extend(f"shot {shot.id}: {c}" for c in corrections)
            shot = shot.model_copy(update={"description": fixed})
        shots.append(shot)
    shotlist = shotlist.model_copy(update={"shots": shots})  # keeps the record of what the cut left out

    frames: dict[str, list[Frame]] = {}
    chosen: dict[str, int] = {}
    checks: dict[str, ShotQC] = {}
    total = len(shots) * context.variants
    for i, shot in enumerate(shots):
        options = []
        for variant in range(context.variants):
            progress("storyboard", i * context.variants + variant, total, f"shot {shot.id} v{variant}")
            target = project / "frames" / shot.id / f"{variant}.png"
            best = None
            for attempt in range(attempts + 1):
                seed = state.brief.seed + attempt * 101
                path, boxes, key, drawn = _draw(shot, state, style, cast, variant, seed, context, cache, provider)
                publish(path, target)
                _write_drawn(target, drawn)
                frame = Frame(shot_id=shot.id, variant=variant, path=rel(project, target), seed=seed,
                              character_boxes=boxes, content_hash=key)
                check = _checked(frame, key, project, cast, style, cache)
                quality = min([*check.character_scores.values(), check.style_score or 0.0])
                if best is None or quality > best[0]:
                    best = (quality, path, frame, check, drawn)
                if not check.flagged:
                    break
            quality, path, frame, check, drawn = best
            if attempt > 0:
                fixes.append(f"shot {shot.id} v{variant}: flagged ({'; '.join(check.reasons[:1]) or 'drift'}); "
                             f"redrawn {attempt}×, " + ("now passes" if not check.flagged else "best attempt kept"))
            publish(path, target)
            _write_drawn(target, drawn)
            options.append((quality - (1.0 if check.flagged else 0.0), frame, check))
        frames[shot.id] = [f for _, f, _ in options]
        chosen[shot.id] = max(range(len(options)), key=lambda k: options[k][0])
        kept = state.chosen_variant.get(shot.id)
        if touched is not None and shot.id not in touched and kept is not None and kept < len(options):
            chosen[shot.id] = kept  # a note on one shot leaves the person's picks on the others alone
        checks[shot.id] = options[chosen[shot.id]][2]
    progress("storyboard", total, total, "checking every frame")

    picked = [frames[s.id][chosen[s.id]] for s in shots]
    report = QCReport(shots=[checks[s.id] for s in shots])
    model_usage: list = []
    if context.llm != "offline":  # a vision model's judgement of each chosen frame, as QC's second signal
        from agents.consistency import vision_check

        report, judged = vision_check(report, picked, project, cast, chat_model_for(context))
        model_usage.extend(judged)
    write_qc_report(report, project)
    write_storyboard_pdf(shotlist, {f.shot_id: str(project / f.path) for f in picked}, project / "shots" / "storyboard.pdf",
                         title=state.script.title)
    for scene in state.script.scenes:
        in_scene = [f for f in picked if f.shot_id.split(".")[0] == str(scene.index)]
        if not in_scene:
            continue
        title = f"{scene.index}. {scene.heading}"
        # The slate is the sheet's caption under each frame (frames carry none).
        by_id = {s.id: s for s in shotlist.shots}
        labels = [slate_text(by_id[f.shot_id], compact=True) if f.shot_id in by_id else f.shot_id for f in in_scene]
        key = content_hash("contact", title, [f.content_hash for f in in_scene], labels)
        sheet = cache.get("sheets", key, ".png") or contact_sheet([project / f.path for f in in_scene],
                                                                  cache.path("sheets", key, ".png"), title=title,
                                                                  labels=labels)
        publish(sheet, project / "frames" / f"contact_scene_{scene.index}.png")
    write_json(project / "frames" / "chosen.json", chosen)
    flagged = sum(s.flagged for s in report.shots)
    notes.append(f"cinematographer: {len(shots)} shots × {context.variants} variants drawn; {len(fixes)} fixes by the "
                 f"consistency checks; {flagged} chosen frames still flagged by QC")
    notes.extend(f"consistency: {fix}" for fix in fixes)
    usage = (provider.take_usage() if hasattr(provider, "take_usage") else []) + model_usage
    return {"shotlist": shotlist, "frames": frames, "chosen_variant": chosen, "revise_note": "", "notes": notes,
            "readings": readings,
            "usage": usage, "storyboard_fixes": fixes}
