"""More interior sets: a stage, a workshop, a hospital ward, a carriage, a hall.

Each dresses the back wall and floor of the room `set_dressing._interior` has
already painted in perspective (`back` is the back wall's box), with the set
pieces that make the place read at a glance, in the style bible's colours.
"""

from __future__ import annotations

from typing import Callable

from PIL import ImageDraw

from tools.previs.paint import RGB, alpha, mix, shade

Dresser = Callable[[ImageDraw.ImageDraw, tuple[float, float, float, float], dict[str, RGB], float, str], None]


def stage(draw, back, palette, zoom, when):
    """A club or theatre stage: curtains, a raised platform, a spotlight and a microphone stand."""
    x0, y0, x1, y1 = back
    bw, bh = x1 - x0, y1 - y0
    curtain = mix(palette["accent"], (120, 10, 30), 0.45)
    for side in (0, 1):
        cx0 = x0 if side == 0 else x1 - bw * 0.18
        draw.rectangle([cx0, y0, cx0 + bw * 0.18, y1], fill=curtain)
        for k in range(5):
            fx = cx0 + bw * (0.02 + k * 0.035)
            draw.line([(fx, y0), (fx, y1)], fill=shade(curtain, 0.7), width=max(1, int(3 * zoom)))
    draw.rectangle([x0, y0, x1, y0 + bh * 0.08], fill=shade(curtain, 0.8))
    platform = mix(palette["ground"], palette["shadow"], 0.35)
    draw.rectangle([x0 + bw * 0.1, y1 - bh * 0.12, x1 - bw * 0.1, y1], fill=platform)
    draw.line([(x0 + bw * 0.1, y1 - bh * 0.12), (x1 - bw * 0.1, y1 - bh * 0.12)], fill=shade(platform, 1.3),
              width=max(1, int(3 * zoom)))
    light = mix(palette["highlight"], (255, 245, 200), 0.5)
    draw.polygon([(x0 + bw * 0.48, y0 + bh * 0.08), (x0 + bw * 0.52, y0 + bh * 0.08), (x0 + bw * 0.66, y1 - bh * 0.12),
                  (x0 + bw * 0.34, y1 - bh * 0.12)], fill=alpha(light, 0.25))
    draw.ellipse([x0 + bw * 0.34, y1 - bh * 0.16, x0 + bw * 0.66, y1 - bh * 0.08], fill=alpha(light, 0.35))
    mic_x = x0 + bw * 0.5
    draw.line([(mic_x, y1 - bh * 0.13), (mic_x, y1 - bh * 0.42)], fill=shade(palette["shadow"], 0.7), width=max(2, int(3 * zoom)))
    draw.ellipse([mic_x - bw * 0.008, y1 - bh * 0.45, mic_x + bw * 0.008, y1 - bh * 0.41], fill=(40, 40, 46))


def workshop(draw, back, palette, zoom, when):
    """A workshop or roastery: a workbench with tools, shelves of sacks and tins, a machine with a hopper."""
    from tools.previs.set_dressing import sky_colors

    x0, y0, x1, y1 = back
    bw, bh = x1 - x0, y1 - y0
    wood = mix(palette["ground"], (120, 80, 40), 0.4)
    draw.rectangle([x0 + bw * 0.05, y1 - bh * 0.28, x0 + bw * 0.5, y1 - bh * 0.23], fill=wood)
    for lx in (0.07, 0.46):
        draw.rectangle([x0 + bw * lx, y1 - bh * 0.23, x0 + bw * (lx + 0.02), y1], fill=shade(wood, 0.7))
    top, low = sky_colors(palette, when)
    draw.rectangle([x0 + bw * 0.55, y0 + bh * 0.1, x0 + bw * 0.9, y0 + bh * 0.35], fill=mix(top, low, 0.5),
                   outline=mix(palette["highlight"], (245, 240, 230), 0.3), width=max(2, int(6 * zoom)))
    for k in range(3):  # shelves of sacks and tins
        sy = y0 + bh * (0.12 + k * 0.14)
        draw.rectangle([x0 + bw * 0.05, sy, x0 + bw * 0.45, sy + bh * 0.015], fill=shade(wood, 0.8))
        for j in range(5):
            tx = x0 + bw * (0.07 + j * 0.075)
            draw.rounded_rectangle([tx, sy - bh * 0.08, tx + bw * 0.05, sy], radius=3,
                                   fill=mix(palette["accent"], palette["key"], (j + k) / 8))
    metal = mix(palette["shadow"], (150, 150, 160), 0.5)
    mx = x0 + bw * 0.62
    draw.rounded_rectangle([mx, y1 - bh * 0.5, mx + bw * 0.22, y1], radius=8, fill=metal,
                           outline=shade(metal, 0.6), width=max(1, int(3 * zoom)))
    draw.polygon([(mx + bw * 0.04, y1 - bh * 0.5), (mx + bw * 0.18, y1 - bh * 0.5), (mx + bw * 0.14, y1 - bh * 0.62),
                  (mx + bw * 0.08, y1 - bh * 0.62)], fill=shade(metal, 1.2))
    draw.ellipse([mx + bw * 0.05, y1 - bh * 0.38, mx + bw * 0.17, y1 - bh * 0.2], fill=shade(metal, 0.7),
                 outline=palette["accent"], width=max(1, int(3 * zoom)))


