"""SpineCoach: short, gentle exercise sessions for people with back pain, from the system tray."""

__version__ = "0.1.0"
