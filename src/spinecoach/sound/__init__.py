"""Sound and speech: the session's cue tones and spoken cues, and the reminder chime.

One room for everything SpineCoach makes audible, so a newcomer finds it in one place:
cue_player.CuePlayer (what the session plays) and reminder_chime.ReminderChime load their tones
through one tones.ToneBank; spoken cues go through one voice.Voice, whichever engine is behind
it. Nothing here imports the UI; Qt Multimedia and QtTextToSpeech are loaded only when first
needed.
"""

#: The first argument that makes SpineCoach's own executable run the speech helper instead of the
#: app: a PyInstaller bundle has no `python -m` (speech_process.helper_command, app.startup.main).
SPEECH_HELPER_FLAG = "--speech-helper"
