"""Coverage that follows the writing (issue 13): the script's own camera words, who is really
in a scene, inserts on things, dialogue cut between sentences, parentheticals as notes."""

from __future__ import annotations

from graph.state import ShotList
from tools.screenplay.fountain_io import parse_fountain
from tools.screenplay.presence import Matcher, is_extra
from tools.shots.beats import characters_in, emphasised_props
from tools.shots.breakdown import break_down
from tools.shots.directions import find_directions
from tools.shots.grammar import split_line
from tools.shots.rules import check_shots


def _fountain(body: str):
    return parse_fountain("Title: T\n\n" + body)


def _shots(body: str, length: float = 60) -> tuple[object, ShotList]:
    script = _fountain(body)
    shots = break_down(script, length)
    assert check_shots(shots, script) == []
    return script, shots


def test_directions_read_as_the_script_writes_them():
    table = {
        "We PUSH IN on the silhouettes.": ("PUSH IN", None, "dolly_in"),
        "We PULL BACK, revealing the house.": ("PULL BACK", None, "dolly_out"),
        "We TILT UP from the road to reveal Karl.": ("TILT UP", None, "tilt_up"),
        "CLOSE ON Edward, smiling.": ("CLOSE ON", "CU", None),
        "AERIAL VIEW: the car blasts past.": ("AERIAL", "EWS", None),
        "LIONEL'S POV: kids playing.": ("POV", "POV", None),
    }
    for text, (name, size, move) in table.items():
        d = find_directions(text)[0]
        assert (d.name, d.size, d.movement) == (name, size, move), text
    assert find_directions("AERIAL VIEW: the car")[0].angle == "birds_eye"
    assert find_directions("LIONEL'S POV: kids")[0].owner == "LIONEL"
    # A thing that moves in is not the camera moving in; a frying pan is not a pan.
    assert find_directions("AS THANOS MOVES IN ON T'CHALLA") == []
    assert find_directions("She drops the pan.") == []


def test_the_scripts_push_in_and_close_on_win_and_say_so():
    _, shots = _shots("EXT. FIELD - DAY\n\nEdward walks alone through the corn.\n\n"
                      "We PUSH IN on Edward, enraptured.\n\nCLOSE ON Edward, lost in reverie.\n\n"
                      "EDWARD\nWhat a day.\n")
    pushed = [s for s in shots.shots if "enraptured" in s.description]
    close = [s for s in shots.shots if "lost in reverie" in s.description]
    assert pushed and pushed[0].movement == "dolly_in"
    assert "script" in pushed[0].movement_reason and "PUSH IN" in pushed[0].movement_reason
    assert close and close[0].size == "CU" and "script" in close[0].movement_reason


def test_a_forced_shot_heading_pov_is_a_pov_not_a_wide():
    _, shots = _shots("EXT. ROOFTOP - DAY\n\nSTEEL lies prone behind a rifle.\n\nSTEEL\nGot him.\n\n"
                      ".SNIPER SCOPE POV\n\nFrom INCHES AWAY, Brick's face fills the scope.\n")
    first_of_pov = next(s for s in shots.shots if s.scene == 2)
    assert first_of_pov.size == "POV"
    # Seen through the scope, at Steel: the POV is not given to Steel, nor to anyone absent.
    assert first_of_pov.description.startswith("Point of view through the sniper scope")


def test_whole_names_only_and_no_common_words():
    cast = Matcher(["THE BOSS", "EDWARD", "YOUNG EDWARD", "WILL"])
    assert characters_in("The boss is out. It will rain.", cast) == []
    assert characters_in("Young Edward runs past the barn.", cast) == ["YOUNG EDWARD"]
    assert characters_in("Will sits as Edward talks.", cast) == ["WILL", "EDWARD"]
    # An alias joins two names only where the script declares it.
    script = _fountain("INT. DEN - NIGHT\n\nTHE KID, AKA JACK, counts money.\n\nJACK\nEasy.\n")
    assert script.scenes[0].characters == ["JACK"]


def test_voices_and_crowds_are_never_framed():
    assert is_extra("A VOICE") and is_extra("A MAN'S VOICE") and is_extra("THE CROWD")
    assert not is_extra("EDWARD") and not is_extra("THE BOSS")
    _, shots = _shots("EXT. SQUARE - DAY\n\nMara waits by the fountain.\n\nMARA\nHello?\n\n"
                      "A VOICE\nOver here!\n\nTHE CROWD\nHooray!\n")
    framed = {name for s in shots.shots for name in s.subjects}
    assert "A VOICE" not in framed and "THE CROWD" not in framed
    assert all("A VOICE" not in s.description.split(":")[0] for s in shots.shots)


def test_inserts_are_on_things_not_sounds_actions_or_words():
    props = emphasised_props(
        "The boards CREAK. A brass COMPASS glints on the table. She SLAMMED the door, VERY hard. "
        "Jenny YANKS OFF his shoes. The crowd CHEERS. KEYS in the lock. We TILT UP to the sky.", [])
    assert props == ["COMPASS", "KEYS"]


def test_dialogue_is_cut_only_between_sentences():
    text = ("I told you, Mr. Smith, that it was over and done with years ago. You never listened "
            "to me once in all those long years, not once, not ever. And now you come here asking "
            "for a favour? Go home.")
    chunks = split_line(text)
    assert len(chunks) > 1 and " ".join(chunks) == text
    assert all(c.endswith((".", "?")) for c in chunks)
    assert chunks[0].startswith("I told you, Mr. Smith, that")


def test_parentheticals_are_performance_notes_never_subtitles():
    script, shots = _shots("INT. KITCHEN - NIGHT\n\nRuth and Jonah face each other.\n\nRUTH\n(quietly)\n"
                           "You sold it.\n\nJONAH\nI had to. (beat) I had no choice.\n")
    heard = "\n".join(s.dialogue or "" for s in shots.shots)
    assert "(" not in heard and "quietly" not in heard and "beat" not in heard
    notes = " ".join(s.notes for s in shots.shots)
    assert "RUTH: (quietly)" in notes and "JONAH: (beat)" in notes


def test_no_one_listens_to_themselves():
    long = " ".join(f"This is sentence number {i} of a long speech about the sea." for i in range(6))
    _, shots = _shots(f"INT. HALL - DAY\n\nEdward stands alone at the lectern.\n\nEDWARD\n{long}\n")
    for s in shots.shots:
        assert "listening as EDWARD" not in s.description


def test_action_only_scenes_are_covered_in_proportion():
    action = "\n\n".join(f"Beat {i}: the boy runs down the long pier, past the boats and nets, "
                         f"towards the lighthouse that blinks at the end of it all." for i in range(8))
    script, shots = _shots(f"EXT. PIER - DAY\n\n{action}\n\nINT. KITCHEN - DAY\n\nMARA\nHe is late.\n\n"
                           "ELI\nHe is always late.\n", length=60)
    silent = [s for s in shots.shots if s.scene == 1]
    # Eight beats of action, most of the page: at least a shot a beat and most of the time.
    assert len(silent) >= 8
    assert sum(s.duration_s for s in silent) > 0.6 * sum(s.duration_s for s in shots.shots)
