"""More prop silhouettes: vehicles, instruments, bags, flowers, games and weapons.

Each painter draws one recognisable icon centred at (cx, cy), about 2*s across,
in the style bible's colours, the way a storyboard artist sketches an insert.
`props.draw_prop` calls these for the shapes it does not draw itself.
"""

from __future__ import annotations

import math
from typing import Callable

from PIL import ImageDraw

from tools.previs.paint import RGB, mix, shade

Painter = Callable[[ImageDraw.ImageDraw, float, float, float, RGB, RGB, RGB, int], None]


def _ol(ink: RGB, line: int) -> dict:
    return {"outline": ink, "width": max(2, line)}


def _wheel(draw, x: float, y: float, r: float, ink: RGB, hub: RGB, line: int) -> None:
    draw.ellipse([x - r, y - r, x + r, y + r], fill=shade(ink, 1.4), **_ol(ink, line))
    draw.ellipse([x - r * 0.45, y - r * 0.45, x + r * 0.45, y + r * 0.45], fill=hub)


def car(draw, cx, cy, s, main, accent, ink, line):
    light = mix(main, (255, 255, 255), 0.55)
    draw.rounded_rectangle([cx - s, cy - s * 0.15, cx + s, cy + s * 0.4], radius=s * 0.15, fill=main, **_ol(ink, line))
    draw.polygon([(cx - s * 0.55, cy - s * 0.15), (cx - s * 0.3, cy - s * 0.55), (cx + s * 0.35, cy - s * 0.55),
                  (cx + s * 0.6, cy - s * 0.15)], fill=main, **_ol(ink, line))
    draw.polygon([(cx - s * 0.42, cy - s * 0.18), (cx - s * 0.24, cy - s * 0.47), (cx + s * 0.02, cy - s * 0.47),
                  (cx + s * 0.02, cy - s * 0.18)], fill=light)
    draw.polygon([(cx + s * 0.08, cy - s * 0.18), (cx + s * 0.08, cy - s * 0.47), (cx + s * 0.3, cy - s * 0.47),
                  (cx + s * 0.48, cy - s * 0.18)], fill=light)
    draw.ellipse([cx + s * 0.82, cy - s * 0.05, cx + s * 0.98, cy + s * 0.1], fill=mix(accent, (255, 255, 210), 0.6))
    for x in (cx - s * 0.55, cx + s * 0.55):
        _wheel(draw, x, cy + s * 0.42, s * 0.22, ink, accent, line)


def bicycle(draw, cx, cy, s, main, accent, ink, line):
    r = s * 0.42
    back, front = (cx - s * 0.55, cy + s * 0.3), (cx + s * 0.55, cy + s * 0.3)
    for x, y in (back, front):
        draw.ellipse([x - r, y - r, x + r, y + r], outline=ink, width=max(3, line + 1))
    seat, bars, crank = (cx - s * 0.2, cy - s * 0.3), (cx + s * 0.4, cy - s * 0.4), (cx, cy + s * 0.3)
    w = max(3, line + 1)
    draw.line([back, seat, crank, back], fill=main, width=w)
    draw.line([seat, (bars[0] - s * 0.05, bars[1] + s * 0.15), crank], fill=main, width=w)
    draw.line([(bars[0] - s * 0.05, bars[1] + s * 0.15), front], fill=main, width=w)
    draw.line([bars, (bars[0] + s * 0.15, bars[1])], fill=ink, width=w)
    draw.line([(seat[0] - s * 0.12, seat[1]), (seat[0] + s * 0.1, seat[1])], fill=accent, width=w + 2)


def boat(draw, cx, cy, s, main, accent, ink, line):
    draw.polygon([(cx - s, cy + s * 0.1), (cx + s, cy + s * 0.1), (cx + s * 0.7, cy + s * 0.5), (cx - s * 0.75, cy + s * 0.5)],
                 fill=main, **_ol(ink, line))
    draw.line([(cx, cy + s * 0.1), (cx, cy - s)], fill=ink, width=max(3, line + 1))
    draw.polygon([(cx + s * 0.05, cy - s * 0.95), (cx + s * 0.7, cy), (cx + s * 0.05, cy)],
                 fill=mix(accent, (255, 255, 255), 0.6), **_ol(ink, line))
    draw.polygon([(cx - s * 0.05, cy - s * 0.7), (cx - s * 0.5, cy), (cx - s * 0.05, cy)], fill=accent, **_ol(ink, line))
    for k in range(3):
        x = cx - s * 0.9 + k * s * 0.65
        draw.arc([x, cy + s * 0.5, x + s * 0.5, cy + s * 0.75], 200, 340, fill=shade(ink, 1.6), width=max(2, line))


