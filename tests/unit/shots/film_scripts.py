"""Scripts built directly as pydantic models, so these tests need no Fountain parser."""

from __future__ import annotations

from graph.state import CharacterNote, Scene, Script, ScriptElement


def action(text: str) -> ScriptElement:
    return ScriptElement(kind="action", text=text)


def line(name: str, text: str) -> ScriptElement:
    return ScriptElement(kind="dialogue", character=name, text=text)


def scene(index: int, heading: str, elements: list[ScriptElement], characters: list[str]) -> Scene:
    interior = heading.startswith("INT")
    place, _, time = heading.split(". ", 1)[1].partition(" - ")
    return Scene(index=index, heading=heading, location=place, interior=interior,
                 time_of_day=time or "DAY", elements=elements, characters=characters)


def script(title: str, scenes: list[Scene]) -> Script:
    names: list[str] = []
    for s in scenes:
        names += [n for n in s.characters if n not in names]
    return Script(title=title, source="text", fountain="", scenes=scenes,
                  characters=[CharacterNote(name=n) for n in names])


def lighthouse() -> Script:
    """Five scenes, two characters, a prop, a look, a storm and a return to a place."""
    return script("The Keeper", [
        scene(1, "EXT. ROCKY SHORE - NIGHT", [
            action("Waves break over black rocks. MARA (30s), soaked, climbs toward the lighthouse."),
            action("Mara sees the dark lamp room at the top of the tower."),
            line("MARA", "Somebody let the light die."),
        ], ["MARA"]),
        scene(2, "INT. LAMP ROOM - NIGHT", [
            action("Dust and broken glass. ELI (70s) sits by the cold lamp, a brass COMPASS in his hands."),
            line("MARA", "You were supposed to keep it burning."),
            line("ELI", "I kept it burning for forty years. Tonight I wanted to see the dark."),
            line("MARA", "Ships are out there, Eli!"),
            line("ELI", "Then light it yourself."),
        ], ["MARA", "ELI"]),
        scene(3, "INT. STAIRWELL - NIGHT", [
            action("Mara runs down the spiral stairs, the storm screaming through the slit windows."),
            line("MARA", "Where is the spare wick?"),
        ], ["MARA"]),
        scene(4, "INT. LAMP ROOM - NIGHT", [
            action("Mara slowly threads the new wick. Eli watches her hands."),
            line("ELI", "Gently. She bites the careless."),
            line("MARA", "Then teach me."),
        ], ["MARA", "ELI"]),
        scene(5, "EXT. ROCKY SHORE - DAWN", [
            action("The beam rises and sweeps the sea. Far out, a ship turns away from the rocks."),
            line("ELI", "Forty years. And one more night."),
        ], ["ELI"]),
    ])


def two_hander() -> Script:
    """One long two-character dialogue scene, with a line too long for one shot."""
    return script("Kitchen", [
        scene(1, "INT. KITCHEN - NIGHT", [
            action("A single bulb. JONAH (40s) stands at the sink. RUTH (40s) sits at the table."),
            line("RUTH", "You sold the boat."),
            line("JONAH", "I had to."),
            line("RUTH", "Without asking me."),
            line("JONAH", "You would have said no."),
            line("RUTH", "Of course I would have said no. That boat was my father's, and his father's "
                         "before him, and you knew exactly what it meant to me when you signed it away."),
            line("JONAH", "It was that or the house."),
            line("RUTH", "Then we should have lost the house."),
            line("JONAH", "Ruth."),
        ], ["JONAH", "RUTH"]),
    ])


def crowd() -> Script:
    """Three characters talking in one room, then a place with nobody in it."""
    return script("Heist", [
        scene(1, "INT. WAREHOUSE - NIGHT", [
            action("Crates in the dark. VIC, LENA and OTTO lean over a map."),
            line("VIC", "We go in at midnight."),
            line("LENA", "The guards change at twelve."),
            line("OTTO", "Then we go at five past."),
            line("VIC", "Five past it is."),
        ], ["VIC", "LENA", "OTTO"]),
        scene(2, "EXT. BANK - NIGHT", [
            action("Rain on an empty street. A security camera turns slowly."),
            action("A black VAN pulls up across the road."),
        ], []),
        scene(3, "INT. WAREHOUSE - DAWN", [
            action("The crates stand open and empty."),
        ], []),
    ])


