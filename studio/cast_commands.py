"""`filmcrew cast list|show|add|import`: the character library, per project and across films."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from studio.cli import app, project_dir
from tools.errors import BadInput

cast_app = typer.Typer(help="The character library: a project's cast, and your own library reused across films.",
                       no_args_is_help=True)
app.add_typer(cast_app, name="cast")
out = Console(highlight=False)
LIBRARY_HELP = "Use your own library (shared by every film) instead of a project's."


def _memory(project: Optional[str], library: bool):
    from memory.store import CrewMemory, UserCastLibrary

    if library:
        return UserCastLibrary()
    folder = project_dir(project or ".")
    if not (folder / "project.json").is_file():
        raise BadInput(f"{folder} is not a filmcrew project; name a project folder or use --library")
    return CrewMemory(folder / "memory")


@cast_app.command("list")
def cast_list(project: Optional[str] = typer.Argument(None, help="Project folder."),
              library: bool = typer.Option(False, "--library", help=LIBRARY_HELP),
              as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """Every character, with aliases, look and signature colours."""
    from tools.cast.library import list_cast

    cast = list_cast(_memory(project, library))
    if as_json:
        sys.stdout.write(json.dumps([p.model_dump(mode="json") for p in cast], indent=2) + "\n")
        return
    table = Table("name", "aliases", "look", "colours")
    for p in cast:
        look = ", ".join(x for x in (p.age, p.build, p.hair, p.wardrobe) if x)
        table.add_row(p.name, ", ".join(p.aliases), look, " ".join(p.signature_colors))
    out.print(table if cast else "no characters yet")


@cast_app.command("show")
def cast_show(name: str = typer.Argument(..., help="Name or alias."),
              project: Optional[str] = typer.Argument(None, help="Project folder."),
              library: bool = typer.Option(False, "--library", help=LIBRARY_HELP)) -> None:
    """One character's locked profile as JSON."""
    from tools.cast.library import show_character

    profile = show_character(_memory(project, library), name)
    sys.stdout.write(json.dumps(profile.model_dump(mode="json"), indent=2) + "\n")


@cast_app.command("add")
def cast_add(source: Path = typer.Argument(..., help="A profile.json, or a project folder (its whole cast)."),
             into: Optional[str] = typer.Option(None, "--into", help="Project folder to add to (default: your library)."),
             name: list[str] = typer.Option(None, "--name", help="Only these characters (repeatable).")) -> None:
    """Save characters into your library (default) or a project, to reuse them in the next film."""
    from tools.cast.library import import_cast

    added = import_cast(Path(source), _memory(into, library=into is None), names=name or None)
    out.print(f"added {', '.join(added) or 'nobody'} to " + (f"project {into}" if into else "your library"))


@cast_app.command("import")
def cast_import(source: str = typer.Argument(..., help="'library', or another project folder."),
                project: str = typer.Argument(".", help="Project folder to import into."),
                name: list[str] = typer.Option(None, "--name", help="Only these characters (repeatable).")) -> None:
    """Bring a cast into a project: the consistency agent then reuses their locked looks."""
    from memory.store import UserCastLibrary
    from tools.cast.library import import_cast

    origin = UserCastLibrary() if source == "library" else Path(source)
    added = import_cast(origin, _memory(project, library=False), names=name or None)
    out.print(f"imported {', '.join(added) or 'nobody'} into {project_dir(project)}")
