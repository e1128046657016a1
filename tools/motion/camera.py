"""Camera moves on a still: the pose of a virtual camera over a storyboard frame.

A move is a pure function of normalised shot time, so the same shot always
renders the same pixels. The camera looks at a window of the frame: `scale`
above 1 means the window is smaller than the frame (punched in), and the
offsets slide that window. Every move that slides the window punches in far
enough first (over-scan) that the window never leaves the frame, so no black
borders ever show.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from graph.state import MOVEMENTS
from tools.atomic import content_hash, file_hash, write_json
from tools.errors import BadInput
from tools.motion.encode import FramePipe, recipe, sweep_scratch

# Over-scan for moves that slide the window: 1/1.15 of the frame is visible,
# which leaves 6.5 % of the frame on each side to travel into.
OVERSCAN = 1.15


@dataclass(frozen=True)
class CameraPose:
    """Where the virtual camera looks at one instant.

    scale: magnification of the frame (1 = whole frame, 1.2 = punched in 20 %).
    x, y: centre of the view as a fraction of frame width/height from the frame
        centre (+x right, +y down).
    rotation_deg: roll of the camera, degrees counter-clockwise.
    background_scale: for the dolly zoom only, the magnification of everything
        outside the subject; equals `scale` for every other move.
    """

    scale: float = 1.0
    x: float = 0.0
    y: float = 0.0
    rotation_deg: float = 0.0
    background_scale: float | None = None

    def view_corners(self, width: int, height: int) -> np.ndarray:
        """The four corners of the visible window in frame pixels (for border checks)."""
        scale = min(self.scale, self.background_scale or self.scale)
        half = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], dtype=float) * (width / 2, height / 2) / scale
        theta = math.radians(self.rotation_deg)
        rot = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])
        centre = np.array([width / 2 + self.x * width, height / 2 + self.y * height])
        return half @ rot.T + centre


def ease_in_out(t: float) -> float:
    """Sine ease: a camera operator starts and lands a move gently."""
    t = min(max(t, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * t)


def ease_zoom(t: float) -> float:
    """Gentle start, most of the travel early, long soft landing: a zoom rocker's feel."""
    t = min(max(t, 0.0), 1.0)
    return ease_in_out(t ** 0.75)


def _travel(scale: float) -> float:
    """Largest centre offset (fraction of the frame) that keeps the window inside at this scale."""
    return max(0.0, (1.0 - 1.0 / scale) / 2.0) * 0.92


def _shake(t: float, seed: int, duration_s: float) -> tuple[float, float, float]:
    """Smooth deterministic hand-held drift: a few incommensurate sines in real seconds.

    Frequencies are in Hz of real time (not shot time) so a long hand-held shot
    breathes at the same rate as a short one.
    """
    rng = np.random.default_rng(seed * 7919 + 17)
    secs = t * duration_s
    out = []
    for amplitude in (0.012, 0.010, 0.45):  # x, y as frame fractions; roll in degrees
        freqs = rng.uniform(0.15, 1.6, size=3)
        phases = rng.uniform(0, 2 * math.pi, size=3)
        weights = np.array([1.0, 0.55, 0.3])
        value = float(np.sum(weights * np.sin(2 * math.pi * freqs * secs + phases)) / weights.sum())
        out.append(amplitude * value)
    return out[0], out[1], out[2]


