"""The vertical version: every shot reframed to 9:16 around the characters the renderer drew.

A 9:16 window the full height of a 16:9 frame is only 56 % of its width, so
where the window sits decides who is in the shot. The window is centred on
the union of the shot's character boxes (with headroom); when the characters
stand further apart than a 9:16 window is wide, the window grows taller than
the frame and the space above and below is filled with a soft, darkened
blow-up of the frame (the usual social-video pad) rather than cutting
anyone out.

The shot's camera move is then played inside that window, computed per
output frame: a push-in is eased off where it would crop a character, and a
pan slides only as far as keeps every character inside. Roll (arcs, hand-held)
is left out: on a narrow window a few degrees swing the corners across a large
share of the picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from tools.errors import BadInput
from tools.motion.camera import camera_path, frame_count
from tools.motion.encode import FramePipe

VERTICAL_SIZE = (720, 1280)
HEADROOM = 0.06        # of frame height around the characters in the resting window
KEEP_MARGIN = 0.025    # of frame height the moving window always keeps around them
PAD_BLUR = 0.04        # blur radius of the pad, as a fraction of the frame height
PAD_LEVEL = 0.55       # brightness of the pad, so the picture reads as the subject


@dataclass(frozen=True)
class Window:
    """Where the vertical picture looks, in frame pixels: centre and size (aspect of the output)."""

    cx: float
    cy: float
    w: float
    h: float

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom)."""
        return (self.cx - self.w / 2, self.cy - self.h / 2, self.cx + self.w / 2, self.cy + self.h / 2)

    def contains(self, xywh: list[int] | tuple[int, ...], tolerance: float = 0.5) -> bool:
        """True when a character box [x, y, w, h] lies wholly inside the window."""
        left, top, right, bottom = self.box
        x, y, w, h = xywh
        return (x >= left - tolerance and y >= top - tolerance
                and x + w <= right + tolerance and y + h <= bottom + tolerance)


def _union(boxes: dict[str, list[int]], frame_w: int, frame_h: int) -> tuple[float, float, float, float] | None:
    """The boxes' union as (left, top, right, bottom), clipped to the frame; None with no characters."""
    kept = [b for b in boxes.values() if len(b) == 4 and b[2] > 0 and b[3] > 0]
    if not kept:
        return None
    left = max(0.0, min(b[0] for b in kept))
    top = max(0.0, min(b[1] for b in kept))
    right = min(float(frame_w), max(b[0] + b[2] for b in kept))
    bottom = min(float(frame_h), max(b[1] + b[3] for b in kept))
    return (left, top, right, bottom) if right > left and bottom > top else None


def _clamp_centre(centre: float, half: float, lo: float, hi: float) -> float:
    """Centre of a span of half-width `half` kept inside [lo, hi] (centred when it cannot fit)."""
    if 2 * half >= hi - lo:
        return (lo + hi) / 2
    return min(max(centre, lo + half), hi - half)


def resting_window(frame_size: tuple[int, int], boxes: dict[str, list[int]],
                   out_size: tuple[int, int] = VERTICAL_SIZE) -> Window:
    """The still 9:16 window: full frame height around the characters, taller (padded) when
    they stand too far apart to fit, the frame's centre when there is nobody in it."""
    fw, fh = frame_size
    aspect = out_size[0] / out_size[1]
    h = float(fh)
    w = h * aspect
    union = _union(boxes, fw, fh)
    if union is None:
        return Window(_clamp_centre(fw / 2, min(w, fw) / 2, 0, fw), fh / 2, w, h)
    left, top, right, bottom = union
    room = HEADROOM * fh
    need_w = right - left + 2 * room
    if need_w > w:
        w = need_w
        h = w / aspect
    cx = _clamp_centre((left + right) / 2, w / 2, 0, fw)
    cy = _clamp_centre((top + bottom) / 2, h / 2, 0, fh)
    return Window(cx, cy, w, h)


def picture_bottom(frame_size: tuple[int, int], boxes: dict[str, list[int]],
                   out_size: tuple[int, int] = VERTICAL_SIZE) -> int:
    """The last output row that shows the frame itself at rest: below it lies the padded fill
    (where a slate must never go), or the frame's own bottom when nothing is padded."""
    rest = resting_window(frame_size, boxes, out_size)
    bottom = (frame_size[1] - rest.box[1]) / rest.h * out_size[1]
    return int(min(out_size[1], bottom))


