"""The desktop around SpineCoach: idle time, full-screen, single instance, start on login.

One small provider per platform behind one interface; nothing here draws a widget.
"""
