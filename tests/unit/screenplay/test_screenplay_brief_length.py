"""The running time a brief names in its own words."""

import pytest

from tools.screenplay.brief_length import length_in


@pytest.mark.parametrize("text,seconds", [
    ("A 30-second spot for a neighbourhood coffee roaster: dawn, the roaster at work", 30.0),
    ("A 15 second ad for Nimbus running shoes", 15.0),
    ("a 2-minute film about a lighthouse", 120.0),
    ("a one-minute short", 60.0),
    ("A jazz singer in 1920s Paris loses her voice", None),  # a decade is not a length
    ("Two rival chess grandmasters fall in love", None),
])
def test_the_brief_names_its_length_or_none(text, seconds):
    assert length_in(text) == seconds
