"""The film's other cuts, made from the full cut's material: the teaser and the vertical version.

Both reuse what the full cut already made (clips, cards, the music and its
beat grid) and the segment cache, so making them costs only their own new
pictures: the teaser's excerpts and the vertical reframes. Each is an `Edit`
like the full cut (version 'teaser' or 'vertical'), so it can be exported
and re-rendered the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph.state import Clip, Cut, Edit, Frame, ScriptReport, Shot
from tools.atomic import content_hash, file_hash
from tools.cache import publish
from tools.errors import BadInput
from tools.motion.camera import frame_count
from tools.motion.encode import recipe, sweep_scratch
from tools.timeline.assemble import assemble_film
from tools.timeline.cards import render_card
from tools.timeline.excerpt import cut_excerpt, excerpt_key
from tools.timeline.teaser import teaser_cuts
from tools.timeline.vertical import VERTICAL_SIZE, render_vertical_clip

VERSIONS = ("full", "teaser", "vertical")


@dataclass(frozen=True)
class CutMaterials:
    """What every version is cut from: the project's shots, the frame and clip each plays with,
    the script's report (for the teaser's mood curve) and the card text."""

    project: Path
    cache_dir: Path
    shots: list[Shot]
    frames: dict[str, Frame]
    clips: dict[str, Clip]
    report: ScriptReport | None = None
    title_lines: list[str] = field(default_factory=lambda: ["Untitled"])
    end_lines: list[str] = field(default_factory=lambda: ["THE END"])
    card_colors: dict[str, str] = field(default_factory=dict)
    seed: int = 0
    fps: int = 24
    workers: int = 2


def _film_path(project: Path, version: str) -> Path:
    return Path(project) / "edit" / f"{version}.mp4"


def _rel(project: Path, path: Path) -> str:
    return Path(path).resolve().relative_to(Path(project).resolve()).as_posix()


def _pool_run(jobs: list[Callable[[int], None]], workers: int) -> None:
    """Run encodes side by side; a lone one gets every thread."""
    threads = max(1, workers) if len(jobs) == 1 else 1
    if len(jobs) <= 1 or workers <= 1:
        for job in jobs:
            job(threads)
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="version") as pool:
        list(pool.map(lambda job: job(threads), jobs))


def _finish(version: str, cuts: list[Cut], jobs: list, published: list[tuple[Path, Path]], full: Edit,
            m: CutMaterials, size: tuple[int, int]) -> Path:
    """Encode what the cache lacks, put each clip where people look for it, and join the version's film."""
    _pool_run(jobs, m.workers)
    for cached, target in published:
        publish(cached, target)
    project = Path(m.project)
    return assemble_film(cuts, project, project / full.music if full.music else None, _film_path(project, version),
                         size, fps=m.fps, workers=m.workers, cache_root=Path(m.cache_dir))


def teaser_edit(full: Edit, m: CutMaterials, size: tuple[int, int]) -> Edit:
    """Cut and render edit/teaser.mp4: the strongest shots, faster, on the full cut's beat grid."""
    in_film = {c.shot_id for c in full.cuts}
    cards = [c for c in full.cuts if c.shot_id in ("title", "end")]
    if len(cards) != 2:
        raise BadInput("the full cut has no title and end card to open and close the teaser")
    plan = teaser_cuts([s for s in m.shots if s.id in in_film], m.clips, m.report, full.beats_s,
                       title_card=cards[0].clip, end_card=cards[1].clip, fps=m.fps)
    project, cache = Path(m.project), Path(m.cache_dir) / ".cache" / "excerpts"
    sweep_scratch(cache)
    cuts, jobs, published = [], [], []
    for cut in plan.cuts:
        if cut.shot_id not in plan.source_in_s:
            cuts.append(cut)
            continue
        source = project / cut.clip
        start = plan.source_in_s[cut.shot_id]
        cached = cache / f"{excerpt_key(source, start, cut.duration_s, size, m.fps)}.mp4"
        target = project / "edit" / "teaser" / f"{cut.shot_id}.mp4"
        if not cached.exists():
            jobs.append(lambda threads, s=source, a=start, d=cut.duration_s, c=cached:
                        cut_excerpt(s, a, d, c, size, m.fps, threads))
        published.append((cached, target))
        cuts.append(cut.model_copy(update={"clip": _rel(project, target)}))
    film = _finish("teaser", cuts, jobs, published, full, m, size)
    dropped = [f"{sid}: {why}" for sid, why in plan.left_out.items()]
    return Edit(version="teaser", cuts=cuts, beats_s=full.beats_s, tempo_bpm=full.tempo_bpm, music=full.music,
                outputs={"film": _rel(project, film)}, dropped=dropped, duration_s=round(plan.duration_s, 3))


