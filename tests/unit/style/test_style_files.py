"""The bible on disk: JSON that round-trips, a readable page, labelled swatches."""

from __future__ import annotations

import json

from PIL import Image

from graph.state import Brief, StyleBible
from tools.style.bible import propose_styles
from tools.style.files import SWATCH, write_bible


def test_write_bible_files(tmp_path):
    bible = propose_styles(Brief(text="A keeper in a storm", style_text="storm noir"), None, n=1)[0]
    paths = write_bible(bible, tmp_path / "style")
    assert sorted(p.name for p in paths) == ["bible.json", "bible.md", "palette.png"]
    assert StyleBible.model_validate(json.loads((tmp_path / "style" / "bible.json").read_text())) == bible
    page = (tmp_path / "style" / "bible.md").read_text()
    for color in bible.palette:
        assert color.hex in page and f"| {color.role} |" in page
    assert bible.lighting.replace("_", " ") in page and bible.medium in page
    swatches = Image.open(tmp_path / "style" / "palette.png").convert("RGB")
    assert swatches.width == SWATCH * len(bible.palette)
    for index, color in enumerate(bible.palette):
        pixel = swatches.getpixel((index * SWATCH + SWATCH // 2, 36 + 20))
        assert "#{:02x}{:02x}{:02x}".format(*pixel) == color.hex
    assert not list((tmp_path / "style").glob(".*.part"))  # atomic writes leave no temp files
