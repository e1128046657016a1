"""The images provider contract and the prompt that locks style and characters."""

from __future__ import annotations

import io

from previs_fixtures import CAST, ELIAS, KITCHEN, MAYA, plain_style, shot
from tools.previs.render import render_frame
from tools.providers.images import ImageRequest, ImagesProvider, PrevisImages, build_image_prompt


def test_previs_provider_is_an_images_provider_and_renders_the_request():
    provider = PrevisImages()
    assert isinstance(provider, ImagesProvider)
    style = plain_style()
    request = ImageRequest(shot=shot("MS", subjects=("ELIAS", "MAYA")), scene=KITCHEN, style=style, cast=CAST,
                           size=(720, 720), variant=1, seed=5)
    frame = provider.generate(request)
    direct = render_frame(request.shot, KITCHEN, style, CAST, size=(720, 720), variant=1, seed=5)
    a, b = io.BytesIO(), io.BytesIO()
    frame.image.save(a, format="PNG")
    direct.image.save(b, format="PNG")
    assert a.getvalue() == b.getvalue() and frame.boxes == direct.boxes


def test_prompt_locks_the_style_and_each_characters_features():
    style = plain_style()
    prompt = build_image_prompt(shot("TWO", subjects=("ELIAS", "MAYA"), description="They share tea."),
                                KITCHEN, style, CAST)
    for color in style.palette:
        assert color.hex in prompt
    assert style.lighting.replace("_", " ") in prompt and style.medium in prompt
    for profile in (ELIAS, MAYA):
        assert f"CHARACTER {profile.name}" in prompt
        assert profile.wardrobe in prompt
        assert profile.signature_colors[0] in prompt and profile.signature_colors[1] in prompt
    assert "grey" in prompt and "They share tea." in prompt
    assert "CHARACTER BOLT" not in prompt  # only who is in shot


def test_pov_prompt_keeps_the_owner_out_of_frame():
    prompt = build_image_prompt(shot("POV", subjects=("ELIAS", "MAYA")), KITCHEN, plain_style(), CAST)
    assert "CHARACTER ELIAS" not in prompt and "CHARACTER MAYA" in prompt
    assert "eyes of ELIAS" in prompt
