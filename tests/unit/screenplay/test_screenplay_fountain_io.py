import pytest

from tools.errors import BadInput
from tools.screenplay.fountain_io import load_script, parse_fountain, parse_heading, to_fountain


def test_parse_scenes_dialogue_and_characters(keeper):
    assert keeper.title == "The Keeper"
    assert [s.heading for s in keeper.scenes][:2] == ["EXT. LIGHTHOUSE GALLERY - DUSK", "INT. LIGHTHOUSE KITCHEN - NIGHT"]
    first = keeper.scenes[0]
    assert (first.location, first.interior, first.time_of_day) == ("LIGHTHOUSE GALLERY", False, "DUSK")
    shore = keeper.scenes[2]
    pip_line = next(el for el in shore.elements if el.kind == "dialogue" and el.character == "PIP")
    assert pip_line.text == "Cold... cold..." and pip_line.parenthetical == "weak, static"
    assert pip_line.line > 0
    names = [c.name for c in keeper.characters]
    assert names == ["MARA", "PIP"]
    assert keeper.characters[1].first_scene == 3
    assert "small robot" in keeper.characters[1].description
    assert "MARA" in shore.characters and "PIP" in shore.characters


def test_emphasis_markup_is_not_in_element_text(keeper):
    assert "BRASS LANTERN" in keeper.scenes[0].elements[0].text
    assert "**" not in keeper.scenes[0].elements[0].text


def test_unchanged_script_exports_byte_for_byte(keeper, keeper_text):
    assert to_fountain(keeper) == keeper_text


def test_partly_changed_script_keeps_the_writers_text_elsewhere(keeper, keeper_text):
    scenes = [s.model_copy(deep=True) for s in keeper.scenes]
    scenes[1].elements[0] = scenes[1].elements[0].model_copy(update={"text": "The kitchen is dark."})
    out = to_fountain(keeper.model_copy(update={"scenes": scenes}))
    assert "The kitchen is dark." in out
    assert "Rain hammers the window." not in out
    # The untouched first scene keeps its ** emphasis, which only the raw text has.
    assert "a **BRASS LANTERN**, its glass cracked" in out
    assert [s.heading for s in parse_fountain(out).scenes] == [s.heading for s in keeper.scenes]


def test_render_from_structure_round_trips(keeper):
    rebuilt = keeper.model_copy(update={"fountain": ""})
    again = parse_fountain(to_fountain(rebuilt))
    assert [s.heading for s in again.scenes] == [s.heading for s in keeper.scenes]
    assert [(e.kind, e.character, e.text) for s in again.scenes for e in s.elements] == \
           [(e.kind, e.character, e.text) for s in keeper.scenes for e in s.elements]


def test_windows_line_endings_parse_the_same(keeper, keeper_text):
    crlf = parse_fountain(keeper_text.replace("\n", "\r\n"))
    assert crlf.scenes == keeper.scenes and crlf.fountain == keeper_text


def test_notes_boneyard_and_sections_are_not_script_text():
    text = "# Act One\n\n.LIGHTHOUSE TOP\n\nMARA waits. [[note to self]]\n\n/* cut\nMARA\nOld line.\n*/\n\n" \
           "INT. KITCHEN - NIGHT\n\nMARA\nHello?\n"
    script = parse_fountain(text)
    assert [s.heading for s in script.scenes] == ["LIGHTHOUSE TOP", "INT. KITCHEN - NIGHT"]
    assert [[e.text for e in s.elements] for s in script.scenes] == [["MARA waits."], ["Hello?"]]
    assert to_fountain(script) == text


def test_dual_dialogue_and_extensions_become_plain_cues():
    script = parse_fountain("INT. CAR - NIGHT\n\nThey drive.\n\nBOB (V.O.)\nLeft.\n\nANN ^\nRight.\n")
    cues = [el.character for el in script.scenes[0].elements if el.kind == "dialogue"]
    assert cues == ["BOB", "ANN"]


@pytest.mark.parametrize("heading,expected", [
    ("INT. KITCHEN - NIGHT", ("KITCHEN", True, "NIGHT")),
    ("EXT. ROCKY SHORE — DAWN", ("ROCKY SHORE", False, "DAWN")),
    ("INT./EXT. CAR - CONTINUOUS", ("CAR", True, "CONTINUOUS")),
    ("EXT. MARKET", ("MARKET", False, "DAY")),
])
def test_parse_heading(heading, expected):
    assert parse_heading(heading) == expected


def test_load_plain_text_screenplay_with_page_layout(tmp_path):
    text = (
        "1   INT. BAKERY - MORNING                                  1\n\n"
        "Flour in the air. BEN (40s) pulls bread from the oven.\n\n"
        "                         BEN\n"
        "              Morning, Dad.\n\n"
        "                                                        2.\n"
        "EXT. STREET - DAY\n\n"
        "Ben locks up.\n"
    )
    path = tmp_path / "bakery.txt"
    path.write_text(text)
    script = load_script(path)
    assert script.source == "text"
    assert [s.heading for s in script.scenes] == ["INT. BAKERY - MORNING", "EXT. STREET - DAY"]
    line = next(el for el in script.scenes[0].elements if el.kind == "dialogue")
    assert (line.character, line.text) == ("BEN", "Morning, Dad.")
    assert script.title == "Bakery"


def test_load_fountain_file(tmp_path, keeper_text):
    path = tmp_path / "keeper.fountain"
    path.write_text(keeper_text)
    script = load_script(path)
    assert script.source == "fountain" and len(script.scenes) == 5 and script.fountain == keeper_text


@pytest.mark.parametrize("maker,message", [
    (lambda p: p.write_text(""), "empty"),
    (lambda p: p.write_text("   \n\n"), "empty"),
    (lambda p: p.write_bytes("INT. CAFÉ - DAY\n\nHi.\n".encode("latin-1")), "UTF-8"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
    (lambda p: p.write_text("Dear diary, today was long.\n\nI went to the shops and bought bread.\n"), "not a screenplay"),
    (lambda p: p.write_text("name,age\nmara,61\n"), "not a screenplay"),
])
def test_bad_input_is_refused_with_one_line(tmp_path, maker, message):
    path = tmp_path / "script.fountain"
    maker(path)
    with pytest.raises(BadInput) as err:
        load_script(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_directory_missing_and_oversized_files_are_refused(tmp_path):
    with pytest.raises(BadInput, match="directory"):
        load_script(tmp_path)
    with pytest.raises(BadInput, match="does not exist"):
        load_script(tmp_path / "nope.fountain")
    big = tmp_path / "big.fountain"
    with open(big, "wb") as fh:
        fh.truncate(5 * 1024 * 1024 + 1)  # sparse: no real 5 MB write
    with pytest.raises(BadInput, match="5 MB"):
        load_script(big)


def test_parse_fountain_refuses_empty_text():
    with pytest.raises(BadInput):
        parse_fountain("")