def ward(draw, back, palette, zoom, when):
    """A hospital ward: a bed with rails, a curtain on a rail, a monitor on a stand."""
    x0, y0, x1, y1 = back
    bw, bh = x1 - x0, y1 - y0
    sheet = mix(palette["highlight"], (240, 245, 250), 0.6)
    draw.rectangle([x0 + bw * 0.3, y1 - bh * 0.22, x0 + bw * 0.7, y1 - bh * 0.14], fill=sheet)
    draw.rectangle([x0 + bw * 0.3, y1 - bh * 0.3, x0 + bw * 0.32, y1], fill=(150, 155, 165))
    draw.rectangle([x0 + bw * 0.68, y1 - bh * 0.26, x0 + bw * 0.7, y1], fill=(150, 155, 165))
    draw.rectangle([x0 + bw * 0.33, y1 - bh * 0.26, x0 + bw * 0.4, y1 - bh * 0.2], fill=(250, 250, 252))
    curtain = mix(palette["sky"], (170, 200, 200), 0.5)
    draw.line([(x0 + bw * 0.02, y0 + bh * 0.05), (x0 + bw * 0.28, y0 + bh * 0.05)], fill=(140, 140, 150),
              width=max(1, int(3 * zoom)))
    draw.rectangle([x0 + bw * 0.04, y0 + bh * 0.05, x0 + bw * 0.26, y1 - bh * 0.05], fill=alpha(curtain, 0.85))
    mx = x0 + bw * 0.8
    draw.line([(mx, y1), (mx, y1 - bh * 0.45)], fill=(120, 120, 130), width=max(2, int(4 * zoom)))
    draw.rectangle([mx - bw * 0.05, y1 - bh * 0.58, mx + bw * 0.05, y1 - bh * 0.45], fill=(25, 30, 35),
                   outline=(120, 120, 130), width=max(1, int(2 * zoom)))
    pts = [(mx - bw * 0.045 + k * bw * 0.01, y1 - bh * (0.51 + (0.04 if k % 4 == 2 else 0))) for k in range(10)]
    draw.line(pts, fill=(80, 230, 120), width=max(1, int(2 * zoom)))


def carriage(draw, back, palette, zoom, when):
    """A train carriage or bus: a row of windows onto the time of day, seats and a luggage rack."""
    from tools.previs.set_dressing import sky_colors

    x0, y0, x1, y1 = back
    bw, bh = x1 - x0, y1 - y0
    top, low = sky_colors(palette, when)
    for k in range(4):
        wx = x0 + bw * (0.04 + k * 0.24)
        draw.rounded_rectangle([wx, y0 + bh * 0.2, wx + bw * 0.19, y0 + bh * 0.5], radius=10, fill=mix(top, low, 0.5),
                               outline=shade(palette["shadow"], 1.2), width=max(1, int(4 * zoom)))
    draw.rectangle([x0, y0 + bh * 0.1, x1, y0 + bh * 0.13], fill=(150, 150, 160))
    seat = mix(palette["accent"], palette["shadow"], 0.4)
    for k in range(4):
        sx = x0 + bw * (0.05 + k * 0.24)
        draw.rounded_rectangle([sx, y1 - bh * 0.42, sx + bw * 0.17, y1 - bh * 0.12], radius=8, fill=seat)
        draw.rectangle([sx, y1 - bh * 0.14, sx + bw * 0.17, y1 - bh * 0.06], fill=shade(seat, 0.8))


def hall(draw, back, palette, zoom, when):
    """A large hall (tournament, church, ballroom, gym): tall windows, columns and rows of tables."""
    x0, y0, x1, y1 = back
    bw, bh = x1 - x0, y1 - y0
    stone = mix(palette["highlight"], palette["ground"], 0.4)
    for k in range(5):
        cx = x0 + bw * (0.1 + k * 0.2)
        draw.rectangle([cx - bw * 0.02, y0, cx + bw * 0.02, y1], fill=shade(stone, 0.9))
        if k < 4:
            wx = cx + bw * 0.05
            glass = mix(palette["sky"], (255, 255, 255), 0.3)
            draw.rectangle([wx, y0 + bh * 0.16, wx + bw * 0.1, y0 + bh * 0.5], fill=glass)
            draw.pieslice([wx, y0 + bh * 0.08, wx + bw * 0.1, y0 + bh * 0.24], 180, 360, fill=glass)
    table = mix(palette["ground"], palette["shadow"], 0.3)
    for k in range(3):
        tx = x0 + bw * (0.12 + k * 0.28)
        draw.rectangle([tx, y1 - bh * 0.2, tx + bw * 0.2, y1 - bh * 0.17], fill=table)
        draw.rectangle([tx + bw * 0.01, y1 - bh * 0.17, tx + bw * 0.02, y1], fill=shade(table, 0.7))
        draw.rectangle([tx + bw * 0.18, y1 - bh * 0.17, tx + bw * 0.19, y1], fill=shade(table, 0.7))


DRESSERS: dict[str, Dresser] = {"stage": stage, "workshop": workshop, "ward": ward, "carriage": carriage, "hall": hall}
