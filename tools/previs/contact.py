"""Contact sheets: a scene's frames on one page, the way a storyboard wall is read."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from tools.atomic import temp_path_for

FONT = Path(__import__("matplotlib").get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def contact_sheet(frames: list[Path], out: Path, title: str = "", columns: int = 4, thumb_width: int = 400,
                  labels: list[str] | None = None) -> Path:
    """Lay frames out in a grid under a title; each thumbnail keeps its aspect and gets its label."""
    if not frames:
        raise ValueError("a contact sheet needs at least one frame")
    images = [Image.open(p).convert("RGB") for p in frames]
    w0, h0 = images[0].size
    tw, th = thumb_width, round(thumb_width * h0 / w0)
    cols = min(columns, len(images))
    rows = -(-len(images) // cols)
    pad, head, caption = 16, 48 if title else 0, 22
    sheet = Image.new("RGB", (pad + cols * (tw + pad), head + pad + rows * (th + caption + pad)), "#1b1b1f")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(str(FONT), 22)
    small = ImageFont.truetype(str(FONT), 15)
    if title:
        draw.text((pad, 12), title, fill="#f2f2f2", font=font)
    labels = labels or [p.parent.name if p.parent.name != "frames" else p.stem for p in frames]
    for i, (img, label) in enumerate(zip(images, labels)):
        x = pad + (i % cols) * (tw + pad)
        y = head + pad + (i // cols) * (th + caption + pad)
        sheet.paste(img.resize((tw, th), Image.LANCZOS), (x, y))
        draw.text((x, y + th + 3), label, fill="#c8c8c8", font=small)
    tmp = temp_path_for(out)
    sheet.save(tmp, format="PNG", compress_level=3)
    tmp.replace(out)
    return out
