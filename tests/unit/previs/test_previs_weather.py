"""Weather and the hour: read by meaning (precision first) and seen in the picture."""

from __future__ import annotations

import numpy as np
import pytest

from graph.state import Scene, ScriptElement
from previs_fixtures import ELIAS, plain_style, shot
from tools.previs.render import render_frame
from tools.previs.weather import read_weather


def scene(text: str, heading: str = "EXT. OPEN PLAIN - DAY") -> Scene:
    time = heading.rsplit(" - ", 1)[-1]
    return Scene(index=1, heading=heading, location=heading.split(". ", 1)[1].rsplit(" - ", 1)[0],
                 interior=heading.startswith("INT"), time_of_day=time,
                 elements=[ScriptElement(kind="action", text=text)] if text else [])


def test_a_storm_is_read_from_the_action_and_a_figure_of_speech_is_not():
    assert set(read_weather(shot("WS"), scene("Thunder cracks. Rain lashes down.")).kinds) == {"storm", "rain"}
    for figurative in ("Marge opens a rainy-day fund for the kids.", "A storm of applause greets the singer.",
                       "The boss fires Jim on the spot."):
        assert read_weather(shot("WS"), scene(figurative)).kinds == (), figurative


def test_the_shot_description_counts_and_the_heading_sets_the_hour():
    weather = read_weather(shot("WS", description="Snow falls on the empty square."),
                           scene("", "EXT. TOWN SQUARE - MAGIC HOUR"))
    assert weather.kinds == ("snow",) and weather.time == "golden"
    assert "Snow falls" in weather.evidence["snow"]


def _frame(text: str, heading: str = "EXT. OPEN PLAIN - DAY"):
    return render_frame(shot("WS", subjects=("ELIAS",), sides={"ELIAS": "left"}), scene(text, heading),
                        plain_style(), [ELIAS])


def _share(image, test) -> float:
    arr = np.asarray(image).astype(np.int32)
    return float(test(arr[..., 0], arr[..., 1], arr[..., 2]).mean())


def test_calm_text_draws_exactly_the_calm_frame():
    calm, fund = _frame(""), _frame("Marge opens a rainy-day fund for the kids.")
    assert np.array_equal(np.asarray(calm.image), np.asarray(fund.image))
    assert fund.drawn["weather"]["weather"] == [] and fund.drawn["weather"]["drawn"] == []


def test_fire_and_neon_put_their_colours_in_the_frame():
    fire = _frame("They huddle around the campfire.", "EXT. OPEN PLAIN - NIGHT")
    calm = _frame("", "EXT. OPEN PLAIN - NIGHT")
    flame = lambda r, g, b: (r > 200) & (g > 70) & (g < 210) & (b < 100)  # noqa: E731
    assert _share(fire.image, flame) > 0.003 > _share(calm.image, flame)
    assert "fire" in fire.drawn["weather"]["drawn"]
    neon = _frame("Neon signs buzz over the wet pavement.", "EXT. CITY STREET - NIGHT")
    street = _frame("", "EXT. CITY STREET - NIGHT")
    tube = lambda r, g, b: ((r > 180) & (b > 120) & (g < 110)) | ((g > 170) & (b > 190) & (r < 120))  # noqa: E731
    assert _share(neon.image, tube) > 0.002 > _share(street.image, tube)


@pytest.mark.parametrize("text,kind", [("Rain pours down on the plain.", "rain"), ("Snow falls on the plain.", "snow")])
def test_rain_and_snow_add_fine_light_marks_across_the_frame(text, kind):
    wet, calm = _frame(text), _frame("")
    assert kind in wet.drawn["weather"]["drawn"]

    def detail(image) -> float:  # fine detail over the open ground, where the calm frame is a smooth gradient
        grey = np.asarray(image.convert("L")).astype(np.float32)[420:700, 700:1260]
        return float(np.abs(np.diff(grey, axis=1)).mean())

    assert detail(wet.image) > 3 * detail(calm.image) + 0.1


def test_fog_flattens_the_frame_and_night_darkens_it():
    fog, calm = _frame("A thick fog rolls over the plain."), _frame("")
    assert np.asarray(fog.image.convert("L")).std() < 0.7 * np.asarray(calm.image.convert("L")).std()
    night = _frame("", "EXT. OPEN PLAIN - NIGHT")
    assert night.drawn["weather"]["time"] == "night"
    assert np.asarray(night.image.convert("L")).mean() < np.asarray(calm.image.convert("L")).mean() - 30
