"""Insert shots: the prop large on a tabletop, generic but recognisable, with its name.

A storyboard artist draws an insert as a simple icon of the object and writes
its name beside it; this does the same from a keyword in the prop's name.
"""

from __future__ import annotations

import math

from PIL import ImageDraw

from tools.previs.paint import RGB, alpha, fit_font, mix, shade
from tools.previs.prop_painters import PAINTERS
from tools.previs.vocabulary import drawable_for

def prop_shape(name: str) -> str:
    """The silhouette drawn for a prop: its own shape, the nearest in meaning, or a labelled box."""
    return drawable_for(name, "prop").name


def draw_prop(draw: ImageDraw.ImageDraw, name: str, cx: float, cy: float, size: float,
              main: RGB, accent: RGB, ink: RGB, line: int, label_color: RGB) -> tuple[float, float, float, float]:
    """Draw the prop centred at (cx, cy), about size px across; returns its box."""
    shape = prop_shape(name)
    s = size / 2
    ol = {"outline": ink, "width": max(2, line)}
    light = mix(main, (255, 255, 255), 0.55)
    # contact shadow on the table
    draw.ellipse([cx - s * 1.05, cy + s * 0.55, cx + s * 1.15, cy + s * 0.95], fill=alpha((0, 0, 0), 0.3))
    if shape == "letter":
        draw.polygon([(cx - s, cy - s * 0.6), (cx + s * 0.9, cy - s * 0.72), (cx + s, cy + s * 0.62),
                      (cx - s * 0.9, cy + s * 0.72)], fill=light, **ol)
        for k in range(6):
            y = cy - s * 0.4 + k * s * 0.17
            draw.line([(cx - s * 0.7, y + s * 0.02), (cx + s * (0.65 - 0.15 * (k == 5)), y - s * 0.04)],
                      fill=shade(ink, 1.3), width=max(1, line // 2 + 1))
    elif shape == "phone":
        draw.rounded_rectangle([cx - s * 0.5, cy - s, cx + s * 0.5, cy + s], radius=s * 0.12, fill=shade(ink, 1.2), **ol)
        draw.rectangle([cx - s * 0.42, cy - s * 0.85, cx + s * 0.42, cy + s * 0.8], fill=mix(accent, (255, 255, 255), 0.35))
    elif shape == "key":
        r = s * 0.4
        draw.ellipse([cx - s, cy - r, cx - s + 2 * r, cy + r], fill=accent, **ol)
        draw.ellipse([cx - s + r * 0.6, cy - r * 0.4, cx - s + r * 1.4, cy + r * 0.4], fill=shade(ink, 1.1))
        draw.rectangle([cx - s + 2 * r, cy - r * 0.22, cx + s, cy + r * 0.22], fill=accent, **ol)
        for k in range(2):
            x = cx + s * (0.45 + k * 0.3)
            draw.rectangle([x, cy + r * 0.22, x + s * 0.14, cy + r * 0.75], fill=accent, **ol)
    elif shape == "cup":
        draw.arc([cx + s * 0.35, cy - s * 0.35, cx + s * 0.95, cy + s * 0.35], 270, 90, fill=main, width=max(4, int(s * 0.12)))
        draw.rounded_rectangle([cx - s * 0.6, cy - s * 0.6, cx + s * 0.5, cy + s * 0.7], radius=s * 0.15, fill=main, **ol)
        draw.ellipse([cx - s * 0.6, cy - s * 0.75, cx + s * 0.5, cy - s * 0.45], fill=shade(accent, 0.6), **ol)
        for k in range(3):
            x = cx - s * 0.3 + k * s * 0.25
            draw.arc([x - s * 0.1, cy - s * 1.2, x + s * 0.1, cy - s * 0.8], 90, 270, fill=alpha((255, 255, 255), 0.7),
                     width=max(2, line))
    elif shape == "lamp":
        glow = mix(accent, (255, 240, 180), 0.6)
        draw.ellipse([cx - s * 1.1, cy - s * 1.1, cx + s * 1.1, cy + s * 0.9], fill=alpha(glow, 0.25))
        draw.rectangle([cx - s * 0.4, cy - s * 0.6, cx + s * 0.4, cy + s * 0.6], fill=glow, **ol)
        draw.polygon([(cx - s * 0.55, cy - s * 0.6), (cx + s * 0.55, cy - s * 0.6), (cx, cy - s * 0.95)], fill=main, **ol)
        draw.rectangle([cx - s * 0.55, cy + s * 0.6, cx + s * 0.55, cy + s * 0.75], fill=main, **ol)
        draw.arc([cx - s * 0.25, cy - s * 1.2, cx + s * 0.25, cy - s * 0.8], 180, 360, fill=ink, width=max(2, line))
    elif shape == "book":
        draw.polygon([(cx - s, cy - s * 0.5), (cx + s * 0.8, cy - s * 0.7), (cx + s, cy + s * 0.5),
                      (cx - s * 0.8, cy + s * 0.7)], fill=main, **ol)
        draw.line([(cx - s * 0.1, cy - s * 0.6), (cx + s * 0.1, cy + s * 0.6)], fill=ink, width=max(2, line))
        draw.rectangle([cx + s * 0.25, cy - s * 0.2, cx + s * 0.65, cy + s * 0.05], fill=accent)
    elif shape == "clock":
        draw.ellipse([cx - s * 0.85, cy - s * 0.85, cx + s * 0.85, cy + s * 0.85], fill=main, **ol)
        draw.ellipse([cx - s * 0.7, cy - s * 0.7, cx + s * 0.7, cy + s * 0.7], fill=light)
        for k in range(12):
            a = k * math.pi / 6
            draw.line([(cx + math.cos(a) * s * 0.58, cy + math.sin(a) * s * 0.58),
                       (cx + math.cos(a) * s * 0.68, cy + math.sin(a) * s * 0.68)], fill=ink, width=max(2, line))
        draw.line([(cx, cy), (cx + s * 0.35, cy - s * 0.3)], fill=accent, width=max(3, line + 1))
        draw.line([(cx, cy), (cx - s * 0.05, cy - s * 0.55)], fill=ink, width=max(2, line))
    elif shape == "bottle":
        draw.rounded_rectangle([cx - s * 0.4, cy - s * 0.3, cx + s * 0.4, cy + s], radius=s * 0.15, fill=main, **ol)
        draw.rectangle([cx - s * 0.15, cy - s * 0.85, cx + s * 0.15, cy - s * 0.3], fill=main, **ol)
        draw.rectangle([cx - s * 0.18, cy - s, cx + s * 0.18, cy - s * 0.85], fill=accent, **ol)
        draw.rectangle([cx - s * 0.4, cy + s * 0.1, cx + s * 0.4, cy + s * 0.5], fill=light)
    elif shape == "ring":
        draw.ellipse([cx - s * 0.7, cy - s * 0.5, cx + s * 0.7, cy + s * 0.7], outline=accent, width=max(6, int(s * 0.16)))
        draw.polygon([(cx - s * 0.2, cy - s * 0.55), (cx + s * 0.2, cy - s * 0.55), (cx, cy - s * 0.9)],
                     fill=mix(accent, (255, 255, 255), 0.6), **ol)
    elif shape == "knife":
        draw.polygon([(cx - s * 0.1, cy - s * 0.12), (cx + s, cy - s * 0.05), (cx - s * 0.1, cy + s * 0.15)], fill=light, **ol)
        draw.rounded_rectangle([cx - s, cy - s * 0.1, cx - s * 0.1, cy + s * 0.12], radius=s * 0.05, fill=main, **ol)
    elif shape == "kite":
        # A diamond on two spars with a tail of bows: the silhouette every child draws.
        top, right, bottom, left = (cx, cy - s), (cx + s * 0.62, cy - s * 0.35), (cx, cy + s * 0.75), (cx - s * 0.62, cy - s * 0.35)
        draw.polygon([top, right, (cx, cy - s * 0.35)], fill=accent)
        draw.polygon([top, left, (cx, cy - s * 0.35)], fill=main)
        draw.polygon([left, bottom, (cx, cy - s * 0.35)], fill=shade(accent, 0.75))
        draw.polygon([right, bottom, (cx, cy - s * 0.35)], fill=light)
        draw.polygon([top, right, bottom, left], outline=ink, width=max(2, line))
        draw.line([top, bottom], fill=ink, width=max(2, line))
        draw.line([left, right], fill=ink, width=max(2, line))
        # The tail trails off to the side so the name label below stays clear.
        tail = [(cx + k * s * 0.2, cy + s * 0.75 + math.sin(k * 1.4) * s * 0.1) for k in range(6)]
        draw.line([bottom] + tail, fill=ink, width=max(2, line // 2 + 1))
        for bx, by in tail[1::2]:
            draw.polygon([(bx - s * 0.08, by - s * 0.06), (bx + s * 0.08, by + s * 0.06), (bx + s * 0.08, by - s * 0.06),
                          (bx - s * 0.08, by + s * 0.06)], fill=accent)
    elif shape in PAINTERS:
        PAINTERS[shape](draw, cx, cy, s, main, accent, ink, line)
    else:
        draw.polygon([(cx - s * 0.8, cy - s * 0.3), (cx, cy - s * 0.7), (cx + s * 0.8, cy - s * 0.3), (cx, cy + s * 0.1)],
                     fill=light, **ol)
        draw.polygon([(cx - s * 0.8, cy - s * 0.3), (cx, cy + s * 0.1), (cx, cy + s * 0.8), (cx - s * 0.8, cy + s * 0.4)],
                     fill=main, **ol)
        draw.polygon([(cx + s * 0.8, cy - s * 0.3), (cx, cy + s * 0.1), (cx, cy + s * 0.8), (cx + s * 0.8, cy + s * 0.4)],
                     fill=shade(main, 0.7), **ol)
    label = name.upper()
    typeface = fit_font(label, size * 1.6, max(12, int(size * 0.16)), bold=True)
    tw = typeface.getlength(label)
    ty = cy + s * 1.08
    draw.rounded_rectangle([cx - tw / 2 - 10, ty - 4, cx + tw / 2 + 10, ty + typeface.size + 8], radius=6,
                           fill=alpha(shade(ink, 0.6), 0.75))
    draw.text((cx - tw / 2, ty), label, font=typeface, fill=label_color)
    return cx - s * 1.1, cy - s * 1.2, cx + s * 1.15, ty + typeface.size + 8
