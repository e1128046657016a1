"""Shot lists on disk: the SPEC §7 JSON form, read strictly and written plainly."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import ValidationError

from graph.state import Shot, ShotList
from tools.errors import BadInput

_SHOT_ID = re.compile(r"^(\d+)\.(\d+)$")


def shotlist_json(shotlist: ShotList) -> str:
    """The shot list as a JSON list of shots (SPEC §7); absent dialogue is left out."""
    shots = [shot.model_dump(mode="json", exclude_none=True) for shot in shotlist.shots]
    return json.dumps(shots, indent=2, ensure_ascii=False) + "\n"


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "shot"
    return f"{where}: {first.get('msg', 'invalid')}"


def load_shotlist(path: str | Path) -> ShotList:
    """Read a shot list file (a JSON list of shots, or {"shots": [...]}); BadInput if it is not one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"shot list not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read shot list {path}: {exc.__class__.__name__}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path} is not JSON (line {exc.lineno}: {exc.msg})") from None
    if isinstance(data, dict) and set(data) == {"shots"}:
        data = data["shots"]
    if not isinstance(data, list):
        raise BadInput(f"{path} is not a shot list: expected a JSON list of shots or {{\"shots\": [...]}}")
    shots: list[Shot] = []
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise BadInput(f"{path}: shot {n} is not a JSON object")
        try:
            shot = Shot.model_validate(item)
        except ValidationError as err:
            raise BadInput(f"{path}: shot {n} is invalid ({_first_error(err)})") from None
        m = _SHOT_ID.match(shot.id)
        if not m or int(m.group(1)) != shot.scene:
            raise BadInput(f"{path}: shot {n} has id {shot.id!r}; ids are '<scene>.<n>' with scene {shot.scene}")
        shots.append(shot)
    ids = [s.id for s in shots]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise BadInput(f"{path}: shot ids appear twice: {', '.join(duplicates)}")
    return ShotList(shots=shots)
