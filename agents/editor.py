"""Editor (SOP steps 5 and 7): clips with a controlled camera, cut on the music's beats.

Tools: the camera-move renderer (the offline video provider), the music bed
synthesiser and librosa beat tracking, beat-grid fitting, title/end cards,
the segment-cached assembler, subtitles, and timeline export for editing
software (OTIO, FCP 7 XML, CMX 3600 EDL).

The cut is planned before the clips are rendered: every shot is rendered at
exactly the length it will play, so clips are joined without re-encoding and
every cut lands on a beat.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
from langgraph.runtime import Runtime

from agents.stage import progress, progress_reporter, rel
from graph.context import FilmContext
from graph.state import Clip, Cut, Edit, FilmState
from tools.atomic import content_hash, file_hash
from tools.audio.beats import BeatGrid, detect_beats, write_beats_json
from tools.audio.music import bed_length_s, choose_tempo, synthesize_bed
from tools.audio.convert import import_music
from tools.cache import AssetCache, publish
from tools.errors import BadInput
from tools.motion.camera import ClipJob
from tools.previs.render import frame_size
from tools.providers.config import load_config
from tools.providers.registry import video_provider
from tools.timeline.assemble import assemble_film, write_srt
from tools.timeline.cards import render_card
from tools.timeline.export import build_timeline, export_timeline
from tools.timeline.fit import fit_to_beats
from tools.timeline.notes import cut_decisions, read_cut_note
from tools.timeline.versions import CutMaterials, teaser_edit, vertical_edit
from tools.timeline.waste import FrameVerdict, choose_usable_frames, close_gaps, readable_range, render_or_drop

FPS = 24
TITLE_S = 3.0
END_S = 3.0
TITLE_LINES = "a filmcrew draft"


def _music(state: FilmState, context: FilmContext, length_s: float) -> Path:
    target = context.project / "edit" / "music.wav"
    if context.music_path:
        return import_music(Path(context.music_path), target, min_length_s=length_s)
    mood = [(m.valence, m.intensity) for m in state.script_report.mood_curve] or [(0.0, 0.5)]
    valence = float(np.mean([v for v, _ in mood]))
    intensity = float(np.mean([i for _, i in mood]))
    seed = state.brief.seed + 1000 * _cut_notes(state)[1]  # each "new music" note is another take
    key = content_hash("music", length_s, mood, seed, state.style.name if state.style else "")
    cache = AssetCache(context.cache_dir)
    cached = cache.get("music", key, ".wav")
    if cached is None:
        cached = synthesize_bed(length_s, choose_tempo(valence, intensity), mood, seed,
                                cache.path("music", key, ".wav"))
    return publish(cached, target)


def _cut_notes(state: FilmState):
    """The editor's standing decisions from every revise note given at the cut gate."""
    notes = [h.answer.note for h in state.history if h.gate == "cut" and h.answer.action == "revise"]
    if state.revise_note and (not notes or notes[-1] != state.revise_note):
        notes.append(state.revise_note)  # a version forked at the cut carries its note here, not in the history
    return cut_decisions(notes)


def _beat_grid(music: Path, cache: AssetCache) -> BeatGrid:
    """Beats of the music, tracked once per distinct file (tracking is the slow part of a re-cut)."""
    key = content_hash("beats", file_hash(music))
    known = cache.meta("beats", key)
    if known is not None:
        return BeatGrid.model_validate(known)
    grid = detect_beats(music)
    cache.put_meta("beats", key, grid.model_dump(mode="json"))
    return grid


def _bed_and_beats(state: FilmState, context: FilmContext, planned: list[tuple[str, float, float, float]]):
    """The music bed, its beat grid, the title card's length and every shot's cut length.

    The bed is made (or a given track looped) to cover the cut as planned, not the length asked
    for: a script played as written runs its own length, and the music must never run out
    before the film. Should the beat fit land the end later than the bed, it is made again."""
    cache = AssetCache(context.cache_dir)
    film_s = TITLE_S + sum(p for _, p, _, _ in planned) + END_S
    for _ in range(3):
        music = _music(state, context, bed_length_s(film_s))
        grid = _beat_grid(music, cache)
        title_s = _title_length(grid.beats_s)
        durations = fit_to_beats(planned, grid.beats_s, title_s)
        film_s = title_s + sum(durations) + END_S
        # Covered: the music runs on past the end card. (A generated bed beats to its end; where a
        # person's track has no beats left, the fit carries its grid on at the track's tempo.)
        if grid.duration_s >= film_s + 1.0:
            break
    return music, grid, title_s, durations


def _title_length(beats: list[float]) -> float:
    """The title card ends on the beat nearest three seconds, so the first cut is on the beat."""
    return min(beats, key=lambda b: abs(b - TITLE_S)) if beats else TITLE_S


