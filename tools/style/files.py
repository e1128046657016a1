"""The style bible on disk: bible.json for machines, bible.md and palette.png for people."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from graph.state import StyleBible
from tools.atomic import write_bytes, write_json, write_text
from tools.previs.paint import fit_font, font, luma, rgb
from tools.style.harmony import hex_oklch

SWATCH = 180


def write_bible(bible: StyleBible, folder: Path) -> list[Path]:
    """Write bible.json, bible.md and palette.png into folder; returns the paths."""
    folder = Path(folder)
    return [
        write_json(folder / "bible.json", bible.model_dump(mode="json")),
        write_text(folder / "bible.md", bible_markdown(bible)),
        write_bytes(folder / "palette.png", png_bytes(palette_image(bible))),
    ]


def bible_markdown(bible: StyleBible) -> str:
    """The bible as a page a crew member reads before a shoot."""
    lines = [
        f"# Style bible: {bible.name}", "",
        bible.description, "",
        "## Colour system", "",
        f"Harmony: **{bible.harmony}**. Warm/cool: {bible.warm_cool}.", "",
        "![palette swatches](palette.png)", "",
        "| role | hex | OKLCh (L, C, h) | reads as |", "|---|---|---|---|",
    ]
    for color in bible.palette:
        lightness, chroma, hue = hex_oklch(color.hex)
        lines.append(f"| {color.role} | `{color.hex}` | {lightness:.2f}, {chroma:.3f}, {hue:.0f}° "
                     f"| {describe_color(lightness, chroma, hue)} |")
    lines += [
        "",
        "## Medium and texture", "",
        f"- Medium: {bible.medium}",
        f"- Texture: {bible.texture}",
        f"- Grain: {bible.grain:.2f}",
        f"- Line weight: {bible.line_weight} px at 720p" + (" (no outlines)" if bible.line_weight == 0 else ""),
        "", "## Light and lens", "",
        f"- Lighting: {bible.lighting.replace('_', ' ')}, key:fill {bible.key_fill_ratio:g}:1",
        f"- Lens: {bible.lens_look}", "",
    ]
    return "\n".join(lines)


HUE_NAMES = ((20, "red"), (45, "red-orange"), (70, "orange"), (100, "yellow"), (130, "yellow-green"),
             (165, "green"), (200, "teal"), (240, "cyan-blue"), (275, "blue"), (310, "violet"),
             (345, "magenta"), (360, "red"))


def describe_color(lightness: float, chroma: float, hue: float) -> str:
    """A colour in words ("dark muted teal"), so the table reads without the image."""
    tone = "very dark" if lightness < 0.3 else "dark" if lightness < 0.5 else "light" if lightness > 0.75 else "mid"
    if chroma < 0.025:
        return f"{tone} neutral grey"
    strength = "muted" if chroma < 0.08 else "rich" if chroma < 0.16 else "vivid"
    name = next(label for limit, label in HUE_NAMES if hue < limit)
    return f"{tone} {strength} {name}"


def palette_image(bible: StyleBible) -> Image.Image:
    """Swatches side by side, each labelled with its role and hex."""
    count = len(bible.palette)
    width, height = SWATCH * count, SWATCH + 70
    sheet = Image.new("RGB", (width, height), (245, 243, 238))
    draw = ImageDraw.Draw(sheet)
    title = fit_font(f"{bible.name} · {bible.harmony} · {bible.lighting}", width - 20, 18, bold=True)
    draw.text((10, 8), f"{bible.name} · {bible.harmony} · {bible.lighting}", font=title, fill=(30, 30, 34))
    for index, color in enumerate(bible.palette):
        x0, y0 = index * SWATCH, 36
        fill = rgb(color.hex)
        draw.rectangle([x0 + 4, y0, x0 + SWATCH - 4, y0 + SWATCH - 4], fill=fill)
        ink = (20, 20, 24) if luma(fill) > 0.55 else (245, 245, 240)
        draw.text((x0 + 12, y0 + SWATCH - 52), color.role, font=font(17, bold=True), fill=ink)
        draw.text((x0 + 12, y0 + SWATCH - 28), color.hex, font=font(15), fill=ink)
    return sheet


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
