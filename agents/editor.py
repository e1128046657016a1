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

import re
from pathlib import Path

import numpy as np
from langgraph.runtime import Runtime

from agents.stage import progress, progress_reporter, rel
from graph.context import FilmContext
from graph.state import Clip, Cut, Edit, FilmState, Shot
from tools.atomic import content_hash, file_hash
from tools.audio.beats import detect_beats, write_beats_json
from tools.audio.music import choose_tempo, synthesize_bed
from tools.audio.convert import import_music
from tools.cache import AssetCache, publish
from tools.motion.camera import ClipJob, render_clips
from tools.previs.render import frame_size
from tools.timeline.assemble import assemble_film, write_srt
from tools.timeline.cards import render_card
from tools.timeline.export import build_timeline, export_timeline
from tools.timeline.fit import fit_to_beats

FPS = 24
TITLE_S = 3.0
END_S = 3.0
WORDS_PER_S = 2.5


def readable_range(shot: Shot) -> tuple[float, float]:
    """Shortest and longest a shot can play: long enough to read its dialogue, never a dead hold."""
    words = len(re.findall(r"\w+", re.sub(r"^[A-Z .'-]+:", "", shot.dialogue or "", flags=re.M)))
    shortest = max(1.5, words / WORDS_PER_S + 0.6) if words else 1.5
    return shortest, max(shortest + 0.5, shot.duration_s * 1.6, 2.5)


def _music(state: FilmState, context: FilmContext, length_s: float) -> Path:
    target = context.project / "edit" / "music.wav"
    if context.music_path:
        return import_music(Path(context.music_path), target, min_length_s=length_s)
    mood = [(m.valence, m.intensity) for m in state.script_report.mood_curve] or [(0.0, 0.5)]
    valence = float(np.mean([v for v, _ in mood]))
    intensity = float(np.mean([i for _, i in mood]))
    key = content_hash("music", length_s, mood, state.brief.seed, state.style.name if state.style else "")
    cache = AssetCache(context.cache_dir)
    cached = cache.get("music", key, ".wav")
    if cached is None:
        cached = synthesize_bed(length_s, choose_tempo(valence, intensity), mood, state.brief.seed,
                                cache.path("music", key, ".wav"))
    return publish(cached, target)


def _title_length(beats: list[float]) -> float:
    """The title card ends on the beat nearest three seconds, so the first cut is on the beat."""
    return min(beats, key=lambda b: abs(b - TITLE_S)) if beats else TITLE_S


def animate(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Plan the cut on the music's beat grid, then render every shot as a clip at its cut length."""
    context = runtime.context
    project = context.project
    shots = state.shotlist.shots
    progress("animate", 0, len(shots) + 1, "music and beats")
    music = _music(state, context, state.brief.length_s + 4.0)
    grid = detect_beats(music)
    write_beats_json(grid, project / "edit" / "beats.json")

    title_s = _title_length(grid.beats_s)
    planned = [(s.id, s.duration_s, *readable_range(s)) for s in shots]
    durations = fit_to_beats(planned, grid.beats_s, title_s)

    size = frame_size(state.brief.aspect)
    cache = AssetCache(context.cache_dir)
    jobs, clips, cuts = [], {}, [Cut(shot_id="title", clip="edit/cards/title.png", record_in_s=0.0, duration_s=title_s)]
    at = title_s
    for shot, duration in zip(shots, durations):
        frame = state.frames[shot.id][state.chosen_variant.get(shot.id, 0)]
        key = content_hash("clip", context.video, file_hash(project / frame.path), shot.movement, duration, FPS, size,
                           state.brief.seed)
        path = cache.path("clips", key, ".mp4")
        if not path.exists():
            jobs.append(ClipJob(frame_path=project / frame.path, movement=shot.movement, duration_s=duration,
                                out_path=path, fps=FPS, size=size, seed=state.brief.seed))
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

    render_clips(jobs, workers=context.workers, on_done=on_done)
    for shot_id, clip in clips.items():
        publish(cache.path("clips", clip.content_hash, ".mp4"), project / clip.path)
    progress("animate", len(jobs) + 1, len(jobs) + 1, f"{len(jobs)} clips rendered, {len(shots) - len(jobs)} reused")
    edit = Edit(cuts=cuts, beats_s=grid.beats_s, tempo_bpm=grid.tempo_bpm, music=rel(project, music),
                duration_s=round(at + END_S, 3))
    return {"clips": clips, "edit": edit,
            "notes": [f"editor: {len(clips)} clips at {grid.tempo_bpm:.0f} bpm; {len(jobs)} rendered, {len(shots) - len(jobs)} from cache"]}


def _cards(state: FilmState, project: Path, size: tuple[int, int]) -> None:
    colors = {c.role: c.hex for c in state.style.palette} if state.style else {}
    render_card([state.script.title, "a filmcrew draft"], size, colors, project / "edit" / "cards" / "title.png")
    render_card(["THE END", state.script.title], size, colors, project / "edit" / "cards" / "end.png")


def editor(state: FilmState, runtime: Runtime[FilmContext]) -> dict:
    """Assemble the draft film on the beat grid, with subtitles and cards, and export the timeline."""
    project = runtime.context.project
    size = frame_size(state.brief.aspect)
    note = state.revise_note.lower()
    subtitles = not re.search(r"\b(no|without|drop|remove)\b.*\bsub(title)?s?\b", note)
    progress("edit", 0, 3, "cards")
    _cards(state, project, size)
    cuts = [c if subtitles else c.model_copy(update={"dialogue": None}) for c in state.edit.cuts]
    progress("edit", 1, 3, "assembling the film")
    film = assemble_film(cuts, project, project / state.edit.music, project / "edit" / "full.mp4", size, fps=FPS)
    write_srt(state.edit.cuts, project / "edit" / "subtitles.srt")
    progress("edit", 2, 3, "exporting the timeline")
    edit = state.edit.model_copy(update={"cuts": cuts})
    timeline = build_timeline(edit, {s.id: s for s in state.shotlist.shots}, project, fps=FPS)
    exported = export_timeline(timeline, project)
    outputs = {"film": rel(project, film), "srt": "edit/subtitles.srt", "beats": "edit/beats.json"}
    outputs.update({p.suffix.lstrip("."): rel(project, p) for p in exported})
    progress("edit", 3, 3, "draft film ready")
    edit = edit.model_copy(update={"outputs": outputs})
    note_done = f"; note applied: {state.revise_note}" if state.revise_note else ""
    return {"edit": edit, "revise_note": "",
            "notes": [f"editor: draft film {edit.duration_s:.1f} s in {outputs['film']}{note_done}"]}