def monologue() -> Script:
    """One character talking alone, several lines in a row."""
    return script("Letter", [
        scene(1, "INT. ATTIC - DAY", [
            action("Dust in the light. NORA (80s) unfolds a LETTER."),
            line("NORA", "Dear Tom. It has been sixty years since you wrote this."),
            line("NORA", "I never answered. I am answering now."),
            line("NORA", "Yes. The answer was always yes."),
        ], ["NORA"]),
    ])


_NAMES = ["ANA", "BEN", "CY", "DOT", "MAX MORAN"]
_PLACES = ["INT. KITCHEN", "EXT. BEACH", "INT. CAR", "EXT. ROOF"]
_ACTIONS = ["{a} runs through the storm.", "{a} slowly opens the BOX.", "{a} sees the ship on the horizon.",
            "The city rises beyond the hill.", "Rain.", "{a} watches {b} leave.", "{a} walks to the window.",
            "A KNIFE glints on the table. {a} freezes.", "{a} looks at the old PHOTO of {b}.", "Silence.",
            "{a} and {b} cross the room.", "{a} kneels alone in the dark."]
_LINES = ["Hi.", "Where were you?", "I told you I would come back and I did, so stop asking me that!",
          "No.", "We have to go now, before the tide turns and the road is gone under the water and "
          "nobody can reach us for three days.", "I love you.", "Get out!", "...", "Fine."]


def random_script(seed: int) -> Script:
    """A seeded jumble of places, casts, actions and lines (voice-overs and empty lines included)."""
    import random

    rnd = random.Random(seed)
    scenes = []
    for i in range(1, rnd.randint(1, 6) + 1):
        cast = rnd.sample(_NAMES, rnd.randint(0, 4))
        elements = []
        for _ in range(rnd.randint(0, 7)):
            if cast and rnd.random() < 0.6:
                name = rnd.choice(cast) + (" (V.O.)" if rnd.random() < 0.1 else "")
                elements.append(line(name, rnd.choice(_LINES)))
            else:
                a, b = (cast[0].title(), cast[-1].title()) if cast else ("Someone", "someone")
                elements.append(action(rnd.choice(_ACTIONS).format(a=a, b=b)))
        scenes.append(scene(i, f"{rnd.choice(_PLACES)} - {rnd.choice(['DAY', 'NIGHT'])}", elements, cast))
    return script(f"Random {seed}", scenes)


def kitchen_argument() -> Script:
    """A two-hander that boils over: calm lines, a realisation, a shock, a look."""
    return script("Leftovers", [
        scene(1, "INT. KITCHEN - NIGHT", [
            action("A pot simmers. DANA (30s) chops onions. SAM (30s) leans in the doorway."),
            line("SAM", "You're late again."),
            line("DANA", "Traffic."),
            action("Sam watches her hands shake over the knife."),
            line("SAM", "That's not traffic."),
            action("Dana realises he has seen the LETTER on the counter."),
            line("DANA", "I was going to tell you!"),
            line("SAM", "When?"),
            action("Suddenly the pot boils over. Dana slams the lid down."),
            line("DANA", "I'm leaving, Sam."),
            action("Sam stares at the empty doorway after she walks out."),
        ], ["DANA", "SAM"]),
    ])


