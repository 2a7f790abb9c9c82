"""The colours of a drawing, one palette per theme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Palette:
    """Colours of one theme.

    ``background`` is the colour the drawing will be shown on.  The SVG itself stays
    transparent, but limbs in front of the body get a thin outline in this colour so a hand on a
    knee or an arm across the chest stays readable.
    """

    name: str
    background: str
    body: str
    far: str
    prop: str
    prop_fill: str
    accent: str
    ghost_opacity: float


LIGHT: Final = Palette(
    name="light",
    background="#FFFFFF",
    body="#2F6F8F",
    far="#9DBFD0",
    prop="#C9D3DA",
    prop_fill="#EAEFF2",
    accent="#E0893E",
    ghost_opacity=0.22,
)
"""Default palette: the committed SVGs use it; shown on the light theme's white surfaces."""

DARK: Final = Palette(
    name="dark",
    background="#1C2429",
    body="#8CC7E0",
    far="#4A6E80",
    prop="#44535D",
    prop_fill="#26313A",
    accent="#F0A661",
    ghost_opacity=0.22,
)
"""Dark-theme palette: a light figure on the dark theme's surface colour.

Every colour differs from every LIGHT colour, so the UI can recolour a committed SVG by plain
string replacement (LIGHT.x -> DARK.x) without one replacement feeding the next.
"""
