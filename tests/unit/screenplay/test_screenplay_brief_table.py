"""Briefs of every shape, read the way a writer reads them.

Each row says what a writer takes from the brief: the verbs it uses (which must
never turn up as a name, a prop or a title), the companions and the kind of
figure each is, the object the story is after (the key prop), and the title
where the brief makes one obvious. The script written from it must then hold
together: the key prop (when the brief names one; the writer invents none) set
up and paid off, and no serious finding from the script doctor's own analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from graph.state import Brief, Script
from tools.cast.extract import extract_cast
from tools.screenplay.analysis import analyze
from tools.screenplay.brief_writer import script_from_brief
from tools.screenplay.setups import emphasised_props

# Written out here rather than imported, so the reader's own word lists cannot vouch for themselves.
FUNCTION_WORDS = set("""
a an the one some two and or but nor so yet of to in on at by for with from into onto out up down over under about
after before through across around near toward towards along past behind between without within upon away back
off like as than her his their its my our your you we i she he they it who that which while when where whose
because if then is are was were be been am has have had do does did can could will would should may might must
not never this these those no another each every
""".split())
# What the cast tool draws for each kind of figure a brief can name.
SILHOUETTES = {"person": {"human", "child"}, "animal": {"animal"}, "robot": {"robot"}}


@dataclass(frozen=True)
class Row:
    brief: str
    verbs: tuple[str, ...] = ()  # verbs as the brief writes them
    companions: tuple[tuple[str, str], ...] = ()  # (name the brief gives or "", kind)
    key_prop: str = ""  # the quest object as the key prop, "" when the brief names none
    title: str = ""  # the expected title, "" when any clean title will do
    hero: tuple[str, str] = ("", "")  # (name the brief gives or "", kind) of the protagonist
    brand: str = ""  # the brand a brand short must keep
    product: str = ""  # ... and the product it sells
    not_characters: tuple[str, ...] = field(default=())  # words that must not become a character
    extra_cast: int | None = None  # characters beyond hero and named figures, when the count matters


ROWS = [
    Row("A girl and her dog look for a lost kite in a windy park", ("look",), (("", "animal"),), "kite",
        "The Lost Kite", ("", "person")),
    Row("A boy searches for his missing cat in the city", ("searches",), (("", "animal"),), "", "The Missing Cat"),
    Row("An old man waits for the last train home with his robot", ("waits",), (("", "robot"),)),
    Row("A detective hunts for a stolen painting", ("hunts",), (), "painting", "The Stolen Painting"),
    Row("Two astronauts argue about the last oxygen tank on a broken station", ("argue",), (), "oxygen tank",
        "The Last Oxygen Tank"),
    Row("A lonely robot falls for a streetlamp", ("falls",), (), "streetlamp", "The Streetlamp", ("", "robot")),
    Row("A fox runs from the hunters through a snowy forest", ("runs",), (), "", "", ("", "animal"),
        not_characters=("HUNTER", "HUNTERS")),
    Row("A nurse cares for her grandmother after a long shift", ("cares",), (("", "person"),)),
    Row("A 30-second spot for Nimbus coffee: a sleepy commuter misses the bus", ("misses",), (), "", "Nimbus",
        brand="Nimbus", product="coffee"),
    Row("A 15 second ad for Nimbus running shoes", (), (), "running shoes", "Nimbus", brand="Nimbus",
        product="running shoes"),
    Row("A launch film for Orbit, an electric bike brand: a courier races the rain across the city", ("races",), (),
        "electric bike", "Orbit", brand="Orbit", product="electric bike"),
    Row("Maya and Leo build a raft to cross the river", ("build", "cross"), (("LEO", "person"),), "raft",
        "The Raft", ("MAYA", "person")),
    Row("Zoë and Søren search for the missing key to their grandmother's house", ("search",),
        (("SØREN", "person"),), "key", "The Missing Key", ("ZOË", "person")),
    Row("Björn and his robot dog fix the broken lighthouse lamp", ("fix",), (("", "robot"),), "lighthouse lamp",
        "The Broken Lighthouse Lamp", ("BJÖRN", "person")),
    Row("Li Wei and his grandmother care for an injured crow through the winter", ("care",),
        (("", "person"), ("", "animal")), hero=("LI WEI", "person")),
    Row("A girl, her grandfather and their robot fly a kite on the beach", ("fly",),
        (("", "person"), ("", "robot")), "kite", "The Kite", ("", "person")),
    Row("A boy searches for his missing cat with his sister", ("searches",), (("", "person"), ("", "animal")),
        "", "The Missing Cat"),
    Row("You wake up in a lighthouse with no memory of the storm", ("wake",), not_characters=("YOU",)),
    Row("You and your dog race the storm home", ("race",), (("", "animal"),), not_characters=("YOU",)),
    Row("Kite", (), (), "kite", "The Kite"),
    Row("Rain"),
    Row("Grandma", hero=("", "person")),
    Row("A dragon learns to bake bread", ("learns", "bake"), (), "bread", "The Bread"),
    Row("A girl and her grandfather fly a kite on the beach", ("fly",), (("", "person"),), "kite", "The Kite"),
    # A seed vault is a place: the writer makes it a set (INT. LAST SEED VAULT), not a prop.
    Row("Their robot guards the last seed vault on a frozen planet while a storm rolls in", ("guards", "rolls"), (),
        "", "", ("", "robot")),
    Row("A lighthouse keeper finds a small robot washed ashore after a storm", ("finds", "washed"),
        (("", "robot"),), "", "", ("", "person")),
    Row("An old woman teaches her grandson to fish on a frozen lake", ("teaches", "fish"), (("", "person"),)),
    Row("A mouse and his owl friend look after a lost egg in the forest", ("look",), (("", "animal"),), "egg",
        "The Lost Egg", ("", "animal")),
    Row("Amara carries the last lantern through the flooded streets", ("carries", "flooded"), (), "lantern",
        "The Last Lantern", ("AMARA", "person")),
    Row("An astronaut and her cat drift through a silent space station looking for the missing control key",
        ("drift", "looking"), (("", "animal"),), "control key", "The Missing Control Key"),
    Row("A grandfather and his granddaughter search for the golden watch he lost at sea", ("search", "lost"),
        (("", "person"),), "golden watch", "The Golden Watch", ("", "person"), extra_cast=0),
    Row("A young chef and his sister hunt for their grandmother's lost recipe book in a busy market, chased by a "
        "rival cook who wants it for himself, while a thunderstorm rolls over the city and the power goes out "
        "across the whole neighbourhood, and nobody in the family has ever cooked the dish without her",
        ("hunt", "chased", "wants", "rolls", "goes", "cooked"), (("", "person"),), "recipe book",
        "The Lost Recipe Book"),
]

_SCRIPTS: dict[str, Script] = {}


def _script(brief: str) -> Script:
    # Several checks read the same script; writing it once keeps the table fast.
    if brief not in _SCRIPTS:
        _SCRIPTS[brief] = script_from_brief(Brief(text=brief))
    return _SCRIPTS[brief]


def _words(name: str) -> list[str]:
    return name.lower().replace("-", " ").split()


@pytest.mark.parametrize("row", ROWS, ids=[r.brief[:40] for r in ROWS])
def test_names_props_and_title_hold_no_verb_or_function_word(row: Row):
    script = _script(row.brief)
    verbs = {v.lower() for v in row.verbs}
    names = [c.name for c in script.characters] + [p.name for p in emphasised_props(script)]
    for name in names:
        assert not set(_words(name)) & (verbs | FUNCTION_WORDS), (name, row.brief)
    title = _words(script.title)
    assert title and not set(title) & verbs, script.title
    assert not set(title[1:]) & FUNCTION_WORDS, script.title  # "The" may open a title, nothing else of the kind
    if row.title:
        assert script.title == row.title
    for word in row.not_characters:
        assert word not in {c.name for c in script.characters}


@pytest.mark.parametrize("row", ROWS, ids=[r.brief[:40] for r in ROWS])
def test_named_figures_become_characters_of_the_right_kind(row: Row):
    script = _script(row.brief)
    cast = extract_cast(script, None)
    kinds = {p.name: p.silhouette for p in cast}
    hero_name, hero_kind = row.hero
    names = [c.name for c in script.characters]
    if hero_name or hero_kind:
        hero = names[0]
        if hero_name:
            assert hero == hero_name
        if hero_kind:
            assert kinds[hero] in SILHOUETTES[hero_kind], (hero, kinds)
    # A brief that names no protagonist ("You and your dog...", "Kite") gets none invented: its figures are all cast.
    others = names[1:] if (hero_name or hero_kind) else names
    if row.extra_cast is not None:
        assert len(others) == len(row.companions) + row.extra_cast, others
    for name, kind in row.companions:
        if name:
            assert name in others and kinds[name] in SILHOUETTES[kind], (name, kinds)
        else:
            assert any(kinds.get(o) in SILHOUETTES[kind] for o in others), (kind, kinds)


@pytest.mark.parametrize("row", ROWS, ids=[r.brief[:40] for r in ROWS])
def test_the_quest_object_is_the_key_prop_and_every_prop_pays_off(row: Row):
    script = _script(row.brief)
    props = emphasised_props(script)
    if row.key_prop:
        # In capitals in scene 1 (the setup) and named again later (the payoff).
        opening = " ".join(el.text for el in script.scenes[0].elements)
        assert row.key_prop.upper() in opening, (row.brief, opening)
        later = " ".join(el.text.lower() for s in script.scenes[1:] for el in s.elements)
        assert row.key_prop.split()[-1] in later, row.brief
        if props:
            assert props[0].scene == 1 and props[0].name.lower() == row.key_prop
    for prop in props:
        later = " ".join(el.text.lower() for s in script.scenes[prop.scene:] for el in s.elements)
        assert prop.name.split()[-1].lower() in later, (prop.name, row.brief)
    if row.brand:
        assert f"SUPER: {row.brand}." in script.fountain and row.product in script.fountain.lower()


@pytest.mark.parametrize("row", ROWS, ids=[r.brief[:40] for r in ROWS])
def test_the_script_analyses_with_no_serious_finding(row: Row):
    report = analyze(_script(row.brief))
    serious = [f for f in report.findings if f.severity == "high"
               or f.kind in ("payoff_missing", "setup_missing", "logic_gap")]
    assert not serious, [f.evidence for f in serious]


def test_every_row_is_written_the_same_way_twice():
    for row in ROWS[:8]:
        assert script_from_brief(Brief(text=row.brief)) == _script(row.brief)
