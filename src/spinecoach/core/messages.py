"""The core's own words in any language: messages keyed by a stable id, English by default.

The safety texts, the pain advice, the player's phase words and spoken cues and the reminder
sentence are not in content files; each module declares them where it uses them:

    _REST = Message("timeline.cue.rest", "Rest")
    ...
    words.text(_REST)                       # "Rest", or "Pause" from a German catalog

The English text is the message's default and lives beside the code that says it, so English
needs no file and stays exactly what the tests assert. A translation is a catalog
(`resources/translations/<language>/core.toml`, read by `core.translation`) holding some or all
of the ids; a message it lacks is said in English. `Messages` is a plain value passed to whoever
speaks (`build_timeline(..., words)`, `safety_texts(words)`, ...), never a global.

Placeholders are `{name}` (`str.format_map`); a translation may use only the names its
message offers (checked when the catalog loads, so a typo cannot raise while a session plays).

Plurals are explicit: a counted message has a "one" and an "other" English form, and a catalog
gives the forms its language needs (`PLURAL_RULES`; English and German need one/other). Each
counted message offers `{n}`; the one form may leave it out ("eine Sekunde").
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

#: Every category a plural rule may answer, in CLDR's order.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def _one_other(count: int) -> str:
    return "one" if count == 1 else "other"


#: Which plural form a count takes, per base language. A language not listed uses one/other
#: (right for English, German, Dutch, the Scandinavian languages, Italian, Spanish...); Polish,
#: Russian, Czech, Arabic and others need their rule added here, with the forms it returns.
PLURAL_RULES: Mapping[str, Callable[[int], str]] = MappingProxyType(
    {"en": _one_other, "de": _one_other}
)

#: The forms each plural rule can return (what a catalog must give for a counted message).
PLURAL_FORMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"en": ("one", "other"), "de": ("one", "other")}
)


def plural_forms(language: str) -> tuple[str, ...]:
    """The plural forms a catalog in `language` ("de", "de_AT") must give a counted message."""
    return PLURAL_FORMS.get(base_language(language), ("one", "other"))


def base_language(language: str) -> str:
    """The language without its country: "de_AT" -> "de"."""
    return language.split("_", 1)[0]


@dataclass(frozen=True, slots=True)
class Message:
    """One thing the core says: a stable id, the English text, and for a count its plural.

    `english` is the text (for a counted message, the "one" form) and `english_other` the
    "other" form of a counted message. `optional` names placeholders a translation may use or
    leave out as its language needs: the English speaks "thirty seconds" from `{words}` (the
    number spelt out in English), German writes `{n} Sekunden`.
    """

    key: str
    english: str
    english_other: str | None = None
    optional: tuple[str, ...] = ()

    @property
    def counted(self) -> bool:
        """True for a message with plural forms (`Messages.count`)."""
        return self.english_other is not None

    @property
    def english_forms(self) -> dict[str, str]:
        """The English text(s) by plural form; one entry, "other", for a plain message."""
        if self.english_other is None:
            return {"other": self.english}
        return {"one": self.english, "other": self.english_other}

    @property
    def names(self) -> frozenset[str]:
        """Every placeholder a translation of this message may use."""
        found: set[str] = set(self.optional)
        for text in self.english_forms.values():
            found |= placeholders(text)
        if self.counted:
            found.add("n")
        return frozenset(found)

    @property
    def required_names(self) -> frozenset[str]:
        """Placeholders every translated form must keep (the count may be left out)."""
        required: set[str] = set()
        for text in self.english_forms.values():
            required |= placeholders(text)
        return frozenset(required - set(self.optional) - {"n"})


def placeholders(text: str) -> frozenset[str]:
    """The `{name}` placeholders in `text`; raises ValueError on a stray brace or `{0}`/`{x:>3}`."""
    names: set[str] = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"{{{name}}} is not a plain {{name}} placeholder")
        names.add(name)
    return frozenset(names)


def check_text(message: Message, text: str, *, count_form: bool = False) -> str | None:
    """Why `text` cannot stand for `message` (unknown or missing placeholder), else None.

    `count_form` is True for the "one" form of a counted message, which may drop the count.
    """
    try:
        used = placeholders(text)
    except ValueError as error:
        return f"has a broken placeholder: {error} (write {{{{ for a brace)"
    unknown = sorted(used - message.names)
    if unknown:
        offered = ", ".join(f"{{{name}}}" for name in sorted(message.names)) or "none"
        return f"uses {{{unknown[0]}}}, which this message does not offer (it offers {offered})"
    missing = sorted(message.required_names - used)
    if missing and not count_form:
        return f"leaves out {{{missing[0]}}}, which the English text uses"
    return None


class Messages:
    """The core's words in one language; a message the catalog lacks is said in English.

    Immutable after construction, compared by value; pass it to whatever speaks.
    """

    __slots__ = ("_plural", "_texts", "language")

    def __init__(
        self, language: str = "en", texts: Mapping[str, Mapping[str, str]] | None = None
    ) -> None:
        """`texts` maps a message id to its forms ("other" alone for a plain message)."""
        self.language = language
        self._texts: Mapping[str, Mapping[str, str]] = MappingProxyType(
            {key: MappingProxyType(dict(forms)) for key, forms in (texts or {}).items()}
        )
        self._plural = PLURAL_RULES.get(base_language(language), _one_other)

    def __repr__(self) -> str:
        return f"Messages({self.language!r}, {len(self._texts)} translated)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Messages):
            return NotImplemented
        return (self.language, self._texts) == (other.language, other._texts)

    def __hash__(self) -> int:
        return hash((self.language, frozenset(self._texts)))

    def text(self, message: Message, /, **values: object) -> str:
        """The message in this language (else English), its placeholders filled in."""
        if message.counted:
            raise TypeError(f"{message.key!r} is counted: say it with Messages.count")
        forms = self._texts.get(message.key)
        template = forms.get("other", message.english) if forms else message.english
        return template.format_map(values)

    def count(self, message: Message, n: int, /, **values: object) -> str:
        """A counted message for `n` ("1 desk break was", "2 desk breaks were"); `{n}` is n."""
        forms = self._texts.get(message.key)
        if forms:
            template = forms.get(self._plural(n)) or forms.get("other") or message.english
        else:
            template = message.english if n == 1 else (message.english_other or message.english)
        return template.format_map({"n": n, **values})

    def forms(self, message: Message) -> Mapping[str, str]:
        """The catalog's text(s) for `message` by plural form; empty when it has none."""
        return self._texts.get(message.key, {})

    def has(self, message: Message) -> bool:
        """True when this catalog translates `message` (English: never)."""
        return message.key in self._texts

    def translated_keys(self) -> frozenset[str]:
        """The ids this catalog translates."""
        return frozenset(self._texts)


#: The English words: every message's default, no catalog.
ENGLISH = Messages("en")


def messages_in(namespace: Mapping[str, object]) -> tuple[Message, ...]:
    """Every `Message` a module declares, also inside its dicts and tuples (`vars(module)`)."""

    def walk(value: object) -> Iterator[Message]:
        if isinstance(value, Message):
            yield value
        elif isinstance(value, dict | MappingProxyType):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, tuple | list):
            for item in value:
                yield from walk(item)

    found: dict[str, Message] = {}
    for name, value in namespace.items():
        if name.startswith("__"):
            continue
        for message in walk(value):
            found.setdefault(message.key, message)
    return tuple(found.values())


def unique(messages: Iterable[Message]) -> dict[str, Message]:
    """The messages by id; raises ValueError when two different messages share an id."""
    by_key: dict[str, Message] = {}
    for message in messages:
        if by_key.setdefault(message.key, message) != message:
            raise ValueError(f"two messages share the id {message.key!r}")
    return by_key
