"""Alternative versions of a film as forks of its checkpoints.

A fork takes the checkpoint just before a stage in one version's history
(`get_state_history`), writes it into a new thread with `update_state`
routed to that stage (with the note as the stage's revise note), and runs on
from there. Each version keeps its own artifact folder; all share the
project's asset cache, so frames and clips that do not change are not redone.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

from langgraph.types import Command

from graph.alternatives import ENDINGS, alternatives_asked
from graph.runner import SETTINGS_FILE, FilmRunner, Outcome
from graph.state import FilmState
from tools.atomic import write_json, write_text
from tools.errors import BadInput

# stage name → (node that redoes it, a node that routes to it, folders made before it)
FORK_POINTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "script": ("script_doctor", "script_gate", ()),
    "shots": ("cinematographer", "script_gate", ("script",)),
    "style": ("art_director", "shots_gate", ("script", "shots")),
    "cast": ("consistency", "lock_style", ("script", "shots", "style", "memory")),
    "storyboard": ("storyboard", "storyboard_gate", ("script", "shots", "style", "memory", "cast")),
    "clips": ("animate", "storyboard_gate", ("script", "shots", "style", "memory", "cast", "frames", "qc")),
    "edit": ("animate", "storyboard_gate", ("script", "shots", "style", "memory", "cast", "frames", "qc", "clips")),
}
VERSION_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def version_names(project: Path) -> list[str]:
    settings_path = Path(project) / SETTINGS_FILE
    if not settings_path.is_file():
        return []
    return list(json.loads(settings_path.read_text()).get("versions", {}))


def fork(project: Path, at: str, name: str, note: str = "", source: str = "main", on_event=None,
         keep_pending_note: bool = False) -> tuple[FilmRunner, Outcome]:
    """Fork `source` at the checkpoint before stage `at` into version `name`, apply the note, run to the next gate.

    The checkpoint is the latest one before the stage: when the stage was being redone with a revise note,
    `keep_pending_note` keeps that note after the new one (the version then has both)."""
    if at not in FORK_POINTS:
        raise BadInput(f"unknown stage {at!r}; fork at one of: {', '.join(FORK_POINTS)}")
    if not VERSION_NAME.match(name):
        raise BadInput(f"version name {name!r}: use 1-40 lower-case letters, digits, '-' or '_'")
    if name in version_names(project):
        raise BadInput(f"version {name!r} already exists")
    if source not in version_names(project):
        raise BadInput(f"there is no version {source!r} to fork from")
    if at == "cast" and note.strip():  # the cast stage reads no note; the storyboard would misread it as a shot note
        raise BadInput("the cast stage takes no note: fork at 'style' for the look or 'storyboard' for the frames, "
                       "or change a character with 'filmcrew cast'")
    node, via, folders = FORK_POINTS[at]

    origin = FilmRunner(project, source)
    before = next((snap for snap in origin.graph.get_state_history(origin.config) if snap.next == (node,)), None)
    if before is None:
        raise BadInput(f"version {source!r} has not reached the {at} stage yet; nothing to fork from")
    context = origin.context()
    origin_dir = origin.version_dir
    origin.close()

    target_dir = Path(project).resolve() / "versions" / name
    target_dir.mkdir(parents=True, exist_ok=True)
    for folder in folders:  # the work made before the fork point is the fork's own from the start
        if (origin_dir / folder).is_dir():
            shutil.copytree(origin_dir / folder, target_dir / folder, dirs_exist_ok=True)

    runner = FilmRunner(project, name)
    runner.save_settings(context, {"forked_from": source, "at": at, "note": note, "dir": f"versions/{name}"})
    values = dict(before.values)
    pending = (values.get("revise_note") or "").strip() if keep_pending_note else ""
    values["revise_note"] = f"{note}; {pending}" if pending and note else note or pending  # the history travels along
    runner.graph.update_state(runner.config, Command(goto=node, update=values), as_node=via)
    outcome = runner._drive(None, runner.context(), on_event)
    return runner, outcome


# --------------------------------------------------------------------------- alternative endings

def _last_scene(state: FilmState) -> list[str]:
    """The last scene as lines: its heading, then each block."""
    if not state or not state.script or not state.script.scenes:
        return []
    scene = state.script.scenes[-1]
    return [scene.heading] + [" ".join(f"{e.character + ': ' if e.character else ''}{e.text}".split())
                              for e in scene.elements]


def _what_changed(lines: list[str], origin: list[str]) -> str:
    """The version's last scene in a line: its heading and the first block that the origin's does not have."""
    if not lines:
        return ""
    new = next((line for line in lines[1:] if line not in origin), "")
    return f"{lines[0]}: {new[:110]}" if new else lines[0]


def _ending_of(state: FilmState) -> str | None:
    """The ending the version has, as its readings say (None when no reading names one)."""
    for reading in reversed(state.readings):
        for item in reading.used:
            if item.became == "ending":
                said = f"{item.text} {item.detail}".lower()
                return next((e for e in ENDINGS if e in said), None)
    return None


def fork_alternatives(project: Path, note: str, source: str = "main", on_event=None) -> dict:
    """Fork `source` at the script stage once per alternative ending the note asks for, each with a note that
    forces the ending ('ending: sad'; the fork carries the readings, so the writer keeps the earlier script
    notes too); says which versions were made, and what each one's last scene is."""
    count, named = alternatives_asked(note)
    if not count:
        raise BadInput(f"the note {note!r} asks for no alternative endings")
    state, _folder = _state_of(project, source)
    if state.script is not None and state.script.source not in ("brief", "variant"):
        raise BadInput("this film is an imported script, which the crew does not rewrite (offline or with a model), "
                       "so alternative endings would be copies of it; write them in the script and import each one")
    current = _ending_of(state)
    endings = list(dict.fromkeys(named + [e for e in ENDINGS if e != current]))[:count]
    taken = set(version_names(project))
    made = []
    for ending in endings:
        name, n = f"ending-{ending}", 2
        while name in taken:
            name, n = f"ending-{ending}-{n}", n + 1
        taken.add(name)
        runner, outcome = fork(project, "script", name, note=f"ending: {ending}", source=source, on_event=on_event,
                               keep_pending_note=True)
        last = _last_scene(runner.state())
        made.append({"name": name, "ending": ending, "status": outcome.status,
                     "gate": outcome.gate["gate"] if outcome.gate else None, "last_scene": "\n".join(last),
                     "dir": str(runner.version_dir)})
        runner.close()
    origin = _last_scene(state)
    for m in made:
        m["changed"] = _what_changed(m["last_scene"].split("\n"), origin)
    same = [m["name"] for m in made if origin and m["last_scene"] == "\n".join(origin)]
    not_applied = [f"{name}: its last scene is the same as {source}'s; the writer could not change the ending"
                   for name in same]
    twins = [f"{a['name']} and {b['name']} have the same last scene" for i, a in enumerate(made)
             for b in made[i + 1:] if a["last_scene"] == b["last_scene"] and a["name"] not in same]
    not_applied += twins
    if len(named) > count:
        not_applied.append(f"asked for {count} versions but named {len(named)} endings; made the first {count}")
    return {"source": source, "asked": note, "versions": made, "not_applied": not_applied}


