"""False findings seen on real screenplays (issue 13), each reproduced on a small snippet of the same shape."""

import re

from tools.screenplay.analysis import analyze
from tools.screenplay.fountain_io import parse_fountain
from tools.screenplay.logic import logic_gaps
from tools.screenplay.mood import mood_curve, mood_jumps
from tools.screenplay.motive import motive_findings
from tools.screenplay.setups import emphasised_props, payoffs_missing, setups_missing
from tools.screenplay.structure import climax_scene
from tools.screenplay.voice import voice_findings


def _kinds(findings):
    return [(f.kind, f.scene) for f in findings]


OFFICE = """Title: Paper Jam

INT. OFFICE - NIGHT

Perched on the edge of the desk is a weathered LASER PRINTER. MIKE (40s, tired) stares at it.

MIKE
Print, you beast.

Mike snaps the binder shut with a CLACK. A STEWARDESS smiles from a poster. He strikes the green ACTIVATE button.

INT. HALLWAY - NIGHT

A flashlight SWEEPS past. A CAWING crow lands on the sill. He coughs, and the cough becomes a hacking fit.

INT. OFFICE - NIGHT

The machine hums.

PRINTER
Feed me.

Mike feeds the printers' trays until dawn.

INT. OFFICE - DAWN

Mike sleeps on the desk. The sun comes up.
"""


def test_sound_cues_extras_buttons_and_verbs_are_never_props():
    names = [p.name for p in emphasised_props(parse_fountain(OFFICE))]
    for not_a_prop in ("CLACK", "STEWARDESS", "ACTIVATE", "SWEEPS", "CAWING"):
        assert not_a_prop not in names


def test_a_prop_mentioned_again_in_any_form_or_as_a_speaker_is_paid_off():
    script = parse_fountain(OFFICE)
    assert payoffs_missing(script, mood_curve(script)) == []  # the printer speaks and comes back as "printers'"


def test_a_prop_named_again_only_in_a_heading_is_paid_off():
    script = parse_fountain("""EXT. STREET - DAY

Nak looks over the yellow GTI in the drive.

EXT. BRIDGE - DAY

Traffic crawls across the bay.

INT. GTI - DAY

Nak turns up the radio and sings along, badly.

EXT. OFFICE - DAY

Nak parks and walks in, whistling, late again for work.
""")
    assert [p.name for p in emphasised_props(script)] == ["GTI"]
    assert payoffs_missing(script, mood_curve(script)) == []


def test_a_title_card_and_a_shot_line_are_never_setups():
    script = parse_fountain("""EXT. PATIO - DAY

Brick sits with a beer.

.OPENING TITLES

> BRICK BRADDOCK <

EXT. SHACK - DAY

A SPINNING PINWHEEL

Steel smacks Cognito. Brick watches.
""")
    assert emphasised_props(script) == []


CARD = """Title: Shoe

INT. BANK LOBBY - NIGHT

MAYA (30s, calm) waits by the plants while the guard does his rounds.

MAYA
Almost time.

INT. BANK CORRIDOR - NIGHT

Maya slips past the sleeping guard, counting doors.

INT. VAULT DOOR - NIGHT

Alarms scream. Guards shout behind her. Maya pulls a KEY CARD from her shoe and swipes the vault open.

INT. VAULT - NIGHT

Gold everywhere. Maya laughs and fills her bag.

EXT. STREET - DAWN

Maya walks away into the crowd.
"""


def test_a_card_pulled_from_a_shoe_to_open_the_vault_is_setup_missing_not_payoff_missing():
    script = parse_fountain(CARD)
    curve = mood_curve(script)
    assert payoffs_missing(script, curve) == []
    found = setups_missing(script, curve)
    assert _kinds(found) == [("setup_missing", 3)] and "key card" in found[0].evidence and found[0].line


def test_used_before_introduced_respects_the_first_mention_in_any_form():
    script = parse_fountain("""INT. KITCHEN - NIGHT

WILL (3) listens as his father EDWARD BLOOM, 40s, tells a story.

EDWARD
It was a fish this big.

EXT. SCHOOL - DAY

The bully keeps tripping, crashing into YOUNG EDWARD (10).

YOUNG EDWARD
Watch it.

INT. HALLWAY - NIGHT

The large hand belongs to an even larger man, MIKE.

MIKE
Late again.
""")
    assert logic_gaps(script) == []


def test_a_repeat_of_what_someone_was_already_doing_is_not_a_missing_first_time():
    script = parse_fountain("""EXT. FIELD - DAY

Don Price decks him, knocking him down. Edward gets right back up.

Unfazed, Don slugs him again.

INT. OFFICE - NIGHT

Mike yanks the paper tray out of the printer. He pulls the paper tray again.

EXT. GARDEN - DAY

A sword slices into view. He slices the air again with the sword.
""")
    assert logic_gaps(script) == []


CHASE = """EXT. HILLSIDE - DAY

Nak and Scott laugh and joke, happy and relaxed, sharing a lovely sunny picnic. What a wonderful day.

.THE TRUCK

rolls down the hill, faster, toward the car!

.SPALDING

screams in terror, trapped, as the truck slams into him. Horrible death.

.BACK ON NAK AND SCOTT

They grin, delighted. Wonderful. What a lovely, happy, perfect day.
"""


