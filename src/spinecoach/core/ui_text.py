"""Marks the core's English words that the Qt interface shows, so Qt's tools can find them.

The core never imports Qt, yet a few of its declarations are shown word for word in the window:
a setting's label, description and unit, and the name of its group. `QT_TRANSLATE_NOOP` here
has the name and signature `pyside6-lupdate` looks for, so `make translations` extracts these
texts into the `.ts` files under their context; the interface translates them where it shows
them (`QCoreApplication.translate(context, text)`). In the core it returns the text unchanged:
the core's own sentences (safety texts, cues, pain advice) are translated by `core.messages`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """`text`, unchanged: the call only marks it for extraction under `context`."""
    del context
    return text
