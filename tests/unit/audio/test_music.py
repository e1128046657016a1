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


def _window_rms(y, sr, seconds):
    w = int(seconds * sr)
    return np.array([np.sqrt(np.mean(y[i:i + w] ** 2)) for i in range(0, y.size - w + 1, w)])


def test_a_bed_for_a_long_film_plays_to_its_end(tmp_path):
    """A script played as written can run eleven minutes: the bed covers it, loud to the last bars."""
    from tools.audio.music import bed_length_s

    film_s = 620.0
    path = synthesize_bed(bed_length_s(film_s), 96, [(0.2, 0.5), (-0.4, 0.8), (0.5, 0.3)], 3,
                          tmp_path / "long.wav", sr=8000)
    y, sr = sf.read(path)
    assert y.size / sr >= film_s + 4
    rms = _window_rms(y[: int(film_s * sr)], sr, 5.0)
    assert rms.min() > 0.25 * np.median(rms)  # no stretch of the film, the last 5 s included, goes quiet


def test_a_short_track_is_looped_on_its_beats_to_cover_the_film(tmp_path):
    """A 6 s track under a 30 s film: no gap, no click at a join, and the beat runs on through every join."""
    from tools.audio.music import loop_to_length

    sr = 22050
    path = synthesize_bed(6.0, 120, [(0.3, 0.6)], 4, tmp_path / "short.wav", sr=sr)
    y, _ = sf.read(path)
    beats = [k * 0.5 for k in range(12)]
    out = loop_to_length(y[None, :], sr, 30.0, beats)[0]
    assert out.size == 30 * sr
    rms = _window_rms(out[sr:], sr, 0.5)
    assert rms.min() > 0.4 * np.median(rms)
    assert np.abs(np.diff(out)).max() < 4 * np.abs(np.diff(y)).max()  # a join is no sharper than the music
    # The kicks still fall on the original's 120 bpm grid, long after the first join.
    kicks = _kick_times(out, sr)
    late = kicks[kicks > 10]
    on_grid = np.abs(late - np.round(late * 2) / 2) < 0.02
    assert late.size >= 30 and on_grid.mean() >= 0.9  # a join off the beat would throw them all off


def _kick_times(y, sr, hop_s=0.005):
    """Where the low end jumps: a moving average keeps the kick and drops the hats."""
    low = np.convolve(y, np.ones(64) / 64, mode="same")
    hop = int(hop_s * sr)
    energy = np.sqrt(np.add.reduceat(low ** 2, np.arange(0, low.size, hop)) / hop)
    rise = np.maximum(np.diff(energy, prepend=energy[0]), 0)
    peaks = [i for i in range(1, rise.size - 1) if rise[i] > 0.4 * rise.max()
             and rise[i] == rise[max(0, i - 40):i + 40].max()]
    return np.array(peaks) * hop / sr


def test_a_long_enough_track_is_left_alone():
    from tools.audio.music import loop_to_length

    y = np.random.default_rng(1).standard_normal((2, 44100 * 3)).astype(np.float32)
    assert loop_to_length(y, 44100, 2.5) is y
