"""The application layer: start-up (`startup`) and composition (`composition`).

The only package that knows every other: it builds the parts once and passes each its
dependencies. `areas` builds each area of the window, `data_file` opens the data file through
one entry point, `looks` owns the theme, `tray_and_reminders` wires the reminders to the desktop.
"""

from spinecoach.app.composition import Application, build, compose
from spinecoach.app.startup import main, on_first_paint, start_running

__all__ = ["Application", "build", "compose", "main", "on_first_paint", "start_running"]
