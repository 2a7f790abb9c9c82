"""Is speech-dispatcher answering? Asked before Qt's speechd engine is created.

Qt's speechd engine connects to the speech-dispatcher daemon inside QTextToSpeech's constructor
and waits for its answer without a time limit. A daemon that is running but wedged (seen on a
machine without a sound server: it accepts the connection and never replies) would freeze
SpineCoach at the first spoken cue. So the socket is tried first, with a short timeout, in the
daemon's own protocol (SSIP): a daemon that does not answer "2xx" is not used.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from pathlib import Path

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 0.5
_HELLO = b"SET SELF CLIENT_NAME user:spinecoach:probe\r\n"


def speechd_socket_path(environ: Mapping[str, str] = os.environ, home: Path | None = None) -> Path:
    """Where the daemon listens: $SPEECHD_ADDRESS, else under $XDG_RUNTIME_DIR, else ~/.cache."""
    address = environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.removeprefix("unix_socket:"))
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime:
        return Path(runtime) / "speech-dispatcher" / "speechd.sock"
    return (home or Path.home()) / ".cache" / "speech-dispatcher" / "speechd.sock"


def speechd_answers(path: Path | None = None, timeout: float = PROBE_TIMEOUT_S) -> bool:
    """False only when a daemon is there but does not answer in time; True otherwise.

    No socket, or a stale one nobody listens on, is True: Qt's engine then starts a new daemon
    itself, which is its normal path.
    """
    path = path if path is not None else speechd_socket_path()
    if not path.exists():
        return True
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout)
        try:
            connection.connect(str(path))
        except OSError:
            return True  # nobody listening: a stale socket the engine replaces
        try:
            connection.sendall(_HELLO)
            reply = connection.recv(256)
        except TimeoutError:
            log.warning("speech-dispatcher at %s does not answer: spoken cues are off", path)
            return False
        except OSError:
            return True
    if reply.startswith(b"2"):
        return True
    log.warning("speech-dispatcher at %s answered %r: spoken cues are off", path, reply[:40])
    return False
