from tools.screenplay.fountain_io import parse_fountain
from tools.screenplay.mood import mood_curve
from tools.screenplay.reading import scene_seconds
from tools.screenplay.structure import structure_findings, summarise

LATE = """INT. KITCHEN - MORNING

SOPHIE (30s, cardigan) makes tea. She waters a fern on the windowsill. She hums to herself.

SOPHIE
Good morning, fern.

INT. LIVING ROOM - DAY

Sophie reads a novel on the sofa. She turns a page. She sips her tea. The afternoon light moves slowly across the rug. She dozes, reads another chapter, and makes a second pot of tea.

INT. KITCHEN - EVENING

Sophie makes dinner: pasta, a little basil from the pot, a glass of wine. She eats by the window and watches the street lamps come on one by one.

EXT. BALCONY - NIGHT

Suddenly a scream rips up from the street. A man runs past, bleeding, chased by two figures.

SOPHIE
Hey! Leave him alone!

EXT. STREET - NIGHT

Sophie runs down, shouting. The attackers flee. She kneels by the man and presses her cardigan to his wound.
"""

EARLY_PEAK = """EXT. ROAD - DAY

A bus climbs a mountain road. RAFA (20s) grips the seat.

EXT. ROAD - DAY

The ground shakes. Rocks crash onto the road! The bus swerves, smashes the barrier and tumbles down the slope! Screams! Rafa fights his way out and drags a child from the wreck as fire bursts from the engine!

INT. CLINIC - EVENING

Rafa sits on a bench. A nurse hands him a cup of water. He drinks it.

INT. CLINIC - NIGHT

Rafa looks out of the window at the quiet village.

EXT. SQUARE - MORNING

Rafa buys bread and eats it slowly on a bench.

EXT. BUS STOP - DAY

Rafa waits for the next bus. It comes. He gets on.
"""


def test_durations_follow_word_rates():
    script = parse_fountain("INT. ROOM - DAY\n\nHe sits.\n\nBOB\n" + " ".join(["word"] * 25) + "\n")
    # 1 s to establish, 1.5 s floor for a short action, 25 words at 2.5 words/s plus a breath.
    assert scene_seconds(script.scenes[0]) == 1.0 + 1.5 + 10.0 + 0.5


def test_roles_of_a_well_built_short(keeper):
    roles = [s.role for s in summarise(keeper, mood_curve(keeper))]
    assert roles[0] == "setup" and roles[-1] == "resolution"
    assert roles.index("inciting incident") < roles.index("climax")
    assert structure_findings(keeper, mood_curve(keeper)) == []


def test_late_inciting_incident_is_flagged_where_it_lands():
    script = parse_fountain(LATE)
    findings = structure_findings(script, mood_curve(script))
    assert [(f.kind, f.scene) for f in findings] == [("structure", 4)]
    assert "act one" in findings[0].evidence


def test_climax_at_the_start_is_flagged():
    script = parse_fountain(EARLY_PEAK)
    findings = structure_findings(script, mood_curve(script))
    assert ("structure", 2) in [(f.kind, f.scene) for f in findings]
    assert any("most intense" in f.evidence for f in findings)