def describe_versions(project: Path) -> list[dict]:
    """Every version with where it stands and what sets it apart."""
    settings = json.loads((Path(project) / SETTINGS_FILE).read_text())
    rows = []
    for name, record in settings.get("versions", {}).items():
        runner = FilmRunner(project, name)
        state, outcome = runner.state(), runner.outcome()
        runner.close()
        rows.append({
            "name": name,
            "forked_from": record.get("forked_from"),
            "at": record.get("at"),
            "note": record.get("note", ""),
            "dir": record.get("dir", "."),
            "status": outcome.status,
            "gate": outcome.gate["gate"] if outcome.gate else None,
            "script": state.script.title if state and state.script else None,
            "script_choice": state.script_choice if state else 0,
            "shots": len(state.shotlist.shots) if state and state.shotlist else 0,
            "style": state.style.name if state and state.style else None,
            "palette": [c.hex for c in state.style.palette] if state and state.style else [],
            "film": (record.get("dir", ".") + "/edit/full.mp4") if outcome.status == "done" else None,
            "cost_usd": round(sum(u.cost_usd for u in state.usage), 4) if state else 0.0,
        })
    return rows


def _state_of(project: Path, name: str) -> tuple[FilmState, Path]:
    if name not in version_names(project):
        raise BadInput(f"there is no version {name!r}")
    runner = FilmRunner(project, name)
    state, folder = runner.state(), runner.version_dir
    runner.close()
    if state is None:
        raise BadInput(f"version {name!r} has not started")
    return state, folder


def compare(project: Path, a: str, b: str) -> dict[str, Path]:
    """Side-by-side contact sheet of two versions' chosen frames, and diffs of their script and shot list."""
    from tools.previs.contact import contact_sheet

    state_a, dir_a = _state_of(project, a)
    state_b, dir_b = _state_of(project, b)
    out = Path(project).resolve() / "compare" / f"{a}-vs-{b}"
    files: dict[str, Path] = {}

    fountain_a = state_a.script.fountain if state_a.script else ""
    fountain_b = state_b.script.fountain if state_b.script else ""
    files["script_diff"] = write_text(out / "script.diff", "".join(difflib.unified_diff(
        fountain_a.splitlines(keepends=True), fountain_b.splitlines(keepends=True), f"{a}/script.fountain",
        f"{b}/script.fountain")) or "(the scripts are the same)\n")

    def shot_lines(state: FilmState) -> list[str]:
        shots = state.shotlist.shots if state.shotlist else []
        return [f"{s.id} {s.size} {s.angle} {s.movement} {s.lens_mm}mm {s.duration_s:.1f}s {s.description}\n" for s in shots]

    files["shots_diff"] = write_text(out / "shotlist.diff", "".join(difflib.unified_diff(
        shot_lines(state_a), shot_lines(state_b), f"{a}/shotlist", f"{b}/shotlist")) or "(the shot lists are the same)\n")

    pairs, labels = [], []
    for shot_id in [s.id for s in (state_a.shotlist.shots if state_a.shotlist else [])]:
        fa, fb = _chosen(state_a, shot_id, dir_a), _chosen(state_b, shot_id, dir_b)
        if fa and fb:
            pairs += [fa, fb]
            labels += [f"{shot_id} · {a}", f"{shot_id} · {b}"]
    if pairs:
        files["contact_sheet"] = contact_sheet(pairs, out / "contact.png", title=f"{a}  |  {b}", columns=2,
                                               thumb_width=480, labels=labels)
    summary = {"a": a, "b": b,
               "style": [state_a.style.name if state_a.style else None, state_b.style.name if state_b.style else None],
               "files": {k: str(v.relative_to(Path(project).resolve())) for k, v in files.items()}}
    write_json(out / "summary.json", summary)
    return files


def _chosen(state: FilmState, shot_id: str, folder: Path) -> Path | None:
    frames = state.frames.get(shot_id) or []
    if not frames:
        return None
    path = folder / frames[min(state.chosen_variant.get(shot_id, 0), len(frames) - 1)].path
    return path if path.is_file() else None
