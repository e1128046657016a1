"""A small cast on a lighthouse shore and in a kitchen, with a plain and a moody style."""

from __future__ import annotations

from graph.state import CharacterProfile, PaletteColor, Scene, Shot, StyleBible


def plain_style(lighting: str = "natural_soft", grain: float = 0.0, line_weight: int = 0) -> StyleBible:
    """A daylight bible with no grain, so pixel colours stay close to the paint."""
    palette = [("key", "#6f8fa8"), ("shadow", "#243040"), ("highlight", "#eef0ea"), ("accent", "#d0703a"),
               ("sky", "#9cc0dc"), ("ground", "#6d7a4a"), ("skin", "#d2a07f")]
    return StyleBible(name="plain daylight", palette=[PaletteColor(role=r, hex=h) for r, h in palette],
                      harmony="complementary", medium="2D animation", grain=grain, line_weight=line_weight,
                      lighting=lighting, key_fill_ratio=2.0)


ELIAS = CharacterProfile(name="ELIAS", age="60s", build="broad", hair="grey", wardrobe="yellow oilskin coat",
                         signature_colors=["#e0b020", "#9a9a9a"])
MAYA = CharacterProfile(name="MAYA", age="10", silhouette="child", wardrobe="red raincoat",
                        signature_colors=["#c03030", "#2a1a10"])
BOLT = CharacterProfile(name="BOLT", silhouette="robot", signature_colors=["#4a7ab0", "#d0d4da"])
REX = CharacterProfile(name="REX", silhouette="animal", signature_colors=["#8a5a30", "#3a2a1a"])
CAST = [ELIAS, MAYA, BOLT, REX]

SHORE = Scene(index=1, heading="EXT. ROCKY SHORE - NIGHT", location="ROCKY SHORE", interior=False, time_of_day="NIGHT")
SHORE_DAY = Scene(index=1, heading="EXT. ROCKY SHORE - DAY", location="ROCKY SHORE", interior=False, time_of_day="DAY")
KITCHEN = Scene(index=2, heading="INT. KITCHEN - DAY", location="KITCHEN", interior=True, time_of_day="DAY")


def shot(size: str = "WS", angle: str = "eye", subjects=("ELIAS",), sides=None, shot_id: str = "1.1", **extra) -> Shot:
    return Shot(id=shot_id, scene=int(shot_id.split(".")[0]), size=size, angle=angle, duration_s=3.0,
                subjects=list(subjects), screen_side=dict(sides or {}), **extra)
