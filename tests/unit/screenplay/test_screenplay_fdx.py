"""Final Draft files: read as the same screenplay as their Fountain twin, written back so they round-trip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.test_cli_bad_input import assert_bad_input, filmcrew
from tools.errors import BadInput
from tools.screenplay.fdx import fountain_from_fdx, to_fdx
from tools.screenplay.fountain_io import load_script, parse_fountain

SMALL_FDX = """<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
    <Paragraph Type="Scene Heading"><Text>EXT. HARBOUR WALL - DAWN</Text></Paragraph>
    <Paragraph Type="Action"><Text>Gulls wheel over the water. </Text><Text Style="Bold">NOOR</Text><Text> (70s) in a knitted hat walks the wall.</Text></Paragraph>
    <Paragraph Type="Action"><Text>SHE STOPS.</Text></Paragraph>
    <Paragraph Type="Character"><Text>NOOR</Text></Paragraph>
    <Paragraph Type="Parenthetical"><Text>(to the sea)</Text></Paragraph>
    <Paragraph Type="Dialogue"><Text>Not today.</Text></Paragraph>
    <Paragraph Type="Shot"><Text>CLOSE ON HER HANDS</Text></Paragraph>
    <Paragraph Type="Action"><Text>They shake.</Text></Paragraph>
    <Paragraph>
      <DualDialogue>
        <Paragraph Type="Character"><Text>JOSÉ</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>Noor!</Text></Paragraph>
        <Paragraph Type="Character"><Text>NOOR</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>José!</Text></Paragraph>
      </DualDialogue>
    </Paragraph>
    <Paragraph Type="Transition"><Text>CUT TO:</Text></Paragraph>
    <Paragraph Type="Scene Heading"><Text>INT. NOOR'S KITCHEN - NIGHT</Text></Paragraph>
    <Paragraph Type="Action"><Text>The kettle sings.</Text></Paragraph>
    <Paragraph Type="Character"><Text>JOSÉ (O.S.)</Text></Paragraph>
    <Paragraph Type="Dialogue"><Text>Tea?</Text></Paragraph>
  </Content>
  <TitlePage>
    <Content>
      <Paragraph Alignment="Center" Type="Text"><Text>THE HARBOUR WALL</Text></Paragraph>
      <Paragraph Alignment="Center" Type="Text"><Text></Text></Paragraph>
      <Paragraph Alignment="Center" Type="Text"><Text>Written by</Text></Paragraph>
      <Paragraph Alignment="Center" Type="Text"><Text>A. Writer</Text></Paragraph>
    </Content>
  </TitlePage>
