"""`filmcrew providers`: what each role is set to, whether its key is there, whether it answers.

Imported by studio/cli.py to register the command on `app`. Keys are never
printed: only the name of the variable and whether it is set.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from studio.cli import app, project_dir
from tools.providers.config import load_config
from tools.providers.probe import probe_all

out = Console(highlight=False)


def _project_specs(folder: Path) -> dict:
    """The specs a project was started with (project.json), which win over the toml files."""
    settings = folder / "project.json"
    if not settings.is_file():
        return {}
    context = json.loads(settings.read_text()).get("context", {})
    return {role: context[role] for role in ("llm", "images", "video") if role in context}


@app.command()
def providers(project: Optional[str] = typer.Argument(None, help="Project folder (default: the current folder)."),
              check: bool = typer.Option(True, "--check/--no-check", help="Make a cheap call to see if each answers."),
              as_json: bool = typer.Option(False, "--json", help="Print the table as JSON only.")) -> None:
    """Show each role's engine, whether its key is set (never the key) and whether it answers."""
    folder = project_dir(project or ".")
    config = load_config(folder, **_project_specs(folder))
    statuses = probe_all(config, check=check)
    if as_json:
        sys.stdout.write(json.dumps({"config_files": list(config.sources),
                                     "providers": [s.to_json() for s in statuses]}, indent=2) + "\n")
        return
    table = Table(title="filmcrew providers")
    for column in ("role", "spec", "key", "answers", "detail"):
        table.add_column(column)
    for s in statuses:
        key = "-" if not s.key_env else f"{s.key_env}: {'set' if s.key_present else 'not set'}"
        answers = {None: "-", True: "yes", False: "no"}[s.answers]
        table.add_row(s.role, s.spec, key, answers, s.detail)
    out.print(table)
    out.print("config files: " + (", ".join(config.sources) or "none (offline defaults)"))
