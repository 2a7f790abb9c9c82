"""The desktop around SpineCoach: idle time, full-screen and do-not-disturb, single instance,
start on login. One small provider per platform behind one interface; no widgets."""
