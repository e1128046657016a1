"""What the crew prints: the shot list as a spreadsheet and the storyboard as a PDF.

The storyboard lays out six panels a page (A4 landscape), each a frame with
its shot number, size, move, length and dialogue under it, the way a board
is pinned up in a production office. A shot without a frame yet gets an empty
panel carrying its description so the board still reads as the whole film.
DejaVu Sans (shipped by matplotlib) is embedded so any script's dialogue prints.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone
from pathlib import Path

import matplotlib
from fpdf import FPDF
from PIL import Image

from graph.state import Shot, ShotList
from tools.atomic import write_bytes, write_text
from tools.errors import BadInput

CSV_COLUMNS = ("scene", "shot", "size", "angle", "movement", "lens", "duration", "subjects",
               "description", "dialogue", "notes")

_FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
_PAGE_W, _PAGE_H, _MARGIN = 297.0, 210.0, 10.0
_COLS, _ROWS, _GUTTER = 3, 2, 6.0
_HEADER_H = 12.0
_CAPTION_H = 36.0


def write_shotlist_csv(shotlist: ShotList, path: Path) -> Path:
    """Write the shot list as a CSV a 1st AD can open in any spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for shot in shotlist.shots:
        writer.writerow([shot.scene, shot.id, shot.size, shot.angle, shot.movement, shot.lens_mm,
                         f"{shot.duration_s:g}", "; ".join(shot.subjects), shot.description,
                         shot.dialogue or "", shot.notes])
    return write_text(path, buffer.getvalue())


