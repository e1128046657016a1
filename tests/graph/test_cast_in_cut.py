"""Consistency casts the people the cut shows: a character only in left-out scenes gets no lock or sheet."""

from __future__ import annotations

from types import SimpleNamespace

from agents.consistency import consistency
from graph.context import FilmContext
from graph.state import Brief, FilmState, PaletteColor, Shot, ShotList, StyleBible
from tools.screenplay.fountain_io import parse_fountain

SCRIPT = """Title: Harbour

INT. HARBOUR OFFICE - NIGHT

NELL, 40s, a harbour master, reads the log.

NELL
The ferry is late.

EXT. PIER - NIGHT

MARGIT, 70s, in a knitted hat, waits with a suitcase.

MARGIT
Nobody came.

INT. HARBOUR OFFICE - DAWN

NELL closes the log.
"""

STYLE = StyleBible(name="test", harmony="mono", medium="2D animation", lighting="natural_soft",
                   palette=[PaletteColor(role=r, hex=h) for r, h in [
                       ("key", "#7a8a99"), ("shadow", "#22262e"), ("highlight", "#e8e4da"), ("accent", "#c0583a"),
                       ("sky", "#9fb8cc"), ("ground", "#5d5a48"), ("skin", "#c89a7a")]])


def test_only_characters_in_the_cut_are_cast(tmp_path):
    script = parse_fountain(SCRIPT)
    cut = ShotList(shots=[Shot(id="1.1", scene=1, size="MS", duration_s=3, subjects=["NELL"]),
                          Shot(id="3.1", scene=3, size="MS", duration_s=3, subjects=["NELL"])])
    state = FilmState(brief=Brief(text="Harbour", length_s=6), script=script, style=STYLE, shotlist=cut)
    (tmp_path / "p").mkdir()
    update = consistency(state, SimpleNamespace(context=FilmContext(project_dir=str(tmp_path / "p"))))
    assert [p.name for p in update["cast"]] == ["NELL"]
    assert "not cast (in no shot of this cut): MARGIT" in update["notes"][0]
    assert not (tmp_path / "p" / "cast" / "MARGIT").exists()
