"""Run settings, read once by the CLI and handed to every node as the graph's context."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class FilmContext:
    """What a run needs that is not part of the film itself.

    Kept out of the checkpointed state on purpose: paths and provider choices
    belong to this machine and this run, and keys must never reach a checkpoint.
    """

    project_dir: str
    version: str = "main"
    cache_root: str | None = None
    llm: str = "offline"
    images: str = "previs"
    video: str = "camera"
    variants: int = 3
    music_path: str | None = None
    workers: int = 2

    @property
    def project(self) -> Path:
        """Where this version's artifacts go (the project folder for main, versions/<name> for a fork)."""
        return Path(self.project_dir)

    @property
    def cache_dir(self) -> Path:
        """The project folder whose .cache every version shares."""
        return Path(self.cache_root or self.project_dir)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict, project_dir: str | None = None) -> "FilmContext":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if project_dir is not None:
            known["project_dir"] = project_dir
        return cls(**known)