def window_path(movement: str, frames: int, frame_size: tuple[int, int], boxes: dict[str, list[int]],
                out_size: tuple[int, int] = VERTICAL_SIZE, seed: int = 0, duration_s: float = 4.0) -> list[Window]:
    """One window per output frame: the shot's camera move played inside the resting window,
    eased off wherever it would push a character out of the picture."""
    rest = resting_window(frame_size, boxes, out_size)
    union = _union(boxes, *frame_size)
    keep = KEEP_MARGIN * frame_size[1]
    r_left, r_top, r_right, r_bottom = rest.box
    windows = []
    for i in range(frames):
        pose = camera_path(movement, i / (frames - 1) if frames > 1 else 0.0, seed, duration_s)
        scale = max(1.0, pose.scale)
        if union is not None:  # never punch in past the characters
            left, top, right, bottom = union
            scale = min(scale, max(1.0, min(rest.w / (right - left + 2 * keep), rest.h / (bottom - top + 2 * keep))))
        w, h = rest.w / scale, rest.h / scale
        cx, cy = rest.cx + pose.x * rest.w, rest.cy + pose.y * rest.h
        if union is not None:  # slide only as far as keeps everyone inside
            left, top, right, bottom = union
            cx = min(max(cx, right + keep - w / 2), left - keep + w / 2) if w >= right - left + 2 * keep else cx
            cy = min(max(cy, bottom + keep - h / 2), top - keep + h / 2) if h >= bottom - top + 2 * keep else cy
        cx = _clamp_centre(cx, w / 2, r_left, r_right)
        cy = _clamp_centre(cy, h / 2, r_top, r_bottom)
        windows.append(Window(cx, cy, w, h))
    return windows


def _padded_canvas(image: np.ndarray, windows: list[Window]) -> tuple[np.ndarray, int, int]:
    """The frame on a blurred, darkened blow-up of itself, big enough for every window;
    returns the canvas and the frame's (x, y) offset in it."""
    fh, fw = image.shape[:2]
    left = min(w.box[0] for w in windows)
    top = min(w.box[1] for w in windows)
    right = max(w.box[2] for w in windows)
    bottom = max(w.box[3] for w in windows)
    pad_x = max(0, math.ceil(max(-left, right - fw))) + 2
    pad_y = max(0, math.ceil(max(-top, bottom - fh))) + 2
    pad_x += pad_x % 2
    pad_y += pad_y % 2
    if pad_x <= 2 and pad_y <= 2:
        return image, 0, 0
    cw, ch = fw + 2 * pad_x, fh + 2 * pad_y
    scale = max(cw / fw, ch / fh)
    blown = cv2.resize(image, (math.ceil(fw * scale), math.ceil(fh * scale)), interpolation=cv2.INTER_AREA)
    oy, ox = (blown.shape[0] - ch) // 2, (blown.shape[1] - cw) // 2
    canvas = blown[oy:oy + ch, ox:ox + cw]
    radius = max(3, int(fh * PAD_BLUR)) | 1
    canvas = (cv2.GaussianBlur(canvas, (radius * 2 + 1, radius * 2 + 1), 0) * PAD_LEVEL).astype(np.uint8)
    canvas[pad_y:pad_y + fh, pad_x:pad_x + fw] = image
    return canvas, pad_x, pad_y


def _load(frame_path: Path) -> np.ndarray:
    image = cv2.imread(str(frame_path), cv2.IMREAD_COLOR)
    if image is None:
        raise BadInput(f"storyboard frame is not a readable image: {frame_path}")
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def render_vertical_clip(frame_path: Path, boxes: dict[str, list[int]], movement: str, duration_s: float,
                         out_path: Path, size: tuple[int, int] = VERTICAL_SIZE, fps: int = 24, seed: int = 0,
                         threads: int = 1) -> Path:
    """A 9:16 clip of exactly round(duration_s * fps) frames from a storyboard frame, the window
    following the camera move around the characters (boxes in the frame's pixels)."""
    if duration_s <= 0:
        raise BadInput(f"clip duration must be positive, got {duration_s}")
    if not Path(frame_path).is_file():
        raise BadInput(f"storyboard frame not found: {frame_path}")
    image = _load(Path(frame_path))
    size = (int(size[0]), int(size[1]))
    n = frame_count(duration_s, fps)
    windows = window_path(movement, n, (image.shape[1], image.shape[0]), boxes, size, seed, duration_s)
    canvas, ox, oy = _padded_canvas(image, windows)
    out_w, out_h = size
    frame = np.empty((out_h, out_w, 3), np.uint8)
    last = None
    with FramePipe(Path(out_path), size, fps, threads) as pipe:
        for window in windows:
            if window != last:  # a held window (static shots) needs no new warp
                k = window.w / out_w
                matrix = np.array([[k, 0.0, window.cx + ox - k * out_w / 2],
                                   [0.0, k, window.cy + oy - k * out_h / 2]])
                cv2.warpAffine(canvas, matrix, size, dst=frame,
                               flags=(cv2.INTER_AREA if k > 1.5 else cv2.INTER_LINEAR) | cv2.WARP_INVERSE_MAP,
                               borderMode=cv2.BORDER_REPLICATE)
                last = window
            pipe.write(frame)
    return Path(out_path)