def train(draw, cx, cy, s, main, accent, ink, line):
    draw.rounded_rectangle([cx - s, cy - s * 0.5, cx + s * 0.55, cy + s * 0.35], radius=s * 0.08, fill=main, **_ol(ink, line))
    draw.polygon([(cx + s * 0.55, cy - s * 0.5), (cx + s * 0.85, cy - s * 0.2), (cx + s, cy + s * 0.35),
                  (cx + s * 0.55, cy + s * 0.35)], fill=shade(main, 0.8), **_ol(ink, line))
    for k in range(4):
        x = cx - s * 0.9 + k * s * 0.36
        draw.rectangle([x, cy - s * 0.35, x + s * 0.26, cy - s * 0.08], fill=mix(accent, (255, 255, 255), 0.5))
    draw.rectangle([cx - s, cy + s * 0.02, cx + s, cy + s * 0.1], fill=accent)
    for x in (cx - s * 0.75, cx - s * 0.4, cx + s * 0.15, cx + s * 0.5):
        _wheel(draw, x, cy + s * 0.42, s * 0.13, ink, accent, line)
    draw.line([(cx - s * 1.05, cy + s * 0.56), (cx + s * 1.05, cy + s * 0.56)], fill=ink, width=max(2, line))


def umbrella(draw, cx, cy, s, main, accent, ink, line):
    draw.pieslice([cx - s, cy - s * 0.8, cx + s, cy + s * 0.6], 180, 360, fill=main, **_ol(ink, line))
    for k in range(1, 4):
        x = cx - s + k * s * 0.5
        draw.line([(cx, cy - s * 0.8), (x, cy - s * 0.1)], fill=shade(main, 0.7), width=max(2, line))
    draw.line([(cx, cy - s * 0.95), (cx, cy + s * 0.7)], fill=ink, width=max(3, line + 1))
    draw.arc([cx - s * 0.25, cy + s * 0.55, cx + s * 0.05, cy + s * 0.85], 0, 180, fill=ink, width=max(3, line + 1))
    draw.ellipse([cx - s * 0.05, cy - s * 1.0, cx + s * 0.05, cy - s * 0.88], fill=accent)


def guitar(draw, cx, cy, s, main, accent, ink, line):
    draw.ellipse([cx - s * 0.55, cy + s * 0.05, cx + s * 0.55, cy + s * 0.95], fill=main, **_ol(ink, line))
    draw.ellipse([cx - s * 0.42, cy - s * 0.35, cx + s * 0.42, cy + s * 0.35], fill=main, **_ol(ink, line))
    draw.ellipse([cx - s * 0.14, cy + s * 0.15, cx + s * 0.14, cy + s * 0.43], fill=shade(ink, 1.1))
    draw.rectangle([cx - s * 0.08, cy - s * 1.0, cx + s * 0.08, cy + s * 0.1], fill=shade(main, 0.6), **_ol(ink, line))
    draw.rectangle([cx - s * 0.13, cy - s * 1.12, cx + s * 0.13, cy - s * 0.92], fill=accent, **_ol(ink, line))
    for k in (-1, 1):
        draw.line([(cx + k * s * 0.03, cy - s * 0.95), (cx + k * s * 0.03, cy + s * 0.7)], fill=(235, 235, 235), width=1)


def ball(draw, cx, cy, s, main, accent, ink, line):
    draw.ellipse([cx - s * 0.75, cy - s * 0.75, cx + s * 0.75, cy + s * 0.75], fill=mix(main, (255, 255, 255), 0.6),
                 **_ol(ink, line))
    pts = [(cx + math.cos(a) * s * 0.28, cy + math.sin(a) * s * 0.28) for a in
           [math.pi * (1.5 + 0.4 * k) for k in range(5)]]
    draw.polygon(pts, fill=ink)
    for x, y in pts:
        dx, dy = x - cx, y - cy
        draw.line([(x, y), (cx + dx * 2.5, cy + dy * 2.5)], fill=ink, width=max(2, line))


def chessboard(draw, cx, cy, s, main, accent, ink, line):
    cell = s * 0.22
    x0, y0 = cx - 4 * cell, cy - 4 * cell
    dark, pale = shade(main, 0.55), mix(main, (255, 255, 255), 0.65)
    for i in range(8):
        for j in range(8):
            draw.rectangle([x0 + i * cell, y0 + j * cell, x0 + (i + 1) * cell, y0 + (j + 1) * cell],
                           fill=dark if (i + j) % 2 else pale)
    draw.rectangle([x0, y0, x0 + 8 * cell, y0 + 8 * cell], outline=ink, width=max(2, line))
    for i, colour in ((2, accent), (5, ink)):  # two pieces mid-game
        px, py = x0 + (i + 0.5) * cell, y0 + (i + 0.5) * cell
        draw.ellipse([px - cell * 0.35, py - cell * 0.1, px + cell * 0.35, py + cell * 0.4], fill=colour, **_ol(ink, 1))
        draw.ellipse([px - cell * 0.2, py - cell * 0.45, px + cell * 0.2, py - cell * 0.05], fill=colour, **_ol(ink, 1))


