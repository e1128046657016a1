"""The offline chat grammar reads what a person types into gate answers, notes and version commands."""

from __future__ import annotations

import pytest

from studio.chat_grammar import parse_message, topic_of


@pytest.mark.parametrize("text", ["approve", "OK", "looks good!", "yes", "next"])
def test_approvals(text):
    assert parse_message(text, "script").action == "approve"


def test_picks_whole_gate_and_single_shot():
    assert parse_message("pick 2", "style").model_dump(include={"action", "pick", "shot"}) == {"action": "pick", "pick": 2, "shot": None}
    assert parse_message("choose option 1", "script").pick == 1
    one = parse_message("pick 2 for shot 3.1", "storyboard")
    assert (one.action, one.pick, one.shot) == ("pick", 2, "3.1")
    assert parse_message("shot 1.2 variant 0", "storyboard").shot == "1.2"


@pytest.mark.parametrize("text, stage", [
    ("make it darker", "style"),
    ("warmer colours please", "style"),
    ("redo shot 4 as a low angle", "shots"),
    ("give me two alternative endings", "script"),
    ("the music should be faster", "cut"),
    ("shot 2.1 should be a close-up in neon light", "shots"),  # a named shot is about the shot, not the look
])
def test_notes_are_routed_to_the_stage_they_are_about(text, stage):
    intent = parse_message(text, "storyboard")
    assert intent.action == "route" and intent.stage == stage and intent.note == text


def test_versions_commands():
    fork = parse_message("fork at style as noir: black and white, hard shadows", "cut")
    assert (fork.action, fork.stage, fork.names, fork.note) == ("fork", "style", ["noir"], "black and white, hard shadows")
    compare = parse_message("compare main and noir", None)
    assert (compare.action, compare.names) == ("compare", ["main", "noir"])
    assert parse_message("versions", None).action == "versions"
    assert parse_message("where are we?", "shots").action == "status"
    assert parse_message("show me the storyboard", "storyboard").stage == "storyboard"


def test_a_first_message_is_the_brief_and_nonsense_gets_help():
    brief = parse_message("Make a film about a lighthouse keeper and a robot", None, has_run=False)
    assert brief.action == "brief" and brief.note == "a lighthouse keeper and a robot"
    lost = parse_message("purple monkey dishwasher", "script")
    assert lost.action == "unknown" and "approve" in lost.reply


def test_topic_words_do_not_match_inside_other_words():
    assert topic_of("the lighthouse keeper") is None  # 'light' inside 'lighthouse' is not a style note


@pytest.mark.parametrize("text", ["approve the script", "ok, the shots", "the cut looks great", "shot 1.2 looks good",
                                  "love it", "carry on please"])
def test_approvals_in_a_directors_words_are_not_notes(text):
    assert parse_message(text, "shots").action == "approve"


def test_camera_words_outrank_story_words_and_show_takes_phrases():
    assert parse_message("add a close-up in scene 2", "shots").stage == "shots"
    assert parse_message("more close-ups", "shots").stage == "shots"
    assert parse_message("show me the shot list", "shots").stage == "shots"
    assert parse_message("compare with main", None).names == ["main"]


def test_commands_before_any_film_are_not_taken_as_a_brief():
    for text in ("status", "approve", "versions", "pick 2"):
        intent = parse_message(text, None, has_run=False)
        assert intent.action == "unknown" and "tell me the film" in intent.reply
