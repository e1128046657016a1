"""The `filmcrew` command: a thin layer over the graph runner and the agents' tools (SPEC §5).

Exit codes: 0 ok; 2 bad input (one line, no traceback); 3 waiting at a gate; 1 anything else.
With --json, stdout carries only the JSON document; everything else goes to stderr.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import re
import sys
from pathlib import Path
from typing import Optional

import typer
from typer._click import exceptions as click_errors  # typer vendors click; its errors are these
from rich.console import Console

from tools.errors import BadInput
from tools.providers.errors import ProviderError

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="A crew of agents that turns a brief or a script into a draft film, one approved stage at a time.")
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT, EXIT_WAITING = 0, 1, 2, 3
MAX_BRIEF_CHARS = 20_000
MAX_LENGTH_S = 600.0
ASPECTS = ("16:9", "9:16", "1:1")


# --------------------------------------------------------------------------- input checks


def read_text_file(path: Path, what: str, limit: int) -> str:
    """A small UTF-8 text file or a BadInput saying exactly what is wrong with it."""
    if not path.exists():
        raise BadInput(f"{what} not found: {path}")
    if path.is_dir():
        raise BadInput(f"{what} is a folder, not a file: {path}")
    if path.stat().st_size > limit:
        raise BadInput(f"{what} is larger than {limit // 1024} KB: {path}")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise BadInput(f"{what} is a binary file, not text: {path}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput(f"{what} is not UTF-8 text: {path}") from None
    if not text.strip():
        raise BadInput(f"{what} is empty: {path}")
    return text


def check_brief(text: str) -> str:
    text = text.strip()
    if not text:
        raise BadInput("the brief is empty: say in a sentence what the film is about")
    if len(text) > MAX_BRIEF_CHARS:
        raise BadInput(f"the brief is longer than {MAX_BRIEF_CHARS} characters; pass a script with --script instead")
    if sum(ch.isprintable() or ch in "\n\t" for ch in text) < 0.95 * len(text):
        raise BadInput("the brief looks like binary data, not words")
    return text


def check_length(length: float) -> float:
    if not math.isfinite(length) or length <= 0:
        raise BadInput(f"--length must be a positive number of seconds, not {length}")
    if length > MAX_LENGTH_S:
        raise BadInput(f"--length is at most {MAX_LENGTH_S:.0f} seconds for a draft film")
    if length < 10:
        raise BadInput("--length must be at least 10 seconds (a title, a few shots and an end card)")
    return length


def check_aspect(aspect: str) -> str:
    if aspect not in ASPECTS:
        raise BadInput(f"unknown aspect ratio {aspect!r}; use one of {', '.join(ASPECTS)}")
    return aspect


# (role, provider family) → (module the engine imports, the pyproject extra that installs it)
EXTRA_MODULES = {
    ("llm", "openai"): ("langchain_openai", "openai"), ("llm", "openai-compatible"): ("langchain_openai", "openai"),
    ("llm", "google"): ("langchain_google_genai", "google"), ("images", "openai"): ("openai", "openai"),
    ("images", "google"): ("google.genai", "google"), ("video", "google"): ("google.genai", "google"),
}


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a dotted name whose parent package is missing
        return False


def resolve_providers(folder: Path, llm: str | None, images: str | None, video: str | None) -> tuple[str, str, str]:
    """Provider specs for a run: explicit flags, else the project's or user's filmcrew.toml, else offline."""
    from tools.providers.config import load_config, validate_spec

    for role, spec in (("llm", llm), ("images", images), ("video", video)):
        if spec is not None:
            validate_spec(role, spec)
    config = load_config(folder, llm=llm, images=images, video=video)
    for name in ("llm", "images", "video"):
        role = config.role(name)
        needed = EXTRA_MODULES.get((name, role.family))
        if needed and not _installed(needed[0]):
            raise BadInput(f"--{name} {role.spec} needs the '{needed[1]}' extra: pip install -e '.[{needed[1]}]'")
        if role.key_names() and role.api_key() is None and role.family != "openai-compatible":
            raise BadInput(f"--{name} {role.spec}: set {' or '.join(role.key_names())} in the environment "
                           "(keys are read from the environment only, never from files or flags)")
    return config.llm.spec, config.images.spec, config.video.spec


def project_dir(value: str) -> Path:
    return Path(value).expanduser().resolve()


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:5]
    return "-".join(words) or "film"


# --------------------------------------------------------------------------- reporting


def show_outcome(outcome, project: Path, usage: list | None = None, version: str = "main") -> int:
    """Say where the run stands; `project` is the version's folder (files), the hints name the project."""
    target = f"{project.parent.parent} -V {version}" if version != "main" else f"{project}"
    if outcome.status == "done":
        film = project / "edit" / "full.mp4"
        err.print(f"[bold green]Draft film ready:[/] {film}")
        if usage:
            from studio.report import print_usage
            from tools.providers.pricing import usage_totals

            print_usage(usage_totals(usage), sorted({u.note for u in usage if u.note}), err)
        return EXIT_OK
    if outcome.status == "waiting":
        gate = outcome.gate
        err.print(f"\n[bold yellow]Waiting at the {gate['gate']} gate[/] ({gate['stage']})")
        err.print(f"  {gate['summary']}")
        from studio.report import print_gate_said

        print_gate_said(gate, err)  # what the crew made of the brief or the note, and what it could not do
        for i, choice in enumerate(gate["choices"]):
            err.print(f"  [{i}] {choice}")
        for f in gate["files"]:
            err.print(f"  look at: {project / f}")
        err.print(f"  answer: filmcrew approve {target} [--pick N]  |  filmcrew revise {target} \"NOTE\"")
        return EXIT_WAITING
    err.print(f"[bold red]Stopped before {', '.join(outcome.next) or 'the end'}[/]; "
              f"run 'filmcrew approve {target}' to continue")
    return EXIT_ERROR


