"""`filmcrew chat`: a conversation over the same graph, gates and versions.

Each message becomes a `ChatIntent` (the offline grammar in chat_grammar.py,
or an LLM router when one is configured) and is carried out with the same
runner calls the other commands use, so everything stays checkpointed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from graph.alternatives import alternatives_asked
from graph.context import FilmContext
from graph.runner import FilmRunner, Outcome, ensure_writable
from graph.state import Brief, FilmState, GateAnswer
from studio.chat_grammar import STAGE_ORDER, SHOW_TOPICS, ChatIntent, parse_message
from tools.errors import BadInput
from tools.providers.errors import ProviderError

FORK_STAGE = {"script": "script", "shots": "shots", "style": "style", "storyboard": "storyboard", "cut": "edit"}
Router = Callable[[str, dict | None, bool], ChatIntent]


def offline_router(text: str, gate: dict | None, has_run: bool) -> ChatIntent:
    return parse_message(text, gate["gate"] if gate else None, has_run)


def model_router(model, versions: Callable[[], list[str]] = lambda: ["main"]) -> Router:
    """An LLM router: exact commands still go through the grammar; free text goes to the model."""
    from agents.model_engine import route_chat

    def route(text: str, gate: dict | None, has_run: bool) -> ChatIntent:
        offline = offline_router(text, gate, has_run)
        if offline.action not in ("route", "unknown"):
            return offline  # "approve", "pick 2", a brief, "quit": no need to spend a call
        said, _usage = route_chat(text, gate, model, versions())
        if said.action == "unknown" and offline.action == "route":
            return offline
        return ChatIntent(action=said.action, pick=said.pick or 0, note=said.note, stage=said.stage,
                          names=list(said.versions), reply=said.reply)

    return route


class ChatSession:
    """One person talking to the crew about one project."""

    def __init__(self, project: Path, say: Callable[[str], None], on_event=None, router: Router = offline_router,
                 length_s: float = 60.0, aspect: str = "16:9", llm: str = "offline"):
        self.project = Path(project).resolve()
        self.say = say
        self.on_event = on_event
        self.router = router
        self.version = "main"
        self.length_s, self.aspect, self.llm = length_s, aspect, llm

    # ----------------------------------------------------------------- helpers
    def runner(self) -> FilmRunner:
        return FilmRunner(self.project, self.version)

    def has_run(self) -> bool:
        if not (self.project / "project.json").is_file():
            return False
        runner = self.runner()
        try:
            return runner.has_run()
        finally:
            runner.close()

    def pending_gate(self) -> dict | None:
        if not self.has_run():
            return None
        runner = self.runner()
        try:
            return runner.outcome().gate
        finally:
            runner.close()

    def report(self, outcome: Outcome, folder: Path) -> None:
        if outcome.status == "done":
            self.say(f"The draft film is ready: {folder / 'edit' / 'full.mp4'}. Ask for changes, or 'fork at STAGE as NAME'.")
        elif outcome.status == "waiting":
            gate = outcome.gate
            from studio.report import gate_said

            lines = [f"[{gate['gate']} gate] {gate['summary']}"] + gate_said(gate)
            lines += [f"  {i}: {choice}" for i, choice in enumerate(gate["choices"])]
            lines += [f"  look at: {folder / f}" for f in gate["files"]]
            lines.append("Say 'approve', 'pick N', or tell me what to change.")
            self.say("\n".join(lines))
        else:
            self.say(f"Stopped before {', '.join(outcome.next)}; say 'approve' to continue.")

    def _stopped(self) -> bool:
        if not self.has_run():
            return False
        runner = self.runner()
        try:
            return runner.outcome().status == "stopped"
        finally:
            runner.close()

    def _answer(self, answer: GateAnswer | None) -> None:
        runner = self.runner()
        try:
            outcome = runner.resume(answer, on_event=self.on_event)
            self.report(outcome, runner.version_dir)
        finally:
            runner.close()

    # ----------------------------------------------------------------- turns
    def handle(self, text: str) -> bool:
        """Carry out one message; False when the person leaves."""
        gate = self.pending_gate()
        try:
            intent = self.router(text, gate, self.has_run())
            return self._carry_out(intent, gate)
        except BadInput as error:
            self.say(f"I can't do that: {error}")
            return True
        except ProviderError as error:  # a model service failed after its retries; the run is checkpointed
            self.say(f"The model service failed: {error}. Everything made so far is kept; try again.")
            return True

    def _carry_out(self, intent: ChatIntent, gate: dict | None) -> bool:
        action = intent.action
        if action == "quit":
            self.say("Bye. Everything is checkpointed; 'filmcrew chat' picks up where we are.")
            return False
        if action == "help":
            from studio import chat_grammar

            self.say(chat_grammar.__doc__.split("\n\n", 1)[1].rstrip())
        elif action == "brief":
            self._start(intent.note)
        elif action in ("revise", "route") and alternatives_asked(intent.note)[0]:
            self._alternatives(intent.note)  # "two alternative endings": versions, not a change to this one
        elif action in ("approve", "pick", "revise") and gate is None:
            if self._stopped():
                self.say("Picking up where the run stopped.")
                self._answer(None)
            else:
                self.say("No gate is waiting right now. Say 'status' to see where we are.")
        elif action == "approve":
            self._answer(GateAnswer(action="approve"))
        elif action == "pick":
            self._answer(GateAnswer(action="pick", pick=intent.pick, shot=intent.shot))
        elif action == "revise":
            self._answer(GateAnswer(action="revise", note=intent.note))
        elif action == "route" and intent.stage in STAGE_ORDER:
            self._route(intent.stage, intent.note, gate)
        elif action == "fork" and intent.names and intent.stage:
            stage = FORK_STAGE.get(intent.stage, intent.stage)
            self._fork(stage, intent.names[0], intent.note)
        elif action == "compare" and intent.names:
            from graph.versions import compare

            names = intent.names[:2] if len(intent.names) > 1 else [self.version, intent.names[0]]
            files = compare(self.project, *names)
            self.say("Compared: " + ", ".join(f"{k} {v}" for k, v in files.items()))
        elif action == "versions":
            from graph.versions import describe_versions

            rows = describe_versions(self.project)
            self.say("\n".join(f"{r['name']}: {r['status']}" + (f" at the {r['gate']} gate" if r["gate"] else "")
                               + (f", forked from {r['forked_from']} at {r['at']}" if r["forked_from"] else "")
                               + (f" — {r['note']}" if r["note"] else "") for r in rows))
        elif action == "status":
            self._status()
        elif action == "show" and intent.stage in SHOW_TOPICS:
            self._show(intent.stage)
        elif action in ("fork", "compare", "show"):
            self.say("Say which: 'fork at STAGE as NAME: note', 'compare A B', or 'show the script|shots|storyboard|film'.")
        else:
            self.say(intent.reply or "I did not catch that; say 'help' for what I understand.")
        return True

    def _start(self, brief: str) -> None:
        from studio.cli import check_brief

        brief = check_brief(brief)
        ensure_writable(self.project)
        runner = FilmRunner(self.project)
        context = FilmContext(project_dir=str(self.project), llm=self.llm)
        initial = FilmState(brief=Brief(text=brief, length_s=self.length_s, aspect=self.aspect))
        self.say(f"Starting a {self.length_s:.0f} s film: {brief}")
        try:
            self.report(runner.start(initial, context, on_event=self.on_event), self.project)
        finally:
            runner.close()

    def _route(self, stage: str, note: str, gate: dict | None) -> None:
        """Send a note to the stage it is about: a revise at its gate, or a fork for an earlier stage."""
        at = gate["gate"] if gate else "done"
        owns = stage == at or (stage in ("shots", "storyboard") and at in ("shots", "storyboard")
                               and (stage == at or re.search(r"\bshot\s+\d", note.lower())))
        if gate is not None and owns:
            self._answer(GateAnswer(action="revise", note=note))
        elif at == "done" or STAGE_ORDER.index(stage) < STAGE_ORDER.index(at):
            name = self._free_name(note)
            self.say(f"That belongs to the {stage} stage, which is behind us; making it a new version '{name}' "
                     f"so the current one is kept.")
            self._fork(FORK_STAGE[stage], name, note)
        else:
            self.say(f"That is for the {stage} stage, which comes after this {at} gate. "
                     "Approve this one first, then tell me again.")

    def _free_name(self, note: str) -> str:
        from graph.versions import version_names

        taken = set(version_names(self.project))
        base = "-".join(re.findall(r"[a-z0-9]+", note.lower())[:3]) or "alt"
        name, n = base[:32], 2
        while name in taken:
            name, n = f"{base[:30]}-{n}", n + 1
        return name

    def _fork(self, stage: str, name: str, note: str) -> None:
        from graph.versions import fork

        runner, outcome = fork(self.project, stage, name, note, source=self.version, on_event=self.on_event)
        self.version = name
        self.say(f"Version '{name}' forked at {stage}; we are working on it now.")
        self.report(outcome, runner.version_dir)
        runner.close()

    def _alternatives(self, note: str) -> None:
        from graph.versions import fork_alternatives
        from studio.versions_commands import alternatives_said

        made = fork_alternatives(self.project, note, source=self.version, on_event=self.on_event)
        self.say(alternatives_said(made, str(self.project)))
        if made["versions"]:
            self.say(f"We stay on '{self.version}'. Say 'fork at ...', 'compare {self.version} "
                     f"{made['versions'][0]['name']}', or carry on here.")

    def _status(self) -> None:
        if not self.has_run():
            self.say("Nothing made yet. Tell me the film: a sentence is enough.")
            return
        runner = self.runner()
        try:
            outcome = runner.outcome()
            self.say(f"Version {self.version}:")
            self.report(outcome, runner.version_dir)
        finally:
            runner.close()

    def _show(self, topic: str) -> None:
        runner = self.runner()
        folder = runner.version_dir
        runner.close()
        present = [folder / f for f in SHOW_TOPICS[topic] if (folder / f).exists()]
        if not present:
            self.say(f"There is no {topic} yet.")
            return
        self.say(f"The {topic}: " + ", ".join(str(p) for p in present))
        if topic == "shots" and (folder / "shots" / "shotlist.csv").is_file():
            self.say((folder / "shots" / "shotlist.csv").read_text(encoding="utf-8").strip())
