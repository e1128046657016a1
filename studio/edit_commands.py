"""Commands over the finished cut: render a version of it, export it for other software."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from studio.cli import _open, app, err
from tools.errors import BadInput

out = Console(highlight=False)
CUT_VERSIONS = ("full", "teaser", "vertical")
EXPORT_FORMATS = ("otio", "fcpxml", "edl", "csv", "pdf", "fountain", "fdx")
PROJECT_VERSION = typer.Option("main", "--project-version", help="Which project version (fork) to use; see 'filmcrew versions'.")


def _state_with_cut(project: str, project_version: str):
    runner = _open(project, project_version)
    state = runner.state()
    if state is None or state.edit is None or not state.edit.cuts:
        raise BadInput(f"{runner.project} has no cut yet: run 'filmcrew make' (or approve) until the editor has cut the film")
    return runner, state


@app.command()
def render(project: str = typer.Argument(".", help="Project folder."),
           version: str = typer.Option("full", "--version", help="Which cut: full, teaser or vertical."),
           slate: bool = typer.Option(False, "--slate", help="Also write edit/slated/<version>.mp4: each shot's slate "
                                      "over the picture with the cut's real length (the film itself stays clean)."),
           project_version: str = PROJECT_VERSION) -> None:
    """Render one cut of the film again from the state on disk (unchanged segments are reused)."""
    from agents.editor import FPS, cut_materials
    from tools.previs.render import frame_size
    from tools.timeline.versions import render_version

    if version not in CUT_VERSIONS:
        raise BadInput(f"unknown cut {version!r}; use one of {', '.join(CUT_VERSIONS)}")
    runner, state = _state_with_cut(project, project_version)
    context = runner.context()
    err.print(f"rendering the {version} cut of {runner.project}")
    made = render_version(version, state.edit, cut_materials(state, context), frame_size(state.brief.aspect))
    film = context.project / made.outputs["film"]
    err.print(f"{version}: {made.duration_s:.1f} s at {FPS} fps")
    if slate:
        film = _slated(version, made, state, context, film)
    out.print(str(film))


def _slated(version: str, made, state, context, film: Path) -> Path:
    """edit/slated/<version>.mp4: the cut with its slates; a vertical cut's stay out of its padded fill."""
    from PIL import Image

    from agents.editor import FPS, cut_materials
    from tools.previs.slate import slate_film
    from tools.timeline.probe import probe_media
    from tools.timeline.vertical import picture_bottom

    facts = probe_media(film)
    size = (facts["width"], facts["height"])
    bottoms = {}
    if version == "vertical":
        materials = cut_materials(state, context)
        for shot_id, frame in materials.frames.items():
            path = context.project / frame.path
            if path.is_file():
                with Image.open(path) as image:
                    bottoms[shot_id] = picture_bottom(image.size, frame.character_boxes, size)
    shots = {s.id: s for s in state.shotlist.shots}
    target = slate_film(film, made.cuts, shots, context.project / "edit" / "slated" / f"{version}.mp4", size,
                        bottoms, fps=FPS)
    err.print(f"slated copy: {target}")
    return target


@app.command()
def export(project: str = typer.Argument(".", help="Project folder."),
           fmt: str = typer.Option(..., "--format", help="otio (OpenTimelineIO), fcpxml (Final Cut Pro 7 XML, "
                                   "the xmeml format Premiere and Resolve import), edl (CMX 3600), csv (shot list), "
                                   "pdf (storyboard), fountain or fdx (the script, Fountain or Final Draft)."),
           project_version: str = PROJECT_VERSION) -> None:
    """Write the cut, the shot list, the storyboard or the script in a format other software opens."""
    if fmt not in EXPORT_FORMATS:
        raise BadInput(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    runner = _open(project, project_version)
    state = runner.state()
    folder = runner.context().project
    if state is None:
        raise BadInput(f"{runner.project} has nothing to export yet")
    out.print(str(_export(fmt, state, folder)))


def _export(fmt: str, state, folder: Path) -> Path:
    """Write one export of the state into the project folder and return its path."""
    if fmt in ("otio", "fcpxml", "edl"):
        from agents.editor import FPS
        from tools.timeline.export import build_timeline, export_timeline

        if state.edit is None or not state.edit.cuts or state.shotlist is None:
            raise BadInput("there is no cut to export yet: the editor has not cut the film")
        timeline = build_timeline(state.edit, {s.id: s for s in state.shotlist.shots}, folder, fps=FPS)
        return export_timeline(timeline, folder, formats=(fmt,))[0]
    if fmt in ("csv", "pdf"):
        from tools.shots.export import write_shotlist_csv, write_storyboard_pdf

        if state.shotlist is None or not state.shotlist.shots:
            raise BadInput("there is no shot list to export yet")
        if fmt == "csv":
            return write_shotlist_csv(state.shotlist, folder / "shots" / "shotlist.csv")
        frames = {sid: str(folder / options[state.chosen_variant.get(sid, 0)].path)
                  for sid, options in state.frames.items()
                  if options and state.chosen_variant.get(sid, 0) < len(options)}
        return write_storyboard_pdf(state.shotlist, frames, folder / "shots" / "storyboard.pdf",
                                    title=state.script.title if state.script else "")
    from tools.atomic import write_text

    if state.script is None:
        raise BadInput("there is no script to export yet")
    if fmt == "fdx":
        from tools.screenplay.fdx import to_fdx

        return write_text(folder / "script" / "script.fdx", to_fdx(state.script))
    from tools.screenplay.fountain_io import to_fountain

    return write_text(folder / "script" / "script.fountain", to_fountain(state.script))