def market_chase() -> Script:
    """A chase through a crowded market, up to the rooftops, and an escape."""
    return script("Stall to Stall", [
        scene(1, "EXT. NIGHT MARKET - NIGHT", [
            action("Lanterns sway over the stalls. RIO (20s) haggles over a mango."),
            action("Rio sees two COPS pushing through the crowd toward him."),
            line("RIO", "Not tonight."),
        ], ["RIO"]),
        scene(2, "EXT. MARKET ALLEY - NIGHT", [
            action("Rio runs, scattering chickens, crashing through a fruit stall."),
            action("A COP grabs at his jacket and tears it."),
            line("RIO", "Sorry! Sorry!"),
        ], ["RIO"]),
        scene(3, "EXT. ROOFTOPS - NIGHT", [
            action("Rio climbs the fire ladder to the rooftops, hand over hand."),
            action("He looks down at the cops circling far below."),
            line("RIO", "Catch me if you can."),
        ], ["RIO"]),
        scene(4, "EXT. HARBOUR - DAWN", [
            action("The sun rises over the water. Rio walks along the quay, alone."),
            action("He slowly leaves the city behind."),
        ], ["RIO"]),
    ])


def morning_with_dog() -> Script:
    """A quiet morning: a woman, her dog, an arrival, a walk and a goodbye."""
    return script("Biscuit", [
        scene(1, "INT. COTTAGE BEDROOM - DAWN", [
            action("Grey light. MAY (70s) sleeps. Her old dog BISCUIT watches the door."),
            action("Biscuit nudges May awake with a wet nose. She smiles."),
            line("MAY", "All right, all right. Breakfast."),
        ], ["MAY", "BISCUIT"]),
        scene(2, "INT. COTTAGE KITCHEN - MORNING", [
            action("May pours tea. Biscuit waits by his bowl, tail thumping."),
            line("MAY", "Patience is a virtue, you know."),
            action("The postman arrives at the window. Biscuit barks!"),
        ], ["MAY", "BISCUIT"]),
        scene(3, "EXT. COASTAL PATH - DAY", [
            action("May and Biscuit walk the cliff path, the sea stretching out beyond them."),
            line("MAY", "Your favourite bench, old boy."),
            action("May looks at the bench where she used to sit with Tom."),
        ], ["MAY", "BISCUIT"]),
        scene(4, "EXT. COTTAGE GARDEN - DUSK", [
            action("May sits alone on the step. Biscuit rests his head on her knee."),
            line("MAY", "Just us now."),
        ], ["MAY", "BISCUIT"]),
    ])


def brass_lantern() -> Script:
    """The offline writer's lighthouse film: a keeper, a robot, a storm, a rescue, a dawn."""
    return script("The Brass Lantern", [
        scene(1, "EXT. LIGHTHOUSE GALLERY - DUSK", [
            action("Quiet. OTTO (60s, the lighthouse keeper, weathered hands, yellow oilskin) goes "
                   "about the evening routine, slow and careful."),
            action("Otto polishes a BRASS LANTERN, its glass cracked along one side."),
            line("OTTO", "One more night. Then we'll see."),
        ], ["OTTO"]),
        scene(2, "EXT. ROCKY SHORE - NIGHT", [
            action("Thunder cracks. Rain lashes down. Every light on the coast flickers and dies."),
            action("In the wreckage lies TINK, a small robot with one round blinking eye, half buried and sparking."),
            line("TINK", "Cold... cold..."),
            line("OTTO", "Easy. I've got you."),
        ], ["TINK", "OTTO"]),
        scene(3, "INT. LIGHTHOUSE KITCHEN - NIGHT", [
            action("The storm howls. Out at sea, a fishing boat drifts toward the rocks, blind in the dark."),
            line("TINK", "What do we do?"),
            line("OTTO", "They can't see the rocks. We have to get the light back."),
        ], ["TINK", "OTTO"]),
        scene(4, "INT. LIGHTHOUSE LAMP ROOM - NIGHT", [
            action("Otto races up the spiral stairs, heart pounding."),
            action("Otto lights the brass lantern and holds it high into the dark."),
            action("The beam swings out across the water. Far out, the fishing boat turns away from the rocks."),
            line("OTTO", "Come on, come on!"),
            line("TINK", "You did it!"),
        ], ["OTTO", "TINK"]),
        scene(5, "EXT. LIGHTHOUSE GALLERY - DAWN", [
            action("It is over. Otto and Tink sit side by side. The brass lantern sits between them, still glowing faintly."),
            line("OTTO", "Stay as long as you like."),
        ], ["OTTO", "TINK"]),
    ])
