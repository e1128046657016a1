"""Cards carry the style's colours and the words; probe reads media facts or refuses."""

import numpy as np
import pytest
from PIL import Image

from tools.errors import BadInput
from tools.timeline.cards import render_card
from tools.timeline.probe import probe_media


def test_card_sets_title_in_the_style_colours(tmp_path):
    colors = {"background": "#203040", "text": "#f0e8d8", "accent": "#e0a030"}
    path = render_card(["The Lamp", "a filmcrew draft"], (640, 360), colors, tmp_path / "title.png")
    image = np.asarray(Image.open(path).convert("RGB")).astype(int)
    assert image.shape == (360, 640, 3)
    near = lambda rgb: (np.abs(image - rgb).sum(axis=2) < 30).sum()  # noqa: E731
    assert near((0xf0, 0xe8, 0xd8)) > 500  # letters
    assert near((0xe0, 0xa0, 0x30)) > 100  # the accent rule under the title
    corner = image[:20, :20].mean(axis=(0, 1))
    assert np.abs(corner - (0x20, 0x30, 0x40)).max() < 20  # background in the style's colour
    # Text is centred: ink balances left and right of the middle.
    ink = np.abs(image - image[5, 5]).sum(axis=2) > 60
    cols = np.nonzero(ink.any(axis=0))[0]
    assert abs((cols.min() + cols.max()) / 2 - 320) < 8


def test_long_titles_shrink_to_fit_and_empty_cards_are_refused(tmp_path):
    path = render_card(["A very long title that would never fit on one line at the normal size"], (320, 180),
                       {"shadow": "#000000"}, tmp_path / "long.png")
    image = np.asarray(Image.open(path).convert("L")).astype(int)
    ink = np.abs(image - image[2, 2]) > 60
    cols = np.nonzero(ink.any(axis=0))[0]
    assert cols.min() > 0 and cols.max() < 319
    with pytest.raises(BadInput):
        render_card(["", "  "], (320, 180), {}, tmp_path / "empty.png")


def test_probe_reads_audio_and_refuses_non_media(project, tmp_path):
    facts = probe_media(project / "edit" / "music.wav")
    assert facts["has_audio"] and not facts["has_video"] and facts["audio_codec"] == "pcm_s16le"
    assert facts["duration_s"] == facts["duration"] == pytest.approx(8.0, abs=0.01)
    assert facts["sample_rate"] == 44100
    (tmp_path / "notes.mp4").write_text("not a film")
    with pytest.raises(BadInput):
        probe_media(tmp_path / "notes.mp4")
    with pytest.raises(BadInput):
        probe_media(tmp_path / "missing.mp4")


@pytest.mark.parametrize("palette", [
    {"shadow": "#101216", "highlight": "#3a3c40", "accent": "#202226"},  # dark grey on near-black
    {"shadow": "#0c1a2c", "highlight": "#c2d3da", "accent": "#995200"},  # a storm palette that already reads
    {"shadow": "#d8d2c4", "highlight": "#f4f0e6", "accent": "#e8dcc0"},  # a pale pastel: light on light
])
def test_card_text_reads_against_its_background(tmp_path, palette):
    from tools.timeline.cards import card_colors, contrast_ratio

    colors = card_colors(palette)
    path = render_card(["The Lamp", "a filmcrew draft"], (640, 360), palette, tmp_path / "title.png")
    image = np.asarray(Image.open(path).convert("RGB")).astype(int)
    text = np.array(colors["text"])
    letters = np.abs(image - text).sum(axis=2) < 12
    assert letters.sum() > 300  # the title is set in the card's text colour
    rows = np.nonzero(letters.any(axis=1))[0]
    # measured on the pixels behind the words, at the top and bottom of the lettering
    for y in (rows.min(), rows.max()):
        ground = tuple(int(v) for v in image[y, 3])
        assert contrast_ratio(colors["text"], ground) >= 4.5, (palette, colors["text"], ground)
    rule = tuple(int(v) for v in colors["accent"])
    assert contrast_ratio(rule, tuple(int(v) for v in image[180, 3])) >= 3.0
    # the text keeps the palette's hue family: a blue-grey highlight stays blue-grey, not white
    if palette["highlight"] == "#c2d3da":
        assert colors["text"] == (0xc2, 0xd3, 0xda)
