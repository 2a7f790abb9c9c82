"""Reading PulseAudio's (or pipewire-pulse's) recording streams with `pactl`.

pactl 16 and later print JSON (`--format=json`); older ones only their text, which is
translated, so pactl always runs in the C locale. The parsers never raise: what they cannot read
they leave out.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "PactlRun",
    "Recording",
    "is_json_object",
    "monitor_sources",
    "no_pactl",
    "pactl_runner",
    "parse_json",
    "parse_text",
]

#: Runs pactl with these arguments; its standard output, or None when it failed or timed out.
PactlRun = Callable[[Sequence[str]], str | None]

# Level meters watch a source without recording it: pavucontrol's and GNOME Settings' VU bars
# ask for "peak detect" streams, which the server resamples with the "peaks" method.
_LEVEL_METER_APPS = frozenset({"org.PulseAudio.pavucontrol", "org.gnome.VolumeControl"})
_PROPERTY_LINE = re.compile(r'^\t\t([\w.-]+) = "(.*)"$')


def pactl_runner(pactl: str, environ: Mapping[str, str]) -> PactlRun:
    """Run `pactl` with a 1-s limit, in the C locale (the text output is translated)."""

    def run(arguments: Sequence[str]) -> str | None:
        try:
            done = subprocess.run(
                [pactl, *arguments],
                capture_output=True,
                text=True,
                timeout=1.0,
                check=False,
                env={**environ, "LC_ALL": "C"},
            )
        except (OSError, subprocess.SubprocessError, ValueError):
            return None
        return done.stdout if done.returncode == 0 else None

    return run


def no_pactl(_arguments: Sequence[str]) -> str | None:
    """The runner of a provider that gave up: never an answer."""
    return None


@dataclass(frozen=True, slots=True)
class Recording:
    """One recording stream (source-output): the source it records and who records it."""

    source: int | None
    pid: int | None
    level_meter: bool


def _number(text: object) -> int | None:
    try:
        return int(str(text))
    except ValueError:
        return None


def _recording(source: object, resample: object, properties: Mapping[str, object]) -> Recording:
    meter = resample == "peaks" or properties.get("application.id") in _LEVEL_METER_APPS
    return Recording(_number(source), _number(properties.get("application.process.id")), meter)


def is_json_object(output: str | None) -> bool:
    """Whether `output` is a JSON object (what `pactl --format=json info` prints)."""
    try:
        return output is not None and isinstance(json.loads(output), dict)
    except ValueError:
        return False


def parse_json(output: str) -> list[Recording] | None:
    """`pactl --format=json list source-outputs`; None when it is not the expected JSON."""
    try:
        streams = json.loads(output)
    except ValueError:
        return None
    if not isinstance(streams, list):
        return None
    found = []
    for stream in streams:
        if isinstance(stream, dict):
            properties = stream.get("properties")
            found.append(
                _recording(
                    stream.get("source"),
                    stream.get("resample_method"),
                    properties if isinstance(properties, dict) else {},
                )
            )
    return found


def parse_text(output: str) -> list[Recording]:
    """`pactl list source-outputs` in the C locale: a block per stream, properties indented."""
    found = []
    for block in re.split(r"^Source Output #", output, flags=re.MULTILINE)[1:]:
        fields: dict[str, str] = {}
        properties: dict[str, object] = {}
        for line in block.splitlines():
            match = _PROPERTY_LINE.match(line)
            if match:
                properties[match[1]] = match[2]
            elif line.startswith("\t") and ": " in line:
                key, _, value = line.strip().partition(": ")
                fields[key] = value
        found.append(_recording(fields.get("Source"), fields.get("Resample method"), properties))
    return found


def monitor_sources(output: str) -> set[int]:
    """The indexes of `.monitor` sources in `pactl list short sources` (tab-separated text)."""
    monitors = set()
    for line in output.splitlines():
        index, _, rest = line.partition("\t")
        if index.isdigit() and rest.split("\t", 1)[0].endswith(".monitor"):
            monitors.add(int(index))
    return monitors
