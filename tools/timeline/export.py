"""The cut as a timeline an editor can open: OTIO, FCP 7 XML and CMX 3600 EDL.

Every event points at the clip file it came from (absolute file URL), with
its source range, a marker naming the shot, and the shot's camera language in
metadata, so the draft can be finished in real editing software.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import opentimelineio as otio

from graph.state import Edit, Shot
from tools.atomic import write_text
from tools.errors import BadInput
from tools.previs.slate import slate_text

# format name -> (otio adapter, file name under edit/)
FORMATS = {
    "otio": ("otio_json", "timeline.otio"),
    "fcp_xml": ("fcp_xml", "timeline.xml"),
    "cmx_3600": ("cmx_3600", "timeline.edl"),
}
ALIASES = {"fcpxml": "fcp_xml", "xml": "fcp_xml", "edl": "cmx_3600", "otio_json": "otio"}


def reel_name(shot_id: str) -> str:
    """An EDL-safe reel (8 letters or digits): shot '3.2' is S0302, the cards TITLE and END."""
    parts = shot_id.split(".")
    if all(p.isdigit() for p in parts) and len(parts) <= 3:
        return ("S" + "".join(f"{int(p):02d}" for p in parts))[:8]
    return (re.sub(r"[^A-Za-z0-9]", "", shot_id).upper() or "AX")[:8]


def _rt(seconds: float, fps: int) -> otio.opentime.RationalTime:
    return otio.opentime.RationalTime(round(seconds * fps), fps)


def _media(path: Path, duration_s: float, fps: int) -> otio.schema.ExternalReference:
    return otio.schema.ExternalReference(
        target_url=path.resolve().as_uri(),
        available_range=otio.opentime.TimeRange(_rt(0, fps), _rt(duration_s, fps)),
    )


def build_timeline(edit: Edit, shots: dict[str, Shot], project_dir: Path, fps: int = 24) -> otio.schema.Timeline:
    """The edit as an OTIO timeline: a video track of cuts (with markers and shot metadata)
    and, when the edit has music, a music track under it."""
    if not edit.cuts:
        raise BadInput("the edit has no cuts to export")
    project_dir = Path(project_dir)
    timeline = otio.schema.Timeline(name=f"filmcrew {edit.version}")
    timeline.global_start_time = _rt(0, fps)
    video = otio.schema.Track(name="V1", kind=otio.schema.TrackKind.Video)
    clock = 0.0
    for cut in edit.cuts:
        if cut.record_in_s - clock > 0.5 / fps:  # a hole in the edit stays a hole in the timeline
            hole = otio.opentime.TimeRange(_rt(0, fps), _rt(cut.record_in_s - clock, fps))
            video.append(otio.schema.Gap(source_range=hole))
        shot = shots.get(cut.shot_id)
        about = {"shot_id": cut.shot_id, "kind": "shot" if shot else "card", "dialogue": cut.dialogue}
        if shot is not None:
            about.update(size=shot.size, movement=shot.movement, angle=shot.angle, lens_mm=shot.lens_mm,
                         scene=shot.scene, description=shot.description,
                         slate=slate_text(shot, duration_s=cut.duration_s))  # the slate lives here, not in the picture
        clip = otio.schema.Clip(
            name=cut.shot_id,
            media_reference=_media(project_dir / cut.clip, cut.duration_s, fps),
            source_range=otio.opentime.TimeRange(_rt(0, fps), _rt(cut.duration_s, fps)),
            metadata={"filmcrew": about, "cmx_3600": {"reel": reel_name(cut.shot_id)}},
        )
        label = slate_text(shot, compact=True, duration_s=cut.duration_s) if shot else cut.shot_id
        clip.markers.append(otio.schema.Marker(
            name=label, marked_range=otio.opentime.TimeRange(_rt(0, fps), _rt(0, fps)),
            color=otio.schema.MarkerColor.RED if shot else otio.schema.MarkerColor.BLUE,
            metadata={"filmcrew": {"shot_id": cut.shot_id}}))
        video.append(clip)
        clock = cut.record_in_s + cut.duration_s
    timeline.tracks.append(video)
    if edit.music:
        length = edit.duration_s or clock
        audio = otio.schema.Track(name="A1 music", kind=otio.schema.TrackKind.Audio)
        audio.append(otio.schema.Clip(
            name="music", media_reference=_media(project_dir / edit.music, length, fps),
            source_range=otio.opentime.TimeRange(_rt(0, fps), _rt(length, fps)),
            metadata={"filmcrew": {"kind": "music", "tempo_bpm": edit.tempo_bpm}}))
        timeline.tracks.append(audio)
    timeline.metadata["filmcrew"] = {"version": edit.version, "tempo_bpm": edit.tempo_bpm,
                                     "beats_s": list(edit.beats_s), "dropped": list(edit.dropped)}
    return timeline


def _video_only(timeline: otio.schema.Timeline) -> otio.schema.Timeline:
    """An EDL holds one video track: a copy of the timeline without its audio."""
    only = copy.deepcopy(timeline)
    for track in list(only.tracks):
        if track.kind != otio.schema.TrackKind.Video:
            only.tracks.remove(track)
    while len(only.tracks) > 1:
        only.tracks.pop()
    return only


def export_timeline(timeline: otio.schema.Timeline, project_dir: Path,
                    formats: tuple[str, ...] = ("otio", "fcp_xml", "cmx_3600")) -> list[Path]:
    """Write the timeline as edit/timeline.otio, .xml (FCP 7) and .edl (CMX 3600), atomically."""
    written = []
    for name in formats:
        key = ALIASES.get(name, name)
        if key not in FORMATS:
            raise BadInput(f"unknown timeline format {name!r}; use otio, fcp_xml (fcpxml) or cmx_3600 (edl)")
        adapter, filename = FORMATS[key]
        source = _video_only(timeline) if key == "cmx_3600" else timeline
        text = otio.adapters.write_to_string(source, adapter_name=adapter)
        written.append(write_text(Path(project_dir) / "edit" / filename, text))
    return written