def drive(runner, step, yes: bool, quiet: bool = False) -> int:
    """Run one step of the graph with progress bars; with --yes keep approving gates to the end."""
    from graph.state import GateAnswer
    from studio.progress import RunDisplay

    try:
        with RunDisplay(err, quiet=quiet) as display:
            outcome = step(display)
            while yes and outcome.status == "waiting":
                err.print(f"  [dim]--yes: approving the {outcome.gate['gate']} gate[/dim]")
                outcome = runner.resume(GateAnswer(action="approve"), on_event=display)
    except KeyboardInterrupt:
        outcome = runner.outcome()
        where = ", ".join(outcome.next) or outcome.status
        err.print(f"\n[bold]Interrupted.[/] The last finished stage is checkpointed; next: {where}. "
                  f"Continue with 'filmcrew approve {runner.project}"
                  + (f" -V {runner.version}" if runner.version != "main" else "") + "'.")
        return EXIT_ERROR
    state = runner.state() if outcome.status == "done" else None
    return show_outcome(outcome, runner.version_dir, usage=state.usage if state else None, version=runner.version)


# --------------------------------------------------------------------------- commands


@app.command()
def make(
    brief: Optional[str] = typer.Argument(None, help="The brief, in a sentence or two."),
    brief_file: Optional[Path] = typer.Option(None, "--brief-file", help="Read the brief from a text file."),
    script: Optional[Path] = typer.Option(None, "--script", help="Start from a finished Fountain or plain-text script."),
    project: Optional[str] = typer.Option(None, "--project", help="Project folder (default: ./<brief words>)."),
    length: Optional[float] = typer.Option(None, "--length", help="Target running time in seconds (default 60 for a "
                                           "brief; a --script plays as written)."),
    aspect: str = typer.Option("16:9", "--aspect", help="16:9, 9:16 or 1:1."),
    music: Optional[Path] = typer.Option(None, "--music", help="Music to cut to (wav, flac, mp3)."),
    style: str = typer.Option("", "--style", help="Style direction, e.g. 'moody ink wash, night, teal and amber'."),
    yes: bool = typer.Option(False, "--yes", help="Approve every gate with its first choice."),
    seed: int = typer.Option(7, "--seed", min=0, max=2**31 - 1, help="Seed for every deterministic choice."),
    variants: int = typer.Option(3, "--variants", min=1, max=6, help="Storyboard variants per shot."),
    llm: Optional[str] = typer.Option(None, "--llm", help="LLM: offline (default), openai:<model>, openai-compatible:<model>@<url>, google:<model>."),
    images: Optional[str] = typer.Option(None, "--images", help="Images: previs (default), openai:gpt-image-2, google:<gemini image model>."),
    video: Optional[str] = typer.Option(None, "--video", help="Video: camera (default), google:<veo model>."),
) -> None:
    """Make a draft film from a brief or a script, stopping at each gate unless --yes."""
    from graph.context import FilmContext
    from graph.runner import FilmRunner, ensure_writable
    from graph.state import Brief, FilmState

    sources = [s for s in (brief, brief_file, script) if s is not None]
    if len(sources) != 1:
        raise BadInput("give exactly one of: a brief, --brief-file F, or --script F")
    resolve_providers(project_dir(project or "."), llm, images, video)  # refused before any folder is made
    length_given = length is not None
    length, aspect = check_length(length if length_given else 60.0), check_aspect(aspect)
    if music is not None:
        from tools.audio.convert import check_music

        check_music(Path(music))

    loaded = None
    if script is not None:
        from tools.screenplay.fountain_io import load_script

        if Path(script).is_dir():
            raise BadInput(f"--script is a folder, not a file: {script}")
        loaded = load_script(script)
        text = loaded.title
        if not length_given:
            length = _as_written_length(loaded, Path(script).name)
    elif brief_file is not None:
        text = check_brief(read_text_file(Path(brief_file), "brief file", 256 * 1024))
    else:
        text = check_brief(brief)
    if script is None and not length_given:
        from tools.screenplay.brief_length import length_in

        # "A 30-second spot for..." sets the length when --length does not.
        named = length_in(text)
        if named is not None:
            length, length_given = check_length(max(10.0, named)), True

    folder = project_dir(project or f"./{slug(text)}")
    ensure_writable(folder)
    runner = FilmRunner(folder)
    if runner.has_run():
        err.print(f"[dim]{folder} already holds a run; continuing it (use another --project for a new film)[/dim]")
        current = runner.outcome()
        if current.status == "waiting" and not yes:
            raise typer.Exit(show_outcome(current, folder))
        if current.status == "done":
            raise typer.Exit(show_outcome(current, folder))
        # A run stopped mid-stage (Ctrl-C, kill) continues; one waiting at a gate gets --yes answers.
        raise typer.Exit(drive(runner, lambda d: runner.resume(None, on_event=d), yes))

    llm, images, video = resolve_providers(folder, llm, images, video)
    context = FilmContext(project_dir=str(folder), llm=llm, images=images, video=video, variants=variants,
                          music_path=str(Path(music).resolve()) if music else None)
    initial = FilmState(brief=Brief(text=text, length_s=length, length_given=length_given, aspect=aspect,
                                    style_text=style, seed=seed),
                        script=loaded)
    err.print(f"[bold]filmcrew[/] making a {length:.0f} s {aspect} draft film in {folder}")
    raise typer.Exit(drive(runner, lambda d: runner.start(initial, context, on_event=d), yes))