def flower(draw, cx, cy, s, main, accent, ink, line):
    draw.line([(cx, cy - s * 0.2), (cx - s * 0.1, cy + s)], fill=(60, 120, 60), width=max(3, line + 1))
    draw.ellipse([cx - s * 0.45, cy + s * 0.25, cx - s * 0.05, cy + s * 0.45], fill=(70, 140, 70))
    for k in range(6):
        a = k * math.pi / 3
        px, py = cx + math.cos(a) * s * 0.32, cy - s * 0.35 + math.sin(a) * s * 0.32
        draw.ellipse([px - s * 0.22, py - s * 0.22, px + s * 0.22, py + s * 0.22], fill=accent, **_ol(ink, 1))
    draw.ellipse([cx - s * 0.16, cy - s * 0.51, cx + s * 0.16, cy - s * 0.19], fill=mix(main, (255, 220, 80), 0.5))


def suitcase(draw, cx, cy, s, main, accent, ink, line):
    draw.rounded_rectangle([cx - s * 0.9, cy - s * 0.45, cx + s * 0.9, cy + s * 0.75], radius=s * 0.12, fill=main,
                           **_ol(ink, line))
    draw.rounded_rectangle([cx - s * 0.3, cy - s * 0.75, cx + s * 0.3, cy - s * 0.45], radius=s * 0.08,
                           outline=ink, width=max(3, line + 1))
    for x in (cx - s * 0.5, cx + s * 0.5):
        draw.rectangle([x - s * 0.06, cy - s * 0.45, x + s * 0.06, cy + s * 0.75], fill=accent)


def camera(draw, cx, cy, s, main, accent, ink, line):
    draw.rounded_rectangle([cx - s * 0.9, cy - s * 0.4, cx + s * 0.9, cy + s * 0.6], radius=s * 0.12, fill=shade(ink, 1.3),
                           **_ol(ink, line))
    draw.rectangle([cx - s * 0.35, cy - s * 0.6, cx + s * 0.15, cy - s * 0.4], fill=shade(ink, 1.3), **_ol(ink, line))
    draw.ellipse([cx - s * 0.42, cy - s * 0.32, cx + s * 0.42, cy + s * 0.52], fill=main, **_ol(ink, line))
    draw.ellipse([cx - s * 0.22, cy - s * 0.12, cx + s * 0.22, cy + s * 0.32], fill=mix(accent, (20, 20, 40), 0.5))
    draw.rectangle([cx + s * 0.55, cy - s * 0.3, cx + s * 0.75, cy - s * 0.15], fill=accent)


def gun(draw, cx, cy, s, main, accent, ink, line):
    body = shade(ink, 1.25)
    draw.rectangle([cx - s * 0.9, cy - s * 0.35, cx + s * 0.8, cy - s * 0.05], fill=body, **_ol(ink, line))
    draw.polygon([(cx - s * 0.75, cy - s * 0.05), (cx - s * 0.3, cy - s * 0.05), (cx - s * 0.45, cy + s * 0.7),
                  (cx - s * 0.9, cy + s * 0.65)], fill=main, **_ol(ink, line))
    draw.arc([cx - s * 0.35, cy - s * 0.15, cx + s * 0.05, cy + s * 0.3], 0, 180, fill=ink, width=max(2, line))
    draw.rectangle([cx + s * 0.6, cy - s * 0.45, cx + s * 0.7, cy - s * 0.35], fill=body)


def plate(draw, cx, cy, s, main, accent, ink, line):
    draw.ellipse([cx - s, cy - s * 0.45, cx + s, cy + s * 0.55], fill=(238, 238, 232), **_ol(ink, line))
    draw.ellipse([cx - s * 0.7, cy - s * 0.28, cx + s * 0.7, cy + s * 0.38], outline=(200, 200, 195), width=max(2, line))
    draw.ellipse([cx - s * 0.45, cy - s * 0.45, cx + s * 0.45, cy + s * 0.15], fill=main, **_ol(ink, line))
    draw.ellipse([cx - s * 0.1, cy - s * 0.55, cx + s * 0.15, cy - s * 0.35], fill=accent)


PAINTERS: dict[str, Painter] = {
    "car": car, "bicycle": bicycle, "boat": boat, "train": train, "umbrella": umbrella, "guitar": guitar,
    "ball": ball, "chessboard": chessboard, "flower": flower, "suitcase": suitcase, "camera": camera,
    "gun": gun, "plate": plate,
}
