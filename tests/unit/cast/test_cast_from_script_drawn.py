"""Cast descriptions in the action lines reach the profile, the lock and the drawn sheet."""

from __future__ import annotations

import numpy as np

from graph.state import PaletteColor, StyleBible
from tools.cast.colors import COLOR_WORDS
from tools.cast.extract import extract_cast
from tools.cast.lock import feature_lock
from tools.previs.render import render_sheet
from tools.screenplay.fountain_io import parse_fountain

SCRIPT = """INT. BOATHOUSE - DAWN

OTTO (60s) pulls on a red knitted hat and steps over a large coil of rope.

OTTO
Tide's turning.

MINNA (20s), blonde with long hair, in black jeans and a polo shirt, carries the oars past a huge upturned hull.

Otto scratches his grey beard and watches her go.
"""

STYLE = StyleBible(name="plain", palette=[PaletteColor(role=r, hex=h) for r, h in (
    ("key", "#6f8fa8"), ("shadow", "#243040"), ("highlight", "#eef0ea"), ("sky", "#9cc0dc"), ("skin", "#d2a07f"))],
    harmony="complementary", medium="2D animation", grain=0.0, line_weight=0, lighting="natural_soft")


def _cast():
    return {p.name: p for p in extract_cast(parse_fountain(SCRIPT), STYLE)}


def test_action_lines_give_the_profile_a_beard_a_hat_and_only_their_own_words():
    cast = _cast()
    otto, minna = cast["OTTO"], cast["MINNA"]
    assert otto.accessories == ["red knitted hat"]
    assert "grey beard" in otto.face  # said three lines after the introduction
    assert otto.build == "" and minna.build == ""  # the large coil and the huge hull are not bodies
    assert minna.hair.startswith("blonde") and "long hair" in minna.hair
    assert "jeans" in minna.wardrobe and "shirt" in minna.wardrobe and "black" in minna.wardrobe
    assert not minna.accessories and "beard" not in minna.face
    lock = feature_lock(otto)
    assert "red knitted hat" in lock and "grey beard" in lock


def _near(pixels: np.ndarray, hexcode: str, tolerance: float = 40.0) -> np.ndarray:
    target = np.array([int(hexcode[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
    return np.linalg.norm(pixels.astype(float) - target, axis=-1) < tolerance


def test_the_sheet_draws_the_hat_above_the_face_and_the_beard_below_it():
    otto = _cast()["OTTO"]
    bare = otto.model_copy(update={"face": "", "accessories": []})
    size = (960, 540)
    drawn, plain = (np.asarray(render_sheet(p, STYLE, size).convert("RGB")) for p in (otto, bare))
    front = slice(0, int(size[0] * 0.66 / 3))  # the FRONT view's column
    red = _near(drawn[:, front], COLOR_WORDS["red"])
    assert red.sum() > 150 and not _near(plain[:, front], COLOR_WORDS["red"]).sum()
    hat_rows = np.nonzero(red.any(axis=1))[0]
    # The beard: pixels of the grey hair colour that the bare figure has as skin, under the hat.
    changed = np.abs(drawn[:, front].astype(int) - plain[:, front].astype(int)).sum(axis=-1) > 60
    beard = changed & _near(drawn[:, front], otto.signature_colors[1]) & ~red
    beard_rows = np.nonzero(beard.any(axis=1))[0]
    assert beard.sum() > 80
    assert np.median(beard_rows) > hat_rows.max()  # the beard hangs below the hat, on the face
    assert beard_rows.max() - hat_rows.min() < size[1] * 0.2  # both on the head, not the body


def test_a_pair_introduced_together_shares_the_introduction_and_keeps_their_own_hair():
    script = parse_fountain("""INT. FLAT - NIGHT

TESSA and JUNO, two women in their early twenties, sit at a large dining table. They are dressed in black jeans and polo shirts. Tessa has blonde, long hair; Juno's dark hair is cut short.

TESSA
Ready?
""")
    cast = {p.name: p for p in extract_cast(script, None)}
    tessa, juno = cast["TESSA"], cast["JUNO"]
    for person in (tessa, juno):
        assert person.age == "early20s" and "jeans" in person.wardrobe and "black" in person.wardrobe
        assert person.build == ""  # the table is large, nobody's body
    assert "blonde" in tessa.hair and "long" in tessa.hair and "dark" not in tessa.hair
    assert "dark" in juno.hair and "short" in juno.hair and "blonde" not in juno.hair