def vertical_key(frame: Path, boxes: dict, movement: str, duration_s: float, size: tuple[int, int], fps: int,
                 seed: int) -> str:
    """Content hash of everything that decides a vertical reframe's pixels."""
    return content_hash("vertical", recipe(), file_hash(frame), sorted((k, list(v)) for k, v in boxes.items()),
                        movement, frame_count(duration_s, fps), list(size), fps,
                        seed if movement == "handheld" else 0, round(duration_s, 6) if movement == "handheld" else 0)


def vertical_edit(full: Edit, m: CutMaterials, size: tuple[int, int] = VERTICAL_SIZE) -> Edit:
    """Reframe every shot of the full cut to 9:16 around its characters, set the cards upright,
    and render edit/vertical.mp4 with the same cuts on the same beats."""
    project, cache = Path(m.project), Path(m.cache_dir) / ".cache" / "vertical"
    sweep_scratch(cache)
    shots = {s.id: s for s in m.shots}
    cards = {"title": render_card(m.title_lines, size, m.card_colors, project / "edit" / "cards" / "title_vertical.png"),
             "end": render_card(m.end_lines, size, m.card_colors, project / "edit" / "cards" / "end_vertical.png")}
    cuts, jobs, published = [], [], []
    for cut in full.cuts:
        if cut.shot_id in cards:
            cuts.append(cut.model_copy(update={"clip": _rel(project, cards[cut.shot_id])}))
            continue
        shot, frame = shots.get(cut.shot_id), m.frames.get(cut.shot_id)
        if shot is None or frame is None:
            raise BadInput(f"shot {cut.shot_id} of the cut has no shot or storyboard frame to reframe")
        still = project / frame.path
        if not still.is_file():
            raise BadInput(f"storyboard frame not found: {frame.path}")
        cached = cache / f"{vertical_key(still, frame.character_boxes, shot.movement, cut.duration_s, size, m.fps, m.seed)}.mp4"
        if not cached.exists():
            jobs.append(lambda threads, f=still, b=frame.character_boxes, mv=shot.movement, d=cut.duration_s, c=cached:
                        render_vertical_clip(f, b, mv, d, c, size, m.fps, m.seed, threads))
        target = project / "edit" / "vertical" / f"{cut.shot_id}.mp4"
        published.append((cached, target))
        cuts.append(cut.model_copy(update={"clip": _rel(project, target)}))
    film = _finish("vertical", cuts, jobs, published, full, m, size)
    return Edit(version="vertical", cuts=cuts, beats_s=full.beats_s, tempo_bpm=full.tempo_bpm, music=full.music,
                outputs={"film": _rel(project, film)}, dropped=list(full.dropped), duration_s=full.duration_s)


def full_edit(full: Edit, m: CutMaterials, size: tuple[int, int]) -> Edit:
    """Render edit/full.mp4 again from the cut as it stands (every unchanged segment is reused)."""
    film = _finish("full", full.cuts, [], [], full, m, size)
    return full.model_copy(update={"outputs": {**full.outputs, "film": _rel(Path(m.project), film)}})


def render_version(version: str, full: Edit, m: CutMaterials, size: tuple[int, int]) -> Edit:
    """The named version (full, teaser or vertical) of the cut, rendered to edit/<version>.mp4."""
    if version == "full":
        return full_edit(full, m, size)
    if version == "teaser":
        return teaser_edit(full, m, size)
    if version == "vertical":
        return vertical_edit(full, m)
    raise BadInput(f"unknown version {version!r}; use one of {', '.join(VERSIONS)}")
