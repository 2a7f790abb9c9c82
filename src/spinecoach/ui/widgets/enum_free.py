"""Set Qt enum properties by name, for the widgets that paint before the first frame.

PySide builds all 93 enum classes of the `Qt` namespace the first time any one of them is
touched, which costs ~15 ms: a sixth of a bare window's start-up. The window shell therefore
names the few `Qt` values it needs as strings, which Qt's meta-object system resolves in C++.
Everything built after the first paint uses the enums normally.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum_property(target: QObject, name: str, key: str) -> None:
    """Set the enum property `name` of `target` to the value named `key` ("AlignCenter").

    Raises ValueError when Qt rejects it (no such property, or no such value), so a typo
    fails loudly instead of leaving the default.
    """
    if not target.setProperty(name, key):
        raise ValueError(f"{type(target).__name__}.{name} has no value named {key!r}")
