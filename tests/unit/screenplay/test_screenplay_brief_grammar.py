"""The brief's grammar: phrasal verbs stay verbs, possessive companions stay figures, the object is found."""

import pytest

from tools.screenplay.brief_grammar import chunk, tokens, verb_base
from tools.screenplay.brief_reading import read_brief


@pytest.mark.parametrize("text,subjects,verb,obj", [
    ("A girl and her dog look for a lost kite in a windy park", ["girl", "dog"], "look for", "lost kite"),
    ("A boy searches for the missing key", ["boy"], "search for", "missing key"),
    ("A fox runs from the hunters", ["fox"], "run from", "hunters"),
    ("A lonely robot falls for a streetlamp", ["lonely robot"], "fall for", "streetlamp"),
    ("An old man waits for the last train", ["old man"], "wait for", "last train"),
    ("A nurse cares for her grandmother", ["nurse"], "care for", "grandmother"),
    ("Two astronauts argue about the last oxygen tank", ["astronauts"], "argue about", "last oxygen tank"),
    ("Maya and Leo build a raft", ["maya", "leo"], "build", "raft"),
])
def test_phrasal_verbs_bind_their_particle_and_never_join_a_noun(text, subjects, verb, obj):
    clause = chunk(text, {"dog", "girl", "boy", "robot", "man", "nurse", "train", "key"})[0]
    assert [p.text for p in clause.subjects] == subjects
    first_verb, objects = clause.acts[0]
    assert first_verb.text == verb and objects[0].text == obj


@pytest.mark.parametrize("text,companion,kind", [
    ("A girl and her dog look for a lost kite", "dog", "animal"),
    ("A boy visits his grandmother by the sea", "grandmother", "person"),
    ("Two sisters and their robot fix the old boat", "robot", "robot"),
    ("A mouse and his owl friend look after an egg", "owl friend", "animal"),
    ("A boy walks home with his dog", "dog", "animal"),
])
def test_possessive_companions_arrive_with_the_hero(text, companion, kind):
    reading = read_brief(text)
    assert (reading.companion, reading.companion_kind, reading.together) == (companion, kind, True)


def test_a_threat_is_not_a_companion_and_a_lost_figure_is_the_quest():
    assert read_brief("A fox runs from the hunters through a forest").companion == ""
    cat = read_brief("A boy searches for his missing cat")
    assert (cat.companion, cat.companion_kind, cat.together, cat.quest) == ("cat", "animal", False, "missing cat")


@pytest.mark.parametrize("text,quest,prop", [
    ("A detective hunts for a stolen painting", "stolen painting", "painting"),
    ("Björn and his robot dog fix the broken lighthouse lamp", "broken lighthouse lamp", "lighthouse lamp"),
    ("A young chef hunts for her grandmother's lost recipe book", "lost recipe book", "recipe book"),
    ("The last bookshop in town", "last bookshop", "bookshop"),
])
def test_the_quest_keeps_its_story_state_and_the_prop_drops_it(text, quest, prop):
    reading = read_brief(text)
    assert (reading.quest, reading.quest_prop) == (quest, prop)


def test_names_keep_their_letters_and_known_words_are_not_names():
    assert (read_brief("Zoë and Søren wait for the bus").hero_name, read_brief("Zoë and Søren wait").companion_name) \
        == ("Zoë", "Søren")
    assert read_brief("Rain").hero_name == "" and read_brief("You wake up alone").hero_name == ""
    assert [t.text for t in tokens("Grandma's kite, lost.")] == ["Grandma", "kite", ",", "lost", "."]


def test_verb_forms_meet_their_base():
    assert [verb_base(w) for w in ("looks", "searching", "stolen", "carries", "ran", "kite")] == \
        ["look", "search", "steal", "carry", "run", None]


def test_a_brief_the_reader_cannot_parse_names_no_object_rather_than_a_wrong_one():
    for text in ("小明和他的狗在公园里找风筝", "Ana y su perro buscan una cometa perdida"):
        assert read_brief(text).quest == ""
    shouted = read_brief("A GIRL AND HER DOG LOOK FOR A LOST KITE")
    assert (shouted.protagonist, shouted.companion, shouted.quest, shouted.hero_name) == ("girl", "dog", "lost kite", "")
    # A verb the lexicon lacks is still a verb where a verb stands.
    assert read_brief("A ghost haunts a lighthouse").protagonist == "ghost"


@pytest.mark.parametrize("text,companion,guest", [
    ("Li Wei and his grandmother care for an injured crow", ("grandmother", "person", True),
     ("injured crow", "animal", False)),
    ("A girl, her grandfather and their robot fly a kite", ("grandfather", "person", True), ("robot", "robot", True)),
    # Whoever is at the hero's side is the companion; the one they look for is met on the way.
    ("A boy searches for his missing cat with his sister", ("sister", "person", True), ("cat", "animal", False)),
])
def test_a_third_figure_is_kept_as_a_guest(text, companion, guest):
    r = read_brief(text)
    assert (r.companion, r.companion_kind, r.together) == companion
    assert (r.guest, r.guest_kind, r.guest_together) == guest
