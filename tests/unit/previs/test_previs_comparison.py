"""Style comparisons: the same key shot in each candidate look, plus a side-by-side sheet."""

from __future__ import annotations

import numpy as np
from PIL import Image

from graph.state import Brief
from previs_fixtures import CAST, SHORE, shot
from tools.previs.comparison import render_comparison
from tools.style.bible import propose_styles
from tools.style.compliance import STYLE_THRESHOLD, style_score


def test_comparison_renders_each_candidate_in_its_own_style(tmp_path):
    candidates = propose_styles(Brief(text="A keeper guards a lighthouse through a storm"), None, n=3)
    paths = render_comparison(candidates, shot("WS", subjects=("ELIAS", "MAYA")), SHORE, CAST, tmp_path / "comparisons")
    assert [p.name for p in paths][-1] == "sheet.png" and len(paths) == 4
    frames = [Image.open(p).convert("RGB") for p in paths[:3]]
    for index, (frame, style) in enumerate(zip(frames, candidates)):
        score, _ = style_score(frame, style)
        assert score >= STYLE_THRESHOLD, (index, style.name, score)
    # each frame belongs to its own candidate better than to the others
    for index, frame in enumerate(frames):
        scores = [style_score(frame, style)[0] for style in candidates]
        assert int(np.argmax(scores)) == index, scores
    sheet = Image.open(paths[-1])
    assert sheet.width >= 3 * 600 and sheet.height > 300
