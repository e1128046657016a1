"""Content-addressed asset cache shared by every version of a project.

A frame, clip or segment is stored once under `.cache/<kind>/<hash><suffix>`
and copied to where a person looks for it (a copy, not a link: a frame edited
by hand outside the tool must not change the cache). A resumed or forked run that asks for the same hash gets the file back
without redoing the work.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from tools.atomic import file_hash, write_json


class AssetCache:
    def __init__(self, project: Path):
        self.root = Path(project) / ".cache"

    def path(self, kind: str, key: str, suffix: str) -> Path:
        return self.root / kind / f"{key}{suffix}"

    def get(self, kind: str, key: str, suffix: str) -> Path | None:
        p = self.path(kind, key, suffix)
        return p if p.exists() else None

    def meta(self, kind: str, key: str) -> dict[str, Any] | None:
        p = self.path(kind, key, ".json")
        if not p.exists():
            return None
        try:
            return json.loads(p.read_text())
        except ValueError:  # a torn write from an old crash: treat as a miss
            return None

    def put_meta(self, kind: str, key: str, data: dict[str, Any]) -> None:
        write_json(self.path(kind, key, ".json"), data)


def publish(cached: Path, target: Path) -> Path:
    """Make `target` show the cached file, atomically replacing what was there.

    An identical file already in place is left alone, so a redo that changes
    one shot does not touch the files of the others.
    """
    if target.exists() and target.stat().st_size == cached.stat().st_size and file_hash(target) == file_hash(cached):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.link")
    shutil.copyfile(cached, tmp)
    os.replace(tmp, target)
    return target