class _Board(FPDF):
    """A4 landscape storyboard with the film's title and page numbers."""

    def __init__(self, title: str):
        super().__init__(orientation="L", unit="mm", format="A4")
        # A fixed date: the same storyboard gives the same bytes (content caches and diffs rely on it).
        self.set_creation_date(datetime(2000, 1, 1, tzinfo=timezone.utc))
        self.board_title = title
        self.add_font("DejaVu", "", str(_FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(_FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVu", "I", str(_FONT_DIR / "DejaVuSans-Oblique.ttf"))
        self.set_auto_page_break(False)
        self.set_title(title or "Storyboard")
        self.set_creator("filmcrew")

    def header(self) -> None:
        self.set_font("DejaVu", "B", 12)
        self.set_xy(_MARGIN, _MARGIN - 2)
        self.cell(0, 8, self.board_title or "Storyboard")

    def footer(self) -> None:
        self.set_font("DejaVu", "", 8)
        self.set_xy(_MARGIN, _PAGE_H - _MARGIN + 2)
        self.cell(_PAGE_W - 2 * _MARGIN, 5, f"{self.page_no()}", align="R")

    def wrap(self, text: str, width: float, max_lines: int) -> list[str]:
        """Word-wrap to the panel width, ending with an ellipsis when text is cut."""
        lines: list[str] = []
        for paragraph in text.splitlines() or [""]:
            current = ""
            for word in paragraph.split():
                trial = f"{current} {word}".strip()
                if self.get_string_width(trial) <= width:
                    current = trial
                    continue
                if current:
                    lines.append(current)
                current = word
                while self.get_string_width(current) > width and len(current) > 1:
                    current = current[:-1]
            lines.append(current)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            last = lines[-1]
            while last and self.get_string_width(last + " …") > width:
                last = last[:-1]
            lines[-1] = last.rstrip() + " …"
        return lines


def _frame_size(path: str) -> tuple[int, int] | None:
    try:
        with Image.open(path) as img:
            img.verify()
        with Image.open(path) as img:
            return img.size
    except Exception:  # any unreadable file is drawn as a missing frame, not an error
        return None


# Head radius (mm in a ~88 mm panel) for each size, so an empty panel still reads as wide or tight.
_HEAD_MM = {"EWS": 1.2, "WS": 2.0, "MWS": 3.0, "MS": 4.5, "TWO": 4.0, "OTS": 6.0, "POV": 3.0,
            "MCU": 7.0, "CU": 9.0, "ECU": 12.0, "INSERT": 8.0}


def _draw_blocking(pdf: _Board, shot: Shot, x: float, y: float, w: float, h: float) -> None:
    """Sketch where each subject sits in frame (screen side, size) in place of a missing frame."""
    if not shot.subjects:
        # Nobody to place: the panel carries what the frame should show instead.
        pdf.set_font("DejaVu", "", 8)
        for k, line in enumerate(pdf.wrap(shot.description or "(no description)", w - 6, 6)):
            pdf.set_xy(x + 3, y + 1 + 4.2 * k)
            pdf.cell(w - 6, 4.2, line)
        return
    r = _HEAD_MM.get(shot.size, 4.0)
    unsided = [s for s in shot.subjects if s not in shot.screen_side]
    pdf.set_font("DejaVu", "", 7)
    for subject in shot.subjects:
        side = shot.screen_side.get(subject)
        if side:
            cx = x + w * (0.3 if side == "left" else 0.7)
        else:  # props and unplaced people spread evenly across frame
            cx = x + w * (unsided.index(subject) + 1) / (len(unsided) + 1)
        cy = y + h * 0.45
        if subject in shot.props:
            pdf.set_fill_color(200, 170, 90)
            pdf.rect(cx - r, cy - r * 0.6, 2 * r, 1.2 * r, style="DF")
        else:
            pdf.set_fill_color(120, 120, 130)
            pdf.ellipse(cx - r, cy - r, 2 * r, 2 * r, style="DF")
            pdf.rect(cx - 1.4 * r, cy + r * 1.1, 2.8 * r, min(h * 0.5 - r * 1.1, 3 * r), style="DF")
        pdf.set_xy(cx - 20, max(y, cy - r - 4.5))
        pdf.cell(40, 3.5, subject, align="C")


PANEL_DPI = 200


def _panel_jpeg(frame: str, width_mm: float) -> io.BytesIO:
    """The frame at print resolution for its panel, as JPEG: fpdf embeds JPEG as is, while a
    full-size PNG is re-compressed pixel by pixel (the slow part of a storyboard PDF)."""
    with Image.open(frame) as opened:
        image = opened.convert("RGB")
    width_px = max(64, round(width_mm / 25.4 * PANEL_DPI))
    if image.width > width_px:
        image = image.resize((width_px, round(image.height * width_px / image.width)), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    buffer.seek(0)
    return buffer


def _draw_frame(pdf: _Board, shot: Shot, frame: str | None, x: float, y: float, w: float, h: float) -> None:
    size = _frame_size(frame) if frame else None
    if size:
        fw, fh = size
        scale = min(w / fw, h / fh)
        iw, ih = fw * scale, fh * scale
        pdf.set_fill_color(20, 20, 20)
        pdf.rect(x, y, w, h, style="F")
        pdf.image(_panel_jpeg(frame, iw), x + (w - iw) / 2, y + (h - ih) / 2, iw, ih)
        pdf.rect(x, y, w, h)
        return
    # No frame yet: an empty panel that still says what the shot is.
    pdf.set_fill_color(240, 240, 240)
    pdf.rect(x, y, w, h, style="DF")
    pdf.set_font("DejaVu", "B", 9)
    subject = ", ".join(shot.subjects) or "no subject"
    pdf.set_xy(x + 3, y + 3)
    pdf.cell(w - 6, 5, f"{shot.size} · {subject}")
    _draw_blocking(pdf, shot, x, y + 9, w, h - 16)
    pdf.set_font("DejaVu", "I", 7)
    pdf.set_xy(x + 3, y + h - 6)
    pdf.cell(w - 6, 4, "frame not drawn yet", align="R")


def _draw_caption(pdf: _Board, shot: Shot, x: float, y: float, w: float) -> None:
    pdf.set_font("DejaVu", "B", 9)
    pdf.set_xy(x, y + 1)
    move = shot.movement.replace("_", " ")
    pdf.cell(w, 5, f"{shot.id}   {shot.size} · {shot.angle} · {move} · {shot.lens_mm} mm · {shot.duration_s:g} s")
    row = y + 6.5
    pdf.set_font("DejaVu", "", 7.5)
    for line in pdf.wrap(shot.description, w, 2):
        pdf.set_xy(x, row)
        pdf.cell(w, 3.8, line)
        row += 3.8
    if shot.dialogue:
        pdf.set_font("DejaVu", "I", 7.5)
        budget = max(1, int((y + _CAPTION_H - row) // 3.8) - (1 if shot.notes else 0))
        for line in pdf.wrap(shot.dialogue, w, budget):
            pdf.set_xy(x, row)
            pdf.cell(w, 3.8, line)
            row += 3.8
    if shot.notes:
        pdf.set_font("DejaVu", "", 7)
        pdf.set_text_color(150, 30, 30)
        pdf.set_xy(x, min(row, y + _CAPTION_H - 3.8))
        pdf.cell(w, 3.8, pdf.wrap("note: " + shot.notes.replace("\n", "; "), w, 1)[0])
        pdf.set_text_color(0, 0, 0)


def write_storyboard_pdf(shotlist: ShotList, frame_paths: dict[str, str], path: Path,
                         title: str = "") -> Path:
    """Lay out every shot as a storyboard panel, six a page; missing frames drawn as empty panels."""
    if not shotlist.shots:
        raise BadInput("the shot list is empty: there is no storyboard to print")
    pdf = _Board(title)
    panel_w = (_PAGE_W - 2 * _MARGIN - (_COLS - 1) * _GUTTER) / _COLS
    frame_h = panel_w * 9 / 16
    per_page = _COLS * _ROWS
    for n, shot in enumerate(shotlist.shots):
        if n % per_page == 0:
            pdf.add_page()
        slot = n % per_page
        col, row = slot % _COLS, slot // _COLS
        x = _MARGIN + col * (panel_w + _GUTTER)
        y = _MARGIN + _HEADER_H + row * (frame_h + _CAPTION_H + _GUTTER / 2)
        pdf.set_draw_color(60, 60, 60)
        _draw_frame(pdf, shot, frame_paths.get(shot.id), x, y, panel_w, frame_h)
        _draw_caption(pdf, shot, x, y + frame_h, panel_w)
    return write_bytes(path, bytes(pdf.output()))
