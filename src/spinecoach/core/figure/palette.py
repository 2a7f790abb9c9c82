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

HIGH_CONTRAST: Final = Palette(
    name="contrast",
    background="#FEFEFE",
    body="#000000",
    far="#555555",
    prop="#6B6B6B",
    prop_fill="#F1F1F1",
    accent="#A34100",
    ghost_opacity=0.3,
)
"""High-contrast palette: a black figure on white, as the high-contrast theme draws text.

The far limbs are still told from the near ones (7.5:1 on white, the body 21:1), the props
and the direction arrows keep 4.5:1 and more. Like DARK, every colour differs from every
LIGHT colour ("#FEFEFE" is the white the drawing sits on), for the same string replacement.
"""

#: The drawing's palette for each theme, by the theme's name (ui/style/theme.Theme.name).
PALETTES: Final = {palette.name: palette for palette in (LIGHT, DARK, HIGH_CONTRAST)}
