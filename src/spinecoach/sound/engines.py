"""Choosing and setting up a QTextToSpeech engine: shared by SpineCoach and its speech helper.

The same rules apply wherever an engine is made: in SpineCoach's own process (local engines) or
in the helper process that runs the slow ones (speech_process.py). Both import this module and it
imports neither, so the two sides of the speech helper never import each other. QtTextToSpeech
itself is imported only inside the functions that touch an engine: it takes 0.15-0.2 s to load
and a session may never speak.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QLocale

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

MOCK_ENGINE: Final = "mock"  # Qt's test engine: speaks nothing, never chosen unless asked for

#: Engines run in a process of their own (sound/speech_process.py): Qt's speechd engine lists all
#: of speech-dispatcher's voices as it is made (1.2-2.6 s), holding Python's GIL throughout, so
#: neither the GUI thread nor a worker thread of ours could make it without freezing the window.
SLOW_ENGINES: Final = frozenset({"speechd"})


def engine_candidates(
    requested: str | None, available: Sequence[str], platform: str = sys.platform
) -> list[str]:
    """The speech engines to try, best first; "" stands for Qt's own choice on this platform.

    An engine asked for by name is the only candidate. Otherwise Linux prefers speechd
    (speech-dispatcher), other platforms take Qt's default, and every other installed engine
    follows as a fallback. The mock engine is never picked on its own.
    """
    if requested is not None:
        return [requested]
    real = [name for name in available if name != MOCK_ENGINE]
    if not real:
        return []
    if platform.startswith("linux") and "speechd" in real:
        return ["speechd", *(name for name in real if name != "speechd")]
    return ["", *real]


#: Words that name a territory in voice names (espeak-ng calls en_US "English (America)").
_TERRITORY_WORDS: Final[dict[QLocale.Country, tuple[str, ...]]] = {
    QLocale.Country.UnitedStates: ("america", "united states", "us"),
    QLocale.Country.UnitedKingdom: ("great britain", "british", "united kingdom", "uk"),
}


def preferred_voice(names: Sequence[str], territory: QLocale.Country) -> str | None:
    """The voice to speak with: one named for the territory, plain before variants.

    Speech engines list every voice of a language together, so the first one is often an
    accent the person did not ask for (speechd's first English voice is Caribbean). A name
    that mentions the locale's territory wins; "+variant" voices (espeak-ng's pitch and timbre
    variations) come after the plain ones.
    """
    if not names:
        return None
    words = _TERRITORY_WORDS.get(territory, ())

    def rank(name: str) -> tuple[int, int, int]:
        # "English (Great Britain)+Adam" -> " english great britain adam "
        spaced = "".join(c if c.isalnum() else " " for c in name.casefold())
        padded = f" {' '.join(spaced.split())} "
        named = any(f" {word} " in padded for word in words)
        return (0 if named else 1, 1 if "+" in name else 0, names.index(name))

    return min(names, key=rank)


def choose_locale(wanted: QLocale, offered: Sequence[QLocale]) -> QLocale | None:
    """The offered locale to speak in: one of the wanted language; None if there is none.

    Within the language the wanted territory wins, then the alphabetically first locale. The C
    (POSIX) locale has no language: it means English, preferably American then British. There
    is no fallback to another language: the cues are written in the wanted one, and English
    read by a German voice, or German by an English one, is worse than the captions alone.
    """
    language = wanted.language()
    territories = [wanted.territory()]
    if language in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        language = QLocale.Language.English
        territories = [QLocale.Country.UnitedStates, QLocale.Country.UnitedKingdom]
    same = sorted((loc for loc in offered if loc.language() == language), key=QLocale.name)
    for territory in territories:
        for loc in same:
            if loc.territory() == territory:
                return loc
    return same[0] if same else None


def language_name(locale: QLocale) -> str:
    """The language of `locale` as its speakers write it ("Deutsch"); English for C."""
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return "English"
    return locale.nativeLanguageName() or QLocale.languageToString(locale.language())


def no_voice_reason(locale: QLocale) -> str:
    """Why an engine does not speak the cues: it has no voice of their language (translated)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "SpeechEngine", "the speech engine has no voice for {language}"
    ).format(language=language_name(locale))


def engine_unusable(engine: QTextToSpeech, name: str) -> str:
    """Why a freshly made engine cannot speak the cues ("" when it can)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if engine.engine() == MOCK_ENGINE and name != MOCK_ENGINE:
        return "it is Qt's silent test engine"  # what Qt falls back to when nothing else loads
    if (
        engine.state() == QTextToSpeech.State.Error
        and engine.errorReason() != QTextToSpeech.ErrorReason.NoError
    ):
        return engine.errorString() or "it reported an error"
    return ""


def configure_voice(engine: QTextToSpeech, wanted: QLocale, volume: int) -> bool:
    """Give a ready engine the language of the texts, its best voice there, and the volume.

    False, with nothing changed, when the engine has no voice of that language.
    """
    target = choose_locale(wanted, engine.availableLocales())
    if target is None:
        return False
    if target != engine.locale():
        engine.setLocale(target)
    voices = engine.availableVoices()
    if voices:
        names = [voice.name() for voice in voices]
        best = preferred_voice(names, engine.locale().territory())
        if best is not None and engine.voice().name() != best:
            engine.setVoice(voices[names.index(best)])
    engine.setVolume(volume / 100)
    return True


def stop_speaking(engine: QTextToSpeech) -> None:
    """Stop `engine` if it is saying (or about to say) something."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if engine.state() in (
        QTextToSpeech.State.Speaking,
        QTextToSpeech.State.Paused,
        QTextToSpeech.State.Synthesizing,
    ):
        engine.stop()
