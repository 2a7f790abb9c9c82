"""How the themes' colours are measured for reading: WCAG contrast, and the pairs to measure.

`TEXT_PAIRS` names every pair of `Theme` tokens the stylesheet and the views put text on; a
test measures each in every theme with `contrast_ratio`. Apart from `theme` because start-up
needs none of it: only the tests and whoever adds a colour pair do.
"""

from __future__ import annotations

#: Every (text, background) pair of tokens the stylesheet and the views put text on, and where.
TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("text", "window", "body text on the window and dialogs"),
    ("text", "surface", "lists, cards, fields, the session log"),
    ("text", "surface_alt", "alternate rows, dose boxes"),
    ("text", "accent_soft", "chips, the current step, hovered and selected items"),
    ("text", "danger_bg", "red-flag boxes"),
    ("muted", "window", "secondary lines on the window (hints, next up, captions)"),
    ("muted", "surface", "secondary lines in cards, table headers, chart axes"),
    ("muted", "surface_alt", "secondary lines on alternate rows"),
    ("muted", "sidebar", "the sidebar's area buttons"),
    ("accent", "window", "the phase word"),
    ("accent", "sidebar", "the app's name in the sidebar"),
    ("accent", "accent_soft", "the Desk and Floor badges in the Library"),
    ("accent_text", "accent", "primary, checked and selected controls"),
    ("caution_text", "caution_bg", "cautions and notices"),
    ("danger", "danger_bg", '"This hurts" and red-flag headings'),
    ("danger", "window", "errors beside a field"),
    ("disabled", "surface_alt", "disabled buttons and fields (a primary one loses its colour)"),
    ("disabled", "window", "disabled check boxes and labels"),
)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a "#RRGGBB" colour (0 black to 1 white)."""
    channels = []
    for start in (1, 3, 5):
        value = int(colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two "#RRGGBB" colours, 1 to 21 (order does not matter)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