def _qc_verdicts(state: FilmState, project: Path) -> list[FrameVerdict]:
    """QC verdicts on the frames the cut would use: qc/report.json as the storyboard left it, and a
    fresh score of the other variants of any shot whose chosen frame was flagged (rare, so cheap)."""
    try:
        report = json.loads((project / "qc" / "report.json").read_text())
    except (OSError, ValueError):
        return []
    verdicts = [FrameVerdict(e["id"], int(e.get("variant", 0)), bool(e.get("flagged")), tuple(e.get("reasons", [])))
                for e in report.get("shots", []) if "id" in e]
    flagged = {v.shot_id for v in verdicts
               if v.flagged and v.variant == state.chosen_variant.get(v.shot_id, 0)}
    if flagged:
        from tools.cast.qc import qc_frame
        from tools.style.compliance import style_score

        seen = {(v.shot_id, v.variant) for v in verdicts}
        for shot_id in sorted(flagged):
            for frame in state.frames.get(shot_id, []):
                if (shot_id, frame.variant) not in seen:
                    check = qc_frame(frame, project, state.cast, state.style, style_score=style_score)
                    verdicts.append(FrameVerdict(shot_id, frame.variant, check.flagged, tuple(check.reasons)))
    return verdicts


def animate(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Plan the cut on the music's beat grid, then render every shot as a clip at its cut length."""
    context = runtime.context
    project = context.project
    # Waste first: a shot with no usable frame never reaches the beat plan.
    usable = choose_usable_frames(state.shotlist.shots, state.frames, state.chosen_variant,
                                  _qc_verdicts(state, project))
    shots = [s for s in state.shotlist.shots if s.id in usable.variants]
    if not shots:
        raise BadInput("no shot has a usable storyboard frame: " + "; ".join(f"{k}: {v}" for k, v in usable.dropped.items()))
    progress("animate", 0, len(shots) + 1, "music and beats")
    pace = _cut_notes(state)[0].pace  # "faster" at the cut gate plans every shot shorter, within what reads
    planned = []
    for s in shots:
        shortest, longest = readable_range(s)
        planned.append((s.id, min(max(s.duration_s * pace, shortest), longest), shortest, longest))
    music, grid, title_s, durations = _bed_and_beats(state, context, planned)
    write_beats_json(grid, project / "edit" / "beats.json")

    size = frame_size(state.brief.aspect)
    cache = AssetCache(context.cache_dir)
    jobs, clips, cuts = [], {}, [Cut(shot_id="title", clip="edit/cards/title.png", record_in_s=0.0, duration_s=title_s)]
    at = title_s
    for shot, duration in zip(shots, durations):
        frame = state.frames[shot.id][usable.variants[shot.id]]
        key = content_hash("clip", context.video, file_hash(project / frame.path), shot.movement, duration, FPS, size,
                           state.brief.seed)
        path = cache.path("clips", key, ".mp4")
        if not path.exists():
            jobs.append(ClipJob(frame_path=project / frame.path, movement=shot.movement, duration_s=duration,
                                out_path=path, fps=FPS, size=size, seed=state.brief.seed, shot_id=shot.id))
        clips[shot.id] = Clip(shot_id=shot.id, path=f"clips/{shot.id}.mp4", duration_s=duration,
                              movement=shot.movement, frame_path=frame.path, content_hash=key)
        cuts.append(Cut(shot_id=shot.id, clip=f"clips/{shot.id}.mp4", record_in_s=round(at, 4), duration_s=duration,
                        dialogue=shot.dialogue))
        at += duration
    cuts.append(Cut(shot_id="end", clip="edit/cards/end.png", record_in_s=round(at, 4), duration_s=END_S))

    done = [0]
    report = progress_reporter("animate")

    def on_done(_job) -> None:  # runs on the render pool's threads
        done[0] += 1
        report(done[0], len(jobs) + 1, "clips")

    usage, failed = [], {}
    if context.video == "camera":
        failed = render_or_drop(jobs, workers=context.workers, on_done=on_done)
    else:  # a video model animates each approved frame; its camera move travels in words (tools/providers/video.py)
        provider = video_provider(context.video, load_config(context.cache_dir, video=context.video), fps=FPS, size=size,
                                  seed=state.brief.seed)
        by_id = {s.id: s for s in shots}
        for job in jobs:
            provider.render(job.frame_path, by_id[job.shot_id], job.duration_s, job.out_path,
                            on_progress=lambda f, label: report(done[0], len(jobs) + 1, f"{label} ({f:.0%})"))
            on_done(job)
        usage = provider.take_usage()
    if failed:  # the cut closes up over a clip that could not be made; later cuts keep their beats
        clips = {k: v for k, v in clips.items() if k not in failed}
        cuts = close_gaps(cuts, set(failed))
        at = cuts[-1].record_in_s
    for shot_id, clip in clips.items():
        publish(cache.path("clips", clip.content_hash, ".mp4"), project / clip.path)
    progress("animate", len(jobs) + 1, len(jobs) + 1, f"{len(jobs)} clips rendered, {len(shots) - len(jobs)} reused")
    dropped = [f"{k}: {why}" for k, why in {**usable.dropped, **failed}.items()]
    edit = Edit(cuts=cuts, beats_s=grid.beats_s, tempo_bpm=grid.tempo_bpm, music=rel(project, music),
                duration_s=round(at + END_S, 3), dropped=dropped)
    return {"clips": clips, "edit": edit, "usage": usage,
            "notes": [f"editor: {len(clips)} clips at {grid.tempo_bpm:.0f} bpm; {len(jobs)} rendered, {len(shots) - len(jobs)} from cache"]
            + [f"editor: shot {k} plays variant {v} (the chosen frame was flagged by QC)" for k, v in usable.swapped.items()]
            + [f"editor: dropped {line}" for line in dropped]}


def _cards(state: FilmState, project: Path, size: tuple[int, int]) -> None:
    colors = {c.role: c.hex for c in state.style.palette} if state.style else {}
    render_card(_title_lines(state), size, colors, project / "edit" / "cards" / "title.png")
    render_card(_end_lines(state), size, colors, project / "edit" / "cards" / "end.png")


def _title_lines(state: FilmState) -> list[str]:
    return [state.script.title, TITLE_LINES]


def _end_lines(state: FilmState) -> list[str]:
    return ["THE END", state.script.title]


def cut_materials(state: FilmState, context: FilmContext) -> CutMaterials:
    """What the teaser and vertical versions are cut from, as the state on disk has it."""
    in_film = {c.shot_id for c in state.edit.cuts}
    # The frame a shot plays with is the one its clip was made from (waste removal may have swapped it).
    chosen = {sid: f for sid in in_film for f in state.frames.get(sid, [])
              if sid in state.clips and f.path == state.clips[sid].frame_path}
    return CutMaterials(project=context.project, cache_dir=context.cache_dir, shots=state.shotlist.shots,
                        frames=chosen, clips={k: v for k, v in state.clips.items() if k in in_film},
                        report=state.script_report, title_lines=_title_lines(state), end_lines=_end_lines(state),
                        card_colors={c.role: c.hex for c in state.style.palette} if state.style else {},
                        seed=state.brief.seed, fps=FPS, workers=context.workers)


def editor(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Assemble the draft film on the beat grid, with subtitles and cards, and export the timeline."""
    project = runtime.context.project
    size = frame_size(state.brief.aspect)
    subtitles = _cut_notes(state)[0].subtitles
    progress("edit", 0, 5, "cards")
    _cards(state, project, size)
    cuts = [c if subtitles else c.model_copy(update={"dialogue": None}) for c in state.edit.cuts]
    progress("edit", 1, 5, "assembling the film")
    film = assemble_film(cuts, project, project / state.edit.music, project / "edit" / "full.mp4", size, fps=FPS,
                         cache_root=runtime.context.cache_dir)
    write_srt(state.edit.cuts, project / "edit" / "subtitles.srt")
    progress("edit", 2, 5, "exporting the timeline")
    edit = state.edit.model_copy(update={"cuts": cuts})
    timeline = build_timeline(edit, {s.id: s for s in state.shotlist.shots}, project, fps=FPS)
    exported = export_timeline(timeline, project)
    outputs = {"film": rel(project, film), "srt": "edit/subtitles.srt", "beats": "edit/beats.json"}
    outputs.update({p.suffix.lstrip("."): rel(project, p) for p in exported})
    edit = edit.model_copy(update={"outputs": outputs})
    progress("edit", 3, 5, "the teaser")
    versions_made, versions_failed = _versions(state.model_copy(update={"edit": edit}), runtime.context, size)
    outputs.update(versions_made)
    progress("edit", 5, 5, "draft film ready")
    edit = edit.model_copy(update={"outputs": outputs})
    note_done, readings = "", []
    if state.revise_note:
        read = read_cut_note(state.revise_note)
        readings.append(read.reading(state.revise_note))  # the cut gate says what was done and what was not
        note_done = (f"; note '{state.revise_note}': " + ", ".join(read.said()) if read.understood else
                     f"; note '{state.revise_note}' not understood offline (the editor takes faster/slower cutting, "
                     "new music, subtitles on/off; fork at an earlier stage for script, shots or look)")
    return {"edit": edit, "revise_note": "", "readings": readings,
            "notes": [f"editor: draft film {edit.duration_s:.1f} s in {outputs['film']}{note_done}"] + versions_failed}


def _versions(state: FilmState, context: FilmContext, size: tuple[int, int]) -> tuple[dict[str, str], list[str]]:
    """The teaser and the vertical version, from the full cut's clips and cached segments.

    A version that cannot be made costs a note, never the draft film already made."""
    made, notes = {}, []
    materials = cut_materials(state, context)
    for name, make in (("teaser", lambda: teaser_edit(state.edit, materials, size)),
                       ("vertical", lambda: vertical_edit(state.edit, materials))):
        try:
            version = make()
        except (BadInput, RuntimeError) as error:
            notes.append(f"editor: no {name} version ({error})")
            continue
        made[name] = version.outputs["film"]
        notes.append(f"editor: {name} {version.duration_s:.1f} s in {version.outputs['film']}")
    return made, notes
