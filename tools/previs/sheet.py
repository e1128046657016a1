"""Character reference sheets: the turnaround a continuity supervisor pins on the wall.

Front, side and back views on a height grid, drawn with the very figure
function the frames use, beside the name, locked features and signature
swatches.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from graph.state import CharacterProfile, StyleBible
from tools.previs.figures import FigureLook, draw_figure, measure_figure
from tools.previs.paint import RGB, fit_font, font, mix, shade, to_hex

VIEWS = (("FRONT", "front"), ("SIDE", "profile"), ("BACK", "back"))


def draw_sheet(profile: CharacterProfile, style: StyleBible, size: tuple[int, int],
               palette: dict[str, RGB], colors: tuple[RGB, RGB]) -> Image.Image:
    width, height = size
    paper = mix(palette["highlight"], (246, 244, 238), 0.7)
    ink = mix(palette["shadow"], (20, 20, 24), 0.6)
    sheet = Image.new("RGB", size, paper)
    draw = ImageDraw.Draw(sheet, "RGBA")
    landscape = width >= height
    fig_w = width * (0.66 if landscape else 1.0)
    fig_h = height * (1.0 if landscape else 0.6)
    title = font(max(14, int(min(width, height) * 0.05)), bold=True)
    draw.text((width * 0.03, height * 0.025), profile.name, font=title, fill=ink)
    ground = height * 0.04 + title.size + (fig_h - title.size) * 0.86
    figure_height = (ground - title.size - height * 0.1) * 0.95
    # A long body (a dog, a broad robot) is scaled so each view keeps to its own column;
    # one scale for all three views, so the turnaround stays a turnaround.
    column = fig_w / len(VIEWS)
    widest = max(b[2] - b[0] for b in (measure_figure(profile, figure_height, facing, 1.0) for _, facing in VIEWS))
    figure_height *= min(1.0, column * 0.86 / widest) if widest > 0 else 1.0
    # height grid: the head-count lines a turnaround is drawn against
    for k in range(9):
        y = ground - figure_height * k / 8
        draw.line([(width * 0.02, y), (fig_w - width * 0.02, y)], fill=(*shade(paper, 0.86), 255), width=1)
    look = FigureLook(skin=palette["skin"], outline=ink, line_width=max(2, style.line_weight or 2),
                      shadow=0.12, key_side="left")
    label_font = font(max(10, int(min(width, height) * 0.025)), bold=True)
    for index, (label, facing) in enumerate(VIEWS):
        x = fig_w * (index + 0.5) / len(VIEWS)
        draw_figure(draw, profile, x, ground, figure_height, facing, 1.0, look)
        tw = label_font.getlength(label)
        draw.text((x - tw / 2, ground + height * 0.02), label, font=label_font, fill=ink)
    if landscape:
        left, top, text_w = fig_w + width * 0.01, height * 0.1, width - fig_w - width * 0.04
    else:
        left, top, text_w = width * 0.05, fig_h + height * 0.03, width * 0.9
    _features(draw, profile, colors, left, top, text_w, height, ink, paper)
    return sheet


def _features(draw, profile, colors, left, top, text_w, height, ink, paper):
    rows = [("age", profile.age), ("build", profile.build), ("face", profile.face), ("hair", profile.hair),
            ("wardrobe", profile.wardrobe), ("wears", ", ".join(profile.accessories)),
            ("props", ", ".join(profile.props)),
            ("silhouette", profile.silhouette), ("voice", profile.voice_notes)]
    body = font(max(10, int(height * 0.024)))
    bold = font(max(10, int(height * 0.024)), bold=True)
    y = top
    for key, value in rows:
        if not value:
            continue
        draw.text((left, y), key.upper(), font=bold, fill=shade(ink, 1.6))
        y += bold.size * 1.3
        for line in _wrap(str(value), body, text_w):
            draw.text((left, y), line, font=body, fill=ink)
            y += body.size * 1.25
        y += body.size * 0.5
    draw.text((left, y), "SIGNATURE COLOURS", font=bold, fill=shade(ink, 1.6))
    y += bold.size * 1.4
    swatch = max(18, int(height * 0.05))
    for role, color in zip(("body / wardrobe", "head / hair"), colors):
        draw.rectangle([left, y, left + swatch, y + swatch], fill=color, outline=ink, width=2)
        label = f"{to_hex(color)}  {role}"
        draw.text((left + swatch * 1.3, y + (swatch - body.size) / 2), label,
                  font=fit_font(label, text_w - swatch * 1.3, body.size), fill=ink)
        y += swatch * 1.3


def _wrap(text: str, typeface, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if typeface.getlength(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])
