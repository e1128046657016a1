"""The beat grid: where the music's beats and bars fall, so cuts can land on them.

librosa's tracker finds the beat sequence from a low-weighted onset envelope
at a fine hop (about 12 ms); each beat is then moved onto its local onset
peak and corrected for the envelope's latency, because the editor promises
cuts within one film frame (42 ms) of a beat.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import librosa
import numpy as np
from pydantic import BaseModel, Field

from tools.atomic import write_json
from tools.errors import BadInput

AUDIO_TYPES = (".wav", ".mp3", ".flac", ".ogg", ".m4a", ".aac", ".aif", ".aiff")
SR = 22050
HOP = 256  # ~11.6 ms at 22.05 kHz


class BeatGrid(BaseModel):
    """Beats and bar lines of a piece of music."""

    tempo_bpm: float = Field(description="Estimated tempo, beats per minute.")
    beats_s: list[float] = Field(description="Beat times in seconds, ascending.")
    downbeats_s: list[float] = Field(description="First beat of each bar (every 4th beat), seconds.")
    duration_s: float = Field(description="Length of the audio, seconds.")


def _load(path: Path) -> tuple[np.ndarray, int]:
    path = Path(path)
    if not path.is_file():
        raise BadInput(f"music file not found: {path}")
    if path.suffix.lower() not in AUDIO_TYPES:
        raise BadInput(f"unsupported music type {path.suffix or '(none)'}: use wav, mp3 or flac")
    try:
        with warnings.catch_warnings():  # librosa warns when it falls back to audioread for mp3
            warnings.simplefilter("ignore")
            y, sr = librosa.load(str(path), sr=SR, mono=True)
    except Exception as exc:  # librosa raises many types for undecodable files
        raise BadInput(f"cannot read music {path.name}: {type(exc).__name__}") from None
    if y.size < sr * 2 or not np.isfinite(y).all() or float(np.abs(y).max()) < 1e-4:
        raise BadInput(f"music {path.name} is empty, silent or shorter than 2 s")
    return y, sr


def beat_envelope(y: np.ndarray, sr: int) -> np.ndarray:
    """Onset strength weighted toward the low end: kicks mark the beat in most music, while
    hats and shakers on the off-beats would otherwise pull the tracker half a beat early."""
    bands = librosa.onset.onset_strength_multi(y=y, sr=sr, hop_length=HOP, channels=[0, 8, 40, 128])
    bands = bands / (bands.max(axis=1, keepdims=True) + 1e-9)
    return 0.6 * bands[0] + 0.25 * bands[1] + 0.15 * bands[2]


def _refine(beats: np.ndarray, envelope: np.ndarray, reach: int) -> np.ndarray:
    """Move each beat frame to the onset peak within `reach` frames."""
    out = beats.copy()
    for i, b in enumerate(beats):
        lo, hi = max(0, b - reach), min(len(envelope), b + reach + 1)
        out[i] = lo + int(np.argmax(envelope[lo:hi]))
    return out


def _settle_octave(frames: np.ndarray, envelope: np.ndarray, sr: int) -> np.ndarray:
    """Undo double- or half-time tracking.

    Cutting wants beats a shot can land on, about 70..140 bpm. Faster than that,
    or when every other beat is far weaker (hats on the off-beats), keep the
    strong phase; slower than 70, add the beat between each pair.
    """
    if frames.size < 8:
        return frames
    bpm = 60.0 / float(np.median(np.diff(frames)) * HOP / sr)
    even, odd = float(envelope[frames[0::2]].mean()), float(envelope[frames[1::2]].mean())
    if bpm > 140 or min(even, odd) < 0.3 * max(even, odd):
        return frames[0::2] if even >= odd else frames[1::2]
    if bpm < 70:
        middles = (frames[:-1] + frames[1:]) // 2
        return np.sort(np.concatenate([frames, _refine(middles, envelope, reach=3)]))
    return frames


def _bar_phase(y: np.ndarray, sr: int, frames: np.ndarray, envelope: np.ndarray) -> int:
    """Which of every 4 beats is the one: where the harmony changes and the onsets hit hardest."""
    if frames.size < 8:
        return 0
    chroma = librosa.feature.chroma_stft(y=y, sr=sr, hop_length=HOP)
    per_beat = librosa.util.sync(chroma, frames, aggregate=np.median)[:, 1:frames.size]
    change = np.r_[0.0, np.linalg.norm(np.diff(per_beat, axis=1), axis=0)]  # change into beat i
    strength = envelope[frames]
    scores = []
    for p in range(4):
        harmonic = change[p::4].mean() / (change.mean() + 1e-9)
        hit = strength[p::4].mean() / (strength.mean() + 1e-9)
        scores.append(harmonic + hit)
    return int(np.argmax(scores))


# The envelope peaks after the attack: about one hop for a click, two for a kick's
# slow low-end build (measured on synthetic hits); split the difference.
ENVELOPE_LATENCY_S = 1.5 * HOP / SR


def detect_beats(path: Path) -> BeatGrid:
    """Track the beats of a wav/mp3/flac file; bad, unsupported or silent audio raises BadInput."""
    y, sr = _load(path)
    duration = float(len(y) / sr)
    envelope = beat_envelope(y, sr)
    tempo, frames = librosa.beat.beat_track(onset_envelope=envelope, sr=sr, hop_length=HOP, units="frames")
    frames = np.asarray(frames, dtype=int)
    if frames.size < 2:
        raise BadInput(f"no steady beat found in {Path(path).name}")
    frames = _settle_octave(np.unique(_refine(frames, envelope, reach=2)), envelope, sr)
    times = np.clip(librosa.frames_to_time(frames, sr=sr, hop_length=HOP) - ENVELOPE_LATENCY_S, 0.0, duration)
    # Tempo from a line through all beats: steadier than any one interval at a 12 ms hop.
    tempo_bpm = float(60.0 / np.polyfit(np.arange(times.size), times, 1)[0]) if times.size > 2 \
        else float(np.atleast_1d(tempo)[0])
    phase = _bar_phase(y, sr, frames, envelope)
    return BeatGrid(tempo_bpm=round(tempo_bpm, 2), beats_s=[round(float(t), 4) for t in times],
                    downbeats_s=[round(float(t), 4) for t in times[phase::4]], duration_s=round(duration, 4))


def write_beats_json(grid: BeatGrid, path: Path) -> Path:
    """Save the beat grid (edit/beats.json), atomically."""
    return write_json(path, grid.model_dump(mode="json"))