def _as_written_length(script, name: str) -> float:
    """A script given without --length plays as written, up to ten minutes.

    Past ten minutes the run is refused here, before anything is made, rather than stopped at the
    shots gate: this costs under a second and writes nothing, a batch run (--yes) would otherwise
    approve its way into a long film or sit at a gate it cannot answer, and the one line says what
    to type. At the shots gate the person can still ask for 'the script as written'.
    """
    from tools.shots.fit import MAX_UNASKED_S, natural_length_s

    natural = natural_length_s(script)
    if natural > MAX_UNASKED_S:
        raise BadInput(f"{name} runs about {natural / 60:.0f} min as written; a film over 10 minutes needs an explicit "
                       "length: pass --length S (e.g. --length 120 for a 2-minute cut; at the shots gate you can "
                       "still say 'the script as written')")
    return max(natural, 10.0)


VERSION_OPTION = typer.Option("main", "--version", "-V", help="Which version (see 'filmcrew versions').")


@app.command()
def approve(
    project: str = typer.Argument(".", help="Project folder."),
    pick: Optional[int] = typer.Option(None, "--pick", min=0, help="Choose choice N at this gate."),
    shot: Optional[str] = typer.Option(None, "--shot", help="At the storyboard gate: --pick N --shot 3.2 takes variant N of that shot."),
    yes: bool = typer.Option(False, "--yes", help="Then approve every later gate too."),
    version: str = VERSION_OPTION,
) -> None:
    """Answer the pending gate (approve, or pick a choice) and run to the next gate."""
    from graph.state import GateAnswer

    if shot is not None and pick is None:
        raise BadInput("--shot needs --pick N (the variant of that shot)")
    runner = _open(project, version)
    answer = GateAnswer(action="pick", pick=pick, shot=shot) if pick is not None else GateAnswer(action="approve")
    if pick is not None and runner.outcome().status == "stopped":
        err.print("The run stopped mid-stage; finishing that stage first. Give the pick again at the next gate.")
    raise typer.Exit(drive(runner, lambda d: runner.resume(answer, on_event=d), yes))