def camera_path(movement: str, t: float, seed: int = 0, duration_s: float = 4.0) -> CameraPose:
    """The camera pose for `movement` at normalised shot time t (0..1), eased and deterministic.

    duration_s only matters for the hand-held move, whose shake runs in real seconds.
    """
    if movement not in MOVEMENTS:
        raise BadInput(f"unknown camera movement {movement!r}; expected one of {', '.join(MOVEMENTS)}")
    e = ease_in_out(t)
    travel = _travel(OVERSCAN)
    if movement == "static":
        return CameraPose()
    if movement in ("pan_left", "pan_right"):
        # Panning left turns the view left across the frame: the window slides left.
        sign = -1.0 if movement == "pan_left" else 1.0
        return CameraPose(scale=OVERSCAN, x=sign * travel * (2 * e - 1))
    if movement in ("tilt_up", "tilt_down"):
        sign = -1.0 if movement == "tilt_up" else 1.0
        return CameraPose(scale=OVERSCAN, y=sign * travel * (2 * e - 1))
    if movement in ("truck_left", "truck_right"):
        # A truck moves the whole camera; on a still it reads as a steadier,
        # slightly tighter lateral slide than a pan, with a touch of push.
        scale = OVERSCAN + 0.03 * e
        sign = -1.0 if movement == "truck_left" else 1.0
        return CameraPose(scale=scale, x=sign * _travel(OVERSCAN) * 0.85 * (2 * e - 1))
    if movement in ("pedestal_up", "pedestal_down"):
        sign = -1.0 if movement == "pedestal_up" else 1.0
        return CameraPose(scale=OVERSCAN + 0.02 * e, y=sign * travel * 0.9 * (2 * e - 1))
    if movement in ("crane_up", "crane_down"):
        # Rising on a crane reveals more of the scene: the view pulls back as it climbs.
        up = movement == "crane_up"
        scale = 1.28 - 0.13 * e if up else 1.15 + 0.13 * e
        sign = -1.0 if up else 1.0
        return CameraPose(scale=scale, y=sign * _travel(min(scale, 1.28)) * 0.9 * (2 * e - 1))
    if movement in ("arc_left", "arc_right"):
        # Orbiting the subject: lateral travel with a small roll against it.
        sign = -1.0 if movement == "arc_left" else 1.0
        scale = 1.22
        return CameraPose(scale=scale, x=sign * 0.045 * (2 * e - 1), rotation_deg=-sign * 2.5 * (2 * e - 1))
    if movement == "dolly_in":
        return CameraPose(scale=1.0 + 0.25 * e)
    if movement == "dolly_out":
        return CameraPose(scale=1.25 - 0.25 * e)
    if movement == "zoom_in":
        return CameraPose(scale=1.0 + 0.4 * ease_zoom(t))
    if movement == "zoom_out":
        return CameraPose(scale=1.4 - 0.4 * ease_zoom(t))
    if movement == "dolly_zoom":
        # Vertigo: the subject holds its size while the background stretches away.
        # On a still the centre (subject) stays nearly fixed while the edges magnify.
        return CameraPose(scale=1.05 + 0.03 * e, background_scale=1.05 + 0.28 * e)
    # handheld
    dx, dy, roll = _shake(t, seed, duration_s)
    return CameraPose(scale=1.1, x=dx, y=dy, rotation_deg=roll)


def pose_matrix(pose: CameraPose, src_size: tuple[int, int], out_size: tuple[int, int],
                scale: float | None = None) -> np.ndarray:
    """The 2x3 affine map from output pixels to frame pixels (for cv2 WARP_INVERSE_MAP).

    The source frame is fitted to cover the output first, so a frame of another
    size or aspect still fills the picture.
    """
    sw, sh = src_size
    ow, oh = out_size
    cover = max(ow / sw, oh / sh)  # output pixels per source pixel at scale 1
    s = (scale if scale is not None else pose.scale) * cover
    theta = math.radians(pose.rotation_deg)
    c, si = math.cos(theta) / s, math.sin(theta) / s
    cx, cy = sw / 2 + pose.x * sw, sh / 2 + pose.y * sh
    # src = R(theta)/s @ (p - out_centre) + view_centre
    a = np.array([[c, -si], [si, c]])
    offset = np.array([cx, cy]) - a @ np.array([ow / 2, oh / 2])
    return np.hstack([a, offset[:, None]]).astype(np.float64)


# --------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class ClipJob:
    """One shot to animate: its chosen frame, its move and its fitted length."""

    frame_path: Path
    movement: str
    duration_s: float
    out_path: Path
    fps: int = 24
    size: tuple[int, int] = (1280, 720)
    seed: int = 0
    shot_id: str = ""


def frame_count(duration_s: float, fps: int) -> int:
    """Frames a clip of this length holds: the cut lands on the nearest frame boundary."""
    return max(1, int(round(duration_s * fps)))


