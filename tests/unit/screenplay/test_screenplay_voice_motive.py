from tools.screenplay.motive import motive_findings, stated_goals
from tools.screenplay.voice import voice_findings, voice_profiles

COURIER = """Title: Run

EXT. MARKET - NIGHT

KIRA (20s, cracked visor) weaves her bike between stalls.

KIRA
Can't stop. Paid by the minute.

KIRA
Yeah, yeah. Move it.

INT. GARAGE - NIGHT

OTTO (50s) scans a case.

KIRA
So who's following?

KIRA
Don't care. Gotta go.

EXT. BRIDGE - NIGHT

Kira brakes hard.

KIRA
Delivered, kid.
"""


def test_voice_profile_reads_a_terse_casual_speaker(plant):
    from tools.screenplay.fountain_io import parse_fountain

    profile = voice_profiles(parse_fountain(COURIER))["KIRA"]
    assert profile.lines == 5 and profile.words_per_sentence < 5 and profile.register < 0


def test_consistent_voice_has_no_findings():
    from tools.screenplay.fountain_io import parse_fountain

    assert voice_findings(parse_fountain(COURIER)) == []


def test_line_far_outside_the_voice_is_flagged():
    from tools.screenplay.fountain_io import parse_fountain

    odd = COURIER.replace("So who's following?", "I must confess that the exquisite melancholy of this surveillance "
                                                   "moves me profoundly, and I shall therefore endeavour to understand it.")
    findings = voice_findings(parse_fountain(odd))
    assert [(f.kind, f.scene, f.character) for f in findings] == [("voice_inconsistency", 2, "KIRA")]
    assert "formal" in findings[0].evidence


def test_vow_then_the_opposite_act_is_a_motive_inconsistency(plant):
    script = plant(("Hold on one more night, old girl.", "Hold on one more night, old girl. I'll never leave this lighthouse."),
                   ("The storm is gone.", "The storm is gone. Mara leaves the lighthouse with a suitcase."))
    goals = stated_goals(script)
    assert goals and goals[0].negated and goals[0].character == "MARA"
    findings = motive_findings(script)
    assert [(f.kind, f.scene, f.character, f.severity) for f in findings] == [("motive_inconsistency", 5, "MARA", "high")]


def test_shown_change_of_heart_excuses_the_act(plant):
    script = plant(("Hold on one more night, old girl.", "Hold on one more night, old girl. I'll never leave this lighthouse."),
                   ("The storm is gone.", "The storm is gone. Mara realizes the boat needs a keeper more than the rock does. "
                                          "Mara leaves the lighthouse with a suitcase."))
    assert motive_findings(script) == []


def test_vow_kept_is_fine(plant):
    script = plant(("Hold on one more night, old girl.", "Hold on one more night, old girl. I'll never leave this lighthouse."))
    assert motive_findings(script) == []