def test_no_mood_jump_inside_one_continuous_sequence_of_shot_headings():
    script = parse_fountain(CHASE)
    assert mood_jumps(script, mood_curve(script)) == []


def test_no_mood_jump_into_a_continuous_scene():
    script = parse_fountain("""INT. BANK - DAY

Everyone laughs and smiles, delighted. It is a wonderful, happy morning. Lovely.

INT. BANK VAULT - CONTINUOUS

The teller is crying, terrified, sobbing. Horrible. She is miserable.
""")
    assert mood_jumps(script, mood_curve(script)) == []


def test_the_climax_is_never_a_title_card_or_a_shot_heading():
    script = parse_fountain(CHASE.replace("EXT. HILLSIDE - DAY", "EXT. HILLSIDE - DAY\n\nCalm.\n\nEXT. ROAD - DAY\n\n"
                                                              "A car waits.\n\n.OPENING TITLES\n\n> FULL RETIRED <\n\n"
                                                              "EXT. HILLTOP - DAY"))
    heading = script.scenes[climax_scene(script, mood_curve(script))].heading
    assert heading.startswith(("EXT", "INT"))


def test_a_vow_and_an_act_many_scenes_apart_or_without_an_object_are_not_a_motive_clash():
    scenes = "\n\n".join(f"INT. ROOM {i} - DAY\n\nWill reads the paper." for i in range(8))
    script = parse_fountain(f"""INT. HOSPITAL - DAY

WILL
I'll wait.

JOSEPHINE
I will never leave this town.

{scenes}

INT. HALL - DAY

Will gets up to go. Josephine leaves the town on the night bus.
""")
    assert motive_findings(script) == []


def test_a_motive_clash_cites_both_lines():
    script = parse_fountain("""EXT. LIGHTHOUSE - DAY

MARA
I'll never leave this lighthouse.

INT. KITCHEN - NIGHT

Mara packs a bag.

EXT. PIER - DAY

Mara leaves the lighthouse and boards the ferry.
""")
    found = motive_findings(script)
    assert len(found) == 1 and "line 3" in found[0].evidence and f"line {found[0].line}" in found[0].evidence


KIRA = """INT. GARAGE - NIGHT

KIRA
Can't stop. Paid by the minute.

KIRA
Yeah. Got it.

KIRA
No time, Otto.

KIRA
Move it, pal.

KIRA
Gotta go.

EXT. STREET - NIGHT

{frame}

KIRA
Verily, I must confess that the profound responsibilities of this delivery weigh upon my conscience considerably.
"""


def test_a_voice_break_cites_both_lines_and_is_left_alone_when_the_page_frames_it():
    plain = voice_findings(parse_fountain(KIRA.format(frame="Kira stops.")))
    assert len(plain) == 1 and f"line {plain[0].line}:" in plain[0].evidence
    assert re.search(r"e\.g\. line (?:3|6|9|12|15)\b", plain[0].evidence)  # one of her usual lines, cited
    framed = parse_fountain(KIRA.format(frame="Kira puts on a posh accent, mocking her old teacher."))
    assert voice_findings(framed) == []


def test_the_offline_report_leaves_unreliable_kinds_out_and_says_so():
    report = analyze(parse_fountain(KIRA.format(frame="Kira stops.")))
    assert not any(f.kind in ("voice_inconsistency", "structure", "mood_jump") for f in report.findings)
    assert any("voice" in line.lower() for line in report.not_checked)
    assert any(f.kind == "voice_inconsistency" for f in analyze(parse_fountain(KIRA.format(frame="Kira stops.")),
                                                                  unreliable=True).findings)


def test_every_finding_cites_a_line():
    for text in (CARD, OFFICE, CHASE):
        for f in analyze(parse_fountain(text), unreliable=True).findings:
            assert f.line, f


def test_a_capitalised_callback_to_something_seen_before_is_no_setup():
    script = parse_fountain("""INT. BANQUET - NIGHT

The men walk in with pins on their lapels.

INT. STREET - NIGHT

Two men pass. They have that familiar PIN on their coats.

INT. OFFICE - NIGHT

Lionel thinks, alone, for a long time.

INT. HALL - NIGHT

Lionel leaves.
""")
    assert payoffs_missing(script, mood_curve(script)) == []


def test_the_same_situation_again_scenes_later_is_no_missing_first_time():
    script = parse_fountain("""INT. ROOM - DAY

The camera sits on the bed, facing the door.

EXT. SCHOOL - DAY

Andrew walks to class.

INT. ROOM - NIGHT

The camera lays on Andrew's bed again, filming the room.
""")
    assert logic_gaps(script) == []


def test_a_script_changed_in_place_is_read_again():
    from graph.state import ScriptElement

    script = parse_fountain(CARD)
    assert payoffs_missing(script, mood_curve(script)) == []
    script.scenes[0].elements.insert(0, ScriptElement(kind="action", text="She hides a SILVER WHISTLE in a plant.",
                                                      line=4))
    found = payoffs_missing(script, mood_curve(script))
    assert [f.scene for f in found] == [1] and "WHISTLE" in found[0].evidence