</FinalDraft>
"""


def _dialogue(script):
    return [(e.character, e.parenthetical, e.text) for s in script.scenes for e in s.elements if e.kind == "dialogue"]


def test_small_fdx_reads_every_element_kind(tmp_path):
    path = tmp_path / "harbour.fdx"
    path.write_text(SMALL_FDX, encoding="utf-8")
    script = load_script(path)
    assert script.source == "fdx"
    assert script.title == "THE HARBOUR WALL"
    assert [s.heading for s in script.scenes] == ["EXT. HARBOUR WALL - DAWN", "CLOSE ON HER HANDS",
                                                  "INT. NOOR'S KITCHEN - NIGHT"]
    assert _dialogue(script) == [("NOOR", "to the sea", "Not today."), ("JOSÉ", None, "Noor!"),
                                 ("NOOR", None, "José!"), ("JOSÉ", None, "Tea?")]
    first = script.scenes[0].elements
    # A line in capitals stays action (forced), never a cue; the styled run keeps its words.
    assert [e.kind for e in first[:2]] == ["action", "action"] and first[1].text == "SHE STOPS."
    assert "NOOR" in first[0].text and "knitted hat" in first[0].text
    assert any(e.kind == "transition" and e.text == "CUT TO:" for e in script.scenes[1].elements)
    assert "Author: A. Writer" in script.fountain


def test_export_round_trips_through_the_importer(tmp_path):
    script = parse_fountain(fountain_from_fdx(SMALL_FDX.encode()))
    again = parse_fountain(fountain_from_fdx(to_fdx(script).encode()))
    assert [s.heading for s in again.scenes] == [s.heading for s in script.scenes]
    assert _dialogue(again) == _dialogue(script)
    assert [(e.kind, e.text) for s in again.scenes for e in s.elements] == \
        [(e.kind, e.text) for s in script.scenes for e in s.elements]


@pytest.mark.parametrize("data, says", [
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><FinalDraft><Content/></FinalDraft>', "entities"),
    (b"<FinalDraft><Content><Paragraph Type='Action'>", "xml error"),
    (b"<?xml version='1.0'?><html><body>hi</body></html>", "not a final draft"),
])
def test_unsafe_or_foreign_xml_is_refused(data, says):
    with pytest.raises(BadInput, match="(?i)" + says):
        fountain_from_fdx(data, "x.fdx")


def test_pdf_is_refused_in_one_line(tmp_path):
    pdf = tmp_path / "script.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(BadInput, match="PDF"):
        load_script(pdf)
    assert_bad_input(filmcrew("doctor", str(pdf)), "pdf")


def _shared() -> Path | None:
    for folder in [Path(__file__).resolve().parents[3].parent / "shared" / "screenplays",
                   *[Path(p) for p in os.environ.get("FILMCREW_SCREENPLAYS", "").split(os.pathsep) if p]]:
        if folder.is_dir() and any(folder.glob("*.fdx")):
            return folder
    return None


@pytest.mark.skipif(_shared() is None, reason="the shared screenplays folder is absent")
@pytest.mark.parametrize("name", ["Brick-and-Steel", "The-Last-Birthday-Card"])
def test_shared_fdx_matches_its_fountain_twin(name):
    folder = _shared()
    if not (folder / f"{name}.fdx").is_file():
        pytest.skip(f"{name}.fdx not in {folder}")
    fdx, fountain = load_script(folder / f"{name}.fdx"), load_script(folder / f"{name}.fountain")
    assert [s.heading for s in fdx.scenes] == [s.heading for s in fountain.scenes]
    assert [e[0] for e in _dialogue(fdx)] == [e[0] for e in _dialogue(fountain)]
    assert [c.name for c in fdx.characters] == [c.name for c in fountain.characters]


# --------------------------------------------------------------------------- classic plain text

CENTRED_WITH_BLANK_AFTER_CUES = """
                             THE NIGHT FERRY

                               written by

                               Ada Lovell



INT. FERRY BAR - NIGHT

The bar sways. MARTA (50s) wipes a glass that is already dry, watching the door for someone who is late.

THE ENGINES DIE. EVERY LIGHT GOES OUT.

                         MARTA

               Not again.

                         JONAS (O.S.)

                  (from the deck)

               Marta! Bring the torch!

She grabs a torch from under the bar and runs.

                                                        CUT TO:

INTERIOR - CAR DECK

Rows of cars in the dark. Jonas waits by a van with its doors open, rain on the ramp behind him.

                         JONAS

               Look what they loaded.

                         MARTA

               Is that a piano?
"""


def test_plain_text_with_blank_lines_after_cues_and_a_centred_title(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(CENTRED_WITH_BLANK_AFTER_CUES)
    script = load_script(path)
    assert script.title == "THE NIGHT FERRY"
    assert [s.location for s in script.scenes] == ["FERRY BAR", "CAR DECK"]
    assert [(c, p, t) for c, p, t in _dialogue(script)] == [
        ("MARTA", None, "Not again."), ("JONAS", "from the deck", "Marta! Bring the torch!"),
        ("JONAS", None, "Look what they loaded."), ("MARTA", None, "Is that a piano?")]
    # The line of action in capitals stays action; the title is nobody's cue.
    assert "THE ENGINES DIE" in " ".join(e.text for e in script.scenes[0].elements if e.kind == "action")
    assert {c.name for c in script.characters} >= {"MARTA", "JONAS"}
    assert not any("FERRY" in c.name or "WRITTEN" in c.name for c in script.characters)


def test_double_spaced_draft_keeps_every_speaker(tmp_path):
    body = []
    for n in range(12):
        body += ["INT. HYPERSLEEP VAULT", "", "     Lids pop open. The crew sit up, one by one, shivering.", "",
                 "     Frost on every surface.", "",
                 "                              ROBY", "", "               Oh... God... am I cold...", "",
                 "               Where are we?", "",
                 "                              KANE", "", "               Home. Nearly.", ""]
    path = tmp_path / "vault.txt"
    path.write_text("\n".join(body))
    script = load_script(path)
    assert len(script.scenes) == 12
    lines = _dialogue(script)
    assert [c for c, _, _ in lines] == ["ROBY", "KANE"] * 12
    assert lines[0][2] == "Oh... God... am I cold...\nWhere are we?"
