"""Bring a person's music file into the project as a WAV the editor can cut to."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from tools.atomic import temp_path_for
from tools.errors import BadInput

MAX_MUSIC_BYTES = 200 * 1024 * 1024
SAMPLE_RATE = 44100


def check_music(source: Path) -> Path:
    """Refuse a music file that is missing, empty, huge or not audio, before any film work starts."""
    source = Path(source)
    if not source.is_file():
        raise BadInput(f"music file not found: {source}")
    if source.stat().st_size == 0:
        raise BadInput(f"music file is empty: {source}")
    if source.stat().st_size > MAX_MUSIC_BYTES:
        raise BadInput(f"music file is larger than 200 MB: {source}")
    try:
        info = sf.info(str(source))
    except Exception:  # libsndfile reads wav, flac, ogg and mp3; anything else is not music we can cut to
        raise BadInput(f"cannot read {source.name} as audio (wav, flac, mp3 or ogg)") from None
    if info.frames < info.samplerate // 2:
        raise BadInput(f"{source.name} is shorter than half a second")
    return source


def _beats_of(source: Path) -> list[float] | None:
    """The track's beats, for looping it on a beat; None when it has no grid to find."""
    from tools.audio.beats import detect_beats

    try:
        return detect_beats(source).beats_s
    except BadInput:  # under two seconds, or no beat: loop it whole
        return None


def import_music(source: Path, target: Path, min_length_s: float) -> Path:
    """Decode wav/flac/mp3/ogg to 44.1 kHz stereo WAV, looped on its beats when it is shorter than min_length_s."""
    source = check_music(source)
    import librosa  # heavy import, only when a person brings music

    try:
        audio, _ = librosa.load(str(source), sr=SAMPLE_RATE, mono=False)
    except Exception as err:  # librosa raises many types for undecodable input
        raise BadInput(f"cannot read {source.name} as audio (wav, flac, mp3 or ogg): {type(err).__name__}") from None
    audio = np.atleast_2d(audio)
    if audio.shape[1] < SAMPLE_RATE // 2 or not np.isfinite(audio).all() or np.abs(audio).max() < 1e-4:
        raise BadInput(f"{source.name} holds less than half a second of audible sound")
    if audio.shape[0] == 1:
        audio = np.vstack([audio, audio])
    if audio.shape[1] < int(min_length_s * SAMPLE_RATE):
        # A track shorter than the film loops whole bars, crossfaded on a beat: never silence at the end.
        from tools.audio.music import loop_to_length

        audio = loop_to_length(audio, SAMPLE_RATE, min_length_s, _beats_of(source))
    tmp = temp_path_for(target)
    sf.write(tmp, audio[:2].T, SAMPLE_RATE, subtype="PCM_16")
    tmp.replace(target)
    return target
