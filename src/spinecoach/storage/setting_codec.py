"""Settings as stored: one strict-JSON text per key.

Apart from the record rows: decoding a setting needs none of the record types.
"""

from __future__ import annotations

import json
from typing import TypeAlias

from spinecoach.storage.errors import StoredDataError

JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None
"""What a setting may hold: anything that survives a trip through strict JSON."""


def encode_setting(key: str, value: JsonValue) -> str:
    """Strict JSON only: NaN/Infinity are refused because other JSON readers reject them."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"setting {key!r} cannot be stored as JSON: {exc}") from exc


def decode_setting(key: str, text: str) -> JsonValue:
    """Decode a stored setting, or raise StoredDataError naming the key."""
    try:
        value: JsonValue = json.loads(text, parse_constant=_refuse_constant)
    except ValueError as exc:
        raise StoredDataError(f"setting {key!r} holds text that is not JSON: {exc}") from exc
    return value


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")
