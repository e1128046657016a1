"""The music bed: a small generated score that follows the film's mood.

No samples and no weights: pads, bass and drums are synthesised with numpy.
The key follows the mood (major when bright, minor when dark, switching at
bar lines), the band thins out and softens when the mood is calm, and every
beat k sounds at exactly k * 60 / tempo seconds, so the beat grid of a
generated bed is known as well as detected.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import soundfile as sf

from tools.atomic import write_bytes
from tools.errors import BadInput

MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)
# Chord degrees per bar: I-V-vi-IV in major, i-VI-III-VII in minor (pop/film staples).
PROGRESSION = {"major": (0, 4, 5, 3), "minor": (0, 5, 2, 6)}
TONICS = (45, 47, 48, 50, 52, 53, 55)  # MIDI A2..G3: the key's root, picked by seed


def choose_tempo(valence: float, intensity: float) -> float:
    """Tempo for a mood: calm scenes sit near 72 bpm, intense bright ones near 132."""
    v = min(max(valence, -1.0), 1.0)
    i = min(max(intensity, 0.0), 1.0)
    return float(round(72 + 50 * i + 10 * (v + 1) / 2))


def _hz(midi: float) -> float:
    return 440.0 * 2 ** ((midi - 69) / 12)


def _triad(tonic: int, mode: str, degree: int) -> list[int]:
    scale = MAJOR if mode == "major" else MINOR
    notes = []
    for step in (degree, degree + 2, degree + 4):
        notes.append(tonic + scale[step % 7] + 12 * (step // 7))
    return notes


def _saw(freq: float, n: int, sr: int, phase: float) -> np.ndarray:
    t = np.arange(n) / sr
    return 2.0 * np.mod(freq * t + phase, 1.0) - 1.0


def _bar_moods(mood: list[tuple[float, float]], bars: int) -> list[tuple[float, float]]:
    """Which section's (valence, intensity) each bar plays: sections share the length evenly."""
    return [tuple(mood[min(len(mood) - 1, b * len(mood) // bars)]) for b in range(bars)]


def _pad(bars: list[tuple[str, list[int]]], bar_n: int, total: int, sr: int, rng) -> np.ndarray:
    """Sustained chords, three detuned saws per note, crossfaded from bar to bar."""
    out = np.zeros(total + bar_n, np.float32)
    tail = int(0.6 * sr)
    env = np.ones(bar_n + tail, np.float32)
    attack = int(0.25 * sr)
    env[:attack] = np.linspace(0, 1, attack)
    env[bar_n:] = np.linspace(1, 0, tail)
    for b, (_, notes) in enumerate(bars):
        start = b * bar_n
        if start >= total:
            break
        chunk = np.zeros(bar_n + tail, np.float32)
        for note in notes + [notes[0] + 12]:
            for cents in (-7, 0, 6):
                chunk += _saw(_hz(note + 12 + cents / 100), bar_n + tail, sr, rng.random()).astype(np.float32)
        stop = min(start + bar_n + tail, out.size)
        out[start:stop] += (chunk * env)[: stop - start] / 12.0
    return out[:total]


def _bass(bars, bar_n: int, beat_n: int, total: int, sr: int, intensities) -> np.ndarray:
    """Root notes: on beats 1 and 3 when calm, every eighth when the scene drives."""
    out = np.zeros(total + bar_n, np.float32)
    note_n = beat_n
    t = np.arange(note_n) / sr
    for b, (_, notes) in enumerate(bars):
        freq = _hz(notes[0] - 12)
        tone = (np.sin(2 * np.pi * freq * t) + 0.35 * np.sin(4 * np.pi * freq * t)) * np.exp(-t * 3.0)
        step = beat_n // 2 if intensities[b] > 0.6 else beat_n * 2
        for k, pos in enumerate(range(b * bar_n, min((b + 1) * bar_n, total), step)):
            n = min(note_n, out.size - pos)
            out[pos:pos + n] += (tone[:n] * (1.0 if k == 0 else 0.8)).astype(np.float32)
    return out[:total]


def _drums(beats: int, beat_n: float, total: int, sr: int, energy_of, rng) -> np.ndarray:
    """Kick on every beat (accented on the one), hats on the off-beats, claps on 2 and 4 when intense.

    Beat k starts on sample round(k * beat_n), so the grid stays exact at any tempo.
    """
    out = np.zeros(total + 2 * sr, np.float32)
    kn = int(0.28 * sr)
    t = np.arange(kn) / sr
    sweep = 2 * np.pi * np.cumsum(48 + 110 * np.exp(-t * 35)) / sr
    kick = (np.sin(sweep) * np.exp(-t * 9)).astype(np.float32)
    hn = int(0.05 * sr)
    hat_noise = np.diff(rng.standard_normal(hn + 1)).astype(np.float32)
    hat = hat_noise * np.exp(-np.arange(hn) / sr * 70).astype(np.float32)
    cn = int(0.18 * sr)
    tc = np.arange(cn) / sr
    clap = ((rng.standard_normal(cn) * 0.6 + np.sin(2 * np.pi * 190 * tc)) * np.exp(-tc * 22)).astype(np.float32)
    for k in range(beats):
        pos = int(round(k * beat_n))
        if pos >= total:
            break
        energy = energy_of(k)
        out[pos:pos + kn] += kick * (1.0 if k % 4 == 0 else 0.78) * (0.75 + 0.25 * energy)
        off = int(round((k + 0.5) * beat_n))
        out[off:off + hn] += hat * (0.08 + 0.22 * energy)
        if energy > 0.55 and k % 2 == 1:
            out[pos:pos + cn] += clap * 0.35 * energy
    return out[:total]


def synthesize_bed(length_s: float, tempo_bpm: float, mood: list[tuple[float, float]], seed: int,
                   out_path: Path, sr: int = 44100) -> Path:
    """Write a music bed of length_s seconds at tempo_bpm as a 16-bit WAV: pad chords in a key
    that follows each section's (valence, intensity), bass, kick on every beat, hats, fades."""
    from scipy.signal import butter, sosfilt  # here, not at import: scipy.signal costs the CLI half a second

    if not length_s > 0:
        raise BadInput(f"music length must be positive, got {length_s}")
    if not 30 <= tempo_bpm <= 300:
        raise BadInput(f"tempo {tempo_bpm} bpm is outside 30..300")
    if not mood:
        raise BadInput("music needs at least one (valence, intensity) section")
    rng = np.random.default_rng(seed)
    total = int(round(length_s * sr))
    beat_s = 60.0 / tempo_bpm
    beat_n = beat_s * sr
    bar_n = int(round(4 * beat_n))
    beats = int(np.ceil(length_s / beat_s)) + 1
    bar_count = beats // 4 + 1
    moods = _bar_moods(mood, bar_count)
    intensities = [min(max(i, 0.0), 1.0) for _, i in moods]
    tonic = TONICS[seed % len(TONICS)]
    bars = []
    for b, (valence, _) in enumerate(moods):
        mode = "major" if valence >= 0 else "minor"
        bars.append((mode, _triad(tonic, mode, PROGRESSION[mode][b % 4])))

    drums = _drums(beats, beat_n, total, sr, lambda k: intensities[min(k // 4, bar_count - 1)], rng)
    pad = _pad(bars, bar_n, total, sr, rng)
    bass = _bass(bars, bar_n, int(round(beat_n)), total, sr, intensities)

    # Brightness follows intensity: blend a dark and an open filter of the pad.
    dark = sosfilt(butter(2, 700, fs=sr, output="sos"), pad)
    bright = sosfilt(butter(2, 3200, fs=sr, output="sos"), pad)
    bar_centres = (np.arange(bar_count) + 0.5) * bar_n
    energy = np.interp(np.arange(total), bar_centres, intensities).astype(np.float32)
    pad_bus = dark * (1 - energy) + bright * energy
    bass = sosfilt(butter(2, 400, fs=sr, output="sos"), bass)
    mix = 0.55 * pad_bus + 0.45 * bass + 0.8 * drums
    mix *= 0.6 + 0.4 * energy  # dynamics: calm sections sit back

    fade_in, fade_out = min(int(1.0 * sr), total // 4), min(int(2.0 * sr), total // 3)
    mix[:fade_in] *= np.linspace(0, 1, fade_in)
    if fade_out:
        mix[-fade_out:] *= np.linspace(1, 0, fade_out)
    peak = float(np.abs(mix).max()) or 1.0
    mix = (mix / peak * 0.89).astype(np.float32)

    buffer = io.BytesIO()
    sf.write(buffer, mix, sr, format="WAV", subtype="PCM_16")
    return write_bytes(out_path, buffer.getvalue())


# --------------------------------------------------------------------------- covering the whole film

# The bed runs past the planned cut by this much: the beat fit may land the last cut a little late,
# and the film's own fade-out must fall on music, never on the bed's end.
BED_MARGIN_S = 4.0
CROSSFADE_S = 0.3


def bed_length_s(film_s: float) -> float:
    """How long a music bed must be to cover a film of film_s seconds, with room to spare."""
    return round(film_s + max(BED_MARGIN_S, 0.05 * film_s), 2)


def _loop_points(n: int, sr: int, beats_s: list[float] | None, fade: int) -> tuple[int, int]:
    """(start, end) samples of the loop: from a downbeat after the first bar to the last downbeat a
    whole number of bars later that stays clear of the track's own ending (its fade-out)."""
    beats = sorted(b for b in (beats_s or []) if 0 <= b * sr < n)
    if len(beats) >= 9:
        period = float(np.median(np.diff(beats)))
        clear = n / sr - max(2.0, 2 * period)
        starts = [i for i in (4, 8, 0) if i < len(beats) and beats[i] * sr >= fade]
        for i0 in starts:
            ends = [i for i in range(i0 + 4, len(beats), 4) if beats[i] <= clear]
            if ends and beats[ends[-1]] - beats[i0] >= 2.0:
                return int(round(beats[i0] * sr)), int(round(beats[ends[-1]] * sr))
    # No usable beat grid: loop the whole track but its last half second, crossfaded.
    return fade, max(3 * fade, n - int(0.5 * sr))


def loop_to_length(audio: np.ndarray, sr: int, length_s: float, beats_s: list[float] | None = None,
                   crossfade_s: float = CROSSFADE_S) -> np.ndarray:
    """Extend audio (channels, samples) to at least length_s by looping whole bars of it.

    Each join is an equal-power crossfade that ends on a beat: the loop's first downbeat lands,
    at full level and with its attack intact, where the last one would have, so the beat grid
    runs on unbroken through every join, with no click and no gap. Audio already long enough
    comes back unchanged."""
    audio = np.atleast_2d(audio)
    need = int(np.ceil(length_s * sr))
    n = audio.shape[1]
    if n >= need:
        return audio
    fade = max(1, int(crossfade_s * sr))
    start, end = _loop_points(n, sr, beats_s, fade)
    t = np.linspace(0.0, np.pi / 2, fade, endpoint=False)
    fade_out, fade_in = np.cos(t).astype(audio.dtype), np.sin(t).astype(audio.dtype)
    join = audio[:, end - fade:end] * fade_out + audio[:, start - fade:start] * fade_in
    body = audio[:, start:end - fade]
    pieces, total = [audio[:, :end - fade]], end - fade
    while total < need:
        pieces += [join, body]
        total += join.shape[1] + body.shape[1]
    return np.concatenate(pieces, axis=1)[:, :need]
