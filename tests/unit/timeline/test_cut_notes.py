"""Cut-gate notes are read by meaning, clause by clause; unclear words are reported, never guessed."""

from __future__ import annotations

import pytest

from tools.timeline.notes import cut_decisions, read_cut_note


@pytest.mark.parametrize("note", ["subtitles off", "no subtitles", "lose the subtitles", "turn off subtitles",
                                  "without captions"])
def test_the_ways_people_say_subtitles_off_all_turn_them_off(note):
    read = read_cut_note(note)
    assert read.understood and read.subtitles is False and read.subtitles_asked == "off"
    assert read.pace == 1.0 and not read.new_music


@pytest.mark.parametrize("note", ["subtitles on", "put the subtitles back", "add subtitles"])
def test_subtitles_on_or_back_turn_them_on(note):
    assert read_cut_note(note).subtitles_asked == "on"


def test_a_note_of_several_requests_does_each():
    read = read_cut_note("new music, faster cutting and no subtitles")
    assert read.pace < 1 and read.new_music and read.subtitles is False
    assert [p.request for p in read.parts] == ["new_music", "faster", "subtitles_off"]


def test_slower_and_faster_are_told_apart():
    assert read_cut_note("slow the pace down").pace > 1
    assert read_cut_note("let the shots breathe").pace > 1
    assert read_cut_note("quicker cuts please").pace < 1


@pytest.mark.parametrize("note", ["make it rhyme", "more cinematic", "hmm"])
def test_an_unclear_note_changes_nothing_and_is_reported(note):
    read = read_cut_note(note)
    assert not read.understood and read.pace == 1.0 and not read.new_music and read.subtitles_asked is None
    reading = read.reading(note)
    assert reading.used == []
    assert reading.not_understood == [note] or (len(reading.not_applied) == 1 and note in reading.not_applied[0])


def test_a_story_note_at_the_cut_is_not_applied_and_says_where_it_belongs():
    reading = read_cut_note("faster cutting, change the ending").reading("faster cutting, change the ending")
    assert [u.text for u in reading.used] == ["faster cutting"]
    assert len(reading.not_applied) == 1 and "change the ending" in reading.not_applied[0]
    assert "script" in reading.not_applied[0]


def test_the_latest_word_on_subtitles_wins_across_notes():
    decided, _ = cut_decisions(["no subtitles", "faster"])
    assert decided.subtitles is False and decided.pace < 1
    decided, _ = cut_decisions(["no subtitles", "bring the subtitles back"])
    assert decided.subtitles is True


def test_a_complaint_asks_for_the_other_way_and_a_pronoun_carries_the_topic():
    assert read_cut_note("too fast, slow it down").pace > 1
    assert read_cut_note("it feels too slow").pace < 1
    read = read_cut_note("I can't read the subtitles, take them out")
    assert read.subtitles is False and [p.request for p in read.parts] == ["subtitles_off"]
    assert read_cut_note("the music doesn't fit, try a different one").new_music
