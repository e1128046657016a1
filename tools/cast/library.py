"""The character library as data: what `filmcrew cast list|show|add` works over.

A cast lives in three places: a project's chromadb memory (`<project>/memory`),
its profile files (`<project>/cast/<NAME>/profile.json`, SPEC §6) and the
person's own library shared by every film (`UserCastLibrary`). These helpers
move profiles between them so a cast made for one film is found by the next.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import ValidationError

from graph.state import CharacterProfile
from memory.store import CrewMemory
from tools.atomic import content_hash, write_json
from tools.errors import BadInput


def profile_dir_name(name: str) -> str:
    """A folder name for a character: 'DR. ANNA' -> 'DR_ANNA', 'ZOË' -> 'ZOË', '李' -> '李'.

    Letters of any script are kept (two characters must never share a folder); anything that
    could leave the cast folder ('/', '..') is not a word character and goes.
    """
    folder = re.sub(r"\W+", "_", name.upper()).strip("_")
    if not folder:  # a name of punctuation only: still one folder per name
        folder = "CHARACTER_" + content_hash(name)[:8]
    return folder


def write_cast_files(project_dir: Path, cast: list[CharacterProfile]) -> list[Path]:
    """Write <project>/cast/<NAME>/profile.json for each character."""
    return [write_json(Path(project_dir) / "cast" / profile_dir_name(p.name) / "profile.json",
                       p.model_dump(mode="json")) for p in cast]


def load_profile(path: Path) -> CharacterProfile:
    """A profile.json, validated; a broken file is bad input with a one-line reason."""
    try:
        return CharacterProfile.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"no profile at {path}") from None
    except (ValidationError, json.JSONDecodeError, UnicodeDecodeError) as err:
        first = str(err).splitlines()[0]
        raise BadInput(f"{path} is not a character profile: {first}") from None


def read_cast_files(project_dir: Path) -> list[CharacterProfile]:
    """Every <project>/cast/*/profile.json, sorted by name."""
    files = sorted((Path(project_dir) / "cast").glob("*/profile.json"))
    return sorted((load_profile(f) for f in files), key=lambda p: p.name)


def open_source(source: Path | CrewMemory) -> tuple[list[CharacterProfile], dict[str, str]]:
    """The profiles a source holds and the script descriptions saved with them.

    A source is a CrewMemory, a project folder (its memory, else its cast files),
    a chromadb folder, or one profile.json.
    """
    if isinstance(source, CrewMemory):
        profiles = source.characters()
        return profiles, {p.name: source.description(p.name) for p in profiles}
    path = Path(source).expanduser()
    if path.is_file():
        return [load_profile(path)], {}
    if not path.is_dir():
        raise BadInput(f"no cast at {path}: not a folder or profile file")
    for store in (path / "memory", path):
        if (store / "chroma.sqlite3").is_file():
            memory = CrewMemory(store)
            if memory.characters():
                return open_source(memory)
    from_files = read_cast_files(path)
    if from_files:
        return from_files, {}
    raise BadInput(f"no cast at {path}: no character memory and no cast/*/profile.json")


def import_cast(from_dir_or_library: Path | CrewMemory, into: CrewMemory, names: list[str] | None = None,
                replace: bool = True) -> list[str]:
    """Copy characters (all, or `names`) into `into`; returns the names imported.

    With replace=False a character already in `into` keeps its own profile.
    """
    profiles, descriptions = open_source(from_dir_or_library)
    if names:
        wanted = {n.strip().upper() for n in names}
        missing = wanted - {p.name for p in profiles}
        if missing:
            raise BadInput(f"not in that cast: {', '.join(sorted(missing))}")
        profiles = [p for p in profiles if p.name in wanted]
    imported = []
    for profile in profiles:
        if not replace and into.character(profile.name) is not None:
            continue
        into.save_character(profile, descriptions.get(profile.name, ""))
        imported.append(profile.name)
    return imported


def list_cast(memory: CrewMemory) -> list[CharacterProfile]:
    """Every character in a library, by name."""
    return memory.characters()


def show_character(memory: CrewMemory, name: str) -> CharacterProfile:
    """One character by name or alias; bad input when nobody matches."""
    profile = memory.character(name)
    if profile is None:
        hit = memory.find_character(name, threshold=1.0)  # exact aliases only: `show` must not guess
        profile = hit[0] if hit else None
    if profile is None:
        known = ", ".join(p.name for p in memory.characters()) or "none"
        raise BadInput(f"no character {name!r} in the library (known: {known})")
    return profile


def add_character(memory: CrewMemory, profile: CharacterProfile | Path, description: str = "") -> CharacterProfile:
    """Add or replace one character, from a profile or a profile.json path."""
    if not isinstance(profile, CharacterProfile):
        profile = load_profile(Path(profile))
    memory.save_character(profile, description)
    return memory.character(profile.name) or profile
