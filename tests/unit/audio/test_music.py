"""The generated music bed: tempo from mood, key from valence, dynamics from intensity."""

import librosa
import numpy as np
import pytest
import soundfile as sf

from tools.audio.music import TONICS, choose_tempo, synthesize_bed
from tools.errors import BadInput


def test_tempo_follows_intensity_and_stays_in_range():
    assert choose_tempo(-1, 0) == 72 and choose_tempo(1, 1) == 132
    assert choose_tempo(0, 0.9) > choose_tempo(0, 0.2)
    assert all(72 <= choose_tempo(v, i) <= 132 for v in (-3, 0, 3) for i in (-1, 0.5, 2))


def _third_balance(path, seed):
    """Energy of the major third minus the minor third above the key's tonic (chroma)."""
    y, sr = librosa.load(str(path), sr=22050)
    chroma = librosa.feature.chroma_stft(y=y, sr=sr).mean(axis=1)
    tonic = TONICS[seed % len(TONICS)] % 12
    return chroma[(tonic + 4) % 12] - chroma[(tonic + 3) % 12]


def test_key_is_major_when_bright_and_minor_when_dark(tmp_path):
    bright = synthesize_bed(8.0, 100, [(0.8, 0.5)], 2, tmp_path / "bright.wav")
    dark = synthesize_bed(8.0, 100, [(-0.8, 0.5)], 2, tmp_path / "dark.wav")
    assert _third_balance(bright, 2) > 0.05
    assert _third_balance(dark, 2) < -0.05


def test_bed_is_16_bit_exact_length_faded_and_louder_when_intense(tmp_path):
    path = synthesize_bed(12.0, 120, [(0.0, 0.1), (0.0, 1.0)], 5, tmp_path / "bed.wav")
    info = sf.info(path)
    assert info.subtype == "PCM_16" and info.samplerate == 44100
    assert info.frames == 12 * 44100
    y, sr = sf.read(path)
    rms = lambda a, b: float(np.sqrt(np.mean(y[int(a * sr):int(b * sr)] ** 2)))
    assert rms(0, 0.05) < 0.2 * rms(1, 5)  # fades in
    assert rms(11.9, 12) < 0.2 * rms(7, 10)  # fades out
    assert rms(7, 10) > 1.3 * rms(1.5, 5)  # the intense half plays louder
    assert np.abs(y).max() <= 0.9


def test_same_seed_same_bytes_other_seed_other_music(tmp_path):
    a = synthesize_bed(4.0, 96, [(0.3, 0.4)], 9, tmp_path / "a.wav")
    b = synthesize_bed(4.0, 96, [(0.3, 0.4)], 9, tmp_path / "b.wav")
    c = synthesize_bed(4.0, 96, [(0.3, 0.4)], 10, tmp_path / "c.wav")
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()


def test_bad_requests_are_bad_input(tmp_path):
    with pytest.raises(BadInput):
        synthesize_bed(0, 100, [(0, 0)], 1, tmp_path / "x.wav")
    with pytest.raises(BadInput):
        synthesize_bed(5, 100, [], 1, tmp_path / "x.wav")
    with pytest.raises(BadInput):
        synthesize_bed(5, 1000, [(0, 0)], 1, tmp_path / "x.wav")
    assert not (tmp_path / "x.wav").exists()
