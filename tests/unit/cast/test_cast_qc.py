from __future__ import annotations

import json

from PIL import Image, ImageDraw

from graph.state import CharacterProfile, Frame
from tools.cast.qc import CHARACTER_THRESHOLD, qc_frames, score_character, write_qc_report

MAYA = CharacterProfile(name="MAYA", signature_colors=["#2e64c8", "#e3c16f"], silhouette="child")
ELIAS = CharacterProfile(name="ELIAS", signature_colors=["#f1c40f", "#8a8d91"])
BOXES = {"MAYA": [120, 140, 90, 200], "ELIAS": [360, 80, 110, 260]}


def draw_frame(path, colours: dict[str, list[str]]):
    """A set with each figure painted inside its box: body in colour 0, head in colour 1."""
    image = Image.new("RGB", (640, 360), "#26303d")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 280, 640, 360], fill="#3a3f3a")
    for name, (x, y, w, h) in BOXES.items():
        body, head = colours[name]
        draw.ellipse([x + w * 0.3, y, x + w * 0.7, y + h * 0.22], fill=head)
        draw.rectangle([x + w * 0.15, y + h * 0.24, x + w * 0.85, y + h], fill=body)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return image


def test_recoloured_character_is_flagged_and_faithful_frames_are_not(tmp_path):
    faithful = {"MAYA": MAYA.signature_colors, "ELIAS": ELIAS.signature_colors}
    drifted = {"MAYA": ["#c0392b", "#e3c16f"], "ELIAS": ELIAS.signature_colors}  # her blue coat came out red
    draw_frame(tmp_path / "frames/1.1/0.png", faithful)
    draw_frame(tmp_path / "frames/1.2/0.png", drifted)
    frames = [Frame(shot_id="1.1", variant=0, path="frames/1.1/0.png", seed=1, character_boxes=BOXES),
              Frame(shot_id="1.2", variant=0, path="frames/1.2/0.png", seed=1, character_boxes=BOXES)]
    report = qc_frames(frames, tmp_path, [MAYA, ELIAS], None)
    good, bad = report.shots
    assert not good.flagged and min(good.character_scores.values()) > 0.9
    assert bad.flagged
    assert bad.character_scores["MAYA"] < CHARACTER_THRESHOLD
    assert bad.character_scores["ELIAS"] > 0.9  # only the drifted character is blamed
    assert any("MAYA" in r and "#2e64c8" in r for r in bad.reasons)

    paths = write_qc_report(report, tmp_path)
    data = json.loads((tmp_path / "qc/report.json").read_text())
    assert [s["id"] for s in data["shots"]] == ["1.1", "1.2"]
    assert data["shots"][1]["flagged"] is True and data["shots"][0]["flagged"] is False
    assert "1.2" in (tmp_path / "qc/report.md").read_text().split("## All frames")[0]
    assert len(paths) == 2


def test_swapped_boxes_and_whole_frame_scoring(tmp_path):
    image = draw_frame(tmp_path / "f.png", {"MAYA": MAYA.signature_colors, "ELIAS": ELIAS.signature_colors})
    # ELIAS's box holds MAYA's colours: the wrong person stands there.
    score, reasons = score_character(image, tuple(BOXES["MAYA"]), ELIAS)
    assert score < CHARACTER_THRESHOLD and reasons
    whole, _ = score_character(image, None, MAYA)
    assert whole > 0.9
    absent, _ = score_character(Image.new("RGB", (640, 360), "#26303d"), None, MAYA)
    assert absent < 0.1


def test_style_scorer_and_missing_file_flag(tmp_path):
    draw_frame(tmp_path / "frames/2.1/0.png", {"MAYA": MAYA.signature_colors, "ELIAS": ELIAS.signature_colors})
    frames = [Frame(shot_id="2.1", variant=0, path="frames/2.1/0.png", seed=1, character_boxes=BOXES),
              Frame(shot_id="2.2", variant=0, path="frames/2.2/0.png", seed=1)]
    from graph.state import PaletteColor, StyleBible
    style = StyleBible(name="s", palette=[PaletteColor(role="key", hex="#000000")], harmony="mono",
                       medium="2D", lighting="low_key")
    report = qc_frames(frames, tmp_path, [MAYA, ELIAS], style, style_score=lambda img, st: (0.2, ["too bright"]))
    assert report.shots[0].style_score == 0.2 and report.shots[0].flagged and "too bright" in report.shots[0].reasons
    assert report.shots[1].flagged and "missing" in report.shots[1].reasons[0]


def test_light_and_shadow_are_not_drift_but_a_near_hue_is(tmp_path):
    import numpy as np

    image = draw_frame(tmp_path / "f.png", {"MAYA": MAYA.signature_colors, "ELIAS": ELIAS.signature_colors})
    # Low-key light: a dark frame with a pool of light falling off to the right, as a lighting pass does.
    arr = np.asarray(image, dtype=np.float32)
    falloff = np.linspace(1.0, 0.35, arr.shape[1], dtype=np.float32)[None, :, None]
    lit = Image.fromarray(np.clip(arr * falloff, 0, 255).astype(np.uint8))
    for profile in (MAYA, ELIAS):
        score, _ = score_character(lit, tuple(BOXES[profile.name]), profile)
        assert score >= CHARACTER_THRESHOLD, (profile.name, score)
    # A teal coat instead of a blue one is another costume, even if the hues are neighbours.
    teal = draw_frame(tmp_path / "g.png", {"MAYA": ["#1f9a9a", "#e3c16f"], "ELIAS": ELIAS.signature_colors})
    assert score_character(teal, tuple(BOXES["MAYA"]), MAYA)[0] < CHARACTER_THRESHOLD


def test_a_figure_cut_by_the_frame_edge_is_judged_on_what_shows():
    # A close shot: only MAYA's head and a sliver of shoulder above the bottom edge.
    image = Image.new("RGB", (640, 360), "#26303d")
    draw = ImageDraw.Draw(image)
    draw.ellipse([280, 250, 360, 350], fill="#e3c16f")
    box = (265, 250, 110, 110)
    set_colour = ["#26303d"]  # the style's sky behind her
    assert score_character(image, box, MAYA, backdrop=set_colour)[0] >= CHARACTER_THRESHOLD
    # The same framing with a red patch where her coat begins shows a wrong costume.
    draw.rectangle([285, 330, 355, 360], fill="#c0392b")
    assert score_character(image, box, MAYA, backdrop=set_colour)[0] < CHARACTER_THRESHOLD
    # Uncut, the same head alone is not enough: a standing figure should show its coat.
    assert score_character(image, (265, 100, 110, 200), MAYA, backdrop=set_colour)[0] < CHARACTER_THRESHOLD