@app.command()
def revise(args: list[str] = typer.Argument(..., help="[DIR] \"NOTE\""), version: str = VERSION_OPTION) -> None:
    """Ask for changes at the pending gate; the note goes to the agent that owns the stage."""
    from graph.state import GateAnswer

    if len(args) > 2:
        raise BadInput('usage: filmcrew revise [DIR] "NOTE" (quote the note)')
    folder, note = (".", args[0]) if len(args) == 1 else (args[0], args[1])
    if not note.strip():
        raise BadInput("the revise note is empty: say what to change")
    runner = _open(folder, version)
    from graph.alternatives import alternatives_asked

    if alternatives_asked(note)[0]:  # "two alternative endings": versions forked at the script, not a revise
        runner.close()
        from studio.versions_commands import make_alternatives

        raise typer.Exit(make_alternatives(folder, note.strip(), version))
    if runner.outcome().status != "waiting":
        raise BadInput("no gate is waiting for an answer in this project")
    raise typer.Exit(drive(runner, lambda d: runner.resume(GateAnswer(action="revise", note=note.strip()), on_event=d), False))


@app.command()
def status(
    project: str = typer.Argument(".", help="Project folder."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    history: bool = typer.Option(False, "--history", help="Show every gate answer."),
    version: str = VERSION_OPTION,
) -> None:
    """Where the film stands: the stage, the pending gate and its choices, the artifacts made."""
    from studio.report import project_status, print_status

    runner = _open(project, version)
    report = project_status(runner)
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        print_status(report, Console(highlight=False), history=history)
    raise typer.Exit(EXIT_WAITING if report["status"] == "waiting" else EXIT_OK)


@app.command()
def chat(project: str = typer.Argument(".", help="Project folder (a new one starts from your first message)."),
         length: float = typer.Option(60.0, "--length", help="Target running time for a new film."),
         aspect: str = typer.Option("16:9", "--aspect", help="16:9, 9:16 or 1:1 for a new film."),
         llm: Optional[str] = typer.Option(None, "--llm", help="An LLM to route free text (default: the offline grammar).")) -> None:
    """Talk the film through with the crew: briefs, approvals, notes, versions (type 'help')."""
    from studio.chat import ChatSession, model_router, offline_router
    from studio.progress import RunDisplay

    folder = project_dir(project)
    check_length(length), check_aspect(aspect)
    display = RunDisplay(err, quiet=not sys.stderr.isatty())
    llm = resolve_providers(folder, llm, None, None)[0]
    router = offline_router
    if llm != "offline":  # the LLM router reads free text; the grammar still answers exact commands
        from agents.model_engine import chat_model_for
        from graph.context import FilmContext
        from graph.versions import version_names

        router = model_router(chat_model_for(FilmContext(project_dir=str(folder), llm=llm)),
                              versions=lambda: version_names(folder) or ["main"])
    session = ChatSession(folder, say=lambda text: print(text, flush=True), on_event=display,
                          length_s=length, aspect=aspect, router=router, llm=llm)
    print("filmcrew chat — " + ("tell me the film in a sentence." if not session.has_run()
                                else "say 'status', 'approve', a note, or 'help'."), flush=True)
    while True:
        try:
            line = input("you> ")
        except EOFError:
            break
        with display:
            if not session.handle(line):
                break


def _open(project: str, version: str = "main"):
    from graph.runner import SETTINGS_FILE, FilmRunner

    folder = project_dir(project)
    if not (folder / SETTINGS_FILE).is_file():
        raise BadInput(f"{folder} is not a filmcrew project (no {SETTINGS_FILE}); start one with 'filmcrew make'")
    runner = FilmRunner(folder, version)
    runner.context()  # refuses an unknown version with one line
    return runner


from studio import cast_commands, edit_commands, providers_cmd, tools_commands, versions_commands  # noqa: E402,F401  (register their commands)


def main() -> None:
    try:
        # Not standalone: click's usage errors come back here and are said in one line like ours.
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except click_errors.UsageError as error:
        hint = f" (see 'filmcrew {error.ctx.command_path.split(' ', 1)[1]} --help')" if error.ctx and " " in error.ctx.command_path else ""
        err.print(f"error: {error.format_message()}{hint}", markup=False)
        sys.exit(EXIT_BAD_INPUT)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        err.print("interrupted")
        sys.exit(EXIT_ERROR)
    except BadInput as error:
        err.print(f"error: {error}", markup=False)
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(EXIT_ERROR)
    except ProviderError as error:  # a model service failed after its retries: the run is checkpointed
        err.print(f"error: {error}", markup=False)
        sys.exit(EXIT_ERROR)
    except Exception as error:  # the last line of defence: one line, never a traceback
        if os.environ.get("FILMCREW_DEBUG"):
            raise
        err.print(f"error: {type(error).__name__}: {error}", markup=False)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
