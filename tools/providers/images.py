"""The images role: who draws a storyboard frame.

Every provider answers the same `ImageRequest` with a `RenderedFrame`, so the
storyboard stage does not care whether frames come from the offline previs
renderer or an image model. The prompt carries the locked style and each
character's locked features, so a model provider sees the same continuity
the previs renderer enforces by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from graph.state import CharacterProfile, Scene, Shot, StyleBible
from tools.previs.figures import signature
from tools.previs.framing import in_shot, ots_foreground
from tools.previs.paint import to_hex
from tools.previs.render import RenderedFrame, render_frame

SIZE_WORDS = {
    "EWS": "extreme wide shot, figures tiny in the landscape", "WS": "wide shot, full figures head to toe",
    "MWS": "medium wide shot, knees up", "MS": "medium shot, waist up", "MCU": "medium close-up, chest up",
    "CU": "close-up on the face", "ECU": "extreme close-up, the face fills the frame",
    "OTS": "over-the-shoulder shot", "POV": "point-of-view shot", "TWO": "two-shot, both characters waist up",
    "INSERT": "insert shot of the object, no people",
}
ANGLE_WORDS = {"eye": "eye-level camera", "high": "high angle looking down", "low": "low angle looking up",
               "birds_eye": "bird's-eye view from straight above", "worms_eye": "worm's-eye view from the ground",
               "dutch": "dutch angle, the horizon tilted"}


@dataclass(frozen=True)
class ImageRequest:
    """Everything a provider needs to draw one frame."""

    shot: Shot
    scene: Scene
    style: StyleBible
    cast: list[CharacterProfile]
    size: tuple[int, int] = (1280, 720)
    variant: int = 0
    seed: int = 0
    prompt: str = ""  # built with build_image_prompt when empty
    reference_images: list[str] = field(default_factory=list)  # paths of character sheets / earlier frames

    def full_prompt(self) -> str:
        return self.prompt or build_image_prompt(self.shot, self.scene, self.style, self.cast)


@runtime_checkable
class ImagesProvider(Protocol):
    """Draws storyboard frames; model providers (OpenAI, Gemini) implement the same call."""

    name: str

    def generate(self, request: ImageRequest) -> RenderedFrame: ...


class PrevisImages:
    """The offline provider: the procedural previs renderer."""

    name = "previs"

    def generate(self, request: ImageRequest) -> RenderedFrame:
        return render_frame(request.shot, request.scene, request.style, request.cast,
                            size=request.size, variant=request.variant, seed=request.seed)


def build_image_prompt(shot: Shot, scene: Scene, style: StyleBible, cast: list[CharacterProfile]) -> str:
    """An image-model prompt with the locked style and every character's locked features."""
    people = in_shot(shot, cast)
    lines = [
        f"Storyboard frame, {SIZE_WORDS[shot.size]}, {ANGLE_WORDS[shot.angle]}, {shot.lens_mm} mm lens.",
        f"Scene: {scene.heading}. {'Interior' if scene.interior else 'Exterior'}, {scene.time_of_day.lower()}.",
    ]
    if shot.description:
        lines.append(f"Action: {shot.description}")
    if shot.size == "INSERT":
        lines.append(f"Show the {', '.join(shot.props or shot.subjects) or 'object'} large, filling the frame.")
    if shot.size == "POV" and shot.subjects:
        lines.append(f"Seen through the eyes of {shot.subjects[0]}; {shot.subjects[0]} is not in frame.")
    foreground = ots_foreground(shot, people)
    if foreground is not None:
        lines.append(f"Over {foreground.name}'s shoulder, {foreground.name} seen from behind in the foreground.")
    palette = ", ".join(f"{c.role} {c.hex}" for c in style.palette)
    lines += [
        f"LOCKED STYLE '{style.name}': {style.medium}; {style.texture or 'no added texture'}; "
        f"grain {style.grain:.2f}; line weight {style.line_weight} px.",
        f"Palette ({style.harmony} harmony, {style.warm_cool or 'balanced'}): {palette}. Use only these colours.",
        f"Lighting: {style.lighting.replace('_', ' ')}, key:fill {style.key_fill_ratio:g}:1. Lens look: {style.lens_look}.",
    ]
    for profile in people:
        lines.append(_character_line(profile, shot))
    lines.append("No text, captions or watermarks in the image.")
    return "\n".join(lines)


def _character_line(profile: CharacterProfile, shot: Shot) -> str:
    body, head = signature(profile)
    side = shot.screen_side.get(profile.name)
    features = [
        f"silhouette {profile.silhouette}",
        f"age {profile.age}" if profile.age else "",
        f"build {profile.build}" if profile.build else "",
        f"face {profile.face}" if profile.face else "",
        f"hair {profile.hair}" if profile.hair else "",
        f"wardrobe {profile.wardrobe}" if profile.wardrobe else "",
        f"signature colours body {to_hex(body)}, head/hair {to_hex(head)}",
        f"carries {', '.join(profile.props)}" if profile.props else "",
        f"frame {side}" if side else "",
    ]
    return f"CHARACTER {profile.name} (locked, identical in every frame): " + "; ".join(f for f in features if f) + "."
