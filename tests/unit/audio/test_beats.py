"""Beat detection on music whose beats are known exactly (beat k at k * 60 / tempo)."""

import json
import subprocess

import numpy as np
import pytest
import soundfile as sf

from tools.audio.beats import BeatGrid, detect_beats, write_beats_json
from tools.audio.music import synthesize_bed
from tools.errors import BadInput
from tools.motion.encode import FFMPEG

FRAME = 1 / 24
LENGTH = 12.0


def _errors(detected, true):
    """Mean distance from each detected beat to the truth, and from each true beat to the detection."""
    detected, true = np.asarray(detected), np.asarray(true)
    inner = true[(true > 1.0) & (true < LENGTH - 2.0)]  # fades at the ends carry no beat to hear
    precision = np.mean([np.abs(true - d).min() for d in detected])
    recall = np.mean([np.abs(detected - t).min() for t in inner])
    return precision, recall


@pytest.mark.parametrize("bpm,mood,seed", [
    (90, [(-0.6, 0.3)], 1),
    (110, [(0.4, 0.5), (-0.3, 0.8)], 2),
    (128, [(0.8, 0.95)], 3),
])
def test_beats_land_within_a_frame_at_three_tempos(tmp_path, bpm, mood, seed):
    wav = synthesize_bed(LENGTH, bpm, mood, seed, tmp_path / "bed.wav")
    grid = detect_beats(wav)
    true = np.arange(0, LENGTH, 60 / bpm)
    precision, recall = _errors(grid.beats_s, true)
    assert precision <= FRAME and recall <= FRAME, (precision, recall)
    assert abs(grid.tempo_bpm - bpm) / bpm < 0.015
    assert grid.beats_s == sorted(grid.beats_s)
    # Bars start on the accented beat with the chord change: every 4th true beat from 0.
    bars = true[::4]
    assert np.mean([np.abs(bars - d).min() for d in grid.downbeats_s]) <= FRAME
    assert grid.duration_s == pytest.approx(LENGTH, abs=0.01)


def test_flac_and_mp3_are_read_too(tmp_path):
    wav = synthesize_bed(8.0, 120, [(0.5, 0.7)], 4, tmp_path / "bed.wav")
    y, sr = sf.read(wav)
    sf.write(tmp_path / "bed.flac", y, sr)
    subprocess.run([FFMPEG, "-v", "error", "-i", str(wav), "-c:a", "libmp3lame", "-b:a", "160k",
                    str(tmp_path / "bed.mp3")], check=True)
    true = np.arange(0, 8.0, 0.5)
    for name in ("bed.flac", "bed.mp3"):
        grid = detect_beats(tmp_path / name)
        assert abs(grid.tempo_bpm - 120) < 2
        # mp3 adds encoder delay (~26 ms), still inside a frame
        assert np.mean([np.abs(true - d).min() for d in grid.beats_s]) <= FRAME


def test_bad_audio_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match="not found"):
        detect_beats(tmp_path / "missing.wav")
    (tmp_path / "notes.txt").write_text("la la la")
    with pytest.raises(BadInput, match="unsupported"):
        detect_beats(tmp_path / "notes.txt")
    (tmp_path / "broken.wav").write_bytes(b"RIFF\x00\x00garbage")
    with pytest.raises(BadInput, match="cannot read"):
        detect_beats(tmp_path / "broken.wav")
    sf.write(tmp_path / "silence.wav", np.zeros(44100 * 5), 44100)
    with pytest.raises(BadInput, match="silent"):
        detect_beats(tmp_path / "silence.wav")
    (tmp_path / "empty.mp3").write_bytes(b"")
    with pytest.raises(BadInput):
        detect_beats(tmp_path / "empty.mp3")


def test_beats_json_round_trips(tmp_path):
    grid = BeatGrid(tempo_bpm=120.0, beats_s=[0.0, 0.5, 1.0], downbeats_s=[0.0], duration_s=1.5)
    path = write_beats_json(grid, tmp_path / "edit" / "beats.json")
    assert BeatGrid.model_validate(json.loads(path.read_text())) == grid