def clip_key(frame_path: Path, movement: str, duration_s: float, fps: int = 24,
             size: tuple[int, int] = (1280, 720), seed: int = 0) -> str:
    """Content hash of everything that decides a clip's pixels (the clip cache key)."""
    seed = seed if movement == "handheld" else 0  # only the shake uses the seed
    return content_hash("clip", recipe(), file_hash(frame_path), movement,
                        frame_count(duration_s, fps), fps, list(size), seed,
                        round(duration_s, 6) if movement == "handheld" else 0)


def _key_path(out_path: Path) -> Path:
    return out_path.with_name(f".{out_path.name}.key")


def clip_record(out_path: Path) -> dict | None:
    """What render_clip recorded about the clip at out_path (frames, fps, size), if it is intact."""
    sidecar = _key_path(Path(out_path))
    try:
        record = json.loads(sidecar.read_text())
    except (OSError, ValueError):
        return None
    if record.get("clip_hash") != file_hash(out_path):
        return None
    return record


def clip_is_current(out_path: Path, key: str) -> bool:
    """True when out_path holds exactly the clip these inputs make (its key and bytes both match)."""
    if not Path(out_path).is_file():
        return False
    record = clip_record(out_path)
    return record is not None and record.get("key") == key


def _load_frame(frame_path: Path) -> np.ndarray:
    image = cv2.imread(str(frame_path), cv2.IMREAD_COLOR)
    if image is None:
        raise BadInput(f"storyboard frame is not a readable image: {frame_path}")
    h, w = image.shape[:2]
    if w % 2 or h % 2:  # 4:2:0 chroma needs even sides; one pixel is never missed
        image = image[: h - h % 2, : w - w % 2]
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def _i420_planes(image: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The frame as Y (full size) and U, V (half size) planes, BT.601 limited range like ffmpeg."""
    h, w = image.shape[:2]
    packed = cv2.cvtColor(image, cv2.COLOR_RGB2YUV_I420)
    chroma = packed[h:].reshape(-1)
    quarter = (h // 2) * (w // 2)
    return (packed[:h], chroma[:quarter].reshape(h // 2, w // 2), chroma[quarter:].reshape(h // 2, w // 2))


class _RadialGrid:
    """Per-pixel offsets from the picture centre and a 0..1 falloff, for the dolly zoom's
    magnification that grows from the subject (centre) out to the background (corners)."""

    def __init__(self, out_w: int, out_h: int):
        yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
        self.dx, self.dy = xx - out_w / 2 + 0.5, yy - out_h / 2 + 0.5
        r = np.sqrt((self.dx / (out_w / 2)) ** 2 + (self.dy / (out_h / 2)) ** 2) / math.sqrt(2)
        r = np.clip(r, 0.0, 1.0)
        self.falloff = r * r * (3 - 2 * r)  # smoothstep: flat over the subject, easing to the edges


class _PlaneWarper:
    """Warps a frame's Y, U and V planes straight into an I420 buffer for the encoder.

    Warping the planes instead of RGB moves half the bytes, and the encoder
    then needs no colour conversion of its own.
    """

    def __init__(self, image: np.ndarray, size: tuple[int, int]):
        self.planes = _i420_planes(image)
        self.src_size = (image.shape[1], image.shape[0])
        self.size = size
        w, h = size
        self.buffer = np.empty(w * h * 3 // 2, np.uint8)
        quarter = (w // 2) * (h // 2)
        self.views = (self.buffer[: w * h].reshape(h, w),
                      self.buffer[w * h: w * h + quarter].reshape(h // 2, w // 2),
                      self.buffer[w * h + quarter:].reshape(h // 2, w // 2))
        self.grids: tuple[_RadialGrid, _RadialGrid] | None = None
        self.last_pose: CameraPose | None = None

    def _warp_into(self, matrix: np.ndarray, outs) -> None:
        half = matrix.copy()
        half[:, 2] /= 2.0  # chroma sits on a half-size grid: same rotation and scale, half the offset
        flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
        for plane, out, m in zip(self.planes, outs, (matrix, half, half)):
            cv2.warpAffine(plane, m, (out.shape[1], out.shape[0]), dst=out, flags=flags,
                           borderMode=cv2.BORDER_REFLECT)

    def frame(self, pose: CameraPose) -> np.ndarray:
        if pose == self.last_pose:  # a held pose (static shots) needs no new warp
            return self.buffer
        self.last_pose = pose
        if pose.background_scale is not None:
            self._radial_into(pose)
        else:
            self._warp_into(pose_matrix(pose, self.src_size, self.size), self.views)
        return self.buffer

    def _radial_into(self, pose: CameraPose) -> None:
        """Dolly zoom on a still: magnification `scale` at the centre rising smoothly to
        `background_scale` at the corners. One continuous remap, so nothing doubles up;
        the rise is gentle enough that the mapping never folds back on itself."""
        if self.grids is None:
            w, h = self.size
            self.grids = (_RadialGrid(w, h), _RadialGrid(w // 2, h // 2))
        sw, sh = self.src_size
        cover = max(self.size[0] / sw, self.size[1] / sh)
        for plane, out, grid, shrink in zip(self.planes, self.views, (self.grids[0], self.grids[1], self.grids[1]),
                                            (1, 2, 2)):
            magnify = (pose.scale + (pose.background_scale - pose.scale) * grid.falloff) * cover
            cx, cy = sw / 2 / shrink + pose.x * sw / shrink, sh / 2 / shrink + pose.y * sh / shrink
            map_x = cx + grid.dx / magnify - 0.5
            map_y = cy + grid.dy / magnify - 0.5
            cv2.remap(plane, map_x, map_y, cv2.INTER_LINEAR, dst=out, borderMode=cv2.BORDER_REFLECT)


def render_clip(frame_path: Path, movement: str, duration_s: float, out_path: Path, fps: int = 24,
                size: tuple[int, int] = (1280, 720), seed: int = 0, threads: int = 1) -> Path:
    """Animate one storyboard frame with its camera move into an H.264 clip of exactly
    round(duration_s * fps) frames; skipped when out_path already holds these inputs' clip.

    threads is the encoder's thread count: 1 gives byte-identical clips across runs and
    lets callers encode two clips side by side."""
    if duration_s <= 0:
        raise BadInput(f"clip duration must be positive, got {duration_s}")
    if not Path(frame_path).is_file():
        raise BadInput(f"storyboard frame not found: {frame_path}")
    out_path = Path(out_path)
    size = (int(size[0]), int(size[1]))
    key = clip_key(frame_path, movement, duration_s, fps, size, seed)
    if clip_is_current(out_path, key):
        return out_path
    warper = _PlaneWarper(_load_frame(frame_path), size)
    n = frame_count(duration_s, fps)
    _key_path(out_path).unlink(missing_ok=True)  # never let an old key vouch for a new clip
    with FramePipe(out_path, size, fps, threads) as pipe:
        for i in range(n):
            t = i / (n - 1) if n > 1 else 0.0
            pipe.write_i420(warper.frame(camera_path(movement, t, seed, duration_s)))
    write_json(_key_path(out_path), {"key": key, "clip_hash": file_hash(out_path),
                                     "movement": movement, "frames": n, "fps": fps,
                                     "size": list(size)})
    return out_path


def render_clips(jobs: list[ClipJob], workers: int = 2,
                 on_done: Callable[[ClipJob], None] | None = None) -> list[Path]:
    """Render many clips side by side (each encode uses one thread; ffmpeg and OpenCV
    release the GIL), calling on_done(job) as each finishes; paths in job order.

    When only one clip actually needs rendering (one shot changed), its encode gets
    all the workers' threads instead.
    """
    def current(job: ClipJob) -> bool:
        return Path(job.frame_path).is_file() and clip_is_current(
            job.out_path, clip_key(job.frame_path, job.movement, job.duration_s, job.fps, job.size, job.seed))

    for folder in {Path(job.out_path).parent for job in jobs}:
        sweep_scratch(folder)  # leftovers of a render killed mid-clip
    pending = sum(not current(job) for job in jobs)
    threads = max(1, workers) if pending == 1 else 1

    def one(job: ClipJob) -> Path:
        path = render_clip(job.frame_path, job.movement, job.duration_s, job.out_path,
                           job.fps, job.size, job.seed, threads)
        if on_done is not None:
            on_done(job)
        return path

    if workers <= 1 or len(jobs) <= 1:
        return [one(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="clip") as pool:
        return list(pool.map(one, jobs))
