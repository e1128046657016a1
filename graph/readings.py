"""What the crew made of the brief and of each note, in the one-line words a gate shows.

Agents record a `Reading` of everything they read (FilmState.readings). A gate
shows the readings made since the last answer given at any gate, so the
script gate shows the brief's reading the first time and the note's reading
after a revise; `status` lists every reading of the run.
"""

from __future__ import annotations

from graph.state import FilmState, Reading, Understood

MAX_GATE_LINES = 24  # a long imported script's reading stays readable at the gate; status lists all


def understood_line(item: Understood) -> str:
    """'roastery: place, drawn as workshop'; 'ROASTER: character — the roaster, a woman in her 40s'."""
    kind = "" if item.became == "other" else item.became
    detail = item.detail.strip()
    if detail.lower() == item.text.strip().lower():
        detail = ""
    line = f"{item.text}: {kind}" if kind else item.text
    if detail:
        line += f" — {detail}" if kind else f": {detail}"
    if item.drawn_as and item.drawn_as.lower() != item.text.strip().lower():
        line += f", drawn as {item.drawn_as}"
    return line


def reading_lines(reading: Reading) -> tuple[list[str], list[str]]:
    """(understood, not applied) lines of one reading; words not understood count as not applied."""
    understood = [understood_line(u) for u in reading.used]
    missed = list(reading.not_applied)
    # A word the agent already explains in a not-applied line is not said twice.
    missed += [f"'{w}': not understood" for w in reading.not_understood if not any(f"'{w}'" in m for m in missed)]
    if reading.source == "note" and not reading.used:
        missed.insert(0, f"Nothing of the note '{_short(reading.text)}' was applied.")
    return understood, missed


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def new_readings(state: FilmState) -> list[Reading]:
    """The readings made since the last answer at a gate (a per-shot storyboard pick is not an answer to the
    work: the readings before it still stand)."""
    answered = [h for h in state.history if not (h.answer.action == "pick" and h.answer.shot)]
    seen = answered[-1].readings_seen if answered else 0
    return list(state.readings[seen:]) if seen <= len(state.readings) else list(state.readings)


def gate_lines(state: FilmState) -> tuple[list[str], list[str], bool]:
    """What the gate shows: understood lines, not-applied lines, and whether a note was read but nothing of it
    was applied."""
    understood: list[str] = []
    missed: list[str] = []
    nothing = False
    for reading in new_readings(state):
        used, lost = reading_lines(reading)
        understood += used
        missed += lost
        nothing |= reading.source == "note" and not reading.used
    if len(understood) > MAX_GATE_LINES:
        more = len(understood) - MAX_GATE_LINES
        understood = understood[:MAX_GATE_LINES] + [f"… and {more} more ('filmcrew status --json' lists them all)"]
    return understood, missed, nothing


def readings_report(state: FilmState | None) -> list[dict]:
    """Every reading of the run, for `status`: what was read, and the lines a gate shows for it."""
    rows = []
    for reading in state.readings if state else []:
        used, missed = reading_lines(reading)
        rows.append({"source": reading.source, "stage": reading.stage, "text": reading.text,
                     "understood": used, "not_applied": missed,
                     "used": [u.model_dump(mode="json") for u in reading.used]})
    return rows
