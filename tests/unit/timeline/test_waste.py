"""Waste removal: flagged frames, failed clips and dead holds stay out of the cut, with the reason."""

from PIL import Image

from graph.state import Cut, Frame, Shot
from tools.motion.camera import ClipJob
from tools.timeline.probe import probe_media
from tools.timeline.waste import (DEAD_HOLD_S, FrameVerdict, choose_usable_frames, close_gaps, readable_range,
                                  reading_time, render_or_drop)


def _shot(sid, **kw):
    return Shot(id=sid, scene=1, size="MS", duration_s=kw.pop("duration_s", 3.0), **kw)


def _frames(sid, n=3):
    return [Frame(shot_id=sid, variant=v, path=f"frames/{sid}/{v}.png", seed=v) for v in range(n)]


def test_flagged_everywhere_is_dropped_with_why_and_a_passing_variant_is_swapped_in():
    shots = [_shot("1.1"), _shot("1.2"), _shot("1.3"), _shot("1.4")]
    frames = {"1.1": _frames("1.1"), "1.2": _frames("1.2"), "1.3": _frames("1.3"), "1.4": []}
    verdicts = [FrameVerdict("1.1", v, True, ("OTTO drifted: coat colour",)) for v in range(3)]
    verdicts += [FrameVerdict("1.2", 0, True, ("style off",)), FrameVerdict("1.2", 1, True),
                 FrameVerdict("1.2", 2, False)]
    verdicts += [FrameVerdict("1.3", 1, False)]  # 1.3's chosen variant 0 was never scored
    pick = choose_usable_frames(shots, frames, {"1.1": 0, "1.2": 0, "1.3": 0}, verdicts)
    assert "1.1" in pick.dropped and "OTTO drifted" in pick.dropped["1.1"]
    assert "1.4" in pick.dropped and "no storyboard frame" in pick.dropped["1.4"]
    assert pick.variants == {"1.2": 2, "1.3": 0} and pick.swapped == {"1.2": 2}


def test_holds_end_when_there_is_nothing_left_to_read_or_see():
    still = _shot("1.1", duration_s=4.5)
    moving = _shot("1.2", duration_s=4.5, movement="dolly_in")
    talking = _shot("1.3", duration_s=1.5, dialogue="MARA: The lamp is out and the ships are coming in.")
    lo, hi = readable_range(still)
    assert hi <= max(DEAD_HOLD_S, still.duration_s) + 1e-9 and hi - lo >= 1.0
    assert readable_range(moving)[1] > hi, "a move may stretch further than a still"
    assert readable_range(talking)[0] >= reading_time(talking) >= 10 / 2.5, "long enough to read the line"
    assert reading_time(still) == 0.0


def test_a_clip_that_fails_costs_only_its_own_shot(tmp_path):
    good = tmp_path / "good.png"
    Image.new("RGB", (160, 90), (120, 90, 60)).save(good)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image at all")
    jobs = [ClipJob(frame_path=good, movement="pan_left", duration_s=0.5, out_path=tmp_path / "a.mp4",
                    size=(160, 90), shot_id="1.1"),
            ClipJob(frame_path=broken, movement="static", duration_s=0.5, out_path=tmp_path / "b.mp4",
                    size=(160, 90), shot_id="1.2")]
    failed = render_or_drop(jobs, workers=2)
    assert list(failed) == ["1.2"] and "failed to render" in failed["1.2"]
    assert probe_media(tmp_path / "a.mp4")["frames"] == 12 and not (tmp_path / "b.mp4").exists()


def test_closing_the_gap_moves_later_cuts_up_by_the_dropped_length():
    cuts = [Cut(shot_id="title", clip="t.png", record_in_s=0, duration_s=2.5),
            Cut(shot_id="1.1", clip="a.mp4", record_in_s=2.5, duration_s=1.5),
            Cut(shot_id="1.2", clip="b.mp4", record_in_s=4.0, duration_s=2.0),
            Cut(shot_id="end", clip="e.png", record_in_s=6.0, duration_s=3.0)]
    kept = close_gaps(cuts, {"1.1"})
    assert [c.shot_id for c in kept] == ["title", "1.2", "end"]
    assert [c.record_in_s for c in kept] == [0.0, 2.5, 4.5]
