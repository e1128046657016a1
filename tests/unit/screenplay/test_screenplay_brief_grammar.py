"""The brief's grammar and reading: verbs stay verbs, nouns stay nouns, and each noun is what it means."""

import pytest

from tools.screenplay.brief_grammar import chunk, tokens
from tools.screenplay.brief_reading import read_brief


@pytest.mark.parametrize("text,subjects,verb,obj", [
    ("A girl and her dog look for a lost kite in a windy park", ["girl", "dog"], "look", "lost kite"),
    ("A boy searches for the missing key", ["boy"], "search", "missing key"),
    ("Two rival street racers in a neon city must team up to escape a storm", ["rival street racers"], "team",
     "storm"),
    ("A surfer waxes her board on the beach", ["surfer"], "wax", "board"),
    ("Maya and Leo build a raft", ["Maya", "Leo"], "build", "raft"),
])
def test_verbs_are_never_read_as_nouns(text, subjects, verb, obj):
    clause = chunk(text)[0]
    assert [p.text for p in clause.subjects] == subjects
    assert clause.verbs[0].lemma == verb
    assert obj in [p.text for p in clause.phrases]


@pytest.mark.parametrize("text,word,tag", [
    ("the roaster at work, the first cup", "cup", "NOUN"),
    ("a jazz singer loses her voice the night before the big show", "show", "NOUN"),
    ("a commuter in Oslo, a steep hill, the rain", "Oslo", "PROPN"),
    ("she paddles out, catches the wave", "catches", "VERB"),
    ("hives at dawn, smoke and veils", "hives", "NOUN"),
    ("the fire alarm goes off", "alarm", "NOUN"),
])
def test_a_word_that_can_be_noun_or_verb_takes_its_part_from_its_neighbours(text, word, tag):
    assert next(t.tag for t in tokens(text) if t.text == word) == tag


def test_the_jazz_brief_reads_its_city_era_time_and_event():
    reading = read_brief("A jazz singer in 1920s Paris loses her voice the night before the big show.")
    assert [(f.role, f.kind, f.pronoun) for f in reading.figures] == [("jazz singer", "person", "she")]
    assert [p.phrase for p in reading.places if p.proper] == ["Paris"]
    assert reading.era == "1920s" and reading.times == ["NIGHT"] and "big show" in reading.events
    assert "voice" in reading.acts[0].text and "{0}" in reading.acts[0].text


def test_a_beat_list_keeps_its_beats_in_order_and_a_spot_its_product():
    reading = read_brief("A 30-second spot for a neighbourhood coffee roaster: dawn, the roaster at work, "
                         "the first cup, a regular customer's smile")
    assert reading.shape == "product_spot" and reading.brand
    assert reading.product == "neighbourhood coffee roaster"
    beats = [a.text for a in reading.acts]
    assert beats[0] == "dawn" and "at work" in beats[1] and "first cup" in beats[2] and "smile" in beats[3]
    assert [f.role for f in reading.figures] == ["roaster", "regular customer"]
    assert reading.times == ["DAWN"] and reading.key_prop == "cup"


def test_a_tagline_and_a_named_product_are_kept_for_the_end():
    reading = read_brief("A 20-second spot for Tidewater, a surf wax brand: a surfer waxes her board on the "
                         "beach, paddles out, catches the wave. Tagline: Grip the ocean.")
    assert (reading.product, reading.category, reading.line) == ("Tidewater", "surf wax", "Grip the ocean.")
    assert [a.text for a in reading.acts][1:] == ["{0} paddles out", "{0} catches the wave"]
    assert reading.figures[0].pronoun == "she"  # "waxes HER board"


def test_verbs_and_adverbs_never_become_people_or_props():
    kite = read_brief("A girl and her grandfather fly a kite together on a windy hill")
    assert [f.role for f in kite.figures] == ["girl", "grandfather"] and kite.key_prop == "kite"
    racers = read_brief("Two rival street racers in a neon city must team up to escape a storm")
    assert racers.props == [] and racers.weather == ["storm"]
    assert [(f.role, f.count) for f in racers.figures] == [("rival street racer", 2)]


def test_a_twist_is_held_for_the_end():
    reading = read_brief("Two flatmates fight over the last slice of pizza all night, only to find the cat has "
                         "eaten it.")
    assert reading.shape == "logline_twist" and reading.acts[reading.twist].text.startswith("to find")
